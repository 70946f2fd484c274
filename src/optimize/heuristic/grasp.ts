import { evaluate, type Assignment, type Reduced } from '../problem';
import { Interchange, Table } from './interchange';

/**
 * The GRASP phase on the nearest-host model (Resende & Werneck 2004): sample-greedy
 * construction, fast interchange, and path relinking over an elite pool of host sets.
 */

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/** Host per municipality from open facility positions (nearest open host; isolated alone). */
function assignmentFrom(t: Table, ic: Interchange): Assignment {
  const pr = t.red.problem;
  const host = new Int32Array(pr.n);
  for (let i = 0; i < pr.n; i++) host[i] = i;
  for (let c = 0; c < t.nc; c++) host[t.clients[c]!] = t.facilities[ic.c1[c]!]!;
  for (const f of ic.openList) host[t.facilities[f]!] = t.facilities[f]!;
  return host;
}

/** The initial open count: p, or for a cost per office a greedy start. */
function construct(t: Table, ic: Interchange, p: number | undefined, locked: Uint8Array, random: () => number): void {
  const { nf, nc, w } = t;
  const open = new Set<number>();
  for (let f = 0; f < nf; f++) if (locked[f]) open.add(f);
  ic.set(open);
  // Sample-greedy: each step picks the best of ⌈log2(nf/p)⌉+1 random candidates (Resende & Werneck).
  const target = p ?? nf;
  const sample = Math.max(2, Math.ceil(Math.log2(nf / Math.max(1, p ?? Math.sqrt(nf)))) + 1);
  while (open.size < target) {
    let bestF = -1;
    let bestGain = 0;
    for (let s = 0; s < sample; s++) {
      const f = Math.floor(random() * nf);
      if (open.has(f)) continue;
      let gain = 0;
      for (let c = 0; c < nc; c++) {
        const d = w[c * nf + f]!;
        if (d < ic.d1[c]!) gain += ic.d1[c]! - d;
      }
      if (bestF < 0 || gain > bestGain) {
        bestF = f;
        bestGain = gain;
      }
    }
    if (bestF < 0) continue;
    if (p === undefined && bestGain <= (ic.officeCost ?? 0) && open.size > 0) break;
    open.add(bestF);
    ic.apply(bestF, -1);
  }
}

/** Path relinking from `from` towards `to`: best intermediate, locally improved. */
function relink(ic: Interchange, from: readonly number[], to: readonly number[], shouldStop: () => boolean): number[] {
  ic.set(from);
  let best = [...ic.openList];
  let bestCost = ic.cost;
  const target = new Set(to);
  for (;;) {
    const ins = to.filter((f) => !ic.open[f]);
    const outs = new Uint8Array(ic.t.nf);
    let nOut = 0;
    for (const f of ic.openList) {
      if (!target.has(f)) {
        outs[f] = 1;
        nOut++;
      }
    }
    if (ins.length === 0 || nOut === 0) break;
    const m = ic.bestMove(ins, outs);
    if (m.fin < 0 || m.fout < 0) break;
    ic.apply(m.fin, m.fout);
    if (ic.cost < bestCost - 1e-9) {
      bestCost = ic.cost;
      best = [...ic.openList];
    }
  }
  ic.set(best);
  ic.localSearch(shouldStop);
  return [...ic.openList];
}

/** The best distinct host sets found (facility positions), best first. */
class Elite {
  readonly entries: { set: number[]; cost: number }[] = [];
  constructor(private readonly size: number) {}

  offer(set: number[], cost: number): void {
    const e = this.entries;
    if (e.some((x) => sameSet(x.set, set))) return;
    if (e.length < this.size) e.push({ set, cost });
    else if (cost < e[e.length - 1]!.cost) e[e.length - 1] = { set, cost };
    else return;
    e.sort((a, b) => a.cost - b.cost);
  }
}

export type GraspOptions = Readonly<{
  /** GRASP iterations (each: construct, local search, relink). */
  iterations: number;
  /** The rules need repair: give this phase a few starts and a share of the time (see `grasp`). */
  repair: boolean;
  /** Milliseconds since the start of the whole search, and its limit. */
  elapsed: () => number;
  limit: number;
  stop: () => boolean;
  random: () => number;
  onProgress?: (best: number, iteration: number) => void;
}>;

/**
 * GRASP + interchange + path relinking on the nearest-host model (radius, BA region, locks
 * and forced hosts respected): the elite host sets as assignments (nearest open host), best
 * first, and the iterations run.
 *
 * With repair, the nearest-host phase only seeds the search: it gets a few starts and an
 * eighth of the time. When its first result already keeps every rule, the rules barely bind
 * and the nearest-host search is the stronger one: it then gets half the time and every
 * iteration (the search in assignment space cannot leave a nearest-host local optimum).
 */
export function grasp(red: Reduced, o: GraspOptions): { hosts: Assignment[]; iterations: number } {
  const t = new Table(red);
  const pr = red.problem;
  const locked = new Uint8Array(t.nf);
  for (let f = 0; f < t.nf; f++) if (red.forced[t.facilities[f]!]) locked[f] = 1;
  const officeCost = red.p === undefined ? (pr.rules.officeCost ?? 0) : undefined;
  const ic = new Interchange(t, locked, officeCost);
  let share = o.repair ? 1 / 8 : 1;
  let iterations = o.repair ? Math.min(o.iterations, 4) : o.iterations;
  const stop = () => o.elapsed() > o.limit * share || o.stop();
  const elite = new Elite(10);
  let it = 0;
  if (t.nc > 0 && t.nf > 0) {
    for (; it < iterations && (it === 0 || !stop()); it++) {
      construct(t, ic, red.p, locked, o.random);
      ic.localSearch(stop);
      const set = [...ic.openList];
      const cost = ic.cost;
      if (elite.entries.length > 0) {
        const other = elite.entries[Math.floor(o.random() * elite.entries.length)]!;
        const r = relink(ic, set, other.set, stop);
        elite.offer(r, ic.cost);
      }
      elite.offer(set, cost);
      if (o.repair && it === 0) {
        ic.set(elite.entries[0]!.set);
        if (evaluate(red, assignmentFrom(t, ic)).feasible) {
          share = 1 / 2;
          iterations = o.iterations;
        }
      }
      o.onProgress?.(elite.entries[0]!.cost, it + 1);
    }
    relinkElite(ic, elite, stop);
  }
  const hosts = elite.entries.map((e) => {
    ic.set(e.set);
    return assignmentFrom(t, ic);
  });
  return { hosts, iterations: it };
}

/** Final relinking among the elite, best pairs first. */
function relinkElite(ic: Interchange, elite: Elite, stop: () => boolean): void {
  const e = elite.entries;
  for (let a = 0; a < e.length && !stop(); a++) {
    for (let b = a + 1; b < e.length && !stop(); b++) {
      const r = relink(ic, e[a]!.set, e[b]!.set, stop);
      elite.offer(r, ic.cost);
    }
  }
}
