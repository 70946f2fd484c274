import { quantile } from './calibrate';
import { roadCosts, routeMinutes, type NetworkParameters, type RoadGraph } from './network';

/**
 * Published drive times (and road distances) between places in Norway, kept apart from the
 * calibration: the estimate is measured against them by trip length, never fitted to them.
 * assets/validering_reisetid.csv, each row with its source.
 */
export type ValidationPair = Readonly<{
  from: string;
  to: string;
  fromPlace: string;
  toPlace: string;
  /** Published car minutes, door to door (ferries included where the route has one). */
  minutes?: number;
  /** Published road km. */
  km?: number;
  viaFerry: boolean;
  source: string;
  url: string;
  note: string;
}>;

/** The trip-length bands errors are reported by, in published minutes. */
export const BANDS = [
  { label: '< 45 min', from: 0, to: 45 },
  { label: '45–90 min', from: 45, to: 90 },
  { label: '90–180 min', from: 90, to: 180 },
  { label: '> 180 min', from: 180, to: Number.POSITIVE_INFINITY },
] as const;

/** The targets the issue set for every band (docs/travel.md): median relative error ≤ 15 %, 90th percentile ≤ 30 %. */
export const BAND_TARGETS = { medianAbsPercentError: 15, p90AbsPercentError: 30 } as const;

export type BandAccuracy = Readonly<{
  band: string;
  pairs: number;
  medianAbsErrorMinutes: number;
  p90AbsErrorMinutes: number;
  medianAbsPercentError: number;
  p90AbsPercentError: number;
  /** Median of (estimate − published) ÷ published, %: below 0 the estimate is too short. */
  medianSignedPercentError: number;
  meetsTargets: boolean;
}>;

export type ValidationRow = ValidationPair & Readonly<{ estimatedMinutes: number; estimatedKm: number; estimatedViaFerry: boolean }>;

/**
 * A band's pairs split by how the source gave its figure: a whole number of hours ("about an
 * hour", "two hours"), which may be half an hour out either way, against anything finer.
 */
export type PrecisionSplit = Readonly<{ band: string; wholeHours: BandAccuracy; finer: BandAccuracy }>;

/** A band's label as shown: the report's row for all pairs is `alle`, which English shows as `all`. */
export const bandLabel = (band: string, lang: 'nb' | 'en'): string => (band === 'alle' && lang === 'en' ? 'all' : band);

/** Whether a published figure is a whole number of hours. */
export const inWholeHours = (minutes: number): boolean => minutes % 60 === 0;

export type ValidationReport = Readonly<{
  bands: readonly BandAccuracy[];
  all: BandAccuracy;
  /** Every band and all pairs again, split by the published figure's precision. */
  precision: readonly PrecisionSplit[];
  /** Rows with a published road distance: the estimate's road km against it. */
  km: Readonly<{ pairs: number; medianAbsPercentError: number; p90AbsPercentError: number; medianSignedPercentError: number }>;
  rows: readonly ValidationRow[];
}>;

const round1 = (x: number): number => Math.round(x * 10) / 10;

function bandOf(label: string, rows: readonly ValidationRow[]): BandAccuracy {
  const abs = rows.map((r) => Math.abs(r.estimatedMinutes - r.minutes!));
  const pct = rows.map((r, i) => (100 * abs[i]!) / r.minutes!);
  const signed = rows.map((r) => (100 * (r.estimatedMinutes - r.minutes!)) / r.minutes!);
  const medianAbsPercentError = round1(quantile(pct, 0.5));
  const p90AbsPercentError = round1(quantile(pct, 0.9));
  return {
    band: label,
    pairs: rows.length,
    medianAbsErrorMinutes: round1(quantile(abs, 0.5)),
    p90AbsErrorMinutes: round1(quantile(abs, 0.9)),
    medianAbsPercentError,
    p90AbsPercentError,
    medianSignedPercentError: round1(quantile(signed, 0.5)),
    meetsTargets:
      rows.length > 0 &&
      medianAbsPercentError <= BAND_TARGETS.medianAbsPercentError &&
      p90AbsPercentError <= BAND_TARGETS.p90AbsPercentError,
  };
}

/**
 * The estimate (the same routes and minutes as the travel matrix: centre to centre over the
 * embedded network) for every validation pair, and its error by band of published minutes.
 */
