/**
 * A stateful fake of the part of Excel's JavaScript API that Kontorplan calls: exactly the
 * interfaces in src/workbook/office/excelApi.ts, no more. It keeps Office.js's proxy
 * semantics, so code that works here makes the same round trips against Excel:
 * - calls and assignments are queued and run only at `context.sync()`, in order;
 * - a property can be read only after `load` and a `sync` (else it throws, as Excel does);
 * - a failing step stops the batch: the steps before it stay applied (Excel is not transactional);
 * - values written to a cell that is not formatted as text are parsed as Excel parses typing
 *   ("0301" becomes 301), table names are unique in the workbook, range shapes must match.
 * It does not calculate: a formula cell keeps the formula and no value.
 * `syncs` counts round trips; `editMode`, `protected` and `failAfterSteps` make Excel refuse, and
 * a request or answer over `payloadLimit` (Excel on the web: 5 MB) fails as it does there.
 */
import type { CellValue } from '../../src/domain/sheets';
import { a1, columnIndex } from '../../src/io/cells';
import type {
  ExcelRun,
  Visibility,
  XChart,
  XChartSeries,
  XRange,
  XRequestContext,
  XSetting,
  XTable,
  XWorkbook,
  XWorksheet,
  XWorksheetChanged,
  XWorksheetCollection,
} from '../../src/workbook/office/excelApi';

export type FakeCell = { value: string | number | boolean | null; formula?: string; error?: boolean; format: string };
export type FakeChart = {
  name: string;
  type: string;
  title: string;
  xTitle: string;
  yTitle: string;
  series: { name: string; x?: string; values?: string }[];
  position?: [string, string | undefined];
};
export type FakeConditionalFormat = { address: string; type: string; criteria?: unknown; rule?: unknown; fill?: string; font?: string };
export type FakeSheet = {
  name: string;
  conditionalFormats: FakeConditionalFormat[];
  visibility: Visibility;
  cells: Map<string, FakeCell>;
  tables: { name: string; address: string; style: string }[];
  charts: FakeChart[];
  frozenRows: number;
  columnWidths: Map<number, number>;
  bold: Set<string>;
  /** `onChanged` handlers registered on the sheet. */
  onChanged: ((e: XWorksheetChanged) => Promise<unknown>)[];
};

class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

/** "B2:D5", "A1", "A:A" → 0-based inclusive bounds (a whole column runs to row 1 048 575). */
export function parseAddress(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const col = /^([A-Z]+):([A-Z]+)$/.exec(local);
  if (col) return { r0: 0, c0: columnIndex(col[1]!), r1: 1048575, c1: columnIndex(col[2]!) };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(local);
  if (!m) throw new ExcelError('InvalidArgument', `bad address ${address}`);
  const r0 = Number(m[2]) - 1;
  const c0 = columnIndex(m[1]!);
  return { r0, c0, r1: m[3] ? Number(m[4]) - 1 : r0, c1: m[3] ? columnIndex(m[3]) : c0 };
}

const quote = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

type Bounds = { sheet: FakeSheet; r0: number; c0: number; r1: number; c1: number };
/** "B2:D5", or with the sheet ("'KP A'!B2:D5"), as Excel writes a range's address. */
const addressOf = (t: Bounds, withSheet = true) => `${withSheet ? `${quote(t.sheet.name)}!` : ''}${a1(t.r0, t.c0)}:${a1(t.r1, t.c1)}`;

/** Excel's error values: text typed as one of these becomes that error, not text. */
const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

