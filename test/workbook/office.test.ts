import { buildSampleWorkbook } from '../../src/data/sample';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import type { SheetSpec } from '../../src/domain/sheets';
import { a1 } from '../../src/io/cells';
import { tradeoffSheet } from '../../src/io/optimizeOutput';
import { comparisonSheet, scenarioSheet } from '../../src/io/output';
import { scoreAll } from '../../src/scoring/score';
import { loadNetwork, sampleInput } from '../../src/cli/common';
import {
  MAX_REQUEST_BYTES,
  MAX_RESPONSE_BYTES,
  OfficeWorkbook,
  WorkbookBlockedError,
  topLeft,
} from '../../src/workbook/office/officeWorkbook';
import { OWNER_SHEET } from '../../src/workbook/port';
import { embedded } from '../builders';
import { FakeExcel } from '../fakes/fakeExcel';

const params = DEFAULT_PARAMETERS;

/** A fake Excel holding the sample workbook of a county (or all of Norway), as the planner's own sheets. */
async function sampleExcel(county?: string): Promise<FakeExcel> {
  const data = embedded();
  const ms = county ? data.filter((m) => m.county === county) : data;
  const excel = new FakeExcel([{ name: 'Ark1', values: [['Mine notater'], ['Ikke rør']] }]);
  await new OfficeWorkbook(excel.run).addInputSheets(buildSampleWorkbook(ms, params, county ?? 'hele landet', loadNetwork(data)));
  excel.syncs = 0;
  return excel;
}

/** The sheets written for one scored scenario and the comparison. */
function scenarioSpecs(county?: string): SheetSpec[] {
  const input = sampleInput(county, params);
  const scores = scoreAll({ ...input, scenarios: input.scenarios.slice(0, 1) }, params);
  return [scenarioSheet(scores[0]!, 'KP Scenario 1', 0, params), comparisonSheet(scores, params)];
}

describe('OfficeWorkbook round trips (counted by the fake Excel)', () => {
  it.each([
    // Sheet list, used-range addresses, then the cells (with their number formats) in syncs of at most ~4 MB: Nordland fits in one, Norway takes four.
    ['Nordland', '18', 3],
    ['all of Norway', undefined, 6],
  ])('reads every input of %s in %i syncs, no answer over 5 MB, and writes a scored scenario in 3', async (_, county, reads) => {
    const excel = await sampleExcel(county);
    const wb = new OfficeWorkbook(excel.run);
    excel.largestResponse = 0;
    const snap = await wb.read();
    expect(excel.syncs).toBe(reads);
    expect(excel.largestResponse).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(snap.sheets.map((s) => s.name)).toContain('Kommuner');
    excel.syncs = 0;
    await wb.replaceOwnSheets(scenarioSpecs(county));
    // First write: no owner sheet yet, so two; a re-run reads the owner list too, so three.
    expect(excel.syncs).toBe(2);
    excel.syncs = 0;
    await wb.replaceOwnSheets(scenarioSpecs(county));
    expect(excel.syncs).toBe(3);
    expect(excel.sheets.filter((s) => s.name === 'KP Scenario 1')).toHaveLength(1);
    expect(excel.largestRequest).toBeLessThanOrEqual(excel.payloadLimit);
  });

  it("reads all of Norway in chunks because one answer would be over Excel on the web's 5 MB", async () => {
    const excel = await sampleExcel();
    // Every used range in one sync, as the adapter used to read: Excel on the web refuses it.
    const whole = () =>
      excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        sheets.items.forEach((ws) => ws.getUsedRangeOrNullObject(true).load('address,values,valueTypes'));
        await ctx.sync();
      });
    await expect(whole()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    const chunked = await new OfficeWorkbook(excel.run).read();
    expect(excel.largestResponse).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    // Without the limit (Excel on the desktop) the one answer is about 5.7 MB, and gives the same snapshot.
    excel.payloadLimit = Infinity;
    await whole();
    expect(excel.largestResponse).toBeGreaterThan(5_500_000);
    expect(excel.largestResponse).toBeLessThan(6_000_000);
    expect(chunked).toEqual(await new OfficeWorkbook(excel.run).read());
  });

  it('halves a chunk Excel still refuses (long texts), and says so when one row alone is too large', async () => {
    const long = 'x'.repeat(30_000);
    const rows = Array.from({ length: 200 }, (_, i) => [`${i}`, long]);
    const excel = new FakeExcel([{ name: 'Notater', values: rows }]);
    const snap = await new OfficeWorkbook(excel.run).read();
    expect(snap.sheets[0]!.values).toEqual(rows);
    expect(excel.syncs).toBeGreaterThan(3);
    expect(excel.largestResponse).toBeLessThanOrEqual(excel.payloadLimit);
    const wide = new FakeExcel([{ name: 'Bred', values: [Array.from({ length: 200 }, () => long)] }]);
    await expect(new OfficeWorkbook(wide.run).read()).rejects.toThrow(/for stor til å leses fra Excel på nett/);
  });
});

