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
  /** Scenario names: `ahead` was ranked before `behind` (or level with it) and is now not. */
  flips: readonly Readonly<{ ahead: string; behind: string }>[];
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
      const flips: { ahead: string; behind: string }[] = [];
      for (let i = 0; i < scores.length; i++)
        for (let j = 0; j < scores.length; j++) {
          if (i === j) continue;
          // i was ahead of j and is not now; or they were level and are not now (reported once).
          const before = Math.sign(ranks[i]! - ranks[j]!);
          const after = Math.sign(again[i]! - again[j]!);
          if ((before < 0 && after >= 0) || (before === 0 && i < j && after !== 0))
            flips.push({ ahead: scores[i]!.name, behind: scores[j]!.name });
        }
      out.push({ metric, factor, weight: w[metric], flips });
    }
  }
  return out;
}
