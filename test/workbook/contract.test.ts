import type { SheetSpec } from '../../src/domain/sheets';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { SheetConflictError, type WorkbookPort } from '../../src/workbook/port';
import { FakeExcel } from '../fakes/fakeExcel';

const input: SheetSpec = {
  name: 'Kommuner',
  tables: [
    {
      name: 'Kommuner',
      startRow: 0,
      columns: [
        { header: 'Knr', format: '@' },
        { header: 'Folketall', format: '#,##0' },
      ],
      rows: [
        ['0301', 728714],
        ['1804', 53638],
      ],
    },
  ],
};
const result = (name: string, value: number): SheetSpec => ({
  name,
  heading: ['Laget av Kontorplan'],
  freezeRows: 3,
  tables: [{ name: `KP_${name.replace(/\W/g, '_')}`, startRow: 2, columns: [{ header: 'Verdi' }], rows: [[value]] }],
});

type Factory = () => Promise<WorkbookPort>;

/** The same contract for every adapter: read everything, write only own sheets. */
const adapters: [string, Factory][] = [
  [
    'memory',
    async () =>
      new MemoryWorkbook([
        {
          name: 'Kommuner',
          values: [
            ['Knr', 'Folketall'],
            ['0301', 728714],
            ['1804', 53638],
          ],
        },
      ]),
  ],
  [
    'exceljs (through an .xlsx round trip)',
    async () => {
      const wb = ExcelJsWorkbook.create();
      wb.addInputSheets([input]);
      return ExcelJsWorkbook.fromBuffer(await wb.toBuffer());
    },
  ],
  [
    'Office.js (against the fake Excel)',
    async () =>
      new OfficeWorkbook(
        new FakeExcel([
          {
            name: 'Kommuner',
            values: [
              ['Knr', 'Folketall'],
              ['0301', 728714],
              ['1804', 53638],
            ],
          },
        ]).run,
      ),
  ],
];

describe.each(adapters)('WorkbookPort contract: %s', (_, make) => {
  it('reads the planner’s sheets as plain values', async () => {
    const wb = await make();
    const snap = await wb.read();
    expect(snap.ownedSheets).toEqual([]);
    expect(snap.sheets.map((s) => s.name)).toEqual(['Kommuner']);
    expect(snap.sheets[0]!.values.slice(0, 3)).toEqual([
      ['Knr', 'Folketall'],
      ['0301', 728714],
      ['1804', 53638],
    ]);
  });

  it('writes its own sheets, and a re-run replaces only those', async () => {
    const wb = await make();
    await wb.replaceOwnSheets([result('KP A', 1), result('KP B', 2)]);
    let snap = await wb.read();
    expect(snap.ownedSheets).toEqual(['KP A', 'KP B']);
    expect(snap.sheets.map((s) => s.name)).toEqual(['Kommuner', 'KP A', 'KP B']);
    expect(snap.sheets[1]!.values[3]).toEqual([1]);
    await wb.replaceOwnSheets([result('KP C', 3)]);
    snap = await wb.read();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Kommuner', 'KP C']);
    expect(snap.sheets[0]!.values[2]).toEqual(['1804', 53638]);
  });

  it('keeps the own sheets it is told to keep, still as its own, and replaces one being written whatever keep says', async () => {
    const wb = await make();
    await wb.replaceOwnSheets([result('KP Kostnader 1804', 1), result('KP A', 2)]);
    await wb.replaceOwnSheets([result('KP B', 3)], (n) => n.startsWith('KP Kostnader '));
    let snap = await wb.read();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Kommuner', 'KP Kostnader 1804', 'KP B']);
    expect([...snap.ownedSheets].sort()).toEqual(['KP B', 'KP Kostnader 1804']);
    await wb.replaceOwnSheets([result('KP Kostnader 1804', 4)], () => true);
    snap = await wb.read();
    expect(snap.sheets.filter((s) => s.name === 'KP Kostnader 1804')).toHaveLength(1);
    expect(snap.sheets.find((s) => s.name === 'KP Kostnader 1804')!.values[3]).toEqual([4]);
    expect([...snap.ownedSheets].sort()).toEqual(['KP B', 'KP Kostnader 1804']);
  });

  it('refuses to overwrite a sheet the planner made, and changes nothing', async () => {
    const wb = await make();
    await wb.replaceOwnSheets([result('KP A', 1)]);
    const before = await wb.read();
    await expect(wb.replaceOwnSheets([result('KP B', 2), result('kommuner', 3)])).rejects.toThrow(SheetConflictError);
    await expect(wb.replaceOwnSheets([result('kommuner', 3)])).rejects.toThrow(
      'Arket «Kommuner» finnes allerede og er ikke laget av Kontorplan',
    );
    expect(await wb.read()).toEqual(before);
  });
});

