/**
 * `npm run bench -- diagnose [--offices N] [--seeds N] [--seconds S]`: why the heuristic
 * misses the proven optimum on all of Norway with service points (default rules). Prints the
 * proven structure's binding rules, then per seed: the gap, the binding rules of the
 * heuristic's structure, the hosts that differ from the proven one and the members served
 * elsewhere, and each single host swap towards the proven structure (close a host only the
 * heuristic has, open one only the proven structure has, then repair and descend) with its
 * change, its rank among the swaps `Districts.swapEstimates` ranks and its estimate. A swap
 * that gains, ranked far down, is one the search does not try. Figures are printed, never
 * asserted.
 */
import loadHighs from 'highs';
import { withParameters } from '../domain/parameters';
import { sampleInput } from '../cli/common';
import { Districts } from '../optimize/districts';
import { solveExact } from '../optimize/exact';
import { fromPlanningInput } from '../optimize/fromInput';
import { rng, solveHeuristic } from '../optimize/heuristic';
import { evaluate, minFteAt, reduce, type Assignment, type Reduced } from '../optimize/problem';

/** Offices, those at the owner limit and those within 2 FTE of the minimum. */
function binding(red: Reduced, host: Assignment): string {
  const pr = red.problem;
  const n = pr.n;
  const fte = new Float64Array(n);
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = host[i]!;
    fte[h] = fte[h]! + pr.fte[i]!;
    count[h] = count[h]! + 1;
  }
  let offices = 0;
  let atOwners = 0;
  let atMin = 0;
  for (let j = 0; j < n; j++) {
    if (host[j] !== j || red.isIsolated[j]) continue;
    offices++;
    if (count[j] === pr.rules.maxOwners) atOwners++;
    if (fte[j]! - minFteAt(pr, j) < 2) atMin++;
  }
  return `${offices} offices, ${atOwners} at the owner limit, ${atMin} within 2 FTE of the minimum`;
}

const hostsOf = (host: Assignment) => new Set(Array.from(host).filter((h, i) => h === i));
const arg = (args: string[], name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;

export async function diagnose(args: string[]): Promise<void> {
  const offices = arg(args, '--offices', 200);
  const seeds = arg(args, '--seeds', 8);
  const seconds = arg(args, '--seconds', 2);
  const highs = await loadHighs();
  const p = withParameters();
  const pr = fromPlanningInput(sampleInput(undefined, p), p, { offices, servicePoints: true });
  const red = reduce(pr);
  const e = solveExact(highs, red, { timeLimitSeconds: 300 });
  if (!e.host || e.objective === null) throw new Error(`no proven structure (${e.status})`);
  const opt = e.objective;
  const pct = (x: number) => `${((x / opt) * 100).toFixed(3)} %`;
  console.log(`All of Norway, ${offices} offices: proven ${e.status} in ${e.seconds.toFixed(2)} s; ${binding(red, e.host)}`);
  const proven = hostsOf(e.host);
  for (let s = 1; s <= seeds; s++) {
    const h = solveHeuristic(red, { timeLimitSeconds: seconds, seed: s });
    const ev = evaluate(red, h.host);
    const mine = hostsOf(h.host);
    const onlyH = [...mine].filter((x) => !proven.has(x));
    const onlyE = [...proven].filter((x) => !mine.has(x));
    const elsewhere = Array.from(h.host).filter((x, i) => x !== e.host![i]).length;
    console.log(
      `seed ${s}: gap ${pct(ev.objective - opt)}${ev.feasible ? '' : ' (breaks a rule)'} in ${h.seconds.toFixed(2)} s; ${binding(red, h.host)}; ` +
        `hosts only here ${onlyH.map((x) => pr.ids[x]).join(' ') || '–'}, only in the proven ${onlyE.map((x) => pr.ids[x]).join(' ') || '–'}; ${elsewhere} members served elsewhere`,
    );
    if (onlyH.length === 0) continue;
    const base = new Districts(red, h.host);
    const ranked = base.swapEstimates(Number.POSITIVE_INFINITY);
    const swaps: string[] = [];
    for (const a of onlyH)
      for (const k of onlyE) {
        const d = base.clone();
        d.untouch();
        if (!d.closeOpen(a, k)) continue;
        d.descend(() => false, rng(1), true);
        const r = ranked.findIndex(([x, y]) => x === a && y === k);
        swaps.push(
          `${pr.ids[a]}→${pr.ids[k]} ${pct(d.value() - base.value())}${d.feasible() ? '' : ' (breaks a rule)'}, rank ${r < 0 ? '–' : r + 1}${r < 0 ? '' : ` (estimate ${pct(ranked[r]![2])})`}`,
        );
      }
    console.log(`  single swaps towards the proven structure: ${swaps.join('; ')}`);
  }
}
