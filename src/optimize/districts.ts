import { movableMask, sharedChains, type ChainMoves } from './kernel';
import { minFteAt, pairCost, type Assignment, type Reduced } from './problem';

type Statics = Readonly<{ allowed: Uint8Array; isolated: Uint8Array; movable: Uint8Array; lambda: number }>;
const STATICS = new WeakMap<Reduced, Statics>();

/** An owner too many weighs as much as this many FTE missing: counts are hard to repair later. */
const OWNER_WEIGHT = 100;

/**
 * Weights of a rule breach in a penalised objective: per FTE missing from the minimum and per
 * owner over the limit, each far above any one member's travel.
 */
export function breachWeights(red: Reduced): { perFte: number; perOwner: number } {
  const lambda = statics(red).lambda;
  return { perFte: lambda, perOwner: lambda * OWNER_WEIGHT };
}

/** What every state of one problem shares (computed once: a search builds many states). */
function statics(red: Reduced): Statics {
  const hit = STATICS.get(red);
  if (hit) return hit;
  const pr = red.problem;
  const n = pr.n;
  const allowed = new Uint8Array(n * n);
  red.allowed.forEach((hosts, i) => hosts.forEach((j) => (allowed[i * n + j] = 1)));
  const isolated = red.isIsolated;
  const movable = movableMask(red);
  let maxC = 0;
  for (let i = 0; i < n; i++) for (const j of red.allowed[i]!) maxC = Math.max(maxC, pairCost(pr, i, j));
  const out = { allowed, isolated, movable, lambda: Math.max(1, maxC) * 100 };
  STATICS.set(red, out);
  return out;
}

/** Fisher–Yates, in place. */
function shuffle(xs: number[], random: () => number): void {
  for (let k = xs.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [xs[k], xs[r]] = [xs[r]!, xs[k]!];
  }
}

/**
 * Local search in assignment space for the capped problem (minimum FTE, owner limit,
 * BA-split penalty), where "nearest open host" is no longer the best assignment. The state is
 * every municipality's office; moves are evaluated in O(1) or O(office size):
 * - shift one member to another office; swap two members of different offices;
 * - rehost: make another member of an office its host;
 * - and, as kicks for an iterated local search, close an office and open another nearby.
 * Rule breaches are penalised (λ per missing FTE and per owner too many), so a search may
 * pass through infeasible states but ends feasible when it can.
 */
export class Districts {
  readonly n: number;
  readonly host: Int32Array;
  readonly fte: Float64Array;
  readonly count: Int32Array;
  readonly open: Uint8Array;
  travel = 0;
  /** Pieces of BA regions: key region * n + office → members. */
  private readonly pieces = new Map<number, number>();
  /** Members of each office (small arrays, kept in step with `host`). */
  private readonly mem: number[][];
  /** Offices changed since the last `untouch` (a focused descent looks only around them). */
  private readonly touched: Uint8Array;
  pieceCount = 0;
  private readonly allowed: Uint8Array;
  private readonly movable: Uint8Array;
  private readonly isolated: Uint8Array;
  private readonly lambda: number;
  private readonly maxOwners: number;
  private readonly baPenalty: number;
  private readonly officeCost: number;

  constructor(
    readonly red: Reduced,
    start: Assignment,
  ) {
    const pr = red.problem;
    const n = pr.n;
    this.n = n;
    this.host = Int32Array.from(start);
    this.fte = new Float64Array(n);
    this.count = new Int32Array(n);
    this.open = new Uint8Array(n);
    this.mem = Array.from({ length: n }, () => []);
    this.touched = new Uint8Array(n);
    const fixed = statics(red);
    this.allowed = fixed.allowed;
    this.isolated = fixed.isolated;
    this.movable = fixed.movable;
    this.lambda = fixed.lambda;
    this.maxOwners = pr.rules.maxOwners;
    this.baPenalty = pr.rules.baSplitPenalty;
    this.officeCost = red.p === undefined ? (pr.rules.officeCost ?? 0) : 0;
    for (let i = 0; i < n; i++) {
      const h = this.host[i]!;
      if (h === i) this.open[i] = 1;
    }
    for (let i = 0; i < n; i++) this.add(i, this.host[i]!);
  }

