import { coded, message, type Coded, type MessageCode, type MessageParams } from '../io/messages';
import { gapOf, type ExactOptions, type ExactResult, type Progress } from './exact';
import { compare, solveHeuristic } from './heuristic';
import { evaluate, reduce, type Assignment, type Evaluation, type OptProblem, type Reduced } from './problem';

/**
 * The optimiser's job as the CLI and the task pane run it: the heuristic at once, then the
 * exact model warm-started from it (in a worker, through an injected `ExactSolver`), then
 * near-optimal alternatives and a sweep over the number of offices. Pure orchestration.
 */

/** Solves one problem exactly, wherever HiGHS runs (a worker thread, a Web Worker, in-process). */
export type ExactSolver = (
  problem: OptProblem,
  options: Omit<ExactOptions, 'onProgress' | 'shouldCancel'>,
  /** The problem already reduced, for a solver in the same thread (one in another thread reduces it there). */
  reduced?: Reduced,
) => Promise<ExactResult>;

export type Method = 'exact' | 'heuristic';

export type Solution = Readonly<{
  host: Assignment;
  evaluation: Evaluation;
  /** optimal: proven; time-limit / cancelled: best found with its gap; heuristic: no bound. */
  status: 'optimal' | 'time-limit' | 'cancelled' | 'heuristic';
  method: Method;
  objective: number;
  bound: number | null;
  gap: number | null;
  seconds: number;
}>;

export type SweepPoint = Readonly<{
  offices: number;
  solution?: Solution;
  /** Why there is no solution (rules that cannot be met with this many offices), in Norwegian. */
  reason?: string;
  /** The same, as a catalogue message for the user's language. */
  why?: Coded;
}>;

export type OptimizeOptions = Readonly<{
  exact?: ExactSolver;
  /** Time limit for each exact solve. */
  timeLimitSeconds?: number;
  /** Time limit for each point of the sweep (default: the same); a point stopped early keeps its gap. */
  sweepTimeLimitSeconds?: number;
  heuristicSeconds?: number;
  /** Near-optimal alternatives to look for, each a different set of hosts. */
  alternatives?: number;
  /** How far (relative) from the best an alternative may be. */
  within?: number;
  /** Office counts for the trade-off curve (the main count is always included). */
  sweep?: readonly number[];
  /** Office counts for the curve chosen once the best count is known (with a cost per office). */
  sweepAround?: (offices: number) => number[];
  onProgress?: (stage: string, p?: Progress) => void;
  /** Each structure as it is found (best, alternatives, sweep points): what a cancelled run can still show. */
  onSolution?: (stage: string, s: Solution, isolated: readonly number[]) => void;
  /** True once the planner has cancelled: no further alternatives or sweep points are started. */
  shouldStop?: () => boolean;
  seed?: number;
}>;

export type Outcome = Readonly<{
  reduced: Reduced;
  best: Solution;
  alternatives: readonly Solution[];
  sweep: readonly SweepPoint[];
}>;

export function hostSet(host: Assignment): number[] {
  const s: number[] = [];
  host.forEach((h, i) => {
    if (h === i) s.push(i);
  });
  return s;
}

async function solveOne(
  pr: OptProblem,
  red: Reduced,
  o: OptimizeOptions,
  exclude: readonly (readonly number[])[] = [],
): Promise<Solution | undefined> {
  const h = solveHeuristic(red, { timeLimitSeconds: o.heuristicSeconds ?? 2, seed: o.seed });
  const excluded = new Set(exclude.map((s) => [...s].sort((a, b) => a - b).join(',')));
  // h.elite is best first, h.host among them: the best whose host set is not excluded.
  const fromHeuristic = h.elite.find((x) => !excluded.has(hostSet(x).join(',')));
  const heurEvaluation = fromHeuristic && evaluate(red, fromHeuristic);
  const heur: Solution | undefined = fromHeuristic &&
    heurEvaluation && {
      host: fromHeuristic,
      evaluation: heurEvaluation,
      status: 'heuristic',
      method: 'heuristic',
      objective: heurEvaluation.objective,
      bound: null,
      gap: null,
      seconds: h.seconds,
    };
  if (!o.exact) return heur;
  const warm = heur && heur.evaluation.feasible ? heur.host : undefined;
  const r = await o.exact(pr, { timeLimitSeconds: o.timeLimitSeconds ?? 60, warmStart: warm, excludeHostSets: exclude }, red);
  if (r.host && r.evaluation && (r.status === 'optimal' || r.status === 'time-limit' || r.status === 'cancelled')) {
    const exact: Solution = {
      host: r.host,
      evaluation: r.evaluation,
      status: r.status,
      method: 'exact',
      objective: r.evaluation.objective,
      bound: r.bound,
      gap: r.gap,
      seconds: r.seconds + h.seconds,
    };
    // HiGHS may stop at its limit with a worse incumbent than the heuristic's: keep the better, with the proven bound.
    if (heur && heur.evaluation.feasible && compare(heur.evaluation, exact.evaluation) < 0) {
      return {
        ...exact,
        host: heur.host,
        evaluation: heur.evaluation,
        objective: heur.objective,
        gap: gapOf(heur.objective, r.bound),
      };
    }
    return exact;
  }
  if (r.status === 'infeasible') return undefined;
  return heur;
}

