import { Districts } from './districts';
import { Reflow } from './reflow';
import { evaluate, minFteAt, pairAllowed, pairCost, type Assignment, type Evaluation, type Reduced } from './problem';

/**
 * The heuristic: GRASP construction + fast interchange (Whitaker's swap evaluation with
 * nearest/second-nearest arrays, as in Resende & Werneck 2004) + path relinking over an
 * elite pool, for instant answers, warm starts and hosts without WebAssembly. With a minimum
 * FTE, a maximum number of owners or a BA-split penalty the nearest-host assignment no longer
 * fits, so each host set is then assigned with a repair step and improved by swaps of hosts
 * and moves of members (`constrainedSearch`); where the owner limit binds, host swaps are
 * priced by reassigning along chains of full offices (`Reflow`).
 */

export type HeuristicOptions = Readonly<{
  /** GRASP iterations (each: construct, local search, relink). */
  iterations?: number;
  /** Stop starting new iterations after this many seconds. */
  timeLimitSeconds?: number;
  seed?: number;
  /** Called after each iteration with the best objective so far. */
  onProgress?: (best: number, iteration: number) => void;
  shouldStop?: () => boolean;
}>;

export type HeuristicResult = Readonly<{
  host: Assignment;
  evaluation: Evaluation;
  iterations: number;
  seconds: number;
  /** The best distinct host sets found, best first (for near-optimal alternatives and warm starts). */
  elite: readonly Assignment[];
}>;

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Weighted cost of serving client c from facility f in a dense clients × facilities table;
 * disallowed pairs cost BIG, so an assignment to one marks infeasibility.
 */
class Table {
  readonly clients: Int32Array;
  readonly facilities: Int32Array;
  readonly nc: number;
  readonly nf: number;
  readonly w: Float64Array;
  readonly big: number;
  /** facility index (global) → position in `facilities`, -1 if not a candidate. */
  readonly fpos: Int32Array;

  constructor(readonly red: Reduced) {
    const pr = red.problem;
    const clients: number[] = [];
    for (let i = 0; i < pr.n; i++) if (!red.isIsolated[i]) clients.push(i);
    this.clients = Int32Array.from(clients);
    this.facilities = Int32Array.from(red.candidates);
    this.nc = clients.length;
    this.nf = red.candidates.length;
    this.fpos = new Int32Array(pr.n).fill(-1);
    this.facilities.forEach((f, k) => (this.fpos[f] = k));
    let maxW = 0;
    for (let c = 0; c < this.nc; c++) {
      const i = clients[c]!;
      for (const j of red.allowed[i]!) maxW = Math.max(maxW, pairCost(pr, i, j));
    }
    this.big = Math.max(1, maxW) * 1e4;
    this.w = new Float64Array(this.nc * this.nf).fill(this.big);
    for (let c = 0; c < this.nc; c++) {
      const i = clients[c]!;
      for (const j of red.allowed[i]!) {
        this.w[c * this.nf + this.fpos[j]!] = pairCost(pr, i, j);
      }
    }
  }
}

/** Nearest and second-nearest open facility per client, with swap evaluation. */
class Interchange {
  readonly open: Uint8Array;
  readonly openList: number[] = [];
  readonly c1: Int32Array;
  readonly c2: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  cost = 0;
  private readonly extra: Float64Array;

  constructor(
    readonly t: Table,
    readonly locked: Uint8Array,
    readonly officeCost: number | undefined,
  ) {
    this.open = new Uint8Array(t.nf);
    this.c1 = new Int32Array(t.nc);
    this.c2 = new Int32Array(t.nc);
    this.d1 = new Float64Array(t.nc);
    this.d2 = new Float64Array(t.nc);
    this.extra = new Float64Array(t.nf);
  }

  set(facs: Iterable<number>): void {
    this.open.fill(0);
    this.openList.length = 0;
    for (const f of facs) {
      if (!this.open[f]) this.openList.push(f);
      this.open[f] = 1;
    }
    for (let c = 0; c < this.t.nc; c++) this.refresh(c);
    this.recost();
  }

  private recost(): void {
    let s = 0;
    for (let c = 0; c < this.t.nc; c++) s += this.d1[c]!;
    this.cost = s + (this.officeCost ?? 0) * this.openList.length;
  }

