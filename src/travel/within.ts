import { quantile } from './calibrate';

/**
 * Travel inside a municipality: how long its inhabitants need, on average, to reach its centre.
 * TØI publishes that time for the municipalities that are a region's centre or a region of
 * their own (BA regions 2020); for the others Kontorplan estimates it from SSB's population
 * grid as a fixed part plus minutes per km of the inhabitants' mean straight-line distance to
 * the centre, fitted to TØI's figures.
 */
export type WithinPoint = Readonly<{ number: string; meanKmToCentre: number; minutes: number }>;

export type WithinFit = Readonly<{ withinFixedMinutes: number; withinMinutesPerKm: number }>;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Least-absolute-error line minutes = a + b × km: for a trial slope the best intercept is the
 * median residual; the slope is searched on a grid of 0.01 min/km (0.3–4), the intercept kept ≥ 0.
 */
export function fitWithin(points: readonly WithinPoint[]): WithinFit {
  let best = { cost: Number.POSITIVE_INFINITY, a: 0, b: 0 };
  for (let k = 30; k <= 400; k++) {
    const b = k / 100;
    const a = Math.max(
      0,
      quantile(
        points.map((p) => p.minutes - b * p.meanKmToCentre),
        0.5,
      ),
    );
    let cost = 0;
    for (const p of points) cost += Math.abs(p.minutes - a - b * p.meanKmToCentre);
    if (cost < best.cost - 1e-9) best = { cost, a, b };
  }
  return { withinFixedMinutes: round2(best.a), withinMinutesPerKm: round2(best.b) };
}

export type WithinAccuracy = Readonly<{
  points: number;
  medianAbsErrorMinutes: number;
  p90AbsErrorMinutes: number;
  /** The points with the largest leave-one-out error (ferry-bound island municipalities, mostly). */
  worst: readonly { number: string; minutes: number; predicted: number }[];
}>;

/** Each point predicted by a fit to all the others. */
export function crossValidateWithin(points: readonly WithinPoint[]): WithinAccuracy {
  const predicted = points.map((p, i) => {
    const f = fitWithin(points.filter((_, j) => j !== i));
    return f.withinFixedMinutes + f.withinMinutesPerKm * p.meanKmToCentre;
  });
  const errors = points.map((p, i) => Math.abs(predicted[i]! - p.minutes));
  const worst = points
    .map((p, i) => ({ number: p.number, minutes: p.minutes, predicted: round2(predicted[i]!), error: errors[i]! }))
    .sort((x, y) => y.error - x.error)
    .slice(0, 5)
    .map(({ number, minutes, predicted }) => ({ number, minutes, predicted }));
  return {
    points: points.length,
    medianAbsErrorMinutes: round2(quantile(errors, 0.5)),
    p90AbsErrorMinutes: round2(quantile(errors, 0.9)),
    worst,
  };
}
