/**
 * Entry of the browser Web Worker that runs HiGHS for the task pane (built by webpack as
 * dist/solver-worker.js, with highs.wasm beside it). Same protocol as the Node worker thread.
 */
import loadHighs from 'highs';
import { createSolverHost, type SolveRequest, type WorkerReply } from './worker';

type WorkerScope = {
  location: { href: string };
  postMessage: (reply: WorkerReply) => void;
  onmessage: ((e: { data: SolveRequest }) => void) | null;
};
const scope = globalThis as unknown as WorkerScope;

const handle = createSolverHost(
  () => loadHighs({ locateFile: (file: string) => new URL(file, scope.location.href).href }),
  (reply) => scope.postMessage(reply),
);
scope.onmessage = (e) => void handle(e.data);