  private refresh(c: number): void {
    const { w, nf, big } = this.t;
    let b1 = -1;
    let b2 = -1;
    let v1 = Number.POSITIVE_INFINITY;
    let v2 = Number.POSITIVE_INFINITY;
    const row = c * nf;
    for (const f of this.openList) {
      const v = w[row + f]!;
      if (v < v1) {
        b2 = b1;
        v2 = v1;
        b1 = f;
        v1 = v;
      } else if (v < v2) {
        b2 = f;
        v2 = v;
      }
    }
    this.c1[c] = b1;
    this.d1[c] = b1 < 0 ? big * 10 : v1;
    this.c2[c] = b2;
    this.d2[c] = b2 < 0 ? big * 10 : v2;
  }

  /**
   * The best move: swap (in, out), add (in, -1) or drop (-1, out), within the allowed sets;
   * returns the change in cost. `ins`/`outs` restrict the move (path relinking).
   */
  bestMove(ins?: ArrayLike<number>, outs?: Uint8Array): { delta: number; fin: number; fout: number } {
    const { w, nf, nc } = this.t;
    const extra = this.extra;
    let best = { delta: Number.POSITIVE_INFINITY, fin: -1, fout: -1 };
    const canDrop = this.officeCost !== undefined;
    // loss[out]: cost of closing out alone.
    if (canDrop) {
      extra.fill(0);
      for (let c = 0; c < nc; c++) {
        const f = this.c1[c]!;
        extra[f] = extra[f]! + this.d2[c]! - this.d1[c]!;
      }
      for (const f of this.openList) {
        if (this.locked[f] || (outs && !outs[f]) || this.openList.length <= 1) continue;
        const delta = extra[f]! - this.officeCost!;
        if (delta < best.delta) best = { delta, fin: -1, fout: f };
      }
    }
    const nIn = ins ? ins.length : nf;
    for (let k = 0; k < nIn; k++) {
      const fin = ins ? ins[k]! : k;
      if (this.open[fin]) continue;
      let g = 0;
      for (const f of this.openList) extra[f] = 0;
      for (let c = 0; c < nc; c++) {
        const dij = w[c * nf + fin]!;
        const d1 = this.d1[c]!;
        if (dij < d1) g += dij - d1;
        else {
          const d2 = this.d2[c]!;
          const f = this.c1[c]!;
          extra[f] = extra[f]! + (dij < d2 ? dij : d2) - d1;
        }
      }
      if (canDrop && !outs) {
        const delta = g + this.officeCost!;
        if (delta < best.delta) best = { delta, fin, fout: -1 };
      }
      for (const f of this.openList) {
        if (this.locked[f] || (outs && !outs[f])) continue;
        const delta = g + extra[f]!;
        if (delta < best.delta) best = { delta, fin, fout: f };
      }
    }
    return best;
  }

  apply(fin: number, fout: number): void {
    const { w, nf, nc } = this.t;
    if (fout >= 0) {
      this.open[fout] = 0;
      this.openList.splice(this.openList.indexOf(fout), 1);
    }
    if (fin >= 0) {
      this.open[fin] = 1;
      this.openList.push(fin);
    }
    for (let c = 0; c < nc; c++) {
      if (this.c1[c] === fout || this.c2[c] === fout || (fin >= 0 && w[c * nf + fin]! < this.d2[c]!)) this.refresh(c);
    }
    this.recost();
  }

  localSearch(shouldStop: () => boolean): void {
    const eps = 1e-9 * Math.max(1, Math.abs(this.cost));
    for (;;) {
      if (shouldStop()) return;
      const m = this.bestMove();
      if (!(m.delta < -eps)) return;
      this.apply(m.fin, m.fout);
    }
  }
}

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

