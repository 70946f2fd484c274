import { withParameters } from '../../src/domain/parameters';
import type { CellValue } from '../../src/domain/sheets';
import { formatProblem } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/readWorkbook';
import { scenarioSheet } from '../../src/io/output';
import { scoreAll } from '../../src/scoring';
import { sheet, snapshot, TOY_KOMMUNER } from '../builders';

const params = withParameters();
const HEAD = [
  'Kontor',
  'Vertskommune',
  'Medlemskommuner',
  'Kontorsteder',
  'Statlige årsverk',
  'Kommunale årsverk',
  'Juridisk form',
  'Avtaledato',
  'Kilde',
];
const GOOD: CellValue[][] = [
  HEAD,
  ['NAV Avik', 'Avik', 'Avik og Bø i Toy', 'Bø i Toy 2', 12, 8, 'vertskommune', '01.03.2019', 'NAV fylke'],
  ['NAV Hamn', '9003', '9003, 9004; 9005', '9004 møterom', null, null, '', '2018', ''],
];
const read = (rows: CellValue[][]) => readWorkbook(snapshot(sheet('Kommuner', TOY_KOMMUNER), sheet('Kontorer', rows)), params);
const messages = (rows: CellValue[][]) => read(rows).problems.map((p) => formatProblem(p));

describe('the Kontorer sheet', () => {
  it('is today’s structure, scored first as «Dagens struktur (per DATE)», with its staffing spread by population', () => {
    const { value, problems } = read(GOOD);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [today] = value!.scenarios;
    expect(today!.name).toBe('Dagens struktur (per 01.03.2019)');
    expect(value!.sheetsUsed).toMatchObject({ offices: 'Kontorer', baseline: today!.name });
    // Read for an English run, the name is English and still the baseline.
    const en = readWorkbook(snapshot(sheet('Kommuner', TOY_KOMMUNER), sheet('Kontorer', GOOD)), params, { lang: 'en' }).value!;
    expect(en.scenarios[0]!.name).toBe('Current structure (as of 01.03.2019)');
    expect(en.sheetsUsed.baseline).toBe('Current structure (as of 01.03.2019)');
    const avik = today!.offices.find((o) => o.host === '9001')!;
    expect(avik.members).toEqual([
      { number: '9001', servicePoint: { kind: 'full' } },
      { number: '9002', servicePoint: { kind: 'branch', days: 2 } },
    ]);
    const hamn = today!.offices.find((o) => o.host === '9003')!;
    expect(hamn.members.map((m) => m.servicePoint.kind)).toEqual(['full', 'meeting', 'none']);
    // 20 FTE for 9 000 + 1 000 inhabitants: 90 % and 10 %, given.
    expect(value!.staffing.get('9001' as never)).toMatchObject({ stateFte: 10.8, municipalFte: 7.2, provenance: 'given' });
    expect(value!.staffing.get('9002' as never)).toMatchObject({ provenance: 'given' });
    expect(value!.staffing.get('9003' as never)!.provenance).toBe('estimated');
    // Municipalities in no office count as their own, with a note.
    expect(problems.map((p) => formatProblem(p))).toContain(
      'Kontorer: 2 kommune(r) står ikke i noe kontor: 9006 Ro - Rávvu, 9007 Sø; de regnes som egne kontor i dagens struktur',
    );
    expect(today!.offices).toHaveLength(4);
  });

  it('shows a blank legal form as ukjent, never as an agreement', () => {
    const { value } = read(GOOD);
    const [today] = scoreAll(value!, params);
    const hamn = today!.offices.find((o) => o.host === '9003')!;
    expect(hamn).toMatchObject({ legalForm: 'ukjent', informal: false });
    const sheetRows = scenarioSheet(today!, 'KP Dagens', 0, params).tables[0]!.rows;
    const column = scenarioSheet(today!, 'KP Dagens', 0, params).tables[0]!.columns.findIndex((c) => /avtale|uformel/i.test(c.header));
    expect(column).toBeGreaterThanOrEqual(0);
    expect(sheetRows.map((r) => r[column])).toEqual(expect.arrayContaining(['avtale', 'ukjent']));
    // A warning, not a breach, and the sheet never claims an agreement for it.
    expect(today!.totals.unknownLegalForm).toBe(1);
    const heading = scenarioSheet(today!, 'KP Dagens', 0, params).heading!.join(' ');
    expect(heading).not.toContain('har vertskommuneavtale der de deles)');
  });

  it.each([
    [
      'a member in two offices',
      (rows: CellValue[][]) => (rows[2]![2] = '9003, 9004, 9002'),
      'Kontorer!C3: kommune 9002 Bø i Toy er med i to kontor: «NAV Hamn» og «NAV Avik» (Kontorer!C2); hver kommune hører til ett kontor',
    ],
    [
      'a host not among the members',
      (rows: CellValue[][]) => (rows[2]![1] = '9007'),
      'Kontorer!B3: vertskommunen 9007 Sø er ikke blant medlemskommunene i «NAV Hamn» (9003 Hamn, 9004 Pe, 9005 Qu)',
    ],
    ['FTE as text', (rows: CellValue[][]) => (rows[1]![4] = 'tolv'), 'Kontorer!E2: "tolv" er ikke et tall'],
    [
      'an unknown municipality',
      (rows: CellValue[][]) => (rows[2]![2] = '9003, Atlantis'),
      'Kontorer!C3: "Atlantis" er ikke en kommune i arket Kommuner',
    ],
    [
      'a location outside the office',
      (rows: CellValue[][]) => (rows[1]![3] = 'Pe 3'),
      'Kontorer!D2: kontorstedet i 9004 Pe er ikke i en medlemskommune av «NAV Avik»',
    ],
    [
      'a legal form that is none',
      (rows: CellValue[][]) => (rows[1]![6] = 'ja'),
      'Kontorer!G2: "ja" er ikke en juridisk form (vertskommune, sammenslått, uformelt, ukjent)',
    ],
  ])('names the cell of %s, and reads nothing', (_, spoil, message) => {
    const rows = GOOD.map((r) => [...r]);
    spoil(rows);
    expect(messages(rows)).toContain(message);
    expect(read(rows).value).toBeUndefined();
  });

  it('speaks English too', () => {
    const rows = GOOD.map((r) => [...r]);
    rows[2]![1] = '9007';
    const p = read(rows).problems.find((x) => x.code === 'officeHostNotMember')!;
    expect(formatProblem(p, 'en')).toBe(
      'Kontorer!B3: the host 9007 Sø is not among the member municipalities of "NAV Hamn" (9003 Hamn, 9004 Pe, 9005 Qu)',
    );
  });
});

