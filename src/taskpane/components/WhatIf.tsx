/**
 * Hva om: what-if in place. Pick a scenario, move municipalities between hosts or change their
 * service points from a table (or pick one on the map), and see the key figures, the verdict,
 * the consequence table and every municipality before and now, scored again at once
 * (src/app/whatif.ts), with undo and redo; then keep it as a new scenario in Kontorplan's own
 * sheet KP Egne scenarier.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { siteCostOf } from '../../app/steps';
import {
  canRedo,
  canUndo,
  edit,
  hostChoices,
  keepAsScenario,
  rebase,
  redo,
  start,
  undo,
  whatIfMessage,
  WhatIfScorer,
  type Edit,
  type WhatIfContext,
  type WhatIfState,
} from '../../app/whatif';
import type { MunicipalityNumber, Scenario, ServicePoint } from '../../domain/types';
import { servicePointLabel } from '../../io/servicePoint';
import { inadmissibleReason, RULE_LABELS } from '../../io/verdictText';
import { gradeText } from '../../scoring/consequences';
import type { ScenarioScore } from '../../scoring/score';
import { travelMinutes } from '../../travel/matrix';
import { fingerprint } from '../changes';
import { fmt, pct, useLanguage, useWords } from '../i18n';
import type { Planner } from '../planner';
import { ActionNotice, Choice, Section, shortName, useAction, useCommonStyles, type Notice } from './common';
import { MapView } from './MapView';

/** How many hosts a row offers besides its own and itself: the nearest by travel (357 rows × every host would be too many). */
export const NEAREST_HOSTS = 15;

/** The service points a partner can have, as the select's values. */
const SITES: readonly ServicePoint[] = [
  { kind: 'none' },
  { kind: 'meeting' },
  { kind: 'branch', days: 1 },
  { kind: 'branch', days: 2 },
  { kind: 'branch', days: 3 },
  { kind: 'branch', days: 4 },
  { kind: 'branch', days: 5 },
  { kind: 'full' },
];
const siteKey = (sp: ServicePoint) => (sp.kind === 'branch' ? `branch:${sp.days}` : sp.kind);
const siteOf = (key: string): ServicePoint => SITES.find((sp) => siteKey(sp) === key) ?? { kind: 'none' };

const useStyles = makeStyles({
  select: { maxWidth: '11rem', fontSize: tokens.fontSizeBase200 },
  changed: { fontWeight: tokens.fontWeightSemibold },
  picked: { backgroundColor: tokens.colorBrandBackground2 },
});

/** The tab: a scenario to start from; the editor starts again when another is picked. */
export function WhatIfTab({ planner, version, onLoaded }: { planner: Planner; version: number; onLoaded: () => void }) {
  const w = useWords();
  const value = planner.loaded?.value;
  const [picked, setPicked] = useState<string | undefined>();
  // Everything the edits are checked and scored against, once per read of the workbook.
  const ctx = useMemo<WhatIfContext | undefined>(
    () => (value ? { input: value, params: planner.params, municipalitiesSheet: value.sheetsUsed.municipalities } : undefined),
    [planner, value, version],
  );
  if (!value || !ctx || value.scenarios.length === 0) return <Text>{w.needData}</Text>;
  const base = value.scenarios.find((s) => s.name === picked) ?? value.scenarios[0]!;
  return (
    <div>
      <Choice
        label={w.scenario}
        value={base.name}
        options={value.scenarios.map((s) => ({ value: s.name, text: s.name }))}
        onChange={setPicked}
      />
      <WhatIf key={base.name} ctx={ctx} base={base} planner={planner} onLoaded={onLoaded} />
    </div>
  );
}

/**
 * The editor over one scenario. `ctx` changes when the workbook is read again: the edits are made
 * again on the scenario as read now (those that no longer apply are dropped, and said so).
 */
