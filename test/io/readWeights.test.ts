/**
 * The planner's Vekter sheet: weights and scales of the index, read by id or label, every
 * mistake reported at its cell and nothing scored.
 */
import type { CellValue } from '../../src/domain/sheets';
import { DEFAULT_PARAMETERS, withParameters } from '../../src/domain/parameters';
import { buildSampleWorkbook } from '../../src/data/sample';
import { formatProblem } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/readWorkbook';
import { scoreAll } from '../../src/scoring';
import { embedded, sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID, TOY_SAMARBEID } from '../builders';

const p = withParameters();
const read = (vekter: CellValue[][], name = 'Vekter') =>
  readWorkbook(
    snapshot(
      sheet('Kommuner', TOY_KOMMUNER),
      sheet('Reisetid', TOY_REISETID),
      sheet('Bemanning', TOY_BEMANNING),
      sheet('Scenarier', [...TOY_SAMARBEID]),
      sheet(name, vekter),
    ),
    p,
  );
const errors = (vekter: CellValue[][], lang: 'nb' | 'en' = 'nb') => {
  const r = read(vekter);
  expect(r.value).toBeUndefined();
  return r.problems.filter((x) => x.severity === 'error').map((x) => formatProblem(x, lang));
};

describe('the Vekter sheet', () => {
  it('changes the weights the index uses, by id or by label; blank cells keep the default', () => {
    const r = read([
      ['Mål', 'Vekt', 'Verste ende (0)', 'Beste ende (100)'],
      ['weightedTravel', 0, null, null],
      ['Årsverk', null, 10, 30],
      ["Host's share of the inhabitants", 1, '', ''],
    ]);
    expect(r.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.value!.ratings).toEqual({ weightedTravel: { weight: 0 }, fte: { worst: 10, best: 30 }, hostPopulationShare: { weight: 1 } });
    expect(r.value!.sheetsUsed.weights).toBe('Vekter');
    const [s] = scoreAll(r.value!, p);
    expect(s!.weights.weightedTravel).toEqual({ worst: 60, best: 0, weight: 0 });
    expect(s!.weights.fte).toEqual({ worst: 10, best: 30, weight: 1 });
    const two = s!.offices[0]!;
    // Avik hosts Bø: 22 FTE on 10 → 30 rates (22 − 10) / 20 = 60; the others as in score.test.ts.
    expect(two.ratings.fte).toBe(60);
    // (60 + 100 + 32 + 0 · 95 + 100 + 100 + 0.5 · 100 + 100 + 0.5 · 100 + 1 · 14) / 8 = 606 / 8 = 75.75
    expect(two.rating).toBe(76);
  });

  it('is found under its English name, and the sample ships one with the defaults', () => {
    expect(
      read(
        [
          ['metric', 'weight'],
          ['owners', 2],
        ],
        'Weights',
      ).value!.ratings,
    ).toEqual({ owners: { weight: 2 } });
    const specs = buildSampleWorkbook(
      embedded().filter((m) => m.county === '18'),
      DEFAULT_PARAMETERS,
      'Nordland',
    );
    const vekter = specs.find((s) => s.name === 'Vekter')!;
    const t = vekter.tables[0]!;
    const values: CellValue[][] = [[...(vekter.heading ?? [])], t.columns.map((c) => c.header), ...(t.rows as CellValue[][])];
    const r = read(values);
    expect(r.problems.filter((x) => x.severity === 'error')).toEqual([]);
    for (const [id, range] of Object.entries(r.value!.ratings!))
      expect({ ...DEFAULT_PARAMETERS.ratings[id as 'fte'], ...range }).toEqual(DEFAULT_PARAMETERS.ratings[id as 'fte']);
    expect(Object.keys(r.value!.ratings!)).toHaveLength(10);
  });

  it('reports every mistake at its cell, in Norwegian and English, and scores nothing', () => {
    const bad: CellValue[][] = [
      ['Mål', 'Vekt', 'Verste', 'Beste'],
      ['reisetid', 1, null, null],
      ['fte', -1, null, null],
      ['population', 1, 30000, 5000],
      ['vulnerability', 1, 0.05, 0.05],
      ['shareOver75', 1, 50, 0],
      ['owners', 'mye', null, null],
      ['Eiere', 1, null, null],
      ['staffTravel', 1, null, null],
      ['Ansattreiser (min/uke)', 2, null, null],
    ];
    expect(errors(bad)).toEqual([
      'Vekter!A2: «reisetid» er ikke et mål Kontorplan gir karakter for; bruk ett av: fte, vulnerability, population, weightedTravel, maxTravel, shareOver75, staffTravel, baShareInHostRegion, owners, hostPopulationShare',
      'Vekter!B3: -1 er negativt',
      'Vekter!D4: skalaen for Innbyggere går feil vei (verste 30000, beste 5000); for dette målet er høyere bedre',
      'Vekter!D5: verste og beste ende for Sårbarhet er like (0.05); skalaen trenger to ulike ender',
      'Vekter!C6: 50 er over 100 % for Andel over 75 min, som er en andel; skriv 0,5, eller 50 % i en celle med prosentformat',
      'Vekter!B7: "mye" er ikke et tall',
      'Vekter!A8: «Eiere» står allerede i A7; hvert mål én gang',
      'Vekter!A10: «Ansattreiser (min/uke)» står allerede i A9; hvert mål én gang',
    ]);
    expect(errors(bad.slice(0, 4), 'en')[2]).toBe(
      'Vekter!D4: the scale for Innbyggere runs the wrong way (worst 30000, best 5000); for this measure higher is better',
    );
  });

  it('refuses every weight 0, and a sheet without its columns', () => {
    const zero: CellValue[][] = [['Mål', 'Vekt'], ...DEFAULT_PARAMETERS_IDS.map((id) => [id, 0])];
    expect(errors(zero)).toEqual(['Vekter!B1: alle vekter er 0, så ingen mål teller i karakteren; gi minst ett mål en vekt over 0']);
    expect(
      errors([
        ['Mål', 'Verdi'],
        ['fte', 1],
      ]),
    ).toEqual(['Vekter!A1: mangler kolonnen «vekt» (fant overskriftene: Mål, Verdi)']);
  });
});

const DEFAULT_PARAMETERS_IDS = Object.keys(DEFAULT_PARAMETERS.ratings);
