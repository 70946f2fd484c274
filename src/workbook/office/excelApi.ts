/**
 * The subset of the Excel JavaScript API (Office.js) that Kontorplan calls, and nothing more.
 * The Office adapter is written against these interfaces, so real Excel (`Excel.run`) and the
 * stateful fake in test/ (which implements exactly this) are interchangeable. Every member
 * here is in ExcelApi 1.9 or earlier; manifest.xml asks for that set. `npm run typecheck`
 * checks these interfaces against Microsoft's @types/office-js (test/typecheck/officeJs.ts).
 *
 * Office.js is a proxy model: calls and assignments are queued, and only `context.sync()`
 * sends them to Excel; a property can be read only after `load` and a `sync`.
 */

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface XRange {
  /** Sheet-qualified A1 address, e.g. "Kommuner!A1:F42" (after load). */
  readonly address: string;
  values: unknown[][];
  /** "Empty" | "String" | "Double" | "Boolean" | "Error" | … (after load). */
  readonly valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly isNullObject: boolean;
  load(properties: string): XRange;
  select(): void;
  readonly conditionalFormats: { add(type: 'ColorScale' | 'ContainsText'): XConditionalFormat };
  readonly format: {
    columnWidth: number;
    wrapText: boolean;
    readonly font: { bold: boolean };
    autofitColumns(): void;
  };
}

/**
 * A colour-scale criterion as Excel reads it back (@types/office-js ConditionalColorScaleCriterion:
 * formula and colour optional, the type any of Excel's); Kontorplan writes `type: 'Number'`.
 */
export type XColorCriterion = { formula?: string; type: string; color?: string };

/** A conditional format (ExcelApi 1.6): a three-colour scale, or a fill for cells containing a text. */
export interface XConditionalFormat {
  readonly colorScale: { criteria: { minimum: XColorCriterion; midpoint?: XColorCriterion; maximum: XColorCriterion } };
  readonly textComparison: {
    rule: { operator: string; text: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface XTable {
  name: string;
  style: string;
}

export interface XChartSeries {
  name: string;
  setXAxisValues(source: XRange): void;
  setValues(source: XRange): void;
  delete(): void;
}

export interface XChart {
  name: string;
  readonly title: { text: string };
  readonly axes: { readonly categoryAxis: { readonly title: { text: string } }; readonly valueAxis: { readonly title: { text: string } } };
  readonly series: { add(name: string): XChartSeries; getItemAt(index: number): XChartSeries };
  setPosition(startCell: string, endCell?: string): void;
}

/** What Excel tells a `Worksheet.onChanged` handler (ExcelApi 1.7), as far as Kontorplan reads it. */
export interface XWorksheetChanged {
  /** The changed range on the sheet, e.g. "B4" or "A2:C9". */
  readonly address: string;
  /** "Local" (this Excel) or "Remote" (a co-author). */
  readonly source: string;
}

export interface XWorksheet {
  readonly name: string;
  /** Fires after cells of the sheet change (ExcelApi 1.7); the handler is registered at the next sync. */
  readonly onChanged: { add(handler: (event: XWorksheetChanged) => Promise<unknown>): unknown };
  visibility: Visibility;
  readonly isNullObject: boolean;
  load(properties: string): XWorksheet;
  getRange(address: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  delete(): void;
  activate(): void;
  readonly tables: { add(address: string, hasHeaders: boolean): XTable };
  readonly charts: { add(type: 'XYScatterLines' | 'XYScatter', sourceData: XRange, seriesBy: 'Columns'): XChart };
  readonly freezePanes: { freezeRows(count: number): void };
}

export interface XWorksheetCollection {
  readonly items: XWorksheet[];
  load(properties: string): XWorksheetCollection;
  add(name: string): XWorksheet;
  getItem(name: string): XWorksheet;
  getItemOrNullObject(name: string): XWorksheet;
}

export interface XSetting {
  readonly value: unknown;
  readonly isNullObject: boolean;
  load(properties: string): XSetting;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
  readonly protection: { readonly protected: boolean; load(properties: string): unknown };
  /** Document settings (ExcelApi 1.4): where the column mapping and parameters are kept. */
  readonly settings: { add(key: string, value: unknown): unknown; getItemOrNullObject(key: string): XSetting };
}

export interface XRequestContext {
  readonly workbook: XWorkbook;
  sync(): Promise<void>;
}

/** `Excel.run`: a batch of work against the open workbook. */
export type ExcelRun = <T>(batch: (context: XRequestContext) => Promise<T>) => Promise<T>;
