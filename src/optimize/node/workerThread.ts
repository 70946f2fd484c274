import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';
import { createSolverHost, type SolveRequest } from '../worker';

/** Entry of the Node worker thread that runs HiGHS (see ../worker.ts for the protocol). */
const port = parentPort;
if (port) {
  const handle = createSolverHost(
    () => loadHighs(),
    (reply) => port.postMessage(reply),
  );
  port.on('message', (msg: SolveRequest) => void handle(msg));
}
