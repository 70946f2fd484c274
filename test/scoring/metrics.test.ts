/**
 * One metric, one file: the declarations in src/scoring/metrics/ are what the rating, the sheet
 * columns and the docs table use; every range is probed at both ends and just outside.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_PARAMETERS, METRIC_IDS, withParameters, type MetricId } from '../../src/domain/parameters';
import { scenarioSheet } from '../../src/io/output';
import { METRICS, metricHeader, metricRatingHeader, rateMetric, type MetricDef, type OfficeMeasures } from '../../src/scoring/metrics';
import { METRIC_DOC_HEADER, metricDocRow } from '../../src/scoring/metrics/docs';
import { scoreAll } from '../../src/scoring';
import { readWorkbook } from '../../src/io/readWorkbook';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID, TOY_SAMARBEID } from '../builders';

/** A middling office: every metric strictly inside its default range. */
const MIDDLE: OfficeMeasures = {
  fte: 20,
  vulnerability: 0.01,
  population: 10000,
  weightedTravelMinutes: 20,
  maxTravelMinutes: 60,
  shareOverThresholds: [0.3, 0.2, 0.1],
  staffTravelMinutesPerWeek: 100,
  baShareInHostRegion: 0.8,
  owners: 4,
  hostPopulationShare: 0.7,
};

/** The office with one metric's raw value set to v (the field that metric reads). */
function withValue(id: MetricId, v: number): OfficeMeasures {
  switch (id) {
    case 'fte':
      return { ...MIDDLE, fte: v };
    case 'vulnerability':
      return { ...MIDDLE, vulnerability: v };
    case 'population':
      return { ...MIDDLE, population: v };
    case 'weightedTravel':
      return { ...MIDDLE, weightedTravelMinutes: v };
    case 'maxTravel':
      return { ...MIDDLE, maxTravelMinutes: v };
    case 'shareOver75':
      return { ...MIDDLE, shareOverThresholds: [0.3, v, 0.1] };
    case 'staffTravel':
      return { ...MIDDLE, staffTravelMinutesPerWeek: v };
    case 'baShareInHostRegion':
      return { ...MIDDLE, baShareInHostRegion: v };
    case 'owners':
      return { ...MIDDLE, owners: v };
    case 'hostPopulationShare':
      return { ...MIDDLE, hostPopulationShare: v };
  }
}

// Hard rules out of the way, so that the range alone decides.
const noRules = withParameters({ minFte: 0, maxOwners: Infinity });

