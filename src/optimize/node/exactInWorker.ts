import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExactResult, Progress } from '../exact';
import type { OptProblem } from '../problem';
import type { ExactSolver } from '../run';
import type { SolveRequest, WorkerReply } from '../worker';

/**
 * HiGHS in a Node worker thread: one worker for a run, reused for every solve in it
 * (main, alternatives, sweep). `cancel()` asks HiGHS to stop with the best found so far.
 */
export class WorkerSolver {
  private readonly worker: Worker;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private next = 1;

  constructor(private readonly onProgress?: (p: Progress) => void) {
    this.worker = spawn();
  }

  readonly solve: ExactSolver = (problem: OptProblem, options) =>
    new Promise<ExactResult>((resolve, reject) => {
      const id = this.next++;
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if (reply.type === 'progress') this.onProgress?.(reply.progress);
        else {
          this.worker.off('message', onMessage);
          this.worker.off('error', onError);
          if (reply.type === 'result') resolve(reply.result);
          else reject(new Error(reply.message));
        }
      };
      const onError = (e: Error) => {
        this.worker.off('message', onMessage);
        reject(e);
      };
      this.worker.on('message', onMessage);
      this.worker.on('error', onError);
      const msg: SolveRequest = { type: 'solve', id, problem, options, cancel: this.flag };
      this.worker.postMessage(msg);
    });

  cancel(): void {
    Atomics.store(this.flag, 0, 1);
  }

  get cancelled(): boolean {
    return Atomics.load(this.flag, 0) === 1;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The compiled worker beside this file (lib/optimize/node/workerThread.js); when running from
 * TypeScript sources (tests), a bootstrap that compiles the .ts files on load with TypeScript.
 */
function spawn(): Worker {
  const js = path.join(__dirname, 'workerThread.js');
  if (existsSync(js)) return new Worker(js);
  const ts = path.join(__dirname, 'workerThread.ts');
  const bootstrap = `
    const fs = require('node:fs');
    const ts = require('typescript');
    require.extensions['.ts'] = (module, file) => {
      const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: file,
      });
      module._compile(out.outputText, file);
    };
    require(${JSON.stringify(ts)});
  `;
  return new Worker(bootstrap, { eval: true });
}
