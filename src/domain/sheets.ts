/**
 * Plain data shapes shared by io (which produces and reads them) and workbook adapters
 * (which move them in and out of Excel or .xlsx files).
 */

/** An Excel error value as read from a cell, e.g. "#REF!". */
export type CellError = Readonly<{ error: string }>;

/** A cell value as both Office.js (`values`) and exceljs give it, normalised. */
export type CellValue = string | number | boolean | Date | CellError | null;

export type SheetData = Readonly<{
  name: string;
  visible: boolean;
  /** Row-major cell values from A1; rows may be ragged. */
  values: readonly (readonly CellValue[])[];
}>;

export type WorkbookSnapshot = Readonly<{
  sheets: readonly SheetData[];
  /** Names of sheets Kontorplan created in this workbook (never read as input). */
  ownedSheets: readonly string[];
}>;

/**
 * A formula written to a cell (without the leading "="), with the value Kontorplan computed
 * for it, which readers that do not recalculate show.
 */
export type FormulaCell = Readonly<{ formula: string; result?: number | string }>;

/** What an output table's cell may hold. */
export type OutputCell = CellValue | FormulaCell;

export function isFormula(v: unknown): v is FormulaCell {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

/**
 * Conditional formatting of a column: `rating` colours 0–100 from red through yellow to
 * green; `fail` marks the cells that say BRUDD in red.
 */
export type Highlight = 'rating' | 'fail';

/** The text a failed rule shows, which the `fail` highlight marks. */
export const FAIL_TEXT = 'BRUDD';

/** The colours of the highlights (RGB hex), the same in every adapter: Excel's own red–yellow–green scale and light-red fill. */
export const HIGHLIGHT_COLOURS = {
  scale: [
    { at: 0, colour: 'F8696B' },
    { at: 50, colour: 'FFEB84' },
    { at: 100, colour: '63BE7B' },
  ],
  failFill: 'FFC7CE',
  failFont: '9C0006',
} as const;

/** A column of an output table. `format` is an Excel number format. */
export type ColumnSpec = Readonly<{ header: string; format?: string; width?: number; highlight?: Highlight }>;

export type TableSpec = Readonly<{
  /** Excel table name, unique in the workbook (letters, digits, underscore). */
  name: string;
  /** 0-based row where the header goes (column A). */
  startRow: number;
  /** Optional caption written in the row above the header. */
  title?: string;
  columns: readonly ColumnSpec[];
  rows: readonly (readonly OutputCell[])[];
  /** Number format per row, for cells whose column has none (a table of mixed measures). */
  rowFormats?: readonly (string | undefined)[];
}>;

/**
 * A native Excel chart over one of the sheet's tables: a line with markers (scatter with
 * straight lines) of each `y` column against the `x` column, placed to the right of the tables.
 */
export type ChartSpec = Readonly<{
  title: string;
  /** Name of the table (in the same sheet) the series read from. */
  table: string;
  /** 0-based column of the table for the x values. */
  x: number;
  /** 0-based columns of the table, one series each. */
  y: readonly number[];
  xTitle: string;
  yTitle: string;
  /**
   * One series per row instead, named by this column: each row a single labelled point (of
   * `x` against the first `y`), markers only, e.g. scenarios by number of offices and travel.
   */
  pointPerRow?: number;
}>;

export type SheetSpec = Readonly<{
  name: string;
  /** Native charts over the sheet's tables. */
  charts?: readonly ChartSpec[];
  /** Free text lines written from A1 down before the first table. */
  heading?: readonly string[];
  tables: readonly TableSpec[];
  /** Rows to freeze at the top (e.g. through the first table's header). */
  freezeRows?: number;
}>;
