import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadEmbedded } from '../../src/cli/common';
import { embeddedReadOptions } from '../../src/data/embedded';
import { withParameters } from '../../src/domain/parameters';
import { describeInputs } from '../../src/io/mapping';
import { formatProblem, type Problem } from '../../src/io/problems';
import { parseDuration } from '../../src/io/readCell';
import { readWorkbook } from '../../src/io/readWorkbook';
import { travelMinutes, travelProvenance } from '../../src/travel/matrix';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';

/**
 * The workbooks of test/fixtures/inputs (built by scripts/build-input-fixtures.js): data as
 * planners have it, read and checked against the figures they were made from
 * (assets/kommuner_2024.csv, SSB table 07459).
 */
const dir = path.join(__dirname, '..', 'fixtures', 'inputs');
const params = withParameters();
const data = loadEmbedded();
const options = embeddedReadOptions(data);
const csv = readFileSync(path.join(__dirname, '..', '..', 'assets', 'kommuner_2024.csv'), 'utf8')
  .trim()
  .split('\n');
const head = csv[0]!.split(',');
const population = (year: number, county: string) =>
  csv
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[head.indexOf('fylkesnummer')] === county)
    .reduce((s, c) => s + Number(c[head.indexOf(`folketall_${year}`)]), 0);

async function read(file: string) {
  const wb = await ExcelJsWorkbook.open(path.join(dir, file));
  return readWorkbook(await wb.read(), params, options);
}
const text = (ps: readonly Problem[], severity: Problem['severity']) =>
  ps.filter((p) => p.severity === severity).map((p) => formatProblem(p));

describe('SSB exports as downloaded', () => {
  it('reads the statbank layout (region, statistikkvariabel merged down, years, footer) and takes the latest year', async () => {
    const r = await read('ssb-07459-statbank.xlsx');
    expect(text(r.problems, 'error')).toEqual([]);
    const v = r.value!;
    expect(v.sheetsUsed.municipalities).toBe('07459');
    expect(v.municipalities).toHaveLength(41);
    // The county's population on 1 January 2026, as SSB's table gives it.
    expect(v.municipalities.reduce((s, m) => s + m.population, 0)).toBe(population(2026, '18'));
    const bodo = v.municipalities.find((m) => m.number === '1804')!;
    expect(bodo.name).toBe('Bodø');
    expect(text(r.problems, 'warning')).toContain(
      '07459!E3: tabellen fra SSB 07459 har tall for årene 2024, 2025, 2026; bruker 2026 for «folketall»',
    );
    // The footer (Kilde, Tabell, Sist oppdatert) is not read as municipalities.
    expect(r.problems.filter((p) => /A4[6-9]/.test(p.cell ?? ''))).toEqual([]);
  });

  it('sums a table by kjønn per municipality (the region merged down over its rows)', async () => {
    const r = await read('ssb-07459-kjonn.xlsx');
    expect(text(r.problems, 'error')).toEqual([]);
    const v = r.value!;
    expect(v.municipalities).toHaveLength(41);
    expect(v.municipalities.reduce((s, m) => s + m.population, 0)).toBe(population(2026, '18'));
    expect(v.municipalities.find((m) => m.number === '1841')!.population).toBe(data.find((m) => m.number === '1841')!.population2026);
    expect(text(r.problems, 'warning')).toContain('07459!A3: tabellen har flere rader per kommune (kjønn); tallene er summert per kommune');
  });

  it('explains SSB’s symbol for a missing figure at its cell', () => {
    const r = readWorkbook(
      {
        sheets: [
          {
            name: '07459',
            visible: true,
            values: [
              ['07459: Befolkning'],
              [],
              ['region', 'statistikkvariabel', '2025', '2026'],
              ['1804 Bodø', 'Personer', 53725, '..'],
              ['1841 Fauske - Fuossko', null, 9800, 9811],
            ],
          },
        ],
        ownedSheets: [],
      },
      params,
      options,
    );
    expect(text(r.problems, 'error')).toEqual([
      '07459!D4: «..» er SSBs tegn for at tallet mangler eller ikke vises; last ned et år som har tall, eller skriv inn folketallet',
    ]);
  });

  it('shows the task pane’s data tab the columns an SSB export is read by', async () => {
    const snapshot = await (await ExcelJsWorkbook.open(path.join(dir, 'ssb-07459-statbank.xlsx'))).read();
    const found = describeInputs(snapshot, { municipalities: '07459' }).find((f) => f.kind === 'municipalities')!;
    const header = (key: string) => found.fields.find((f) => f.key === key)!.header;
    expect([header('number'), header('population')]).toEqual(['kommunenummer', 'Folketall 2026']);
  });

  it('reads PxWeb 2’s layout (variable over the years, no stub label, K-codes) and skips the county row', async () => {
    const r = await read('ssb-07459-pxweb.xlsx');
    expect(text(r.problems, 'error')).toEqual([]);
    const v = r.value!;
    expect(v.municipalities).toHaveLength(41);
    expect(v.municipalities.reduce((s, m) => s + m.population, 0)).toBe(population(2026, '18'));
    expect(v.municipalities[0]).toMatchObject({ number: '1804', name: 'Bodø' });
    const notes = text(r.problems, 'warning');
    expect(notes).toContain('07459!A5: raden «F-18 Nordland» ser ut som en sumrad og er hoppet over');
    expect(notes).toContain('07459!D4: tabellen fra SSB 07459 har tall for årene 2024, 2025, 2026; bruker 2026 for «folketall»');
  });

  it('reads a KOSTRA table with two variables over the years: population and recipients, latest year of each', async () => {
    const r = await read('kostra-finnmark.xlsx');
    expect(text(r.problems, 'error')).toEqual([]);
    const v = r.value!;
    expect(v.municipalities).toHaveLength(18);
    expect(v.municipalities.reduce((s, m) => s + m.population, 0)).toBe(population(2026, '56'));
    const alta = v.municipalities.find((m) => m.number === '5601')!;
    expect(alta.users).toBe(Math.round(alta.population * 0.03));
  });
});

