import {
  FAIL_TEXT,
  HIGHLIGHT_COLOURS,
  isFormula,
  type CellValue,
  type Highlight,
  type OutputCell,
  type SheetData,
  type SheetSpec,
  type WorkbookSnapshot,
} from '../../domain/sheets';
import { a1, columnIndex, columnLetters } from '../../io/cells';
import { layoutSheet } from '../../domain/layout';
import {
  markText,
  ownerMark,
  OWNER_SHEET,
  planReplacement,
  stillOwned,
  SheetConflictError,
  WorkbookBlockedError,
  type InputSheetsPort,
  type SelectPort,
  type SettingsPort,
  type WorkbookPort,
} from '../port';
import { excelDate, isDateTimeFormat } from '../numberFormat';
import type { ExcelRun, XRange, XRequestContext, XWorksheet } from './excelApi';

/**
 * Excel on the web refuses a request or a response larger than 5 MB (Microsoft's docs,
 * excel/performance.md: "limits requests and responses to 5 MB"); stay under it with a margin.
 */
export const MAX_REQUEST_BYTES = 4_500_000;
/** The answer one read sync aims at (values, valueTypes and numberFormat as JSON), under the 5 MB with a margin. */
export const MAX_RESPONSE_BYTES = 4_000_000;
/**
 * Our estimate of the JSON one cell costs in a read (its value, its type and its number format,
 * with quotes and commas): measured on the sample of all of Norway at 17.2 bytes without the
 * format, and on Nordland's at 18.2 without and 23.1 with it; taken at 36, since a planner's
 * "General" cell costs 10 bytes of format alone. A chunk Excel still refuses (long texts, long
 * custom formats) is halved and read again.
 */
export const READ_BYTES_PER_CELL = 36;

/** The document setting that holds Kontorplan's settings (column mapping, parameters). */
export const SETTINGS_KEY = 'kontorplan';

export { WorkbookBlockedError } from '../port';

