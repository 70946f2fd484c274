import { saveSettings, selectCell, settingsOf } from '../../src/app/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { SelectPort, SettingsPort, WorkbookPort } from '../../src/workbook/port';
import { FakeExcel } from '../fakes/fakeExcel';

/** The pane's settings and "go to cell" as commands, on every adapter that has them. */

type Port = WorkbookPort & SettingsPort & SelectPort;
type Adapter = { name: string; fresh: () => Port; reopen: (wb: Port) => Port; selected: (wb: Port) => string | undefined };

const sheets = [{ name: 'Kommuner', values: [['Knr'], ['1804']] }];
const memoryOf = new WeakMap<Port, MemoryWorkbook>();
const excelOf = new WeakMap<Port, FakeExcel>();

const adapters: Adapter[] = [
  {
    name: 'memory',
    fresh: () => {
      const wb = new MemoryWorkbook(sheets);
      memoryOf.set(wb, wb);
      return wb;
    },
    reopen: (wb) => wb,
    selected: (wb) => memoryOf.get(wb)!.selected,
  },
  {
    name: 'Office',
    fresh: () => {
      const excel = new FakeExcel(sheets);
      const wb = new OfficeWorkbook(excel.run);
      excelOf.set(wb, excel);
      return wb;
    },
    reopen: (wb) => {
      const excel = excelOf.get(wb)!;
      const again = new OfficeWorkbook(excel.run);
      excelOf.set(again, excel);
      return again;
    },
    selected: (wb) => {
      const excel = excelOf.get(wb)!;
      return excel.active === undefined ? undefined : excel.selection;
    },
  },
];

describe.each(adapters)('settings and selection on the $name adapter', ({ fresh, reopen, selected }) => {
  it('keeps the rules and the mapping with the workbook', async () => {
    const wb = fresh();
    const settings = { mapping: { sheets: { municipalities: 'Kommuner' }, columns: {} }, rules: { minFte: 12, maxOwners: 4 } };
    await saveSettings(wb, settings);
    const again = reopen(wb);
    await again.read();
    expect(settingsOf(again).rules).toEqual({ minFte: 12, maxOwners: 4 });
    expect(settingsOf(again).mapping?.sheets).toEqual({ municipalities: 'Kommuner' });
  });

  it('drops stored rules of the wrong type instead of trusting them', async () => {
    const wb = fresh();
    await wb.saveSettings({ rules: { minFte: 'tolv', maxOwners: 3, requireSameBaRegion: 'ja' } });
    const again = reopen(wb);
    await again.read();
    expect(settingsOf(again).rules).toEqual({ maxOwners: 3 });
  });

  it('goes to a problem’s cell', async () => {
    const wb = fresh();
    await selectCell(wb, { sheet: 'Kommuner', cell: 'A2' });
    expect(selected(wb)).toBe('Kommuner!A2');
  });
});