describe('travel times copied from a routing tool', () => {
  const minutesOf = (i: number, j: number) => (i === j ? 0 : 10 + 7 * Math.abs(i - j) + ((i + j) % 5));

  it.each([
    ['85', 85],
    ['85 min', 85],
    ['85 minutter', 85],
    ['1 t 25 min', 85],
    ['1 time 25 minutter', 85],
    ['2 timer', 120],
    ['1 h 25 min', 85],
    ['1 hr 25 mins', 85],
    ['1:25', 85],
    ['0:05', 5],
    ['1,5 t', 90],
  ])('«%s» is %p minutes', (s, m) => expect(parseDuration(s)).toBe(m));

  it.each(['85 minuter', '1 t 25', 'en time', '1:75', '12 km'])('«%s» is not a duration', (s) => expect(parseDuration(s)).toBeUndefined());

  it('reads every form in a 21 × 21 matrix keyed by names', async () => {
    const r = await read('reisetid-ruteplanlegger.xlsx');
    expect(text(r.problems, 'error')).toEqual([]);
    const v = r.value!;
    const ms = v.municipalities;
    expect(ms).toHaveLength(21);
    for (let i = 0; i < 21; i++)
      for (let j = 0; j < 21; j++) {
        if (i === j) continue;
        expect([i, j, travelMinutes(v.travel, ms[i]!.number, ms[j]!.number)]).toEqual([i, j, minutesOf(i, j)]);
        expect(travelProvenance(v.travel, ms[i]!.number, ms[j]!.number)).toBe('given');
      }
  });

  it('reads a ferry’s sailing time and headway as durations too', () => {
    const r = readWorkbook(
      {
        sheets: [
          {
            name: 'Kommuner',
            visible: true,
            values: [
              ['Kommunenummer', 'Folketall'],
              ['1804', 53638],
              ['1856', 470],
            ],
          },
          {
            name: 'Ferjer',
            visible: true,
            values: [
              ['Fra', 'Til', 'Seiletid', 'Avgangsintervall'],
              ['Bodø', 'Røst', '3 t 45 min', '24:00'],
            ],
          },
        ],
        ownedSheets: [],
      },
      params,
      options,
    );
    expect(text(r.problems, 'error')).toEqual([]);
    const own = r.value!.travelReport.ferries.filter((l) => l.source === 'Ferjer!A2');
    expect(own).toMatchObject([{ a: '1804', b: '1856', sailingMinutes: 225, headwayMinutes: 1440 }]);
  });

  it('shows 20 of 441 identical errors and counts the rest', async () => {
    const r = await read('reisetid-skrivefeil.xlsx');
    const errors = text(r.problems, 'error');
    expect(errors).toHaveLength(21);
    expect(errors[0]).toBe('Reisetid!B2: "0 minuter" er ikke en reisetid (minutter, f.eks. 85, «85 min», «1 t 25 min» eller «1:25»)');
    expect(errors[20]).toBe('Reisetid: og 421 celler til i arket med samme slags feil som over («150 minuter»); de 20 første er vist');
  });
});

