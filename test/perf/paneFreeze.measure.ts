/**
 * How long the task pane's thread is frozen on all of Norway: the longest stretch without a
 * turn of the event loop while the pane inserts the sample for the whole country, reads it,
 * scores it and writes the scenario sheets, against the fake Excel. Not part of `npm test`:
 * run it with `npx jest --testMatch '**\/paneFreeze.measure.ts' test/perf` and read the figures
 * it prints (they depend on the machine).
 */
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { Planner } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

/** Watches the event loop: the longest gap between two turns while `f` runs. */
async function frozen(f: () => Promise<unknown>): Promise<{ longest: number; total: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  await f();
  const total = performance.now() - t0;
  longest = Math.max(longest, performance.now() - last);
  clearInterval(timer);
  return { longest, total };
}

it('measures the frozen time on all of Norway', async () => {
  const municipalities = loadEmbedded();
  const p = new Planner(new OfficeWorkbook(new FakeExcel([]).run), { municipalities, network: loadNetwork(municipalities) });
  await p.load();
  // Typed loosely so the same file measures the pane before these methods took these arguments.
  const loose = p as unknown as { insertSample(c?: string): Promise<unknown>; writeScenarios(o?: object): Promise<unknown> };
  const all = (county: undefined) => loose.insertSample(county);
  const steps: [string, () => Promise<unknown>][] = [
    ['insert the sample (all of Norway) and read it', () => all(undefined)],
    ['read again', () => p.load()],
    ['score', async () => p.scores()],
    ['write the scenario sheets (as the pane does: checked for changes first)', () => loose.writeScenarios({ check: true })],
  ];
  const lines: string[] = [];
  for (const [name, f] of steps) {
    const r = await frozen(f);
    lines.push(`${name}: longest frozen ${(r.longest / 1000).toFixed(2)} s of ${(r.total / 1000).toFixed(2)} s`);
  }
  console.log(lines.join('\n'));
  expect(p.loaded?.value?.municipalities.length).toBeGreaterThan(300);
}, 600_000);