describe('OfficeWorkbook writing', () => {
  it('keeps text as text, writes formulas as formulas, and number formats, tables and a frozen header', async () => {
    const excel = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    const wb = new OfficeWorkbook(excel.run);
    await wb.replaceOwnSheets([
      {
        name: 'KP Test',
        heading: ['Overskrift'],
        freezeRows: 3,
        tables: [
          {
            name: 'KP_Test',
            startRow: 2,
            columns: [{ header: 'Knr' }, { header: 'Beløp', format: '#,##0' }, { header: 'Sum', format: '#,##0' }],
            rows: [
              ['0301', 1000, { formula: 'B4*2', result: 2000 }],
              ['=ikke formel', 5, { formula: 'B5*2', result: 10 }],
            ],
          },
        ],
      },
    ]);
    const sheet = excel.sheet('KP Test')!;
    expect(excel.values('KP Test')[3]).toEqual(['0301', 1000, '=B4*2']);
    expect(excel.values('KP Test')[4]![0]).toBe('=ikke formel');
    expect(sheet.cells.get('4,0')?.formula).toBeUndefined();
    expect(sheet.cells.get('3,1')?.format).toBe('#,##0');
    expect(sheet.tables).toEqual([{ name: 'KP_Test', address: 'A3:C5', style: 'TableStyleMedium2' }]);
    expect(sheet.frozenRows).toBe(3);
    expect(excel.sheet(OWNER_SHEET)!.visibility).toBe('VeryHidden');
  });

  it('colours the ratings and marks broken rules with conditional formats over the offices table', async () => {
    const excel = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    const [scenario] = scenarioSpecs('18');
    await new OfficeWorkbook(excel.run).replaceOwnSheets([scenario!]);
    const cfs = excel.sheet('KP Scenario 1')!.conditionalFormats;
    const offices = scenario!.tables[0]!;
    const ratingCol = offices.columns.findIndex((c) => c.highlight === 'rating');
    expect(cfs.filter((c) => c.type === 'ColorScale')).toHaveLength(1);
    expect(cfs.find((c) => c.type === 'ColorScale')!.address).toBe(
      // The data rows, below the header row (row startRow + 1, counted from 1).
      `${a1(offices.startRow + 1, ratingCol)}:${a1(offices.startRow + offices.rows.length, ratingCol)}`,
    );
    expect(cfs.filter((c) => c.type === 'ContainsText')).toHaveLength(5);
    expect(cfs.find((c) => c.type === 'ContainsText')).toMatchObject({ rule: { operator: 'Contains', text: 'BRUDD' }, fill: '#FFC7CE' });
  });

  it('draws the comparison’s scenarios as one labelled point each', async () => {
    const excel = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    const input = sampleInput('18', params);
    const scores = scoreAll(input, params);
    await new OfficeWorkbook(excel.run).replaceOwnSheets([comparisonSheet(scores, params)]);
    const chart = excel.sheet('Sammenligning')!.charts[0]!;
    expect(chart.type).toBe('XYScatter');
    expect(chart.series.map((x) => x.name)).toEqual(scores.map((x) => x.name));
    expect(
      chart.series.every(
        (x) => /^Sammenligning!B\d+:B\d+$/.test(x.x ?? '') && x.x!.split(':')[0]!.slice(-2) === x.x!.split(':')[1]!.slice(-2),
      ),
    ).toBe(true);
  });

  it('draws a native scatter chart over the trade-off table', async () => {
    const excel = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    const rows = [10, 12, 14].map((offices, i) => ({
      offices,
      meanTravel: 30 - i,
      maxTravel: 80,
      minOfficeFte: 10 + i,
      status: 'bevist optimal',
      gap: 0,
      seconds: 1,
    }));
    await new OfficeWorkbook(excel.run).replaceOwnSheets([tradeoffSheet(rows, ['Avveiing'])]);
    const chart = excel.sheet('KP Avveiing')!.charts[0]!;
    expect(chart.type).toBe('XYScatterLines');
    expect(chart.series.length).toBeGreaterThan(0);
    expect(chart.series[0]!.x).toMatch(/^'KP Avveiing'!A\d+:A\d+$/);
    expect(chart.title).not.toBe('');
  });

  it('reads a used range that starts below and right of A1 in place, and error cells as errors', async () => {
    const excel = new FakeExcel([
      {
        name: 'Kommuner',
        values: [[], [], [null, 'Knr', 'Folketall'], [null, '1804', { error: '#REF!' }]],
      },
    ]);
    const snap = await new OfficeWorkbook(excel.run).read();
    expect(snap.sheets[0]!.values[2]).toEqual([null, 'Knr', 'Folketall']);
    expect(snap.sheets[0]!.values[3]).toEqual([null, '1804', { error: '#REF!' }]);
    expect(topLeft("'KP A'!$C$7:D9")).toEqual({ row: 6, col: 2 });
  });

  it('keeps its settings (the column mapping) in the document', async () => {
    const excel = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    await new OfficeWorkbook(excel.run).saveSettings({ sheets: { municipalities: 'Data' } });
    const again = new OfficeWorkbook(excel.run);
    await again.read();
    expect(again.settings).toEqual({ sheets: { municipalities: 'Data' } });
  });
});

