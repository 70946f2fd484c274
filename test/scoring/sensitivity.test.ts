/**
 * The single index's sensitivity: does the order survive each weight halved or doubled?
 * Numbers computed by hand in the comments (weights: FTE 1, weighted travel 2; the other
 * metrics do not apply to these offices, so their weights change nothing).
 */
import { METRIC_IDS, withParameters, type MetricId } from '../../src/domain/parameters';
import { comparisonSheet } from '../../src/io/output';
import { flipsText, sensitivityText } from '../../src/io/verdictText';
import { readWorkbook } from '../../src/io/readWorkbook';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID, TOY_SAMARBEID } from '../builders';
import { scoreAll } from '../../src/scoring';
import { indexWith, weightSensitivity } from '../../src/scoring/sensitivity';
import type { ScenarioScore } from '../../src/scoring/score';
import { weightsOf } from '../../src/scoring/score';

const p = withParameters();

/** A scenario of one office of 1 000 inhabitants rated `fte` and `travel`, nothing else applying. */
function scenario(name: string, fte: number, travel: number, pass = true): ScenarioScore {
  const ratings = Object.fromEntries(METRIC_IDS.map((id) => [id, null])) as Record<MetricId, number | null>;
  ratings.fte = fte;
  ratings.weightedTravel = travel;
  const office = { ratings, population: 1000, pass, informal: false, members: [{}] };
  return {
    name,
    offices: [office],
    admissible: pass,
    breaches: pass ? [] : [{ kommunenummer: '9001' }],
    totals: { rating: indexWith({ offices: [office] } as never, weightsOf(p)) },
  } as unknown as ScenarioScore;
}

describe('the index under other weights', () => {
  it('is the weighted mean, and 0 for an office that breaks a rule', () => {
    // (100 · 1 + 40 · 2) / 3 = 60
    expect(scenario('A', 100, 40).totals.rating).toBe(60);
    // (20 · 1 + 75 · 2) / 3 = 56.7
    expect(scenario('B', 20, 75).totals.rating).toBe(57);
    expect(scenario('C', 100, 100, false).totals.rating).toBe(0);
  });
});

describe('weightSensitivity', () => {
  it('reports which weight changes which pair, and leaves the rest', () => {
    const scores = [scenario('A', 100, 40), scenario('B', 20, 75), scenario('C', 100, 100, false)];
    const changes = weightSensitivity(scores, p);
    // Every metric with a weight, halved and doubled.
    expect(changes).toHaveLength(2 * METRIC_IDS.length);
    const of = (metric: MetricId, factor: number) => changes.find((c) => c.metric === metric && c.factor === factor)!;
    // FTE halved: A (50 + 80) / 2.5 = 52, B (10 + 150) / 2.5 = 64: B moves ahead of A.
    expect(of('fte', 0.5)).toMatchObject({ from: 1, weight: 0.5, flips: [{ ahead: 'A', behind: 'B', kind: 'swap' }] });
    // FTE doubled: A (200 + 80) / 4 = 70, B (40 + 150) / 4 = 47.5: the order holds.
    expect(of('fte', 2).flips).toEqual([]);
    // Travel halved: A (100 + 40) / 2 = 70, B (20 + 75) / 2 = 47.5: holds.
    expect(of('weightedTravel', 0.5).flips).toEqual([]);
    // Travel doubled: A (100 + 160) / 5 = 52, B (20 + 300) / 5 = 64: swap.
    expect(of('weightedTravel', 2)).toMatchObject({ from: 2, weight: 4, flips: [{ ahead: 'A', behind: 'B', kind: 'swap' }] });
    // The other weights weigh ratings that do not apply here; C breaks a rule and stays last.
    expect(changes.filter((c) => c.flips.length > 0).map((c) => `${c.metric}×${c.factor}`)).toEqual(['fte×0.5', 'weightedTravel×2']);
    expect(sensitivityText(changes, p)).toBe(
      'Følsomhet: rekkefølgen endres når vekten for årsverk halvert (1 → 0,5): «B» går foran «A»; ' +
        'vekten for vektet reisetid doblet (2 → 4): «B» går foran «A». De andre 18 endringene (hver vekt halvert eller doblet) flytter ingen forbi en som var foran.',
    );
  });

  it('says once, with a count, when two scenarios only become level', () => {
    // A (62 + 120) / 3 = 60.7 → 61 is ahead of B (60 + 120) / 3 = 60. FTE halved: A (31 + 120) / 2.5
    // = 60.4 → 60, level with B; travel doubled: A (62 + 240) / 5 = 60.4 → 60, level again. No change
    // puts B ahead.
    const near = weightSensitivity([scenario('A', 62, 60), scenario('B', 60, 60)], p);
    const tying = near.filter((c) => c.flips.length > 0);
    expect(tying.map((c) => `${c.metric}×${c.factor}`)).toEqual(['fte×0.5', 'weightedTravel×2']);
    expect(tying.every((c) => c.flips.every((f) => f.kind === 'tie'))).toBe(true);
    expect(sensitivityText(near, p)).toBe(
      'Følsomhet: ingen scenario går forbi et som var foran når hver av de 10 vektene halveres eller dobles. «A» og «B» blir like ved 2 av endringene, uten at den ene går forbi den andre.',
    );
    expect(sensitivityText(near, p, 'en')).toBe(
      'Sensitivity: no scenario passes one that was ahead when each of the 10 weights is halved or doubled. "A" and "B" become level under 2 of the changes, neither passing the other.',
    );
  });

  it('says when scenarios that were level come apart, and when the order holds', () => {
    // A (100 + 80) / 3 = 60 and B (40 + 140) / 3 = 60 are level; FTE halved: A 52, B (20 + 140) / 2.5 = 64.
    const level = weightSensitivity([scenario('A', 100, 40), scenario('B', 40, 70)], p);
    expect(level.find((c) => c.metric === 'fte' && c.factor === 0.5)!.flips).toEqual([{ ahead: 'B', behind: 'A', kind: 'split' }]);
    // Said once, with how many changes part them, not change by change.
    const parting = level.filter((c) => c.flips.length > 0).length;
    expect(parting).toBeGreaterThan(1);
    expect(sensitivityText(level, p)).toBe(
      `Følsomhet: rekkefølgen står seg når hver av de 10 vektene halveres eller dobles. Scenarier som står likt («B» og «A») skilles av ${parting} av endringene, uten at noen går forbi en som var foran.`,
    );
    // Equal ratings on every metric: nothing can move them.
    const same = weightSensitivity([scenario('A', 50, 50), scenario('B', 50, 50)], p);
    expect(same.every((c) => c.flips.length === 0)).toBe(true);
    expect(sensitivityText(same, p, 'en')).toBe('Sensitivity: the order holds when each of the 10 weights is halved or doubled.');
  });
});

