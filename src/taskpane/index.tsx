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
import { embeddedData } from './embedded';
import { Planner } from './planner';

declare const Office: {
  onReady(): Promise<{ host: unknown }>;
  context?: { displayLanguage?: string };
  actions?: { associate(name: string, f: (event: { completed(): void }) => void): void };
  addin?: { showAsTaskpane(): Promise<void> };
};
declare const Excel: { run: ExcelRun };

void Office.onReady().then(() => {
  const planner = new Planner(new OfficeWorkbook((batch) => Excel.run(batch)), embeddedData());
  // The ribbon's "Vurder scenarier": score every scenario and write the sheets, without the pane.
  // When the data has problems (or Excel refuses), the task pane opens to show them.
  Office.actions?.associate('scoreScenarios', (event) => {
    planner
      .load()
      .then((l) => {
        if (!l.value) throw new Error('the workbook has problems to show');
        return planner.writeScenarios();
      })
      .catch(() => Office.addin?.showAsTaskpane())
      .finally(() => event.completed());
  });
  const lang = (Office.context?.displayLanguage ?? 'nb').toLowerCase().startsWith('en') ? 'en' : 'nb';
  createRoot(document.getElementById('root')!).render(<App planner={planner} language={lang} />);
});
