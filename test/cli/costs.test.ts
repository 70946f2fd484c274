import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { main } from '../../src/cli/main';
import { capture } from '../builders';

let dir: string;
let input: string;
const SHEET = 'KP Kostnader 5035';

/** Trøndelag's sample plus a Kostnader sheet and a cost per FTE for Stjørdal in Bemanning. */
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-costs-'));
  const sample = path.join(dir, 'trondelag.xlsx');
  expect(await main(['sample', '--county', '50', '--out', sample], capture())).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const costs = wb.addWorksheet('Kostnader');
  costs.addRows([
    ['Linje', 'Beløp', 'Betales av', 'Kontor'],
    ['Husleie', '1 200 000', '', '5035'],
    ['IT og telefoni', 310000, 'felles', '5035'],
    ['Flyktningtjeneste', 450000, 'Stjørdal', '5035'],
    ['Husleie Steinkjer', 900000, '', '5006'],
  ]);
  // A column of the planner's own, to be named as a driver.
  const kommuner = wb.getWorksheet('Kommuner')!;
  const kHeader = kommuner.getRow(1).cellCount >= 3 ? 1 : 2;
  const kCol = kommuner.getRow(kHeader).cellCount + 1;
  kommuner.getRow(kHeader).getCell(kCol).value = 'Arbeidsledige';
  kommuner.eachRow((row, r) => {
    if (r > kHeader) row.getCell(kCol).value = 10 + r * 3;
  });
  const staffing = wb.getWorksheet('Bemanning')!;
  const header = staffing.getRow(2);
  const lastCol = header.cellCount + 1;
  header.getCell(lastCol).value = 'Kostnad per årsverk';
  staffing.eachRow((row, r) => {
    if (r > 2 && row.getCell(1).value === '5035') row.getCell(lastCol).value = 900000;
  });
  input = path.join(dir, 'med-kostnader.xlsx');
  await wb.xlsx.writeFile(input);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The written cost sheet as a spreadsheet engine sees it: values and formulas from the file. */
async function recalculated(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEET)!;
  const grid: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const out: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as ExcelJS.CellValue;
      out[c - 1] =
        v && typeof v === 'object' && 'formula' in v
          ? `=${(v as ExcelJS.CellFormulaValue).formula}`
          : typeof v === 'string' && /^[\d\s.,-]+$/.test(v)
            ? `'${v}`
            : (v as string | number | null);
    });
    grid[r - 1] = out;
  });
  const width = Math.max(...grid.map((r) => r?.length ?? 0));
  const rows = Array.from({ length: grid.length }, (_, i) => Array.from({ length: width }, (_, j) => grid[i]?.[j] ?? null));
  const hf = HyperFormula.buildFromSheets({ S: rows }, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const first = rows.findIndex((r) => r[0] === 'Kommune' && r[1] === 'Beløp å betale (kr)') + 1;
  return { hf, first };
}

type Json = {
  office: string;
  key: string;
  total: number;
  shares: { kommunenummer: string; amount: number; share: number; perCapita: number; standalone: number; change: number }[];
};

