import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { capture } from '../builders';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { parseServicePoint } from '../../src/io/servicePoint';
import { norwegian } from '../app/giveAway';
import * as commands from '../../src/app/commands';
import { reference } from '../../src/cli/common';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';

/**
 * `--lang en` end to end on the command line: English lines, headers and labels; and what
 * Kontorplan reads back of its own sheets (KP Optimerte scenarier, KP Avveiing) read back
 * whichever language wrote them.
 */

let dir: string;
let input: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-english-'));
  input = path.join(dir, 'nordland.xlsx');
  expect(await main(['sample', '--county', '18', '--out', input, '--lang', 'en'], capture())).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheetsOf = async (file: string) => (await (await ExcelJsWorkbook.open(file)).read()).sheets;
/** Words only Norwegian output has (whole words, so names such as «Kjente samarbeid» in a list do not count). */
const NORWEGIAN =
  /\b(Skrev|Leste|kommuner|kontor|oppgitt|estimert|ferje|mangler|bevist|snittreisetid|årsverk|Krav|Avveiing:|tjenestesteder|og)\b/;

describe('optimize --lang en, then plan in either language', () => {
  const optimised = () => path.join(dir, 'optimised.xlsx');
  let stdout: string;
  let stderr: string;
  beforeAll(async () => {
    const io = capture();
    // Proven (HiGHS): the alternative the sheets below carry is then found whatever the load.
    const args = ['optimize', input, '--out', optimised(), '--offices', '20', '--sweep', '19-20', '--alternatives', '1'];
    expect(await main([...args, '--lang', 'en'], io)).toBe(0);
    stdout = io.stdout.join('\n');
    stderr = io.stderr.join('\n');
  });

  it('prints English lines', () => {
    expect(stdout).toMatch(/^Optimised 20 offices: proven optimal on these travel times/);
    expect(stdout).toContain('Rules: 20 offices; at least 10.0 FTE per office');
    expect(stdout).toContain('Trade-off (number of offices: mean travel, smallest office in FTE):');
    expect(stderr).toMatch(/^ {2}… finding the best structure/);
    expect(stderr).toMatch(/Wrote .*optimised\.xlsx: /);
    // The municipalities' own names are Norwegian; the lines around them are not.
    const lines = stdout.split('\n').filter((l) => !/^ {2}\S/.test(l));
    expect(lines.filter((l) => NORWEGIAN.test(l))).toEqual([]);
  });

  it('writes English headers and labels that the Scenarier reader knows', async () => {
    const sheets = await sheetsOf(optimised());
    const own = sheets.find((s) => s.name === 'KP Optimerte scenarier')!;
    const header = own.values.findIndex((r) => r[0] === 'Scenario');
    expect(own.values[header]).toEqual([
      'Scenario',
      'Municipality number',
      'Municipality name',
      'Host municipality',
      'Host name',
      'Service point',
      'Host agreement',
      'Service point cost (NOK a year)',
    ]);
    expect(own.values[0]![0]).toBe('Optimised office structures (Kontorplan)');
    const rows = own.values.slice(header + 1).filter((r) => r[0]);
    const labels = new Set(rows.map((r) => r[5]));
    expect(
      [...labels].every(
        (l) =>
          ['main office', 'local office', 'none', 'meeting room', 'branch office'].includes(String(l)) ||
          /^open [\d.]+ days$/.test(String(l)),
      ),
    ).toBe(true);
    // Every label reads back as the service point it names.
    for (const l of labels) expect(parseServicePoint(l)).toBeDefined();
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(['yes']));
    const curve = sheets.find((s) => s.name === 'KP Avveiing')!;
    expect(curve.values.find((r) => r[0] === 'Number of offices')).toEqual([
      'Number of offices',
      'Mean travel (min)',
      'Longest travel (min)',
      'Smallest office (FTE)',
      'Status',
      'Proven gap',
      'Seconds',
    ]);
  });

  test.each([['nb'], ['en']])('plan --lang %s reads the English sheets back and writes the curve again', async (lang) => {
    const out = path.join(dir, `planned-${lang}.xlsx`);
    const io = capture();
    expect(await main(['plan', optimised(), '--out', out, '--lang', lang], io)).toBe(0);
    const said = io.stdout.join('\n');
    // As many as the optimiser wrote: the best and the alternatives it found within 1 %.
    const written = (await sheetsOf(optimised())).find((s) => s.name === 'KP Optimerte scenarier')!;
    const top = written.values.findIndex((r) => r[0] === 'Scenario');
    const count = new Set(
      written.values
        .slice(top + 1)
        .map((r) => r[0])
        .filter((v) => typeof v === 'string' && v !== ''),
    ).size;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(said).toContain(lang === 'en' ? `and ${count} from "KP Optimerte scenarier"` : `og ${count} fra «KP Optimerte scenarier»`);
    if (lang === 'en') {
      expect(said).toContain('Staffing estimated for 41 of 41 municipalities: 4.85 per office');
      expect(said).toMatch(/^Admissible \(all rules and agreement\) +yes\/no +no/m);
      expect(said).toMatch(/^Share over 45 min +inhab\. +0\.6%/m);
    } else expect(said).toMatch(/^Tillatt \(alle krav og avtale\) +ja\/nei +nei/m);
    const before = (await sheetsOf(optimised())).find((s) => s.name === 'KP Avveiing')!;
    const after = (await sheetsOf(out)).find((s) => s.name === 'KP Avveiing')!;
    const points = (v: typeof before.values) => v.filter((r) => typeof r[0] === 'number');
    expect(points(after.values)).toHaveLength(2);
    expect(points(after.values)).toEqual(points(before.values));
    // The headers follow the language of the command that writes the sheet again.
    expect(after.values.some((r) => r[0] === (lang === 'en' ? 'Number of offices' : 'Antall kontor'))).toBe(true);
    const comparison = (await sheetsOf(out)).find((s) => s.name === 'Sammenligning')!;
    const firstCells = comparison.values.map((r) => r[0]);
    if (lang === 'en') {
      expect(String(firstCells[0])).toMatch(/^Scenarios side by side\./);
      expect(String(firstCells[1])).toMatch(/^Rules: at least 10 FTE per office/);
      expect(firstCells).toEqual(expect.arrayContaining(['Measure', 'Rank', 'Scenarios as points (the chart on the right)']));
    } else expect(firstCells).toEqual(expect.arrayContaining(['Mål', 'Rangering']));
    // A scenario's sheet follows the language too: its title, its tables' titles and headers.
    const own = (await sheetsOf(out)).find((s) => s.name === 'KP Optimised 20 offices')!;
    expect(own.values[0]![0]).toBe('Scenario: Optimised 20 offices');
    const titles = own.values.map((r) => r[0]);
    if (lang === 'en') {
      expect(titles).toEqual(expect.arrayContaining(['Offices', 'Members', 'Host municipality', 'Office (host)']));
      expect(own.values[1]![0]).toMatch(/^20 offices, [\d,]+ inhabitants\. Made by Kontorplan/);
    } else expect(titles).toEqual(expect.arrayContaining(['Kontor', 'Medlemmer', 'Vertskommune', 'Kontor (vert)']));
    const scenarios = (await sheetsOf(out)).find((s) => s.name === 'KP Optimerte scenarier')!;
    expect(scenarios.values.some((r) => r[0] === 'Optimised 20 offices alt. 1')).toBe(true);
    // The consequence sheets too: headers, effects and grades' words, in the command's language.
    const consequences = (await sheetsOf(out)).find((s) => s.name.startsWith('KP Konsekvenser'))!;
    const cells = consequences.values.flat();
    if (lang === 'en') {
      expect(String(consequences.values[0]![0])).toMatch(/^Consequences of "/);
      expect(cells).toEqual(expect.arrayContaining(['Effect', 'Measure', 'Extent thresholds', 'Cost of local service points']));
      expect(cells).not.toContain('Virkning');
    } else expect(cells).toEqual(expect.arrayContaining(['Virkning', 'Kostnad for lokale tjenestesteder']));
  });
});

