import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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
import { mergeOwnSheets, parseRels, parseSheets, workbookPartOf } from './package';
import { excelDays, isDateTimeFormat } from '../numberFormat';
import {
  markText,
  ownerMark,
  OWNER_SHEET,
  planReplacement,
  SheetConflictError,
  stillOwned,
  type InputSheetsPort,
  type WorkbookPort,
} from '../port';

/**
 * An exceljs cell value as the engine sees it (what Office.js `values` would give). exceljs
 * gives a Date for some formats that show no date ("0 \m\i\n"): with the cell's format, such
 * a cell is its number again, as Excel shows it.
 */
export function normaliseCell(v: ExcelJS.CellValue, numFmt?: string): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return numFmt !== undefined && !isDateTimeFormat(numFmt) ? excelDays(v) : v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return { error: String(result.error) };
      if (result instanceof Date) return normaliseCell(result, numFmt);
      return typeof result !== 'object' ? (result as CellValue) : null;
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
      const shown = cell.isMerged && cell.master !== cell ? cell.master : cell;
      out.push(normaliseCell(shown.value, shown.numFmt));
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
      // exceljs needs at least one row; an empty table gets one blank row. A missing value is a
      // blank cell, not an empty string: a chart over it shows a gap, not a point at 0.
      rows: t.rows.length > 0 ? t.rows.map((r) => r as ExcelJS.CellValue[]) : [t.columns.map(() => null)],
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

/**
 * A copy of a package for reading values only, what exceljs reads when it cannot read the package
 * itself: drawings and comments unhooked from the sheets (some writers' charts), and relationship
 * targets written from the package root (`/xl/tables/table1.xml`, as openpyxl writes them;
 * ECMA-376 Part 2 allows both) made relative to their part. Cell values need neither, and the
 * package written back is the original, not this copy.
 */
async function readableCopy(buffer: Buffer | ArrayBuffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const f of Object.keys(zip.files)) {
    if (/(^|\/)_rels\/[^/]*\.rels$/.test(f)) {
      const base = path.posix.dirname(path.posix.dirname(f));
      const xml = await zip.file(f)!.async('string');
      zip.file(
        f,
        xml.replace(/<Relationship\b[^>]*>/g, (tag) =>
          /TargetMode="External"/.test(tag)
            ? tag
            : tag.replace(/Target="\/([^"]*)"/, (_, abs: string) => `Target="${path.posix.relative(base === '.' ? '' : base, abs)}"`),
        ),
      );
    }
  }
  for (const f of Object.keys(zip.files)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(f)) {
      const xml = await zip.file(f)!.async('string');
      zip.file(f, xml.replace(/<(?:[\w.-]+:)?(?:drawing|legacyDrawing)\b[^>]*\/>/g, ''));
    } else if (/^xl\/(drawings|charts)\//.test(f)) {
      zip.remove(f);
    } else if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(f)) {
      const xml = await zip.file(f)!.async('string');
      zip.file(f, xml.replace(/<Relationship\b[^>]*\/relationships\/(?:drawing|vmlDrawing|comments)"[^>]*\/>/g, ''));
    }
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function load(buffer: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as ArrayBuffer);
    return wb;
  } catch (e) {
    // Drawings exceljs does not understand (some writers' charts) must not stop the reading of values.
    const plain = new ExcelJS.Workbook();
    try {
      await plain.xlsx.load((await readableCopy(buffer)) as unknown as ArrayBuffer);
    } catch {
      throw e;
    }
    return plain;
  }
}

/**
 * A workbook in an .xlsx file. exceljs reads the values; writing edits the package itself
 * (`mergeOwnSheets`): exceljs renders only Kontorplan's sheets, which replace its previous ones,
 * and every part of the planner's stays as it was. Nothing touches the file until `save`.
 */
export class ExcelJsWorkbook implements WorkbookPort, InputSheetsPort {
  /** The package as it stands (undefined for a new workbook until something is written). */
  private pkg: Buffer | undefined;
  /** The values of `pkg` as exceljs reads them (undefined after a write, until read again). */
  private view: ExcelJS.Workbook | undefined;

  private constructor(view: ExcelJS.Workbook, pkg?: Buffer) {
    this.view = view;
    this.pkg = pkg;
  }

