import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import { usePane } from '../paneContext';
import type { Planner } from '../planner';
import { fmt, useLanguage, useWords } from '../i18n';
import { MapView } from './MapView';
import { Section, shortName, useAction, useCommonStyles, WriteButton, Choice } from './common';

/** Scenarier: each scenario scored; one picked shows its offices as a table and a map. */
export function ScenariosTab({ planner, version, onLoaded }: { planner: Planner; version: number; onLoaded: () => void }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const { busy, notice, run } = useAction();
  const { state, dispatch } = usePane();
  // Scores follow the workbook as last read (version changes on every read).
  // The planner is mutable; `version` counts its changes, so it is what the memo depends on.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const scores = useMemo(() => (state.loaded?.value ? planner.scores() : []), [planner, state.loaded, version]);
  const picked = state.picked;
  const setPicked = (scenario: string) => dispatch({ type: 'pick', scenario });
  if (scores.length === 0) return <Text>{w.needData}</Text>;
  const score = scores.find((x) => x.name === picked) ?? scores[0]!;

  const broken = state.loaded?.value?.sheetsUsed.brokenScenarios ?? [];
  return (
    <div className={s.stack}>
      {broken.length > 0 && <Text role="alert">{w.brokenScenarios(broken.map(w.quote).join(', '))}</Text>}
      <Choice
        label={w.scenario}
        value={score.name}
        options={scores.map((x) => ({
          value: x.name,
          text: x.name,
          label: `${x.name} (${w.rank.toLowerCase()} ${x.rank}, ${x.admissible ? w.admissible : w.inadmissible}, ${x.totals.offices} ${w.offices}, ${w.rating.toLowerCase()} ${fmt(lang, x.totals.rating)})`,
        }))}
        onChange={setPicked}
      />
      <Text>
        {w.rank} {score.rank} ({score.admissible ? w.admissible : w.inadmissible}) · {score.totals.offices} {w.offices} · {w.rating}{' '}
        {fmt(lang, score.totals.rating)} {w.ratingMeaning} ({fmt(lang, score.totals.ratingPerMunicipality)} {w.perMunicipality}) ·{' '}
        {score.totals.officesFailing > 0 ? (
          <Badge color="danger">{`${score.totals.officesFailing} ${w.failing}`}</Badge>
        ) : (
          <Badge color="success">{w.ok}</Badge>
        )}
      </Text>
      <MapView score={score} />
      <Section title={w.scenario}>
        <div className={s.scroll}>
          <Table size="extra-small" className={s.table} aria-label={`${w.scenario} ${score.name}`}>
            <TableHeader>
              <TableRow>
                {/* The office and its pass/fail first: what the planner scans for, in view at 320 px. */}
                <TableHeaderCell className={s.key}>{w.host}</TableHeaderCell>
                <TableHeaderCell>{w.pass}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.members}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.fte}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.travel}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {score.offices.map((o) => (
                <TableRow key={o.host}>
                  <TableCell className={s.key} title={o.members.map((m) => m.name).join(', ')}>
                    {shortName(o.hostName)}
                  </TableCell>
                  <TableCell>{o.pass ? w.ok : <Badge color="danger">{w.fails}</Badge>}</TableCell>
                  <TableCell className={s.num}>{o.members.length}</TableCell>
                  <TableCell className={s.num}>{fmt(lang, o.fte, 1)}</TableCell>
                  <TableCell className={s.num}>{fmt(lang, o.weightedTravelMinutes, 1)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </Section>
      <WriteButton
        label={w.writeScenarios}
        busy={busy}
        notice={notice}
        run={run}
        write={(onStage) => planner.writeScenarios({ check: true, onStage })}
        onLoaded={onLoaded}
      />
    </div>
  );
}
