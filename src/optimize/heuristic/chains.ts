import { Districts } from '../districts';
import type { Reflow } from '../reflow';
import type { Assignment, Reduced } from '../problem';
import { beats, record, type Best } from './best';

/** Host swaps where the owner limit binds, priced along chains of full offices (`Reflow`). */

/** The assignment reworked along chains (`Reflow`) to keep the owner limit, then improved in assignment space; kept if better. */
export function refit(red: Reduced, f: Reflow, start: Best, stop: () => boolean, random: () => number): Best {
  if (!f.settle(start.host)) return start;
  const d = new Districts(red, f.snapshot());
  d.descend(stop, random);
  return beats(d, start) ? record(d) : start;
}

/** Offices and candidates each priced alone, of the likeliest this many on each side. */
const SIDE = 30;
/** Pairs priced together, of the best guesses. */
const PRICED = 24;
/** Pairs improved in assignment space per round before one has beaten the best. */
const TRIES = 6;

/** A swap priced by chains: its change in cost, the assignment it leads to, the office closed and the candidate opened. */
type Priced = [number, Assignment, number, number];

/**
 * Host swaps where the owner limit binds, priced by chains (`Reflow`): the offices likeliest
 * to be cheap to close and the candidates likeliest to gain by opening are each priced alone;
 * pairs of them (far apart: about the sum; near each other: estimated as one move) are
 * ranked, and the most promising priced together. The best few are improved in assignment
 * space (which restores the minimum FTE); rounds repeat while one beats the best. This finds
 * the moves a kick of one or two nearby offices cannot: an office shut in one region and
 * opened in another, with the members between passed along full offices.
 */
export function chainSwaps(red: Reduced, f: Reflow, start: Best, stop: () => boolean, random: () => number): Best {
  let best = start;
  while (!stop()) {
    const next = improveByPairs(red, f, best, pricedPairs(red, f, best, stop), stop, random);
    if (next === best) break;
    best = next;
  }
  return best;
}

/** The swaps of the best guesses, priced together along chains from the settled best, cheapest first. */
function pricedPairs(red: Reduced, f: Reflow, best: Best, stop: () => boolean): Priced[] {
  f.settle(best.host);
  const base = f.snapshot();
  const cost = f.cost();
  const price = (close: number, open: number): number => {
    f.load(base);
    return f.swap(close, open) ? f.cost() - cost : Number.POSITIVE_INFINITY;
  };
  const pairs: Priced[] = [];
  for (const [j, k] of guessPairs(red, f, price).slice(0, PRICED)) {
    if (stop()) break;
    const v = price(j, k);
    if (Number.isFinite(v)) pairs.push([v, f.snapshot(), j, k]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * Every (office, candidate) pair worth pricing, with its guessed change, best first. Each
 * office closed alone and the most promising candidates opened alone are priced exactly; a
 * pair far apart is about the sum of the two, a pair near each other (the candidate may serve
 * the office's members) is estimated as one move.
 */
function guessPairs(red: Reduced, f: Reflow, price: (close: number, open: number) => number): [number, number, number][] {
  const estimate = f.estimator();
  const hosts = red.candidates.filter((j) => f.open[j] && !red.forced[j]);
  const shut = red.candidates.filter((k) => !f.open[k]);
  const alone = (xs: number[], v: (x: number) => number) =>
    new Map(xs.map((x): [number, number] => [x, v(x)]).filter(([, y]) => Number.isFinite(y)));
  const likeliest = (xs: number[], v: (x: number) => number) =>
    xs
      .map((x): [number, number] => [x, v(x)])
      .sort((a, b) => a[1] - b[1])
      .slice(0, SIDE)
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
  return guesses.sort((a, b) => a[2] - b[2]);
}

/**
 * The best few pairs are improved in assignment space until one beats the best; after that,
 * each further pair apart from those kept is priced again on the new best and kept when it
 * still gains (several swaps in one round). The best unchanged when none beats it.
 */
function improveByPairs(red: Reduced, f: Reflow, start: Best, pairs: readonly Priced[], stop: () => boolean, random: () => number): Best {
  let best = start;
  let improved = false;
  let tried = 0;
  const used = new Set<number>();
  for (const [, host, j, k] of pairs) {
    if (stop() || (!improved && tried >= TRIES)) break;
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
  return best;
}