/** What a shell needs of an outcome (and what crosses back from a worker): the reduced problem only by its isolated members. */
export type OutcomeSummary = Readonly<
  Pick<Outcome, 'best' | 'alternatives' | 'sweep'> & {
    reduced: Readonly<{ isolated: readonly number[] }>;
    /** The planner stopped the run: alternatives and the curve may be missing. */
    stopped?: boolean;
  }
>;

export class NoSolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoSolutionError';
  }
}

export async function optimize(pr: OptProblem, o: OptimizeOptions = {}): Promise<Outcome> {
  const red = reduce(pr);
  o.onProgress?.('main');
  const best = await solveOne(pr, red, o);
  if (!best || !best.evaluation.feasible) {
    const both = (code: MessageCode, params: MessageParams) => ({ nb: message(code, params, 'nb'), en: message(code, params, 'en') });
    const count = pr.rules.offices !== undefined ? both('optWithOffices', { offices: pr.rules.offices }) : '';
    const locked = pr.rules.locks.size > 0 ? both('optLockedCount', { count: pr.rules.locks.size }) : '';
    throw coded((t) => new NoSolutionError(t), 'optNoSolution', { count, locked });
  }
  o.onSolution?.('main', best, red.isolated);
  const alternatives: Solution[] = [];
  const within = o.within ?? 0.01;
  const exclude: number[][] = [hostSet(best.host)];
  for (let k = 0; k < (o.alternatives ?? 0) && !o.shouldStop?.(); k++) {
    o.onProgress?.(`alternative ${k + 1}`);
    const alt = await solveOne(pr, red, o, exclude);
    // Within a share of the whole travel (the inhabitants' travel in their own municipality
    // included, as the alternative is reported), not of the objective alone.
    if (!alt || !alt.evaluation.feasible || alt.objective > best.objective + within * (best.objective + (pr.baseCost ?? 0)) + 1e-9) break;
    alternatives.push(alt);
    exclude.push(hostSet(alt.host));
  }
  const sweep: SweepPoint[] = [];
  const asked = o.sweep ?? o.sweepAround?.(best.evaluation.offices) ?? [];
  const counts = [...new Set([...asked, best.evaluation.offices])].sort((a, b) => a - b);
  for (const offices of counts) {
    if (offices === best.evaluation.offices) {
      sweep.push({ offices, solution: best });
      continue;
    }
    if (o.shouldStop?.()) continue;
    o.onProgress?.(`sweep ${offices}`);
    const prK: OptProblem = { ...pr, rules: { ...pr.rules, offices, officeCost: undefined } };
    let redK: Reduced;
    try {
      redK = reduce(prK);
    } catch (e) {
      const c = e as Error & Partial<Coded>;
      sweep.push({ offices, reason: c.message, ...(c.code ? { why: { code: c.code, params: c.params ?? {} } } : {}) });
      continue;
    }
    const s = await solveOne(prK, redK, { ...o, timeLimitSeconds: o.sweepTimeLimitSeconds ?? o.timeLimitSeconds });
    if (s && s.evaluation.feasible) sweep.push({ offices, solution: s });
    else sweep.push({ offices, reason: message('sweepNoStructure'), why: { code: 'sweepNoStructure', params: {} } });
  }
  return { reduced: red, best, alternatives, sweep };
}

/** Office counts around `center` for the trade-off curve: up to `points` counts from `min` to `max`. */
export function sweepCounts(center: number, min: number, max: number, points = 9): number[] {
  const lo = Math.max(min, 1);
  const hi = Math.max(lo, max);
  const step = Math.max(1, Math.round(center / 10));
  const out = new Set<number>([Math.min(hi, Math.max(lo, center))]);
  for (let k = 1; out.size < points && (center - k * step >= lo || center + k * step <= hi); k++) {
    if (center - k * step >= lo) out.add(center - k * step);
    if (center + k * step <= hi && out.size < points) out.add(center + k * step);
  }
  return [...out].sort((a, b) => a - b);
}
