/**
 * The steps every shell takes (the command line and the task pane alike), over plain values:
 * which sheets to write for scored scenarios, an optimisation and its trade-off curve, and
 * which of Kontorplan's own sheets each step keeps. Pure: no Node, no Office.js.
 */
import { DEFAULT_PARAMETERS, type Parameters } from '../domain/parameters';
import type { SheetSpec, WorkbookSnapshot } from '../domain/sheets';
import type { MunicipalityNumber, PlanningInput, Scenario } from '../domain/types';
import {
  optimizedScenariosSheet,
  OPTIMIZED_SCENARIOS_SHEET,
  OWN_SCENARIOS_SHEET,
  readTradeoffRows,
  TRADEOFF_SHEET,
  tradeoffSheet,
  type TradeoffRow,
} from '../io/optimizeOutput';
import { coded, message, MESSAGES, type MessageCode, type MessageParams } from '../io/messages';
import { resultSheets } from '../io/output';
import type { Language } from '../io/problems';
import type { ReadResult } from '../io/readWorkbook';
import { TRAVEL_CHECK_SHEET, TRAVEL_SHEET } from '../io/travelOutput';
import { toScenario, type OptimizeRequest } from '../optimize/fromInput';
import { meanTravelOf, pairAllowed, reachOf, servicePointOf, type OptProblem } from '../optimize/problem';
import { servedLocallyEveryDay, siteCostKr } from '../scoring/sites';
import { servicePointLabel } from '../io/servicePoint';
import type { ServicePoint } from '../domain/types';
import { travelMinutes, travelProvenance, travelViaFerry } from '../travel/matrix';
import type { OutcomeSummary, Solution } from '../optimize/run';
import { scoreAll } from '../scoring/score';
import { costSheet } from '../costkeys/costSheet';
import { costOffice } from '../costkeys/fromInput';
import { costBreakdown, phaseIn, poolSocialAssistance, staffLikeLines, type PhaseStep, type PoolKey } from '../costkeys/extras';
import { CostKeyError } from '../costkeys/keys';
import { MunicipalityResolver } from '../io/resolver';
import { EVERY_KEY, splitCosts, type CostKey, type CostOffice } from '../costkeys/keys';

export type PlanValue = NonNullable<ReadResult['value']>;

/** Numbers as each language writes them: a decimal comma in Norwegian, a point in English. */
const dec = (s: string, lang: Language) => (lang === 'en' ? s : s.replace('.', ','));

export const pct = (x: number | null, digits = 2, lang: Language = 'nb') =>
  x === null ? '–' : lang === 'en' ? `${(x * 100).toFixed(digits)}%` : `${(x * 100).toFixed(digits).replace('.', ',')} %`;
export const num1 = (x: number, lang: Language = 'nb') => dec(x.toFixed(1), lang);

/** A structure's travel, as the planner must be able to defend it: how much of it is estimated, and the long trips. */
export type TravelBasis = Readonly<{
  /** Members assigned to a host other than themselves. */
  assignments: number;
  /** Of those, how many rest on an estimated (not given) travel time... */
  estimated: number;
  /** ...and how many of the estimated ones are longer than `longMinutes`. */
  estimatedLong: number;
  longMinutes: number;
  /** Every assignment longer than `longMinutes` (given or estimated), longest first. */
  long: readonly { member: string; host: string; minutes: number; estimated: boolean; viaFerry: boolean }[];
}>;

/** The travel a structure (host of each member, by index into `pr`) rests on. */
export function travelBasis(value: PlanValue, pr: OptProblem, host: Int32Array, longMinutes = 60): TravelBasis {
  const long: { member: string; host: string; minutes: number; estimated: boolean; viaFerry: boolean }[] = [];
  let assignments = 0;
  let estimated = 0;
  let estimatedLong = 0;
  for (let i = 0; i < pr.n; i++) {
    const h = host[i]!;
    if (h === i || h < 0) continue;
    assignments++;
    const from = pr.ids[i] as MunicipalityNumber;
    const to = pr.ids[h] as MunicipalityNumber;
    const minutes = travelMinutes(value.travel, from, to);
    const isEstimated = travelProvenance(value.travel, from, to) === 'estimated';
    if (isEstimated) estimated++;
    if (minutes > longMinutes) {
      if (isEstimated) estimatedLong++;
      long.push({ member: from, host: to, minutes, estimated: isEstimated, viaFerry: travelViaFerry(value.travel, from, to) });
    }
  }
  long.sort((a, b) => b.minutes - a.minutes);
  return { assignments, estimated, estimatedLong, longMinutes, long };
}

