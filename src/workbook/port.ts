import type { SheetSpec, WorkbookSnapshot } from '../domain/sheets';

/**
 * What the engine needs from a workbook, whatever holds it (Excel via Office.js, an .xlsx
 * file via exceljs, memory in tests). Implementations must:
 * - read everything in one go (`read`), excluding nothing: the reader decides;
 * - write only sheets Kontorplan created: `replaceOwnSheets` removes the sheets it made
 *   last time, writes the new ones and records them as its own, and refuses (changing
 *   nothing) when a new sheet's name is taken by a sheet the planner made.
 */
export interface WorkbookPort {
  read(): Promise<WorkbookSnapshot>;
  replaceOwnSheets(sheets: readonly SheetSpec[]): Promise<void>;
}

/** The very hidden sheet listing the sheets Kontorplan made, one name per row in column A. */
export const OWNER_SHEET = '_kontorplan';

export class SheetConflictError extends Error {
  constructor(readonly sheet: string) {
    super(`Arket «${sheet}» finnes allerede og er ikke laget av Kontorplan; gi det et annet navn eller slett det.`);
    this.name = 'SheetConflictError';
  }
}

/**
 * The sheets to remove before writing `specs`, or the conflict that stops the write.
 * Names compare case-insensitively, as Excel does.
 */
export function planReplacement(
  existing: readonly string[],
  owned: readonly string[],
  specs: readonly SheetSpec[],
): { remove: string[]; conflict?: string } {
  const ownedLower = new Set([...owned, OWNER_SHEET].map((s) => s.toLowerCase()));
  const existingLower = new Map(existing.map((s) => [s.toLowerCase(), s]));
  for (const spec of specs) {
    const hit = existingLower.get(spec.name.toLowerCase());
    if (hit !== undefined && !ownedLower.has(hit.toLowerCase())) return { remove: [], conflict: hit };
  }
  return { remove: existing.filter((s) => ownedLower.has(s.toLowerCase())) };
}
