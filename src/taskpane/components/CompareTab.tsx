import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import { usePane } from '../paneContext';
import { comparisonRows } from '../../io/output';
import type { Planner } from '../planner';
import { fmt, pct, useLanguage, useWords } from '../i18n';
import { Section, useAction, useCommonStyles, WriteButton } from './common';

/** Sammenlign: every scenario side by side with its rating and pass/fail; writes the comparison sheet. */
export function CompareTab({ planner, version, onLoaded }: { planner: Planner; version: number; onLoaded: () => void }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const { busy, notice, run } = useAction();
  const { state } = usePane();
  // The planner is mutable; `version` counts its changes, so it is what the memo depends on.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const scores = useMemo(() => (state.loaded?.value ? planner.scores() : []), [planner, state.loaded, version]);
  if (scores.length === 0) return <Text>{w.needData}</Text>;
  const rows = comparisonRows(planner.params, lang);
  const show = (v: unknown, format: string) =>
    typeof v !== 'number'
      ? String(v ?? '–')
      : format.includes('%')
        ? pct(lang, v, format.includes('.0') ? 1 : 0)
        : fmt(lang, v, format.includes('.0') ? 1 : 0);
  return (
    <div className={s.stack}>
      <Section title={w.compareTitle}>
        <div className={s.scroll}>
          {/* Wide enough to read, scrolling sideways in the narrow pane rather than squeezing every column. */}
          <Table
            size="extra-small"
            className={s.table}
            style={{ minWidth: `${110 + 80 * scores.length}px`, tableLayout: 'fixed' }}
            aria-label={w.compareTitle}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={s.key} style={{ width: '110px' }}>
                  {w.measure}
                </TableHeaderCell>
                {scores.map((x) => (
                  <TableHeaderCell key={x.name} className={s.num}>
                    {x.name}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell className={s.key}>{w.pass}</TableCell>
                {scores.map((x) => (
                  <TableCell key={x.name} className={s.num}>
                    {x.totals.officesFailing === 0 ? (
                      <Badge color="success">{w.ok}</Badge>
                    ) : (
                      <Badge color="danger" aria-label={`${x.totals.officesFailing} ${w.failing}`}>{`${x.totals.officesFailing} ✕`}</Badge>
                    )}
                  </TableCell>
                ))}
              </TableRow>
              {rows.map((r) => (
                <TableRow key={r.label}>
                  <TableCell className={s.key}>{`${r.label} (${r.unit})`}</TableCell>
                  {scores.map((x) => (
                    <TableCell key={x.name} className={s.num}>
                      {show(r.value(x), r.format)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </Section>
      <WriteButton
        label={w.writeComparison}
        busy={busy}
        notice={notice}
        run={run}
        write={(onStage) => planner.writeScenarios({ check: true, onStage })}
        onLoaded={onLoaded}
      />
    </div>
  );
}
