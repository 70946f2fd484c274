import { breachWeights } from './districts';
import { Chains, movableMask, nearestOpenHost } from './kernel';
import { minFteAt, pairAllowed, pairCost, type Assignment, type Reduced } from './problem';

/**
 * Host swaps priced by reassigning along chains of full offices, for when the owner limit
 * binds. Closing an office whose neighbours are full, or opening one where offices are full,
 * moves members along chains (a member of office a to b, a member of b to c, …) that can reach
 * far across the country; a swap's worth is only seen once those chains are followed.
 *
 * The reassignment is a min-cost flow with the owner limit as each office's capacity
 * (ignoring the minimum FTE and BA regions, which the assignment search repairs afterwards):
 * displaced members are inserted by shortest augmenting paths over the offices
 * (Bellman–Ford by rounds, so each chain has at most `ROUNDS` moves), then cycles of moves
 * and chains ending in an office with room that lower the travel are applied while there are
 * any. `cost` adds the breaches of both limits, weighted as in the assignment search, so a
 * swap that mends one ranks first. Eight moves per chain: on all of Norway at 80 offices,
 * fifteen gave no better structures, and each relaxation costs up to twice as many rounds.
 */
const ROUNDS = 8;

export class Reflow {
  private readonly n: number;
  private readonly cap: number;
  private readonly movable: Uint8Array;
  readonly host: Int32Array;
  readonly open: Uint8Array;
  private readonly count: Int32Array;
  private readonly mem: number[][];
  private travelSum = 0;
  private readonly chains: Chains;
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  /** Round stamps (an office is queued once per round, in `estimator`). */
  private readonly mark: Int32Array;
  private stamp = 0;
  /** Weights of a breach, as in the assignment search: per FTE missing, per owner too many. */
  private readonly perFte: number;
  private readonly perOwner: number;
  private readonly fte: Float64Array;

  constructor(private readonly red: Reduced) {
    const pr = red.problem;
    const n = pr.n;
    this.n = n;
    this.cap = pr.rules.maxOwners;
    this.movable = movableMask(red);
    this.host = new Int32Array(n);
    this.open = new Uint8Array(n);
    this.count = new Int32Array(n);
    this.mem = Array.from({ length: n }, () => []);
    this.chains = new Chains(red, this.movable);
    this.dist = this.chains.dist;
    this.pred = this.chains.pred;
    this.mark = new Int32Array(n);
    ({ perFte: this.perFte, perOwner: this.perOwner } = breachWeights(red));
    this.fte = new Float64Array(n);
  }

  /** Travel of the current assignment (population-weighted). */
  get travel(): number {
    return this.travelSum;
  }

  private c(i: number, j: number): number {
    const pr = this.red.problem;
    return pairCost(pr, i, j);
  }

  load(host: Assignment): void {
    this.host.set(host);
    this.open.fill(0);
    this.count.fill(0);
    this.fte.fill(0);
    for (const list of this.mem) list.length = 0;
    this.travelSum = 0;
    for (let i = 0; i < this.n; i++) if (host[i] === i) this.open[i] = 1;
    for (let i = 0; i < this.n; i++) this.join(i, host[i]!);
  }

  members(h: number): readonly number[] {
    return this.mem[h]!;
  }

  snapshot(): Assignment {
    return Int32Array.from(this.host);
  }

  private join(i: number, b: number): void {
    this.host[i] = b;
    this.mem[b]!.push(i);
    this.count[b] = this.count[b]! + 1;
    this.fte[b] = this.fte[b]! + this.red.problem.fte[i]!;
    this.travelSum += this.c(i, b);
  }

  private leave(i: number): void {
    const a = this.host[i]!;
    const list = this.mem[a]!;
    list.splice(list.indexOf(i), 1);
    this.count[a] = this.count[a]! - 1;
    this.fte[a] = this.fte[a]! - this.red.problem.fte[i]!;
    this.travelSum -= this.c(i, a);
    this.host[i] = -1;
  }

  private move(i: number, b: number): void {
    this.leave(i);
    this.join(i, b);
  }

  /** Shortest chains from the labelled offices (`dist` finite), at most ROUNDS moves long. */
  private relax(): void {
    this.chains.relax(this.host, this.open, (a) => this.mem[a]!, ROUNDS);
  }

  /** Shortest chains starting in any open office (each then one member fewer). */
  private relaxFromAll(): void {
    const open: number[] = [];
    for (let a = 0; a < this.n; a++) if (this.open[a]) open.push(a);
    this.chains.startFrom(open);
    this.relax();
  }

  /** Applies the chain to the first of `ends` that traces back without a cycle; returns the office it starts from, or -1. */
  private applyChain(ends: readonly number[]): number {
    for (const end of ends) {
      const t = this.trace(end);
      if (!t) continue;
      for (const [i, b] of t.moves) this.move(i, b);
      return t.start;
    }
    return -1;
  }

  /** The moves of the chain ending in office `end`, first move first, and the office it starts from; undefined on a cycle. */
  private trace(end: number): { moves: [number, number][]; start: number } | undefined {
    return this.chains.trace(this.host, end);
  }