describe('OfficeWorkbook when Excel says no: a clear message, and the workbook as it was', () => {
  const blockedCases: [string, (e: FakeExcel) => void, RegExp][] = [
    ['a protected workbook', (e) => (e.protected = true), /Arbeidsboken er beskyttet.*Ingenting ble skrevet/],
    ['cell-edit mode', (e) => (e.editMode = true), /redigeringsmodus.*Enter eller Esc/],
    ['a write that fails half-way', (e) => (e.failAfterSteps = 25), /Excel avbrøt skrivingen.*arkene dine er urørt/],
  ];
  it.each(blockedCases)('%s', async (_, block, message) => {
    const excel = await sampleExcel('18');
    const wb = new OfficeWorkbook(excel.run);
    await wb.replaceOwnSheets(scenarioSpecs('18'));
    const before = excel.sheets.map((s) => s.name);
    const user = ['Ark1', 'Kommuner', 'Scenarier'].map((n) => excel.dump(n));
    block(excel);
    await expect(wb.replaceOwnSheets(scenarioSpecs('18'))).rejects.toThrow(message);
    excel.editMode = false;
    expect(['Ark1', 'Kommuner', 'Scenarier'].map((n) => excel.dump(n))).toEqual(user);
    // Nothing of the new result is left behind; the planner's sheets are all there.
    for (const name of ['Ark1', 'Kommuner', 'Scenarier']) expect(excel.sheets.map((s) => s.name)).toContain(name);
    expect(excel.sheets.length).toBeLessThanOrEqual(before.length);
  });

  it('refuses a result larger than Excel on the web accepts, before any round trip', async () => {
    const excel = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    const rows = Array.from({ length: 60000 }, (_, i) => [`Kommune nummer ${i} med et langt navn`, i, i * 2]);
    const big: SheetSpec = {
      name: 'KP Stor',
      tables: [{ name: 'KP_Stor', startRow: 0, columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }], rows }],
    };
    await expect(new OfficeWorkbook(excel.run).replaceOwnSheets([big])).rejects.toThrow(WorkbookBlockedError);
    await expect(new OfficeWorkbook(excel.run).replaceOwnSheets([big])).rejects.toThrow(/for stort.*5 MB/);
    expect(excel.syncs).toBe(0);
    expect(MAX_REQUEST_BYTES).toBeLessThan(5_000_000);
  });
});
