import { roadCosts, routeMinutes, settledKm, type NetworkParameters, type RoadCosts, type RoadGraph, type Route } from './network';

/**
 * A pair with a known car time: from a municipality to its BA-region centre (TØI 2019). TØI's
 * time is the inhabitants' (it behaves like the population-weighted time, docs/travel.md), so
 * the estimate it is compared with is usersMinutes: √(T² + W²), W the municipality's own
 * within-municipality minutes.
 */
export type CalibrationPair = Readonly<{ from: string; to: string; minutes: number; county: string; withinMinutes: number }>;

/**
 * What a fit may choose (our assumption, docs/travel.md): an average speed on the road km of
 * 60–80 km/h, through settled and unsettled land alike (80 km/h is the general speed limit
 * outside built-up areas; few stretches allow 90–110, and a trip's mean speed over 80 is not
 * physically plausible; a main road's mean below 60 would be a winding mountain pass all the
 * way), and 0–10 fixed minutes.
 */
export const PLAUSIBLE_SPEED_KMH = { min: 60, max: 80 } as const;
/**
 * On the main roads (assets/hovedveger.csv), our assumption: a European or national road's
 * mean, like any road's, within 60–80 km/h (signed 80, 90 on a few upgraded stretches, 50–70
 * through settlements); a motorway is signed 100–110 km/h (90 at its ends and round the
 * cities), so its mean 80–110 km/h.
 */
export const PLAUSIBLE_TRUNK_SPEED_KMH = { min: 60, max: 80 } as const;
export const PLAUSIBLE_MOTORWAY_SPEED_KMH = { min: 80, max: 110 } as const;
export const PLAUSIBLE_FIXED_MINUTES = { min: 0, max: 10 } as const;

export type Accuracy = Readonly<{
  pairs: number;
  medianAbsErrorMinutes: number;
  p90AbsErrorMinutes: number;
  medianAbsPercentError: number;
}>;

/** A county's own speed is shrunk towards the national one as if the nation were this many more pairs. */
const SHRINK_PAIRS = 10;

/** The q-quantile (0–1) of `values` by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export function accuracyOf(predicted: readonly number[], actual: readonly number[]): Accuracy {
  const abs = predicted.map((p, i) => Math.abs(p - actual[i]!));
  const pct = abs.map((e, i) => (actual[i]! > 0 ? (100 * e) / actual[i]! : 0));
  return {
    pairs: abs.length,
    medianAbsErrorMinutes: round2(quantile(abs, 0.5)),
    p90AbsErrorMinutes: round2(quantile(abs, 0.9)),
    medianAbsPercentError: round2(quantile(pct, 0.5)),
  };
}

/**
 * Routes for calibration pairs over one graph, computed once per road cost: the fits below
 * try the same few costs again and again.
 */
export class PairRoutes {
  private readonly cache = new Map<string, Map<number, Route[]>>();
  constructor(
    readonly graph: RoadGraph,
    readonly index: ReadonlyMap<string, number>,
  ) {}

  routes(pairs: readonly CalibrationPair[], costs: RoadCosts): Route[] {
    const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;
    const [key, emptyKey, trunkKey, motorwayKey] = [costs.perKm, costs.emptyPerKm, costs.trunkPerKm, costs.motorwayPerKm].map(r6) as [
      number,
      number,
      number,
      number,
    ];
    const cacheKey = `${key}/${emptyKey}/${trunkKey}/${motorwayKey}`;
    let bySource = this.cache.get(cacheKey);
    if (!bySource) this.cache.set(cacheKey, (bySource = new Map()));
    return pairs.map((pair) => {
      const s = this.index.get(pair.to);
      const t = this.index.get(pair.from);
      if (s === undefined || t === undefined) throw new Error(`calibration pair ${pair.from}–${pair.to} is not in the graph`);
      let routes = bySource.get(s);
      if (!routes) bySource.set(s, (routes = this.graph.routesFrom(s, key, emptyKey, trunkKey, motorwayKey)));
      return routes[t]!;
    });
  }
}

/** Estimated minutes for each pair with parameters `p` (routes chosen at the national speed): √(T² + W²). */
export function predict(routes: PairRoutes, pairs: readonly CalibrationPair[], p: NetworkParameters): number[] {
  return routes.routes(pairs, roadCosts(p)).map((r, i) => {
    const pair = pairs[i]!;
    return users(routeMinutes(r, p, pair.county, pair.county), pair.withinMinutes);
  });
}