/** One line on what a structure's travel rests on, for the command line and the heading of the optimiser's sheet. */
export function travelBasisText(basis: TravelBasis, names: ReadonlyMap<string, string>, lang: Language = 'nb'): string[] {
  const name = (n: string) => names.get(n) ?? n;
  const { estimated, assignments, estimatedLong, longMinutes } = basis;
  const lines = [message('travelBasis', { estimated, assignments, estimatedLong, longMinutes }, lang)];
  if (basis.long.length > 0) {
    const list = basis.long
      .map((l) => {
        const source = message(l.estimated ? 'estimated' : 'given', {}, lang);
        return message(
          'travelLongItem',
          {
            member: name(l.member),
            host: name(l.host),
            minutes: num1(l.minutes, lang),
            source: l.viaFerry ? message('viaFerry', { source }, lang) : source,
          },
          lang,
        );
      })
      .join('; ');
    lines.push(message('travelLong', { longMinutes: basis.longMinutes, list }, lang));
  }
  return lines;
}

/**
 * The estimated pairs the optimiser could choose (the rules allow the member under that host)
 * that are longer than `minutes`: the times a planner must give before the result rests on
 * measured travel only (`--require-given-over`).
 */
export function estimatedPairsOver(value: PlanValue, pr: OptProblem, minutes: number): { from: string; to: string; minutes: number }[] {
  const out: { from: string; to: string; minutes: number }[] = [];
  for (let i = 0; i < pr.n; i++) {
    for (let j = 0; j < pr.n; j++) {
      if (i === j || !pairAllowed(pr, i, j)) continue;
      const from = pr.ids[i] as MunicipalityNumber;
      const to = pr.ids[j] as MunicipalityNumber;
      const t = travelMinutes(value.travel, from, to);
      if (t > minutes && travelProvenance(value.travel, from, to) === 'estimated') out.push({ from, to, minutes: t });
    }
  }
  return out;
}

const STATUS: Record<Solution['status'], MessageCode> = {
  optimal: 'statusOptimal',
  'time-limit': 'statusTimeLimit',
  cancelled: 'statusCancelled',
  heuristic: 'statusHeuristic',
};

export function statusText(s: Solution, lang: Language = 'nb'): string {
  return message(STATUS[s.status], {}, lang);
}

/**
 * Which of Kontorplan's own sheets a command leaves in place: `plan` and `optimize` rewrite
 * every scenario sheet (a scenario may be gone) but keep the cost and travel sheets;
 * `costs` and `travel` keep everything else. The optimiser's trade-off curve is never kept
 * as it is but written again by every command (carriedOver), so its chart survives.
 */
export function keepFor(command: 'plan' | 'costs' | 'travel'): (name: string) => boolean {
  const optimiser = (n: string) => n === TRADEOFF_SHEET || n === OPTIMIZED_SCENARIOS_SHEET;
  // The planner's own what-if scenarios are her input: every command keeps them.
  if (command === 'plan')
    return (n) => n.startsWith('KP Kostnader ') || n === TRAVEL_SHEET || n === TRAVEL_CHECK_SHEET || n === OWN_SCENARIOS_SHEET;
  return (n) => !optimiser(n);
}

/** One member's service point in a structure, with what it costs a year (kr). */
export type SiteChoice = Readonly<{ member: string; host: string; servicePoint: ServicePoint; costKr: number }>;

/** What a structure's service points are and cost: per member, counted by kind, in kroner a year. */
export type SiteSummary = Readonly<{
  choices: readonly SiteChoice[];
  counts: Readonly<{ none: number; meeting: number; branch: number; full: number }>;
  premisesKr: number;
  staffTravelKr: number;
  totalKr: number;
}>;