  private c(i: number, j: number): number {
    const pr = this.red.problem;
    return pairCost(pr, i, j);
  }

  private add(i: number, h: number): void {
    const pr = this.red.problem;
    this.host[i] = h;
    this.touched[h] = 1;
    this.mem[h]!.push(i);
    this.fte[h] = this.fte[h]! + pr.fte[i]!;
    this.count[h] = this.count[h]! + 1;
    this.travel += this.c(i, h);
    const b = pr.ba[i]!;
    if (b >= 0) {
      const key = b * this.n + h;
      const k = this.pieces.get(key) ?? 0;
      if (k === 0) this.pieceCount++;
      this.pieces.set(key, k + 1);
    }
  }

  private remove(i: number): void {
    const pr = this.red.problem;
    const h = this.host[i]!;
    const list = this.mem[h]!;
    list.splice(list.indexOf(i), 1);
    this.touched[h] = 1;
    this.fte[h] = this.fte[h]! - pr.fte[i]!;
    this.count[h] = this.count[h]! - 1;
    this.travel -= this.c(i, h);
    const b = pr.ba[i]!;
    if (b >= 0) {
      const key = b * this.n + h;
      const k = this.pieces.get(key)! - 1;
      if (k === 0) {
        this.pieces.delete(key);
        this.pieceCount--;
      } else this.pieces.set(key, k);
    }
  }

  /** Penalty of office h at the given FTE and member count. */
  private pen(h: number, fte: number, count: number): number {
    if (this.isolated[h] || !this.open[h]) return 0;
    const deficit = minFteAt(this.red.problem, h) - fte;
    return this.lambda * ((deficit > 1e-9 ? deficit : 0) + (count > this.maxOwners ? OWNER_WEIGHT * (count - this.maxOwners) : 0));
  }

  /** Change in BA pieces if member i left office a and joined office b. */
  private pieceDelta(i: number, a: number, b: number): number {
    if (this.baPenalty <= 0) return 0;
    const r = this.red.problem.ba[i]!;
    if (r < 0 || a === b) return 0;
    const leave = this.pieces.get(r * this.n + a) === 1 ? -1 : 0;
    const join = (this.pieces.get(r * this.n + b) ?? 0) === 0 ? 1 : 0;
    return leave + join;
  }

  penalty(): number {
    let s = 0;
    for (let h = 0; h < this.n; h++) if (this.open[h]) s += this.pen(h, this.fte[h]!, this.count[h]!);
    return s;
  }

  offices(): number {
    let k = 0;
    for (let h = 0; h < this.n; h++) if (this.open[h]) k++;
    return k;
  }

  /** The penalised objective. */
  value(): number {
    return this.travel + this.baPenalty * (this.pieceCount - this.regions()) + this.officeCost * this.offices() + this.penalty();
  }

  private regionCount = -1;
  private regions(): number {
    if (this.regionCount < 0) {
      const s = new Set<number>();
      for (const b of this.red.problem.ba) if (b >= 0) s.add(b);
      this.regionCount = s.size;
    }
    return this.regionCount;
  }

  feasible(): boolean {
    return this.penalty() === 0;
  }

  private shiftDelta(i: number, b: number): number {
    const pr = this.red.problem;
    const a = this.host[i]!;
    const f = pr.fte[i]!;
    return (
      this.c(i, b) -
      this.c(i, a) +
      this.pen(a, this.fte[a]! - f, this.count[a]! - 1) -
      this.pen(a, this.fte[a]!, this.count[a]!) +
      this.pen(b, this.fte[b]! + f, this.count[b]! + 1) -
      this.pen(b, this.fte[b]!, this.count[b]!) +
      this.baPenalty * this.pieceDelta(i, a, b)
    );
  }