/** GRASP + interchange + path relinking on the nearest-host model (radius, BA region, locks and forced hosts respected). */
export function solveHeuristic(red: Reduced, options: HeuristicOptions = {}): HeuristicResult {
  const start = now();
  const t = new Table(red);
  const pr = red.problem;
  const locked = new Uint8Array(t.nf);
  for (let f = 0; f < t.nf; f++) if (red.forced[t.facilities[f]!]) locked[f] = 1;
  const officeCost = red.p === undefined ? (pr.rules.officeCost ?? 0) : undefined;
  const ic = new Interchange(t, locked, officeCost);
  const random = rng(options.seed ?? 1);
  const iterations = options.iterations ?? 32;
  const limit = (options.timeLimitSeconds ?? 30) * 1000;
  const stop = () => now() - start > limit || (options.shouldStop?.() ?? false);
  // With repair, the nearest-host phase only seeds the search: give it a few starts and an
  // eighth of the time. When its first result already keeps every rule, the rules barely bind
  // and the nearest-host search is the stronger one: it then gets half the time and every
  // iteration (the search in assignment space cannot leave a nearest-host local optimum).
  const repair = needsRepair(red);
  let graspShare = repair ? 1 / 8 : 1;
  let graspIterations = repair ? Math.min(iterations, 4) : iterations;
  const graspStop = () => now() - start > limit * graspShare || stop();
  const eliteSize = 10;
  const elite: { set: number[]; cost: number }[] = [];
  const offer = (set: number[], cost: number) => {
    if (elite.some((e) => sameSet(e.set, set))) return;
    if (elite.length < eliteSize) elite.push({ set, cost });
    else if (cost < elite[elite.length - 1]!.cost) elite[elite.length - 1] = { set, cost };
    else return;
    elite.sort((a, b) => a.cost - b.cost);
  };
  let it = 0;
  if (t.nc > 0 && t.nf > 0) {
    for (; it < graspIterations && (it === 0 || !graspStop()); it++) {
      construct(t, ic, red.p, locked, random);
      ic.localSearch(graspStop);
      const set = [...ic.openList];
      const cost = ic.cost;
      if (elite.length > 0) {
        const other = elite[Math.floor(random() * elite.length)]!;
        const r = relink(ic, set, other.set, graspStop);
        offer(r, ic.cost);
      }
      offer(set, cost);
      if (repair && it === 0) {
        ic.set(elite[0]!.set);
        if (evaluate(red, assignmentFrom(t, ic)).feasible) {
          graspShare = 1 / 2;
          graspIterations = iterations;
        }
      }
      options.onProgress?.(elite[0]!.cost, it + 1);
    }
    // Final relinking among the elite, best pairs first.
    for (let a = 0; a < elite.length && !graspStop(); a++) {
      for (let b = a + 1; b < elite.length && !graspStop(); b++) {
        const r = relink(ic, elite[a]!.set, elite[b]!.set, graspStop);
        offer(r, ic.cost);
      }
    }
  }
  const hosts = elite.map((e) => {
    ic.set(e.set);
    return assignmentFrom(t, ic);
  });
  if (hosts.length === 0) hosts.push(trivial(red));
  let results = hosts.map((h) => ({ host: h, evaluation: evaluate(red, h) }));
  if (repair) {
    results = constrainedSearch(red, hosts, stop, iterations * 64, random);
  }
  results.sort((a, b) => compare(a.evaluation, b.evaluation));
  return {
    host: results[0]!.host,
    evaluation: results[0]!.evaluation,
    iterations: it,
    seconds: (now() - start) / 1000,
    elite: results.map((r) => r.host),
  };
}

function trivial(red: Reduced): Assignment {
  const host = new Int32Array(red.problem.n);
  for (let i = 0; i < host.length; i++) host[i] = i;
  return host;
}

export function needsRepair(red: Reduced): boolean {
  const r = red.problem.rules;
  return r.minFte > 0 || Number.isFinite(r.maxOwners) || r.baSplitPenalty > 0;
}

/** Infeasibility first, then the objective. */
export function compare(a: Evaluation, b: Evaluation): number {
  const ia = a.fteDeficit + a.ownerExcess + a.badPairs;
  const ib = b.fteDeficit + b.ownerExcess + b.badPairs;
  if (Math.abs(ia - ib) > 1e-9) return ia - ib;
  return a.objective - b.objective;
}

/**
 * Assigns every member to an open host: nearest allowed first; then members move out of
 * offices over the owner limit and into offices under the minimum FTE, cheapest per FTE first,
 * without breaking the office they leave; then single members move wherever it saves travel.
 */
