/**
 * A workbook the commands of src/app can run against off the page (the pane's Web Worker):
 * it reads what the page read, and instead of writing it records each write as plain data,
 * which the page then applies through the Office port (`applyWrites`). The commands stay the
 * one place that decides what is written; this only carries it across.
 */
import type { SheetSpec, WorkbookSnapshot } from '../domain/sheets';
import type { ReadResult } from '../io/readWorkbook';
import { sheetGrids, type LaidOutSheet } from '../workbook/office/officeWorkbook';
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

/**
 * A staged write as it crosses to the page: each sheet laid out as the Office adapter writes it
 * (`sheetGrids`: formulas and number formats), with its spec, as JSON text. A string crosses
 * a worker's boundary as one copy, and the page parses one sheet at a time; the 2-D arrays
 * themselves, cloned, cost the page several times that (all of Norway's Reisetid: ~0.3 s
 * cloned against ~0.08 s parsed, measured on this machine). JSON is what Office.js sends to
 * Excel in any case, so nothing is lost that Excel would have seen (a spec's dates arrive as
 * text, but its cells are written from the grid, where they are day numbers already).
 */
export type PackedWrite = Readonly<{
  kind: StagedWrite['kind'];
  names: readonly string[];
  keep: readonly string[];
  sheets: readonly string[];
}>;

export function pack(writes: readonly StagedWrite[]): PackedWrite[] {
  return writes.map((w) => ({
    kind: w.kind,
    names: w.specs.map((s) => s.name),
    keep: w.kind === 'own' ? w.keep : [],
    sheets: w.specs.map((spec) => JSON.stringify({ spec, grid: sheetGrids(spec) } satisfies LaidOutSheet)),
  }));
}

/** The sheets of a packed write, parsed one at a time with a turn of the event loop between (the pane draws). */
export async function unpack(w: PackedWrite): Promise<LaidOutSheet[]> {
  const out: LaidOutSheet[] = [];
  for (const text of w.sheets) {
    if (out.length > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    out.push(JSON.parse(text) as LaidOutSheet);
  }
  return out;
}

/** How many sheets the writes hold (for the page's progress). */
export const sheetsOf = (writes: readonly PackedWrite[]): number => writes.reduce((n, w) => n + w.names.length, 0);