/** A turn of the event loop: the pane draws, and handles input, between steps of a long write. */
const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The A1 address of the top-left cell of a (sheet-qualified) range address, as 0-based row and column. */
export function topLeft(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(local);
  if (!m) return { row: 0, col: 0 };
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/**
 * One cell as Office.js gives it (`values`, `valueTypes`, `numberFormat`), as the engine sees it.
 * Office.js gives a date or time as its day number ("1:25" as 0.059); with a date or time format
 * it becomes the Date the .xlsx reader gives for the same cell, so a travel time typed as 1:25
 * reads as 85 minutes in the add-in as on the command line.
 */
function cellOf(v: unknown, type: string | undefined, format?: unknown): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' && type === 'Double' && isDateTimeFormat(format)) return excelDate(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** The 0-based bounds of a (sheet-qualified) range address: "Kommuner!B2:F42", "'KP A'!A1". */
export function rangeBounds(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(local);
  if (!m) return { r0: 0, c0: 0, r1: -1, c1: -1 };
  const r0 = Number(m[2]) - 1;
  const c0 = columnIndex(m[1]!);
  return { r0, c0, r1: m[3] ? Number(m[4]) - 1 : r0, c1: m[3] ? columnIndex(m[3]) : c0 };
}

/** A used range's values placed from A1, as the readers expect. */
function fromA1(range: XRange): CellValue[][] {
  const { row, col } = topLeft(range.address);
  return placed(row, col, [{ values: range.values, valueTypes: range.valueTypes }]);
}

/** Row blocks of one sheet (read in order, same columns) placed from A1. */
function placed(
  row: number,
  col: number,
  blocks: readonly { values: unknown[][]; valueTypes: string[][]; numberFormat?: unknown[][] }[],
): CellValue[][] {
  const out: CellValue[][] = Array.from({ length: row }, () => []);
  for (const b of blocks)
    b.values.forEach((r, i) => {
      const types = b.valueTypes[i];
      const formats = b.numberFormat?.[i];
      out.push([...Array<CellValue>(col).fill(null), ...r.map((v, j) => cellOf(v, types?.[j], formats?.[j]))]);
    });
  return out;
}

/** Rows r0..r1 (0-based, inclusive) of one sheet's used range, read as one range. */
type Block = { sheet: number; r0: number; r1: number; c0: number; c1: number; range?: XRange };

/** The used range of each sheet cut into row blocks of at most `maxCells` cells. */
function rowBlocks(sheet: number, b: { r0: number; c0: number; r1: number; c1: number }, maxCells: number): Block[] {
  const width = b.c1 - b.c0 + 1;
  const rows = Math.max(1, Math.floor(maxCells / width));
  const out: Block[] = [];
  for (let r = b.r0; r <= b.r1; r += rows) out.push({ sheet, r0: r, r1: Math.min(b.r1, r + rows - 1), c0: b.c0, c1: b.c1 });
  return out;
}

const cells = (b: Block) => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

/** Blocks grouped so each group's estimated answer stays under the budget (one sync per group). */
function groupBlocks(blocks: readonly Block[], budgetCells: number): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let n = 0;
  for (const b of blocks) {
    if (current.length > 0 && n + cells(b) > budgetCells) {
      groups.push(current);
      current = [];
      n = 0;
    }
    current.push(b);
    n += cells(b);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Reads the blocks' values, one sync per group; a group Excel refuses as too large an answer
 * is split in two (a single block by its rows) and read again. Fails only when one row alone is
 * over the limit.
 */
async function readBlocks(context: XRequestContext, sheets: readonly XWorksheet[], group: Block[]): Promise<Block[]> {
  for (const b of group) b.range = sheets[b.sheet]!.getRange(`${a1(b.r0, b.c0)}:${a1(b.r1, b.c1)}`).load('values,valueTypes,numberFormat');
  try {
    await context.sync();
    return group;
  } catch (e) {
    if ((e as { code?: string }).code !== 'ResponsePayloadSizeLimitExceeded') throw e;
    let halves: Block[][];
    if (group.length > 1) halves = [group.slice(0, group.length >> 1), group.slice(group.length >> 1)];
    else {
      const b = group[0]!;
      if (b.r0 === b.r1) throw e;
      const mid = (b.r0 + b.r1) >> 1;
      halves = [[{ ...b, r1: mid }], [{ ...b, r0: mid + 1 }]];
    }
    const out: Block[] = [];
    for (const h of halves) out.push(...(await readBlocks(context, sheets, h)));
    return out;
  }
}

/** Messages for what Excel itself refuses, by its error code. */
function blocked(e: unknown, doing: 'read' | 'write'): Error {
  const code = (e as { code?: string }).code;
  const write = doing === 'write';
  if (code === 'InvalidOperationInCellEditMode') return new WorkbookBlockedError('excelEditMode', {}, write);
  // Excel on the web's 5 MB limits (Office.js codes RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded).
  if (code === 'RequestPayloadSizeLimitExceeded') return new WorkbookBlockedError('excelRequestTooLarge', {}, write);
  if (code === 'ResponsePayloadSizeLimitExceeded') return new WorkbookBlockedError('excelResponseTooLarge');
  if (code === 'AccessDenied') return new WorkbookBlockedError('excelAccessDenied', {}, write);
  if (code !== undefined)
    return new WorkbookBlockedError(write ? 'excelWriteFailed' : 'excelReadFailed', { code, detail: (e as Error).message });
  return e instanceof Error ? e : new Error(String(e));
}

type Cell = string | number | boolean;

/** A sheet spec as the 2-D arrays written to Excel: formulas (values, or "=…"), and number formats. */
export function sheetGrids(spec: SheetSpec): { formulas: Cell[][]; formats: string[][]; width: number } {
  const grid = layoutSheet(spec, (v: OutputCell) => (isFormula(v) ? `=${v.formula}` : v));
  const formulaAt = layoutSheet(spec, (v: OutputCell) => isFormula(v));
  // Not Math.max(...rows): a whole country's Reisetid has more rows than a worker's stack takes as arguments.
  const width = grid.reduce((w, r) => Math.max(w, r.length), 1);
  const formats: string[][] = grid.map(() => Array<string>(width).fill('General'));
  for (const t of spec.tables) {
    t.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        const f = t.columns[j]?.format ?? t.rowFormats?.[i];
        if (f && (typeof v === 'number' || isFormula(v))) formats[t.startRow + 1 + i]![j] = f;
      });
    });
  }
  const formulas = grid.map((r, i) =>
    Array.from({ length: width }, (_, j): Cell => {
      const v = r[j] ?? null;
      if (v === null) return '';
      // A date as Excel holds one: its serial number, under a date format (typed text would be
      // converted by the locale's rules, or not at all).
      if (v instanceof Date) {
        if (formats[i]![j] === 'General') formats[i]![j] = 'yyyy-mm-dd';
        return Math.round((Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);
      }
      if (typeof v === 'object') return v.error;
      // Text stays text: "0301" must not become 301, nor a name starting with "=" a formula.
      if (typeof v === 'string' && formulaAt[i]?.[j] !== true) formats[i]![j] = '@';
      return v;
    }),
  );
  return { formulas, formats, width };
}