  /** Offices with room and a finite label, cheapest first. */
  private ends(below: number): number[] {
    const out: number[] = [];
    for (let b = 0; b < this.n; b++) if (this.open[b] && this.count[b]! < this.cap && this.dist[b]! < below) out.push(b);
    return out.sort((x, y) => this.dist[x]! - this.dist[y]!);
  }

  /**
   * Puts unassigned member u in by the cheapest chain ending in an office with room. A cycle
   * in the labels (the assignment could be cheaper with the same counts) is applied first.
   */
  private insert(u: number): boolean {
    for (let attempt = 0; attempt < 20; attempt++) {
      this.chains.startFrom([]);
      for (const b of this.red.allowed[u]!) if (this.open[b]) this.dist[b] = this.c(u, b);
      this.relax();
      const start = this.applyChain(this.ends(Number.POSITIVE_INFINITY));
      if (start >= 0) {
        this.join(u, start);
        return true;
      }
      const cyc = this.cycle();
      if (!cyc) return false;
      for (const [i, b] of cyc) this.move(i, b);
    }
    return false;
  }

  /**
   * Brings every office within the owner limit: members of an office over it leave, the one
   * cheapest to place elsewhere first, each by the cheapest chain to an office with room.
   * False when one cannot be placed.
   */
  fit(): boolean {
    let all = true;
    for (let a = 0; a < this.n; a++) {
      while (this.open[a] && this.count[a]! > this.cap) {
        let best = -1;
        let bestV = Number.POSITIVE_INFINITY;
        for (const m of this.mem[a]!) {
          if (m === a || !this.movable[m]) continue;
          let v = Number.POSITIVE_INFINITY;
          for (const b of this.red.allowed[m]!) if (b !== a && this.open[b]) v = Math.min(v, this.c(m, b));
          v -= this.c(m, a);
          if (v < bestV) {
            bestV = v;
            best = m;
          }
        }
        if (best < 0) {
          all = false;
          break;
        }
        this.leave(best);
        this.open[a] = 0; // not a way through while it sheds members
        const ok = this.insert(best);
        this.open[a] = 1;
        if (!ok) {
          this.join(best, a);
          all = false;
          break;
        }
      }
    }
    return all;
  }

  /**
   * Loads an assignment and brings it to the cheapest one this can reach within the owner
   * limit: cycles and chains that lower the travel, then `fit`, then again. False when `fit`
   * could not place every member.
   */
  settle(host: Assignment): boolean {
    this.load(host);
    this.pull(200);
    const fitted = this.fit();
    this.pull();
    return fitted;
  }

  /**
   * A cycle of moves in the labels (each office passing a member to the next), when the
   * relaxation left one: it lowers the travel and keeps every office's count.
   */
  private cycle(): [number, number][] | undefined {
    const state = new Uint8Array(this.n); // 0 unseen, 1 on the current walk, 2 done
    for (let s = 0; s < this.n; s++) {
      if (state[s] || this.pred[s]! < 0) continue;
      const walk: number[] = [];
      let b = s;
      while (b >= 0 && !state[b] && this.pred[b]! >= 0) {
        state[b] = 1;
        walk.push(b);
        b = this.host[this.pred[b]!]!;
      }
      if (b >= 0 && state[b] === 1) {
        const from = walk.indexOf(b);
        const moves = walk.slice(from).map((x): [number, number] => [this.pred[x]!, x]);
        let delta = 0;
        for (const [i, x] of moves) delta += this.c(i, x) - this.c(i, this.host[i]!);
        if (delta < -1e-9 * Math.max(1, this.travel)) return moves;
      }
      for (const x of walk) state[x] = 2;
    }
    return undefined;
  }

  /**
   * Applies, while there are any, cycles of moves that lower the travel and chains that end
   * in an office with room and lower it, cheapest first.
   */
  pull(limit = 30): void {
    for (let it = 0; it < limit; it++) {
      this.relaxFromAll();
      const cyc = this.cycle();
      if (cyc) {
        for (const [i, b] of cyc) this.move(i, b);
        continue;
      }
      if (this.applyChain(this.ends(-1e-9 * Math.max(1, this.travel))) < 0) return;
    }
  }

