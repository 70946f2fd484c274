import { pairCost, type Assignment, type Reduced } from './problem';

/**
 * What every search over assignments shares, each written once: which members may move, the
 * nearest open host, and ejection chains (members passed office to office along the cheapest
 * chain of single moves).
 */

/** movable[i] is 1 for a member a search may move: neither isolated (an office alone) nor locked to its host. */
export function movableMask(red: Reduced): Uint8Array {
  const pr = red.problem;
  const movable = new Uint8Array(pr.n);
  for (let i = 0; i < pr.n; i++) movable[i] = !red.isIsolated[i] && !pr.rules.locks.has(i) ? 1 : 0;
  return movable;
}

/** The cheapest open host member i is allowed (`red.allowed` is cheapest first), or -1 when none is open. */
export function nearestOpenHost(red: Reduced, i: number, open: (j: number) => boolean): number {
  for (const j of red.allowed[i]!) if (open(j)) return j;
  return -1;
}

/** Every member at its nearest open host; an open host, and a member with none open in reach, at itself. */
export function nearestAssignment(red: Reduced, open: (j: number) => boolean): Assignment {
  const n = red.problem.n;
  const host = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    host[i] = open(i) && red.isCandidate[i] ? i : nearestOpenHost(red, i, open);
    if (host[i]! < 0) host[i] = i;
  }
  return host;
}

/** The moves of one chain, first move first: member `[0]` to office `[1]`. */
export type ChainMoves = [number, number][];

/**
 * Shortest ejection chains over the open offices: `dist[b]` is the cheapest change in cost
 * of a chain ending with a member moving into office b (a member of the start office to
 * another, a member of that one on, …), `pred[b]` that last member. Bellman–Ford by rounds
 * from the offices labelled before `relax`, so a chain has at most `rounds` moves. The
 * buffers are reused: a search builds one and relaxes it many times.
 */
export class Chains {
  readonly dist: Float64Array;
  readonly pred: Int32Array;
  /** Round stamps (an office is queued once per round). */
  private readonly mark: Int32Array;
  private stamp = 0;
  /** c(i, allowed[i][k]), in step with `red.allowed`. */
  private readonly acost: Float64Array[];

  constructor(
    private readonly red: Reduced,
    private readonly movable: Uint8Array,
  ) {
    const n = red.problem.n;
    this.dist = new Float64Array(n);
    this.pred = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.acost = red.allowed.map((hs, i) => Float64Array.from(hs, (j) => pairCost(red.problem, i, j)));
  }

  /** Labels only the given offices (at 0), before `relax`. */
  startFrom(offices: Iterable<number>): void {
    this.dist.fill(Number.POSITIVE_INFINITY);
    this.pred.fill(-1);
    for (const a of offices) this.dist[a] = 0;
  }

  /**
   * Relaxes from the labelled offices; `members(a)` lists office a's members, and a label
   * improves only by more than `eps`.
   */
  relax(host: Assignment, open: Uint8Array, members: (a: number) => readonly number[], rounds: number, eps = 1e-9): void {
    const { dist, pred, mark, movable, acost } = this;
    const pr = this.red.problem;
    const allowed = this.red.allowed;
    let active: number[] = [];
    for (let a = 0; a < dist.length; a++) if (Number.isFinite(dist[a]!)) active.push(a);
    for (let round = 0; round < rounds && active.length > 0; round++) {
      const stamp = ++this.stamp;
      const next: number[] = [];
      for (const a of active) {
        const da = dist[a]!;
        for (const i of members(a)) {
          if (!movable[i] || i === a || host[i] !== a) continue;
          const base = da - pairCost(pr, i, a);
          const hs = allowed[i]!;
          const cs = acost[i]!;
          for (let k = 0; k < hs.length; k++) {
            const b = hs[k]!;
            if (!open[b] || b === a) continue;
            const nd = base + cs[k]!;
            if (nd < dist[b]! - eps) {
              dist[b] = nd;
              pred[b] = i;
              if (mark[b] !== stamp) {
                mark[b] = stamp;
                next.push(b);
              }
            }
          }
        }
      }
      active = next;
    }
  }

  /**
   * Relaxes from the labelled offices in sweeps over all members in index order, each label
   * used as soon as it improves (so a chain may grow by more than one move per sweep), at
   * most `sweeps` sweeps: the cheaper variant for one-off chains over a whole assignment.
   */
  relaxSweeps(host: Assignment, open: Uint8Array, sweeps: number, eps = 1e-9): void {
    const { dist, pred, movable } = this;
    const pr = this.red.problem;
    for (let round = 0, changed = true; changed && round < sweeps; round++) {
      changed = false;
      for (let i = 0; i < host.length; i++) {
        const a = host[i]!;
        if (a < 0 || a === i || !movable[i] || !Number.isFinite(dist[a]!)) continue;
        for (const b of this.red.allowed[i]!) {
          if (!open[b] || b === a) continue;
          const nd = dist[a]! + pairCost(pr, i, b) - pairCost(pr, i, a);
          if (nd < dist[b]! - eps) {
            dist[b] = nd;
            pred[b] = i;
            changed = true;
          }
        }
      }
    }
  }

  /** The chain ending in office `end`, first move first, and the office it starts from; undefined when the labels loop. */
  trace(host: Assignment, end: number): { moves: ChainMoves; start: number } | undefined {
    const moves: ChainMoves = [];
    const seen = new Set<number>();
    let b = end;
    while (this.pred[b]! >= 0) {
      if (seen.has(b)) return undefined;
      seen.add(b);
      const i = this.pred[b]!;
      moves.push([i, b]);
      b = host[i]!;
    }
    return { moves: moves.reverse(), start: b };
  }
}

const SHARED = new WeakMap<Reduced, Chains>();

/** One `Chains` per problem, for searches that relax and trace within one call (single-threaded, not re-entrant). */
export function sharedChains(red: Reduced): Chains {
  let c = SHARED.get(red);
  if (!c) {
    c = new Chains(red, movableMask(red));
    SHARED.set(red, c);
  }
  return c;
}