describe('Kommuner by name only', () => {
  it('finds each municipality by any official form of its name, parts in either order', async () => {
    const r = await read('kommuner-navn.xlsx');
    expect(text(r.problems, 'error')).toEqual([]);
    const v = r.value!;
    expect(v.municipalities.map((m) => [m.number, m.name])).toEqual([
      ['5612', 'Guovdageaidnu - Kautokeino'],
      ['5610', 'Kárášjohka - Karasjok'],
      ['5622', 'Porsanger - Porsáŋgu - Porsanki'],
      ['5620', 'Nordkapp'],
      ['5628', 'Deatnu - Tana'],
      ['5636', 'Unjárga - Nesseby'],
    ]);
    // The planner's notes have a Kommune column but are no input: not read, and said so.
    expect(v.sheetsUsed.staffing).toBeUndefined();
    expect(text(r.problems, 'warning')).toContain(
      'Notater: arket er ikke lest: det har en kolonne «Kommune», men verken navnet eller overskriftene viser at det er Kommuner, Reisetid, Bemanning, Kontorer, Scenarier eller Kostnader (gi arket et slikt navn for å bruke det)',
    );
    // «Guovdageaidnu-Kautokeino» to «Karasjok» in Reisetid: 1 t 45 min.
    expect(travelMinutes(v.travel, '5612' as never, '5610' as never)).toBe(105);
  });
});

describe('staffing per NAV office', () => {
  it('lands each office’s FTE on the office, spread over its municipalities by population, never twice', async () => {
    const r = await read('bemanning-per-kontor.xlsx');
    expect(text(r.problems, 'error')).toEqual([]);
    const v = r.value!;
    expect(v.sheetsUsed.staffing).toBe('Bemanning');
    const members = ['1841', '1845', '1875', '1839', '1840'];
    const sum = (ns: readonly string[], k: 'stateFte' | 'municipalFte') => ns.reduce((s, n) => s + v.staffing.get(n as never)![k], 0);
    expect(sum(members, 'stateFte')).toBeCloseTo(24, 9);
    expect(sum(members, 'municipalFte')).toBeCloseTo(18.5, 9);
    expect(v.staffing.get('1804' as never)).toMatchObject({ stateFte: 61, municipalFte: 48, provenance: 'given' });
    for (const n of members) expect(v.staffing.get(n as never)!.provenance).toBe('given');
    // By population: Fauske's share of the office is its share of the inhabitants.
    const pop = (n: string) => v.municipalities.find((m) => m.number === n)!.population;
    const total = members.reduce((s, n) => s + pop(n), 0);
    expect(v.staffing.get('1841' as never)!.stateFte).toBeCloseTo((24 * pop('1841')) / total, 9);
    expect(text(r.problems, 'warning')).toContain(
      'Bemanning!A2: «NAV Indre Salten» har 42,5 årsverk for 5 kommuner; de er fordelt på kommunene etter folketall, slik at kontoret har nøyaktig sine egne årsverk når det vurderes med de samme kommunene',
    );
  });

  it('refuses a municipality in two offices, naming both cells', () => {
    const r = readWorkbook(
      {
        sheets: [
          {
            name: 'Kommuner',
            visible: true,
            values: [
              ['Kommunenummer', 'Folketall'],
              ['1841', 9900],
              ['1845', 1900],
            ],
          },
          {
            name: 'Bemanning',
            visible: true,
            values: [
              ['NAV-kontor', 'Kommuner', 'Årsverk'],
              ['NAV Fauske', 'Fauske, Sørfold', 20],
              ['NAV Sørfold', 'Sørfold', 3],
            ],
          },
        ],
        ownedSheets: [],
      },
      params,
      options,
    );
    expect(text(r.problems, 'error')).toEqual([
      'Bemanning!B3: kommune 1845 Sørfold er med i to kontor: «NAV Sørfold» og «NAV Fauske» (Bemanning!B2); hver kommune hører til ett kontor',
    ]);
  });
});
