import { rng } from '../../src/optimize/heuristic';
import { evaluate, NO_RULES, reduce, type Assignment, type OptProblem, type Reduced } from '../../src/optimize/problem';

/**
 * The optimum by enumeration (tiny problems only): every set of hosts (of the asked size),
 * then every assignment of the others to an open host the rules allow.
 */
export function bruteForce(pr: OptProblem): { objective: number; host: Assignment } | undefined {
  const red = reduce(pr);
  const n = pr.n;
  const host = new Int32Array(n);
  const open = new Uint8Array(n);
  let best: { objective: number; host: Assignment } | undefined;
  const isolated = new Set(red.isolated);
  const assign = (i: number) => {
    if (i === n) {
      const e = evaluate(red, host);
      if (e.feasible && (!best || e.objective < best.objective - 1e-9)) best = { objective: e.objective, host: Int32Array.from(host) };
      return;
    }
    if (open[i] || isolated.has(i)) {
      host[i] = i;
      assign(i + 1);
      return;
    }
    for (const j of red.allowed[i]!) {
      if (!open[j]) continue;
      host[i] = j;
      assign(i + 1);
    }
  };
  const cands = red.candidates;
  const choose = (k: number, count: number) => {
    if (k === cands.length) {
      if (red.p === undefined ? count > 0 : count === red.p) assign(0);
      return;
    }
    const j = cands[k]!;
    if (red.p === undefined || count < red.p) {
      open[j] = 1;
      choose(k + 1, count + 1);
      open[j] = 0;
    }
    choose(k + 1, count);
  };
  choose(0, 0);
  return best;
}

/** A random small planning problem: points on a plane, travel = distance, populations and FTE. */
export function randomProblem(seed: number, n: number, rules: Partial<OptProblem['rules']> = {}): OptProblem {
  const r = rng(seed);
  const xs = Array.from({ length: n }, () => [r() * 100, r() * 100] as const);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) cost[i * n + j] = Math.round(Math.hypot(xs[i]![0] - xs[j]![0], xs[i]![1] - xs[j]![1]));
  const weight = Float64Array.from({ length: n }, () => 100 + Math.floor(r() * 5000));
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => String(1000 + i)),
    weight,
    cost,
    fte: Float64Array.from(weight, (w) => Math.round((w * 2.3) / 100) / 10),
    ba: Int32Array.from({ length: n }, () => Math.floor(r() * 3)),
    rules: { ...NO_RULES, ...rules },
  };
}

/** Every member at its nearest allowed host among `hosts` (a host, or a member with none in reach, at itself). */
export function nearestHosts(red: Reduced, hosts: readonly number[]): Assignment {
  return Int32Array.from({ length: red.problem.n }, (_, i) =>
    hosts.includes(i) ? i : (red.allowed[i]!.find((j) => hosts.includes(j)) ?? i),
  );
}

/** What serving member i at its host costs: its weight times the travel. */
export function servedCost(pr: OptProblem, host: Assignment, i: number): number {
  return host[i] === i ? 0 : pr.weight[i]! * pr.cost[i * pr.n + host[i]!]!;
}
