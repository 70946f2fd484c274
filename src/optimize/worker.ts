import type { Highs } from 'highs';
import { solveExact, type ExactOptions, type ExactResult, type Progress } from './exact';
import { reduce, type OptProblem } from './problem';
import { optimize, sweepCounts, type OutcomeSummary, type Solution } from './run';
import type { Coded, MessageCode, MessageParams } from '../io/messages';

/**
 * The solver's side of the worker protocol, the same in a Node worker thread and a browser
 * Web Worker: a `solve` message in; `progress` messages and one `result` (or `error`) out.
 * HiGHS runs synchronously inside the worker, so cancellation is a flag in shared memory
 * that HiGHS's interrupt callback polls; where shared memory is not available the caller
 * terminates the worker and keeps the last incumbent it was sent.
 */
export type SolveRequest = Readonly<{
  type: 'solve';
  id: number;
  problem: OptProblem;
  options: Omit<ExactOptions, 'onProgress' | 'shouldCancel'>;
  /** Int32Array over a SharedArrayBuffer; element 0 set to 1 cancels. */
  cancel?: Int32Array;
}>;

export type WorkerReply =
  | Readonly<{ type: 'progress'; id: number; progress: Progress }>
  | Readonly<{ type: 'result'; id: number; result: ExactResult }>
  | Readonly<{ type: 'error'; id: number; message: string }>;

export function createSolverHost(
  loadHighs: () => Promise<Highs>,
  post: (reply: WorkerReply) => void,
): (msg: SolveRequest) => Promise<void> {
  let highs: Promise<Highs> | undefined;
  return async (msg) => {
    if (msg.type !== 'solve') return;
    try {
      highs ??= loadHighs();
      const h = await highs;
      const cancel = msg.cancel;
      const result = solveExact(h, reduce(msg.problem), {
        ...msg.options,
        onProgress: (progress) => post({ type: 'progress', id: msg.id, progress }),
        shouldCancel: cancel ? () => Atomics.load(cancel, 0) === 1 : undefined,
      });
      post({ type: 'result', id: msg.id, result });
    } catch (e) {
      post({ type: 'error', id: msg.id, message: (e as Error).message });
    }
  };
}

/** A whole optimisation (heuristic, exact, alternatives, sweep) run inside the worker, as the task pane asks for it. */
export type OptimizeJob = Readonly<{
  type: 'optimize';
  id: number;
  problem: OptProblem;
  options: Readonly<{
    timeLimitSeconds: number;
    sweepTimeLimitSeconds: number;
    heuristicSeconds: number;
    alternatives: number;
    within: number;
    /** The curve's office counts: given, or chosen around the best count between min and max. */
    sweep: readonly number[] | { min: number; max: number };
    /** Without WebAssembly (or when asked): the heuristic alone. */
    heuristicOnly?: boolean;
  }>;
  cancel?: Int32Array;
}>;

export type OptimizeReply =
  | Readonly<{ type: 'stage'; id: number; stage: string; progress?: Progress }>
  | Readonly<{ type: 'solution'; id: number; stage: string; solution: Solution; isolated: readonly number[] }>
  | Readonly<{ type: 'done'; id: number; outcome: OutcomeSummary }>
  | Readonly<{ type: 'failed'; id: number; message: string; name: string; code?: MessageCode; params?: MessageParams }>;

/** The optimiser's side of an `optimize` job: every stage and structure is posted as it comes. */
export function createOptimizeHost(
  loadHighs: () => Promise<Highs>,
  post: (reply: OptimizeReply) => void,
): (job: OptimizeJob) => Promise<void> {
  let highs: Promise<Highs> | undefined;
  return async (job) => {
    const { id, problem, options: o, cancel } = job;
    const cancelled = () => (cancel ? Atomics.load(cancel, 0) === 1 : false);
    let stage = 'main';
    try {
      const h = o.heuristicOnly ? undefined : await (highs ??= loadHighs());
      const outcome = await optimize(problem, {
        exact: h
          ? async (pr, opts, reduced) =>
              solveExact(h, reduced ?? reduce(pr), {
                ...opts,
                onProgress: (progress) => post({ type: 'stage', id, stage, progress }),
                shouldCancel: cancelled,
              })
          : undefined,
        timeLimitSeconds: o.timeLimitSeconds,
        sweepTimeLimitSeconds: o.sweepTimeLimitSeconds,
        heuristicSeconds: o.heuristicSeconds,
        alternatives: o.alternatives,
        within: o.within,
        sweep: Array.isArray(o.sweep) ? o.sweep : undefined,
        sweepAround: Array.isArray(o.sweep)
          ? undefined
          : (n) => sweepCounts(n, (o.sweep as { min: number }).min, (o.sweep as { max: number }).max),
        onProgress: (s, progress) => {
          stage = s;
          post({ type: 'stage', id, stage: s, progress });
        },
        onSolution: (s, solution, isolated) => post({ type: 'solution', id, stage: s, solution, isolated }),
        shouldStop: cancelled,
      });
      post({
        type: 'done',
        id,
        outcome: {
          best: outcome.best,
          alternatives: outcome.alternatives,
          sweep: outcome.sweep,
          reduced: { isolated: outcome.reduced.isolated },
        },
      });
    } catch (e) {
      // A refusal of the rules keeps its catalogue code, so the page says it in the planner's language.
      const c = e as Error & Partial<Coded>;
      post({ type: 'failed', id, message: c.message, name: c.name, ...(c.code ? { code: c.code, params: c.params ?? {} } : {}) });
    }
  };
}