  private swapDelta(i: number, k: number): number {
    const pr = this.red.problem;
    const a = this.host[i]!;
    const b = this.host[k]!;
    const d = pr.fte[k]! - pr.fte[i]!;
    let ba = 0;
    if (this.baPenalty > 0) {
      // Approximate: members of the same region swap without changing pieces.
      if (pr.ba[i] !== pr.ba[k]) ba = this.pieceDelta(i, a, b) + this.pieceDelta(k, b, a);
    }
    return (
      this.c(i, b) -
      this.c(i, a) +
      this.c(k, a) -
      this.c(k, b) +
      this.pen(a, this.fte[a]! + d, this.count[a]!) -
      this.pen(a, this.fte[a]!, this.count[a]!) +
      this.pen(b, this.fte[b]! - d, this.count[b]!) -
      this.pen(b, this.fte[b]!, this.count[b]!) +
      this.baPenalty * ba
    );
  }

  private shift(i: number, b: number): void {
    this.remove(i);
    this.add(i, b);
  }

  private members(h: number): number[] {
    return [...this.mem[h]!];
  }

  /** Moves office a's host role to member k (all members must be allowed to k). */
  private rehostDelta(a: number, k: number, ms: readonly number[]): number {
    if (!this.red.isCandidate[k] || this.red.forced[a]) return Number.POSITIVE_INFINITY;
    let d = 0;
    for (const m of ms) {
      if (m !== k && !this.allowed[m * this.n + k]) return Number.POSITIVE_INFINITY;
      d += this.c(m, k) - this.c(m, a);
    }
    return d;
  }

  private rehost(a: number, k: number, ms: readonly number[]): void {
    for (const m of ms) this.remove(m);
    this.open[a] = 0;
    this.open[k] = 1;
    for (const m of ms) this.add(m, k);
  }

  /** Forget which offices changed (before a kick whose surroundings a focused descent should search). */
  untouch(): void {
    this.touched.fill(0);
  }

  /**
   * First-improvement descent over shifts, swaps and rehosts; returns whether anything moved.
   * Focused, each pass looks only at members that belong to or may go to an office changed
   * since the pass before (after a kick: around the closed and the opened office).
   */
  descend(stop: () => boolean, random: () => number, focused = false): boolean {
    const n = this.n;
    const eps = 1e-7 * Math.max(1, Math.abs(this.travel));
    let movedAny = false;
    const all = Array.from({ length: n }, (_, i) => i);
    for (let pass = 0; pass < 50 && !stop(); pass++) {
      let active: Uint8Array | undefined;
      let order = all;
      if (focused) {
        active = Uint8Array.from(this.touched);
        this.touched.fill(0);
        order = this.around(active);
        if (order.length === 0) break;
      }
      shuffle(order, random);
      let moved = this.memberMoves(order, eps);
      moved = this.rehosts(active, eps) || moved;
      if (!moved && this.maxOwners < n && !stop()) moved = this.ejectionChain(active);
      if (!moved) break;
      movedAny = true;
    }
    return movedAny;
  }

  /** The members that belong to or may go to an active office (each once). */
  private around(active: Uint8Array): number[] {
    const mark = new Uint8Array(this.n);
    const order: number[] = [];
    const visit = (i: number) => {
      if (!mark[i]) {
        mark[i] = 1;
        order.push(i);
      }
    };
    for (let o = 0; o < this.n; o++) {
      if (!active[o]) continue;
      for (const i of this.red.servable[o]!) visit(i);
      for (const i of this.mem[o]!) visit(i);
    }
    return order;
  }

  /** First improvement over the members in `order`: a shift to another office, or a swap with one of its members. */
  private memberMoves(order: readonly number[], eps: number): boolean {
    const n = this.n;
    let moved = false;
    for (const i of order) {
      if (!this.movable[i] || this.host[i] === i) continue;
      for (const b of this.red.allowed[i]!) {
        if (!this.open[b] || b === this.host[i]) continue;
        if (this.shiftDelta(i, b) < -eps) {
          this.shift(i, b);
          moved = true;
          break;
        }
        // Swap with a member of b that may go to i's office.
        const a = this.host[i]!;
        for (const k of this.mem[b]!) {
          if (!this.movable[k] || k === b || !this.allowed[k * n + a]) continue;
          if (this.swapDelta(i, k) < -eps) {
            this.shift(i, b);
            this.shift(k, a);
            moved = true;
            break;
          }
        }
        if (this.host[i] !== a) break;
      }
    }
    return moved;
  }

