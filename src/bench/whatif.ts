/**
 * `npm run bench -- whatif [--edits N] [--seed S]`: what-if in place (src/app/whatif.ts), per
 * edit, on the embedded sample of Nordland (41 municipalities) and of all of Norway (357):
 * starting from today's structure, N edits drawn at random (moves to a host or to an office of
 * its own, service points; refused ones drawn again), each timed as the pane runs it: the edit
 * checked and applied, then the scenario scored with its consequences and per-municipality
 * comparison against the baseline, reusing the scores of the offices it did not touch. Beside
 * it, the same scenario scored from scratch (every office again), and an undo. Median and worst
 * per edit; target: under 200 ms for a county. Printed, never asserted: a measurement.
 */
import { cpus } from 'node:os';
import { edit, hostChoices, start, undo, WhatIfScorer, type Edit, type WhatIfContext, type WhatIfState } from '../app/whatif';
import { sampleInput } from '../cli/common';
import { withParameters } from '../domain/parameters';
import type { MunicipalityNumber, ServicePoint } from '../domain/types';
import { rng } from '../optimize/heuristic/rng';

const SITES: readonly ServicePoint[] = [
  { kind: 'none' },
  { kind: 'meeting' },
  { kind: 'branch', days: 2 },
  { kind: 'branch', days: 5 },
  { kind: 'full' },
];

type Stats = { median: number; worst: number; mean: number };
function stats(ms: readonly number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  return {
    median: s[Math.floor((s.length - 1) / 2)] ?? 0,
    worst: s[s.length - 1] ?? 0,
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
  };
}

function run(county: string | undefined, edits: number, seed: number) {
  const params = withParameters();
  const t0 = performance.now();
  const input = sampleInput(county, params);
  const readMs = performance.now() - t0;
  const ctx: WhatIfContext = { input, params, municipalitiesSheet: 'Kommuner' };
  const base = input.scenarios[0]!;
  const t1 = performance.now();
  const scorer = new WhatIfScorer(ctx);
  scorer.score(base);
  const firstMs = performance.now() - t1;
  // Seeded (the heuristic's generator), so every run draws the same edits.
  const draw = rng(seed);
  const numbers = input.municipalities.map((m) => m.number);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(draw() * xs.length)]!;
  const incremental: number[] = [];
  const full: number[] = [];
  const undos: number[] = [];
  let state: WhatIfState = start(base);
  let refused = 0;
  while (incremental.length < edits) {
    const member = pick(numbers) as MunicipalityNumber;
    const e: Edit =
      draw() < 0.6
        ? { kind: 'move', member, host: pick(hostChoices(state.scenario, member)) }
        : { kind: 'servicePoint', member, servicePoint: pick(SITES) };
    const t = performance.now();
    const r = edit(state, e, ctx);
    if (!r.state) {
      refused++;
      continue;
    }
    scorer.score(r.state.scenario);
    incremental.push(performance.now() - t);
    // From scratch: a scorer that has seen no office of this scenario (its baseline scored before the clock).
    const cold = new WhatIfScorer(ctx);
    const tf = performance.now();
    cold.score(r.state.scenario);
    full.push(performance.now() - tf);
    const tu = performance.now();
    scorer.score(undo(r.state).scenario);
    undos.push(performance.now() - tu);
    state = r.state;
  }
  return {
    case: county === undefined ? 'Norge' : `fylke ${county}`,
    municipalities: input.municipalities.length,
    offices: base.offices.length,
    scenario: base.name,
    readMs,
    firstMs,
    edits,
    refused,
    incremental: stats(incremental),
    full: stats(full),
    undo: stats(undos),
  };
}

export function whatIfBench(args: readonly string[]): void {
  const at = (flag: string, dflt: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) || dflt : dflt);
  const edits = Math.max(1, at('--edits', 200));
  const seed = at('--seed', 24);
  const json = args.includes('--json');
  const rows = [run('18', edits, seed), run(undefined, edits, seed)];
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log(`What-if in place, ${edits} random edits from today's structure (seed ${seed}). This machine: ${cpus().length} cores.`);
  console.log(
    'Per edit: check + apply + score (offices reused) = what the pane runs; scratch = every office scored again; undo = replay + score.',
  );
  const f = (s: Stats) => `median ${s.median.toFixed(2).padStart(6)} ms, worst ${s.worst.toFixed(2).padStart(7)} ms`;
  for (const r of rows) {
    console.log(
      `${r.case.padEnd(9)} ${String(r.municipalities).padStart(3)} municipalities, ${String(r.offices).padStart(3)} offices («${r.scenario}»); sample read ${r.readMs.toFixed(0)} ms, first score ${r.firstMs.toFixed(1)} ms; ${r.refused} drawn edits refused`,
    );
    console.log(`   per edit   ${f(r.incremental)}`);
    console.log(`   scratch    ${f(r.full)}`);
    console.log(`   undo       ${f(r.undo)}`);
  }
  console.log('Target: under 200 ms per edit for a county.');
}
