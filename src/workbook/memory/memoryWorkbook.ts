import { layoutSheet } from '../../domain/layout';
import type { CellValue, SheetData, SheetSpec, WorkbookSnapshot } from '../../domain/sheets';
import {
  ownerMark,
  OWNER_SHEET,
  stillOwned,
  planReplacement,
  SheetConflictError,
  type InputSheetsPort,
  type SelectPort,
  type SettingsPort,
  type WorkbookPort,
} from '../port';

export { layoutSheet } from '../../domain/layout';

/** An in-memory workbook: the reference implementation of WorkbookPort for tests. */
export class MemoryWorkbook implements WorkbookPort, InputSheetsPort, SettingsPort, SelectPort {
  private sheets: SheetData[];
  private owned: { name: string; mark: string }[] = [];
  /** The specs last written, for assertions. */
  written: readonly SheetSpec[] = [];
  settings: unknown = undefined;
  /** The cell last selected, as `Sheet!A1`. */
  selected: string | undefined;

  constructor(sheets: readonly { name: string; values: CellValue[][]; visible?: boolean }[] = []) {
    this.sheets = sheets.map((s) => ({ name: s.name, values: s.values, visible: s.visible ?? true }));
  }

  async read(): Promise<WorkbookSnapshot> {
    return {
      sheets: this.sheets.filter((s) => s.name !== OWNER_SHEET).map((s) => ({ ...s, values: s.values.map((r) => [...r]) })),
      ownedSheets: this.ownedNames(),
    };
  }

  async replaceOwnSheets(specs: readonly SheetSpec[], keep?: (name: string) => boolean): Promise<void> {
    const plan = planReplacement(
      this.sheets.map((s) => s.name),
      this.ownedNames(),
      specs,
      keep,
    );
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    const remove = new Set(plan.remove);
    this.sheets = this.sheets.filter((s) => !remove.has(s.name));
    for (const spec of specs) this.sheets.push({ name: spec.name, visible: true, values: layoutSheet(spec) });
    this.owned = [...this.owned.filter((o) => plan.kept.includes(o.name)), ...specs.map((s) => ({ name: s.name, mark: ownerMark(s) }))];
    this.written = specs;
  }

  /** The sheets Kontorplan wrote that still hold what it wrote in A1 (ownerMark). */
  private ownedNames(): string[] {
    return stillOwned(this.owned, (name) => this.sheets.find((s) => s.name === name)?.values[0]?.[0]);
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

  async saveSettings(value: unknown): Promise<void> {
    // Kept as Office keeps a document setting: as JSON, so only what survives JSON comes back.
    this.settings = JSON.parse(JSON.stringify(value)) as unknown;
  }

  async select(sheet: string, cell?: string): Promise<void> {
    if (!this.sheets.some((s) => s.name === sheet)) throw new Error(`no sheet ${sheet}`);
    this.selected = `${sheet}!${cell ?? 'A1'}`;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
}
