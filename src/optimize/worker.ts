import type { Highs } from 'highs';
import { solveExact, type ExactOptions, type ExactResult, type Progress } from './exact';
import { reduce, type OptProblem } from './problem';

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