export function assignOpen(red: Reduced, open: Uint8Array): Assignment {
  const pr = red.problem;
  const { n, rules } = pr;
  const host = new Int32Array(n).fill(-1);
  const fte = new Float64Array(n);
  const count = new Int32Array(n);
  const isolated = red.isIsolated;
  const maxOwnersRule = rules.maxOwners;
  const put = (i: number, h: number) => {
    const from = host[i]!;
    if (from >= 0) {
      fte[from] = fte[from]! - pr.fte[i]!;
      count[from] = count[from]! - 1;
    }
    host[i] = h;
    fte[h] = fte[h]! + pr.fte[i]!;
    count[h] = count[h]! + 1;
  };
  // Hosts serve themselves; locked members go to their host; the rest, most regret first
  // (the members that lose most if their nearest office is full), to the nearest with room.
  const order: number[] = [];
  const regret = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (isolated[i] || open[i]) put(i, i);
    else if (rules.locks.has(i)) put(i, rules.locks.get(i)!);
    else {
      let c1 = -1;
      let c2 = -1;
      for (const j of red.allowed[i]!) {
        if (!open[j]) continue;
        if (c1 < 0) c1 = j;
        else {
          c2 = j;
          break;
        }
      }
      if (c1 < 0) continue;
      regret[i] = c2 < 0 ? Number.POSITIVE_INFINITY : pairCost(pr, i, c2) - pairCost(pr, i, c1);
      order.push(i);
    }
  }
  order.sort((a, b) => regret[b]! - regret[a]!);
  for (const i of order) {
    let first = -1;
    for (const j of red.allowed[i]!) {
      if (!open[j]) continue;
      if (first < 0) first = j;
      if (count[j]! < maxOwnersRule) {
        put(i, j);
        break;
      }
    }
    if (host[i]! < 0) put(i, first);
  }
  const movable = (i: number) => host[i]! >= 0 && host[i] !== i && !rules.locks.has(i) && !isolated[i];
  const c = (i: number, j: number) => pairCost(pr, i, j);
  const minFte = rules.minFte;
  const need = (h: number): number => minFteAt(pr, h);
  const maxOwners = rules.maxOwners;
  // Owners over the limit: the cheapest chain of single moves (an ejection chain) from the
  // full office to one with room, found by label-correcting over the open offices.
  if (Number.isFinite(maxOwners)) {
    const dist = new Float64Array(n);
    const predMember = new Int32Array(n);
    for (let guard = 0; guard < n; guard++) {
      let over = -1;
      for (let h = 0; h < n && over < 0; h++) if (open[h] && count[h]! > maxOwners) over = h;
      if (over < 0) break;
      dist.fill(Number.POSITIVE_INFINITY);
      predMember.fill(-1);
      dist[over] = 0;
      for (let round = 0, changed = true; changed && round < 12; round++) {
        changed = false;
        for (let i = 0; i < n; i++) {
          const a = host[i]!;
          if (a < 0 || !Number.isFinite(dist[a]!) || !movable(i)) continue;
          for (const b of red.allowed[i]!) {
            if (!open[b] || b === a) continue;
            const nd = dist[a]! + c(i, b) - c(i, a);
            if (nd < dist[b]! - 1e-9) {
              dist[b] = nd;
              predMember[b] = i;
              changed = true;
            }
          }
        }
      }
      let target = -1;
      for (let b = 0; b < n; b++)
        if (open[b] && count[b]! < maxOwners && Number.isFinite(dist[b]!) && (target < 0 || dist[b]! < dist[target]!)) target = b;
      if (target < 0) break;
      const moves: [number, number][] = [];
      const seen = new Set<number>();
      for (let b = target; b !== over;) {
        const i = predMember[b]!;
        if (i < 0 || seen.has(b)) break;
        seen.add(b);
        moves.push([i, b]);
        b = host[i]!;
      }
      if (moves.length === 0 || host[moves[moves.length - 1]![0]] !== over) break;
      for (const [i, b] of moves) put(i, b);
    }
  }
  // Offices under the minimum: pull members in, cheapest per FTE, keeping the giver whole.
  if (minFte > 0) {
    for (let round = 0; round < n; round++) {
      let worst = -1;
      for (let h = 0; h < n; h++)
        if (open[h] && !isolated[h] && fte[h]! < need(h) - 1e-9 && (worst < 0 || fte[h]! < fte[worst]!)) worst = h;
      if (worst < 0) break;
      // A member moves in (when there is room), or swaps with a smaller member of the office.
      let best: [number, number, number] | undefined; // [member in, member out (-1), cost per FTE gained]
      const room = count[worst]! < maxOwners;
      for (const i of red.servable[worst]!) {
        if (host[i] === worst || pr.fte[i]! <= 0 || (host[i]! >= 0 && !movable(i))) continue;
        const from = host[i]!;
        const giverOk = (gain: number) => from < 0 || fte[from]! - gain >= need(from) - 1e-9 || fte[from]! < need(from) - 1e-9;
        if (room && giverOk(pr.fte[i]!)) {
          const d = (c(i, worst) - (from >= 0 ? c(i, from) : 0)) / pr.fte[i]!;
          if (!best || d < best[2]) best = [i, -1, d];
        }
        if (from < 0) continue;
        for (const k of red.servable[from]!) {
          if (host[k] !== worst || !movable(k) || pr.fte[k]! >= pr.fte[i]!) continue;
          const gain = pr.fte[i]! - pr.fte[k]!;
          if (!giverOk(gain)) continue;
          const d = (c(i, worst) - c(i, from) + c(k, from) - c(k, worst)) / gain;
          if (!best || d < best[2]) best = [i, k, d];
        }
      }
      if (!best) break;
      const from = host[best[0]]!;
      put(best[0], worst);
      if (best[1] >= 0) put(best[1], from);
    }
  }
  // Member moves that save travel and keep every rule that holds.
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      if (!movable(i)) continue;
      const from = host[i]!;
      if (minFte > 0 && fte[from]! - pr.fte[i]! < need(from) - 1e-9) continue;
      for (const j of red.allowed[i]!) {
        if (!open[j] || j === from) continue;
        if (c(i, j) >= c(i, from) - 1e-9) break;
        if (count[j]! >= maxOwners) continue;
        put(i, j);
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  for (let i = 0; i < n; i++) if (host[i]! < 0) host[i] = i; // unassignable: flagged by evaluate
  return host;
}

