/**
 * The docs table of the rated metrics (docs/scoring.md, "Metrics per office"), made from the
 * declarations; test/scoring/metrics.test.ts checks the docs against it cell by cell.
 */
import { METRICS, type MetricDef } from '.';

/** A range end as the docs write it: shares in per cent, counts with thin thousands. */
export function formatEnd(def: MetricDef, v: number): string {
  if (def.format.includes('%')) return `${Math.round(v * 1000) / 10} %`;
  return Math.abs(v) >= 1000 ? v.toLocaleString('en-US').replace(/,/g, ' ') : String(v);
}

/** The cells of one row: metric, definition, better, range and weight, source of the default. */
export function metricDocRow(def: MetricDef): string[] {
  const { worst, best, weight } = def.range;
  const unit = def.format.includes('%') ? '' : ` ${def.unit.en}`;
  const source = `${def.source.kind}${def.source.passages.length > 0 ? ` (${def.source.passages.join(', ')})` : ''}: ${def.source.note}`;
  return [
    `${def.label.en.replace('{t2}', '75')} (\`${def.id}\`)`,
    def.definition,
    def.direction,
    `**${formatEnd(def, worst)} → ${formatEnd(def, best)}${unit}**, ${weight}`,
    source,
  ];
}

export const METRIC_DOC_HEADER = ['metric', 'definition', 'better', 'rating range (worst → best), weight', 'source of the default'];

/** The whole table as markdown (unpadded; prettier pads it). */
export function metricsDocTable(): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(METRIC_DOC_HEADER), line(METRIC_DOC_HEADER.map(() => '---')), ...METRICS.map((m) => line(metricDocRow(m)))].join('\n');
}
