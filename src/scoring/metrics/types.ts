/**
 * One metric, one file: each rated metric declares what it is, which way is better, its default
 * rating range and where that range comes from. The rating (score.ts), the sheet columns
 * (src/io/output.ts) and the table in docs/scoring.md are made from these declarations.
 */
import type { MetricId, Parameters, RatingRange } from '../../domain/parameters';
import type { OfficeScore } from '../score';

export type Words = Readonly<{ nb: string; en: string }>;

/**
 * Where a default range comes from. `sourced`: both ends rest on the passages cited
 * (`000 L644`: report 000, line 644, in the shared seeds); `assumption`: the numbers are our
 * choice, the passages (if any) only name the effect.
 */
export type MetricSource = Readonly<{ kind: 'sourced' | 'assumption'; passages: readonly string[]; note: string }>;

/** The raw values of an office that metrics read. */
export type OfficeMeasures = Pick<
  OfficeScore,
  | 'fte'
  | 'vulnerability'
  | 'population'
  | 'weightedTravelMinutes'
  | 'maxTravelMinutes'
  | 'shareOverThresholds'
  | 'staffTravelMinutesPerWeek'
  | 'baShareInHostRegion'
  | 'owners'
  | 'hostPopulationShare'
>;

export type MetricDef = Readonly<{
  id: MetricId;
  /** Column header and label; `{t2}` stands for the middle travel threshold. */
  label: Words;
  unit: Words;
  /** `higher`: more is better (best > worst); `lower`: less is better. */
  direction: 'higher' | 'lower';
  /** What is measured, for the docs. */
  definition: string;
  /** Default rating range and weight (worst → 0, best → 100). */
  range: RatingRange;
  source: MetricSource;
  /** Excel number format of the raw value. */
  format: string;
  /** The raw value of an office; null: not applicable to it (no rating, no weight). */
  value: (o: OfficeMeasures) => number | null;
  /**
   * A hard rule on this metric: an office on the wrong side of it rates 0 here, whatever the
   * range says (non-compensatory). Returns the limit; `direction` says which side is wrong.
   */
  hardLimit?: (p: Parameters) => number;
}>;