describe('a totals row in Kontorer', () => {
  it('is skipped with a note, as in Kommuner, instead of failing the run', () => {
    const { value, problems } = read([
      ...GOOD,
      ['Sum', null, null, null, { formula: 'SUM(E2:E3)', result: 12 } as unknown as CellValue, null, '', '', ''],
    ]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => formatProblem(p))).toContainEqual(expect.stringContaining('Kontorer!A4'));
    expect(value!.scenarios[0]!.offices.map((o) => o.host).sort()).toEqual(['9001', '9003', '9006', '9007']);
  });
});

describe('lists in Kontorer', () => {
  it('keeps a name with «og» in it whole, and takes a bare number as a 5-day location', () => {
    const kommuner = [...TOY_KOMMUNER, ['9008', 'Evje og Hornnes', 3700, '3', '90', 66.6, 14.0]];
    const rows: CellValue[][] = [HEAD, ['NAV Sø', 'Sø', 'Sø og Evje og Hornnes', '9008; Sø 5', null, null, 'vertskommune', '2020', '']];
    const { value, problems } = readWorkbook(snapshot(sheet('Kommuner', kommuner), sheet('Kontorer', rows)), params);
    expect(problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p))).toEqual([]);
    const so = value!.scenarios[0]!.offices.find((o) => o.host === '9007')!;
    expect(so.members).toEqual([
      { number: '9007', servicePoint: { kind: 'full' } },
      { number: '9008', servicePoint: { kind: 'branch', days: 5 } },
    ]);
  });
});
