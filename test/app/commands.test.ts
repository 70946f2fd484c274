import * as commands from '../../src/app/commands';
import { lowestOfficeCount, optimise, parseLocks, type Optimised } from '../../src/app/optimise';
import { DEFAULT_PARAMETERS, withParameters } from '../../src/domain/parameters';
import { message } from '../../src/io/messages';
import { OPTIMIZED_SCENARIOS_SHEET, TRADEOFF_SHEET } from '../../src/io/optimizeOutput';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';
import { reference } from '../../src/cli/common';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { InputSheetsPort, WorkbookPort } from '../../src/workbook/port';
import type { SheetSpec } from '../../src/domain/sheets';

/**
 * The command layer over every adapter: the same commands, the same results, whether the
 * workbook is in memory, an .xlsx file (exceljs, through a saved buffer) or open in Excel
 * (the Office adapter over the fake Excel, which keeps Office.js's proxy semantics).
 */

const ref = reference();
const p = DEFAULT_PARAMETERS;

type Adapter = {
  name: string;
  /** A new, empty workbook of the adapter. */
  fresh: () => WorkbookPort & InputSheetsPort;
  /** The workbook as the next command finds it (for exceljs: saved and opened again). */
  reopen: (wb: WorkbookPort) => Promise<WorkbookPort>;
};

const office = (excel: FakeExcel) => Object.assign(new OfficeWorkbook(excel.run), { excel });

const adapters: Adapter[] = [
  { name: 'memory', fresh: () => new MemoryWorkbook(), reopen: async (wb) => wb },
  {
    name: 'exceljs',
    fresh: () => ExcelJsWorkbook.create(),
    reopen: async (wb) => ExcelJsWorkbook.fromBuffer(await (wb as ExcelJsWorkbook).toBuffer()),
  },
  {
    name: 'Office',
    fresh: () => office(new FakeExcel()),
    // The pane reads the same open workbook again: a new adapter over the same Excel.
    reopen: async (wb) => office((wb as OfficeWorkbook & { excel: FakeExcel }).excel),
  },
];

/** A planner's own sheet with the name of one Kontorplan writes. */
const notes: SheetSpec = {
  name: 'Sammenligning',
  tables: [{ name: 'Notater', startRow: 0, columns: [{ header: 'Notat' }], rows: [['mine']] }],
};

const sheetNames = async (wb: WorkbookPort) => (await wb.read()).sheets.map((s) => s.name);