describe('ExcelJsWorkbook', () => {
  it('writes real Excel tables with number formats and a frozen header, and hides its marker sheet', async () => {
    const wb = ExcelJsWorkbook.create();
    wb.addInputSheets([input]);
    await wb.replaceOwnSheets([result('KP A', 0.5)]);
    const ExcelJS = (await import('exceljs')).default;
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await wb.toBuffer()) as never);
    const kp = raw.getWorksheet('KP A')!;
    expect(kp.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(raw.getWorksheet('Kommuner')!.getTable('Kommuner')).toBeDefined();
    expect(raw.getWorksheet('Kommuner')!.getCell('B2').numFmt).toBe('#,##0');
    expect(raw.getWorksheet('_kontorplan')!.state).toBe('veryHidden');
  });

  it('writes the conditional formats of highlighted columns', async () => {
    const wb = ExcelJsWorkbook.create();
    await wb.replaceOwnSheets([
      {
        name: 'KP Karakter',
        tables: [
          {
            name: 'KP_Karakter',
            startRow: 0,
            columns: [
              { header: 'Karakter', highlight: 'rating' },
              { header: 'Krav', highlight: 'fail' },
            ],
            rows: [
              [90, 'OK'],
              [20, 'BRUDD'],
            ],
          },
        ],
      },
    ]);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await wb.toBuffer());
    const files = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const xml = (await Promise.all(files.map((f) => zip.file(f)!.async('string')))).join('');
    expect(xml).toMatch(/<conditionalFormatting sqref="A2:A3">[\s\S]*?colorScale/);
    expect(xml).toMatch(/<conditionalFormatting sqref="B2:B3">[\s\S]*?containsText[\s\S]*?BRUDD/);
  });

  it('reads formulas by their result, errors as error values, and merged cells by their master', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const raw = new ExcelJS.Workbook();
    const ws = raw.addWorksheet('Kommuner');
    ws.getCell('A1').value = 'Knr';
    ws.getCell('B1').value = 'Folketall';
    ws.getCell('A2').value = '0301';
    ws.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 } as never;
    ws.getCell('A3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
    ws.getCell('A4').value = { richText: [{ text: '18' }, { text: '04' }] } as never;
    ws.getCell('C1').value = 'Sammenslått';
    ws.mergeCells('C1:D1');
    const wb = await ExcelJsWorkbook.fromBuffer(await raw.xlsx.writeBuffer());
    const values = (await wb.read()).sheets[0]!.values;
    expect(values[1]![1]).toBe(3);
    expect(values[2]![0]).toEqual({ error: '#DIV/0!' });
    expect(values[3]![0]).toBe('1804');
    expect(values[0]![3]).toBe('Sammenslått');
  });
});

describe('a sheet of the planner’s under the name of one Kontorplan wrote', () => {
  it('is not replaced: Kontorplan owns the name only while the sheet holds what it wrote in A1 (Office.js)', async () => {
    const excel = new FakeExcel([
      {
        name: 'Kommuner',
        values: [
          ['Knr', 'Folketall'],
          ['1804', 53638],
        ],
      },
    ]);
    const wb = new OfficeWorkbook(excel.run);
    await wb.replaceOwnSheets([result('KP A', 1), result('KP B', 2)]);
    expect((await wb.read()).ownedSheets).toEqual(['KP A', 'KP B']);
    // The planner deletes KP A and makes her own sheet of that name.
    excel.sheets = excel.sheets.filter((s) => s.name !== 'KP A');
    excel.addSheet('KP A', [['Møtenotater'], ['viktig']]);
    const snap = await wb.read();
    expect(snap.ownedSheets).toEqual(['KP B']);
    expect(snap.sheets.find((s) => s.name === 'KP A')!.values[0]).toEqual(['Møtenotater']);
    await expect(wb.replaceOwnSheets([result('KP A', 3)])).rejects.toThrow('Arket «KP A» finnes allerede og er ikke laget av Kontorplan');
    // KP B is still Kontorplan's, and is replaced as before.
    await wb.replaceOwnSheets([result('KP B', 4)]);
    const after = await wb.read();
    expect(after.sheets.find((s) => s.name === 'KP A')!.values[1]).toEqual(['viktig']);
    expect(after.sheets.find((s) => s.name === 'KP B')!.values[3]).toEqual([4]);
  });
});