export function WhatIf({ ctx, base, planner, onLoaded }: { ctx: WhatIfContext; base: Scenario; planner?: Planner; onLoaded?: () => void }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const st = useStyles();
  const scorer = useMemo(() => new WhatIfScorer(ctx), [ctx]);
  const [state, setState] = useState<WhatIfState>(() => start(base));
  const [notice, setNotice] = useState<Notice | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [name, setName] = useState('');
  const keep = useAction();
  const rows = useRef(new Map<string, HTMLSelectElement>());

  // A new reading of the workbook: the same edits on the scenario as it is now.
  const seen = useRef({ ctx, base });
  useEffect(() => {
    if (seen.current.ctx === ctx && seen.current.base === base) return;
    seen.current = { ctx, base };
    const r = rebase(state, base, ctx);
    setState(r.state);
    if (r.dropped.length > 0) setNotice({ intent: 'warning', text: r.dropped.map((d) => whatIfMessage(d.error, lang)).join(' ') });
  }, [ctx, base, lang, state]);

  const score = useMemo(() => scorer.score(state.scenario), [scorer, state.scenario]);
  const before = useMemo(() => scorer.score(state.base), [scorer, state.base]);
  const names = useMemo(() => new Map(ctx.input.municipalities.map((m) => [m.number as string, m.name])), [ctx]);
  const label = (n: string) => shortName(names.get(n) ?? n);

  const change = (e: Edit) => {
    const r = edit(state, e, ctx);
    if (r.error) setNotice({ intent: 'error', text: whatIfMessage(r.error, lang) });
    else {
      setNotice(undefined);
      setState(r.state);
    }
  };

  const memberOf = (sc: ScenarioScore) => {
    const m = new Map<string, { host: MunicipalityNumber; member: ScenarioScore['offices'][number]['members'][number] }>();
    for (const o of sc.offices) for (const x of o.members) m.set(x.number, { host: o.host, member: x });
    return m;
  };
  const now = memberOf(score);
  const was = memberOf(before);
  const breaksOf = new Map<string, string[]>();
  for (const b of score.breaches) breaksOf.set(b.kommunenummer, [...(breaksOf.get(b.kommunenummer) ?? []), RULE_LABELS[b.rule][lang]]);

  const hostOptions = (member: MunicipalityNumber, host: MunicipalityNumber) => {
    const all = hostChoices(state.scenario, member).filter((h) => h !== host && h !== member);
    const near = all
      .map((h) => ({ h, minutes: travelMinutes(ctx.input.travel, member, h) }))
      .sort((a, b) => (Number.isNaN(a.minutes) ? 1 : Number.isNaN(b.minutes) ? -1 : a.minutes - b.minutes))
      .slice(0, NEAREST_HOSTS);
    return [
      { value: host, text: host === member ? w.whatIfOwnOffice(label(member)) : label(host) },
      ...(host === member ? [] : [{ value: member, text: w.whatIfOwnOffice(label(member)) }]),
      ...near.map(({ h, minutes }) => ({ value: h, text: w.whatIfMinutesAway(label(h), fmt(lang, minutes)) })),
    ];
  };

  const pickOnMap = (n: string) => {
    setSelected(n);
    const el = rows.current.get(n);
    el?.scrollIntoView?.({ block: 'nearest' });
    el?.focus();
  };

  const metrics: [string, (x: ScenarioScore) => string][] = [
    ['offices', (x) => fmt(lang, x.totals.offices)],
    ['rating', (x) => fmt(lang, x.totals.rating)],
    ['weightedTravel', (x) => fmt(lang, x.totals.weightedTravelMinutes, 1)],
    ['maxTravel', (x) => fmt(lang, x.totals.maxTravelMinutes, 0)],
    ['minOfficeFte', (x) => fmt(lang, x.totals.minOfficeFte, 1)],
    ['vulnerability', (x) => pct(lang, x.totals.vulnerability, 2)],
    ['officesFailing', (x) => fmt(lang, x.totals.officesFailing)],
    ['staffTravel', (x) => fmt(lang, x.totals.staffTravelMinutesPerWeek)],
    ['siteCost', (x) => fmt(lang, x.totals.siteCostKr)],
  ];

  const kept = async (): Promise<Notice> => {
    if (!planner) throw new Error(w.notRead);
    const value = planner.loaded?.value;
    if (!value) throw new Error(w.notRead);
    // What is written must rest on the workbook as it is now.
    const was = planner.loaded!.snapshot;
    const read = await planner.load();
    if (fingerprint(was) !== fingerprint(read.snapshot)) {
      onLoaded?.();
      throw new Error(w.staleData);
    }
    const r = await keepAsScenario(planner.workbook, value, state.scenario, name, siteCostOf(value, ctx.params), lang);
    if ('code' in r) return { intent: 'error', text: whatIfMessage(r, lang) };
    await planner.load();
    onLoaded?.();
    setName('');
    return { intent: 'success', text: w.whatIfKept(r.scenario, r.sheet) };
  };

  return (
    <div className={s.stack}>
      <Text size={200}>{w.whatIfHelp}</Text>
      <div className={s.row} role="toolbar" aria-label={w.tabWhatIf}>
        <Button size="small" disabled={!canUndo(state)} onClick={() => (setNotice(undefined), setState(undo(state)))}>
          {w.whatIfUndo}
        </Button>
        <Button size="small" disabled={!canRedo(state)} onClick={() => (setNotice(undefined), setState(redo(state)))}>
          {w.whatIfRedo}
        </Button>
        <Text size={200} role="status">
          {w.whatIfEdits(state.edits.length)}
        </Text>
      </div>
      <ActionNotice notice={notice} />

      <Section title={w.whatIfVerdict}>
        {score.admissible ? (
          <Text role="status">
            <Badge color="success">{w.ok}</Badge> {w.whatIfAdmissible}
          </Text>
        ) : (
          <Text role="status">
            <Badge color="danger">{w.fails}</Badge> {w.whatIfInadmissible(inadmissibleReason(score, lang))}
          </Text>
        )}
      </Section>

      <Section title={w.whatIfMetrics}>
        <div className={s.scroll}>
          <Table size="extra-small" className={s.table} aria-label={w.whatIfMetrics}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={s.key}>{w.whatIfMeasure}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.whatIfBefore}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.whatIfNow}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {metrics.map(([id, f]) => (
                <TableRow key={id} data-metric={id}>
                  <TableCell className={s.key}>{w.whatIfMetricLabels[id]}</TableCell>
                  <TableCell className={s.num}>{f(before)}</TableCell>
                  <TableCell className={mergeClasses(s.num, f(before) !== f(score) && st.changed)}>{f(score)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </Section>

      <Section title={w.whatIfMembersTitle}>
        <div className={s.scroll}>
          <Table size="extra-small" className={s.table} aria-label={w.whatIfMembersTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={s.key}>{w.whatIfMunicipality}</TableHeaderCell>
                <TableHeaderCell>{w.whatIfHost}</TableHeaderCell>
                <TableHeaderCell>{w.whatIfSite}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.whatIfToHost}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.whatIfAccess}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{w.whatIfLocalDays}</TableHeaderCell>
                <TableHeaderCell>{w.whatIfBreaks}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ctx.input.municipalities.map((m) => {
                const n = now.get(m.number);
                const b = was.get(m.number);
                if (!n) return null;
                const isHost = n.host === m.number;
                const moved = b !== undefined && b.host !== n.host;
                const breaks = breaksOf.get(m.number) ?? [];
                const arrow = (x: number | undefined, y: number, d: number) =>
                  x === undefined || fmt(lang, x, d) === fmt(lang, y, d) ? fmt(lang, y, d) : `${fmt(lang, x, d)} → ${fmt(lang, y, d)}`;
                return (
                  <TableRow key={m.number} data-municipality={m.number} className={selected === m.number ? st.picked : undefined}>
                    <TableCell className={mergeClasses(s.key, selected === m.number && st.picked)} title={m.name}>
                      {shortName(m.name)}
                    </TableCell>
                    <TableCell>
                      <select
                        className={mergeClasses(st.select, moved && st.changed)}
                        aria-label={w.whatIfHostOf(m.name)}
                        value={n.host}
                        ref={(el) => {
                          if (el) rows.current.set(m.number, el);
                          else rows.current.delete(m.number);
                        }}
                        onChange={(e) => change({ kind: 'move', member: m.number, host: e.target.value as MunicipalityNumber })}
                      >
                        {hostOptions(m.number, n.host).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.text}
                          </option>
                        ))}
                      </select>
                    </TableCell>
                    <TableCell>
                      {isHost ? (
                        <Text size={200}>{w.whatIfMainOffice}</Text>
                      ) : (
                        <select
                          className={st.select}
                          aria-label={w.whatIfSiteOf(m.name)}
                          value={siteKey(n.member.servicePoint)}
                          onChange={(e) => change({ kind: 'servicePoint', member: m.number, servicePoint: siteOf(e.target.value) })}
                        >
                          {SITES.map((sp) => (
                            <option key={siteKey(sp)} value={siteKey(sp)}>
                              {servicePointLabel(sp, true, lang)}
                            </option>
                          ))}
                        </select>
                      )}
                    </TableCell>
                    <TableCell className={s.num}>{arrow(b?.member.travelToHostMinutes, n.member.travelToHostMinutes, 0)}</TableCell>
                    <TableCell className={s.num}>{arrow(b?.member.effectiveMinutes, n.member.effectiveMinutes, 1)}</TableCell>
                    <TableCell className={s.num}>{arrow(b?.member.localDays, n.member.localDays, 1)}</TableCell>
                    <TableCell>{breaks.length === 0 ? w.whatIfNone : <Badge color="danger">{breaks.join(', ')}</Badge>}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </Section>

      <Section title={w.whatIfConsequences(scorer.baseline.name)}>
        {score.consequences.length === 0 ? (
          <Text size={200}>{w.whatIfIsBaseline}</Text>
        ) : (
          <div className={s.scroll}>
            <Table size="extra-small" className={s.table} aria-label={w.whatIfConsequences(scorer.baseline.name)}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={s.key}>{w.whatIfEffect}</TableHeaderCell>
                  <TableHeaderCell className={s.num}>{w.whatIfBefore}</TableHeaderCell>
                  <TableHeaderCell className={s.num}>{w.whatIfNow}</TableHeaderCell>
                  <TableHeaderCell className={s.num}>{w.whatIfGrade}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {score.consequences.map((c) => {
                  const digits = c.def.format.includes('%') ? undefined : c.def.format.includes('.') ? 1 : 0;
                  const show = (x: number | null) => (digits === undefined ? pct(lang, x, 1) : fmt(lang, x, digits));
                  return (
                    <TableRow key={c.id} data-consequence={c.id}>
                      <TableCell className={s.key} title={c.def.effect[lang]}>
                        {c.def.label[lang]}
                      </TableCell>
                      <TableCell className={s.num}>{c.note ? '–' : show(c.baseline)}</TableCell>
                      <TableCell className={s.num}>{c.note ? '–' : show(c.value)}</TableCell>
                      <TableCell className={s.num} title={c.note?.[lang]}>
                        {gradeText(c.grade)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>

      <MapView score={score} onSelect={pickOnMap} />
      {selected && <Text size={200}>{w.whatIfPickedOnMap(names.get(selected) ?? selected)}</Text>}

      {planner && (
        <div className={s.section}>
          <div className={s.row}>
            <Field label={w.whatIfKeepName} size="small">
              <Input size="small" value={name} onChange={(_, d) => setName(d.value)} />
            </Field>
            <Button appearance="primary" disabled={keep.busy} onClick={() => keep.run(kept)}>
              {w.whatIfKeep}
            </Button>
          </div>
          <ActionNotice notice={keep.notice} />
        </div>
      )}
    </div>
  );
}