describe.each(adapters)('commands on the $name adapter', ({ fresh, reopen }) => {
  const sampled = async (county: string, extra: SheetSpec[] = []) => {
    const wb = fresh();
    expect((await commands.sample(wb, county, p, ref)).failure).toBeUndefined();
    await wb.addInputSheets(extra);
    return reopen(wb);
  };

  it('sample adds the planner’s input sheets, not as Kontorplan’s own', async () => {
    const wb = fresh();
    const r = await commands.sample(wb, '15', p, ref);
    expect(r.written).toEqual(['Kommuner', 'Reisetid', 'Bemanning', 'Kontorer', 'Scenarier', 'Om dataene', 'Vekter']);
    expect(r.summary?.countyName).toBe('Møre og Romsdal');
    const snapshot = await (await reopen(wb)).read();
    expect(snapshot.sheets.map((x) => x.name)).toEqual(r.written);
    expect(snapshot.ownedSheets).toEqual([]);
  });

  it('sample refuses a county that does not exist, naming the ones that do', async () => {
    const wb = fresh();
    const r = await commands.sample(wb, '99', p, ref);
    expect((await wb.read()).sheets).toEqual([]);
    expect(r.written).toEqual([]);
    expect(r.failure?.code).toBe('unknownCounty');
    expect(String(r.failure?.params.counties)).toContain('18 Nordland');
  });

  it('plan scores every scenario and writes its sheets as Kontorplan’s own', async () => {
    const wb = await sampled('18');
    const r = await commands.plan(wb, p, ref);
    expect(r.failure).toBeUndefined();
    const s = r.summary!;
    // Today's structure from Kontorer and the sample's three scenarios.
    expect(s.scores.map((x) => x.name)).toEqual([
      'Dagens struktur (per 2020)',
      'Én kommune – ett kontor (teoretisk utgangspunkt)',
      'Kjente samarbeid',
      'Ett kontor per BA-region',
    ]);
    expect(r.written.at(-1)).toBe('Sammenligning');
    const snapshot = await wb.read();
    expect(snapshot.ownedSheets).toEqual(expect.arrayContaining([...r.written]));
    // The planner's sheets are still there, untouched.
    expect(snapshot.sheets.map((x) => x.name)).toEqual(expect.arrayContaining(['Kommuner', 'Scenarier']));
  });

  it('travel writes the full matrix and says what it rests on', async () => {
    const wb = await sampled('03');
    const r = await commands.travel(wb, p, ref, 'en');
    expect(r.written).toEqual(['KP Reisetid', 'KP Reisetidskontroll']);
    // Oslo is one municipality: no pairs.
    expect(r.summary).toMatchObject({ municipalities: 1, pairs: 0, missing: 0 });
  });

  it('costs splits one office under a key and writes its live sheet', async () => {
    const wb = await sampled('50');
    const request = {
      scenario: 'Kjente samarbeid',
      host: '5035',
      key: { kind: 'per-capita' as const },
      costPerFte: 850_000,
      costPerFteGiven: false,
    };
    const r = await commands.costs(wb, p, ref, request);
    expect(r.failure).toBeUndefined();
    expect(r.written).toEqual(['KP Kostnader 5035']);
    const split = r.summary!.split;
    expect(split.shares.reduce((a, x) => a + x.amount, 0)).toBeCloseTo(split.total, 0);
    // Per capita: each member's share of the cost is its share of the inhabitants.
    const people = split.shares.reduce((a, x) => a + x.amount / x.perCapita, 0);
    for (const x of split.shares) expect(x.share).toBeCloseTo(x.amount / x.perCapita / people, 6);
    expect((await wb.read()).ownedSheets).toContain('KP Kostnader 5035');
  });

  it('costs refuses a phase-in of a municipality outside the office and writes nothing', async () => {
    const wb = await sampled('50');
    const before = await sheetNames(wb);
    const r = await commands.costs(wb, p, ref, {
      scenario: 'Kjente samarbeid',
      host: '5035',
      key: { kind: 'per-capita' },
      costPerFte: 850_000,
      costPerFteGiven: false,
      phaseIn: { member: 'Steinkjer', steps: [{ label: '2025', share: 0.5 }] },
    });
    expect(r.written).toEqual([]);
    expect(r.failure?.code).toBe('error');
    expect(await sheetNames(wb)).toEqual(before);
    const en = await commands.costs(
      wb,
      p,
      ref,
      {
        scenario: 'Kjente samarbeid',
        host: '5035',
        key: { kind: 'per-capita' },
        costPerFte: 850_000,
        costPerFteGiven: false,
        phaseIn: { member: 'Steinkjer', steps: [{ label: '2025', share: 0.5 }] },
      },
      undefined,
      'en',
    );
    expect(message(en.failure!.code, en.failure!.params, 'en')).toBe(
      'Error: Steinkjer is not in NAV Stjørdal, and cannot be phased in. Nothing was written.',
    );
  });

  it('refuses to write over a planner’s sheet with a result sheet’s name, and writes nothing', async () => {
    const mine = await sampled('18', [notes]);
    const before = await sheetNames(mine);
    const r = await commands.plan(mine, p, ref);
    expect(r.written).toEqual([]);
    expect(r.failure?.code).toBe('error');
    expect(String(r.failure?.params.text)).toContain('«Sammenligning»');
    expect(await sheetNames(mine)).toEqual(before);
  });

  it('says in English which planner’s sheet is in the way', async () => {
    const mine = await sampled('18', [notes]);
    const r = await commands.plan(mine, p, ref, 'en');
    expect(r.failure?.code).toBe('error');
    const text = message(r.failure!.code, r.failure!.params, 'en');
    expect(text).toBe(
      'Error: The sheet "Sammenligning" already exists and was not made by Kontorplan; rename or delete it. Nothing was written.',
    );
    expect(r.failure?.sheets).toEqual(['Sammenligning']);
  });

  const quick = { timeLimitSeconds: 0.3, sweep: 'none' as const, alternatives: 0 };

  it('optimise writes the best structure within the rules, as Kontorplan’s own sheets', async () => {
    const wb = await sampled('18');
    const before = await wb.read();
    const r = await optimise(wb, p, ref, { offices: 12 }, quick);
    expect(r.failure).toBeUndefined();
    const s = r.summary as Optimised;
    expect(s.kind).toBe('optimised');
    expect(r.written).toEqual(expect.arrayContaining([OPTIMIZED_SCENARIOS_SHEET, TRADEOFF_SHEET, 'Sammenligning']));
    // Every municipality of the workbook in exactly one office, at most maxOwners to an office.
    const members = s.offices.flatMap((o) => o.members);
    expect([...members].sort()).toEqual(s.input.municipalities.map((m) => m.number as string).sort());
    expect(new Set(members).size).toBe(members.length);
    expect(Math.max(...s.offices.map((o) => o.members.length))).toBeLessThanOrEqual(p.maxOwners);
    for (const o of s.offices) expect(o.members).toContain(o.host);
    // Without an exact solver the result is the heuristic's, and says so.
    expect(s.best.method).toBe('heuristic');
    const after = await (await reopen(wb)).read();
    expect(after.ownedSheets).toEqual(expect.arrayContaining([...r.written]));
    // The planner's sheets are as they were.
    for (const sheet of before.sheets.filter((x) => !before.ownedSheets.includes(x.name)))
      expect(after.sheets.find((x) => x.name === sheet.name)?.values).toEqual(sheet.values);
  }, 60_000);

  it('optimise refuses rules no structure can meet and writes nothing', async () => {
    const wb = await sampled('18');
    const before = await sheetNames(wb);
    const r = await optimise(wb, withParameters({ minFte: 100_000 }), ref, { offices: 3 }, quick);
    expect(r.written).toEqual([]);
    expect(r.summary).toBeUndefined();
    expect(r.failure?.code).toBe('error');
    expect(await sheetNames(wb)).toEqual(before);
  }, 60_000);

  it('optimise refuses a host the workbook does not have, naming it, and writes nothing', async () => {
    const wb = await sampled('18');
    const before = await sheetNames(wb);
    const r = await optimise(wb, p, ref, { offices: 12, forcedHosts: ['9999'] }, quick);
    expect(r.failure?.code).toBe('error');
    expect(String(r.failure?.params.text)).toContain('9999');
    expect(await sheetNames(wb)).toEqual(before);
  });

  it('optimise over long estimated pairs writes only the template to fill in', async () => {
    const wb = await sampled('18');
    const r = await optimise(wb, p, ref, { offices: 12, requireGivenOver: 0 }, quick);
    const s = r.summary;
    expect(s?.kind).toBe('refused');
    if (s?.kind !== 'refused') return;
    expect(r.written).toEqual([s.sheet]);
    expect(s.pairs.length).toBeGreaterThan(0);
    for (const pair of s.pairs) expect(pair.minutes).toBeGreaterThan(0);
    expect((await wb.read()).sheets.map((x) => x.name)).not.toContain(OPTIMIZED_SCENARIOS_SHEET);
  });
});

