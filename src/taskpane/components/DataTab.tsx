import { Button, Link, Spinner, Text } from '@fluentui/react-components';
import { usePane } from '../paneContext';
import { selectFirstRun, selectMapping } from '../store';
import type { SheetKind } from '../../io/headers';
import type { ColumnMapping, FoundInput } from '../../io/mapping';
import { formatProblem } from '../../io/problems';
import { SampleTakenError, type Loaded, type Planner } from '../planner';
import { useLanguage, useWords } from '../i18n';
import { ActionNotice, Section, useAction, useCommonStyles, useStage, Choice } from './common';

/** Problems listed one by one; the rest are counted (a wrong mapping can give hundreds). */
const MAX_SHOWN = 40;
/** The sample's choice for the whole country. */
const ALL = 'all';

/** The mapping being edited (the store's, else the workbook's), with a sheet or a column chosen for it (undefined: automatic). */
function useMappingEdits(planner: Planner) {
  const { state, dispatch } = usePane();
  // What was chosen lives in the pane's store (store.ts), above the tabs.
  const mapping = selectMapping(state, planner.settings.mapping);
  const setMapping = (m: ColumnMapping) => dispatch({ type: 'data', patch: { mapping: m } });
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
  return { mapping, chooseSheet, chooseColumn };
}

/** Inserting the sample for a county (or all of Norway) through `sample`, with the stage it is at meanwhile. */
function useInsertSample(
  planner: Planner,
  sample: ReturnType<typeof useAction>,
  county: string,
  counties: readonly { number: string; name: string }[],
  onLoaded: () => void,
) {
  const w = useWords();
  const stage = useStage();
  const insert = () =>
    sample.run(async () => {
      const all = county === ALL;
      try {
        const added = await planner.insertSample(all ? undefined : county, stage.onStage);
        onLoaded();
        const place = all ? w.allOfNorwayInText : (counties.find((c) => c.number === county)?.name ?? county);
        return w.sampleInserted(place, added.municipalities, added.sheets);
      } catch (e) {
        if (e instanceof SampleTakenError) throw new Error(w.sampleTaken(e.sheets));
        throw e;
      } finally {
        stage.clear();
      }
    });
  return { stage: stage.label, insert };
}

/**
 * Data: the problems first, each with a link to its cell; then what was found (sheets,
 * columns) with the mapping to correct it; and the sample. A workbook without municipality
 * data opens as a guide: insert a sample, or choose your own sheets.
 */
export function DataTab({ planner, onLoaded }: { planner: Planner; version?: number; onLoaded: () => void }) {
  const w = useWords();
  const s = useCommonStyles();
  const sample = useAction();
  const mappingAction = useAction();
  const busy = sample.busy || mappingAction.busy;
  const { state, dispatch } = usePane();
  const loaded = state.loaded;
  const { mapping, chooseSheet, chooseColumn } = useMappingEdits(planner);
  const { county, ownSheets } = state.data;
  const counties = planner.counties();
  const { stage, insert } = useInsertSample(planner, sample, county, counties, onLoaded);
  // First run: no sheet of municipalities found, none chosen.
  const empty = selectFirstRun(state, planner.settings.mapping);
  const guide = empty && !ownSheets;

  const sampleSection = (
    <SampleSection
      guide={guide}
      counties={counties}
      county={county}
      onCounty={(c) => dispatch({ type: 'data', patch: { county: c } })}
      busy={busy}
      sample={sample}
      stage={stage}
      onInsert={() => void insert()}
      onOwnSheets={() => dispatch({ type: 'data', patch: { ownSheets: true } })}
    />
  );

  if (!loaded) return <Spinner size="tiny" label={w.reading} />;
  if (guide) return <div className={s.stack}>{sampleSection}</div>;

  return (
    <div className={s.stack}>
      <ProblemsSection loaded={loaded} planner={planner} />
      <Section title={w.sheetsFound}>
        {loaded.found
          .filter((f) => f.kind !== 'ferries')
          // Before the municipalities are found, only their sheet is asked for.
          .filter((f) => !empty || f.kind === 'municipalities')
          .map((f) => (
            <SheetChoice
              key={f.kind}
              found={f}
              sheetNames={loaded.sheetNames}
              empty={empty}
              mapping={mapping}
              chooseSheet={chooseSheet}
              chooseColumn={chooseColumn}
            />
          ))}
        <div className={s.row}>
          <Button
            appearance="primary"
            disabledFocusable={busy}
            onClick={() =>
              void mappingAction.run(async () => void (await planner.saveSettings({ ...planner.settings, mapping }), onLoaded()))
            }
          >
            {w.saveMapping}
          </Button>
          <Button disabledFocusable={busy} onClick={() => void mappingAction.run(async () => void (await planner.load(), onLoaded()))}>
            {w.reread}
          </Button>
        </div>
        {mappingAction.busy && <Spinner size="tiny" label={w.reading} />}
        <ActionNotice notice={mappingAction.notice} />
      </Section>

      {sampleSection}
    </div>
  );
}

