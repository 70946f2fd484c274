import { layoutSheet } from '../domain/layout';
import type { SheetSpec, WorkbookSnapshot } from '../domain/sheets';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';

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
  /**
   * `keep`: Kontorplan's own sheets from other commands to leave in place (and still own),
   * e.g. the cost sheets when scenarios are scored again. A sheet being written is replaced
   * whatever `keep` says.
   */
  replaceOwnSheets(sheets: readonly SheetSpec[], keep?: (name: string) => boolean): Promise<void>;
}

/** A workbook the planner's own input sheets can be added to (the sample): not marked as Kontorplan's. */
export interface InputSheetsPort {
  addInputSheets(specs: readonly SheetSpec[]): void | Promise<void>;
}

/**
 * A workbook that keeps Kontorplan's settings with it (the pane: Office's document settings).
 * `settings` is the value as of the last `read`.
 */
export interface SettingsPort {
  readonly settings: unknown;
  saveSettings(value: unknown): Promise<void>;
}

/** A workbook open in front of the planner, where a cell can be selected (a problem's "go to"). */
export interface SelectPort {
  select(sheet: string, cell?: string): Promise<void>;
}

/** The very hidden sheet listing the sheets Kontorplan made, one name per row in column A. */
export const OWNER_SHEET = '_kontorplan';

/**
 * What a sheet Kontorplan writes holds in A1 (its heading, or its first table's first header),
 * recorded beside its name in the owner sheet: a sheet of that name whose A1 now says something
 * else is not taken to be Kontorplan's (the planner deleted it and made her own under the same
 * name), so it is never replaced.
 */
export function ownerMark(spec: SheetSpec): string {
  return markText(layoutSheet(spec)[0]?.[0]);
}

/** A cell's value as the owner sheet compares it: text, numbers as written, empty as "". */
export function markText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return String(v);
}

/**
 * The names the owner sheet lists, without those whose sheet no longer holds the mark recorded for
 * it. A name with no mark (written before marks were kept) is still owned.
 */
export function stillOwned(listed: readonly { name: string; mark?: string }[], a1Of: (name: string) => unknown): string[] {
  return listed.filter((l) => !l.mark || markText(a1Of(l.name)) === l.mark).map((l) => l.name);
}

/**
 * What the workbook or Excel refused, as a message of the catalogue (src/io/messages.ts):
 * `text(lang)` in the planner's language; `message` is the Norwegian. `nothingWritten`: a write
 * was refused and the workbook is as it was, which the text says.
 */
export class WorkbookError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    readonly nothingWritten = false,
  ) {
    super(render(code, params, nothingWritten, 'nb'));
    this.name = 'WorkbookError';
  }

  text(lang: Language): string {
    return render(this.code, this.params, this.nothingWritten, lang);
  }
}

const render = (code: MessageCode, params: MessageParams, nothingWritten: boolean, lang: Language) =>
  message(code, params, lang) + (nothingWritten ? ` ${message('nothingWasWritten', {}, lang)}` : '');

/** Something in Excel stopped a read or a write; the message says what to do, and nothing was changed. */
export class WorkbookBlockedError extends WorkbookError {
  constructor(code: MessageCode, params: MessageParams = {}, nothingWritten = false) {
    super(code, params, nothingWritten);
    this.name = 'WorkbookBlockedError';
  }
}

export class SheetConflictError extends WorkbookError {
  constructor(
    readonly sheet: string,
    code: MessageCode = 'sheetConflict',
    params: MessageParams = { sheet },
  ) {
    super(code, params);
    this.name = 'SheetConflictError';
  }
}

/** A table of the planner's has the name of one Kontorplan writes (table names are unique in a workbook). */
export class TableConflictError extends SheetConflictError {
  constructor(readonly table: string) {
    super(table, 'tableConflict', { table });
    this.name = 'TableConflictError';
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
  keep: (name: string) => boolean = () => false,
): { remove: string[]; kept: string[]; conflict?: string } {
  const ownedLower = new Set([...owned, OWNER_SHEET].map((s) => s.toLowerCase()));
  const existingLower = new Map(existing.map((s) => [s.toLowerCase(), s]));
  for (const spec of specs) {
    const hit = existingLower.get(spec.name.toLowerCase());
    if (hit !== undefined && !ownedLower.has(hit.toLowerCase())) return { remove: [], kept: [], conflict: hit };
  }
  const writing = new Set(specs.map((s) => s.name.toLowerCase()));
  const mine = existing.filter((s) => ownedLower.has(s.toLowerCase()));
  const kept = mine.filter((s) => s !== OWNER_SHEET && !writing.has(s.toLowerCase()) && keep(s));
  return { remove: mine.filter((s) => !kept.includes(s)), kept };
}