describe('the optimiser’s refusals, in the user’s language', () => {
  const sampled = async () => {
    const wb = new MemoryWorkbook();
    await commands.sample(wb, '18', p, ref);
    return wb;
  };
  const quick = { timeLimitSeconds: 0.3, sweep: 'none' as const, alternatives: 0 };
  const said = async (params: typeof p, request: Parameters<typeof optimise>[3], lang: 'nb' | 'en') => {
    const r = await optimise(await sampled(), params, ref, request, quick, lang);
    expect(r.written).toEqual([]);
    return message(r.failure!.code, r.failure!.params, lang);
  };

  it.each([
    [
      'too few offices for the most owners',
      p,
      { offices: 2 },
      /^Error: 2 offices are too few: with at most 5 municipalities per office, at least \d+ offices are needed\. Nothing was written\.$/,
      /^Feil: 2 kontor er for få: med høyst 5 kommuner per kontor trengs minst \d+ kontor\. Ingenting ble skrevet\.$/,
    ],
    [
      'a host both required and ruled out',
      p,
      { offices: 12, forcedHosts: ['1804'], forbiddenHosts: ['1804'] },
      /^Error: 1804 is both required and ruled out as a host\./,
      /^Feil: 1804 er både påkrevd og utelukket som vertskommune\./,
    ],
    [
      'a lock to a municipality the workbook lacks',
      p,
      { offices: 12, locks: new Map([['1804', '9999']]) },
      /^Error: host of a locked municipality: municipality number 9999 is not in the sheet of municipalities\./,
      /^Feil: vertskommune for låst kommune: kommunenummer 9999 finnes ikke i arket med kommuner\./,
    ],
    [
      'a minimum staff no office reaches',
      withParameters({ minFte: 100_000 }),
      { offices: 3 },
      /^Error: .*(too few|No office structure meets every rule)/,
      /^Feil: .*(for få|Ingen kontorstruktur oppfyller alle kravene)/,
    ],
  ])(
    '%s',
    async (_, params, request, en, nb) => {
      expect(await said(params, request, 'en')).toMatch(en);
      expect(await said(params, request, 'nb')).toMatch(nb);
    },
    60_000,
  );
});

