import { movableMask, nearestOpenHost, sharedChains } from '../kernel';
import { minFteAt, pairAllowed, pairCost, type Assignment, type Reduced } from '../problem';

/**
 * Assignments for a given set of open hosts when the nearest host no longer fits the rules
 * (the owner limit, the minimum staff), and Cooper's relocation of hosts within their offices.
 */

/**
 * Assigns every member to an open host: nearest allowed first; then members move out of
 * offices over the owner limit and into offices under the minimum FTE, cheapest per FTE first,
 * without breaking the office they leave; then single members move wherever it saves travel.
 */
export function assignOpen(red: Reduced, open: Uint8Array): Assignment {
  const a = new Assigning(red, open);
  a.placeByRegret();
  if (Number.isFinite(red.problem.rules.maxOwners)) a.fitOwnerLimit();
  if (red.problem.rules.minFte > 0) a.fillMinimum();
  a.improveByMoves();
  return a.result();
}

/** The state of `assignOpen`: each member's office (-1 before it has one), and each office's FTE, count and members. */
class Assigning {
  private readonly n: number;
  private readonly host: Int32Array;
  private readonly fte: Float64Array;
  private readonly count: Int32Array;
  private readonly mem: number[][];
  private readonly mask: Uint8Array;
  private readonly maxOwners: number;

  constructor(
    private readonly red: Reduced,
    private readonly open: Uint8Array,
  ) {
    const n = red.problem.n;
    this.n = n;
    this.host = new Int32Array(n).fill(-1);
    this.fte = new Float64Array(n);
    this.count = new Int32Array(n);
    this.mem = Array.from({ length: n }, () => []);
    this.mask = movableMask(red);
    this.maxOwners = red.problem.rules.maxOwners;
  }

  private c(i: number, j: number): number {
    return pairCost(this.red.problem, i, j);
  }

  private need(h: number): number {
    return minFteAt(this.red.problem, h);
  }

  private movable(i: number): boolean {
    const h = this.host[i]!;
    return h >= 0 && h !== i && this.mask[i] === 1;
  }

  private put(i: number, h: number): void {
    const pr = this.red.problem;
    const from = this.host[i]!;
    if (from >= 0) {
      this.fte[from] = this.fte[from]! - pr.fte[i]!;
      this.count[from] = this.count[from]! - 1;
      const list = this.mem[from]!;
      list.splice(list.indexOf(i), 1);
    }
    this.host[i] = h;
    this.fte[h] = this.fte[h]! + pr.fte[i]!;
    this.count[h] = this.count[h]! + 1;
    this.mem[h]!.push(i);
  }