/** A sheet spec with the 2-D arrays it is written as (`sheetGrids`). */
export type LaidOutSheet = Readonly<{ spec: SheetSpec; grid: SheetGrid }>;
export type SheetGrid = ReturnType<typeof sheetGrids>;

/** Specs laid out sheet by sheet, letting the pane draw between them (a whole country's sheets take a while). */
async function laidOut(specs: readonly SheetSpec[]): Promise<LaidOutSheet[]> {
  const out: LaidOutSheet[] = [];
  for (const spec of specs) {
    if (out.length > 0) await turn();
    out.push({ spec, grid: sheetGrids(spec) });
  }
  return out;
}

/** Rough size of the request that writes these sheets, in bytes of JSON. */
function requestBytes(grids: readonly { formulas: Cell[][]; formats: string[][] }[]): number {
  let n = 0;
  for (const g of grids) {
    for (const r of g.formulas) for (const v of r) n += String(v).length + 3;
    for (const r of g.formats) for (const v of r) n += v.length + 3;
  }
  return n;
}

/**
 * The workbook open in Excel, through Office.js. Reading takes two `sync`s (sheet list and
 * settings; then every used range's address) and then one per ~4 MB of cells, so no answer
 * goes over Excel on the web's 5 MB (a county is one more sync, all of Norway two); writing takes
 * two (what is there; then everything), with one more only to clean up if Excel refuses the write.
 */
function outlineOf(sheets: readonly XWorksheet[], used: readonly XRange[]): string {
  return JSON.stringify(sheets.map((ws, i) => [ws.name, ws.visibility, used[i]!.isNullObject ? '' : used[i]!.address]));
}

export class OfficeWorkbook implements WorkbookPort, InputSheetsPort, SettingsPort, SelectPort {
  /** Kontorplan's document settings as of the last `read`. */
  settings: unknown = undefined;
  /** The sheets' names, visibility and used ranges as of the last `read` (see `outlineNow`). */
  outline: string | undefined;
  /**
   * Told as each sheet of a write is laid out and queued (`sheet` of `of`, from 1), with a turn
   * of the event loop between sheets so the pane can show it; the batch is still sent in one sync.
   */
  onWriting: ((sheet: number, of: number) => void) | undefined;

  constructor(private readonly run: ExcelRun) {}