/** The best state so far of a search in assignment space. */
export type Best = Readonly<{ host: Assignment; value: number; feasible: boolean }>;

function record(d: Districts): Best {
  return { host: d.snapshot(), value: d.value(), feasible: d.feasible() };
}

/** Keeping every rule first (a breach of a fraction of an FTE weighs little), then the penalised objective. */
function beats(d: Districts, best: Best): boolean {
  const feasible = d.feasible();
  if (feasible !== best.feasible) return feasible;
  return d.value() < best.value - 1e-9;
}

/** Share of kicks that are targeted rather than random. */
const TARGETED = 0.15;

/**
 * Iterated local search when assignments need repair: each start is relocated (Cooper),
 * assigned with repair, and improved in assignment space (`Districts`: shifts, swaps,
 * rehosts). Where the owner limit binds (a given number of offices), the best is then
 * improved by host swaps priced along chains of full offices (`chainSwaps`); otherwise
 * offices over the limit are split. Last, the best is kicked by closing an office and
 * opening a candidate near it (or, with a cost per office, by closing or opening one) and
 * improved again.
 */
function constrainedSearch(
  red: Reduced,
  starts: readonly Assignment[],
  stop: () => boolean,
  rounds: number,
  random: () => number,
): { host: Assignment; evaluation: Evaluation }[] {
  const pr = red.problem;
  const n = pr.n;
  const byCost = red.p === undefined;
  const near: Int32Array[] = [];
  for (let j = 0; j < n; j++) {
    const cands = red.candidates.filter((k) => k !== j && Number.isFinite(pr.cost[j * n + k]!));
    cands.sort((a, b) => pr.cost[j * n + a]! - pr.cost[j * n + b]!);
    near.push(Int32Array.from(red.candidates.length <= 120 ? cands : cands.slice(0, 10)));
  }
  const found = new Map<string, { host: Assignment; evaluation: Evaluation }>();
  const keep = (host: Assignment) => {
    const key = Array.from(host).join(',');
    if (!found.has(key)) found.set(key, { host, evaluation: evaluate(red, host) });
  };
  const openOf = (host: Assignment) => {
    const open = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (host[i] === i && red.isCandidate[i]) open[i] = 1;
    return open;
  };
  // Where chains price the host swaps, they improve one start further than several starts
  // improved less: only the best start is taken.
  const chains = !byCost && Number.isFinite(pr.rules.maxOwners) ? new Reflow(red) : undefined;
  let best: Best | undefined;
  for (const startHost of chains ? starts.slice(0, 1) : starts) {
    if (best && stop()) break;
    const d = new Districts(red, assignOpen(red, relocate(red, openOf(startHost))));
    d.descend(stop, random);
    const host = d.snapshot();
    keep(host);
    if (!best || beats(d, best)) best = record(d);
  }
  if (best && chains) {
    best = refit(red, chains, best, stop, random);
    keep(best.host);
    best = chainSwaps(red, chains, best, stop, random);
    keep(best.host);
  }
  // Otherwise, while owners are over the limit somewhere, open an office among that office's
  // members and close the office cheapest to close elsewhere (the best of a few, each then improved).
  for (let round = 0; round < n && best && !chains && !stop(); round++) {
    const d = new Districts(red, best.host);
    const a = d.mostOverfull();
    if (a < 0) break;
    const ks = red.servable[a]!.filter((k) => d.host[k] === a && k !== a && red.isCandidate[k] && !d.open[k]);
    const closers = red.candidates
      .filter((c) => c !== a && d.open[c])
      .map((c) => [c, d.closingEstimate(c)] as const)
      .filter(([, e]) => Number.isFinite(e))
      .sort((x, y) => x[1] - y[1])
      .slice(0, 4);
    let next: Districts | undefined;
    for (const k of ks.length > 0
      ? ks
      : Array.from(near[a]!)
          .filter((c) => !d.open[c])
          .slice(0, 3)) {
      for (const [c] of closers) {
        const t = d.clone();
        t.untouch();
        if (!t.closeOpen(c, k)) continue;
        t.descend(stop, random, true);
        if (!next || t.value() < next.value()) next = t;
      }
    }
    if (!next || !beats(next, best)) break;
    best = record(next);
    keep(best.host);
  }
  // Each new best that keeps every rule is first improved by host swaps priced after repair;
  // the kicks then look for what those swaps cannot reach.
  let swapped: Best | undefined;
  const swapDescent = () => {
    if (!best || !best.feasible || swapped === best) return;
    best = repairedSwaps(red, best, stop, random);
    keep(best.host);
    swapped = best;
  };
  for (let round = 0; round < rounds && best && !stop(); round++) {
    swapDescent();
    const d = new Districts(red, best.host);
    d.untouch();
    const hosts = red.candidates.filter((j) => d.open[j] && !red.forced[j]);
    if (hosts.length === 0) break;
    const kicks = 1 + Math.floor(random() * 2);
    const short = best.feasible ? -1 : d.mostShort();
    if (short >= 0 && !red.forced[short] && random() < 0.5) {
      // An office below its minimum that no shift mends (its only partners host elsewhere):
      // close it and open, anywhere, one of the candidates that would save most.
      const gains = red.candidates
        .filter((c) => !d.open[c])
        .map((c): [number, number] => [c, d.openingGain(c)])
        .sort((x, y) => y[1] - x[1])
        .slice(0, 5);
      if (gains.length > 0) d.closeOpen(short, gains[Math.floor(random() * gains.length)]![0]);
    } else if (!byCost && random() < TARGETED) {
      // Targeted: open one of the candidates that would save most, close one of the offices cheapest to close.
      const top = (xs: [number, number][]) => xs.sort((x, y) => y[1] - x[1]).slice(0, 5);
      const gains = top(red.candidates.filter((c) => !d.open[c]).map((c): [number, number] => [c, d.openingGain(c)]));
      const closers = top(hosts.map((c): [number, number] => [c, -d.closingEstimate(c)]).filter(([, e]) => Number.isFinite(e)));
      if (gains.length > 0 && closers.length > 0) {
        d.closeOpen(closers[Math.floor(random() * closers.length)]![0], gains[Math.floor(random() * gains.length)]![0]);
      }
    } else
      for (let k = 0; k < kicks; k++) {
        const a = hosts[Math.floor(random() * hosts.length)]!;
        const options = Array.from(near[a]!).filter((c) => !d.open[c]);
        const kind = byCost ? random() : 0;
        if (kind < 0.6 && options.length > 0) d.closeOpen(a, options[Math.floor(random() * options.length)]!);
        else if (kind < 0.8) d.closeOpen(a, -1);
        else if (options.length > 0) d.closeOpen(-1, options[Math.floor(random() * options.length)]!);
      }
    d.descend(stop, random, true);
    if (beats(d, best)) {
      best = record(d);
      keep(best.host);
    }
  }
  swapDescent();
  // Still below a minimum somewhere (an office whose only partners host elsewhere): close each
  // short office in turn and open, anywhere, one of the candidates that would save most.
  for (let round = 0; round < 8 && best && !best.feasible; round++) {
    const d0 = new Districts(red, best.host);
    const short = d0.mostShort();
    if (short < 0 || red.forced[short]) break;
    const gains = red.candidates
      .filter((c) => !d0.open[c])
      .map((c): [number, number] => [c, d0.openingGain(c)])
      .sort((x, y) => y[1] - x[1])
      .slice(0, 10);
    let next: Districts | undefined;
    for (const [k] of gains) {
      const t = d0.clone();
      t.untouch();
      if (!t.closeOpen(short, k)) continue;
      t.descend(stop, random, true);
      if (!next || t.value() < next.value()) next = t;
      if (stop()) break;
    }
    if (!next || !beats(next, best)) break;
    best = record(next);
    keep(best.host);
  }
  // Small problems: polish the best by swapping hosts, each set assigned afresh with repair.
  if (best && red.candidates.length <= 120) {
    const polished = hostSwapDescent(red, best.host, near, stop);
    keep(polished);
  }
  return [...found.values()];
}

