/**
 * Served in place of office.js in the browser tests: an Office host whose workbook is the
 * fake Excel (test/fakes/fakeExcel.ts). It records what the add-in registers (custom
 * functions, ribbon actions) and exposes the workbook as `window.kontorplanTest` so the test
 * can check what was written.
 */
import { FakeExcel } from '../fakes/fakeExcel';

const excel = new FakeExcel([{ name: 'Mine notater', values: [['Dette arket er mitt'], [1, 2, 3]] }]);
const functions: Record<string, unknown> = {};
const actions: Record<string, unknown> = {};
const shown = { count: 0 };
const visibility: ((args: { visibilityMode: string }) => void)[] = [];
/** Office.context: the display language, and the Office theme a test may set (Excel tells no one when it changes). */
const context: { displayLanguage: string; officeTheme?: { bodyBackgroundColor: string } } = { displayLanguage: 'nb-NO' };
/** Every Web Worker the page starts, by its script: how many optimisations ran. */
const workers: string[] = [];
const PageWorker = globalThis.Worker;
if (PageWorker)
  globalThis.Worker = class extends PageWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(String(url));
    }
  };

Object.assign(globalThis, {
  Office: {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    context,
    actions: { associate: (name: string, f: unknown) => (actions[name] = f) },
    addin: {
      showAsTaskpane: () => Promise.resolve(void (shown.count += 1)),
      onVisibilityModeChanged: (h: (args: { visibilityMode: string }) => void) => Promise.resolve(void visibility.push(h)),
    },
  },
  Excel: { run: excel.run },
  CustomFunctions: { associate: (id: string, f: unknown) => (functions[id] = f) },
  kontorplanTest: {
    excel,
    functions,
    actions,
    sheetNames: () => excel.sheets.map((s) => s.name),
    values: (name: string) => excel.values(name),
    dump: (name: string) => JSON.stringify(excel.dump(name)),
    syncs: () => excel.syncs,
    shown,
    workers,
    /** Office's theme set (File > Account > Office Theme), or undefined when the host does not say. */
    setOfficeTheme: (bodyBackgroundColor: string | undefined) => {
      if (bodyBackgroundColor === undefined) delete context.officeTheme;
      else context.officeTheme = { bodyBackgroundColor };
    },
    /** The pane closed and opened again, as Office tells a shared runtime. */
    reopen: () => {
      for (const h of visibility) h({ visibilityMode: 'Hidden' });
      for (const h of visibility) h({ visibilityMode: 'Taskpane' });
    },
    /** The planner types into a sheet. */
    edit: (sheet: string, address: string, values: unknown[][]) => excel.edit(sheet, address, values),
  },
});
