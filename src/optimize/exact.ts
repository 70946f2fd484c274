import type { Highs, HighsCallbackMap } from 'highs';
import { buildModel, grownKeep, radiusKeep, radiusMargin, usesRadiusModel, type MipModel } from './model';
import { evaluate, type Assignment, type Evaluation, type Reduced } from './problem';

export type ExactStatus = 'optimal' | 'time-limit' | 'cancelled' | 'infeasible' | 'failed';

export type Progress = Readonly<{
  /** Best structure found so far (objective), or null before the first. */
  incumbent: number | null;
  /** Best proven lower bound. */
  bound: number | null;
  /** Relative gap (incumbent − bound) / incumbent, or null. */
  gap: number | null;
  seconds: number;
}>;

export type ExactOptions = Readonly<{
  timeLimitSeconds?: number;
  /** Stop when the proven relative gap is at most this (default 1e-6: proven optimal). */
  gapTolerance?: number;
  /** A known structure (e.g. the heuristic's), given to HiGHS as its first incumbent. */
  warmStart?: Assignment;
  onProgress?: (p: Progress) => void;
  /** Polled by HiGHS during the search; true interrupts it with the best found so far. */
  shouldCancel?: () => boolean;
  /** HiGHS options to set besides the defaults here (for tuning and benchmarks). */
  highsOptions?: Readonly<Record<string, string | number | boolean>>;
  /** Extra rows forbidding given host sets (for near-optimal alternatives). */
  excludeHostSets?: readonly (readonly number[])[];
  /** The structure that sizes a truncated radius model when it is not the warm start (benchmarks start HiGHS cold). */
  radiusFrom?: Assignment;
  /** Levels a truncated radius model keeps beyond the sizing structure's (default: radiusMargin). */
  radiusMargin?: number;
  /** Sees each model as it is solved (the benchmark hands the same models to a native solver). */
  onModel?: (m: MipModel) => void;
}>;

export type ExactResult = Readonly<{
  status: ExactStatus;
  host?: Assignment;
  evaluation?: Evaluation;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  /** Seconds inside HiGHS's solve calls alone (without building the models), for comparing solvers. */
  solveSeconds: number;
  nodes: number;
  /** Models solved: more than one when a truncated radius model had to be widened. */
  rounds: number;
  model: { kind: MipModel['kind']; columns: number; rows: number; nonzeros: number };
}>;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * The model with extra rows Σ_{j∈S} y_j ≤ |S| − 1 that forbid each given host set. Members
 * that host without a y column (isolated: always their own office) are left out of both
 * sides, or the row would not bind.
 */
