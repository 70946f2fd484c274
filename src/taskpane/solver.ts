/**
 * Runs an optimisation in the Web Worker (dist/solver-worker.js, HiGHS's WebAssembly loaded
 * there on first use). Cancel: through shared memory where the page is cross-origin isolated
 * (HiGHS stops and reports what it has); elsewhere the worker is stopped and the best
 * structure it had already posted is the result.
 */
import type { Progress } from '../optimize/exact';
import type { OptProblem } from '../optimize/problem';
import type { OutcomeSummary, Solution } from '../optimize/run';
import type { OptimizeJob, OptimizeReply } from '../optimize/worker';

export type RunHandle = Readonly<{ done: Promise<OutcomeSummary>; cancel: () => void }>;

export class CancelledError extends Error {
  constructor() {
    super('Avbrutt før noen kontorstruktur var funnet.');
    this.name = 'CancelledError';
  }
}

/** An error the optimiser reports about the rules (message for the planner). */
export class OptimiseError extends Error {}

/** The worker stopped without an answer (its own message, if any, is `detail`). */
export class WorkerStoppedError extends Error {
  constructor(readonly detail: string) {
    super(detail || 'Optimeringen stoppet uventet.');
    this.name = 'WorkerStoppedError';
  }
}

export function runInWorker(
  workerUrl: string,
  problem: OptProblem,
  options: OptimizeJob['options'],
  onStage: (stage: string, progress?: Progress) => void,
): RunHandle {
  const worker = new Worker(workerUrl);
  const shared = typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const flag = shared ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  let best: { solution: Solution; isolated: readonly number[] } | undefined;
  let cancelRequested = false;
  let settle: { resolve: (o: OutcomeSummary) => void; reject: (e: Error) => void } | undefined;
  const done = new Promise<OutcomeSummary>((resolve, reject) => (settle = { resolve, reject }));
  const finish = () => worker.terminate();
  worker.onmessage = (e: MessageEvent<OptimizeReply>) => {
    const r = e.data;
    if (r.type === 'stage') onStage(r.stage, r.progress);
    else if (r.type === 'solution') {
      if (r.stage === 'main') best = { solution: r.solution, isolated: r.isolated };
    } else if (r.type === 'done') {
      finish();
      settle!.resolve(cancelRequested ? { ...r.outcome, stopped: true } : r.outcome);
    } else {
      finish();
      settle!.reject(Object.assign(new OptimiseError(r.message), r.code ? { code: r.code, params: r.params ?? {} } : {}));
    }
  };
  worker.onerror = (e) => {
    finish();
    settle!.reject(new WorkerStoppedError(e.message));
  };
  const job: OptimizeJob = { type: 'optimize', id: 1, problem, options, cancel: flag };
  worker.postMessage(job);
  return {
    done,
    cancel: () => {
      cancelRequested = true;
      if (flag) {
        Atomics.store(flag, 0, 1);
        return;
      }
      finish();
      if (best) {
        const b = best.solution;
        settle!.resolve({
          best: b,
          alternatives: [],
          sweep: [{ offices: b.evaluation.offices, solution: b }],
          reduced: { isolated: best.isolated },
          stopped: true,
        });
      } else settle!.reject(new CancelledError());
    },
  };
}