  /**
   * The sheets' names, visibility and used ranges now, in two round trips and without their
   * values: differs from `outline` when a sheet was added, deleted, renamed, hidden or grew or
   * shrank since the last read (an edit within a range is heard through `watch`).
   */
  async outlineNow(): Promise<string> {
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name,items/visibility');
        await context.sync();
        const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
        await context.sync();
        return outlineOf(sheets.items, used);
      });
    } catch (e) {
      throw blocked(e, 'read');
    }
  }

  async read(): Promise<WorkbookSnapshot> {
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name,items/visibility');
        const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
        await context.sync();
        const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
        await context.sync();
        this.settings = setting.isNullObject ? undefined : parseSetting(setting.value);
        this.outline = outlineOf(sheets.items, used);
        const budget = Math.floor(MAX_RESPONSE_BYTES / READ_BYTES_PER_CELL);
        const bounds = used.map((r) => (r.isNullObject ? undefined : rangeBounds(r.address)));
        const blocks = bounds.flatMap((b, i) => (b && b.r1 >= b.r0 ? rowBlocks(i, b, budget) : []));
        const read: Block[] = [];
        for (const group of groupBlocks(blocks, budget)) {
          read.push(...(await readBlocks(context, sheets.items, group)));
          // A big workbook takes several round trips: let the pane draw between them.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        const valuesOf = (i: number): CellValue[][] => {
          const b = bounds[i];
          if (!b) return [];
          const mine = read.filter((x) => x.sheet === i).sort((x, y) => x.r0 - y.r0);
          return placed(
            b.r0,
            b.c0,
            mine.map((x) => x.range!),
          );
        };
        const ownerAt = sheets.items.findIndex((ws) => ws.name === OWNER_SHEET);
        const listed = ownerAt >= 0 ? ownedFrom(valuesOf(ownerAt)) : [];
        const owned = stillOwned(listed, (name) => {
          const i = sheets.items.findIndex((ws) => ws.name === name);
          return i < 0 ? undefined : valuesOf(i)[0]?.[0];
        });
        const data: SheetData[] = sheets.items
          .map((ws, i) => ({ ws, i }))
          .filter(({ ws }) => ws.name !== OWNER_SHEET)
          .map(({ ws, i }) => ({ name: ws.name, visible: ws.visibility === 'Visible', values: valuesOf(i) }));
        return { sheets: data, ownedSheets: owned };
      });
    } catch (e) {
      throw blocked(e, 'read');
    }
  }

  async saveSettings(value: unknown): Promise<void> {
    try {
      await this.run(async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(value));
        await context.sync();
      });
      this.settings = value;
    } catch (e) {
      throw blocked(e, 'write');
    }
  }

  private readonly watched = new Set<string>();

  /**
   * Calls `onChange(sheet)` whenever the planner (or a co-author) changes cells of one of these
   * sheets, through Excel's `Worksheet.onChanged`; each sheet is watched once, so calling this
   * after every read adds only the new ones (one sync, none when there are none). Where Excel
   * cannot (an older version), nothing is watched and nothing fails: the pane still re-reads
   * when shown again.
   */
  async watch(sheets: readonly string[], onChange: (sheet: string) => void): Promise<void> {
    const fresh = [...new Set(sheets)].filter((s) => !this.watched.has(s.toLowerCase()));
    if (fresh.length === 0) return;
    try {
      await this.run(async (context) => {
        for (const name of fresh) {
          context.workbook.worksheets.getItem(name).onChanged.add(async () => onChange(name));
        }
        await context.sync();
      });
      for (const name of fresh) this.watched.add(name.toLowerCase());
    } catch {
      // Not watching is not an error the planner can do anything about.
    }
  }

  /** Selects a cell of a sheet for the planner (a problem's "go to" link). */
  async select(sheet: string, cell?: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell ?? 'A1').select();
      await context.sync();
    });
  }

  /** Adds the planner's input sheets (the sample data), not marked as Kontorplan's own; refuses when a name is taken. */
  async addInputSheets(specs: readonly SheetSpec[]): Promise<void> {
    await this.write(await laidOut(specs), () => false, false);
  }

  async replaceOwnSheets(specs: readonly SheetSpec[], keep?: (name: string) => boolean): Promise<void> {
    await this.write(await laidOut(specs), keep ?? (() => false), true);
  }

  /** As addInputSheets, for sheets laid out elsewhere (the pane's worker, by `sheetGrids`). */
  async addLaidOut(sheets: readonly LaidOutSheet[]): Promise<void> {
    await this.write(sheets, () => false, false);
  }

  /** As replaceOwnSheets, for sheets laid out elsewhere (the pane's worker, by `sheetGrids`). */
  async replaceLaidOut(sheets: readonly LaidOutSheet[], keep?: (name: string) => boolean): Promise<void> {
    await this.write(sheets, keep ?? (() => false), true);
  }

  private async write(sheets: readonly LaidOutSheet[], keep: (name: string) => boolean, own: boolean): Promise<void> {
    const specs = sheets.map((x) => x.spec);
    const grids = sheets.map((x) => x.grid);
    const bytes = requestBytes(grids);
    if (bytes > MAX_REQUEST_BYTES) {
      const mb = (bytes / 1e6).toFixed(1);
      throw new WorkbookBlockedError('writeTooLarge', { mb: { nb: mb.replace('.', ','), en: mb } }, true);
    }
    await this.run(async (context) => {
      // 1: what is there; 2: which of it Kontorplan made (only when it has made something).
      const sheets = context.workbook.worksheets.load('items/name');
      const protection = context.workbook.protection.load('protected');
      const owned: string[] = [];
      const listed: { name: string; mark?: string }[] = [];
      const a1s = new Map<string, unknown>();
      try {
        await context.sync();
        // Only a write of Kontorplan's own sheets needs to know which they are.
        if (own && sheets.items.some((s) => s.name === OWNER_SHEET)) {
          const ownerRange = context.workbook.worksheets
            .getItem(OWNER_SHEET)
            .getUsedRangeOrNullObject(true)
            .load('address,values,valueTypes');
          // Every sheet's A1 in the same round trip, to tell a listed sheet from one of the
          // planner's under the same name (one cell each).
          const cells = sheets.items
            .filter((ws) => ws.name !== OWNER_SHEET)
            .map((ws) => ({ name: ws.name, range: ws.getRange('A1').load('values') }));
          await context.sync();
          if (!ownerRange.isNullObject) listed.push(...ownedFrom(fromA1(ownerRange)));
          for (const c of cells) a1s.set(c.name, c.range.values[0]?.[0]);
          owned.push(...stillOwned(listed, (name) => a1s.get(name)));
        }
      } catch (e) {
        throw blocked(e, 'write');
      }
      if ((protection as { protected: boolean }).protected) {
        throw new WorkbookBlockedError('workbookProtected', {}, true);
      }
      const existing = sheets.items.map((s) => s.name);
      const hasOwner = existing.includes(OWNER_SHEET);
      const plan = planReplacement(existing, own ? owned : [], specs, keep);
      if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);

      // 3: everything, in one batch: remove the old own sheets, write the new ones, record them.
      if (own) for (const name of plan.remove) if (name !== OWNER_SHEET) context.workbook.worksheets.getItem(name).delete();
      for (const [k, spec] of specs.entries()) {
        this.onWriting?.(k + 1, specs.length);
        writeSheet(context, spec, grids[k]!);
        if (this.onWriting) await turn();
      }
      if (own)
        writeOwner(
          context,
          !hasOwner,
          [...plan.kept.map((n) => ({ name: n, mark: markText(a1s.get(n)) })), ...specs.map((s) => ({ name: s.name, mark: ownerMark(s) }))],
          listed.length + 1,
        );
      try {
        await context.sync();
      } catch (e) {
        // Excel applies a failed batch up to the failing step: remove what was added so far.
        await this.cleanUp(context, existing, specs).catch(() => undefined);
        throw blocked(e, 'write');
      }
    });
  }

  /** After a failed write: deletes the sheets it had added (names not there before). One more sync at most. */
  private async cleanUp(context: XRequestContext, before: readonly string[], specs: readonly SheetSpec[]): Promise<void> {
    const had = new Set(before.map((s) => s.toLowerCase()));
    const added = specs.filter((s) => !had.has(s.name.toLowerCase())).map((s) => context.workbook.worksheets.getItemOrNullObject(s.name));
    await context.sync();
    const toDelete = added.filter((ws) => !ws.isNullObject);
    toDelete.forEach((ws) => ws.delete());
    if (toDelete.length > 0) await context.sync();
  }
}

