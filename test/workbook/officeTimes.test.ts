import ExcelJS from 'exceljs';
import { parseDuration } from '../../src/io/readCell';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { isDateTimeFormat } from '../../src/workbook/numberFormat';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

/**
 * Office.js gives a time as its day number ("1:25" typed in Excel is 0.059…, format h:mm); the
 * .xlsx reader gives a Date. Both adapters must hand the readers the same cell, or a travel
 * time typed as 1:25 is 85 minutes on the command line and 0.06 minutes in the add-in.
 */
describe('time-formatted cells read the same in the add-in as from the .xlsx file', () => {
  it('reads a typed 1:25 as 85 minutes through the Office adapter', async () => {
    const excel = new FakeExcel([{ name: 'Reisetid', values: [] }]);
    // Typed as a planner types them: Excel turns 1:25 into a time.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Reisetid').getRange('A1:C4').values = [
        ['Fra', 'Til', 'Minutter'],
        ['1804', '1841', '1:25'],
        ['1804', '1833', '25:10'],
        ['1804', '1806', 85],
      ];
      await ctx.sync();
    });
    const snap = await new OfficeWorkbook(excel.run).read();
    const rows = snap.sheets.find((s) => s.name === 'Reisetid')!.values;
    expect(rows[1]![2]).toBeInstanceOf(Date);
    expect(parseDuration(rows[1]![2])).toBe(85);
    expect(parseDuration(rows[2]![2])).toBe(25 * 60 + 10);
    // A plain number stays minutes, whatever Excel's General format.
    expect(rows[3]![2]).toBe(85);
  });

  it('gives the same minutes as the .xlsx reader for the same cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Reisetid');
    ws.addRow(['Fra', 'Til', 'Minutter']);
    const cells: [number, string][] = [
      [85 / 1440, 'h:mm'],
      [(25 * 60 + 10) / 1440, '[h]:mm'],
      [95.5 / 1440, 'h:mm:ss'],
      [42, '0" min"'],
      [42, 'General'],
    ];
    cells.forEach(([v, fmt], i) => {
      const c = ws.getCell(i + 2, 3);
      c.value = v;
      c.numFmt = fmt;
    });
    const file = await ExcelJsWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
    const fromFile = (await file.read()).sheets.find((s) => s.name === 'Reisetid')!.values;
    const excel = new FakeExcel([{ name: 'Reisetid', values: [['Fra', 'Til', 'Minutter'], ...cells.map(() => ['', '', ''])] }]);
    await excel.run(async (ctx) => {
      cells.forEach(([v, fmt], i) => {
        const r = ctx.workbook.worksheets.getItem('Reisetid').getRange(`C${i + 2}`);
        r.numberFormat = [[fmt]];
        r.values = [[v]];
      });
      await ctx.sync();
    });
    const fromAddin = (await new OfficeWorkbook(excel.run).read()).sheets.find((s) => s.name === 'Reisetid')!.values;
    const minutes = (rows: readonly (readonly unknown[])[]) => cells.map((_, i) => parseDuration(rows[i + 1]![2] as never));
    expect(minutes(fromAddin)).toEqual(minutes(fromFile));
    expect(minutes(fromAddin)).toEqual([85, 1510, 96, 42, 42]);
  });

  it.each([
    ['h:mm', true],
    ['[h]:mm:ss', true],
    ['mm:ss', true],
    ['dd.mm.yyyy', true],
    ['yyyy-mm-dd', true],
    ['[$-414]d. mmmm yyyy', true],
    ['General', false],
    ['0', false],
    ['#,##0 "kr"', false],
    ['0" min"', false],
    ['0 \\m\\i\\n', false],
    ['[Red]0.0', false],
    ['[$kr-414] #,##0.00', false],
    ['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', false],
    ['0.00E+00', false],
    ['@', false],
  ])('isDateTimeFormat(%p) is %p', (code, expected) => {
    expect(isDateTimeFormat(code)).toBe(expected);
  });
});