/** The sample: a county (or all of Norway) to insert; as the guide, also the way to one's own sheets. */
function SampleSection(p: {
  guide: boolean;
  counties: readonly { number: string; name: string }[];
  county: string;
  onCounty: (c: string) => void;
  busy: boolean;
  sample: ReturnType<typeof useAction>;
  stage: string | undefined;
  onInsert: () => void;
  onOwnSheets: () => void;
}) {
  const w = useWords();
  const s = useCommonStyles();
  const { guide, busy } = p;
  return (
    <Section title={guide ? w.welcome : w.sample}>
      <Text size={200} className={guide ? undefined : s.muted}>
        {guide ? w.welcomeText : w.sampleHelp}
      </Text>
      <div className={s.row}>
        <Choice
          label={w.county}
          value={p.county}
          options={[
            ...p.counties.map((c) => ({ value: c.number, text: c.name, label: `${c.number} ${c.name}` })),
            { value: ALL, text: w.allOfNorway },
          ]}
          onChange={p.onCounty}
        />
        {/* Kept focusable while busy (aria-disabled), so focus stays where the planner pressed. */}
        <Button appearance="primary" disabledFocusable={busy} onClick={p.onInsert}>
          {w.insertSample}
        </Button>
        {guide && (
          <Button disabled={busy} onClick={p.onOwnSheets}>
            {w.mapOwn}
          </Button>
        )}
      </div>
      {p.sample.busy && <Spinner size="tiny" label={p.stage ?? w.busy} />}
      <ActionNotice notice={p.sample.notice} />
    </Section>
  );
}

/** The problems found, the first MAX_SHOWN each with a link to its cell, the rest counted. */
function ProblemsSection({ loaded, planner }: { loaded: Loaded; planner: Planner }) {
  const w = useWords();
  const lang = useLanguage();
  return (
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
                <Link as="button" onClick={() => void planner.select(p).catch(() => undefined)}>
                  {w.goTo} {p.cell ? `${p.sheet}!${p.cell}` : p.sheet}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {loaded.problems.length > MAX_SHOWN && <Text>{w.moreProblems(loaded.problems.length - MAX_SHOWN)}</Text>}
    </Section>
  );
}

/** One kind of input: the sheet it is read from and, once found, the column of each field. */
function SheetChoice(p: {
  found: FoundInput;
  sheetNames: readonly string[];
  empty: boolean;
  mapping: ColumnMapping;
  chooseSheet: (kind: SheetKind, sheet: string | undefined) => void;
  chooseColumn: (sheet: string, field: string, header: string | undefined) => void;
}) {
  const w = useWords();
  const s = useCommonStyles();
  const { found: f, mapping } = p;
  return (
    <div className={s.section}>
      <Choice
        label={w.inputKind[f.kind]!}
        ariaLabel={`${w.chooseSheet}: ${w.inputKind[f.kind]}`}
        value={mapping.sheets?.[f.kind] ?? ''}
        options={[
          { value: '', text: f.sheet ?? (p.empty ? '' : w.notFound), label: w.automatic },
          ...p.sheetNames.map((n) => ({ value: n, text: n })),
        ]}
        onChange={(v) => p.chooseSheet(f.kind, v || undefined)}
      />
      {f.sheet && (
        <div className={s.row}>
          {f.fields
            .filter((x) => x.required || x.header)
            .map((x) => ({ ...x, label: w.fieldLabels[`${f.kind}.${x.key}`] ?? w.fieldLabels[x.key] ?? x.label }))
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
                onChange={(v) => p.chooseColumn(f.sheet!, x.key, v || undefined)}
              />
            ))}
        </div>
      )}
    </div>
  );
}