describe('travel --lang en', () => {
  it('prints and writes English', async () => {
    const out = path.join(dir, 'travel.xlsx');
    const io = capture();
    expect(await main(['travel', input, '--out', out, '--lang', 'en'], io)).toBe(0);
    expect(io.stdout[0]).toBe('Travel for 41 municipalities, 1640 pairs:');
    expect(io.stdout.join('\n')).not.toMatch(NORWEGIAN);
    const sheets = await sheetsOf(out);
    const travel = sheets.find((s) => s.name === 'KP Reisetid')!;
    expect(travel.values[1]).toEqual(['From', 'From name', 'To', 'To name', 'Minutes', 'Ferry', 'Source']);
    expect(new Set(travel.values.slice(2, 1642).map((r) => r[6]))).toEqual(new Set(['estimated']));
    expect(new Set(travel.values.slice(2, 1642).map((r) => r[5]))).toEqual(new Set(['yes', 'no']));
    const check = sheets.find((s) => s.name === 'KP Reisetidskontroll')!;
    expect(check.values[0]![0]).toBe('No findings in the given travel times.');
  });
});

describe('costs --lang en', () => {
  it('names the key and its drivers and prints the split in English', async () => {
    const trondelag = path.join(dir, 'trondelag.xlsx');
    expect(await main(['sample', '--county', '50', '--out', trondelag], capture())).toBe(0);
    const io = capture();
    const args = [
      'costs',
      trondelag,
      '--scenario',
      'Kjente samarbeid',
      '--office',
      '5035',
      '--key',
      'mix',
      '--weights',
      'population=0.5,fte=0.5',
    ];
    expect(await main([...args, '--out', path.join(dir, 'costs.xlsx'), '--lang', 'en'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^NAV Stjørdal in "Kjente samarbeid" – mixed: population 0\.5, municipal FTE 0\.5: NOK [\d,]+ in all/);
    expect(io.stdout).toContain('What the cost is made of:');
    expect(io.stdout.join('\n')).toMatch(/^Municipality +Amount \(NOK\) +Share +NOK\/inhab\./m);
    expect(io.stdout.join('\n')).not.toMatch(NORWEGIAN);
    expect(io.stderr.at(-1)).toMatch(/^Wrote .*costs\.xlsx: KP Kostnader 5035 \(formulas:/);
  });
});

describe('travel --accuracy --lang en', () => {
  it('reports the measurement in English', async () => {
    const io = capture();
    expect(await main(['travel', '--accuracy', '--lang', 'en'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^The travel estimate against TØI's car travel times \(\d+ pairs/);
    expect(io.stdout[1]).toMatch(/^ {2}median error \d+\.\d min, 90th percentile \d+\.\d min, median \d+\.\d%$/);
    expect(io.stdout.some((l) => /^ {2}road distance: \d+ pairs/.test(l))).toBe(true);
  });
});

describe('every command with --lang en says nothing in Norwegian', () => {
  /** Names the output may quote: the workbook's municipalities, scenarios, offices and sheets. */
  let names: string[];
  beforeAll(async () => {
    const sheets = await sheetsOf(input);
    const cells = (name: string) =>
      sheets
        .find((s) => s.name === name)!
        .values.flat()
        .filter((v): v is string => typeof v === 'string');
    names = [...sheets.map((s) => s.name), ...cells('Kommuner'), ...cells('Scenarier'), ...cells('Kontorer'), 'NAV'];
  });

  const said = async (args: string[]) => {
    const io = capture();
    const code = await main([...args, '--lang', 'en'], io);
    return { code, lines: [...io.stdout, ...io.stderr] };
  };

  it.each([
    ['sample', ['sample', '--county', '18']],
    ['plan', ['plan', '@input']],
    ['travel', ['travel', '@input']],
    ['costs', ['costs', '@input', '--scenario', 'Known cooperations', '--office', '1841', '--key', 'fixed-plus', '--fixed', '0.3']],
    ['optimize', ['optimize', '@input', '--offices', '12', '--heuristic', '--sweep', '11-12', '--alternatives', '1']],
    ['optimize, rules no structure meets', ['optimize', '@input', '--offices', '2', '--heuristic']],
    ['optimize, a lock to a number the workbook lacks', ['optimize', '@input', '--offices', '12', '--heuristic', '--lock', '1804=9999']],
    ['plan, a planner’s sheet in the way', ['plan', '@conflict']],
  ])(
    '%s',
    async (name, args) => {
      const out = path.join(dir, `said-${name.replace(/\W+/g, '-')}.xlsx`);
      let file = input;
      if (args.includes('@conflict')) {
        // The sample with a sheet of the planner's named as one plan writes.
        file = path.join(dir, 'conflict.xlsx');
        const wb = ExcelJsWorkbook.create();
        await commands.sample(wb, '18', DEFAULT_PARAMETERS, reference(), [], 'en');
        wb.addInputSheets([
          { name: 'Sammenligning', tables: [{ name: 'Mine', startRow: 0, columns: [{ header: 'Note' }], rows: [['mine']] }] },
        ]);
        await wb.save(file);
      }
      const { code, lines } = await said([...args.map((a) => (a.startsWith('@') ? file : a)), '--out', out]);
      expect(lines.length).toBeGreaterThan(0);
      // The sheets written are names too (a scenario's sheet carries the scenario's name).
      const wrote = code === 0 && !args.includes('sample') ? (await sheetsOf(out)).map((s) => s.name) : [];
      expect(norwegian(lines, [...names, ...wrote])).toEqual([]);
      if (name.includes(',')) expect(code).toBe(1);
      else expect(code).toBe(0);
    },
    120_000,
  );
});
