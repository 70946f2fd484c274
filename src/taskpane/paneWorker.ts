/**
 * Entry of the pane's Web Worker (dist/pane-worker.js): reads, scores and runs the commands that
 * write (their sheets come back as plain data for the page to apply) off the task pane's thread
 * (offload.ts), with its own copy of the embedded data.
 */
import { embeddedData } from './embedded';
import { createPaneHost, type OffloadReply, type OffloadRequest } from './offload';

type WorkerScope = { postMessage: (reply: OffloadReply) => void; onmessage: ((e: { data: OffloadRequest }) => void) | null };
const scope = globalThis as unknown as WorkerScope;
const host = createPaneHost(embeddedData());
scope.onmessage = (e) => void host(e.data).then((reply) => scope.postMessage(reply));
