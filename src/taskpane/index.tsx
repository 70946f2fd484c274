/**
 * The add-in's page (shared runtime): the task pane, the ribbon command and the custom
 * functions all run here. Excel is reached only through Office.js's `Excel.run`.
 */
import { createRoot } from 'react-dom/client';
// The custom functions: the metadata plugin's loader adds their CustomFunctions.associate calls.
import '../functions/functions';
import type { ExcelRun } from '../workbook/office/excelApi';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { App } from './App';
import { PaneEvents } from './changes';
import { embeddedData } from './embedded';
import { inProcess, offloadTo, type Port } from './offload';
import { Planner } from './planner';
import { themeOfOffice } from './theme';

declare const Office: {
  onReady(): Promise<{ host: unknown }>;
  context?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
  actions?: { associate(name: string, f: (event: { completed(): void }) => void): void };
  addin?: {
    showAsTaskpane(): Promise<void>;
    /** SharedRuntime 1.1: the pane shown ("Taskpane") or closed ("Hidden"); the runtime lives on. */
    onVisibilityModeChanged?(handler: (args: { visibilityMode: string }) => void): Promise<unknown>;
  };
};
declare const Excel: { run: ExcelRun };

void Office.onReady().then(() => {
  const data = embeddedData();
  const planner = new Planner(new OfficeWorkbook((batch) => Excel.run(batch)), data);
  // Reading, scoring and building sheets in the pane's Web Worker; on the page if it cannot start.
  try {
    planner.offload = offloadTo(new Worker('pane-worker.js') as unknown as Port, () => inProcess(data));
  } catch {
    planner.offload = undefined;
  }
  // The runtime outlives the pane: read again when it is shown, an input is edited, or the command wrote.
  const events = new PaneEvents();
  planner.onInputChanged = () => events.emit('edited');
  Office.addin
    ?.onVisibilityModeChanged?.((args) => {
      if (args.visibilityMode === 'Taskpane') events.emit('shown');
    })
    .catch(() => undefined);
  // The ribbon's "Vurder scenarier": score every scenario and write the sheets, without the pane.
  // When the data has problems (or Excel refuses), the task pane opens to show them.
  Office.actions?.associate('scoreScenarios', (event) => {
    planner
      .load()
      .then((l) => {
        if (!l.value) throw new Error('the workbook has problems to show');
        return planner.writeScenarios();
      })
      .then(() => events.emit('written'))
      .catch(() => Office.addin?.showAsTaskpane())
      .finally(() => event.completed());
  });
  const lang = (Office.context?.displayLanguage ?? 'nb').toLowerCase().startsWith('en') ? 'en' : 'nb';
  // Office's theme where the host tells it, read again whenever it may have changed (theme.ts); the system's otherwise.
  const theme = () => themeOfOffice(Office.context?.officeTheme);
  createRoot(document.getElementById('root')!).render(<App planner={planner} language={lang} events={events} theme={theme} />);
});