/** The serial number of a date (days since 1899-12-30, Excel's 1900 system), or undefined. */
function dateSerial(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What typing (or `values`) puts in a cell that is not formatted as text: numbers, booleans,
 * error values, dates (ISO "2024-03-01", or Norwegian "01.03.2024") become the date's serial
 * number with a date format, and times ("1:25", "1:25:30", "25:10") the fraction of a day with a
 * time format ("h:mm", "h:mm:ss"; "[h]:mm" past 24 hours), as Excel converts them.
 */
function parseTyped(v: unknown, format: string): { value: FakeCell['value']; error?: boolean; format?: string } {
  if (v === null || v === undefined || v === '') return { value: null };
  if (typeof v !== 'string') return { value: v as number | boolean };
  if (format === '@') return { value: v };
  const t = v.trim();
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (ERROR_VALUES.has(t.toUpperCase())) return { value: t.toUpperCase(), error: true };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const serial = iso ? dateSerial(+iso[1]!, +iso[2]!, +iso[3]!) : nb ? dateSerial(+nb[3]!, +nb[2]!, +nb[1]!) : undefined;
  if (serial !== undefined) return { value: serial, format: format === 'General' ? (iso ? 'yyyy-mm-dd' : 'dd.mm.yyyy') : format };
  const time = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/.exec(t);
  if (time) {
    const [h, m, sec] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    const shown = `${h >= 24 ? '[h]' : 'h'}:mm${time[3] ? ':ss' : ''}`;
    return { value: (h * 3600 + m * 60 + sec) / 86400, format: format === 'General' ? shown : format };
  }
  return { value: v };
}

/**
 * Excel's rules for a table name (Microsoft's "Rename an Excel table"): starts with a letter,
 * "_" or "\\"; then letters, digits, "." and "_"; no spaces; at most 255 characters; not "C" or
 * "R"; not a cell reference (A1 or R1C1 style).
 */
export function tableNameRefusal(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return 'a table name has 1 to 255 characters';
  if (!/^[\p{L}_\\][\p{L}\p{N}._]*$/u.test(name)) return 'a table name starts with a letter, _ or \\ and has only letters, digits, . and _';
  if (/^[cr]$/i.test(name)) return 'a table name cannot be C or R';
  const a1ref = /^([a-z]{1,3})(\d+)$/i.exec(name);
  if (a1ref && columnIndex(a1ref[1]!.toUpperCase()) <= 16383 && Number(a1ref[2]) >= 1 && Number(a1ref[2]) <= 1048576)
    return 'a table name cannot be a cell reference';
  if (/^r\d*c\d*$/i.test(name)) return 'a table name cannot be a cell reference';
  return undefined;
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with ', not "History". */
export function sheetNameRefusal(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return 'a sheet name has 1 to 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'a sheet name cannot contain : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot start or end with '";
  if (name.toLowerCase() === 'history') return 'History is a name Excel reserves';
  return undefined;
}

/** Excel's limit on the series of one chart. */
export const MAX_CHART_SERIES = 255;

const overlaps = (a: ReturnType<typeof parseAddress>, b: ReturnType<typeof parseAddress>) =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** A cell as typed into a cell of the given format. */
function typedCell(v: unknown, format: string): FakeCell {
  const t = parseTyped(v, format);
  return { value: t.value, format: t.format ?? format, ...(t.error ? { error: true } : {}) };
}

type Step = () => void;

/** A proxy whose target is found when the batch runs; properties readable after load + sync. */
abstract class Proxy<T> {
  protected loaded: Record<string, unknown> | undefined;
  private nullObject: boolean | undefined;
  constructor(
    protected readonly ctx: FakeContext,
    private readonly find: () => T | undefined,
    private readonly orNull = false,
  ) {}
  protected target(): T {
    const t = this.find();
    if (t === undefined) throw new ExcelError('ItemNotFound', 'The requested resource does not exist.');
    return t;
  }
  protected enqueue(step: Step): void {
    this.ctx.queue.push(step);
  }
  protected prop<V>(name: string): V {
    if (!this.loaded || !(name in this.loaded))
      throw new ExcelError('PropertyNotLoaded', `The property '${name}' is not available. Call load and sync first.`);
    return this.loaded[name] as V;
  }
  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullObject === undefined) throw new ExcelError('PropertyNotLoaded', 'isNullObject is known only after sync.');
    return this.nullObject;
  }
  /** Settles isNullObject at the next sync (for *OrNullObject proxies). */
  protected settle(): void {
    if (this.orNull) this.enqueue(() => (this.nullObject = this.find() === undefined));
  }
  protected snapshot(fields: Record<string, () => unknown>): void {
    this.enqueue(() => {
      const t = this.find();
      if (t === undefined) {
        if (this.orNull) return;
        throw new ExcelError('ItemNotFound', 'The requested resource does not exist.');
      }
      this.loaded = { ...(this.loaded ?? {}) };
      for (const [k, f] of Object.entries(fields)) {
        this.loaded[k] = f();
        // What the answer carries back, as JSON (Excel on the web's response limit counts it).
        this.ctx.responseBytes += JSON.stringify(this.loaded[k]).length + k.length + 4;
      }
    });
  }
}

