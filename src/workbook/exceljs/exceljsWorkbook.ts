import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  FAIL_TEXT,
  HIGHLIGHT_COLOURS,
  isFormula,
  type CellValue,
  type Highlight,
  type SheetData,
  type SheetSpec,
  type WorkbookSnapshot,
} from '../../domain/sheets';
import { columnLetters } from '../../io/cells';
import { addCharts } from './charts';
import { OWNER_SHEET, planReplacement, SheetConflictError, type WorkbookPort } from '../port';

/** An exceljs cell value as the engine sees it (what Office.js `values` would give). */
export function normaliseCell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return { error: String(result.error) };
      return result instanceof Date || typeof result !== 'object' ? (result as CellValue) : null;
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

function sheetData(ws: ExcelJS.Worksheet): SheetData {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const out: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      out.push(normaliseCell(cell.isMerged && cell.master !== cell ? cell.master.value : cell.value));
    }
    values[r - 1] = out;
  });
  for (let i = 0; i < values.length; i++) values[i] ??= [];
  return { name: ws.name, visible: ws.state === 'visible' || ws.state === undefined, values };
}

/** The conditional format of a highlighted column. */
function highlightRule(h: Highlight): ExcelJS.ConditionalFormattingRule {
  const { scale, failFill, failFont } = HIGHLIGHT_COLOURS;
  if (h === 'rating') {
    return {
      type: 'colorScale',
      priority: 1,
      cfvo: scale.map((s) => ({ type: 'num', value: s.at })),
      color: scale.map((s) => ({ argb: `FF${s.colour}` })),
    };
  }
  return {
    type: 'containsText',
    operator: 'containsText',
    text: FAIL_TEXT,
    priority: 1,
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${failFill}` } }, font: { color: { argb: `FF${failFont}` } } },
  };
}

/** Writes one sheet spec into a fresh worksheet: heading lines, then Excel tables. */
function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec, hidden = false): void {
  const ws = wb.addWorksheet(spec.name, hidden ? { state: 'veryHidden' } : {});
  (spec.heading ?? []).forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 12 };
  });
  const widths: number[] = [];
  for (const t of spec.tables) {
    if (t.title) {
      const cell = ws.getCell(t.startRow, 1);
      cell.value = t.title;
      cell.font = { bold: true };
    }
    ws.addTable({
      name: t.name,
      ref: `A${t.startRow + 1}`,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
      // exceljs needs at least one row; an empty table gets one blank row.
      rows: t.rows.length > 0 ? t.rows.map((r) => r.map((v) => (v === null ? '' : v)) as ExcelJS.CellValue[]) : [t.columns.map(() => '')],
    });
    t.columns.forEach((c, j) => {
      widths[j] = Math.max(widths[j] ?? 8, c.width ?? Math.min(40, Math.max(10, c.header.length + 2)));
    });
    t.rows.forEach((row, i) => {
      const rowFormat = t.rowFormats?.[i];
      row.forEach((v, j) => {
        const format = t.columns[j]?.format ?? rowFormat;
        if (format && (typeof v === 'number' || isFormula(v))) ws.getCell(t.startRow + 2 + i, j + 1).numFmt = format;
      });
    });
    ws.getRow(t.startRow + 1).alignment = { wrapText: true, vertical: 'top' };
    t.columns.forEach((c, j) => {
      if (!c.highlight || t.rows.length === 0) return;
      const ref = `${columnLetters(j)}${t.startRow + 2}:${columnLetters(j)}${t.startRow + 1 + t.rows.length}`;
      ws.addConditionalFormatting({ ref, rules: [highlightRule(c.highlight)] });
    });
  }
  widths.forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });
  if (spec.freezeRows) ws.views = [{ state: 'frozen', ySplit: spec.freezeRows }];
}

/** A workbook in an .xlsx file, through exceljs. Nothing touches the file until `save`. */
export class ExcelJsWorkbook implements WorkbookPort {
  /** Sheets written with charts, which are added to the package when it is saved (exceljs cannot write charts). */
  private charted: readonly SheetSpec[] = [];

  private constructor(private readonly wb: ExcelJS.Workbook) {}

  static create(): ExcelJsWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Kontorplan';
    return new ExcelJsWorkbook(wb);
  }

  static async open(file: string): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return new ExcelJsWorkbook(wb);
  }

  static async fromBuffer(buffer: Buffer | ArrayBuffer): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as ArrayBuffer);
    return new ExcelJsWorkbook(wb);
  }

  private ownedNames(): string[] {
    const ws = this.wb.getWorksheet(OWNER_SHEET);
    if (!ws) return [];
    const names: string[] = [];
    ws.eachRow((row, r) => {
      const v = row.getCell(1).value;
      if (r > 1 && typeof v === 'string' && v) names.push(v);
    });
    return names;
  }

  async read(): Promise<WorkbookSnapshot> {
    return {
      sheets: this.wb.worksheets.filter((ws) => ws.name !== OWNER_SHEET).map(sheetData),
      ownedSheets: this.ownedNames(),
    };
  }

  /** Adds the planner's input sheets (the sample workbook): not marked as Kontorplan's own. */
  addInputSheets(specs: readonly SheetSpec[]): void {
    const plan = planReplacement(
      this.wb.worksheets.map((w) => w.name),
      [],
      specs,
    );
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    for (const s of specs) renderSheet(this.wb, s);
  }

  async replaceOwnSheets(specs: readonly SheetSpec[], keep?: (name: string) => boolean): Promise<void> {
    const plan = planReplacement(
      this.wb.worksheets.map((w) => w.name),
      this.ownedNames(),
      specs,
      keep,
    );
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    for (const name of plan.remove) {
      const ws = this.wb.getWorksheet(name);
      if (ws) this.wb.removeWorksheet(ws.id);
    }
    for (const s of specs) renderSheet(this.wb, s);
    this.charted = specs.filter((s) => (s.charts ?? []).length > 0);
    renderSheet(
      this.wb,
      {
        name: OWNER_SHEET,
        tables: [
          {
            name: 'KP_Eierskap',
            startRow: 0,
            columns: [{ header: 'Ark laget av Kontorplan' }],
            rows: [...plan.kept, ...specs.map((s) => s.name)].map((n) => [n]),
          },
        ],
      },
      true,
    );
  }

  /** Writes to a temporary file beside `file`, then renames: never a half-written file. */
  async save(file: string): Promise<void> {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fs.writeFile(tmp, await this.toBuffer());
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  async toBuffer(): Promise<Buffer> {
    return addCharts(Buffer.from(await this.wb.xlsx.writeBuffer()), this.charted);
  }
}