describe('kontorplan costs', () => {
  it.each([
    ['per-capita', []],
    ['fixed-plus', ['--fixed', '0.2', '--driver', 'population']],
    ['mix', ['--weights', 'population=0.6,fte=0.4']],
    ['mix', ['--weights', 'population=0.5,arbeidsledige=0.5']],
    ['fixed-plus', ['--fixed', '0.1', '--driver', 'Arbeidsledige']],
    ['own-cost', []],
    ['pooled', []],
  ])('%s: prints the JSON contract and writes formulas that recalculate to exactly those amounts', async (key, extra) => {
    const out = path.join(dir, `${key}.xlsx`);
    const io = capture();
    const code = await main(
      ['costs', input, '--scenario', 'Kjente samarbeid', '--office', '5035', '--key', key, ...extra, '--out', out, '--json'],
      io,
    );
    expect(io.stderr.join('\n')).toContain('Skrev');
    expect(code).toBe(0);
    const json = JSON.parse(io.stdout.join('\n')) as Json;
    expect(json.office).toBe('5035');
    expect(json.key).toBe(key);
    expect(json.shares.map((s) => s.kommunenummer).sort()).toEqual(['5032', '5033', '5034', '5035', '5036']);
    expect(json.shares.reduce((a, s) => a + s.amount, 0)).toBe(json.total);
    // Lines: 1 200 000 + 310 000 + 450 000 for Værnes (Steinkjer's line is another office's).
    const stjordal = json.shares.find((s) => s.kommunenummer === '5035')!;
    if (key !== 'pooled') expect(stjordal.standalone).toBeGreaterThan(450_000);

    const { hf, first } = await recalculated(out);
    const amounts = json.shares.map((_, i) => hf.getCellValue({ sheet: 0, row: first + i, col: 1 }));
    expect(amounts).toEqual(json.shares.map((s) => s.amount));
    // A rådmann changes Tydal's population: the amounts move and still sum to the total.
    const tydal = json.shares.findIndex((s) => s.kommunenummer === '5033');
    hf.setCellContents({ sheet: 0, row: first + tydal, col: 7 }, 5000);
    const after = json.shares.map((_, i) => hf.getCellValue({ sheet: 0, row: first + i, col: 1 }) as number);
    expect(after.reduce((a, b) => a + b, 0)).toBe(json.total);
    if (key !== 'own-cost' && !extra.includes('Arbeidsledige')) expect(after[tydal]).not.toBe(amounts[tydal]);
  });

  it('uses Stjørdal’s own cost per FTE from Bemanning, and the flag (or the stated default) for the others', async () => {
    const run = async (extra: string[]) => {
      const io = capture();
      const args = [
        'costs',
        input,
        '--scenario',
        'Kjente samarbeid',
        '--office',
        '5035',
        '--key',
        'own-cost',
        '--out',
        path.join(dir, 'x.xlsx'),
      ];
      expect(await main([...args, ...extra], io)).toBe(0);
      return io.stdout.join('\n');
    };
    expect(await run([])).toContain('Kostnad per kommunalt årsverk: 850');
    const standalone = async (perFte: string) =>
      new Map((JSON.parse(await run(['--cost-per-fte', perFte, '--json'])) as Json).shares.map((s) => [s.kommunenummer, s.standalone]));
    const low = await standalone('800000');
    const high = await standalone('1000000');
    expect(high.get('5035')).toBe(low.get('5035'));
    expect(high.get('5032')!).toBeGreaterThan(low.get('5032')!);
  });

  it('says what is wrong, exits 1 and writes nothing', async () => {
    const cases: [string[], string][] = [
      [
        ['--scenario', 'Finnes ikke', '--office', '5035'],
        'scenarioet «Finnes ikke» finnes ikke; velg ett av: 1 «Dagens struktur (per 2020)», 2',
      ],
      [['--scenario', 'Kjente samarbeid', '--office', 'Atlantis'], '«Atlantis» er ikke en kommune i arket Kommuner'],
      [
        ['--scenario', 'Kjente samarbeid', '--office', '5035', '--phase-in', 'Steinkjer', '--phase', '2025=0.5'],
        'Steinkjer er ikke med i NAV Stjørdal',
      ],
      [
        ['--scenario', 'Kjente samarbeid', '--office', '5032'],
        '5032 Selbu er ikke vertskommune i «Kjente samarbeid», men er med i kontoret til 5035 Stjørdal; kontor med flere kommuner:',
      ],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      const file = path.join(dir, 'feil.xlsx');
      expect(await main(['costs', input, ...args, '--out', file], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain(message);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('rejects unknown keys and incomplete key parameters as usage errors', async () => {
    const base = ['costs', input, '--scenario', 'Kjente samarbeid', '--office', '5035', '--out', path.join(dir, 'y.xlsx')];
    const io = capture();
    expect(await main([...base, '--key', 'per-hode'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('ukjent nøkkel «per-hode»');
    const io2 = capture();
    expect(await main([...base, '--key', 'fixed-plus'], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('fixed-plus trenger --fixed');
    const io3 = capture();
    expect(await main([...base, '--key', 'mix', '--weights', 'hoder=1'], io3)).toBe(2);
    expect(io3.stderr.join('\n')).toContain(
      'ukjent driver «hoder»; bruk population, users, spending, fte eller en tallkolonne i Kommuner:',
    );
    expect(io3.stderr.join('\n')).toContain('Arbeidsledige');
    // A share above 1 without its percent sign is a typo, not 1.5 %: the member would pay a hundredth.
    for (const phase of ['2025=1.5', '2025=50', '2025=0.5,2026=2']) {
      const io4 = capture();
      expect(await main([...base, '--key', 'per-innbygger', '--phase-in', 'tydal', '--phase', phase], io4)).toBe(2);
      expect(io4.stderr.join('\n')).toContain('--phase må være ÅR=ANDEL,… med andeler fra 0 til 1 (0.5) eller prosent med tegnet (50%)');
    }
    expect(existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
  });

  it('cost sheets for several offices accumulate, and plan and optimize keep them beside their own sheets', async () => {
    const first = path.join(dir, 'kjede-1.xlsx');
    const second = path.join(dir, 'kjede-2.xlsx');
    const third = path.join(dir, 'kjede-3.xlsx');
    const fourth = path.join(dir, 'kjede-4.xlsx');
    expect(await main(['costs', input, '--scenario', 'Kjente samarbeid', '--office', '5035', '--out', first], capture())).toBe(0);
    expect(await main(['costs', first, '--scenario', 'Kjente samarbeid', '--office', '5006', '--out', second], capture())).toBe(0);
    expect(await main(['plan', second, '--out', third], capture())).toBe(0);
    expect(
      await main(
        ['optimize', third, '--out', fourth, '--offices', '20', '--sweep', 'none', '--alternatives', '0', '--heuristic'],
        capture(),
      ),
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fourth);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['KP Kostnader 5035', 'KP Kostnader 5006', 'Sammenligning', 'KP Optimerte scenarier', 'KP Avveiing']),
    );
    expect(names.filter((n) => n.startsWith('KP Kostnader'))).toHaveLength(2);
    // The kept cost sheet still holds its formulas.
    const cost = wb.getWorksheet('KP Kostnader 5035')!;
    let formulas = 0;
    cost.eachRow((row) => row.eachCell((c) => (formulas += c.formula ? 1 : 0)));
    expect(formulas).toBeGreaterThan(50);
  });
  it('takes the office and scenario by name or number, and key names in Norwegian', async () => {
    const run = async (args: string[]) => {
      const io = capture();
      expect(await main(['costs', input, ...args, '--out', path.join(dir, 'navn.xlsx'), '--json'], io)).toBe(0);
      return JSON.parse(io.stdout.join('\n')) as Json & { scenario: string };
    };
    const byNumber = await run(['--scenario', 'Kjente samarbeid', '--office', '5035', '--key', 'own-cost']);
    const byName = await run(['--scenario', '3', '--office', 'Stjørdal', '--key', 'krone-for-krone']);
    expect(byName.office).toBe('5035');
    expect(byName.scenario).toBe('Kjente samarbeid');
    expect(byName.shares).toEqual(byNumber.shares);
    // Any official form of a name: "Namsos - Nåavmesjenjaelmie" is found as "Nåavmesjenjaelmie" too.
    expect((await run(['--scenario', 'kjente samarbeid', '--office', 'Nåavmesjenjaelmie'])).office).toBe('5007');
    for (const [nb, en] of [
      ['like-deler', 'equal'],
      ['per-innbygger', 'per-capita'],
      ['felles-budsjett', 'pooled'],
      ['etter-årsverk', 'per-fte'],
    ]) {
      const a = await run(['--scenario', 'Kjente samarbeid', '--office', 'Stjørdal', '--key', nb!]);
      expect(a.key).toBe(en);
    }
  });

  it('prints the breakdown: staff by municipality, the lines with the state’s part, and the totals', async () => {
    const io = capture();
    expect(await main(['costs', input, '--scenario', 'Kjente samarbeid', '--office', '5035', '--out', path.join(dir, 'b.xlsx')], io)).toBe(
      0,
    );
    const text = io.stdout.join('\n');
    expect(text).toContain('Hva kostnaden består av:');
    expect(text).toMatch(/Lønn Stjørdal\s+[\d\s\u00a0]+\s+\(\d+,?\d* årsverk × 900\u00a0000\)/);
    expect(text).toMatch(/Flyktningtjeneste\s+450\u00a0000\s+\(kommunenes del betales av Stjørdal\)/);
    expect(text).toMatch(/Kommunene i alt/);
  });
});

describe('kontorplan costs on a workbook with the traps a planner falls into', () => {
  let trap: string;
  const STAFF_CELL = 'B5';
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'trondelag.xlsx'));
    const costs = wb.addWorksheet('Kostnader');
    costs.addRows([
      ['Linje', 'Beløp', 'Betales av', 'Kontor', 'Statens andel'],
      ['Husleie', 1_200_000, '', '5035', '40 %'],
      ['IT og telefoni', 310_000, 'felles', '5035', ''],
      ['Flyktningtjeneste', 450_000, 5035, '5035', 0],
      ['Lønn og sosiale kostnader', 20_000_000, '', '5035', ''],
    ]);
    // Bemanning with only a total per municipality: the split is an assumption.
    wb.removeWorksheet(wb.getWorksheet('Bemanning')!.id);
    const staffing = wb.addWorksheet('Bemanning');
    staffing.addRows([
      ['Kommunenummer', 'Årsverk'],
      ['5035', 44],
      ['5032', 8],
      ['5034', 5],
      ['5036', 5],
      ['5033', 2],
    ]);
    // Social-assistance spending in Kommuner, for the pool.
    const kommuner = wb.getWorksheet('Kommuner')!;
    const col = kommuner.getRow(1).cellCount + 1;
    kommuner.getRow(1).getCell(col).value = 'Sosialhjelpsutgifter';
    kommuner.eachRow((row, r) => {
      if (r > 1) row.getCell(col).value = 1_000 * (Number(row.getCell(4).value) || 0);
    });
    trap = path.join(dir, 'feller.xlsx');
    await wb.xlsx.writeFile(trap);
  });

  it('warns at its cell when a line looks like the staff cost, and when the staff split is only assumed (nb and en)', async () => {
    const io = capture();
    expect(
      await main(['costs', trap, '--scenario', 'Kjente samarbeid', '--office', 'Stjørdal', '--out', path.join(dir, 'w.xlsx')], io),
    ).toBe(0);
    const err = io.stderr.join('\n');
    expect(err).toContain(
      `Merk: Kostnader!${STAFF_CELL}: linjen «Lønn og sosiale kostnader» (20\u00a0000\u00a0000 kr) ligner lønnskostnaden`,
    );
    expect(err).toMatch(
      /Merk: (Bemanning|Kontorer): arket gir bare årsverk i alt for Stjørdal, Selbu, Tydal, Meråker, Frosta; 40 % regnes som kommunale \(en antakelse/,
    );
    const en = capture();
    await main(
      ['costs', trap, '--scenario', 'Kjente samarbeid', '--office', 'Stjørdal', '--out', path.join(dir, 'w.xlsx'), '--lang', 'en'],
      en,
    );
    expect(en.stderr.join('\n')).toContain(`Note: Kostnader!${STAFF_CELL}: the line "Lønn og sosiale kostnader"`);
  });

  it('a payer typed as a number, the state share, the social pool and the phase-in reach the JSON and the sheet', async () => {
    const out = path.join(dir, 'pott.xlsx');
    const io = capture();
    const args = ['costs', trap, '--scenario', 'Kjente samarbeid', '--office', '5035', '--key', 'per-capita', '--json'];
    const extra = ['--pool-social', 'per-innbygger', '--phase-in', 'tydal', '--phase', '2025=0.5,2026=75%,2027=1'];
    expect(await main([...args, ...extra, '--out', out], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n')) as Json & {
      breakdown: { stateTotal: number; staffTotal: number; municipalTotal: number };
      socialPool: { pot: number; shares: { pays: number }[] };
      phaseIn: { member: string; years: { label: string; share: number; amounts: number[] }[] };
    };
    expect(json.breakdown.stateTotal).toBe(480_000);
    expect(json.total).toBe(Math.round(json.breakdown.municipalTotal));
    // Stjørdal alone pays the refugee service typed as 5035 (a number).
    expect(json.shares.find((s) => s.kommunenummer === '5035')!.standalone).toBeGreaterThanOrEqual(450_000);
    expect(json.socialPool.shares.reduce((a, s) => a + s.pays, 0)).toBe(json.socialPool.pot);
    expect(json.phaseIn.member).toBe('5033');
    expect(json.phaseIn.years.map((y) => y.share)).toEqual([0.5, 0.75, 1]);
    for (const y of json.phaseIn.years) expect(y.amounts.reduce((a, b) => a + b, 0)).toBe(json.total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SHEET)!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sosialhjelp i felles pott/), expect.stringMatching(/^Innfasing av Tydal/)]),
    );
  });
});