  /** Each (active) office's host role moved to the member that serves the office best, when that saves. */
  private rehosts(active: Uint8Array | undefined, eps: number): boolean {
    const locks = this.red.problem.rules.locks;
    let moved = false;
    for (let a = 0; a < this.n; a++) {
      if (!this.open[a] || this.isolated[a] || this.red.forced[a] || (active && !active[a])) continue;
      const ms = this.members(a);
      if (ms.some((m) => locks.has(m))) continue;
      let bestK = -1;
      let best = -eps;
      for (const k of ms) {
        if (k === a) continue;
        const d = this.rehostDelta(a, k, ms);
        if (d < best) {
          best = d;
          bestK = k;
        }
      }
      if (bestK >= 0) {
        this.rehost(a, bestK, ms);
        moved = true;
      }
    }
    return moved;
  }

  /**
   * One improving ejection chain: members move office to office (a → b, a member of b → c, …)
   * ending in an office with room, found by label-correcting from every office at once; kept
   * only when the whole chain lowers the penalised objective. Lets full offices trade members.
   */
  ejectionChain(from?: Uint8Array): boolean {
    const n = this.n;
    const eps = 1e-7 * Math.max(1, Math.abs(this.travel));
    const chains = sharedChains(this.red);
    // Focused: chains start in the offices the last pass changed.
    const starts: number[] = [];
    for (let h = 0; h < n; h++) if (this.open[h] && (!from || from[h])) starts.push(h);
    chains.startFrom(starts);
    chains.relaxSweeps(this.host, this.open, 6, eps);
    const { dist, pred } = chains;
    const ends: number[] = [];
    for (let b = 0; b < n; b++) if (this.open[b] && pred[b]! >= 0 && dist[b]! < -eps) ends.push(b);
    ends.sort((x, y) => dist[x]! - dist[y]!);
    const tried: ChainMoves[] = [];
    for (const end of ends.slice(0, 3)) {
      const chain = chains.trace(this.host, end);
      if (chain) tried.push(chain.moves);
    }
    for (const moves of tried) {
      if (moves.length < 2) continue;
      const before = this.value();
      const host = this.snapshot();
      const open = Uint8Array.from(this.open);
      for (const [i, b] of moves) this.shift(i, b);
      if (this.value() < before - eps) return true;
      this.restore(host, open);
    }
    return false;
  }

  /**
   * A kick: close office a (its members to their cheapest open office) and open k in its
   * place (k leaves its office); a < 0 only opens k, k < 0 only closes a. False, changing
   * nothing, when it cannot be done.
   */
  closeOpen(a: number, k: number): boolean {
    if (a >= 0 && (!this.open[a] || this.red.forced[a] || this.isolated[a])) return false;
    if (k >= 0 && (this.open[k] || !this.red.isCandidate[k] || !this.movable[k])) return false;
    const before = this.snapshot();
    const openBefore = Uint8Array.from(this.open);
    if (k >= 0) {
      this.remove(k);
      this.open[k] = 1;
      this.add(k, k);
    }
    if (a < 0) return true;
    const ms = this.members(a);
    if (ms.some((m) => !this.movable[m] && m !== a)) {
      this.restore(before, openBefore);
      return false;
    }
    for (const m of ms) this.remove(m);
    this.open[a] = 0;
    for (const m of ms) {
      let best = -1;
      let bestD = Number.POSITIVE_INFINITY;
      for (const b of this.red.allowed[m]!) {
        if (!this.open[b]) continue;
        const d =
          this.c(m, b) +
          this.pen(b, this.fte[b]! + this.red.problem.fte[m]!, this.count[b]! + 1) -
          this.pen(b, this.fte[b]!, this.count[b]!);
        if (d < bestD) {
          bestD = d;
          best = b;
        }
      }
      if (best < 0) {
        this.restore(before, openBefore);
        return false;
      }
      this.add(m, best);
    }
    return true;
  }