// The fits below evaluate these hundreds of millions of times. Read once here: a global such as
// `Math` is looked up on every use, which inside a sandboxed context (the test runner's) is
// several times slower than the arithmetic.
const { abs, sqrt } = Math;

const users = (t: number, w: number): number => sqrt(t * t + w * w);

/** Minutes per km of path for a speed, and back. */
const perKmAt = (detour: number, speed: number): number => (detour * 60) / speed;
const speedAt = (detour: number, perKm: number): number => (detour * 60) / perKm;

/** Minutes per path km: settled, unsettled, main road, motorway (all off the main roads but the last two). */
type Slopes = Readonly<{ s: number; e: number; t: number; m: number }>;

/**
 * Sum of absolute errors of √((c + s·settled km + e·unsettled km + t·main-road km + m·motorway km
 * + ferry)² + W²) against the pairs' minutes.
 */
function l1(routes: readonly Route[], pairs: readonly CalibrationPair[], idx: readonly number[], c: number, k: Slopes): number {
  let cost = 0;
  for (const i of idx) {
    const r = routes[i]!;
    const t = c + k.s * settledKm(r) + k.e * r.emptyKm + k.t * r.trunkKm + k.m * r.motorwayKm + r.ferryMinutes;
    cost += abs(pairs[i]!.minutes - users(t, pairs[i]!.withinMinutes));
  }
  return cost;
}

/**
 * The best (fixed, slope) on a grid, coarse then fine: fixed minutes in 0.5 then 0.1 min steps
 * within the plausible range, slopes in 0.01 then 0.001 min/km between the plausible speeds.
 */
function search(
  detour: number,
  cost: (c: number, s: number) => number,
  fixedOnly?: number,
  speeds: Readonly<{ min: number; max: number }> = PLAUSIBLE_SPEED_KMH,
): { c: number; s: number } {
  const sLo = perKmAt(detour, speeds.max);
  const sHi = perKmAt(detour, speeds.min);
  const cLo = fixedOnly ?? PLAUSIBLE_FIXED_MINUTES.min;
  const cHi = fixedOnly ?? PLAUSIBLE_FIXED_MINUTES.max;
  let best = { cost: Number.POSITIVE_INFINITY, c: cLo, s: sLo };
  const grid = (c0: number, c1: number, cStep: number, s0: number, s1: number, sStep: number): void => {
    const [cFrom, cTo, sFrom, sTo] = [Math.max(cLo, c0), Math.min(cHi, c1) + 1e-9, Math.max(sLo, s0), Math.min(sHi, s1) + 1e-12];
    for (let c = cFrom; c <= cTo; c += cStep) {
      for (let s = sFrom; s <= sTo; s += sStep) {
        const v = cost(c, s);
        if (v < best.cost - 1e-9) best = { cost: v, c, s };
      }
    }
  };
  grid(cLo, cHi, 0.5, sLo, sHi, 0.01);
  const { c, s } = best;
  grid(c - 0.5, c + 0.5, 0.1, s - 0.01, s + 0.01, 0.001);
  return { c: Math.round(best.c * 10) / 10, s: best.s };
}

/**
 * Fits the parameters to the pairs by least absolute error, the detour factor and ferry
 * waiting held, within the plausible speeds and fixed minutes:
 * 1. nationally, the fixed minutes (0.1 min steps) and the settled speed by search over both,
 *    then the unsettled, main-road and motorway speeds, in turn until none moves; routes are
 *    recomputed at the fitted speeds until stable;
 * 2. per county with pairs, its own speed through the national fixed part, shrunk towards the
 *    national speed (a county with n pairs weighs n against SHRINK_PAIRS for the nation).
 */
