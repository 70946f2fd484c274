import { Districts } from '../districts';
import { Reflow } from '../reflow';
import { chainSwaps, refit } from './chains';
import { evaluate, type Assignment, type Evaluation, type Reduced } from '../problem';
import { beats, compare, record, type Best } from './best';
import { assignOpen, relocate } from './repair';
import { repairedSwaps } from './swaps';

/** Share of kicks that are targeted rather than random. */
const TARGETED = 0.15;

/**
 * Iterated local search when assignments need repair: each start is relocated (Cooper),
 * assigned with repair, and improved in assignment space (`Districts`: shifts, swaps,
 * rehosts). Where the owner limit binds (a given number of offices), the best is then
 * improved by host swaps priced along chains of full offices (`chainSwaps`); otherwise
 * offices over the limit are split. The best is then kicked by closing an office and opening
 * a candidate near it (or, with a cost per office, by closing or opening one) and improved
 * again; each new best that keeps every rule is first improved by host swaps priced after
 * repair (`repairedSwaps`). Last, offices still short are closed, and small problems polished.
 */
export function constrainedSearch(
  red: Reduced,
  starts: readonly Assignment[],
  stop: () => boolean,
  rounds: number,
  random: () => number,
): { host: Assignment; evaluation: Evaluation }[] {
  const s = new CappedSearch(red, stop, random);
  s.improveStarts(starts);
  s.fitByChains();
  s.splitOverfull();
  s.kick(rounds);
  s.closeShort();
  s.polish();
  return s.found();
}

/** The state of `constrainedSearch`: the best so far and every distinct structure met on the way. */
class CappedSearch {
  private readonly byCost: boolean;
  /** For each municipality, the candidates nearest it (all of them on small problems). */
  private readonly near: Int32Array[] = [];
  private readonly seen = new Map<string, { host: Assignment; evaluation: Evaluation }>();
  /** Host swaps priced along chains of full offices, where the owner limit binds at a given number of offices. */
  private readonly chains: Reflow | undefined;
  private best: Best | undefined;
  /** The best last improved by `repairedSwaps`. */
  private swapped: Best | undefined;

  constructor(
    private readonly red: Reduced,
    private readonly stop: () => boolean,
    private readonly random: () => number,
  ) {
    const pr = red.problem;
    const n = pr.n;
    this.byCost = red.p === undefined;
    for (let j = 0; j < n; j++) {
      const cands = red.candidates.filter((k) => k !== j && Number.isFinite(pr.cost[j * n + k]!));
      cands.sort((a, b) => pr.cost[j * n + a]! - pr.cost[j * n + b]!);
      this.near.push(Int32Array.from(red.candidates.length <= 120 ? cands : cands.slice(0, 10)));
    }
    this.chains = !this.byCost && Number.isFinite(pr.rules.maxOwners) ? new Reflow(red) : undefined;
  }

  private keep(host: Assignment): void {
    const key = Array.from(host).join(',');
    if (!this.seen.has(key)) this.seen.set(key, { host, evaluation: evaluate(this.red, host) });
  }

  /** Takes d as the best when it beats it. */
  private offer(d: Districts): boolean {
    if (this.best && !beats(d, this.best)) return false;
    this.take(record(d));
    return true;
  }

  private take(best: Best): void {
    this.best = best;
    this.keep(best.host);
  }

  found(): { host: Assignment; evaluation: Evaluation }[] {
    return [...this.seen.values()];
  }

  /**
   * Each start relocated, assigned with repair and improved in assignment space. Where chains
   * price the host swaps, they improve one start further than several starts improved less:
   * only the best start is taken.
   */
  improveStarts(starts: readonly Assignment[]): void {
    const { red } = this;
    const openOf = (host: Assignment) => {
      const open = new Uint8Array(red.problem.n);
      for (let i = 0; i < open.length; i++) if (host[i] === i && red.isCandidate[i]) open[i] = 1;
      return open;
    };
    for (const startHost of this.chains ? starts.slice(0, 1) : starts) {
      if (this.best && this.stop()) break;
      const d = new Districts(red, assignOpen(red, relocate(red, openOf(startHost))));
      d.descend(this.stop, this.random);
      this.keep(d.snapshot());
      this.offer(d);
    }
  }

  /** Where the owner limit binds: the best reworked along chains, then improved by host swaps priced along them. */
  fitByChains(): void {
    if (!this.best || !this.chains) return;
    this.take(refit(this.red, this.chains, this.best, this.stop, this.random));
    this.take(chainSwaps(this.red, this.chains, this.best, this.stop, this.random));
  }