export function siteSummary(
  pr: OptProblem,
  host: Int32Array,
  params: Parameters,
  premises: (id: string) => number | undefined,
): SiteSummary {
  const choices: SiteChoice[] = [];
  const counts = { none: 0, meeting: 0, branch: 0, full: 0 };
  let premisesKr = 0;
  let staffTravelKr = 0;
  for (let i = 0; i < pr.n; i++) {
    const j = host[i]!;
    if (j === i) continue;
    const sp = servicePointOf(pr, i, j);
    const c = siteCostKr(sp, reachOf(pr, j, i), reachOf(pr, i, j), params, premises(pr.ids[i]!));
    counts[sp.kind === 'branch' && sp.days >= 5 ? 'full' : sp.kind]++;
    premisesKr += c.premisesKr;
    staffTravelKr += c.staffTravelKr;
    choices.push({ member: pr.ids[i]!, host: pr.ids[j]!, servicePoint: sp, costKr: c.totalKr });
  }
  return { choices, counts, premisesKr, staffTravelKr, totalKr: premisesKr + staffTravelKr };
}

/** The service points of a structure in one line, for the CLI and the sheet's heading. */
export function siteSummaryText(s: SiteSummary, pr: OptProblem, params: Parameters, lang: Language = 'nb'): string {
  if (!pr.sites) return message('sitesNotChosen', {}, lang);
  const mill = (kr: number) => dec((kr / 1e6).toFixed(2), lang);
  const c = s.counts;
  return message(
    'sitesSummary',
    {
      ...c,
      days: dec(String(params.optimiserBranchDays), lang),
      total: mill(s.totalKr),
      premises: mill(s.premisesKr),
      staff: mill(s.staffTravelKr),
      perMinute: dec(String(Math.round(pr.sites.krPerUnit * 100) / 100), lang),
    },
    lang,
  );
}

/** A member's service point as the CLI lists it after its name ("" for none). */
export function siteTag(sp: ServicePoint, lang: Language = 'nb'): string {
  return sp.kind === 'none' ? '' : ` (${servicePointLabel(sp, true, lang)})`;
}

/** A partner's service point's yearly cost in a scenario, as `plan` scores it (src/scoring/sites.ts). */
export function siteCostOf(value: PlanValue, params: Parameters = DEFAULT_PARAMETERS) {
  return (s: Scenario, member: string, host: string): number | undefined => {
    const m = s.offices.find((o) => o.host === host)?.members.find((x) => x.number === member);
    if (!m) return undefined;
    const a = member as MunicipalityNumber;
    const h = host as MunicipalityNumber;
    return siteCostKr(
      m.servicePoint,
      travelMinutes(value.travel, h, a),
      travelMinutes(value.travel, a, h),
      params,
      value.staffing.get(a)?.premisesCost,
    ).totalKr;
  };
}

/**
 * The users' longest trip (as `plan` counts it: a member served locally every day makes none), and
 * the smallest FTE of an office that is not exempt (isolated), of a structure.
 */
function shape(pr: OptProblem, host: Int32Array, isolated: ReadonlySet<number>, params: Parameters): { maxTravel: number; minFte: number } {
  let maxTravel = 0;
  const fte = pr.hostFixedFte ? Float64Array.from(pr.hostFixedFte) : new Float64Array(pr.n);
  for (let i = 0; i < pr.n; i++) {
    fte[host[i]!] = fte[host[i]!]! + pr.fte[i]!;
    if (host[i] !== i && !servedLocallyEveryDay(servicePointOf(pr, i, host[i]!), params))
      maxTravel = Math.max(maxTravel, reachOf(pr, i, host[i]!));
  }
  let minFte = Number.POSITIVE_INFINITY;
  for (let j = 0; j < pr.n; j++) if (host[j] === j && !isolated.has(j)) minFte = Math.min(minFte, fte[j]!);
  return { maxTravel, minFte: Number.isFinite(minFte) ? minFte : 0 };
}

