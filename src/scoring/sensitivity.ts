/**
 * Does the order of the scenarios survive each weight halved or doubled? For every metric with
 * a weight, and each factor, the index is computed again with that one weight changed and the
 * scenarios ranked again (admissible first, then fewest breaches, then the index: the rank
 * itself); every pair of scenarios whose order changes is reported.
 */
import { METRIC_IDS, type MetricId, type Parameters } from '../domain/parameters';
import { officeIndex, rankKey, weightsOf, type ScenarioScore } from './score';
import { rankScenarios } from './verdict';

export const SENSITIVITY_FACTORS = [0.5, 2] as const;

export type WeightChange = Readonly<{
  metric: MetricId;
  factor: (typeof SENSITIVITY_FACTORS)[number];
  weight: number;
  /** The weight before the change. */
  from: number;
  /**
   * Pairs whose order changes. `swap`: `ahead` was before `behind` and is now after it; `tie`:
   * `ahead` was before `behind` and they are now level; `split`: they were level and `ahead` is now before.
   */
  flips: readonly Readonly<{ ahead: string; behind: string; kind: 'swap' | 'tie' | 'split' }>[];
}>;

type Scored = Pick<ScenarioScore, 'name' | 'offices' | 'admissible' | 'breaches' | 'totals'>;

/** The population-weighted index of a scenario under other weights (as totals.rating). */
export function indexWith(s: Scored, weights: Readonly<Record<MetricId, number>>): number {
  let sum = 0;
  let pop = 0;
  for (const o of s.offices) {
    sum += officeIndex(o.ratings, weights, !o.pass || o.informal) * o.population;
    pop += o.population;
  }
  return pop === 0 ? 0 : Math.round(sum / pop);
}

export function weightSensitivity(scores: readonly Scored[], p: Pick<Parameters, 'ratings'>): WeightChange[] {
  const base = weightsOf(p);
  const ranks = rankScenarios(scores.map((s) => rankKey(s, indexWith(s, base))));
  const out: WeightChange[] = [];
  for (const metric of METRIC_IDS) {
    if (!(base[metric] > 0)) continue;
    for (const factor of SENSITIVITY_FACTORS) {
      const w = { ...base, [metric]: base[metric] * factor };
      const again = rankScenarios(scores.map((s) => rankKey(s, indexWith(s, w))));
      const flips: { ahead: string; behind: string; kind: 'swap' | 'tie' | 'split' }[] = [];
      for (let i = 0; i < scores.length; i++)
        for (let j = 0; j < scores.length; j++) {
          const before = Math.sign(ranks[i]! - ranks[j]!);
          const after = Math.sign(again[i]! - again[j]!);
          const [a, b] = [scores[i]!.name, scores[j]!.name];
          // Each pair once: from the one ahead before, or (level before) from the one ahead now.
          if (before < 0 && after > 0) flips.push({ ahead: a, behind: b, kind: 'swap' });
          else if (before < 0 && after === 0) flips.push({ ahead: a, behind: b, kind: 'tie' });
          else if (before === 0 && after < 0) flips.push({ ahead: a, behind: b, kind: 'split' });
        }
      out.push({ metric, factor, weight: w[metric], from: base[metric], flips });
    }
  }
  return out;
}
