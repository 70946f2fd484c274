import { DEFAULT_PARAMETERS, withParameters } from '../../src/domain/parameters';
import type { CellValue } from '../../src/domain/sheets';
import { formatProblem, type Problem } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/readWorkbook';
import { travelMinutes, travelProvenance } from '../../src/travel/matrix';
import { sheet, snapshot, TOY_KOMMUNER } from '../builders';

const params = withParameters();
const errors = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p));
const n = (s: string) => s as never;

describe('readWorkbook: a planner’s own workbook', () => {
  it('finds sheets and columns by name in any order and case, with names instead of numbers', () => {
    const result = readWorkbook(
      snapshot(
        sheet('Data 2026', [
          ['Oversikt over kommunene'],
          [],
          ['INNBYGGERE 1.1.2025', 'Innbyggere 1.1.2026', 'kommune', 'KNR'],
          ['1 000', '1\u00a0234', 'Fauske - Fuossko', 1841],
          [2000, 2100, 'Sørfold', '1845'],
          [500, 520, 'Hábmer - Hamarøy', '1875'],
          [null, 3854, 'Sum', null],
        ]),
        sheet('Reisetider', [
          ['Til', 'Fra', 'Minutter', 'Ferje'],
          ['Fauske', 'Sørfold', '45,5', 'nei'],
          ['Fuossko', 'Hamarøy', 95, 'ja'],
          ['Sørfold', 'Hábmer - Hamarøy', 60, 'nei'],
        ]),
        sheet('Alternativer', [
          ['Vertskommune', 'Kommune', 'Scenario', 'Tjenestested'],
          ['Fauske', 'Fauske', 'Indre Salten', 'hovedkontor'],
          ['1841', 'Sørfold', 'Indre Salten', 'møterom'],
          [1841, 'Hamarøy', 'Indre Salten', 'åpningsdager 2'],
        ]),
      ),
      params,
    );
    expect(errors(result.problems)).toEqual([]);
    const v = result.value!;
    expect(v.sheetsUsed).toEqual({
      municipalities: 'Data 2026',
      travel: ['Reisetider'],
      ferries: [],
      staffing: undefined,
      scenarios: 'Alternativer',
    });
    expect(v.municipalities.map((m) => [m.number, m.population])).toEqual([
      ['1841', 1234],
      ['1845', 2100],
      ['1875', 520],
    ]);
    // "Fra" and "Til" columns swapped relative to the usual order: from Sørfold to Fauske.
    expect(travelMinutes(v.travel, n('1845'), n('1841'))).toBe(45.5);
    expect(travelMinutes(v.travel, n('1841'), n('1845'))).toBe(45.5);
    expect(travelProvenance(v.travel, n('1841'), n('1845'))).toBe('given');
    expect(travelMinutes(v.travel, n('1875'), n('1841'))).toBe(95);
    const office = v.scenarios[0]!.offices[0]!;
    expect(office.host).toBe('1841');
    expect(office.members.map((m) => [m.number, m.servicePoint])).toEqual([
      ['1841', { kind: 'full' }],
      ['1845', { kind: 'meeting' }],
      ['1875', { kind: 'branch', days: 2 }],
    ]);
    // The latest population column is used, and the planner is told so.
    expect(result.problems.map((p) => formatProblem(p))).toContain(
      "'Data 2026'!B3: flere kolonner passer til «folketall»; bruker «Innbyggere 1.1.2026»",
    );
  });

  it('reads a square travel matrix keyed by name, asymmetric, with staffing', () => {
    const result = readWorkbook(
      snapshot(
        sheet('Kommuner', [
          ['Kommunenummer', 'Kommunenavn', 'Befolkning'],
          [301, 'Oslo', 700000],
          ['3201', 'Bærum', 130000],
        ]),
        sheet('Reisetid', [
          ['', 'Oslo', 'Bærum'],
          ['Oslo', 0, 20],
          ['Bærum', 25, 0],
        ]),
        sheet('Bemanning', [
          ['Kommune', 'Statlige årsverk', 'Kommunale årsverk', 'Kilde'],
          ['0301', '400', '350,5', ''],
        ]),
      ),
      params,
    );
    expect(errors(result.problems)).toEqual([]);
    const v = result.value!;
    expect(v.municipalities[0]!.number).toBe('0301');
    expect(travelMinutes(v.travel, n('0301'), n('3201'))).toBe(20);
    expect(travelMinutes(v.travel, n('3201'), n('0301'))).toBe(25);
    expect(v.staffing.get(n('0301'))).toEqual({
      stateFte: 400,
      municipalFte: 350.5,
      provenance: 'given',
      costPerFte: undefined,
      premisesCost: undefined,
    });
    // Bærum (130 000) has no staffing row: its part per inhabitant estimated and marked.
    expect(v.staffing.get(n('3201'))).toMatchObject({ provenance: 'estimated' });
    expect(v.staffing.get(n('3201'))!.stateFte + v.staffing.get(n('3201'))!.municipalFte).toBeCloseTo(params.staffPer1000 * 130);
    expect(v.staffing.get(n('3201'))!.municipalFte).toBeCloseTo(params.staffPer1000 * 130 * params.municipalShareOfFte);
    // No Scenarier sheet: one office per municipality, named as the theoretical start it is.
    expect(v.scenarios.map((s) => [s.name, s.offices.length])).toEqual([['Én kommune – ett kontor (teoretisk utgangspunkt)', 2]]);
  });

  it('estimates missing pairs from coordinates and marks them, keeping "estimert" rows as estimates', () => {
    const result = readWorkbook(
      snapshot(
        sheet('Kommuner', TOY_KOMMUNER),
        sheet('Reisetid', [
          ['fra', 'til', 'minutter', 'kilde'],
          ['9001', '9002', 12, 'oppgitt'],
          ['9003', '9004', 30, 'estimert'],
        ]),
      ),
      params,
    );
    const v = result.value!;
    expect(travelProvenance(v.travel, n('9001'), n('9002'))).toBe('given');
    expect(travelProvenance(v.travel, n('9003'), n('9004'))).toBe('estimated');
    expect(travelProvenance(v.travel, n('9001'), n('9003'))).toBe('estimated');
    // No network here: a straight line. 1° of latitude is 111.195 km, at the national speed.
    const p = DEFAULT_PARAMETERS;
    expect(travelMinutes(v.travel, n('9001'), n('9003'))).toBeCloseTo(
      p.estimateFixedMinutes + (111.195 * p.detourFactor * 60) / p.roadSpeedKmh,
      1,
    );
  });

  it('fills BA region and coordinates from the embedded data when the sheet lacks them', () => {
    const reference = new Map([
      ['1841', { name: 'Fauske - Fuossko', county: '18', baRegion: '120', baRegionName: 'Fauske', lat: 67.2, lon: 15.8 }],
    ]);
    const result = readWorkbook(
      snapshot(
        sheet('Kommuner', [
          ['knr', 'folketall'],
          ['1841', 9707],
        ]),
      ),
      params,
      { reference },
    );
    expect(result.value!.municipalities[0]).toMatchObject({ name: 'Fauske - Fuossko', baRegion: '120', lat: 67.2 });
    expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});

describe('readWorkbook: every problem at once, at its cell', () => {
  const kommuner: CellValue[][] = [
    ['Kommunenr', 'Navn', 'Folketall'],
    ['1841', 'Fauske', 9707],
    ['1845', 'Sørfold', 1819],
  ];

  test.each<[string, CellValue[][][], string[]]>([
    [
      'no Kommuner sheet at all',
      [],
      ['Kommuner: fant ikke arket med kommuner og folketall (ventet et ark som heter for eksempel «Kommuner»)'],
    ],
    [
      'a missing required column',
      [
        [
          ['Kommunenr', 'Navn'],
          ['1841', 'Fauske'],
        ],
      ],
      ['Kommuner!A1: mangler kolonnen «folketall» (fant overskriftene: Kommunenr, Navn)'],
    ],
    [
      'a duplicate municipality (0301 typed as 301)',
      [
        [
          ['Knr', 'Folketall'],
          ['0301', 1],
          [301, 2],
        ],
      ],
      ['Kommuner!A3: kommune 0301 står to ganger (også i Kommuner!A2)'],
    ],
    [
      'non-numeric, negative and error populations, and a bad number',
      [
        [
          ['Knr', 'Folketall'],
          ['1841', '12 3x'],
          ['1845', -5],
          ['1875', { error: '#REF!' }],
          ['18x5', 10],
        ],
      ],
      [
        'Kommuner!B2: "12 3x" er ikke et tall',
        'Kommuner!B3: -5 er negativt',
        'Kommuner!B4: cellen inneholder feilverdien #REF!',
        'Kommuner!A5: "18x5" er ikke et kommunenummer (fire sifre, f.eks. 0301)',
      ],
    ],
  ])('reports %s', (_, sheets, expected) => {
    const result = readWorkbook(snapshot(...sheets.map((values, i) => sheet(i === 0 ? 'Kommuner' : `Ark${i}`, values))), params);
    expect(result.value).toBeUndefined();
    expect(errors(result.problems)).toEqual(expected);
  });

  it('reports unknown municipalities in travel, staffing and scenarios', () => {
    const result = readWorkbook(
      snapshot(
        sheet('Kommuner', kommuner),
        sheet('Reisetid', [
          ['fra', 'til', 'minutter'],
          ['Fauske', 'Atlantis', 10],
          ['1841', '1845', 'lang'],
        ]),
        sheet('Bemanning', [
          ['kommunenummer', 'årsverk'],
          ['9999', 3],
        ]),
        sheet('Scenarier', [
          ['scenario', 'kommune', 'vertskommune'],
          ['A', '1841', ''],
          ['A', '1845', 'Bodø'],
        ]),
      ),
      params,
    );
    expect(errors(result.problems)).toEqual([
      'Reisetid!B2: "Atlantis" er ikke en kommune i arket Kommuner',
      'Reisetid!C3: "lang" er ikke en reisetid (minutter, f.eks. 85, «85 min», «1 t 25 min» eller «1:25»)',
      'Bemanning!A2: bemanning for 9999, som ikke er en kommune i arket Kommuner',
      'Scenarier!C3: "Bodø" er ikke en kommune i arket Kommuner',
    ]);
  });

  it('reports missing travel pairs that cannot be estimated, at the municipality’s row', () => {
    const result = readWorkbook(
      snapshot(
        sheet('Kommuner', kommuner),
        sheet('Scenarier', [
          ['scenario', 'kommune', 'vertskommune'],
          ['A', '1841', '1841'],
          ['A', '1845', '1841'],
        ]),
      ),
      params,
    );
    expect(errors(result.problems)).toEqual([
      'Kommuner!A2: reisetid mangler for 1 par med 1841 Fauske (f.eks. til 1845 Sørfold), og kommunen har ingen koordinater å estimere fra',
    ]);
  });

  it('reports a municipality in two offices, in none, and a host outside its own office', () => {
    const result = readWorkbook(
      snapshot(
        sheet('Kommuner', [...kommuner, ['1875', 'Hamarøy', 2808]]),
        sheet('Reisetid', [
          ['fra', 'til', 'minutter'],
          ['1841', '1845', 40],
          ['1841', '1875', 90],
          ['1845', '1875', 60],
        ]),
        sheet('Scenarier', [
          ['scenario', 'kommune', 'vertskommune', 'tjenestested'],
          ['To ganger', '1841', '1841', ''],
          ['To ganger', '1845', '1841', 'ingen'],
          ['To ganger', '1845', '1845', ''],
          ['To ganger', '1875', '1841', 'ingen'],
          ['Vert utenfor', '1841', '1845', ''],
          ['Vert utenfor', '1845', '1875', ''],
          ['Vert utenfor', '1875', '1875', 'fredager'],
          ['Mangler', '1841', '', ''],
          ['Mangler', '1845', '', ''],
        ]),
      ),
      params,
    );
    // Scenarier's problems are kept apart: every scenario here is broken, and listed.
    expect(errors(result.problems)).toEqual([]);
    expect(result.value!.scenarios).toEqual([]);
    expect(result.value!.sheetsUsed.brokenScenarios).toEqual(['To ganger', 'Vert utenfor', 'Mangler']);
    expect(errors(result.scenarioProblems)).toEqual([
      'Scenarier!B4: kommune 1845 er med to ganger i scenario «To ganger» (også i Scenarier!B3)',
      'Scenarier!D8: "fredager" er ikke et tjenestested (hovedkontor, avdelingskontor, åpningsdager N, møterom, ingen)',
      'Scenarier!C6: vertskommunen 1845 Sørfold er ikke med i sitt eget kontor i scenario «Vert utenfor»: den har selv vertskommune 1875 Hamarøy (Scenarier!C7)',
      'Scenarier!A9: scenario «Mangler» mangler 1 kommune(r): 1875 Hamarøy; hver kommune må høre til nøyaktig ett kontor',
    ]);
  });

  it('speaks English when asked', () => {
    const result = readWorkbook(
      snapshot(
        sheet('Kommuner', [
          ['Knr', 'Folketall'],
          ['1841', '12 3x'],
        ]),
      ),
      params,
    );
    expect(result.problems.map((p) => formatProblem(p, 'en'))).toEqual(['Kommuner!B2: "12 3x" is not a number']);
  });
});

describe('readWorkbook: Kontorplan’s own sheet of optimised scenarios', () => {
  it('finds its table however long the heading above it (the heading grows with what the optimiser reports)', () => {
    const heading: CellValue[][] = Array.from({ length: 14 }, (_, k) => [`Linje ${k + 1} av overskriften`]);
    const table: CellValue[][] = [
      ['Scenario', 'Kommunenummer', 'Kommunenavn', 'Vertskommune', 'Vertskommunens navn', 'Tjenestested', 'Vertskommuneavtale'],
      ...TOY_KOMMUNER.slice(1).map((r) => ['Optimert', String(r[0]), String(r[1]), String(r[0]), String(r[1]), 'hovedkontor', 'ja']),
    ];
    const book = snapshot(sheet('Kommuner', TOY_KOMMUNER), sheet('KP Optimerte scenarier', [...heading, [], ...table]));
    const read = readWorkbook({ ...book, ownedSheets: ['KP Optimerte scenarier'] }, withParameters());
    expect(read.value?.sheetsUsed.optimizedScenarioNames).toEqual(['Optimert']);
    expect(read.value?.scenarios.find((s) => s.name === 'Optimert')?.offices).toHaveLength(TOY_KOMMUNER.length - 1);
  });
});