  static create(): ExcelJsWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Kontorplan';
    return new ExcelJsWorkbook(wb);
  }

  static async open(file: string): Promise<ExcelJsWorkbook> {
    return ExcelJsWorkbook.fromBuffer(await fs.readFile(file));
  }

  static async fromBuffer(buffer: Buffer | ArrayBuffer): Promise<ExcelJsWorkbook> {
    const pkg = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer);
    return new ExcelJsWorkbook(await load(pkg), pkg);
  }

  /** The package's parts, unzipped once per package (a write makes a new one). */
  private zipped: { pkg: Buffer; zip: Promise<JSZip> } | undefined;
  private parts(pkg: Buffer): Promise<JSZip> {
    if (this.zipped?.pkg !== pkg) this.zipped = { pkg, zip: JSZip.loadAsync(pkg) };
    return this.zipped.zip;
  }

  /** True when the planner's workbook is a macro workbook (.xlsm): its main part says so. */
  async hasMacros(): Promise<boolean> {
    if (!this.pkg) return false;
    const types = await (await this.parts(this.pkg)).file('[Content_Types].xml')?.async('string');
    return types?.includes('application/vnd.ms-excel.sheet.macroEnabled.main+xml') ?? false;
  }

  private async values(): Promise<ExcelJS.Workbook> {
    this.view ??= await load(this.pkg!);
    return this.view;
  }

  private static ownedNames(wb: ExcelJS.Workbook): string[] {
    const ws = wb.getWorksheet(OWNER_SHEET);
    if (!ws) return [];
    const listed: { name: string; mark?: string }[] = [];
    ws.eachRow((row, r) => {
      const v = row.getCell(1).value;
      if (r > 1 && typeof v === 'string' && v) listed.push({ name: v, mark: markText(row.getCell(2).value) });
    });
    return stillOwned(listed, (name) => wb.getWorksheet(name)?.getCell('A1').value);
  }

  async read(): Promise<WorkbookSnapshot> {
    const wb = await this.values();
    return {
      sheets: wb.worksheets.filter((ws) => ws.name !== OWNER_SHEET).map(sheetData),
      ownedSheets: ExcelJsWorkbook.ownedNames(wb),
    };
  }

  /** Adds the planner's input sheets to a new workbook (the sample): not marked as Kontorplan's own. */
  addInputSheets(specs: readonly SheetSpec[]): void {
    if (this.pkg || !this.view) throw new Error('input sheets go into a new workbook only');
    const plan = planReplacement(
      this.view.worksheets.map((w) => w.name),
      [],
      specs,
    );
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    for (const s of specs) renderSheet(this.view, s);
  }

  /** Every sheet's name, chart sheets too (exceljs lists worksheets only). */
  private async allSheetNames(wb: ExcelJS.Workbook): Promise<string[]> {
    const names = wb.worksheets.map((w) => w.name);
    if (!this.pkg) return names;
    const zip = await this.parts(this.pkg);
    const rels = parseRels((await zip.file('_rels/.rels')?.async('string')) ?? '');
    const xml = await zip.file(workbookPartOf(rels))?.async('string');
    const listed = xml ? parseSheets(xml).map((e) => e.name) : [];
    return [...names, ...listed.filter((n) => !names.includes(n))];
  }

  async replaceOwnSheets(specs: readonly SheetSpec[], keep?: (name: string) => boolean): Promise<void> {
    const wb = await this.values();
    const plan = planReplacement(await this.allSheetNames(wb), ExcelJsWorkbook.ownedNames(wb), specs, keep);
    if (plan.conflict !== undefined) throw new SheetConflictError(plan.conflict);
    // Kontorplan's sheets alone, in a scratch package, then merged into the planner's.
    const scratch = new ExcelJS.Workbook();
    for (const s of specs) renderSheet(scratch, s);
    renderSheet(
      scratch,
      {
        name: OWNER_SHEET,
        tables: [
          {
            name: 'KP_Eierskap',
            startRow: 0,
            columns: [{ header: 'Ark laget av Kontorplan' }, { header: 'A1' }],
            rows: [
              ...plan.kept.map((n) => [n, markText(wb.getWorksheet(n)?.getCell('A1').value)]),
              ...specs.map((s) => [s.name, ownerMark(s)]),
            ],
          },
        ],
      },
      true,
    );
    // Uncompressed: the scratch package is only read again by the merge.
    const stored = Buffer.from(await scratch.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
    const rendered = await addCharts(stored, specs, 'STORE');
    const base = this.pkg ?? Buffer.from(await wb.xlsx.writeBuffer());
    this.pkg = await mergeOwnSheets(base, rendered, plan.remove);
    this.view = undefined;
  }

  /** Writes to a temporary file beside `file`, then renames: never a half-written file, and `file` may be the input. */
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
    return this.pkg ?? Buffer.from(await this.view!.xlsx.writeBuffer());
  }
}
