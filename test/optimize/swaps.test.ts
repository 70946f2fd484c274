import { Districts } from '../../src/optimize/districts';
import { repairedSwaps, rng, solveHeuristic } from '../../src/optimize/heuristic';
import { evaluate, reduce, type Assignment } from '../../src/optimize/problem';
import { bruteForce, nearestHosts, randomProblem } from './bruteforce';

const hostsOf = (host: Assignment) => Array.from(host).filter((h, i) => h === i);
const never = () => false;

describe('host swaps priced after repair', () => {
  it('estimates a swap exactly when no rule binds (Whitaker: every member at its nearest open host)', () => {
    let pairs = 0;
    for (const seed of [1, 2, 3]) {
      const pr = randomProblem(seed, 12, { offices: 4 });
      const red = reduce(pr);
      const hosts = [0, 4, 7, 10];
      const d = new Districts(red, nearestHosts(red, hosts));
      const before = evaluate(red, d.snapshot()).objective;
      const estimates = d.swapEstimates(1000);
      // Every open office against every closed candidate.
      expect(estimates).toHaveLength(hosts.length * (pr.n - hosts.length));
      for (const [a, k, estimate] of estimates) {
        const after = evaluate(red, nearestHosts(red, [...hosts.filter((h) => h !== a), k])).objective;
        expect(estimate).toBeCloseTo(after - before, 6);
        pairs++;
      }
      for (let t = 1; t < estimates.length; t++) expect(estimates[t]![2]).toBeGreaterThanOrEqual(estimates[t - 1]![2]);
    }
    expect(pairs).toBe(3 * 4 * 8);
  });

  it('prices opening a candidate at its gain when no rule binds, and lower when its office must reach the minimum staff', () => {
    for (const seed of [4, 5, 6]) {
      const free = randomProblem(seed, 10, { offices: 3 });
      const red = reduce(free);
      const d = new Districts(red, nearestHosts(red, [0, 1, 2]));
      for (let k = 3; k < free.n; k++) expect(d.openingPrice(k)).toBeCloseTo(d.openingGain(k), 9);
      const capped = reduce({ ...free, rules: { ...free.rules, minFte: 20, maxOwners: 4 } });
      const c = new Districts(capped, nearestHosts(capped, capped.candidates.slice(0, 3)));
      let lower = 0;
      for (const k of capped.candidates) {
        if (c.open[k]) continue;
        const price = c.openingPrice(k);
        expect(price).toBeLessThanOrEqual(c.openingGain(k) + 1e-9);
        if (price < c.openingGain(k) - 1e-9) lower++;
      }
      expect(lower).toBeGreaterThan(0);
    }
  });

  it('leaves local optima of the member moves and reaches the optimum under the minimum staff (brute force)', () => {
    let checked = 0;
    let onlyBySwaps = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const pr = randomProblem(seed, 9, { offices: 3, minFte: 12, maxOwners: 4 });
      const brute = bruteForce(pr);
      if (!brute) continue;
      const red = reduce(pr);
      const start = nearestHosts(red, red.candidates.slice(0, 3));
      const d = new Districts(red, start);
      d.descend(never, rng(seed));
      const local = { host: d.snapshot(), value: d.value(), feasible: d.feasible() };
      if (!local.feasible) continue;
      checked++;
      const swapped = repairedSwaps(red, local, never, rng(seed), 1000);
      const e = evaluate(red, swapped.host);
      expect(e.feasible).toBe(true);
      expect(e.objective).toBeCloseTo(swapped.value, 6);
      expect(hostsOf(swapped.host)).toHaveLength(3);
      expect(swapped.value).toBeLessThanOrEqual(local.value + 1e-9);
      if (local.value > brute.objective + 1e-6 && Math.abs(e.objective - brute.objective) < 1e-6) onlyBySwaps++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(onlyBySwaps).toBeGreaterThanOrEqual(1);
  });
});

describe('the heuristic per seed', () => {
  it('gives the same structure for the same seed when time does not cut it short, capped or not', () => {
    for (const rules of [{ offices: 4 }, { offices: 4, minFte: 15, maxOwners: 5 }]) {
      const red = reduce(randomProblem(21, 18, rules));
      const run = (seed: number) => solveHeuristic(red, { seed, iterations: 8, timeLimitSeconds: 600 });
      const a = run(3);
      const b = run(3);
      expect(Array.from(b.host)).toEqual(Array.from(a.host));
      expect(b.evaluation.objective).toBe(a.evaluation.objective);
      expect(b.iterations).toBe(a.iterations);
    }
  });
});
