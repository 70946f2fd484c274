/**
 * Type-checks the Office adapter's view of Excel (src/workbook/office/excelApi.ts) against
 * Microsoft's own typings, @types/office-js: each real Office.js object must be usable where the
 * adapter expects its interface, and `Excel.run` must be an `ExcelRun`. Compiled only by
 * `npm run typecheck` (tsconfig.office.json), never run and never bundled. If Microsoft's types
 * and ours disagree (a member renamed, a type narrowed, a method missing), this stops compiling.
 */
/// <reference types="office-js" />
import type {
  ExcelRun,
  XChart,
  XChartSeries,
  XConditionalFormat,
  XRange,
  XRequestContext,
  XSetting,
  XTable,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
} from '../../src/workbook/office/excelApi';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';

export const checks = {
  range: (x: Excel.Range): XRange => x,
  conditionalFormat: (x: Excel.ConditionalFormat): XConditionalFormat => x,
  table: (x: Excel.Table): XTable => x,
  chart: (x: Excel.Chart): XChart => x,
  series: (x: Excel.ChartSeries): XChartSeries => x,
  worksheet: (x: Excel.Worksheet): XWorksheet => x,
  worksheets: (x: Excel.WorksheetCollection): XWorksheetCollection => x,
  setting: (x: Excel.Setting): XSetting => x,
  workbook: (x: Excel.Workbook): XWorkbook => x,
  context: (x: Excel.RequestContext): XRequestContext => x,
};

/** As the task pane builds it (src/taskpane/index.tsx): the adapter over the real `Excel.run`. */
export const run: ExcelRun = (batch) => Excel.run((context) => batch(context));
export const workbook = () => new OfficeWorkbook((batch) => Excel.run(batch));