  private restore(host: Assignment, open: Uint8Array): void {
    this.open.set(open);
    this.fte.fill(0);
    this.count.fill(0);
    for (const list of this.mem) list.length = 0;
    this.travel = 0;
    this.pieces.clear();
    this.pieceCount = 0;
    for (let i = 0; i < this.n; i++) this.add(i, host[i]!);
  }

  /** A copy of this state, to try a move and keep it or not. */
  clone(): Districts {
    const d = new Districts(this.red, this.host);
    d.open.set(this.open);
    d.restore(this.host, this.open);
    return d;
  }

  /** The office furthest below its minimum staff (or -1 when every office has its minimum). */
  mostShort(): number {
    let worst = -1;
    let most = 1e-9;
    for (let h = 0; h < this.n; h++) {
      if (!this.open[h] || this.isolated[h]) continue;
      const short = minFteAt(this.red.problem, h) - this.fte[h]!;
      if (short > most) {
        most = short;
        worst = h;
      }
    }
    return worst;
  }

  /** The office with the most owners over the limit (or -1). */
  mostOverfull(): number {
    let worst = -1;
    for (let h = 0; h < this.n; h++)
      if (this.open[h] && this.count[h]! > this.maxOwners && (worst < 0 || this.count[h]! > this.count[worst]!)) worst = h;
    return worst;
  }

  /**
   * Cheap estimate of closing office c: each member to its cheapest other open office with
   * room (Infinity when one has none).
   */
  closingEstimate(c: number): number {
    if (!this.open[c] || this.red.forced[c] || this.isolated[c]) return Number.POSITIVE_INFINITY;
    let s = 0;
    for (const m of this.members(c)) {
      if (!this.movable[m] && m !== c) return Number.POSITIVE_INFINITY;
      let best = Number.POSITIVE_INFINITY;
      for (const b of this.red.allowed[m]!) {
        if (b === c || !this.open[b] || this.count[b]! >= this.maxOwners) continue;
        best = Math.min(best, this.c(m, b) - this.c(m, c));
      }
      s += best;
    }
    return s;
  }

  /**
   * Host swaps ranked by what they would save with each member moved alone, the minimum staff
   * and the owner limit aside (Whitaker's swap estimate, on the current assignment): closing
   * office a sends its members to their cheapest other open office (or to k), opening k draws
   * in every member k serves more cheaply. Pairs near each other (k may serve a member of a)
   * are priced with that overlap; pairs apart are the sum of the two parts, among the offices
   * cheapest to close and the candidates that gain most. Best first, at most `limit`.
   */
  swapEstimates(limit: number): [number, number, number][] {
    const n = this.n;
    const red = this.red;
    const gain = new Float64Array(n);
    const openers: number[] = [];
    for (const k of red.candidates) {
      if (this.open[k] || !this.movable[k]) continue;
      gain[k] = this.openingPrice(k);
      if (Number.isFinite(gain[k]!)) openers.push(k);
    }
    const out: [number, number, number][] = [];
    const closers: [number, number][] = [];
    const bestOut = new Float64Array(n);
    for (const a of red.candidates) {
      if (!this.open[a] || red.forced[a] || this.isolated[a]) continue;
      const loss = this.closingLoss(a, bestOut);
      // Near pairs: k takes those of a's members it serves more cheaply than their next office.
      for (const [k, overlap] of this.overlaps(a, bestOut)) {
        const v = loss - gain[k]! + overlap;
        if (Number.isFinite(v)) out.push([a, k, v]);
      }
      if (Number.isFinite(loss)) closers.push([a, loss]);
    }
    // Pairs apart: the cheapest closings with the largest gains.
    closers.sort((x, y) => x[1] - y[1]);
    openers.sort((x, y) => gain[y]! - gain[x]!);
    for (const [a, loss] of closers.slice(0, limit)) {
      const ms = this.mem[a]!;
      for (const k of openers.slice(0, limit)) {
        if (ms.some((m) => this.allowed[m * n + k])) continue;
        out.push([a, k, loss - gain[k]!]);
      }
    }
    out.sort((x, y) => x[2] - y[2]);
    return out.slice(0, limit);
  }