/**
 * Swaps tried per round of `repairedSwaps` (our assumption: on all of Norway at 200 offices
 * the improving swap is nearly always among the sixteen estimated best, and each try costs a
 * focused descent).
 */
const SWAP_TRIES = 16;

/**
 * Host swaps in assignment space, each priced after the assignment is repaired: the pairs
 * `swapEstimates` ranks best are tried (close one office, open the candidate, then a focused
 * descent that restores the minimum staff and the owner limit), and the first that beats the
 * best is kept; rounds repeat while one does. This reaches swaps that pay only once members
 * are moved to keep the minimum staff, which a chain price (penalising the breach) ranks last.
 */
export function repairedSwaps(red: Reduced, start: Best, stop: () => boolean, random: () => number, tries = SWAP_TRIES): Best {
  let best = start;
  while (!stop()) {
    const d = new Districts(red, best.host);
    let improved = false;
    for (const [a, k] of d.swapEstimates(tries)) {
      if (stop()) break;
      const t = d.clone();
      t.untouch();
      if (!t.closeOpen(a, k)) continue;
      t.descend(stop, random, true);
      if (beats(t, best)) {
        best = record(t);
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  return best;
}

/** The assignment reworked along chains (`Reflow`) to keep the owner limit, then improved in assignment space; kept if better. */
function refit(red: Reduced, f: Reflow, start: Best, stop: () => boolean, random: () => number): Best {
  if (!f.settle(start.host)) return start;
  const d = new Districts(red, f.snapshot());
  d.descend(stop, random);
  return beats(d, start) ? record(d) : start;
}

/**
 * Host swaps where the owner limit binds, priced by chains (`Reflow`): the offices likeliest
 * to be cheap to close and the candidates likeliest to gain by opening are each priced alone;
 * pairs of them (far apart: about the sum; near each other: estimated as one move) are
 * ranked, and the most promising priced together. The best few are improved in assignment
 * space (which restores the minimum FTE); rounds repeat while one beats the best. This finds
 * the moves a kick of one or two nearby offices cannot: an office shut in one region and
 * opened in another, with the members between passed along full offices.
 */
function chainSwaps(red: Reduced, f: Reflow, start: Best, stop: () => boolean, random: () => number): Best {
  const side = 30;
  const priced = 24;
  const tries = 6;
  let best = start;
  while (!stop()) {
    f.settle(best.host);
    const base = f.snapshot();
    const cost = f.cost();
    const price = (close: number, open: number): number => {
      f.load(base);
      return f.swap(close, open) ? f.cost() - cost : Number.POSITIVE_INFINITY;
    };
    const estimate = f.estimator();
    const hosts = red.candidates.filter((j) => f.open[j] && !red.forced[j]);
    const shut = red.candidates.filter((k) => !f.open[k]);
    // Each office closed alone and the most promising candidates opened alone, priced exactly;
    // a pair far apart is about the sum of the two, a pair near each other (the candidate may
    // serve the office's members) is estimated as one move.
    const alone = (xs: number[], v: (x: number) => number) =>
      new Map(xs.map((x): [number, number] => [x, v(x)]).filter(([, y]) => Number.isFinite(y)));
    const likeliest = (xs: number[], v: (x: number) => number) =>
      xs
        .map((x): [number, number] => [x, v(x)])
        .sort((a, b) => a[1] - b[1])
        .slice(0, side)
        .map(([x]) => x);
    const closeV = alone(
      likeliest(hosts, (j) => estimate(j, -1)),
      (j) => price(j, -1),
    );
    const openV = alone(
      likeliest(shut, (k) => estimate(-1, k)),
      (k) => price(-1, k),
    );
    const guesses: [number, number, number][] = [];
    for (const j of hosts) {
      const near = new Set<number>();
      for (const m of f.members(j)) for (const k of red.allowed[m]!) if (!f.open[k]) near.add(k);
      for (const k of near) {
        const v = estimate(j, k);
        if (Number.isFinite(v)) guesses.push([j, k, v]);
      }
      const cj = closeV.get(j);
      if (cj === undefined) continue;
      for (const [k, ok] of openV) if (!near.has(k)) guesses.push([j, k, cj + ok]);
    }
    guesses.sort((a, b) => a[2] - b[2]);
    const pairs: [number, Assignment, number, number][] = [];
    for (const [j, k] of guesses.slice(0, priced)) {
      if (stop()) break;
      const v = price(j, k);
      if (Number.isFinite(v)) pairs.push([v, f.snapshot(), j, k]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    // The best few pairs are improved in assignment space until one beats the best; after
    // that, each further pair apart from those kept is priced again on the new best and kept
    // when it still gains (several swaps in one round).
    let improved = false;
    let tried = 0;
    const used = new Set<number>();
    for (const [, host, j, k] of pairs) {
      if (stop() || (!improved && tried >= tries)) break;
      if (used.has(j) || used.has(k)) continue;
      let trial = host;
      if (improved) {
        if (best.host[j] !== j || best.host[k] === k) continue;
        f.load(best.host);
        f.pull();
        const before = f.cost();
        if (!f.swap(j, k) || f.cost() >= before) continue;
        trial = f.snapshot();
      }
      tried++;
      const d = new Districts(red, trial);
      d.descend(stop, random);
      if (beats(d, best)) {
        best = record(d);
        improved = true;
        used.add(j);
        used.add(k);
      }
    }
    if (!improved) break;
  }
  return best;
}

/** Swap a host for a nearby candidate (or, with a cost per office, add or drop one) while the repaired assignment improves. */
function hostSwapDescent(red: Reduced, start: Assignment, near: readonly Int32Array[], stop: () => boolean): Assignment {
  const n = red.problem.n;
  const byCost = red.p === undefined;
  const open = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (start[i] === i && red.isCandidate[i]) open[i] = 1;
  let host = start;
  let ev = evaluate(red, host);
  let improved = true;
  while (improved && !stop()) {
    improved = false;
    for (const j of red.candidates) {
      if (red.forced[j] || !open[j] || stop()) continue;
      const tries = new Set<number>(near[j]);
      for (let i = 0; i < n; i++) if (host[i] === j && i !== j && red.isCandidate[i]) tries.add(i);
      const ins = [...tries].filter((k) => !open[k]);
      const moves: [number, number][] = ins.map((k) => [k, j]);
      if (byCost) moves.push([-1, j], ...ins.map((k): [number, number] => [k, -1]));
      for (const [kin, jout] of moves) {
        if (kin >= 0) open[kin] = 1;
        if (jout >= 0) open[jout] = 0;
        const h2 = assignOpen(red, open);
        const e2 = evaluate(red, h2);
        if (compare(e2, ev) < -1e-9) {
          host = h2;
          ev = e2;
          improved = true;
          break;
        }
        if (kin >= 0) open[kin] = 0;
        if (jout >= 0) open[jout] = 1;
      }
    }
  }
  return host;
}

/**
 * Cooper's location–allocation alternation: assign members to the open hosts, move each
 * office's host to the member that serves the office with the least travel, repeat until
 * nothing moves. A cheap, good start for the swap search when offices are capped.
 */
export function relocate(red: Reduced, open: Uint8Array): Uint8Array {
  const pr = red.problem;
  const n = pr.n;
  const cur = Uint8Array.from(open);
  for (let round = 0; round < 20; round++) {
    const host = assignOpen(red, cur);
    const members = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const h = host[i]!;
      if (!cur[h] || !red.isCandidate[h]) continue;
      if (!members.has(h)) members.set(h, []);
      members.get(h)!.push(i);
    }
    let moved = false;
    for (const [j, ms] of members) {
      if (red.forced[j]) continue;
      let bestK = j;
      let bestCost = Number.POSITIVE_INFINITY;
      for (const k of ms) {
        if (!red.isCandidate[k] || (k !== j && cur[k])) continue;
        let sum = 0;
        for (const i of ms) {
          if (i === k) continue;
          if (!pairAllowed(pr, i, k)) {
            sum = Number.POSITIVE_INFINITY;
            break;
          }
          sum += pairCost(pr, i, k);
        }
        if (sum < bestCost - 1e-9 || (k === j && sum <= bestCost + 1e-9)) {
          bestCost = sum;
          bestK = k;
        }
      }
      if (bestK !== j) {
        cur[j] = 0;
        cur[bestK] = 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return cur;
}