function parseSetting(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

/** The owner sheet's list: a header, then one name per row in column A, with its sheet's A1 in column B. */
function ownedFrom(values: readonly (readonly CellValue[])[]): { name: string; mark?: string }[] {
  return values
    .slice(1)
    .filter((r) => typeof r[0] === 'string' && r[0] !== '')
    .map((r) => ({ name: r[0] as string, mark: markText(r[1]) }));
}

function writeOwner(
  context: XRequestContext,
  create: boolean,
  names: readonly { name: string; mark: string }[],
  previousRows: number,
): void {
  const ws = create ? context.workbook.worksheets.add(OWNER_SHEET) : context.workbook.worksheets.getItem(OWNER_SHEET);
  const rows = [['Ark laget av Kontorplan', 'A1'], ...names.map((n) => [n.name, n.mark])];
  // The new list, and blanks over what a longer old list left.
  const clear = Math.max(rows.length, previousRows);
  ws.getRange(`A1:B${clear}`).numberFormat = Array.from({ length: clear }, () => ['@', '@']);
  ws.getRange(`A1:B${clear}`).values = Array.from({ length: clear }, (_, i) => rows[i] ?? ['', '']);
  ws.visibility = 'VeryHidden';
}

/** The conditional format of a highlighted column. */
function highlight(range: XRange, h: Highlight): void {
  const { scale, failFill, failFont } = HIGHLIGHT_COLOURS;
  if (h === 'rating') {
    const at = (s: (typeof scale)[number]) => ({ formula: String(s.at), type: 'Number' as const, color: `#${s.colour}` });
    range.conditionalFormats.add('ColorScale').colorScale.criteria = {
      minimum: at(scale[0]),
      midpoint: at(scale[1]),
      maximum: at(scale[2]),
    };
    return;
  }
  const cf = range.conditionalFormats.add('ContainsText').textComparison;
  cf.format.fill.color = `#${failFill}`;
  cf.format.font.color = `#${failFont}`;
  cf.rule = { operator: 'Contains', text: FAIL_TEXT };
}

function writeSheet(context: XRequestContext, spec: SheetSpec, grid: { formulas: Cell[][]; formats: string[][]; width: number }): void {
  const ws: XWorksheet = context.workbook.worksheets.add(spec.name);
  const rows = grid.formulas.length;
  if (rows > 0) {
    const all = ws.getRange(`A1:${a1(rows - 1, grid.width - 1)}`);
    all.numberFormat = grid.formats;
    all.formulas = grid.formulas;
  }
  if ((spec.heading ?? []).length > 0) ws.getRange('A1').format.font.bold = true;
  for (const t of spec.tables) {
    if (t.title) ws.getRange(a1(t.startRow - 1, 0)).format.font.bold = true;
    const last = t.startRow + Math.max(1, t.rows.length);
    const table = ws.tables.add(`A${t.startRow + 1}:${columnLetters(t.columns.length - 1)}${last + 1}`, true);
    table.name = t.name;
    table.style = 'TableStyleMedium2';
    const header = ws.getRange(`A${t.startRow + 1}:${columnLetters(t.columns.length - 1)}${t.startRow + 1}`);
    header.format.wrapText = true;
    t.columns.forEach((c, j) => {
      ws.getRange(`${columnLetters(j)}:${columnLetters(j)}`).format.columnWidth =
        7 * (c.width ?? Math.min(40, Math.max(10, c.header.length + 2)));
      if (c.highlight && t.rows.length > 0) {
        highlight(ws.getRange(`${columnLetters(j)}${t.startRow + 2}:${columnLetters(j)}${t.startRow + 1 + t.rows.length}`), c.highlight);
      }
    });
  }
  if (spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
  const width = Math.max(1, ...spec.tables.map((t) => t.columns.length));
  (spec.charts ?? []).forEach((chart, k) => {
    const t = spec.tables.find((x) => x.name === chart.table);
    if (!t || t.rows.length === 0) return;
    const first = t.startRow + 2;
    const lastRow = t.startRow + 1 + t.rows.length;
    const col = (c: number) => ws.getRange(`${columnLetters(c)}${first}:${columnLetters(c)}${lastRow}`);
    const ch = ws.charts.add(chart.pointPerRow === undefined ? 'XYScatterLines' : 'XYScatter', col(chart.y[0]!), 'Columns');
    ch.name = `${t.name}_diagram${k + 1}`;
    ch.title.text = chart.title;
    ch.series.getItemAt(0).delete();
    if (chart.pointPerRow !== undefined) {
      const label = chart.pointPerRow;
      const cell = (c: number, i: number) => ws.getRange(`${columnLetters(c)}${first + i}`);
      t.rows.forEach((row, i) => {
        const s = ch.series.add(String(row[label] ?? ''));
        s.setXAxisValues(cell(chart.x, i));
        s.setValues(cell(chart.y[0]!, i));
      });
    } else {
      for (const y of chart.y) {
        const s = ch.series.add(t.columns[y]?.header ?? '');
        s.setXAxisValues(col(chart.x));
        s.setValues(col(y));
      }
    }
    ch.axes.categoryAxis.title.text = chart.xTitle;
    ch.axes.valueAxis.title.text = chart.yTitle;
    const top = (spec.tables[0]?.startRow ?? 0) + k * 22;
    ch.setPosition(a1(top, width + 1), a1(top + 20, width + 8));
  });
}
