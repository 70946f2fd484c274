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
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { siteCostOf } from '../../app/steps';
import {
  canRedo,
  canUndo,
  edit,
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
import type { MunicipalityNumber, Scenario, ServicePoint, TravelMatrix } from '../../domain/types';
import { servicePointLabel } from '../../io/servicePoint';
import { inadmissibleReason, RULE_LABELS } from '../../io/verdictText';
import { gradeText, type ScenarioScore } from '../../app/shared';
import { travelMinutes } from '../../travel/matrix';
import { fingerprint } from '../changes';
import type { Language } from '../../io/problems';
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
    // `value` is mutable; `version` counts its changes, so it is what the memo depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

/** The edits on one scenario: its state, notice, the scores before and now, and `change` (stable for the rows). */
function useWhatIfEditor(ctx: WhatIfContext, base: Scenario) {
  const lang = useLanguage();
  const scorer = useMemo(() => new WhatIfScorer(ctx), [ctx]);
  const [state, setState] = useState<WhatIfState>(() => start(base));
  const [notice, setNotice] = useState<Notice | undefined>();

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
  // Stable for the rows (memoised): the state is read when the edit is made.
  const current = useRef(state);
  current.current = state;
  const change = useCallback(
    (e: Edit) => {
      const r = edit(current.current, e, ctx);
      if (r.error) setNotice({ intent: 'error', text: whatIfMessage(r.error, lang) });
      else {
        setNotice(undefined);
        setState(r.state);
      }
    },
    [ctx, lang],
  );
  return { scorer, state, setState, notice, setNotice, score, before, change };
}

/** The rows' host selects by municipality number: `selectRef` registers one, `focusRow` scrolls to and focuses it. */
function useRowFocus() {
  const rows = useRef(new Map<string, HTMLSelectElement>());
  const selectRef = useCallback((n: string, el: HTMLSelectElement | null) => {
    if (el) rows.current.set(n, el);
    else rows.current.delete(n);
  }, []);
  const focusRow = (n: string) => {
    const el = rows.current.get(n);
    el?.scrollIntoView?.({ block: 'nearest' });
    el?.focus();
  };
  return { selectRef, focusRow };
}

/** A member's nearest other hosts of the scenario (at most NEAREST_HOSTS, nearest first), joined by commas. */
function useNearestHosts(ctx: WhatIfContext, scenario: Scenario): (member: string, host: string) => string {
  // Every municipality's others by travel from it, once per reading: a row's nearest hosts are
  // then the first hosts on its list, found in a few steps per row on every edit.
  const byTravel = useMemo(() => {
    const all = ctx.input.municipalities.map((m) => m.number);
    return new Map(
      all.map((from) => {
        const others = all.filter((to) => to !== from).map((to) => ({ to, minutes: travelMinutes(ctx.input.travel, from, to) }));
        others.sort((a, b) => (Number.isNaN(a.minutes) ? 1 : Number.isNaN(b.minutes) ? -1 : a.minutes - b.minutes));
        return [from as string, others.map((o) => o.to)];
      }),
    );
  }, [ctx]);
  const hosts = new Set<string>(scenario.offices.map((o) => o.host));
  return (member: string, host: string): string => {
    const out: string[] = [];
    for (const h of byTravel.get(member) ?? []) {
      if (out.length === NEAREST_HOSTS) break;
      if (h !== host && hosts.has(h)) out.push(h);
    }
    return out.join(',');
  };
}

type Placed = { host: MunicipalityNumber; member: ScenarioScore['offices'][number]['members'][number] };

/** Each member of a scored scenario by number: its host and its figures. */
function memberOf(sc: ScenarioScore): Map<string, Placed> {
  const m = new Map<string, Placed>();
  for (const o of sc.offices) for (const x of o.members) m.set(x.number, { host: o.host, member: x });
  return m;
}

/** The rules each municipality breaks, by number, as labels in the pane's language. */
function breachesOf(score: ScenarioScore, lang: Language): Map<string, string[]> {
  const breaksOf = new Map<string, string[]>();
  for (const b of score.breaches) breaksOf.set(b.kommunenummer, [...(breaksOf.get(b.kommunenummer) ?? []), RULE_LABELS[b.rule][lang]]);
  return breaksOf;
}

/** The key figures compared before and now: an id (its label in the words) and how it is shown. */
function metricsOf(lang: Language): [string, (x: ScenarioScore) => string][] {
  return [
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
}

/**
 * The editor over one scenario. `ctx` changes when the workbook is read again: the edits are made
 * again on the scenario as read now (those that no longer apply are dropped, and said so).
 */
export function WhatIf({ ctx, base, planner, onLoaded }: { ctx: WhatIfContext; base: Scenario; planner?: Planner; onLoaded?: () => void }) {
  const w = useWords();
  const s = useCommonStyles();
  const { scorer, state, setState, notice, setNotice, score, before, change } = useWhatIfEditor(ctx, base);
  const [selected, setSelected] = useState<string | undefined>();
  const { selectRef, focusRow } = useRowFocus();
  const names = useMemo(() => new Map(ctx.input.municipalities.map((m) => [m.number as string, m.name])), [ctx]);
  const nearest = useNearestHosts(ctx, state.scenario);

  const pickOnMap = (n: string) => {
    setSelected(n);
    focusRow(n);
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
      <VerdictSection score={score} />
      <MetricsSection score={score} before={before} />
      <MembersSection
        ctx={ctx}
        score={score}
        before={before}
        selected={selected}
        nearest={nearest}
        names={names}
        onEdit={change}
        selectRef={selectRef}
      />
      <ConsequencesSection score={score} baselineName={scorer.baseline.name} />
      <MapView score={score} onSelect={pickOnMap} />
      {selected && <Text size={200}>{w.whatIfPickedOnMap(names.get(selected) ?? selected)}</Text>}
      {planner && <KeepSection planner={planner} ctx={ctx} scenario={state.scenario} onLoaded={onLoaded} />}
    </div>
  );
}

/** The verdict: admissible, or which rule the scenario fails and why. */
function VerdictSection({ score }: { score: ScenarioScore }) {
  const w = useWords();
  const lang = useLanguage();
  return (
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
  );
}

/** The key figures before and now, those that changed in bold. */
function MetricsSection({ score, before }: { score: ScenarioScore; before: ScenarioScore }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const st = useStyles();
  return (
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
            {metricsOf(lang).map(([id, f]) => (
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
  );
}

/** Every municipality's row, before and now, with its host and service point to choose. */
function MembersSection(p: {
  ctx: WhatIfContext;
  score: ScenarioScore;
  before: ScenarioScore;
  selected: string | undefined;
  nearest: (member: string, host: string) => string;
  names: ReadonlyMap<string, string>;
  onEdit: (e: Edit) => void;
  selectRef: (n: string, el: HTMLSelectElement | null) => void;
}) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const now = memberOf(p.score);
  const was = memberOf(p.before);
  const breaksOf = breachesOf(p.score, lang);
  return (
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
            {p.ctx.input.municipalities.map((m) => {
              const n = now.get(m.number);
              const b = was.get(m.number);
              if (!n) return null;
              return (
                <MemberRow
                  key={m.number}
                  number={m.number}
                  name={m.name}
                  host={n.host}
                  hostBefore={b?.host}
                  site={siteKey(n.member.servicePoint)}
                  toHost={[b?.member.travelToHostMinutes, n.member.travelToHostMinutes]}
                  access={[b?.member.effectiveMinutes, n.member.effectiveMinutes]}
                  days={[b?.member.localDays, n.member.localDays]}
                  breaks={(breaksOf.get(m.number) ?? []).join(', ')}
                  picked={p.selected === m.number}
                  near={p.nearest(m.number, n.host)}
                  travel={p.ctx.input.travel}
                  names={p.names}
                  onEdit={p.onEdit}
                  selectRef={p.selectRef}
                />
              );
            })}
          </TableBody>
        </Table>
      </div>
    </Section>
  );
}

/** The consequence table against the baseline (or a line saying this is the baseline). */
function ConsequencesSection({ score, baselineName }: { score: ScenarioScore; baselineName: string }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  return (
    <Section title={w.whatIfConsequences(baselineName)}>
      {score.consequences.length === 0 ? (
        <Text size={200}>{w.whatIfIsBaseline}</Text>
      ) : (
        <div className={s.scroll}>
          <Table size="extra-small" className={s.table} aria-label={w.whatIfConsequences(baselineName)}>
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
  );
}

/** Keep the edited scenario under a name in KP Egne scenarier, once the workbook is read again unchanged. */
function KeepSection(p: { planner: Planner; ctx: WhatIfContext; scenario: Scenario; onLoaded: (() => void) | undefined }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const [name, setName] = useState('');
  const keep = useAction();
  const { planner, ctx, onLoaded } = p;

  const kept = async (): Promise<Notice> => {
    const value = planner.loaded?.value;
    if (!value) throw new Error(w.notRead);
    // What is written must rest on the workbook as it is now.
    const was = planner.loaded!.snapshot;
    const read = await planner.load();
    if (fingerprint(was) !== fingerprint(read.snapshot)) {
      onLoaded?.();
      throw new Error(w.staleData);
    }
    const r = await keepAsScenario(planner.workbook, value, p.scenario, name, siteCostOf(value, ctx.params), lang);
    if ('code' in r) return { intent: 'error', text: whatIfMessage(r, lang) };
    await planner.load();
    onLoaded?.();
    setName('');
    return { intent: 'success', text: w.whatIfKept(r.scenario, r.sheet) };
  };

  return (
    <div className={s.section}>
      <div className={s.row}>
        <Field label={w.whatIfKeepName} size="small">
          <Input size="small" value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Button appearance="primary" disabled={keep.busy} onClick={() => void keep.run(kept)}>
          {w.whatIfKeep}
        </Button>
      </div>
      <ActionNotice notice={keep.notice} />
    </div>
  );
}

type Pair = readonly [number | undefined, number];

/**
 * One municipality's row: its host and service point to choose, its travel, local days and broken
 * rules before and now. Memoised: an edit renders again only the rows whose figures or nearest
 * hosts it changed, which keeps an edit on all of Norway's 357 rows fast.
 */
type RowProps = Readonly<{
  number: MunicipalityNumber;
  name: string;
  host: MunicipalityNumber;
  hostBefore: MunicipalityNumber | undefined;
  site: string;
  toHost: Pair;
  access: Pair;
  days: Pair;
  breaks: string;
  picked: boolean;
  /** The nearest other hosts, nearest first, as numbers joined by commas (compared as one value). */
  near: string;
  travel: TravelMatrix;
  names: ReadonlyMap<string, string>;
  onEdit: (e: Edit) => void;
  selectRef: (n: string, el: HTMLSelectElement | null) => void;
}>;

const MemberRow = memo(function MemberRow(p: RowProps) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const st = useStyles();
  const { number, host, near, travel, names } = p;
  const label = (n: string) => shortName(names.get(n) ?? n);
  const options = useMemo(() => {
    const own = w.whatIfOwnOffice(shortName(names.get(number) ?? number));
    return [
      { value: host, text: host === number ? own : shortName(names.get(host) ?? host) },
      ...(host === number ? [] : [{ value: number, text: own }]),
      ...(near === '' ? [] : near.split(',')).map((h) => ({
        value: h,
        text: w.whatIfMinutesAway(shortName(names.get(h) ?? h), fmt(lang, travelMinutes(travel, number, h as MunicipalityNumber))),
      })),
    ];
  }, [near, host, number, travel, names, w, lang]);
  const arrow = ([x, y]: Pair, d: number) =>
    x === undefined || fmt(lang, x, d) === fmt(lang, y, d) ? fmt(lang, y, d) : `${fmt(lang, x, d)} → ${fmt(lang, y, d)}`;
  const moved = p.hostBefore !== undefined && p.hostBefore !== host;
  return (
    <TableRow data-municipality={number} className={p.picked ? st.picked : undefined}>
      <TableCell className={mergeClasses(s.key, p.picked && st.picked)} title={p.name}>
        {label(number)}
      </TableCell>
      <TableCell>
        <select
          className={mergeClasses(st.select, moved && st.changed)}
          aria-label={w.whatIfHostOf(p.name)}
          value={host}
          ref={(el) => p.selectRef(number, el)}
          onChange={(e) => p.onEdit({ kind: 'move', member: number, host: e.target.value as MunicipalityNumber })}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </select>
      </TableCell>
      <TableCell>
        {host === number ? (
          <Text size={200}>{w.whatIfMainOffice}</Text>
        ) : (
          <select
            className={st.select}
            aria-label={w.whatIfSiteOf(p.name)}
            value={p.site}
            onChange={(e) => p.onEdit({ kind: 'servicePoint', member: number, servicePoint: siteOf(e.target.value) })}
          >
            {SITES.map((sp) => (
              <option key={siteKey(sp)} value={siteKey(sp)}>
                {servicePointLabel(sp, true, lang)}
              </option>
            ))}
          </select>
        )}
      </TableCell>
      <TableCell className={s.num}>{arrow(p.toHost, 0)}</TableCell>
      <TableCell className={s.num}>{arrow(p.access, 1)}</TableCell>
      <TableCell className={s.num}>{arrow(p.days, 1)}</TableCell>
      <TableCell>{p.breaks === '' ? w.whatIfNone : <Badge color="danger">{p.breaks}</Badge>}</TableCell>
    </TableRow>
  );
}, samePair);

/** Rows compare their before/after pairs by value (they are built anew on every render). */
function samePair(a: RowProps, b: RowProps): boolean {
  for (const k of Object.keys(a) as (keyof typeof a)[]) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x[0] !== y[0] || x[1] !== y[1]) return false;
    } else if (x !== y) return false;
  }
  return true;
}
