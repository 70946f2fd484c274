/**
 * The planner's own weights and scales for the single index: a sheet named «Vekter» (or
 * «Vekting», «Weights») with one row per metric: mål (its id or its label, as Sammenligning's
 * table «Vekter og skalaer» writes them), vekt, and optionally verste and beste ende. A blank
 * cell keeps the default; a metric not listed keeps its default. Copying that table into a
 * sheet of one's own is the way to start.
 */
import type { MetricId, RatingRange } from '../domain/parameters';
import type { SheetData } from '../domain/sheets';
import { METRICS, metricHeader, metricLabel, metricRatingHeader, type MetricDef } from '../scoring/metrics';
import { a1, cellText, foldName, isBlank } from './cells';
import type { FieldSpec } from './headers';
import type { ProblemLog } from './problems';
import { nonNegativeAt, requiredHeader } from './readCell';

/** Sheet names (folded) of the weights sheet; a prefix match also counts. */
export const WEIGHT_SHEET_NAMES = ['vekter', 'vekting', 'weights'] as const;

export function isWeightSheetName(name: string): boolean {
  const folded = foldName(name);
  return WEIGHT_SHEET_NAMES.some((n) => folded.startsWith(n));
}

export const WEIGHT_FIELDS: readonly FieldSpec[] = [
  { key: 'metric', label: 'mål', aliases: ['mal', 'maal', 'id', 'metric', 'measure', 'kriterium'], required: true },
  { key: 'weight', label: 'vekt', aliases: ['vekt', 'weight'], required: true },
  { key: 'worst', label: 'verste ende', aliases: ['versteende0', 'versteende', 'verste', 'worst', 'worstend'], required: false },
  { key: 'best', label: 'beste ende', aliases: ['besteende100', 'besteende', 'beste', 'best', 'bestend'], required: false },
];

type Params = Parameters<typeof metricLabel>[1];

/** The metric a cell names: its id, or its label or sheet header in Norwegian or English. */
function metricNamed(text: string, p: Params): MetricDef | undefined {
  const folded = foldName(text);
  if (!folded) return undefined;
  return METRICS.find((m) =>
    [
      m.id,
      metricLabel(m, p, 'nb'),
      metricLabel(m, p, 'en'),
      metricHeader(m, p, 'nb'),
      metricHeader(m, p, 'en'),
      metricRatingHeader(m, p),
    ].some((name) => foldName(name) === folded),
  );
}

/**
 * Reads the weights sheet into overrides of the rating ranges, logging every problem at its
 * cell: an unknown metric, one listed twice, a negative or non-numeric weight, a scale whose
 * ends are equal or turned the wrong way, a share over 100 %, or every weight 0.
 */
export function readWeights(sheet: SheetData, p: Params, log: ProblemLog): Partial<Record<MetricId, Partial<RatingRange>>> {
  const out: Partial<Record<MetricId, Partial<RatingRange>>> = {};
  const header = requiredHeader(sheet, WEIGHT_FIELDS, log);
  if (!header) return out;
  const col = (k: string) => header.columns.get(k);
  const seen = new Map<MetricId, string>();
  const weights: number[] = [];
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const cm = col('metric')!;
    const text = cellText(row[cm]).trim();
    if (text === '') continue;
    const def = metricNamed(text, p);
    if (!def) {
      log.error(sheet.name, a1(r, cm), 'unknownMetric', { value: text, known: METRICS.map((m) => m.id).join(', ') });
      continue;
    }
    const earlier = seen.get(def.id);
    if (earlier !== undefined) {
      log.error(sheet.name, a1(r, cm), 'metricTwice', { value: text, cell: earlier });
      continue;
    }
    seen.set(def.id, a1(r, cm));
    const own: { worst?: number; best?: number; weight?: number } = {};
    let bad = false;
    for (const key of ['weight', 'worst', 'best'] as const) {
      const c = col(key);
      if (c === undefined) continue;
      const v = nonNegativeAt(sheet, r, c, log);
      if (v.bad) bad = true;
      else if (v.value !== undefined) {
        if (key !== 'weight' && def.format.includes('%') && v.value > 1) {
          log.error(sheet.name, a1(r, c), 'shareOverOne', { value: cellText(row[c]), metric: metricLabel(def, p) });
          bad = true;
        } else own[key] = v.value;
      }
    }
    if (bad) continue;
    const worst = own.worst ?? def.range.worst;
    const best = own.best ?? def.range.best;
    const at = a1(r, col('best') ?? col('worst') ?? cm);
    if (worst === best) {
      log.error(sheet.name, at, 'scaleFlat', { metric: metricLabel(def, p), value: String(worst) });
      continue;
    }
    if (def.direction === 'higher' ? best < worst : best > worst) {
      log.error(sheet.name, at, 'scaleReversed', {
        metric: metricLabel(def, p),
        worst: String(worst),
        best: String(best),
        better: def.direction === 'higher' ? 'høyere' : 'lavere',
        betterEn: def.direction === 'higher' ? 'higher' : 'lower',
      });
      continue;
    }
    weights.push(own.weight ?? def.range.weight);
    out[def.id] = own;
  }
  // Metrics not listed keep their default weight; with every listed and all 0, nothing is weighed.
  const unlisted = METRICS.filter((m) => !seen.has(m.id)).map((m) => m.range.weight);
  if ([...weights, ...unlisted].every((w) => w === 0) && seen.size > 0)
    log.error(sheet.name, a1(header.row, col('weight')!), 'allWeightsZero', {});
  return out;
}
