/**
 * How long the task pane's thread is frozen on all of Norway: the longest stretch without a
 * turn of the event loop while the pane inserts the sample for the whole country, reads it,
 * scores it and writes the scenario sheets, the comparison and a cost sheet, against the fake
 * Excel. Not part of `npm test`: run it with
 * `npx jest --testMatch '**\/paneFreeze.measure.ts' test/perf` and read the figures it prints
 * (they depend on the machine). Each configuration runs ROUNDS times (default 3) and each step
 * prints the least and the median of its rounds: on a shared machine the least is the step's
 * own cost, the rest is other work taking the cores.
 *
 * Two figures per step (the first only with FAKE_HOST=1). "With the fake host" counts everything on this thread, the fake Excel's
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
    parentPort.on('message', (m) => Promise.resolve(host(m)).then((r) => parentPort.postMessage(r)));
    `,
    { eval: true },
  );
  const port: Port = { onmessage: null, postMessage: (req) => w.postMessage(req) };
  w.on('message', (data: OffloadReply) => port.onmessage?.({ data }));
  w.on('error', (e) => port.onerror?.({ message: e.message }));
  return { port, close: () => w.terminate() };
}

type Step = { name: string; longest: number; total: number };

async function measure(how: 'with the fake host' | "the pane's own", offload: boolean): Promise<Step[]> {
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
    // The Costs tab's first office shared by several municipalities, under a per-capita key.
    const costs = () => {
      const sc = p.loaded!.value!.scenarios.find((s) => s.offices.some((o) => o.members.length > 1))!;
      const host = sc.offices.find((o) => o.members.length > 1)!.host;
      return p.writeCosts({ scenario: sc.name, host, key: { kind: 'per-capita' }, costPerFte: 1_000_000, costPerFteGiven: false });
    };
    const steps: [string, () => Promise<unknown>][] = [
      ['insert the sample (all of Norway) and read it', () => loose.insertSample(undefined)],
      ['read again', () => p.load()],
      ['score', async () => p.scores()],
      ['write the scenario sheets (checked for changes first)', () => loose.writeScenarios({ check: true })],
      // The Compare tab's button: the same command (plan writes Sammenligning with the scenario sheets), now replacing them.
      ['write the comparison again (replacing the sheets)', () => loose.writeScenarios({ check: true })],
      ['write the cost sheet', costs],
    ];
    const out: Step[] = [];
    for (const [name, f] of steps) out.push({ name, ...(await frozen(f, () => host)) });
    expect(p.loaded?.value?.municipalities.length).toBeGreaterThan(300);
    return out;
  } finally {
    await worker?.close();
  }
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

it('measures the frozen time on all of Norway', async () => {
  const rounds = Number(process.env.ROUNDS ?? 3);
  const lines: string[] = [];
  const hows = process.env.FAKE_HOST ? (['with the fake host', "the pane's own"] as const) : (["the pane's own"] as const);
  for (const how of hows)
    for (const offload of [false, true]) {
      const runs: Step[][] = [];
      for (let i = 0; i < rounds; i++) runs.push(await measure(how, offload));
      lines.push(`${how}, heavy work ${offload ? 'in a worker thread' : 'on this thread'} (${rounds} rounds, least / median):`);
      runs[0]!.forEach((step, k) => {
        const longest = runs.map((r) => r[k]!.longest);
        const total = runs.map((r) => r[k]!.total);
        lines.push(`  ${step.name}: longest frozen ${s(Math.min(...longest))} / ${s(median(longest))} s of ${s(median(total))} s`);
      });
    }
  console.log(lines.join('\n'));
}, 1_800_000);
