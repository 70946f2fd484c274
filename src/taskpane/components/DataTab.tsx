import { Button, Link, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { SheetKind } from '../../io/headers';
import type { ColumnMapping } from '../../io/mapping';
import { formatProblem } from '../../io/problems';
import type { Planner } from '../planner';
import { useLanguage, useWords } from '../i18n';
import { NoticeBar, Section, useAction, useCommonStyles, Choice } from './common';

/** Problems listed one by one; the rest are counted (a wrong mapping can give hundreds). */
const MAX_SHOWN = 40;

/** Data: what was found (sheets, columns), the mapping to correct it, every problem with a link to its cell, and the sample. */
export function DataTab({ planner, onLoaded }: { planner: Planner; onLoaded: () => void }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const { busy, notice, run } = useAction();
  const loaded = planner.loaded;
  const [mapping, setMapping] = useState<ColumnMapping>(planner.settings.mapping ?? {});
  const [county, setCounty] = useState('18');
  const counties = planner.counties();

  const chooseSheet = (kind: SheetKind, sheet: string | undefined) => {
    const sheets = { ...(mapping.sheets ?? {}) };
    if (sheet) sheets[kind] = sheet;
    else delete sheets[kind];
    setMapping({ ...mapping, sheets });
  };
  const chooseColumn = (sheet: string, field: string, header: string | undefined) => {
    const cols = { ...(mapping.columns?.[sheet] ?? {}) };
    if (header) cols[field] = header;
    else delete cols[field];
    setMapping({ ...mapping, columns: { ...(mapping.columns ?? {}), [sheet]: cols } });
  };

  return (
    <div className={s.stack}>
      <NoticeBar notice={notice} />
      <Section title={w.sheetsFound}>
        {!loaded ? (
          <Spinner size="tiny" label={w.reading} />
        ) : (
          loaded.found
            .filter((f) => f.kind !== 'ferries')
            .map((f) => (
              <div key={f.kind} className={s.section}>
                <Choice
                  label={w.inputKind[f.kind]!}
                  ariaLabel={`${w.chooseSheet}: ${w.inputKind[f.kind]}`}
                  value={mapping.sheets?.[f.kind] ?? ''}
                  options={[
                    { value: '', text: f.sheet ?? w.notFound, label: w.automatic },
                    ...loaded.sheetNames.map((n) => ({ value: n, text: n })),
                  ]}
                  onChange={(v) => chooseSheet(f.kind, v || undefined)}
                />
                {f.sheet && (
                  <div className={s.row}>
                    {f.fields
                      .filter((x) => x.required || x.header)
                      .map((x) => (
                        <Choice
                          key={x.key}
                          label={x.label}
                          style={{ minWidth: '130px', flex: '1 1 130px' }}
                          ariaLabel={`${w.chooseColumn} (${w.inputKind[f.kind]}): ${x.label}`}
                          value={mapping.columns?.[f.sheet!]?.[x.key] ?? ''}
                          options={[
                            { value: '', text: x.header ?? w.notFound, label: w.automatic },
                            ...f.headers.map((h) => ({ value: h, text: h })),
                          ]}
                          onChange={(v) => chooseColumn(f.sheet!, x.key, v || undefined)}
                        />
                      ))}
                  </div>
                )}
              </div>
            ))
        )}
        <div className={s.row}>
          <Button
            appearance="primary"
            disabled={busy || !loaded}
            onClick={() => run(async () => void (await planner.saveSettings({ ...planner.settings, mapping }), onLoaded()))}
          >
            {w.saveMapping}
          </Button>
          <Button disabled={busy} onClick={() => run(async () => void (await planner.load(), onLoaded()))}>
            {w.reread}
          </Button>
        </div>
      </Section>

      {loaded && (
        <Section title={w.problems}>
          {loaded.problems.length === 0 ? (
            <Text>{w.noProblems}</Text>
          ) : (
            <ul style={{ margin: 0, paddingLeft: '1.2em' }} aria-label={w.problems}>
              {loaded.problems.slice(0, MAX_SHOWN).map((p, i) => (
                <li key={i}>
                  <Text weight={p.severity === 'error' ? 'semibold' : 'regular'}>{p.severity === 'error' ? w.error : w.note}: </Text>
                  {/* Text from cells is rendered as text, never as HTML. */}
                  <Text>{formatProblem(p, lang)}</Text>{' '}
                  {loaded.sheetNames.includes(p.sheet) && (
                    <Link as="button" onClick={() => void planner.workbook.select(p.sheet, p.cell).catch(() => undefined)}>
                      {w.goTo} {p.cell ? `${p.sheet}!${p.cell}` : p.sheet}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          {loaded.problems.length > MAX_SHOWN && <Text>{w.moreProblems(loaded.problems.length - MAX_SHOWN)}</Text>}
        </Section>
      )}

      <Section title={w.sample}>
        <Text size={200} className={s.muted}>
          {w.sampleHelp}
        </Text>
        <div className={s.row}>
          <Choice
            label={w.county}
            value={county}
            options={counties.map((c) => ({ value: c.number, text: c.name, label: `${c.number} ${c.name}` }))}
            onChange={setCounty}
          />
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const l = await planner.insertSample(county);
                onLoaded();
                return `${w.written}: ${l.sheetNames.join(', ')}`;
              })
            }
          >
            {w.insertSample}
          </Button>
        </div>
        {busy && <Spinner size="tiny" label={w.busy} />}
      </Section>
    </div>
  );
}