export function validate(
  pairs: readonly ValidationPair[],
  graph: RoadGraph,
  index: ReadonlyMap<string, number>,
  counties: ReadonlyMap<string, string>,
  p: NetworkParameters,
): ValidationReport {
  const c = roadCosts(p);
  const bySource = new Map<number, ReturnType<RoadGraph['routesFrom']>>();
  const rows: ValidationRow[] = pairs.map((pair) => {
    const s = index.get(pair.from);
    const t = index.get(pair.to);
    if (s === undefined || t === undefined) throw new Error(`validation pair ${pair.from}–${pair.to} is not in the network`);
    let routes = bySource.get(s);
    if (!routes) bySource.set(s, (routes = graph.routesFrom(s, c.perKm, c.emptyPerKm, c.trunkPerKm, c.motorwayPerKm)));
    const r = routes[t]!;
    return {
      ...pair,
      estimatedMinutes: round1(routeMinutes(r, p, counties.get(pair.from), counties.get(pair.to))),
      estimatedKm: round1(r.roadKm * p.detourFactor),
      estimatedViaFerry: r.ferries > 0,
    };
  });
  const timed = rows.filter((r) => r.minutes !== undefined);
  const inBand = BANDS.map((b) => ({ label: b.label as string, rows: timed.filter((r) => r.minutes! >= b.from && r.minutes! < b.to) }));
  const bands = inBand.map((b) => bandOf(b.label, b.rows));
  const precision = [...inBand, { label: 'alle', rows: timed }].map((b) => ({
    band: b.label,
    wholeHours: bandOf(
      b.label,
      b.rows.filter((r) => inWholeHours(r.minutes!)),
    ),
    finer: bandOf(
      b.label,
      b.rows.filter((r) => !inWholeHours(r.minutes!)),
    ),
  }));
  const withKm = rows.filter((r) => r.km !== undefined);
  const kmPct = withKm.map((r) => (100 * Math.abs(r.estimatedKm - r.km!)) / r.km!);
  const kmSigned = withKm.map((r) => (100 * (r.estimatedKm - r.km!)) / r.km!);
  return {
    bands,
    all: bandOf('alle', timed),
    precision,
    km: {
      pairs: withKm.length,
      medianAbsPercentError: round1(quantile(kmPct, 0.5)),
      p90AbsPercentError: round1(quantile(kmPct, 0.9)),
      medianSignedPercentError: round1(quantile(kmSigned, 0.5)),
    },
    rows,
  };
}

const dec = (x: number): string => x.toFixed(1);
const decOrDash = (b: BandAccuracy, x: number): string => (b.pairs === 0 ? '–' : `${dec(x)} %`);

/**
 * The validation as Markdown: the table by band, then every pair with its source, as
 * docs/travel.md shows them (a test checks the document against this, so it cannot drift).
 */
export function validationMarkdown(report: ValidationReport): string {
  const lines = [
    '| trip length (published) | pairs | median abs. error | 90th percentile | median % error | 90th percentile % | median signed % | targets met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[...report.bands, report.all].map(
      (b) =>
        `| ${bandLabel(b.band, 'en')} | ${b.pairs} | ${dec(b.medianAbsErrorMinutes)} min | ${dec(b.p90AbsErrorMinutes)} min | ${dec(b.medianAbsPercentError)} % | ${dec(b.p90AbsPercentError)} % | ${dec(b.medianSignedPercentError)} % | ${b.meetsTargets ? 'yes' : 'no'} |`,
    ),
    '',
    'The same pairs by how the source gave the figure: a whole number of hours ("about an hour", "two hours") may be half an hour out either way.',
    '',
    '| trip length (published) | whole hours: pairs | median % error | 90th percentile % | finer: pairs | median % error | 90th percentile % |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.precision.map(
      ({ band, wholeHours: h, finer: f }) =>
        `| ${bandLabel(band, 'en')} | ${h.pairs} | ${decOrDash(h, h.medianAbsPercentError)} | ${decOrDash(h, h.p90AbsPercentError)} | ${f.pairs} | ${decOrDash(f, f.medianAbsPercentError)} | ${decOrDash(f, f.p90AbsPercentError)} |`,
    ),
    '',
    `Road distance, where the source gives one: ${report.km.pairs} pairs, median error ${dec(report.km.medianAbsPercentError)} %, 90th percentile ${dec(report.km.p90AbsPercentError)} %, median signed ${dec(report.km.medianSignedPercentError)} %.`,
    '',
    '| from | to | published | estimate | ferry | source |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.rows.map((r) => {
      const published = [r.minutes !== undefined ? `${r.minutes} min` : '', r.km !== undefined ? `${r.km} km` : '']
        .filter((x) => x)
        .join(', ');
      const estimate = [
        r.minutes !== undefined ? `${dec(r.estimatedMinutes)} min` : '',
        r.km !== undefined ? `${dec(r.estimatedKm)} km` : '',
      ]
        .filter((x) => x)
        .join(', ');
      const cell = (s: string) => s.replace(/\|/g, '/');
      return `| ${cell(r.fromPlace)} (${r.from}) | ${cell(r.toPlace)} (${r.to}) | ${published} | ${estimate} | ${r.viaFerry ? 'ja' : 'nei'} | [${cell(r.source)}](${r.url}) |`;
    }),
  ];
  return lines.join('\n');
}