export function withExclusions(m: MipModel, sets: readonly (readonly number[])[]): MipModel {
  if (sets.length === 0) return m;
  const extra: number[][] = Array.from({ length: m.numCols }, () => []);
  const sizes = sets.map((set, r) => {
    const cols = set.filter((j) => m.yCol[j]! >= 0);
    for (const j of cols) extra[m.yCol[j]!]!.push(m.numRows + r);
    return cols.length;
  });
  const starts = new Int32Array(m.numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < m.numCols; c++) {
    for (let k = m.starts[c]!; k < m.starts[c + 1]!; k++) {
      indices.push(m.indices[k]!);
      values.push(m.values[k]!);
    }
    for (const r of extra[c]!) {
      indices.push(r);
      values.push(1);
    }
    starts[c + 1] = indices.length;
  }
  const rowLower = new Float64Array(m.numRows + sets.length);
  const rowUpper = new Float64Array(m.numRows + sets.length);
  rowLower.set(m.rowLower);
  rowUpper.set(m.rowUpper);
  sizes.forEach((size, r) => {
    rowLower[m.numRows + r] = Number.NEGATIVE_INFINITY;
    rowUpper[m.numRows + r] = size - 1;
  });
  return {
    ...m,
    numRows: m.numRows + sets.length,
    rowLower,
    rowUpper,
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

/** The model in HiGHS's array form. */
export function modelData(highs: Highs, m: MipModel) {
  return {
    numCols: m.numCols,
    numRows: m.numRows,
    offset: m.offset,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower.map((v) => (v === Number.NEGATIVE_INFINITY ? -highs.infinity : v)),
    rowUpper: m.rowUpper.map((v) => (v === Number.POSITIVE_INFINITY ? highs.infinity : v)),
    matrix: { format: 'csc' as const, numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    integrality: m.integrality as unknown as Int32Array,
  };
}

/** Whether the structure opens every host of one of the excluded sets. */
function isExcluded(host: Assignment, sets: readonly (readonly number[])[]): boolean {
  return sets.some((set) => set.every((j) => host[j] === j));
}

type Found = { host: Assignment; evaluation: Evaluation };

/**
 * Solves the model exactly with HiGHS (WebAssembly): builds it in arrays, seeds the warm
 * start, reports progress, honours the time limit and cancellation, always returns the
 * proven bound and gap, and disposes the model.
 *
 * The radius model, given a structure to size it by (`radiusFrom`, else the warm start), is
 * truncated to the cost levels near that structure's and solved in rounds: each round is a
 * relaxation, so its bound holds; when its optimum serves every member within the kept
 * levels, that optimum is proven; otherwise the members served beyond are widened and the
 * next round starts from the best structure so far. The incumbent reported is always a
 * structure's true cost, never a relaxed one.
 */
export function solveExact(highs: Highs, red: Reduced, options: ExactOptions = {}): ExactResult {
  const start = now();
  const limit = options.timeLimitSeconds ?? 60;
  const tolerance = options.gapTolerance ?? 1e-6;
  const exclude = options.excludeHostSets ?? [];
  const sizing = usesRadiusModel(red) ? (options.radiusFrom ?? options.warmStart) : undefined;
  const margin = options.radiusMargin ?? radiusMargin(red);
  let keep = sizing ? radiusKeep(red, sizing, margin) : undefined;
  // Declared wide: the closures below assign it, which TypeScript's narrowing does not see.
  let best = null as Found | null;
  const offer = (host: Assignment): void => {
    const evaluation = evaluate(red, host);
    if (!evaluation.feasible || isExcluded(host, exclude)) return;
    if (best === null || evaluation.objective < best.evaluation.objective) best = { host, evaluation };
  };
  if (options.warmStart) offer(options.warmStart);
  let bound: number | null = null;
  let solveSeconds = 0;
  let nodes = 0;
  let rounds = 0;
  let info: ExactResult['model'] = { kind: 'hess', columns: 0, rows: 0, nonzeros: 0 };
  const incumbent = (): number | null => best?.evaluation.objective ?? null;
  const finish = (status: ExactStatus): ExactResult => {
    const seconds = (now() - start) / 1000;
    const base = { bound: status === 'infeasible' ? null : bound, seconds, solveSeconds, nodes, rounds, model: info };
    if (!best) return { status, objective: null, gap: null, ...base };
    const objective = best.evaluation.objective;
    return { status, host: best.host, evaluation: best.evaluation, objective, gap: gapOf(objective, bound), ...base };
  };
  for (;;) {
    const remaining = limit - (now() - start) / 1000;
    if (remaining <= 0) return finish('time-limit');
    const m = withExclusions(buildModel(red, keep), exclude);
    options.onModel?.(m);
    rounds++;
    info = { kind: m.kind, columns: m.numCols, rows: m.numRows, nonzeros: m.indices.length };
    const report = (roundBound: number | null): void => {
      const b = roundBound === null ? bound : bound === null ? roundBound : Math.max(bound, roundBound);
      options.onProgress?.({ incumbent: incumbent(), bound: b, gap: gapOf(incumbent(), b), seconds: (now() - start) / 1000 });
    };
    const round = runHighs(highs, m, { timeLimit: remaining, tolerance, start: best?.host ?? null }, options, offer, report);
    solveSeconds += round.seconds;
    nodes += round.nodes;
    if (round.bound !== null) bound = bound === null ? round.bound : Math.max(bound, round.bound);
    if (round.status === 'infeasible') return finish('infeasible');
    if (round.solution) offer(m.decode(round.solution));
    if (round.status !== 'optimal') return finish(round.status);
    const truncated = m.radius !== undefined && m.radius.exactUpTo.some((c) => c !== Number.POSITIVE_INFINITY);
    const gap = gapOf(incumbent(), bound);
    if (!truncated || (gap !== null && gap <= tolerance + 1e-9)) {
      if (bound === null || (incumbent() !== null && bound > incumbent()!)) bound = incumbent();
      return finish(best ? 'optimal' : 'failed');
    }
    // Some member was charged less than its cost: widen where the relaxation cut it short.
    keep = (round.solution && grownKeep(red, m, round.solution, margin)) ?? undefined;
  }
}

type Round = {
  status: ExactStatus;
  solution: Float64Array | null;
  bound: number | null;
  seconds: number;
  nodes: number;
};

/**
 * One HiGHS run of a model: seeds the start, passes each improving solution's structure to
 * `found`, reports progress with the run's bound, polls cancellation, and disposes the model.
 */
function runHighs(
  highs: Highs,
  m: MipModel,
  run: { timeLimit: number; tolerance: number; start: Assignment | null },
  options: ExactOptions,
  found: (host: Assignment) => void,
  report: (bound: number | null) => void,
): Round {
  const { timeLimit, tolerance, start } = run;
  const model = highs.createModel(modelData(highs, m) as never);
  try {
    model.options.set({
      output_flag: false,
      time_limit: timeLimit,
      mip_rel_gap: tolerance,
      mip_abs_gap: 1e-6,
      // Presolve off: measured faster on every model tried (pmed1–13, Norway at 50–100
      // offices), by 10–50 %; these models are already pruned.
      presolve: 'off',
      ...options.highsOptions,
    });
    if (start) model.setSolution({ colValue: m.encode(start) });
    const seen: Seen = { bound: null, cancelled: false };
    const runStart = now();
    model.run(callbacks(highs, m, seen, options, found, report));
    return roundOf(highs, model, seen, (now() - runStart) / 1000);
  } finally {
    model.dispose();
  }
}

/** What HiGHS's callbacks saw during a run: the best dual bound, and whether the run was cancelled. */
type Seen = { bound: number | null; cancelled: boolean };

/** Callbacks that pass each improving solution on, report the bound (at most every 250 ms) and cancel when asked. */
function callbacks(
  highs: Highs,
  m: MipModel,
  seen: Seen,
  options: ExactOptions,
  found: (host: Assignment) => void,
  report: (bound: number | null) => void,
): HighsCallbackMap {
  const noteBound = (data: { mip_dual_bound?: number }) => {
    const b = data.mip_dual_bound;
    if (b !== undefined && Number.isFinite(b) && Math.abs(b) < 1e300) seen.bound = b;
  };
  const cb = highs.constants.callbackType;
  let lastReport = 0;
  return {
    [cb.mipImprovingSolution]: (e) => {
      noteBound(e.data);
      if (e.data.mip_solution) found(m.decode(e.data.mip_solution));
      report(seen.bound);
      return undefined;
    },
    [cb.mipInterrupt]: (e) => {
      if (options.shouldCancel?.()) {
        seen.cancelled = true;
        e.interrupt();
      }
      noteBound(e.data);
      const t = now();
      if (t - lastReport > 250) {
        lastReport = t;
        report(seen.bound);
      }
      return undefined;
    },
  };
}

/** The round's outcome from the model's status, bound and solution after a run. */
function roundOf(highs: Highs, model: ReturnType<Highs['createModel']>, seen: Seen, seconds: number): Round {
  const ms = highs.constants.modelStatus;
  const status = model.getModelStatus() as number;
  const nodes = Number(model.info.get('mip_node_count'));
  const dual = Number(model.info.get('mip_dual_bound'));
  let bound = seen.bound;
  if (Number.isFinite(dual) && Math.abs(dual) < 1e300) bound = dual;
  if (status === ms.infeasible) return { status: 'infeasible', solution: null, bound: null, seconds, nodes };
  const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
  const solution = hasSolution ? Float64Array.from(model.getSolution().colValue) : null;
  if (status === ms.optimal && bound === null && hasSolution) bound = Number(model.info.get('objective_function_value'));
  const result: ExactStatus =
    status === ms.optimal ? 'optimal' : seen.cancelled ? 'cancelled' : status === ms.timeLimit ? 'time-limit' : 'failed';
  return { status: result, solution, bound, seconds, nodes };
}

export function gapOf(incumbent: number | null, bound: number | null): number | null {
  if (incumbent === null || bound === null) return null;
  const g = (incumbent - bound) / Math.max(1e-9, Math.abs(incumbent));
  return Math.max(0, g);
}
