/**
 * Entry of the browser Web Worker that runs HiGHS for the task pane (built by webpack as
 * dist/solver-worker.js, with highs.wasm beside it). Same protocol as the Node worker thread.
 */
import loadHighs from 'highs';
import { createOptimizeHost, createSolverHost, type OptimizeJob, type OptimizeReply, type SolveRequest, type WorkerReply } from './worker';

type WorkerScope = {
  location: { href: string };
  postMessage: (reply: WorkerReply | OptimizeReply) => void;
  onmessage: ((e: { data: SolveRequest | OptimizeJob }) => void) | null;
};
const scope = globalThis as unknown as WorkerScope;

const load = () => loadHighs({ locateFile: (file: string) => new URL(file, scope.location.href).href });
const solve = createSolverHost(load, (reply) => scope.postMessage(reply));
const run = createOptimizeHost(load, (reply) => scope.postMessage(reply));
scope.onmessage = (e) => void (e.data.type === 'optimize' ? run(e.data) : solve(e.data));
