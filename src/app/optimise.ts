/**
 * `optimise` as a command: reads the workbook through the port, builds the optimisation under
 * the planner's rules, solves it (with the exact solver the shell brings: a Node worker thread,
 * a Web Worker, or none for the heuristic alone), sweeps the office count and, when asked, the
 * cost of service points, and writes the optimiser's sheets. It returns what the shell renders
 * as plain values; the shell only parses its options, brings a solver and prints or shows.
 */
import type { Parameters } from '../domain/parameters';
import type { MunicipalityNumber, ServicePoint } from '../domain/types';
import { message, textOf } from '../io/messages';
import { siteTradeoffSheet, type SiteTradeoffRow, type TradeoffRow } from '../io/optimizeOutput';
import type { Language } from '../io/problems';
import { TRAVEL_TEMPLATE_SHEET, travelTemplateSheet } from '../io/travelOutput';
import { fromPlanningInput, RequestError, type OptimizeRequest } from '../optimize/fromInput';
import { InfeasibleRulesError, meanTravelOf, servicePointOf, whyIsolated, type OptProblem } from '../optimize/problem';
import {
  hostSet,
  NoSolutionError,
  optimize,
  sweepCounts,
  type ExactSolver,
  type Outcome,
  type OutcomeSummary,
  type Solution,
} from '../optimize/run';
import type { WorkbookPort } from '../workbook/port';
import { finish, openRead, stopped, write, type CommandResult, type Failure, type Opened, type ReadPort, type Reference } from './commands';
import {
  estimatedPairsOver,
  keepFor,
  optimisedResult,
  siteSummary,
  siteSummaryText,
  statusText,
  extraOverBest,
  travelBasisText,
  type PlanValue,
  type SiteSummary,
  type TravelBasis,
} from './steps';

/**
 * The fewest offices the rules allow: every office has at most `maxOwners` municipalities.
 * The low end of every sweep of the office count (the command line's and the pane's).
 */
export function lowestOfficeCount(municipalities: number, maxOwners: number): number {
  // Without a cap on the owners, one office may hold them all.
  return Number.isFinite(maxOwners) && maxOwners > 0 ? Math.max(1, Math.ceil(municipalities / maxOwners)) : 1;
}

export { sweepCounts };

/** The office counts of the trade-off curve around `offices`, from the lowest the rules allow to one office each. */
export function sweepAround(offices: number, municipalities: number, maxOwners: number, points?: number): number[] {
  return sweepCounts(offices, lowestOfficeCount(municipalities, maxOwners), municipalities, points);
}

/**
 * The one grammar of locks, the command line's and the pane's: "1839=1804, 1840:1804; 301→301" (or ->),
 * members locked to a host's office, numbers padded to four digits. `refuse` makes the error for
 * a part that is not a lock (each shell has its own: a usage error, a message in the pane).
 */