class FakeRange extends Proxy<Bounds> implements XRange {
  constructor(ctx: FakeContext, find: () => Bounds | undefined, orNull = false) {
    super(ctx, find, orNull);
    this.settle();
  }
  private grid<V>(f: (c: FakeCell | undefined) => V): V[][] {
    const { sheet, r0, c0, r1, c1 } = this.target();
    return Array.from({ length: r1 - r0 + 1 }, (_, i) =>
      Array.from({ length: c1 - c0 + 1 }, (_, j) => f(sheet.cells.get(key(r0 + i, c0 + j)))),
    );
  }
  private write(grid: unknown[][], put: (sheet: FakeSheet, r: number, c: number, v: unknown) => void): void {
    const copy = grid.map((r) => [...r]);
    this.ctx.requestBytes += JSON.stringify(copy).length;
    this.enqueue(() => {
      const { sheet, r0, c0, r1, c1 } = this.target();
      if (copy.length !== r1 - r0 + 1 || copy.some((r) => r.length !== c1 - c0 + 1))
        throw new ExcelError(
          'InvalidArgument',
          'The number of rows or columns in the input array doesn’t match the size or dimensions of the range.',
        );
      copy.forEach((row, i) => row.forEach((v, j) => put(sheet, r0 + i, c0 + j, v)));
      this.ctx.host.changed(sheet, addressOf({ sheet, r0, c0, r1, c1 }, false));
    });
  }
  get address(): string {
    return this.prop('address');
  }
  /** The address now, inside a step (chart sources are resolved when the step runs). */
  addressNow(): string {
    return addressOf(this.target());
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(grid: unknown[][]) {
    this.write(grid, (sheet, r, c, v) => {
      const format = sheet.cells.get(key(r, c))?.format ?? 'General';
      sheet.cells.set(key(r, c), typedCell(v, format));
    });
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(grid: unknown[][]) {
    this.write(grid, (sheet, r, c, v) => {
      const format = sheet.cells.get(key(r, c))?.format ?? 'General';
      if (typeof v === 'string' && v.startsWith('=') && format !== '@')
        sheet.cells.set(key(r, c), { value: null, formula: v.slice(1), format });
      else sheet.cells.set(key(r, c), typedCell(v, format));
    });
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(grid: unknown[][]) {
    this.write(grid, (sheet, r, c, v) => {
      const cell = sheet.cells.get(key(r, c));
      sheet.cells.set(key(r, c), { ...(cell ?? { value: null }), format: String(v) });
    });
  }
  load(properties: string): XRange {
    const want = new Set(properties.split(',').map((s) => s.trim()));
    const fields: Record<string, () => unknown> = {};
    if (want.has('address')) fields.address = () => addressOf(this.target());
    if (want.has('values')) fields.values = () => this.grid((c) => (c?.error ? c.value : (c?.value ?? '')));
    if (want.has('valueTypes'))
      fields.valueTypes = () =>
        this.grid((c) =>
          c?.error
            ? 'Error'
            : c?.value === null || c?.value === undefined
              ? 'Empty'
              : typeof c.value === 'number'
                ? 'Double'
                : typeof c.value === 'boolean'
                  ? 'Boolean'
                  : 'String',
        );
    if (want.has('formulas')) fields.formulas = () => this.grid((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? '')));
    if (want.has('numberFormat')) fields.numberFormat = () => this.grid((c) => c?.format ?? 'General');
    this.snapshot(fields);
    return this;
  }
  select(): void {
    this.enqueue(() => {
      const t = this.target();
      this.ctx.host.selection = `${t.sheet.name}!${a1(t.r0, t.c0)}`;
    });
  }
  get conditionalFormats(): XRange['conditionalFormats'] {
    return {
      add: (type) => {
        let cf: FakeConditionalFormat | undefined;
        this.enqueue(() => {
          const t = this.target();
          cf = { address: addressOf(t, false), type };
          t.sheet.conditionalFormats.push(cf);
        });
        const on = (f: (c: FakeConditionalFormat) => void) => this.enqueue(() => f(cf!));
        const unloaded = (): never => {
          throw new ExcelError('PropertyNotLoaded', 'conditional format properties are not loaded');
        };
        return {
          colorScale: {
            set criteria(c: unknown) {
              on((x) => (x.criteria = c));
            },
            get criteria(): never {
              return unloaded();
            },
          },
          textComparison: {
            set rule(r: { operator: 'Contains'; text: string }) {
              on((x) => (x.rule = r));
            },
            get rule(): never {
              return unloaded();
            },
            format: {
              fill: {
                set color(c: string) {
                  on((x) => (x.fill = c));
                },
                get color(): string {
                  return unloaded();
                },
              },
              font: {
                set color(c: string) {
                  on((x) => (x.font = c));
                },
                get color(): string {
                  return unloaded();
                },
              },
            },
          },
        };
      },
    };
  }

  get format(): XRange['format'] {
    const on = (f: (t: Bounds) => void) => this.enqueue(() => f(this.target()));
    return {
      set columnWidth(w: number) {
        on((t) => {
          for (let c = t.c0; c <= t.c1; c++) t.sheet.columnWidths.set(c, w);
        });
      },
      get columnWidth(): number {
        throw new ExcelError('PropertyNotLoaded', 'format.columnWidth is not loaded');
      },
      set wrapText(_w: boolean) {
        on(() => undefined);
      },
      get wrapText(): boolean {
        throw new ExcelError('PropertyNotLoaded', 'format.wrapText is not loaded');
      },
      font: {
        set bold(b: boolean) {
          on((t) => (b ? t.sheet.bold.add(key(t.r0, t.c0)) : t.sheet.bold.delete(key(t.r0, t.c0))));
        },
        get bold(): boolean {
          throw new ExcelError('PropertyNotLoaded', 'format.font.bold is not loaded');
        },
      },
      autofitColumns: () => on(() => undefined),
    };
  }
}

class FakeWorksheet extends Proxy<FakeSheet> implements XWorksheet {
  constructor(ctx: FakeContext, find: () => FakeSheet | undefined, orNull = false) {
    super(ctx, find, orNull);
    this.settle();
  }
  get name(): string {
    return this.prop('name');
  }
  get onChanged(): XWorksheet['onChanged'] {
    return {
      add: (handler) => {
        this.enqueue(() => void this.target().onChanged.push(handler));
        return {};
      },
    };
  }
  get visibility(): Visibility {
    return this.prop('visibility');
  }
  set visibility(v: Visibility) {
    this.enqueue(() => {
      const sheet = this.target();
      const visible = this.ctx.host.sheets.filter((s) => s.visibility === 'Visible');
      if (v !== 'Visible' && visible.length === 1 && visible[0] === sheet)
        throw new ExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      sheet.visibility = v;
    });
  }
  load(properties: string): XWorksheet {
    const want = new Set(properties.split(',').map((s) => s.trim()));
    const fields: Record<string, () => unknown> = {};
    if (want.has('name')) fields.name = () => this.target().name;
    if (want.has('visibility')) fields.visibility = () => this.target().visibility;
    this.snapshot(fields);
    return this;
  }
  /** Loaded from the collection's `items/…` load. */
  preload(fields: Record<string, unknown>): void {
    this.loaded = fields;
  }
  getRange(address: string): XRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.target(), ...parseAddress(address) }));
  }
  getUsedRangeOrNullObject(): XRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.target();
        let r0 = Infinity;
        let c0 = Infinity;
        let r1 = -1;
        let c1 = -1;
        for (const [k, cell] of sheet.cells) {
          if (cell.value === null && cell.formula === undefined) continue;
          const [r, c] = k.split(',').map(Number) as [number, number];
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }
        return r1 < 0 ? undefined : { sheet, r0, c0, r1, c1 };
      },
      true,
    );
  }
  delete(): void {
    this.enqueue(() => {
      const sheet = this.target();
      const host = this.ctx.host;
      // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete operation will fail".
      if (sheet.visibility === 'VeryHidden')
        throw new ExcelError('InvalidOperation', 'A very hidden worksheet cannot be deleted; make it hidden or visible first.');
      if (host.sheets.filter((s) => s.visibility === 'Visible').length === 1 && sheet.visibility === 'Visible')
        throw new ExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      host.sheets.splice(host.sheets.indexOf(sheet), 1);
    });
  }
  activate(): void {
    this.enqueue(() => (this.ctx.host.active = this.target().name));
  }
  get tables(): XWorksheet['tables'] {
    return {
      add: (address: string, hasHeaders: boolean): XTable => {
        let table: FakeSheet['tables'][number] | undefined;
        this.enqueue(() => {
          const sheet = this.target();
          const at = parseAddress(address);
          if (sheet.tables.some((t) => overlaps(parseAddress(t.address), at)))
            throw new ExcelError('InvalidArgument', 'A table can’t overlap another table.');
          // Header cells become unique, non-blank text, as Excel makes them: "Column1" for a blank, "Navn2" for a second "Navn".
          if (hasHeaders) {
            const seen = new Set<string>();
            for (let c = at.c0; c <= at.c1; c++) {
              const cell = sheet.cells.get(key(at.r0, c));
              const text = cell?.value === null || cell?.value === undefined || cell.formula !== undefined ? '' : String(cell.value);
              let name = text.trim() === '' ? `Column${c - at.c0 + 1}` : text;
              for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${text.trim() === '' ? 'Column' : text}${n}`;
              seen.add(name.toLowerCase());
              if (name !== text || typeof cell?.value !== 'string')
                sheet.cells.set(key(at.r0, c), { value: name, format: cell?.format ?? 'General' });
            }
          }
          table = { name: `Table${++this.ctx.host.tableCounter}`, address, style: 'TableStyleMedium2' };
          sheet.tables.push(table);
        });
        const host = this.ctx.host;
        const enqueue = (s: Step) => this.enqueue(s);
        return {
          set name(n: string) {
            enqueue(() => {
              const bad = tableNameRefusal(n);
              if (bad) throw new ExcelError('InvalidArgument', `The table name ${n} is not valid: ${bad}.`);
              if (host.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === n.toLowerCase())))
                throw new ExcelError('InvalidArgument', `A table named ${n} already exists.`);
              table!.name = n;
            });
          },
          get name(): string {
            throw new ExcelError('PropertyNotLoaded', 'table.name is not loaded');
          },
          set style(s: string) {
            enqueue(() => (table!.style = s));
          },
          get style(): string {
            throw new ExcelError('PropertyNotLoaded', 'table.style is not loaded');
          },
        };
      },
    };
  }
  get charts(): XWorksheet['charts'] {
    return {
      add: (type, source, _by): XChart => {
        let chart: FakeChart | undefined;
        const src = source as FakeRange;
        this.enqueue(() => {
          chart = { name: '', type, title: '', xTitle: '', yTitle: '', series: [{ name: 'Series1', values: src.addressNow() }] };
          this.target().charts.push(chart);
        });
        const on = (f: (c: FakeChart) => void) => this.enqueue(() => f(chart!));
        const series = (find: (c: FakeChart) => FakeChart['series'][number] | undefined): XChartSeries => ({
          set name(n: string) {
            on((c) => (find(c)!.name = n));
          },
          get name(): string {
            throw new ExcelError('PropertyNotLoaded', 'series.name is not loaded');
          },
          setXAxisValues: (r) => on((c) => (find(c)!.x = (r as FakeRange).addressNow())),
          setValues: (r) => on((c) => (find(c)!.values = (r as FakeRange).addressNow())),
          delete: () =>
            on((c) => {
              const s = find(c);
              if (!s) throw new ExcelError('ItemNotFound', 'no such series');
              c.series.splice(c.series.indexOf(s), 1);
            }),
        });
        const text = (set: (c: FakeChart, t: string) => void) => ({
          set text(t: string) {
            on((c) => set(c, t));
          },
          get text(): string {
            throw new ExcelError('PropertyNotLoaded', 'text is not loaded');
          },
        });
        return {
          set name(n: string) {
            on((c) => (c.name = n));
          },
          get name(): string {
            throw new ExcelError('PropertyNotLoaded', 'chart.name is not loaded');
          },
          title: text((c, t) => (c.title = t)),
          axes: { categoryAxis: { title: text((c, t) => (c.xTitle = t)) }, valueAxis: { title: text((c, t) => (c.yTitle = t)) } },
          series: {
            add: (name: string) => {
              let added: FakeChart['series'][number] | undefined;
              on((c) => {
                if (c.series.length >= MAX_CHART_SERIES)
                  throw new ExcelError('InvalidArgument', `A chart can have at most ${MAX_CHART_SERIES} series.`);
                added = { name };
                c.series.push(added);
              });
              return series(() => added);
            },
            getItemAt: (i: number) => {
              let at: FakeChart['series'][number] | undefined;
              on((c) => (at = c.series[i]));
              return series(() => at);
            },
          },
          setPosition: (a: string, b?: string) => on((c) => (c.position = [a, b])),
        };
      },
    };
  }
  get freezePanes(): XWorksheet['freezePanes'] {
    return { freezeRows: (n: number) => this.enqueue(() => (this.target().frozenRows = n)) };
  }
}

class FakeContext implements XRequestContext {
  queue: Step[] = [];
  /** JSON bytes of the values written and read in the batch being synced. */
  requestBytes = 0;
  responseBytes = 0;
  readonly workbook: XWorkbook;
  constructor(readonly host: FakeExcel) {
    // The collection's getters and methods are plain functions; they reach the context by name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const ctx = this;
    const byName = (name: string) => host.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    let items: FakeWorksheet[] | undefined;
    const worksheets: XWorksheetCollection = {
      get items(): XWorksheet[] {
        if (!items) throw new ExcelError('PropertyNotLoaded', "The property 'items' is not available. Call load and sync first.");
        return items;
      },
      load(properties: string) {
        const want = properties.split(',').map((p) => p.trim().replace(/^items\//, ''));
        ctx.queue.push(() => {
          items = host.sheets.map((s) => {
            const ws = new FakeWorksheet(ctx, () => (host.sheets.includes(s) ? s : undefined));
            ws.preload(Object.fromEntries(want.map((w) => [w, (s as unknown as Record<string, unknown>)[w]])));
            return ws;
          });
        });
        return worksheets;
      },
      add(name: string) {
        let sheet: FakeSheet | undefined;
        ctx.queue.push(() => {
          if (host.protected) throw new ExcelError('AccessDenied', 'The workbook is protected.');
          if (byName(name)) throw new ExcelError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
          const bad = sheetNameRefusal(name);
          if (bad) throw new ExcelError('InvalidArgument', `The sheet name ${name} is not valid: ${bad}.`);
          sheet = newSheet(name);
          host.sheets.push(sheet);
        });
        return new FakeWorksheet(ctx, () => sheet);
      },
      getItem: (name: string) => new FakeWorksheet(ctx, () => byName(name)),
      getItemOrNullObject: (name: string) => new FakeWorksheet(ctx, () => byName(name), true),
    };
    let isProtected: boolean | undefined;
    this.workbook = {
      worksheets,
      protection: {
        get protected(): boolean {
          if (isProtected === undefined) throw new ExcelError('PropertyNotLoaded', 'protection.protected is not loaded');
          return isProtected;
        },
        load: () => {
          ctx.queue.push(() => (isProtected = host.protected));
          return this.workbook.protection;
        },
      },
      settings: {
        add: (k: string, v: unknown) => ctx.queue.push(() => host.settings.set(k, v)),
        getItemOrNullObject: (k: string): XSetting => {
          let loaded: { value: unknown } | undefined;
          let isNull: boolean | undefined;
          const setting: XSetting = {
            get value() {
              if (!loaded) throw new ExcelError('PropertyNotLoaded', 'setting.value is not loaded');
              return loaded.value;
            },
            get isNullObject() {
              if (isNull === undefined) throw new ExcelError('PropertyNotLoaded', 'isNullObject is known only after sync.');
              return isNull;
            },
            load: () => {
              ctx.queue.push(() => {
                isNull = !host.settings.has(k);
                loaded = { value: host.settings.get(k) };
              });
              return setting;
            },
          };
          return setting;
        },
      },
    };
  }

  async sync(): Promise<void> {
    const steps = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.host.syncs++;
    if (this.host.editMode) throw new ExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    // Excel on the web refuses a request, or an answer, over its payload limit (5 MB).
    this.host.largestRequest = Math.max(this.host.largestRequest, request);
    if (request > this.host.payloadLimit)
      throw new ExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    let budget = this.host.failAfterSteps;
    for (const step of steps) {
      if (budget !== undefined && budget-- <= 0) {
        this.host.failAfterSteps = undefined;
        throw new ExcelError('GeneralException', 'An internal error has occurred.');
      }
      step();
    }
    if (this.responseBytes > this.host.payloadLimit)
      throw new ExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    this.host.largestResponse = Math.max(this.host.largestResponse, this.responseBytes);
  }
}

function newSheet(name: string, visibility: Visibility = 'Visible'): FakeSheet {
  return {
    name,
    visibility,
    cells: new Map(),
    tables: [],
    charts: [],
    conditionalFormats: [],
    frozenRows: 0,
    columnWidths: new Map(),
    bold: new Set(),
    onChanged: [],
  };
}

/** An Excel workbook held in memory, with `run` in place of `Excel.run`. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  syncs = 0;
  /**
   * Excel on the web's limit on a request and on a response: "5 MB" (Microsoft's docs, excel/performance.md;
   * read as 5 000 000 bytes, the stricter reading). The desktop has no limit this low.
   */
  payloadLimit = 5_000_000;
  /** The largest request sent and answer delivered (JSON bytes of values) of any sync so far. */
  largestRequest = 0;
  largestResponse = 0;
  protected = false;
  editMode = false;
  /** The next sync runs this many steps, then fails as Excel does. */
  failAfterSteps: number | undefined;
  tableCounter = 0;
  selection: string | undefined;
  active: string | undefined;

  constructor(sheets: readonly { name: string; values: readonly (readonly CellValue[])[]; visibility?: Visibility }[] = []) {
    for (const s of sheets) this.addSheet(s.name, s.values, s.visibility);
  }

  /** A sheet the planner made (as if typed in Excel: text stays text, a date is its serial number). */
  addSheet(name: string, values: readonly (readonly CellValue[])[], visibility: Visibility = 'Visible'): void {
    const sheet = newSheet(name, visibility);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        if (typeof v === 'object' && 'error' in v) sheet.cells.set(key(r, c), { value: v.error, error: true, format: 'General' });
        else if (v instanceof Date)
          // Excel holds a date as its serial number, shown through a date format.
          sheet.cells.set(key(r, c), {
            value: dateSerial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate())!,
            format: 'yyyy-mm-dd',
          });
        else sheet.cells.set(key(r, c), { value: v, format: typeof v === 'string' ? '@' : 'General' });
      }),
    );
    this.sheets.push(sheet);
  }

  readonly run: ExcelRun = async (batch) => {
    const ctx = new FakeContext(this);
    const out = await batch(ctx);
    if (ctx.queue.length > 0) await ctx.sync();
    return out;
  };

  /** Cells of a sheet changed: its `onChanged` handlers run after the change, as Excel's events arrive. */
  changed(sheet: FakeSheet, address: string): void {
    for (const h of sheet.onChanged) setTimeout(() => void h({ address, source: 'Local' }), 0);
  }

  /** The planner types values into a sheet (as in Excel: into each cell's format), from `address`'s top-left cell. */
  edit(name: string, address: string, values: readonly (readonly unknown[])[]): void {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const { r0, c0 } = parseAddress(address);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const format = sheet.cells.get(key(r0 + i, c0 + j))?.format ?? 'General';
        sheet.cells.set(key(r0 + i, c0 + j), typedCell(v, format));
      }),
    );
    this.changed(sheet, address);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A sheet's values from A1, as `values` would give them (errors as their text). */
  values(name: string): CellValue[][] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    let rows = 0;
    let cols = 0;
    for (const k of sheet.cells.keys()) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const cell = sheet.cells.get(key(r, c));
        return cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? null);
      }),
    );
  }

  /** Everything about a sheet, for before/after comparisons. */
  dump(name: string): unknown {
    const s = this.sheet(name);
    if (!s) return undefined;
    return { ...s, cells: [...s.cells].sort(), columnWidths: [...s.columnWidths].sort(), bold: [...s.bold].sort() };
  }
}