describe('what Excel refuses, in the user’s language', () => {
  const blockedPlan = async (block: (excel: FakeExcel) => void, lang: 'nb' | 'en') => {
    const excel = new FakeExcel();
    await commands.sample(office(excel), '18', p, ref);
    const before = excel.sheets.map((s) => s.name);
    block(excel);
    const r = await commands.plan(office(excel), p, ref, lang);
    expect(r.written).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(before);
    return message(r.failure!.code, r.failure!.params, lang);
  };

  it.each([
    ['cell-edit mode', (e: FakeExcel) => (e.editMode = true), /^Error: Excel is in cell-edit mode: press Enter or Esc/, /redigeringsmodus/],
    [
      'a protected workbook',
      (e: FakeExcel) => (e.protected = true),
      /^Error: The workbook is protected \(Review > Protect Workbook\)/,
      /beskyttet/,
    ],
  ])('%s', async (_, block, en, nb) => {
    expect(await blockedPlan(block, 'en')).toMatch(en);
    expect(await blockedPlan(block, 'nb')).toMatch(nb);
  });
});

describe('the one grammar of locks', () => {
  it('reads the forms either shell takes, numbers padded to four digits', () => {
    const refuse = (part: string) => new Error(`not a lock: ${part}`);
    expect([...parseLocks('1839=1804, 301 = 301; 1840:1804, 1841→1804, 1842 -> 1804', refuse)]).toEqual([
      ['1839', '1804'],
      ['0301', '0301'],
      ['1840', '1804'],
      ['1841', '1804'],
      ['1842', '1804'],
    ]);
    expect(parseLocks('', refuse).size).toBe(0);
  });

  it('refuses a part that is not a lock, naming it', () => {
    expect(() => parseLocks('1839=1804, Bodø=1804', (part) => new Error(`not a lock: ${part}`))).toThrow('not a lock: Bodø=1804');
    expect(() => parseLocks('18390=1804', (part) => new Error(part))).toThrow('18390=1804');
    expect(() => parseLocks('1839-1841', (part) => new Error(part))).toThrow('1839-1841');
  });
});

describe('the lowest office count of every sweep', () => {
  it('is the count at which every office holds the most owners the rules allow', () => {
    expect(lowestOfficeCount(41, 5)).toBe(9);
    expect(lowestOfficeCount(40, 5)).toBe(8);
    expect(lowestOfficeCount(1, 5)).toBe(1);
    // No cap on the owners: one office may hold every municipality.
    expect(lowestOfficeCount(41, Infinity)).toBe(1);
  });

  it('bounds the curve of an optimisation asked for a cost per office', async () => {
    const wb = new MemoryWorkbook();
    await commands.sample(wb, '18', p, ref);
    const params = withParameters({ maxOwners: 6 });
    const r = await optimise(wb, params, ref, { officeCostMinutes: 5 }, { timeLimitSeconds: 0.3, alternatives: 0 });
    const s = r.summary as Optimised;
    const n = s.input.municipalities.length;
    expect(s.tradeoff.length).toBeGreaterThan(1);
    for (const row of s.tradeoff) {
      expect(row.offices).toBeGreaterThanOrEqual(lowestOfficeCount(n, 6));
      expect(row.offices).toBeLessThanOrEqual(n);
    }
  }, 120_000);
});

it('gives the same scores on every adapter', async () => {
  const results = await Promise.all(
    adapters.map(async (a) => {
      const wb = a.fresh();
      await commands.sample(wb, '18', p, ref);
      return (await commands.plan(await a.reopen(wb), p, ref)).summary!;
    }),
  );
  const view = (s: commands.PlanSummary) => s.scores.map((x) => [x.name, x.rank, x.totals.rating, x.totals.weightedTravelMinutes]);
  for (const r of results.slice(1)) expect(view(r)).toEqual(view(results[0]!));
});

it('reports an unreadable workbook’s problems at their cells and writes nothing', async () => {
  const wb = new MemoryWorkbook([
    {
      name: 'Kommuner',
      values: [
        ['Kommunenummer', 'Kommunenavn', 'Folketall'],
        ['1804', 'Bodø', 'mange'],
      ],
    },
  ]);
  const r = await commands.plan(wb, p, ref);
  expect(r.written).toEqual([]);
  expect(r.failure?.code).toBe('nothingWritten');
  expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', sheet: 'Kommuner', cell: 'C2' })]));
  expect(await sheetNames(wb)).toEqual(['Kommuner']);
});