export function tradeoffRows(
  pr: OptProblem,
  outcome: OutcomeSummary,
  lang: Language = 'nb',
  params: Parameters = DEFAULT_PARAMETERS,
): TradeoffRow[] {
  const isolated = new Set(outcome.reduced.isolated);
  return outcome.sweep.map((pt) => {
    const s = pt.solution;
    if (!s)
      return {
        offices: pt.offices,
        meanTravel: null,
        maxTravel: null,
        minOfficeFte: null,
        status: pt.why ? message(pt.why.code, pt.why.params, lang) : (pt.reason ?? message('noSolution', {}, lang)),
        gap: null,
        seconds: null,
      };
    const sh = shape(pr, s.host, isolated, params);
    return {
      offices: pt.offices,
      meanTravel: meanTravelOf(pr, s.evaluation.travel),
      maxTravel: sh.maxTravel,
      minOfficeFte: sh.minFte,
      status: statusText(s, lang),
      gap: s.gap,
      seconds: s.seconds,
    };
  });
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** How much an alternative costs over the best, as a share of the best's whole cost (the travel within municipalities too): what --within bounds. */
export function extraOverBest(pr: OptProblem, best: Pick<Solution, 'objective'>, alt: Pick<Solution, 'objective'>): number {
  return (alt.objective - best.objective) / Math.max(1e-9, best.objective + (pr.baseCost ?? 0));
}

export function describeRules(p: Parameters, req: OptimizeRequest, pr: OptProblem, lang: Language = 'nb'): string {
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  const ids = (list: readonly number[]) => list.map((i) => pr.ids[i]).join(', ');
  const parts = [
    req.offices !== undefined
      ? t('ruleOffices', { offices: req.offices })
      : t('ruleOfficeCost', { minutes: num1(req.officeCostMinutes ?? 0, lang) }),
    t('ruleMinFte', { fte: num1(p.minFte, lang) }),
    t('ruleMaxTravel', { minutes: p.maxTravelWithoutServicePoint }),
    t('ruleMaxOwners', { owners: p.maxOwners }),
  ];
  if (pr.sites) parts.push(t('ruleSites', { days: dec(String(p.optimiserBranchDays), lang), local: p.maxTravelWithLocalOffice }));
  else parts.push(t('ruleNoSites'));
  if (req.keepLocations) parts.push(t('ruleKeepLocations'));
  if (req.keepExisting) parts.push(t('ruleKeepExisting'));
  if (p.requireSameBaRegion) parts.push(t('ruleSameBa'));
  if (pr.rules.largestHost) parts.push(t('ruleLargestHost'));
  if ((req.baSplitMinutes ?? 0) > 0) parts.push(t('ruleBaPenalty', { minutes: num1(req.baSplitMinutes!, lang) }));
  if (pr.rules.forcedHosts.length > 0) parts.push(t('ruleForced', { list: ids(pr.rules.forcedHosts) }));
  if (pr.rules.forbiddenHosts.length > 0) parts.push(t('ruleForbidden', { list: ids(pr.rules.forbiddenHosts) }));
  if (pr.rules.locks.size > 0)
    parts.push(t('ruleLocked', { list: [...pr.rules.locks].map(([m, h]) => `${pr.ids[m]}→${pr.ids[h]}`).join(', ') }));
  return t('rules', { parts: parts.join('; ') });
}

/** Scenario sheets, their consequence sheets and the comparison for a set of scenarios (what `plan` writes). */
export function scoredSpecs(scenarios: readonly Scenario[], input: PlanningInput, params: Parameters, lang: Language = 'nb'): SheetSpec[] {
  return resultSheets(scoreAll({ ...input, scenarios }, params), params, lang);
}

/**
 * The optimiser's sheets as a later command writes them again: its scenarios (as read back
 * into the input) and its trade-off curve (read back from the snapshot), so the chart, which
 * exceljs cannot keep, is written anew.
 */
export function carriedOver(
  snapshot: WorkbookSnapshot,
  value: NonNullable<ReadResult['value']>,
  params: Parameters = DEFAULT_PARAMETERS,
  lang: Language = 'nb',
): SheetSpec[] {
  const out: SheetSpec[] = [];
  const { sheets } = snapshot;
  const optimisedNames = new Set(value.sheetsUsed.optimizedScenarioNames ?? []);
  const optimised = value.scenarios.filter((s) => optimisedNames.has(s.name));
  const own = sheets.find((s) => s.name === value.sheetsUsed.optimizedScenarios);
  if (own && optimised.length > 0) {
    const names = new Map<string, string>(value.municipalities.map((m) => [m.number, m.name]));
    const first = Object.values(MESSAGES.colScenario) as string[];
    const header = own.values.findIndex((r) => typeof r[0] === 'string' && first.includes(r[0]));
    const heading = own.values
      .slice(0, Math.max(0, header - 1))
      .map((r) => (typeof r[0] === 'string' ? r[0] : ''))
      .filter(Boolean);
    out.push(optimizedScenariosSheet(optimised, names, heading, siteCostOf(value, params), lang));
  }
  const curve = sheets.find((s) => s.name === TRADEOFF_SHEET);
  if (curve) {
    const { heading, rows } = readTradeoffRows(curve.values);
    if (rows.length > 0) out.push(tradeoffSheet(rows, heading.filter(Boolean), lang));
  }
  return out;
}

/** What an optimisation writes and says: its scenarios (named apart from the planner's), the scored sheets, the trade-off curve. */
export function optimisedResult(
  value: PlanValue,
  params: Parameters,
  req: OptimizeRequest,
  pr: OptProblem,
  outcome: OutcomeSummary,
  lang: Language = 'nb',
) {
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  // Scenarios: the best and its alternatives, named so they never clash with the planner's.
  const taken = new Set(
    value.scenarios.filter((s) => !(value.sheetsUsed.optimizedScenarioNames ?? []).includes(s.name)).map((s) => s.name.toLowerCase()),
  );
  const best = outcome.best;
  const mainName = uniqueName(t('optimisedName', { offices: best.evaluation.offices }), taken);
  const optimised: Scenario[] = [toScenario(mainName, pr, best.host)];
  const altNotes: string[] = [];
  outcome.alternatives.forEach((alt, k) => {
    const extra = extraOverBest(pr, best, alt);
    const name = uniqueName(t('alternativeName', { name: mainName, k: k + 1 }), taken);
    optimised.push(toScenario(name, pr, alt.host));
    altNotes.push(
      t('alternativeNote', { name, offices: alt.evaluation.offices, extra: pct(extra, 2, lang), status: statusText(alt, lang) }),
    );
  });
  const names = new Map<string, string>(value.municipalities.map((m) => [m.number, m.name]));
  const rulesLine = describeRules(params, req, pr, lang);
  const basis = travelBasis(value, pr, best.host);
  const isolatedNames = outcome.reduced.isolated.map((i) => names.get(pr.ids[i]!) ?? pr.ids[i]!);
  const sites = siteSummary(pr, best.host, params, (id) => value.staffing.get(id as MunicipalityNumber)?.premisesCost);
  const heading = [
    t('optimisedTitle'),
    rulesLine,
    // One line with the service points, beside the best structure it belongs to.
    t('optimisedBest', {
      status: statusText(best, lang),
      gap: pct(best.gap, 2, lang),
      minutes: num1(meanTravelOf(pr, best.evaluation.travel), lang),
      sites: siteSummaryText(sites, pr, params, lang),
    }),
    ...travelBasisText(basis, names, lang),
    isolatedNames.length > 0 ? t('isolatedKept', { list: isolatedNames.join(', ') }) : t('noneIsolated'),
    // The alternatives in one line, however many.
    ...(altNotes.length > 0 ? [t('alternativesLine', { list: altNotes.join('; ') })] : []),
    ...(outcome.stopped ? [t('runStopped')] : []),
  ];
  const planner = value.scenarios.filter((s) => !(value.sheetsUsed.optimizedScenarioNames ?? []).includes(s.name));
  const scenarios = [...planner, ...optimised];
  const rows = tradeoffRows(pr, outcome, lang, params);
  const specs = [
    ...scoredSpecs(scenarios, { ...value, scenarios }, params, lang),
    optimizedScenariosSheet(optimised, names, heading, siteCostOf(value, params), lang),
    tradeoffSheet(rows, [t('tradeoffTitle'), rulesLine], lang),
  ];
  return { specs, mainName, optimised, altNotes, rulesLine, isolatedNames, rows, names, heading, basis, sites };
}

/** Whether a key can split an office's costs (a key over a driver every member lacks cannot). */
function canSplit(office: CostOffice, key: CostKey): boolean {
  try {
    splitCosts(office, key);
    return true;
  } catch {
    return false;
  }
}

export const costSheetName = (host: string) => `KP Kostnader ${host}`;

/** A warning about the costs, at its cell where it has one, in the message catalogue. */
export type CostWarning = Readonly<{
  sheet: string;
  cell?: string;
  code: 'costLineLikeStaff' | 'staffingSplitAssumed';
  params: Record<string, string | number>;
}>;

/**
 * One office's costs under a key: the split, and the sheet with live formulas that shows it
 * beside every other key, with the breakdown and the warnings a planner should see (a line
 * that repeats the staff cost, a staff split that is only assumed). `resolve` fixes the key
 * against the office (column drivers). Throws CostKeyError, with a message for the planner,
 * when it cannot be split.
 */
export function costsResult(
  value: PlanValue,
  o: Readonly<{
    scenario: string;
    host: string;
    key: CostKey;
    costPerFte: number;
    costPerFteGiven: boolean;
    socialPool?: PoolKey;
    phaseIn?: Readonly<{ member: string; steps: readonly PhaseStep[] }>;
    municipalShareOfFte?: number;
    costsSheet?: string;
    /** The language of the sheet's titles and headers. */
    lang?: Language;
  }>,
  resolve: (key: CostKey, office: CostOffice) => CostKey = (k) => k,
) {
  const built = costOffice(value, { scenario: o.scenario, host: o.host, costPerFte: o.costPerFte });
  const key = resolve(o.key, built.office);
  const split = splitCosts(built.office, key);
  const compare = EVERY_KEY.filter((k) => k.kind !== key.kind && canSplit(built.office, k));
  const usedDefault = built.office.members.some((m) => !built.ownCostPerFte.has(m.number)) && !o.costPerFteGiven;
  let phase = o.phaseIn;
  if (phase) {
    const member = new MunicipalityResolver(value.municipalities).resolve(phase.member);
    const number = member.ok ? (member.number as string) : phase.member;
    if (!built.office.members.some((m) => m.number === number))
      throw coded((t) => new CostKeyError(t), 'costPhaseNotMember', { member: phase.member, office: built.officeName });
    phase = { ...phase, member: number };
    phaseIn(split, number, phase.steps);
  }
  if (o.socialPool) poolSocialAssistance(built.office, o.socialPool);
  const sheet = costSheet(built.office, key, {
    sheetName: costSheetName(built.host),
    officeName: built.officeName,
    costPerFte: o.costPerFte,
    ownCostPerFte: built.ownCostPerFte,
    compare,
    socialPool: o.socialPool,
    phaseIn: phase,
    lang: o.lang,
  });
  const kr = (x: number) => Math.round(x).toLocaleString('nb-NO');
  const warnings: CostWarning[] = staffLikeLines(built.office).map((w) => ({
    sheet: o.costsSheet ?? 'Kostnader',
    cell: w.cell,
    code: 'costLineLikeStaff',
    params: { line: w.name, amount: kr(w.amount), staff: kr(w.staff) },
  }));
  const fromTotal = new Map<string, string[]>();
  for (const m of built.office.members) {
    const sheetName = value.staffing.get(m.number as never)?.fromTotal;
    if (sheetName) fromTotal.set(sheetName, [...(fromTotal.get(sheetName) ?? []), m.name]);
  }
  for (const [sheetName, names] of fromTotal)
    warnings.push({
      sheet: sheetName,
      code: 'staffingSplitAssumed',
      params: { list: names.join(', '), share: `${Math.round((o.municipalShareOfFte ?? 0.5) * 100)} %` },
    });
  const breakdown = costBreakdown(built.office);
  const pool = o.socialPool ? poolSocialAssistance(built.office, o.socialPool) : undefined;
  const phased = phase ? phaseIn(split, phase.member, phase.steps) : undefined;
  return { built, key, split, sheet, usedDefault, warnings, breakdown, pool, phased, phase };
}
