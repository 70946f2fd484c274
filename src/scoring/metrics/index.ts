import type { MetricId, Parameters, RatingRange } from '../../domain/parameters';
import { rate } from '../rate';
import { baShareInHostRegion } from './baShareInHostRegion';
import { fte } from './fte';
import { hostPopulationShare } from './hostPopulationShare';
import { maxTravel } from './maxTravel';
import { owners } from './owners';
import { population } from './population';
import { shareOver75 } from './shareOver75';
import { staffTravel } from './staffTravel';
import type { MetricDef, OfficeMeasures } from './types';
import { vulnerability } from './vulnerability';
import { weightedTravel } from './weightedTravel';

export type { MetricDef, MetricSource, OfficeMeasures, Words } from './types';

/** Every rated metric, in the order the sheets and the docs show them. */
export const METRICS: readonly MetricDef[] = [
  fte,
  vulnerability,
  population,
  weightedTravel,
  maxTravel,
  shareOver75,
  staffTravel,
  baShareInHostRegion,
  owners,
  hostPopulationShare,
];

export function metric(id: MetricId): MetricDef {
  return METRICS.find((m) => m.id === id)!;
}

/** The default rating ranges and weights, as the metrics declare them. */
export function defaultRatings(): Record<MetricId, RatingRange> {
  return Object.fromEntries(METRICS.map((m) => [m.id, { ...m.range }])) as Record<MetricId, RatingRange>;
}

/** A metric's label with the thresholds filled in. */
export function metricLabel(def: MetricDef, p: Pick<Parameters, 'travelThresholds'>, lang: 'nb' | 'en' = 'nb'): string {
  return def.label[lang].replace('{t2}', String(p.travelThresholds[1]));
}

/** The sheet header of a metric's raw value: its label, and its unit where that adds something. */
export function metricHeader(def: MetricDef, p: Pick<Parameters, 'travelThresholds'>, lang: 'nb' | 'en' = 'nb'): string {
  const label = metricLabel(def, p, lang);
  const unit = def.unit[lang];
  return label.toLowerCase().includes(unit.toLowerCase()) || def.format.includes('%') ? label : `${label} (${unit})`;
}

/** The sheet header of a metric's rating. */
export function metricRatingHeader(def: MetricDef, p: Pick<Parameters, 'travelThresholds'>, lang: 'nb' | 'en' = 'nb'): string {
  const label = metricLabel(def, p, lang);
  const lower = /^\p{Lu}\p{Ll}/u.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
  return `${lang === 'nb' ? 'Karakter' : 'Rating'}: ${lower} (0–100)`;
}

/** True when `value` is on the wrong side of the metric's hard rule (the office breaks it). */
export function beyondHardLimit(def: MetricDef, value: number, p: Parameters): boolean {
  if (!def.hardLimit) return false;
  const limit = def.hardLimit(p);
  return def.direction === 'higher' ? value < limit : value > limit;
}

/**
 * The 0–100 rating of one metric for one office: null when not applicable, 0 beyond a hard rule
 * (no range can make up for a breach), else linear on the range, clipped (rate).
 */
export function rateMetric(def: MetricDef, o: OfficeMeasures, range: Pick<RatingRange, 'worst' | 'best'>, p: Parameters): number | null {
  const v = def.value(o);
  if (v === null) return null;
  if (beyondHardLimit(def, v, p)) return 0;
  return rate(v, range);
}
