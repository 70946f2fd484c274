/**
 * Sheet geometry every adapter shares: where a sheet spec's heading, titles, headers and rows
 * land as cell values. It lives here, below io and the adapters, so that no adapter imports
 * another for it.
 */
import { isFormula, type CellValue, type OutputCell, type SheetSpec } from './sheets';

/** A formula cell reads back as its computed value, as from a workbook that was recalculated. */
const formulaResult = (v: OutputCell): CellValue => (isFormula(v) ? (v.result ?? null) : v);

/**
 * Lays a sheet spec out as cell values, as an adapter writes it (heading, title, header, rows);
 * `cell` says what a table cell becomes (by default a formula's computed value).
 */
export function layoutSheet(spec: SheetSpec, cell: (v: OutputCell) => CellValue = formulaResult): CellValue[][] {
  const grid: CellValue[][] = [];
  const put = (r: number, c: number, v: CellValue) => {
    while (grid.length <= r) grid.push([]);
    grid[r]![c] = v;
  };
  (spec.heading ?? []).forEach((line, i) => put(i, 0, line));
  for (const t of spec.tables) {
    if (t.title) put(t.startRow - 1, 0, t.title);
    t.columns.forEach((c, j) => put(t.startRow, j, c.header));
    t.rows.forEach((row, i) => row.forEach((v, j) => put(t.startRow + 1 + i, j, cell(v))));
  }
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? null));
}
