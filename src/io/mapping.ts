/**
 * The planner's corrections to what Kontorplan found: which sheet holds which input, and which
 * column holds which field. Kept in the workbook (the add-in's document settings) and applied
 * to the snapshot before reading, so the readers stay as they are; problems are reported
 * against the planner's own sheet names.
 */
import { ssbExport } from './ssbExport';
import type { SheetData, WorkbookSnapshot } from '../domain/sheets';
import { cellText, foldName } from './cells';
import {
  COST_FIELDS,
  FERRY_FIELDS,
  MUNICIPALITY_FIELDS,
  OFFICE_FIELDS,
  SCENARIO_FIELDS,
  STAFFING_FIELDS,
  TRAVEL_LONG_FIELDS,
} from './fields';
import { findHeaderRow, kindOfSheetName, type FieldSpec, type SheetKind } from './headers';
import type { Problem } from './problems';

export type ColumnMapping = Readonly<{
  /** Input → the sheet the planner chose for it. */
  sheets?: Readonly<Partial<Record<SheetKind, string>>>;
  /** Sheet name → field key → the header of the column the planner chose. */
  columns?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}>;

export const FIELDS_OF: Readonly<Record<SheetKind, readonly FieldSpec[]>> = {
  municipalities: MUNICIPALITY_FIELDS,
  travel: TRAVEL_LONG_FIELDS,
  ferries: FERRY_FIELDS,
  staffing: STAFFING_FIELDS,
  scenarios: SCENARIO_FIELDS,
  costs: COST_FIELDS,
  offices: OFFICE_FIELDS,
};

/** The name a chosen sheet is read under (a name the readers recognise for its input), and the input's name in the task pane. */
export const INPUT_SHEET_NAMES: Readonly<Record<SheetKind, string>> = {
  municipalities: 'Kommuner',
  travel: 'Reisetid',
  ferries: 'Ferjer',
  staffing: 'Bemanning',
  scenarios: 'Scenarier',
  costs: 'Kostnader',
  offices: 'Kontorer',
};
const UNUSED = 'Ikke brukt: ';

/** Whether a mapping is well formed (settings come from the document, so anything may be there). */
export function asMapping(v: unknown): ColumnMapping | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const m = v as { sheets?: unknown; columns?: unknown };
  const isStrings = (o: unknown) => typeof o === 'object' && o !== null && Object.values(o).every((x) => typeof x === 'string');
  if (m.sheets !== undefined && !isStrings(m.sheets)) return undefined;
  if (m.columns !== undefined && (typeof m.columns !== 'object' || m.columns === null || !Object.values(m.columns).every(isStrings)))
    return undefined;
  return m as ColumnMapping;
}

/** The snapshot as the readers should see it, and how to put the planner's sheet names back into problems. */
export function applyMapping(
  snapshot: WorkbookSnapshot,
  mapping: ColumnMapping | undefined,
): { snapshot: WorkbookSnapshot; restore: (p: Problem) => Problem; original: (sheet: string) => string } {
  if (!mapping) return { snapshot, restore: (p) => p, original: (n) => n };
  const present = new Set(snapshot.sheets.map((s) => s.name));
  const chosen = new Map<string, SheetKind>();
  for (const [kind, name] of Object.entries(mapping.sheets ?? {}) as [SheetKind, string][]) if (present.has(name)) chosen.set(name, kind);
  const chosenKinds = new Set(chosen.values());
  const renamed = new Map<string, string>();
  const sheets = snapshot.sheets.map((s): SheetData => {
    let name = s.name;
    const kind = chosen.get(s.name);
    if (kind) name = INPUT_SHEET_NAMES[kind];
    else {
      const own = kindOfSheetName(s.name);
      if (own && chosenKinds.has(own)) name = UNUSED + s.name;
    }
    const columns = mapping.columns?.[s.name];
    const values = columns ? withHeaders(s, kind ?? kindOfSheetName(s.name), columns) : s.values;
    if (name !== s.name) renamed.set(name, s.name);
    return { ...s, name, values };
  });
  const back = (n: string) => renamed.get(n) ?? n;
  return {
    snapshot: { ...snapshot, sheets },
    original: back,
    restore: (p) => {
      const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' ? back(v) : v]));
      return { ...p, sheet: back(p.sheet), params };
    },
  };
}

/** The sheet with the chosen columns' headers replaced by the names the readers know. */
function withHeaders(sheet: SheetData, kind: SheetKind | undefined, columns: Readonly<Record<string, string>>): SheetData['values'] {
  if (!kind) return sheet.values;
  const fields = FIELDS_OF[kind];
  const values = sheet.values.map((r) => [...r]);
  const headerRow = findHeaderRow(sheet, fields)?.row ?? 0;
  const row = values[headerRow];
  if (!row) return sheet.values;
  for (const [key, header] of Object.entries(columns)) {
    const field = fields.find((f) => f.key === key);
    const col = row.findIndex((c) => cellText(c).trim() === header.trim());
    if (!field || col < 0) continue;
    // Another column that would also match this field gives way to the planner's choice.
    row.forEach((c, j) => {
      if (j !== col && field.aliases.some((a) => foldName(cellText(c)).startsWith(a))) row[j] = `${UNUSED}${cellText(c)}`;
    });
    row[col] = field.aliases[0]!;
  }
  return values;
}

export type FoundInput = Readonly<{
  kind: SheetKind;
  sheet: string | undefined;
  /** Every header of the sheet's header row, for choosing. */
  headers: readonly string[];
  fields: readonly { key: string; label: string; required: boolean; header: string | undefined }[];
}>;

/**
 * What was found for each input, in the planner's own names: the sheet read (`used`, by the
 * planner's sheet name) and which header each field came from (the mapping's choice first).
 */
export function describeInputs(
  snapshot: WorkbookSnapshot,
  used: Readonly<Partial<Record<SheetKind, string | undefined>>>,
  mapping?: ColumnMapping,
): FoundInput[] {
  return (Object.keys(FIELDS_OF) as SheetKind[]).map((kind) => {
    const sheet = snapshot.sheets.find((s) => s.name === used[kind]);
    // An SSB export is shown with the columns it is read by (kommunenummer, folketall of the latest year).
    const view = sheet && kind === 'municipalities' ? (ssbExport(sheet)?.sheet ?? sheet) : sheet;
    const match = view ? findHeaderRow(view, FIELDS_OF[kind]) : undefined;
    const headers = match ? match.headers.filter((h) => h !== '') : [];
    return {
      kind,
      sheet: sheet?.name,
      headers,
      fields: FIELDS_OF[kind].map((f) => {
        const col = match?.columns.get(f.key);
        const chosen = sheet ? mapping?.columns?.[sheet.name]?.[f.key] : undefined;
        return {
          key: f.key,
          label: f.label,
          required: f.required,
          header: chosen ?? (col === undefined ? undefined : match!.headers[col]),
        };
      }),
    };
  });
}
