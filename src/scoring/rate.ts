import type { RatingRange } from '../domain/parameters';

/**
 * A 0–100 rating where bigger is always better: `worst` gives 0, `best` gives 100, linear
 * between, clipped outside (DRA's clip → unitize → rescale). Works for ranges where smaller
 * is better (best < worst) too. Integer result.
 */
export function rate(value: number, range: Pick<RatingRange, 'worst' | 'best'>): number {
  if (Number.isNaN(value)) return 0;
  if (range.best === range.worst) return value === range.best ? 100 : 0;
  const t = (value - range.worst) / (range.best - range.worst);
  return Math.round(Math.min(1, Math.max(0, t)) * 100);
}

/** Weighted mean of the ratings that apply (null = not applicable), 0–100 integer. */
export function combineRatings(ratings: Readonly<Record<string, number | null>>, weights: Readonly<Record<string, number>>): number {
  let sum = 0;
  let w = 0;
  for (const [id, r] of Object.entries(ratings)) {
    const weight = weights[id] ?? 0;
    if (r === null || weight <= 0) continue;
    sum += r * weight;
    w += weight;
  }
  return w === 0 ? 0 : Math.round(sum / w);
}