describe('the metric declarations', () => {
  it('declare every metric once, in the order of METRIC_IDS, one file each', () => {
    expect(METRICS.map((m) => m.id)).toEqual([...METRIC_IDS]);
    const files = readdirSync(join(__dirname, '../../src/scoring/metrics'))
      .filter((f) => !['index.ts', 'types.ts', 'docs.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual([...METRIC_IDS].sort());
  });

  it.each(METRICS.map((m) => [m.id, m] as const))('%s: labels, unit, a direction its range agrees with, a source', (_, m: MetricDef) => {
    for (const lang of ['nb', 'en'] as const) {
      expect(m.label[lang].trim()).not.toBe('');
      expect(m.unit[lang].trim()).not.toBe('');
    }
    expect(m.range.weight).toBeGreaterThan(0);
    if (m.direction === 'higher') expect(m.range.best).toBeGreaterThan(m.range.worst);
    else expect(m.range.best).toBeLessThan(m.range.worst);
    expect(['sourced', 'assumption']).toContain(m.source.kind);
    expect(m.source.note.trim()).not.toBe('');
    // A sourced range cites the passages it rests on.
    if (m.source.kind === 'sourced') expect(m.source.passages.length).toBeGreaterThan(0);
    for (const passage of m.source.passages) expect(passage).toMatch(/^00\d L\d+(–\d+)?$/);
  });

  // The reports are in the shared seeds beside the repository; where they are, every cited line exists.
  const seeds = join(__dirname, '../../../shared/seeds');
  (existsSync(seeds) ? it : it.skip)('cite lines that exist in the reports', () => {
    const files = readdirSync(seeds);
    for (const m of METRICS)
      for (const passage of m.source.passages) {
        const [, report, first, last] = /^(\d{3}) L(\d+)(?:–(\d+))?$/.exec(passage)!;
        const lines = readFileSync(
          join(
            seeds,
            files.find((f) => f.startsWith(`${report}_`))!,
          ),
          'utf8',
        ).split('\n');
        for (const n of [first, last ?? first].map(Number)) expect((lines[n - 1] ?? '').trim()).not.toBe('');
      }
  });

  it('are the defaults: DEFAULT_PARAMETERS.ratings is what the files declare', () => {
    for (const m of METRICS) expect(DEFAULT_PARAMETERS.ratings[m.id]).toEqual(m.range);
  });

  it('anchor FTE and population on the research: the abolished guarantee and the size classes', () => {
    // 3 staff: the guarantee (003 L141); 42: Dalane, the smallest medium office (000 L649);
    // 4 853 and 21 059: the inhabitants of Indre Namdal (small, 000 L643) and Dalane (medium).
    expect(DEFAULT_PARAMETERS.ratings.fte).toMatchObject({ worst: 3, best: 42 });
    expect(DEFAULT_PARAMETERS.ratings.population).toMatchObject({ worst: 2287 + 1307 + 818 + 441, best: 14944 + 2831 + 3284 });
  });
});

describe.each(METRICS.map((m) => [m.id, m] as const))('the range of %s', (id, m: MetricDef) => {
  const { worst, best } = m.range;
  // Just outside: a hundredth of the range beyond each end.
  const step = (best - worst) / 100;
  const rated = (v: number) => {
    const o = withValue(id, v);
    expect(m.value(o)).toBe(v);
    return rateMetric(m, o, m.range, noRules);
  };
  it('gives 0 at the worst end and just beyond it', () => {
    expect(rated(worst)).toBe(0);
    expect(rated(worst - step)).toBe(0);
  });
  it('gives 100 at the best end and just beyond it', () => {
    expect(rated(best)).toBe(100);
    expect(rated(best + step)).toBe(100);
  });
  it('gives 1 and 99 just inside the ends, 50 half-way', () => {
    expect(rated(worst + step)).toBe(1);
    expect(rated(best - step)).toBe(99);
    expect(rated((worst + best) / 2)).toBe(50);
  });
  it('follows a range the planner sets', () => {
    const o = withValue(id, (worst + best) / 2);
    expect(rateMetric(m, o, { worst: (worst + best) / 2, best }, noRules)).toBe(0);
    expect(rateMetric(m, o, { worst, best: (worst + best) / 2 }, noRules)).toBe(100);
  });
});

describe('hard rules inside a metric (non-compensatory)', () => {
  const p = withParameters();
  const fte = METRICS.find((m) => m.id === 'fte')!;
  const owners = METRICS.find((m) => m.id === 'owners')!;
  it('rates FTE 0 below the minimum, though the range would give more', () => {
    // 9.9 FTE: (9.9 − 3) / 39 = 18 on the range alone.
    expect(rateMetric(fte, withValue('fte', 9.9), fte.range, noRules)).toBe(18);
    expect(rateMetric(fte, withValue('fte', 9.9), fte.range, p)).toBe(0);
    // At the minimum the rule is kept: (10 − 3) / 39 = 18.
    expect(rateMetric(fte, withValue('fte', 10), fte.range, p)).toBe(18);
  });
  it('rates owners 0 above the maximum', () => {
    // 6 owners: (7 − 6) / 4 = 25 on the range alone.
    expect(rateMetric(owners, withValue('owners', 6), owners.range, noRules)).toBe(25);
    expect(rateMetric(owners, withValue('owners', 6), owners.range, p)).toBe(0);
    expect(rateMetric(owners, withValue('owners', 5), owners.range, p)).toBe(50);
  });
  it('leaves a metric that does not apply unrated', () => {
    const host = METRICS.find((m) => m.id === 'hostPopulationShare')!;
    expect(rateMetric(host, { ...MIDDLE, owners: 1 }, host.range, p)).toBeNull();
    const ba = METRICS.find((m) => m.id === 'baShareInHostRegion')!;
    expect(rateMetric(ba, { ...MIDDLE, baShareInHostRegion: null }, ba.range, p)).toBeNull();
  });
});

describe('the docs table', () => {
  /** The rows of the markdown table that starts with `header`, split into trimmed cells. */
  function docTable(md: string, header: readonly string[]): string[][] {
    const lines = md.split('\n');
    const split = (l: string) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim());
    const start = lines.findIndex((l) => l.trim().startsWith('|') && JSON.stringify(split(l)) === JSON.stringify(header));
    expect(start).toBeGreaterThanOrEqual(0);
    const rows: string[][] = [];
    for (let i = start + 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) rows.push(split(lines[i]!));
    return rows;
  }
  it('in docs/scoring.md is the declarations, row by row and cell by cell', () => {
    const md = readFileSync(join(__dirname, '../../docs/scoring.md'), 'utf8');
    expect(docTable(md, METRIC_DOC_HEADER)).toEqual(METRICS.map(metricDocRow));
  });
});

describe('the office table in each scenario sheet', () => {
  it('has a column of raw values and one of ratings for every declared metric, in their order', () => {
    const p = withParameters();
    const input = readWorkbook(
      snapshot(
        sheet('Kommuner', TOY_KOMMUNER),
        sheet('Reisetid', TOY_REISETID),
        sheet('Bemanning', TOY_BEMANNING),
        sheet('Scenarier', [...TOY_SAMARBEID]),
      ),
      p,
    ).value!;
    const [s] = scoreAll(input, p);
    const table = scenarioSheet(s!, 'KP S', 0, p).tables[0]!;
    const headers = table.columns.map((c) => c.header);
    const raw = METRICS.map((m) => headers.indexOf(metricHeader(m, p)));
    const rating = METRICS.map((m) => headers.indexOf(metricRatingHeader(m, p)));
    // Headers name the metric: «Årsverk», «Vektet reisetid (min)», «Karakter: årsverk (0–100)».
    expect(metricHeader(METRICS[3]!, p)).toBe('Vektet reisetid (min)');
    expect(metricRatingHeader(METRICS[0]!, p)).toBe('Karakter: årsverk (0–100)');
    expect(raw.every((i) => i >= 0)).toBe(true);
    expect(rating.every((i) => i >= 0)).toBe(true);
    expect([...raw].sort((a, b) => a - b)).toEqual(raw);
    // The cells are the office's values and ratings, formatted as declared.
    const office = s!.offices[0]!;
    METRICS.forEach((m, k) => {
      expect(table.rows[0]![raw[k]!]).toBe(m.value(office));
      expect(table.columns[raw[k]!]!.format).toBe(m.format);
      expect(table.rows[0]![rating[k]!]).toBe(office.ratings[m.id]);
    });
  });
});