  /**
   * What closing office a costs with each member at its cheapest other open office, the
   * owner limit aside (Infinity when a member may not move); each member's share in `bestOut`.
   */
  private closingLoss(a: number, bestOut: Float64Array): number {
    let loss = 0;
    for (const m of this.mem[a]!) {
      if (!this.movable[m] && m !== a) loss = Number.POSITIVE_INFINITY;
      let best = Number.POSITIVE_INFINITY;
      for (const b of this.red.allowed[m]!) {
        if (b === a || !this.open[b]) continue;
        best = this.c(m, b) - this.c(m, a);
        break; // allowed is cheapest first
      }
      bestOut[m] = best;
      loss += best;
    }
    return loss;
  }

  /**
   * For each closed candidate k that may serve a member of office a: what closing a and
   * opening k together cost beyond the two priced apart (a member k takes is counted once,
   * at the cheaper of k and its next office).
   */
  private overlaps(a: number, bestOut: Float64Array): Map<number, number> {
    const near = new Map<number, number>();
    for (const m of this.mem[a]!) {
      for (const k of this.red.allowed[m]!) {
        if (this.open[k] || !this.movable[k]) continue;
        const ck = this.c(m, k) - this.c(m, a);
        const overlap = Math.max(0, -ck) + Math.min(ck, bestOut[m]!) - bestOut[m]!;
        near.set(k, (near.get(k) ?? 0) + overlap);
      }
    }
    return near;
  }

  /**
   * What opening k would save, its office kept within the rules: the members it serves more
   * cheaply join it (the cheapest first, within the owner limit), and if they bring less than
   * the minimum staff the members cheapest to bring per FTE are pulled in too (their extra
   * travel counted). A member whose leaving would take its office below the minimum is not
   * drawn (the offices it leaves are priced as they stand, so the office a swap closes counts
   * as one that must stay whole). -Infinity when k cannot reach the minimum so.
   */
  openingPrice(k: number): number {
    const pr = this.red.problem;
    const left = new Map<number, number>();
    const free = (i: number) => {
      const h = this.host[i]!;
      const after = (left.get(h) ?? this.fte[h]!) - pr.fte[i]!;
      return this.isolated[h] || !this.open[h] || after >= minFteAt(pr, h) - 1e-9 || this.fte[h]! < minFteAt(pr, h) - 1e-9;
    };
    const take = (i: number) => {
      const h = this.host[i]!;
      left.set(h, (left.get(h) ?? this.fte[h]!) - pr.fte[i]!);
    };
    const moves: [number, number][] = [];
    for (const i of this.red.servable[k]!) {
      if (i === k || !this.movable[i]) continue;
      moves.push([i, this.c(i, k) - this.c(i, this.host[i]!)]);
    }
    moves.sort((x, y) => x[1] - y[1]);
    let fte = pr.fte[k]!;
    let saved = this.c(k, this.host[k]!);
    let count = 1;
    const rest: [number, number][] = [];
    for (const [i, d] of moves) {
      if (d >= 0 || count >= this.maxOwners) rest.push([i, d]);
      else if (free(i)) {
        take(i);
        saved -= d;
        fte += pr.fte[i]!;
        count++;
      }
    }
    const need = minFteAt(pr, k);
    if (fte >= need - 1e-9) return saved;
    rest.sort((x, y) => x[1] / Math.max(1e-9, pr.fte[x[0]]!) - y[1] / Math.max(1e-9, pr.fte[y[0]]!));
    for (const [i, d] of rest) {
      if (count >= this.maxOwners) break;
      if (pr.fte[i]! <= 0 || !free(i)) continue;
      take(i);
      saved -= d;
      fte += pr.fte[i]!;
      count++;
      if (fte >= need - 1e-9) return saved;
    }
    return Number.NEGATIVE_INFINITY;
  }

  /** What opening k would save at once: members that may go to k and are served farther away now. */
  openingGain(k: number): number {
    let g = 0;
    for (const i of this.red.servable[k]!) {
      if (!this.movable[i] && i !== k) continue;
      const d = this.c(i, this.host[i]!) - this.c(i, k);
      if (d > 0) g += d;
    }
    return g;
  }

  snapshot(): Assignment {
    return Int32Array.from(this.host);
  }
}
