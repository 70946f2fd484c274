import { isFormula, type CellValue, type OutputCell, type SheetData, type SheetSpec, type WorkbookSnapshot } from '../../domain/sheets';
import { OWNER_SHEET, planReplacement, SheetConflictError, type InputSheetsPort, type WorkbookPort } from '../port';

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

/** An in-memory workbook: the reference implementation of WorkbookPort for tests. */
export class MemoryWorkbook implements WorkbookPort, InputSheetsPort {
  private sheets: SheetData[];
  private owned: string[] = [];
  /** The specs last written, for assertions. */
  written: readonly SheetSpec[] = [];

  constructor(sheets: readonly { name: string; values: CellValue[][]; visible?: boolean }[] = []) {
    this.sheets = sheets.map((s) => ({ name: s.name, values: s.values, visible: s.visible ?? true }));
  }

  async read(): Promise<WorkbookSnapshot> {
    return {
      sheets: this.sheets.filter((s) => s.name !== OWNER_SHEET).map((s) => ({ ...s, values: s.values.map((r) => [...r]) })),
      ownedSheets: [...this.owned],
    };
  }

  async replaceOwnSheets(specs: readonly SheetSpec[], keep?: (name: string) => boolean): Promise<void> {
    const plan = planReplacement(
      this.sheets.map((s) => s.name),
      this.owned,
      specs,
      keep,
    );
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    const remove = new Set(plan.remove);
    this.sheets = this.sheets.filter((s) => !remove.has(s.name));
    for (const spec of specs) this.sheets.push({ name: spec.name, visible: true, values: layoutSheet(spec) });
    this.owned = [...plan.kept, ...specs.map((s) => s.name)];
    this.written = specs;
  }

  /** Adds the planner's input sheets (the sample): not marked as Kontorplan's own. */
  addInputSheets(specs: readonly SheetSpec[]): void {
    const plan = planReplacement(
      this.sheets.map((s) => s.name),
      [],
      specs,
    );
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    for (const spec of specs) this.sheets.push({ name: spec.name, visible: true, values: layoutSheet(spec) });
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
}