  /**
   * A quick estimate, for the state as loaded (after `pull`), of closing an office and opening
   * a candidate, each member's move priced on its own: into an office with room, or a full
   * one that passes a member on (the cheapest chain on to room, found backwards from the
   * offices with room); out of an office, which then takes in the cheapest chain ending there.
   */
  estimator(): (close: number, open: number) => number {
    const n = this.n;
    const red = this.red;
    // into[a]: the best chain ending in office a (≤ 0).
    this.relaxFromAll();
    const into = Float64Array.from(this.dist, (v) => Math.min(0, v));
    // on[b]: the cheapest chain from b (given one member more) to an office with room.
    const on = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    let active: number[] = [];
    for (let b = 0; b < n; b++)
      if (this.open[b] && this.count[b]! < this.cap) {
        on[b] = 0;
        active.push(b);
      }
    for (let round = 0; round < ROUNDS && active.length > 0; round++) {
      const stamp = ++this.stamp;
      const next: number[] = [];
      for (const x of active) {
        for (const i of red.servable[x]!) {
          const a = this.host[i]!;
          if (!this.movable[i] || i === a || a === x) continue;
          const nd = on[x]! + this.c(i, x) - this.c(i, a);
          if (nd < on[a]! - 1e-9) {
            on[a] = nd;
            if (this.mark[a] !== stamp) {
              this.mark[a] = stamp;
              next.push(a);
            }
          }
        }
      }
      active = next;
    }
    // Each member's cheapest way out of its office: to another office, and on from there.
    const out = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    for (let m = 0; m < n; m++) {
      const j = this.host[m]!;
      if (m !== j && !this.movable[m]) continue;
      let best = Number.POSITIVE_INFINITY;
      for (const b of red.allowed[m]!) if (b !== j && this.open[b]) best = Math.min(best, this.c(m, b) + on[b]!);
      out[m] = best - this.c(m, j);
    }
    // Per candidate: what opening it saves, the members it would draw in, best first, as running sums.
    const draws = new Map<number, Float64Array>();
    for (const k of red.candidates) {
      if (this.open[k] || !this.movable[k]) continue;
      const gains: number[] = [];
      for (const i of red.servable[k]!) {
        const a = this.host[i]!;
        if (i === k || !this.movable[i] || i === a) continue;
        const g = this.c(i, k) - this.c(i, a) + (this.count[a]! > this.cap ? -this.perOwner : into[a]!);
        if (g < 0) gains.push(g);
      }
      gains.sort((x, y) => x - y);
      const sums = new Float64Array(Math.min(gains.length, this.cap - 1) + 1);
      sums[0] = -this.c(k, this.host[k]!) + into[this.host[k]!]!;
      for (let g = 1; g < sums.length; g++) sums[g] = sums[g - 1]! + gains[g - 1]!;
      draws.set(k, sums);
    }
    /** Closing j and opening k (either may be -1): j's members go to k while it has room, or on; k draws in others with the room left. */
    return (j: number, k: number): number => {
      const sums = k >= 0 ? draws.get(k) : undefined;
      if (k >= 0 && !sums) return Number.POSITIVE_INFINITY;
      let s = 0;
      let room = this.cap - 1;
      if (j >= 0) {
        if (!this.open[j] || red.forced[j] || red.isIsolated[j]) return Number.POSITIVE_INFINITY;
        s -= this.perFte * this.shortOf(j);
        for (const m of this.mem[j]!) {
          if (m === k) continue;
          let v = out[m]!;
          if (k >= 0 && room > 0) {
            const direct = this.c(m, k) - this.c(m, j);
            if (direct < v && pairAllowed(red.problem, m, k)) {
              v = direct;
              room--;
            }
          }
          s += v;
        }
      }
      if (sums) s += sums[Math.min(sums.length - 1, Math.max(0, room))]!;
      return s;
    };
  }

  /**
   * Closes office `close` and opens candidate `open` (either may be -1), reassigning along
   * chains; a member that finds no office with room goes to its nearest open host, over the
   * limit (`cost` counts it). False, changing nothing, when the move is not allowed (a forced
   * host, a locked member); false too when a member has no open host at all (the state is
   * then spoilt: `load` again).
   */
  swap(close: number, open: number): boolean {
    const red = this.red;
    if (open >= 0 && (this.open[open] || !red.isCandidate[open] || !this.movable[open])) return false;
    if (close >= 0 && (!this.open[close] || red.forced[close] || red.isIsolated[close] || close === open)) return false;
    if (open >= 0) {
      this.move(open, open);
      this.open[open] = 1;
    }
    if (close >= 0) {
      const ms = [...this.mem[close]!];
      for (const m of ms) this.leave(m);
      this.open[close] = 0;
      for (const m of ms) {
        if (this.insert(m)) continue;
        const b = nearestOpenHost(red, m, (j) => this.open[j] === 1);
        if (b < 0) return false;
        this.join(m, b);
      }
    }
    if (this.overflow() > 0) this.fit();
    this.pull();
    return true;
  }

  /** Owners over the limit, summed over the offices. */
  overflow(): number {
    let s = 0;
    for (let a = 0; a < this.n; a++) if (this.open[a] && this.count[a]! > this.cap) s += this.count[a]! - this.cap;
    return s;
  }

  /** FTE missing from the minimum, summed over the offices. */
  deficit(): number {
    let s = 0;
    for (let a = 0; a < this.n; a++) if (this.open[a] && !this.red.isIsolated[a]) s += this.shortOf(a);
    return s;
  }

  private shortOf(a: number): number {
    const d = minFteAt(this.red.problem, a) - this.fte[a]!;
    return d > 1e-9 ? d : 0;
  }

  /** Travel, with breaches of the minimum FTE and the owner limit weighing more than travel can. */
  cost(): number {
    return this.travel + this.perOwner * this.overflow() + this.perFte * this.deficit();
  }
}
