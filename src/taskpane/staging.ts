/**
 * A workbook the commands of src/app can run against off the page (the pane's Web Worker):
 * it reads what the page read, and instead of writing it records each write as plain data,
 * which the page then applies through the Office port (`applyWrites`). The commands stay the
 * one place that decides what is written; this only carries it across.
 */
import type { SheetSpec, WorkbookSnapshot } from '../domain/sheets';
import type { ReadResult } from '../io/readWorkbook';
import { planReplacement, SheetConflictError, type InputSheetsPort, type WorkbookPort } from '../workbook/port';

/**
 * One write a command made: Kontorplan's own sheets (with the names of its other sheets it
 * keeps, which the command's `keep` chose among the sheets it owned as read), or the planner's
 * input sheets (the sample).
 */
export type StagedWrite =
  | Readonly<{ kind: 'own'; specs: readonly SheetSpec[]; keep: readonly string[] }>
  | Readonly<{ kind: 'input'; specs: readonly SheetSpec[] }>;

/** Reads what the page read; records the writes. A name in the way is refused here as the page's port would refuse it. */
export class StagingWorkbook implements WorkbookPort, InputSheetsPort {
  readonly writes: StagedWrite[] = [];

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    /** The engine's reading of the snapshot, when there is one (the sample needs none). */
    readonly reading?: Readonly<{ snapshot: WorkbookSnapshot; result: ReadResult }>,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    return this.snapshot;
  }

  async replaceOwnSheets(specs: readonly SheetSpec[], keep: (name: string) => boolean = () => false): Promise<void> {
    const names = this.snapshot.sheets.map((s) => s.name);
    const plan = planReplacement(names, this.snapshot.ownedSheets, specs, keep);
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    this.writes.push({ kind: 'own', specs, keep: plan.kept });
  }

  addInputSheets(specs: readonly SheetSpec[]): void {
    const plan = planReplacement(
      this.snapshot.sheets.map((s) => s.name),
      [],
      specs,
    );
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    this.writes.push({ kind: 'input', specs });
  }
}

/** The sheets a staged write will write, in order (for the page's progress). */
export const sheetsOf = (writes: readonly StagedWrite[]): number => writes.reduce((n, w) => n + w.specs.length, 0);
