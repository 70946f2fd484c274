/**
 * How long the task pane's thread is frozen on all of Norway: the longest stretch without a
 * turn of the event loop while the pane inserts the sample for the whole country, reads it,
 * scores it and writes the scenario sheets, against the fake Excel. Not part of `npm test`:
 * run it with `npx jest --testMatch '**\/paneFreeze.measure.ts' test/perf` and read the figures
 * it prints (they depend on the machine).
 *
 * Two figures per step. "With the fake host" counts everything on this thread, the fake Excel's
 * own work too (which real Excel does in its own process). "The pane's own" leaves out what
 * happens inside the fake's `context.sync()` and lets each sync take a turn of the event loop,
 * as a round trip to Excel does: what the planner would feel. Each is measured with the heavy
 * work on this thread (the pane before offload.ts) and in a worker thread (Planner.offload, as
 * the add-in's Web Worker runs it).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { offloadTo, type OffloadReply, type Port } from '../../src/taskpane/offload';
import { Planner } from '../../src/taskpane/planner';
import type { ExcelRun } from '../../src/workbook/office/excelApi';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

/** Watches the event loop: the longest gap between two turns while `f` runs, less the host's time in it. */
async function frozen(f: () => Promise<unknown>, hostMs: () => number): Promise<{ longest: number; total: number }> {
  let last = performance.now();
  let hostAtLast = hostMs();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - (hostMs() - hostAtLast));
    last = now;
    hostAtLast = hostMs();
  };
  const timer = setInterval(tick, 1);
  const t0 = performance.now();
  await f();
  const total = performance.now() - t0;
  tick();
  clearInterval(timer);
  return { longest, total };
}

/** The pane's heavy work in a Node worker thread, compiled from the TypeScript sources on load. */
function workerPort(): { port: Port; close: () => Promise<number> } {
  const root = path.resolve(__dirname, '..', '..');
  const w = new Worker(
    `
    const fs = require('node:fs');
    const ts = require('typescript');
    require.extensions['.ts'] = (module, file) => {
      const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: file,
      });
      module._compile(out.outputText, file);
    };
    const { parentPort } = require('node:worker_threads');
    const { createPaneHost } = require(${JSON.stringify(path.join(root, 'src/taskpane/offload.ts'))});
    const { loadEmbedded, loadNetwork } = require(${JSON.stringify(path.join(root, 'src/cli/common.ts'))});
    const municipalities = loadEmbedded();
    const host = createPaneHost({ municipalities, network: loadNetwork(municipalities) });
    parentPort.on('message', (m) => parentPort.postMessage(host(m)));
    `,
    { eval: true },
  );
  const port: Port = { onmessage: null, postMessage: (req) => w.postMessage(req) };
  w.on('message', (data: OffloadReply) => port.onmessage?.({ data }));
  w.on('error', (e) => port.onerror?.({ message: e.message }));
  return { port, close: () => w.terminate() };
}

async function measure(how: 'with the fake host' | "the pane's own", offload: boolean): Promise<string[]> {
  const municipalities = loadEmbedded();
  const excel = new FakeExcel([]);
  let host = 0;
  const run: ExcelRun =
    how === 'with the fake host'
      ? excel.run
      : (batch) =>
          excel.run((ctx) => {
            const c = ctx as unknown as { sync: () => Promise<void> };
            const sync = c.sync.bind(ctx);
            c.sync = async () => {
              const t = performance.now();
              try {
                await sync();
              } finally {
                host += performance.now() - t;
              }
              await new Promise((r) => setTimeout(r, 0));
            };
            return batch(ctx);
          });
  const p = new Planner(new OfficeWorkbook(run), { municipalities, network: loadNetwork(municipalities) });
  const worker = offload ? workerPort() : undefined;
  if (worker) p.offload = offloadTo(worker.port);
  try {
    await p.load();
    // Typed loosely so the same file measures the pane before these methods took these arguments.
    const loose = p as unknown as { insertSample(c?: string): Promise<unknown>; writeScenarios(o?: object): Promise<unknown> };
    const steps: [string, () => Promise<unknown>][] = [
      ['insert the sample (all of Norway) and read it', () => loose.insertSample(undefined)],
      ['read again', () => p.load()],
      ['score', async () => p.scores()],
      ['write the scenario sheets (checked for changes first)', () => loose.writeScenarios({ check: true })],
    ];
    const lines: string[] = [];
    for (const [name, f] of steps) {
      const r = await frozen(f, () => host);
      lines.push(`  ${name}: longest frozen ${(r.longest / 1000).toFixed(2)} s of ${(r.total / 1000).toFixed(2)} s`);
    }
    expect(p.loaded?.value?.municipalities.length).toBeGreaterThan(300);
    return [`${how}, heavy work ${offload ? 'in a worker thread' : 'on this thread'}:`, ...lines];
  } finally {
    await worker?.close();
  }
}

it('measures the frozen time on all of Norway', async () => {
  const lines: string[] = [];
  for (const how of ['with the fake host', "the pane's own"] as const)
    for (const offload of [false, true]) lines.push(...(await measure(how, offload)));
  console.log(lines.join('\n'));
}, 600_000);
