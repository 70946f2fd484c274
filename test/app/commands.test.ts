import * as commands from '../../src/app/commands';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import { reference } from '../../src/cli/common';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { InputSheetsPort, WorkbookPort } from '../../src/workbook/port';
import type { SheetSpec } from '../../src/domain/sheets';

/**
 * The command layer over every adapter that can hold a sample: the same commands, the same
 * results, whether the workbook is in memory or an .xlsx file (exceljs, through a saved buffer).
 */

const ref = reference();
const p = DEFAULT_PARAMETERS;

type Adapter = {
  name: string;
  /** A new, empty workbook of the adapter. */
  fresh: () => WorkbookPort & InputSheetsPort;
  /** The workbook as the next command finds it (for exceljs: saved and opened again). */
  reopen: (wb: WorkbookPort & InputSheetsPort) => Promise<WorkbookPort>;
};

const adapters: Adapter[] = [
  { name: 'memory', fresh: () => new MemoryWorkbook(), reopen: async (wb) => wb },
  {
    name: 'exceljs',
    fresh: () => ExcelJsWorkbook.create(),
    reopen: async (wb) => ExcelJsWorkbook.fromBuffer(await (wb as ExcelJsWorkbook).toBuffer()),
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
  expect(view(results[1]!)).toEqual(view(results[0]!));
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
