import type { Highs, HighsCallbackMap } from 'highs';
import { buildModel, type MipModel } from './model';
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
}>;

export type ExactResult = Readonly<{
  status: ExactStatus;
  host?: Assignment;
  evaluation?: Evaluation;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  /** Seconds inside HiGHS's solve alone (without building the model), for comparing solvers. */
  solveSeconds: number;
  nodes: number;
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

/**
 * Solves the model exactly with HiGHS (WebAssembly): builds it in arrays, seeds the warm
 * start, reports progress, honours the time limit and cancellation, always returns the
 * proven bound and gap, and disposes the model.
 */
export function solveExact(highs: Highs, red: Reduced, options: ExactOptions = {}): ExactResult {
  const start = now();
  const base = buildModel(red);
  const m = withExclusions(base, options.excludeHostSets ?? []);
  const info = { kind: m.kind, columns: m.numCols, rows: m.numRows, nonzeros: m.indices.length };
  const model = highs.createModel(modelData(highs, m) as never);
  let incumbent: number | null = null;
  let bound: number | null = null;
  let cancelled = false;
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? 60,
      mip_rel_gap: options.gapTolerance ?? 1e-6,
      mip_abs_gap: 1e-6,
      // Presolve off: measured faster on every model tried (pmed1–13, Norway at 50–100
      // offices), by 10–50 %; these models are already pruned.
      presolve: 'off',
      ...options.highsOptions,
    });
    if (options.warmStart) model.setSolution({ colValue: m.encode(options.warmStart) });
    const report = (data: { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number }) => {
      if (data.mip_primal_bound !== undefined && Number.isFinite(data.mip_primal_bound) && Math.abs(data.mip_primal_bound) < 1e300) {
        incumbent = data.mip_primal_bound;
      }
      if (data.mip_dual_bound !== undefined && Number.isFinite(data.mip_dual_bound) && Math.abs(data.mip_dual_bound) < 1e300) {
        bound = data.mip_dual_bound;
      }
      options.onProgress?.({ incumbent, bound, gap: gapOf(incumbent, bound), seconds: (now() - start) / 1000 });
    };
    const cb = highs.constants.callbackType;
    let lastReport = 0;
    const callbacks: HighsCallbackMap = {
      [cb.mipImprovingSolution]: (e) => {
        report(e.data);
        return undefined;
      },
      [cb.mipInterrupt]: (e) => {
        if (options.shouldCancel?.()) {
          cancelled = true;
          e.interrupt();
        }
        const t = now();
        if (t - lastReport > 250) {
          lastReport = t;
          report(e.data);
        }
        return undefined;
      },
    };
    const runStart = now();
    model.run(callbacks);
    const solveSeconds = (now() - runStart) / 1000;
    const ms = highs.constants.modelStatus;
    const status = model.getModelStatus() as number;
    const nodes = Number(model.info.get('mip_node_count'));
    const dual = Number(model.info.get('mip_dual_bound'));
    if (Number.isFinite(dual) && Math.abs(dual) < 1e300) bound = dual;
    const seconds = (now() - start) / 1000;
    if (status === ms.infeasible) {
      return { status: 'infeasible', objective: null, bound: null, gap: null, seconds, solveSeconds, nodes, model: info };
    }
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    if (!hasSolution) {
      return {
        status: status === ms.timeLimit ? 'time-limit' : cancelled ? 'cancelled' : 'failed',
        objective: null,
        bound,
        gap: null,
        seconds,
        solveSeconds,
        nodes,
        model: info,
      };
    }
    const host = m.decode(model.getSolution().colValue);
    const evaluation = evaluate(red, host);
    const objective = evaluation.objective;
    const result: ExactStatus =
      status === ms.optimal ? 'optimal' : cancelled ? 'cancelled' : status === ms.timeLimit ? 'time-limit' : 'failed';
    if (status === ms.optimal && bound === null) bound = objective;
    return { status: result, host, evaluation, objective, bound, gap: gapOf(objective, bound), seconds, solveSeconds, nodes, model: info };
  } finally {
    model.dispose();
  }
}

export function gapOf(incumbent: number | null, bound: number | null): number | null {
  if (incumbent === null || bound === null) return null;
  const g = (incumbent - bound) / Math.max(1e-9, Math.abs(incumbent));
  return Math.max(0, g);
}