export function fitParameters(routes: PairRoutes, pairs: readonly CalibrationPair[], base: NetworkParameters): NetworkParameters {
  const detour = base.detourFactor;
  const all = pairs.map((_, i) => i);
  const start = roadCosts(base);
  let k: Slopes = { s: start.perKm, e: start.emptyPerKm, t: start.trunkPerKm, m: start.motorwayPerKm };
  let fixed = base.estimateFixedMinutes;
  let chosen: Route[] = [];
  const costsOf = (x: Slopes): RoadCosts => ({ perKm: x.s, emptyPerKm: x.e, trunkPerKm: x.t, motorwayPerKm: x.m });
  for (let round = 0; round < 8; round++) {
    const at = routes.routes(pairs, costsOf(k));
    chosen = at;
    // Coordinate descent: fixed part and settled speed with the others held, the unsettled
    // speed with the fixed part held, then the fixed part with the main-road speed and with the
    // motorway speed (each within its plausible speeds), until nothing moves.
    let best = { c: fixed, ...k };
    for (let sweep = 0; sweep < 8; sweep++) {
      const cs = search(detour, (c, s) => l1(at, pairs, all, c, { ...best, s }));
      let next = { ...best, c: cs.c, s: cs.s };
      next = { ...next, e: search(detour, (_, e) => l1(at, pairs, all, next.c, { ...next, e }), next.c).s };
      const ct = search(detour, (c, t) => l1(at, pairs, all, c, { ...next, t }), undefined, PLAUSIBLE_TRUNK_SPEED_KMH);
      next = { ...next, c: ct.c, t: ct.s };
      const cm = search(detour, (c, m) => l1(at, pairs, all, c, { ...next, m }), undefined, PLAUSIBLE_MOTORWAY_SPEED_KMH);
      next = { ...next, c: cm.c, m: cm.s };
      const same = next.c === best.c && next.s === best.s && next.e === best.e && next.t === best.t && next.m === best.m;
      best = next;
      if (same) break;
    }
    const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
    const settled = close(best.s, k.s) && close(best.e, k.e) && close(best.t, k.t) && close(best.m, k.m) && close(best.c, fixed);
    k = { s: best.s, e: best.e, t: best.t, m: best.m };
    fixed = best.c;
    if (settled) break;
  }
  const counties = new Map<string, number[]>();
  pairs.forEach((p, i) => {
    const list = counties.get(p.county);
    if (list) list.push(i);
    else counties.set(p.county, [i]);
  });
  const countyRoadSpeedKmh: Record<string, number> = {};
  for (const [county, idx] of [...counties].sort(([a], [b]) => a.localeCompare(b))) {
    const own = search(detour, (c, s) => l1(chosen, pairs, idx, c, { ...k, s }), fixed).s;
    const shrunk = (idx.length * own + SHRINK_PAIRS * k.s) / (idx.length + SHRINK_PAIRS);
    countyRoadSpeedKmh[county] = round1(speedAt(detour, shrunk));
  }
  return {
    ...base,
    estimateFixedMinutes: round1(fixed),
    roadSpeedKmh: round1(speedAt(detour, k.s)),
    emptyLandSpeedKmh: round1(speedAt(detour, k.e)),
    trunkRoadSpeedKmh: round1(speedAt(detour, k.t)),
    motorwaySpeedKmh: round1(speedAt(detour, k.m)),
    countyRoadSpeedKmh,
  };
}

export type CrossValidation = Readonly<{
  /** Each pair predicted by parameters fitted to all the other pairs (national and county speeds). */
  leaveOneOut: Accuracy;
  /** Each county's pairs predicted by national parameters fitted to the other counties only. */
  leaveOneCountyOut: Accuracy;
  /** The parameters fitted to all pairs, and their error on those same pairs (for comparison only). */
  fitted: NetworkParameters;
  inSample: Accuracy;
  predicted: readonly number[];
}>;

/** Errors measured on pairs the fit did not see, two ways (see CrossValidation). */
export function crossValidate(routes: PairRoutes, pairs: readonly CalibrationPair[], base: NetworkParameters): CrossValidation {
  const actual = pairs.map((p) => p.minutes);
  // Every held-out fit starts from the fit to all pairs: it lands where a cold start would, sooner.
  const all = fitParameters(routes, pairs, base);
  const predicted = pairs.map((pair, i) => {
    const fitted = fitParameters(
      routes,
      pairs.filter((_, j) => j !== i),
      all,
    );
    return predict(routes, [pair], fitted)[0]!;
  });
  const byCounty = new Array<number>(pairs.length).fill(Number.NaN);
  for (const county of new Set(pairs.map((p) => p.county))) {
    const fitted = fitParameters(
      routes,
      pairs.filter((p) => p.county !== county),
      all,
    );
    const national = { ...fitted, countyRoadSpeedKmh: {} };
    pairs.forEach((p, i) => {
      if (p.county === county) byCounty[i] = predict(routes, [p], national)[0]!;
    });
  }
  return {
    leaveOneOut: accuracyOf(predicted, actual),
    leaveOneCountyOut: accuracyOf(byCounty, actual),
    fitted: all,
    inSample: accuracyOf(predict(routes, pairs, all), actual),
    predicted,
  };
}
