import { solveHeuristic } from '../../src/optimize/heuristic';
import { evaluate, reduce, type Assignment, type OptProblem } from '../../src/optimize/problem';
import { Reflow } from '../../src/optimize/reflow';
import { bruteForce, nearestHosts, randomProblem, servedCost } from './bruteforce';

const hostsOf = (host: Assignment) => Array.from(host).filter((h, i) => h === i);

/** Every member at its nearest open host, owner limit or not (the start `fit` must mend). */
const nearest = (pr: OptProblem, hosts: readonly number[]): Assignment => nearestHosts(reduce(pr), hosts);

const travelOf = (pr: OptProblem, host: Assignment) => Array.from(host).reduce((s, _, i) => s + servedCost(pr, host, i), 0);

describe('Reflow (reassignment along chains under the owner limit)', () => {
  it('with the hosts fixed, mends an assignment over the limit into the cheapest one that keeps it (brute force)', () => {
    let checked = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const hosts = [0, 3, 6];
      const pr = randomProblem(seed, 9, { offices: 3, maxOwners: 3, forcedHosts: hosts });
      const brute = bruteForce(pr);
      if (!brute) continue;
      const f = new Reflow(reduce(pr));
      expect(f.settle(nearest(pr, hosts))).toBe(true);
      const host = f.snapshot();
      expect(f.overflow()).toBe(0);
      expect(hostsOf(host)).toEqual(hosts);
      expect(f.travel).toBeCloseTo(travelOf(pr, host), 6);
      expect(f.travel).toBeCloseTo(brute.objective, 6);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('prices a swap of hosts by the cheapest reassignment for the new hosts, and prices an office that cannot be closed within the limit above any travel', () => {
    for (const seed of [7, 8, 9]) {
      const pr = randomProblem(seed, 9, { offices: 3, maxOwners: 4 });
      const red = reduce(pr);
      const f = new Reflow(red);
      f.settle(nearest(pr, [0, 3, 6]));
      // Close 3, open 5: the result is the optimum for hosts {0, 5, 6}.
      expect(f.swap(3, 5)).toBe(true);
      const host = f.snapshot();
      expect(hostsOf(host)).toEqual([0, 5, 6]);
      expect(f.overflow()).toBe(0);
      const brute = bruteForce({ ...pr, rules: { ...pr.rules, forcedHosts: [0, 5, 6] } });
      expect(f.travel).toBeCloseTo(brute!.objective, 6);
    }
    // Two offices of at most two owners cannot take in five municipalities: closing one fails.
    const tight = randomProblem(1, 5, { offices: 3, maxOwners: 2 });
    const f = new Reflow(reduce(tight));
    f.load(nearest(tight, [0, 1, 2]));
    f.fit();
    expect(f.swap(2, -1)).toBe(true); // a member still finds a host, over the limit
    expect(f.overflow()).toBe(1);
    expect(f.cost() - f.travel).toBeGreaterThan(f.travel); // one owner too many outweighs any travel
  });

  it('lets the heuristic keep the owner limit and reach the optimum on small capped problems', () => {
    let checked = 0;
    for (const seed of [11, 12, 13]) {
      const pr = randomProblem(seed, 8, { offices: 3, maxOwners: 3, minFte: 6 });
      const brute = bruteForce(pr);
      if (!brute) continue;
      const red = reduce(pr);
      const h = solveHeuristic(red, { seed });
      expect(evaluate(red, h.host).feasible).toBe(true);
      expect(h.evaluation.objective).toBeCloseTo(brute.objective, 4);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