describe('scoreAll', () => {
  it('gives scenarios with the same breaches and index the same rank', () => {
    const input = scoreAll(
      {
        municipalities: [{ number: '9001', name: 'A', population: 5000, county: '90', row: 1 }],
        travel: {
          numbers: ['9001'],
          minutes: [Float64Array.from([0])],
          provenance: [['given']],
          viaFerry: [new Uint8Array(1)],
          within: Float64Array.from([3]),
          withinSource: ['given'],
        },
        staffing: new Map([['9001', { stateFte: 9, municipalFte: 6, provenance: 'given' }]]),
        scenarios: ['X', 'Y'].map((name) => ({
          name,
          offices: [{ host: '9001', members: [{ number: '9001', servicePoint: { kind: 'full' } }], hostAgreement: true }],
        })),
      } as never,
      p,
    );
    expect(input.map((s) => s.rank)).toEqual([1, 1]);
  });
});

describe('Sammenligning', () => {
  it('shows the weights used, the defaults, the source kind and what each change of weight moves', () => {
    const input = readWorkbook(
      snapshot(
        sheet('Kommuner', TOY_KOMMUNER),
        sheet('Reisetid', TOY_REISETID),
        sheet('Bemanning', TOY_BEMANNING),
        sheet('Scenarier', [...TOY_SAMARBEID, ...TOY_KOMMUNER.slice(1).map((r) => ['Alene', String(r[0]), String(r[0]), '', ''])]),
        sheet('Vekter', [
          ['Mål', 'Vekt'],
          ['weightedTravel', 3],
        ]),
      ),
      p,
    ).value!;
    const scores = scoreAll(input, p);
    const sheetSpec = comparisonSheet(scores, p);
    const table = sheetSpec.tables.find((t) => t.name === 'KP_Vekter')!;
    expect(table.rows.map((r) => r[1])).toEqual([...METRIC_IDS]);
    // Label, id, unit, better, worst, best, weight used, default weight, source.
    expect(table.rows[0]!.slice(0, 9)).toEqual([
      'Årsverk',
      'fte',
      'årsverk',
      'høyere',
      3,
      42,
      1,
      1,
      'kilde (003 L141–145, 000 L629, 000 L649)',
    ]);
    // The planner's weight beside the default.
    expect(table.rows[3]!.slice(6, 8)).toEqual([3, 2]);
    // Halved and doubled: «nei» where the order holds, else the pairs.
    METRIC_IDS.forEach((id, k) =>
      [0.5, 2].forEach((factor, j) => {
        const c = scores[0]!.sensitivity.find((x) => x.metric === id && x.factor === factor)!;
        expect(table.rows[k]![9 + j]).toBe(c.flips.length === 0 ? 'nei' : flipsText(c));
      }),
    );
    expect(sheetSpec.heading!.join(' ')).toContain('0 for et kontor som bryter et krav');
    expect(sheetSpec.heading!.join(' ')).toContain(sensitivityText(scores[0]!.sensitivity, p));
    // The tables follow each other without overlapping.
    const ends = sheetSpec.tables.map((t) => [t.startRow, t.startRow + t.rows.length] as const);
    ends.slice(1).forEach(([start], i) => expect(start).toBeGreaterThan(ends[i]![1] + 1));
  });
});