  /**
   * Hosts serve themselves; locked members go to their host; the rest, most regret first
   * (the members that lose most if their nearest office is full), to the nearest with room.
   */
  placeByRegret(): void {
    const { red, open, n } = this;
    const rules = red.problem.rules;
    const order: number[] = [];
    const regret = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (red.isIsolated[i] || open[i]) this.put(i, i);
      else if (rules.locks.has(i)) this.put(i, rules.locks.get(i)!);
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
        regret[i] = c2 < 0 ? Number.POSITIVE_INFINITY : this.c(i, c2) - this.c(i, c1);
        order.push(i);
      }
    }
    order.sort((a, b) => regret[b]! - regret[a]!);
    for (const i of order) {
      const first = nearestOpenHost(red, i, (j) => open[j] === 1);
      let placed = false;
      for (const j of red.allowed[i]!) {
        if (open[j] && this.count[j]! < this.maxOwners) {
          this.put(i, j);
          placed = true;
          break;
        }
      }
      if (!placed) this.put(i, first);
    }
  }

  /** Owners over the limit: the cheapest ejection chain from each full office to one with room. */
  fitOwnerLimit(): void {
    const { n, open, count, maxOwners } = this;
    const chains = sharedChains(this.red);
    for (let guard = 0; guard < n; guard++) {
      let over = -1;
      for (let h = 0; h < n && over < 0; h++) if (open[h] && count[h]! > maxOwners) over = h;
      if (over < 0) break;
      chains.startFrom([over]);
      chains.relaxSweeps(this.host, open, 12);
      const { dist } = chains;
      let target = -1;
      for (let b = 0; b < n; b++)
        if (open[b] && count[b]! < maxOwners && Number.isFinite(dist[b]!) && (target < 0 || dist[b]! < dist[target]!)) target = b;
      if (target < 0) break;
      const chain = chains.trace(this.host, target);
      if (!chain || chain.moves.length === 0 || chain.start !== over) break;
      for (const [i, b] of chain.moves) this.put(i, b);
    }
  }

  /** Offices under the minimum: pull members in, cheapest per FTE, keeping the giver whole. */
  fillMinimum(): void {
    const { n, open, red } = this;
    for (let round = 0; round < n; round++) {
      let worst = -1;
      for (let h = 0; h < n; h++)
        if (open[h] && !red.isIsolated[h] && this.fte[h]! < this.need(h) - 1e-9 && (worst < 0 || this.fte[h]! < this.fte[worst]!))
          worst = h;
      if (worst < 0) break;
      const best = this.cheapestFill(worst);
      if (!best) break;
      const from = this.host[best[0]]!;
      this.put(best[0], worst);
      if (best[1] >= 0) this.put(best[1], from);
    }
  }

  /**
   * The cheapest way, per FTE gained, to add staff to office `worst`: a member moves in (when
   * there is room), or swaps with a smaller member of the office; [member in, member out
   * (-1), cost per FTE gained].
   */
  private cheapestFill(worst: number): [number, number, number] | undefined {
    const { red, host, fte } = this;
    const pr = red.problem;
    let best: [number, number, number] | undefined;
    const room = this.count[worst]! < this.maxOwners;
    for (const i of red.servable[worst]!) {
      if (host[i] === worst || pr.fte[i]! <= 0 || (host[i]! >= 0 && !this.movable(i))) continue;
      const from = host[i]!;
      const giverOk = (gain: number) => from < 0 || fte[from]! - gain >= this.need(from) - 1e-9 || fte[from]! < this.need(from) - 1e-9;
      if (room && giverOk(pr.fte[i]!)) {
        const d = (this.c(i, worst) - (from >= 0 ? this.c(i, from) : 0)) / pr.fte[i]!;
        if (!best || d < best[2]) best = [i, -1, d];
      }
      if (from < 0) continue;
      for (const k of red.servable[from]!) {
        if (host[k] !== worst || !this.movable(k) || pr.fte[k]! >= pr.fte[i]!) continue;
        const gain = pr.fte[i]! - pr.fte[k]!;
        if (!giverOk(gain)) continue;
        const d = (this.c(i, worst) - this.c(i, from) + this.c(k, from) - this.c(k, worst)) / gain;
        if (!best || d < best[2]) best = [i, k, d];
      }
    }
    return best;
  }

  /** Member moves that save travel and keep every rule that holds. */
  improveByMoves(): void {
    const { n, open, red } = this;
    const pr = red.problem;
    const minFte = pr.rules.minFte;
    for (let pass = 0; pass < 4; pass++) {
      let improved = false;
      for (let i = 0; i < n; i++) {
        if (!this.movable(i)) continue;
        const from = this.host[i]!;
        if (minFte > 0 && this.fte[from]! - pr.fte[i]! < this.need(from) - 1e-9) continue;
        for (const j of red.allowed[i]!) {
          if (!open[j] || j === from) continue;
          if (this.c(i, j) >= this.c(i, from) - 1e-9) break;
          if (this.count[j]! >= this.maxOwners) continue;
          this.put(i, j);
          improved = true;
          break;
        }
      }
      if (!improved) break;
    }
  }

  /** The assignment; a member that found no open host stays at itself (flagged by `evaluate`). */
  result(): Assignment {
    const host = Int32Array.from(this.host);
    for (let i = 0; i < this.n; i++) if (host[i]! < 0) host[i] = i;
    return host;
  }
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