export function parseLocks(v: string, refuse: (part: string) => Error): Map<string, string> {
  const locks = new Map<string, string>();
  for (const part of v
    .split(/[,;]+/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    // Not a lone hyphen: "1839-1841" reads as a range as much as a lock.
    const m = /^(\d{1,4})\s*(?:=|:|→|->|>)\s*(\d{1,4})$/.exec(part);
    if (!m) throw refuse(part);
    locks.set(m[1]!.padStart(4, '0'), m[2]!.padStart(4, '0'));
  }
  return locks;
}

/** What the planner asks the optimiser for: either a number of offices or a cost per office. */
export type OptimiseRequest = Omit<OptimizeRequest, 'keepLocations' | 'keepExisting' | 'servicePoints' | 'siteCostScale'> &
  Readonly<{
    /** Choose each member's service point (default: yes). */
    servicePoints?: boolean;
    /** Today's locations (Kontorer) are kept: needs the baseline. */
    keepLocations?: boolean;
    /** Today's offices are kept as hosts: needs the baseline. */
    keepExisting?: boolean;
    /**
     * Refuse to optimise over estimated travel pairs longer than this (minutes): the pairs are
     * written to a template sheet for the planner to fill in, and nothing else.
     */
    requireGivenOver?: number;
    /** Factors on the cost of service points for a second trade-off curve (1 is always included). */
    siteCostScales?: readonly number[];
  }>;

/** A solver for one stretch of the run, brought by the shell; `close` ends its thread. */
export type SolverHandle = Readonly<{ solve: ExactSolver; cancel: () => void; close: () => Promise<void> }>;

export type OptimiseOptions = Readonly<{
  /** The exact solver for the main run and its sweep (`main`) and for the site-cost curve (`curve`); none: the heuristic alone. */
  solver?: (phase: 'main' | 'curve', pr: OptProblem) => SolverHandle | undefined;
  timeLimitSeconds?: number;
  sweepTimeLimitSeconds?: number;
  alternatives?: number;
  /** How far (relative) from the best an alternative may be. */
  within?: number;
  /** The office counts of the curve: `none`, a range, or (default) around the count asked or found. */
  sweep?: 'none' | readonly [number, number];
  onStage?: (stage: string) => void;
  /** Each factor of the site-cost curve as it starts. */
  onSiteScale?: (scale: number) => void;
  /** True once the planner stops the site-cost curve: the points found so far are kept. */
  stopCurve?: () => boolean;
}>;

export type OfficeOut = Readonly<{
  host: string;
  members: readonly string[];
  /** Each member's service point but the host's own. */
  servicePoints: Readonly<Record<string, ServicePoint>>;
}>;

export type Refused = Readonly<{
  kind: 'refused';
  input: PlanValue;
  pairs: readonly { from: string; to: string; minutes: number }[];
  limit: number;
  sheet: string;
}>;

export type Optimised = Readonly<{
  kind: 'optimised';
  input: PlanValue;
  best: Solution;
  /** Name of the best structure's scenario, and one line per alternative. */
  mainName: string;
  altNotes: readonly string[];
  /** `fromBest`: the extra cost over the best as a share of the best's whole cost (what `within` bounds). */
  alternatives: readonly (Pick<Solution, 'status' | 'objective' | 'gap'> & { fromBest: number; offices: readonly OfficeOut[] })[];
  rulesLine: string;
  meanTravelMinutes: number;
  sites: SiteSummary;
  /** Whether the optimiser chose service points (else `sites` is not a cost it weighed). */
  withSites: boolean;
  sitesLine: string;
  basis: TravelBasis;
  basisLines: readonly string[];
  offices: readonly OfficeOut[];
  /** Municipalities no rule lets share an office, with the reason. */
  isolated: readonly { id: string; name: string; why: string }[];
  tradeoff: readonly TradeoffRow[];
  siteTradeoff: readonly SiteTradeoffRow[];
  seconds: number;
  names: ReadonlyMap<string, string>;
}>;

export type OptimiseSummary = Refused | Optimised;

const failed = (text: string): Failure => ({ code: 'error', params: { text: `${text.replace(/\.$/, '')}.` } });

function officesOf(pr: OptProblem, host: Int32Array): OfficeOut[] {
  return hostSet(host).map((j) => {
    const members = pr.ids.filter((_, i) => host[i] === j);
    return {
      host: pr.ids[j]!,
      members,
      servicePoints: Object.fromEntries(
        members.filter((id) => id !== pr.ids[j]).map((id) => [id, servicePointOf(pr, pr.ids.indexOf(id), j)]),
      ),
    };
  });
}

/** One exact solver for a stretch of the run, closed whatever happens. */
async function withSolver<T>(
  o: OptimiseOptions,
  phase: 'main' | 'curve',
  pr: OptProblem,
  f: (s: SolverHandle | undefined) => Promise<T>,
): Promise<T> {
  const s = o.solver?.(phase, pr);
  try {
    return await f(s);
  } finally {
    await s?.close();
  }
}

/** The site-cost curve: the structure at each factor on the cost of service points (1 is the main run's). */
async function siteCurve(
  value: PlanValue,
  params: Parameters,
  req: OptimizeRequest,
  pr: OptProblem,
  outcome: Outcome,
  scales: readonly number[],
  o: OptimiseOptions,
  lang: Language,
): Promise<SiteTradeoffRow[]> {
  const premises = (id: string) => value.staffing.get(id as MunicipalityNumber)?.premisesCost;
  const rows: SiteTradeoffRow[] = [];
  const sweepTime = o.sweepTimeLimitSeconds ?? Math.min(o.timeLimitSeconds ?? 60, 20);
  await withSolver(o, 'curve', pr, async (solver) => {
    for (const scale of [...new Set([1, ...scales])].sort((a, b) => a - b)) {
      if (o.stopCurve?.()) break;
      o.onSiteScale?.(scale);
      const prS = scale === 1 ? pr : fromPlanningInput(value, params, { ...req, siteCostScale: scale });
      let found: Outcome | undefined = scale === 1 ? outcome : undefined;
      let reason = '';
      if (!found) {
        try {
          found = await optimize(prS, {
            exact: solver?.solve,
            timeLimitSeconds: sweepTime,
            heuristicSeconds: Math.min(2, sweepTime),
            alternatives: 0,
            sweep: [],
          });
        } catch (e) {
          if (!(e instanceof InfeasibleRulesError || e instanceof NoSolutionError)) throw e;
          reason = textOf(e, lang);
        }
      }
      if (!found) {
        rows.push({
          scale,
          meanTravel: null,
          siteCostKr: null,
          full: null,
          branch: null,
          meeting: null,
          offices: null,
          status: reason,
          gap: null,
        });
        continue;
      }
      // Its own service points, priced at the real cost (siteSummary uses the parameters, not the scale).
      const sum = siteSummary(prS, found.best.host, params, premises);
      rows.push({
        scale,
        meanTravel: meanTravelOf(prS, found.best.evaluation.travel),
        siteCostKr: sum.totalKr,
        full: sum.counts.full,
        branch: sum.counts.branch,
        meeting: sum.counts.meeting,
        offices: found.best.evaluation.offices,
        status: statusText(found.best, lang),
        gap: found.best.gap,
      });
    }
  });
  return rows;
}

/**
 * `optimise`: the best office structure under the rules, its near-optimal alternatives and the
 * trade-off curves, written as Kontorplan's sheets (the planner's scenarios scored beside them).
 * Rules the workbook cannot meet are a failure, and nothing is written.
 */
export async function optimise(
  wb: WorkbookPort,
  params: Parameters,
  ref: Reference,
  request: OptimiseRequest,
  o: OptimiseOptions = {},
  lang: Language = 'nb',
): Promise<CommandResult<OptimiseSummary>> {
  const opened = await openRead(wb, params, ref, lang);
  if ('ended' in opened) return opened.ended;
  const { value, found } = opened;
  const stop = (failure: Failure) => stopped(found, failure);
  const baseline = value.scenarios.find((s) => s.name === value.sheetsUsed.baseline);
  if ((request.keepLocations || request.keepExisting) && !baseline)
    return stop(failed(message('needsBaseline', { option: request.keepLocations ? 'keep-locations' : 'keep-existing' }, lang)));
  const { requireGivenOver, siteCostScales = [], keepLocations, keepExisting, servicePoints = true, ...rest } = request;
  const req: OptimizeRequest = {
    ...rest,
    servicePoints,
    ...(keepLocations ? { keepLocations: baseline } : {}),
    ...(keepExisting ? { keepExisting: baseline } : {}),
  };
  let pr: OptProblem;
  try {
    pr = fromPlanningInput(value, params, req);
  } catch (e) {
    // The rules name municipalities the workbook does not have: the planner's data, not the usage.
    if (e instanceof RequestError) return stop(failed(textOf(e, lang)));
    throw e;
  }

  if (requireGivenOver !== undefined) {
    const pairs = estimatedPairsOver(value, pr, requireGivenOver);
    if (pairs.length > 0) return refuse(wb, value, pairs, requireGivenOver, found, lang);
  }

  const started = Date.now();
  const timeLimit = o.timeLimitSeconds ?? 60;
  const sweepTime = o.sweepTimeLimitSeconds ?? Math.min(timeLimit, 20);
  const { sweep } = o;
  let outcome: Outcome;
  try {
    outcome = await withSolver(o, 'main', pr, (solver) =>
      optimize(pr, {
        exact: solver?.solve,
        timeLimitSeconds: timeLimit,
        sweepTimeLimitSeconds: sweepTime,
        heuristicSeconds: Math.min(2, timeLimit),
        alternatives: o.alternatives ?? 2,
        within: o.within ?? 0.01,
        sweep:
          sweep === 'none'
            ? []
            : sweep
              ? Array.from({ length: sweep[1] - sweep[0] + 1 }, (_, k) => sweep[0] + k)
              : req.offices !== undefined
                ? sweepAround(req.offices, pr.n, params.maxOwners)
                : undefined,
        sweepAround: sweep === undefined && req.offices === undefined ? (n) => sweepAround(n, pr.n, params.maxOwners) : undefined,
        onProgress: (stage) => o.onStage?.(stage),
      }),
    );
  } catch (e) {
    if (e instanceof InfeasibleRulesError || e instanceof NoSolutionError) return stop(failed(textOf(e, lang)));
    throw e;
  }
  const siteRows = siteCostScales.length > 0 ? await siteCurve(value, params, req, pr, outcome, siteCostScales, o, lang) : [];
  const seconds = (Date.now() - started) / 1000;

  const composed = optimisedResult(value, params, req, pr, outcome, lang);
  const specs = [...composed.specs];
  if (siteRows.length > 0) specs.push(siteTradeoffSheet(siteRows, [message('siteTradeoffTitle', {}, lang), composed.rulesLine], lang));
  const failure = await write(wb, specs, keepFor('plan'), lang);
  if (failure) return stop(failure);
  const best = outcome.best;
  return {
    ...found,
    written: specs.map((s) => s.name),
    summary: {
      kind: 'optimised',
      input: value,
      best,
      mainName: composed.mainName,
      altNotes: composed.altNotes,
      alternatives: outcome.alternatives.map((a) => ({
        status: a.status,
        objective: a.objective,
        gap: a.gap,
        fromBest: extraOverBest(pr, best, a),
        offices: officesOf(pr, a.host),
      })),
      rulesLine: composed.rulesLine,
      meanTravelMinutes: meanTravelOf(pr, best.evaluation.travel),
      sites: composed.sites,
      withSites: pr.sites !== undefined,
      sitesLine: siteSummaryText(composed.sites, pr, params, lang),
      basis: composed.basis,
      basisLines: travelBasisText(composed.basis, composed.names, lang),
      offices: officesOf(pr, best.host),
      isolated: outcome.reduced.isolated.map((i, k) => ({
        id: pr.ids[i]!,
        name: composed.isolatedNames[k]!,
        why: whyIsolated(outcome.reduced, i, params.maxTravelWithLocalOffice, lang),
      })),
      tradeoff: composed.rows,
      siteTradeoff: siteRows,
      seconds,
      names: composed.names,
    },
  };
}

/**
 * The optimiser could rest on estimated pairs longer than the limit: nothing is optimised; the
 * pairs go to a template sheet (the planner fills in the minutes and copies the rows to a sheet
 * of her own named Reisetid).
 */
async function refuse(
  wb: WorkbookPort,
  value: PlanValue,
  pairs: readonly { from: string; to: string; minutes: number }[],
  limit: number,
  found: Opened['found'],
  lang: Language,
): Promise<CommandResult<OptimiseSummary>> {
  const names = new Map<string, string>(value.municipalities.map((m) => [m.number, m.name]));
  const sheet = travelTemplateSheet(pairs, (n) => names.get(n) ?? n, limit, lang);
  const summary: OptimiseSummary = { kind: 'refused', input: value, pairs, limit, sheet: TRAVEL_TEMPLATE_SHEET };
  return finish(wb, found, [sheet], keepFor('travel'), summary, lang);
}

/**
 * The optimisation under the planner's rules, for a shell that solves it elsewhere (the pane's
 * Web Worker). Throws what the rules or the numbers asked for cannot meet, in `lang`.
 */
export function optimisationProblem(value: PlanValue, params: Parameters, req: OptimizeRequest, lang: Language = 'nb'): OptProblem {
  try {
    return fromPlanningInput(value, params, req);
  } catch (e) {
    if (e instanceof RequestError || e instanceof InfeasibleRulesError) e.message = textOf(e, lang);
    throw e;
  }
}

export type Composed = ReturnType<typeof optimisedResult>;

/**
 * Writes an optimisation solved elsewhere (the pane's Web Worker): its scenarios, the scored
 * sheets and the trade-off curve, as `optimise` writes them.
 */
export async function writeOptimised(
  wb: ReadPort,
  params: Parameters,
  ref: Reference,
  req: OptimizeRequest,
  pr: OptProblem,
  outcome: OutcomeSummary,
  lang: Language = 'nb',
): Promise<CommandResult<Composed>> {
  const opened = await openRead(wb, params, ref, lang);
  if ('ended' in opened) return opened.ended;
  const composed = optimisedResult(opened.value, params, req, pr, outcome, lang);
  return finish(wb, opened.found, composed.specs, keepFor('plan'), composed, lang);
}
