/**
 * The fake Excel refuses what Excel refuses, so the Office adapter cannot pass here and fail in
 * Excel. Each rule is Microsoft's: the Excel JavaScript API reference (Worksheet.delete, the
 * 255-series chart limit, the 5 MB payload of Excel on the web) and Excel's own rules for sheet
 * and table names (support article "Rename an Excel table"; "History" is reserved for a sheet).
 */
import { loadNetwork, sampleInput } from '../../src/cli/common';
import { buildSampleWorkbook } from '../../src/data/sample';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import type { SheetSpec } from '../../src/domain/sheets';
import { comparisonSheet, scenarioSheet } from '../../src/io/output';
import { scoreAll } from '../../src/scoring/score';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { XRequestContext } from '../../src/workbook/office/excelApi';
import { embedded } from '../builders';
import { FakeExcel, MAX_CHART_SERIES, sheetNameRefusal, tableNameRefusal } from '../fakes/fakeExcel';

const batch = (excel: FakeExcel, f: (ctx: XRequestContext) => void) =>
  excel.run(async (ctx) => {
    f(ctx);
    await ctx.sync();
  });

describe('the fake Excel refuses what Excel refuses', () => {
  it('a table over another table', async () => {
    const excel = new FakeExcel([{ name: 'Ark', values: [['a', 'b', 'c']] }]);
    await batch(excel, (ctx) => void ctx.workbook.worksheets.getItem('Ark').tables.add('A1:B3', true));
    await expect(batch(excel, (ctx) => void ctx.workbook.worksheets.getItem('Ark').tables.add('B2:C4', true))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    // Beside it is fine.
    await batch(excel, (ctx) => void ctx.workbook.worksheets.getItem('Ark').tables.add('D1:E3', true));
    expect(excel.sheet('Ark')!.tables).toHaveLength(2);
  });

  it.each([
    ['a space', 'KP Scenario'],
    ['a leading digit', '1Tabell'],
    ['a cell reference', 'A1'],
    ['the last cell', 'xfd1048576'],
    ['an R1C1 reference', 'R1C1'],
    ['R alone', 'r'],
    ['a hyphen', 'Tabell-1'],
    ['nothing', ''],
    ['256 characters', 'T'.repeat(256)],
  ])('a table name with %s', async (_, name) => {
    const excel = new FakeExcel([{ name: 'Ark', values: [['a']] }]);
    await expect(
      batch(excel, (ctx) => {
        ctx.workbook.worksheets.getItem('Ark').tables.add('A1:A2', true).name = name;
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('accepts the table names Excel accepts', () => {
    for (const ok of ['KP_Scenario_1', '_x', '\\tabell', 'Kostnader.2025', 'Tabell_Ø', 'XFE1', 'ABCD1', 'Rad'])
      expect(tableNameRefusal(ok)).toBeUndefined();
  });

  it.each([['History'], ['history'], ["'Ark"], ["Ark'"], ['A'.repeat(32)], ['Ark[1]'], ['']])('a sheet named %j', async (name) => {
    expect(sheetNameRefusal(name)).toBeDefined();
    const excel = new FakeExcel([{ name: 'Ark', values: [['a']] }]);
    await expect(batch(excel, (ctx) => void ctx.workbook.worksheets.add(name))).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Ark']);
  });

  it(`more than ${MAX_CHART_SERIES} series in one chart`, async () => {
    const excel = new FakeExcel([{ name: 'Ark', values: [[1], [2]] }]);
    const addSeries = (n: number) =>
      batch(excel, (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Ark');
        const chart = ws.charts.add('XYScatter', ws.getRange('A1:A2'), 'Columns');
        // The chart starts with one series from its source.
        for (let i = 1; i < n; i++) chart.series.add(`s${i}`);
      });
    await addSeries(MAX_CHART_SERIES);
    expect(excel.sheet('Ark')!.charts[0]!.series).toHaveLength(255);
    await expect(addSeries(MAX_CHART_SERIES + 1)).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('a blank or repeated table header: Excel renames it', async () => {
    const excel = new FakeExcel([{ name: 'Ark', values: [['Navn', null, 'navn', 2024, null]] }]);
    await batch(excel, (ctx) => void ctx.workbook.worksheets.getItem('Ark').tables.add('A1:E2', true));
    expect(excel.values('Ark')[0]).toEqual(['Navn', 'Column2', 'navn2', '2024', 'Column5']);
  });

  it('deleting a very hidden sheet, and hiding or deleting the last visible one', async () => {
    const excel = new FakeExcel([
      { name: 'Ark', values: [['a']] },
      { name: 'Skjult', values: [['b']], visibility: 'VeryHidden' },
    ]);
    await expect(batch(excel, (ctx) => ctx.workbook.worksheets.getItem('Skjult').delete())).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
    await expect(
      batch(excel, (ctx) => {
        ctx.workbook.worksheets.getItem('Ark').visibility = 'Hidden';
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(batch(excel, (ctx) => ctx.workbook.worksheets.getItem('Ark').delete())).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
    // Made hidden first, the very hidden sheet can go.
    await batch(excel, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Skjult');
      ws.visibility = 'Hidden';
      ws.delete();
    });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Ark']);
  });

  it('keeps no date or error value as text: typed into a General cell they become what Excel makes of them', async () => {
    const excel = new FakeExcel([{ name: 'Ark', values: [['x']] }]);
    await batch(excel, (ctx) => {
      ctx.workbook.worksheets.getItem('Ark').getRange('A2:D2').values = [['2024-03-01', '01.03.2024', '#N/A', '2024-02-30']];
    });
    const cells = [0, 1, 2, 3].map((c) => excel.sheet('Ark')!.cells.get(`1,${c}`));
    // 2024-03-01 is serial 45352 in Excel's 1900 date system.
    expect(cells.map((c) => c?.value)).toEqual([45352, 45352, '#N/A', '2024-02-30']);
    expect(cells[0]!.format).toBe('yyyy-mm-dd');
    expect(cells[2]!.error).toBe(true);
    // As text ('@') they stay text.
    await batch(excel, (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Ark').getRange('A3:B3');
      r.numberFormat = [['@', '@']];
      r.values = [['2024-03-01', '#N/A']];
    });
    expect(excel.values('Ark')[2]!.slice(0, 2)).toEqual(['2024-03-01', '#N/A']);
  });
});

describe('the Office adapter within those rules', () => {
  it('writes a date as Excel holds one: a serial number under a date format', async () => {
    const excel = new FakeExcel([{ name: 'Ark', values: [['x']] }]);
    const spec: SheetSpec = {
      name: 'KP Datoer',
      tables: [{ name: 'KP_Datoer', startRow: 0, columns: [{ header: 'Fra' }], rows: [[new Date(Date.UTC(2024, 2, 1))]] }],
    };
    await new OfficeWorkbook(excel.run).replaceOwnSheets([spec]);
    expect(excel.sheet('KP Datoer')!.cells.get('1,0')).toEqual({ value: 45352, format: 'yyyy-mm-dd' });
  });

  it('writes the sample workbook and scored scenarios with every table header as written (none blank or repeated)', async () => {
    const excel = new FakeExcel([{ name: 'Ark', values: [['x']] }]);
    const wb = new OfficeWorkbook(excel.run);
    const data = embedded();
    const inputs = buildSampleWorkbook(
      data.filter((m) => m.county === '18'),
      DEFAULT_PARAMETERS,
      'Nordland',
      loadNetwork(data),
    );
    await wb.addInputSheets(inputs);
    const input = sampleInput('18', DEFAULT_PARAMETERS);
    const scores = scoreAll(input, DEFAULT_PARAMETERS);
    const own = [
      ...scores.map((sc, i) => scenarioSheet(sc, `KP Scenario ${i + 1}`, i, DEFAULT_PARAMETERS)),
      comparisonSheet(scores, DEFAULT_PARAMETERS),
    ];
    await wb.replaceOwnSheets(own);
    let tables = 0;
    for (const spec of [...inputs, ...own])
      for (const t of spec.tables) {
        tables++;
        expect(excel.values(spec.name)[t.startRow]!.slice(0, t.columns.length)).toEqual(t.columns.map((c) => c.header));
      }
    expect(tables).toBeGreaterThan(5);
  });
});