  /**
   * Otherwise, while owners are over the limit somewhere, open an office among that office's
   * members and close the office cheapest to close elsewhere (the best of a few, each then improved).
   */
  splitOverfull(): void {
    const { red } = this;
    for (let round = 0; round < red.problem.n && this.best && !this.chains && !this.stop(); round++) {
      const d = new Districts(red, this.best.host);
      const a = d.mostOverfull();
      if (a < 0) break;
      const ks = Array.from(red.servable[a]!).filter((k) => d.host[k] === a && k !== a && red.isCandidate[k] && !d.open[k]);
      const closers = red.candidates
        .filter((c) => c !== a && d.open[c])
        .map((c) => [c, d.closingEstimate(c)] as const)
        .filter(([, e]) => Number.isFinite(e))
        .sort((x, y) => x[1] - y[1])
        .slice(0, 4);
      const opens =
        ks.length > 0
          ? ks
          : Array.from(this.near[a]!)
              .filter((c) => !d.open[c])
              .slice(0, 3);
      const next = this.bestOf(
        d,
        opens.flatMap((k) => closers.map(([c]): [number, number] => [c, k])),
      );
      if (!next || !this.offer(next)) break;
    }
  }

  /** Of the given (close, open) kicks of d, each improved by a focused descent, the best. */
  private bestOf(d: Districts, moves: readonly [number, number][]): Districts | undefined {
    let next: Districts | undefined;
    for (const [a, k] of moves) {
      const t = d.clone();
      t.untouch();
      if (!t.closeOpen(a, k)) continue;
      t.descend(this.stop, this.random, true);
      if (!next || t.value() < next.value()) next = t;
      if (this.stop()) break;
    }
    return next;
  }

  /** Each new best that keeps every rule is improved by host swaps priced after repair. */
  private swapDescent(): void {
    const best = this.best;
    if (!best || !best.feasible || this.swapped === best) return;
    this.take(repairedSwaps(this.red, best, this.stop, this.random));
    this.swapped = this.best;
  }

  /** Rounds of kicks, each improved by a focused descent; the swaps priced after repair between them. */
  kick(rounds: number): void {
    const { red, random } = this;
    for (let round = 0; round < rounds && this.best && !this.stop(); round++) {
      this.swapDescent();
      const best = this.best;
      const d = new Districts(red, best.host);
      d.untouch();
      const hosts = red.candidates.filter((j) => d.open[j] && !red.forced[j]);
      if (hosts.length === 0) break;
      const kicks = 1 + Math.floor(random() * 2);
      const short = best.feasible ? -1 : d.mostShort();
      if (short >= 0 && !red.forced[short] && random() < 0.5) this.kickShort(d, short);
      else if (!this.byCost && random() < TARGETED) this.kickTargeted(d, hosts);
      else for (let k = 0; k < kicks; k++) this.kickNear(d, hosts);
      d.descend(this.stop, random, true);
      this.offer(d);
    }
    this.swapDescent();
  }

  /**
   * An office below its minimum that no shift mends (its only partners host elsewhere):
   * close it and open, anywhere, one of the candidates that would save most.
   */
  private kickShort(d: Districts, short: number): void {
    const gains = this.topGains(d, 5);
    if (gains.length > 0) d.closeOpen(short, gains[Math.floor(this.random() * gains.length)]![0]);
  }

  /** Open one of the candidates that would save most, close one of the offices cheapest to close. */
  private kickTargeted(d: Districts, hosts: readonly number[]): void {
    const gains = this.topGains(d, 5);
    const closers = hosts
      .map((c): [number, number] => [c, -d.closingEstimate(c)])
      .filter(([, e]) => Number.isFinite(e))
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5);
    if (gains.length > 0 && closers.length > 0) {
      d.closeOpen(closers[Math.floor(this.random() * closers.length)]![0], gains[Math.floor(this.random() * gains.length)]![0]);
    }
  }

  /** Close a random office and open a candidate near it (with a cost per office: or only close, or only open). */
  private kickNear(d: Districts, hosts: readonly number[]): void {
    const random = this.random;
    const a = hosts[Math.floor(random() * hosts.length)]!;
    const options = Array.from(this.near[a]!).filter((c) => !d.open[c]);
    const kind = this.byCost ? random() : 0;
    if (kind < 0.6 && options.length > 0) d.closeOpen(a, options[Math.floor(random() * options.length)]!);
    else if (kind < 0.8) d.closeOpen(a, -1);
    else if (options.length > 0) d.closeOpen(-1, options[Math.floor(random() * options.length)]!);
  }

  /** The closed candidates whose opening would save most at once, most first. */
  private topGains(d: Districts, count: number): [number, number][] {
    return this.red.candidates
      .filter((c) => !d.open[c])
      .map((c): [number, number] => [c, d.openingGain(c)])
      .sort((x, y) => y[1] - x[1])
      .slice(0, count);
  }

  /**
   * Still below a minimum somewhere (an office whose only partners host elsewhere): close each
   * short office in turn and open, anywhere, one of the candidates that would save most.
   */
  closeShort(): void {
    for (let round = 0; round < 8 && this.best && !this.best.feasible; round++) {
      const d = new Districts(this.red, this.best.host);
      const short = d.mostShort();
      if (short < 0 || this.red.forced[short]) break;
      const next = this.bestOf(
        d,
        this.topGains(d, 10).map(([k]): [number, number] => [short, k]),
      );
      if (!next || !this.offer(next)) break;
    }
  }

  /** Small problems: polish the best by swapping hosts, each set assigned afresh with repair. */
  polish(): void {
    if (this.best && this.red.candidates.length <= 120) this.keep(hostSwapDescent(this.red, this.best.host, this.near, this.stop));
  }
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
