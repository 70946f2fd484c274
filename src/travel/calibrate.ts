import { minutesPerKm, type NetworkParameters, type RoadGraph, type Route } from './network';

/** A pair with a known car time: from a municipality to its BA-region centre (TØI 2019). */
export type CalibrationPair = Readonly<{ from: string; to: string; minutes: number; county: string }>;

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
  private readonly cache = new Map<number, Map<number, Route[]>>();
  constructor(
    readonly graph: RoadGraph,
    readonly index: ReadonlyMap<string, number>,
  ) {}

  routes(pairs: readonly CalibrationPair[], perKm: number): Route[] {
    const key = Math.round(perKm * 1e6) / 1e6;
    let bySource = this.cache.get(key);
    if (!bySource) this.cache.set(key, (bySource = new Map()));
    return pairs.map((pair) => {
      const s = this.index.get(pair.to);
      const t = this.index.get(pair.from);
      if (s === undefined || t === undefined) throw new Error(`calibration pair ${pair.from}–${pair.to} is not in the graph`);
      let routes = bySource.get(s);
      if (!routes) bySource.set(s, (routes = this.graph.routesFrom(s, key)));
      return routes[t]!;
    });
  }
}

/** Estimated minutes for each pair with parameters `p` (routes chosen at the national speed). */
export function predict(routes: PairRoutes, pairs: readonly CalibrationPair[], p: NetworkParameters): number[] {
  return routes
    .routes(pairs, minutesPerKm(p))
    .map((r, i) => p.estimateFixedMinutes + r.roadKm * minutesPerKm(p, pairs[i]!.county, pairs[i]!.county) + r.ferryMinutes);
}

/** Minutes per km tried: a coarse grid over 0.2–2.5, then a fine one round the best. */
function searchSlope<T>(evaluate: (s: number) => { cost: number; value: T }): { s: number; value: T } {
  let best = { cost: Number.POSITIVE_INFINITY, s: Number.NaN, value: undefined as T };
  const tryAt = (s: number): void => {
    const r = evaluate(s);
    if (r.cost < best.cost - 1e-9) best = { cost: r.cost, s, value: r.value };
  };
  for (let s = 0.2; s <= 2.5; s += 0.02) tryAt(s);
  const centre = best.s;
  for (let s = centre - 0.02; s <= centre + 0.02; s += 0.0005) tryAt(s);
  return best;
}

/** Least-absolute-error slope through a fixed intercept: y − c = s · x. */
function slopeL1(x: readonly number[], y: readonly number[], c: number): number {
  return searchSlope((s) => {
    let cost = 0;
    for (let i = 0; i < x.length; i++) cost += Math.abs(y[i]! - c - s * x[i]!);
    return { cost, value: undefined };
  }).s;
}

/**
 * Fits the parameters to the pairs by least absolute error, the detour factor and ferry
 * waiting held:
 * 1. nationally, the fixed minutes and the speed: for a trial minutes-per-km the best fixed
 *    part is the median residual; routes are recomputed at the fitted speed until stable;
 * 2. per county with pairs, its own speed through the national fixed part, shrunk towards the
 *    national speed (a county with n pairs weighs n against SHRINK_PAIRS for the nation).
 */
export function fitParameters(routes: PairRoutes, pairs: readonly CalibrationPair[], base: NetworkParameters): NetworkParameters {
  let perKm = minutesPerKm(base);
  let fixed = base.estimateFixedMinutes;
  let chosen: Route[] = [];
  for (let round = 0; round < 8; round++) {
    chosen = routes.routes(pairs, perKm);
    const best = searchSlope((s) => {
      const residuals = chosen.map((r, i) => pairs[i]!.minutes - r.ferryMinutes - s * r.roadKm);
      const c = Math.max(0, quantile(residuals, 0.5));
      return { cost: residuals.reduce((sum, x) => sum + Math.abs(x - c), 0), value: c };
    });
    const settled = Math.abs(best.s - perKm) < 1e-9 && Math.abs(best.value - fixed) < 1e-9;
    perKm = best.s;
    fixed = best.value;
    if (settled) break;
  }
  const speed = (s: number): number => (base.detourFactor * 60) / s;
  const counties = new Map<string, number[]>();
  pairs.forEach((p, i) => {
    const list = counties.get(p.county);
    if (list) list.push(i);
    else counties.set(p.county, [i]);
  });
  const countyRoadSpeedKmh: Record<string, number> = {};
  for (const [county, idx] of [...counties].sort(([a], [b]) => a.localeCompare(b))) {
    const x = idx.map((i) => chosen[i]!.roadKm);
    const y = idx.map((i) => pairs[i]!.minutes - chosen[i]!.ferryMinutes);
    const own = slopeL1(x, y, fixed);
    const shrunk = (idx.length * own + SHRINK_PAIRS * perKm) / (idx.length + SHRINK_PAIRS);
    countyRoadSpeedKmh[county] = round1(speed(shrunk));
  }
  return { ...base, estimateFixedMinutes: round1(fixed), roadSpeedKmh: round1(speed(perKm)), countyRoadSpeedKmh };
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
  const predicted = pairs.map((pair, i) => {
    const fitted = fitParameters(
      routes,
      pairs.filter((_, j) => j !== i),
      base,
    );
    return predict(routes, [pair], fitted)[0]!;
  });
  const byCounty = new Array<number>(pairs.length).fill(Number.NaN);
  for (const county of new Set(pairs.map((p) => p.county))) {
    const fitted = fitParameters(
      routes,
      pairs.filter((p) => p.county !== county),
      base,
    );
    const national = { ...fitted, countyRoadSpeedKmh: {} };
    pairs.forEach((p, i) => {
      if (p.county === county) byCounty[i] = predict(routes, [p], national)[0]!;
    });
  }
  const all = fitParameters(routes, pairs, base);
  return {
    leaveOneOut: accuracyOf(predicted, actual),
    leaveOneCountyOut: accuracyOf(byCounty, actual),
    fitted: all,
    inSample: accuracyOf(predict(routes, pairs, all), actual),
    predicted,
  };
}
