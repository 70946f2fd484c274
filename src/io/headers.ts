import type { CellValue, SheetData } from '../domain/sheets';
import { cellText, foldName } from './cells';

/**
 * A column Kontorplan looks for, with the header names planners use (folded with foldName).
 * A header matches when it equals an alias, or is an alias followed by a year or date
 * ("Folketall 2026", "Innbyggere 1.1.2025"); among several such, the latest year wins.
 */
export type FieldSpec = Readonly<{
  key: string;
  /** Shown in messages: the Norwegian name first. */
  label: string;
  aliases: readonly string[];
  required: boolean;
}>;

export type HeaderMatch = Readonly<{
  /** 0-based row of the header. */
  row: number;
  /** Field key → 0-based column. */
  columns: ReadonlyMap<string, number>;
  /** Fields where several columns matched: field key → the chosen column's header. */
  chosen: ReadonlyMap<string, string>;
  headers: readonly string[];
}>;

function yearSuffix(folded: string, alias: string): number | undefined {
  if (folded === alias) return 0;
  if (!folded.startsWith(alias)) return undefined;
  const rest = folded.slice(alias.length);
  if (!/^\d{4,8}$/.test(rest)) return undefined;
  return Number(rest.slice(-4));
}

/** Column of each field in one header row. */
export function matchHeaders(
  row: readonly CellValue[],
  fields: readonly FieldSpec[],
): { columns: Map<string, number>; chosen: Map<string, string> } {
  const columns = new Map<string, number>();
  const chosen = new Map<string, string>();
  const taken = new Set<number>();
  for (const field of fields) {
    let best: { col: number; year: number; rank: number } | undefined;
    let matches = 0;
    row.forEach((cell, col) => {
      if (taken.has(col)) return;
      const folded = foldName(cellText(cell));
      if (!folded) return;
      field.aliases.forEach((alias, rank) => {
        const year = yearSuffix(folded, alias);
        if (year === undefined) return;
        matches++;
        if (!best || rank < best.rank || (rank === best.rank && year > best.year)) {
          best = { col, year, rank };
        }
      });
    });
    if (best) {
      const b: { col: number } = best;
      columns.set(field.key, b.col);
      taken.add(b.col);
      if (matches > 1) chosen.set(field.key, cellText(row[b.col]));
    }
  }
  return { columns, chosen };
}

/**
 * The header row: the first of the top 10 rows where every required field matches, else
 * the row matching most fields. Returns undefined for an empty sheet.
 */
/**
 * `scanRows`: how many rows from the top may hold the header. A planner's sheet has it within the
 * first ten (a title or two above); Kontorplan's own sheets, whose heading grows with what they
 * report, are scanned whole.
 */
export function findHeaderRow(sheet: SheetData, fields: readonly FieldSpec[], scanRows = 10): HeaderMatch | undefined {
  let best: (HeaderMatch & { score: number }) | undefined;
  const limit = Math.min(sheet.values.length, scanRows);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r] ?? [];
    const { columns, chosen } = matchHeaders(row, fields);
    const requiredHit = fields.filter((f) => f.required && columns.has(f.key)).length;
    const score = requiredHit * 100 + columns.size;
    if (columns.size > 0 && (!best || score > best.score)) {
      best = { row: r, columns, chosen, headers: row.map(cellText), score };
    }
  }
  return best && withYearRow(sheet, best, fields);
}

const isYear = (v: CellValue | undefined) => /^(19|20)\d\d$/.test(cellText(v).trim());

/**
 * A two-row header: "Folketall" (often merged across) over a row of years. The columns are
 * read as "Folketall 2024", "Folketall 2026", … (the latest year wins), data from the row after.
 */
function withYearRow(sheet: SheetData, h: HeaderMatch, fields: readonly FieldSpec[]): HeaderMatch {
  const top = sheet.values[h.row] ?? [];
  const sub = sheet.values[h.row + 1] ?? [];
  const filled = sub.filter((v) => cellText(v).trim() !== '');
  if (filled.length === 0 || !filled.every(isYear)) return h;
  let carried = '';
  const combined = Array.from({ length: Math.max(top.length, sub.length) }, (_, c) => {
    const own = cellText(top[c]);
    if (own) carried = own;
    return isYear(sub[c]) ? `${own || carried} ${cellText(sub[c]).trim()}` : own;
  });
  const { columns, chosen } = matchHeaders(combined, fields);
  return columns.size >= h.columns.size ? { row: h.row + 1, columns, chosen, headers: combined } : h;
}

export type SheetKind = 'municipalities' | 'travel' | 'ferries' | 'staffing' | 'scenarios' | 'costs' | 'offices';

/** Sheet names (folded) that identify each input sheet; a prefix match also counts. */
export const SHEET_NAMES: Readonly<Record<SheetKind, readonly string[]>> = {
  municipalities: ['kommuner', 'kommune', 'municipalities', 'municipality', 'kommunedata', 'befolkning', 'population'],
  travel: ['reisetid', 'reisetider', 'travel', 'traveltimes', 'traveltime', 'kjoretid', 'avstand', 'avstander'],
  ferries: ['ferjer', 'ferger', 'ferje', 'ferge', 'ferjesamband', 'ferries', 'ferry'],
  staffing: ['bemanning', 'staffing', 'arsverk', 'ansatte', 'staff'],
  scenarios: ['scenarier', 'scenario', 'scenarios', 'alternativer'],
  costs: ['kostnader', 'kostnad', 'kostnadslinjer', 'costs', 'cost'],
  offices: ['kontorer', 'navkontorer', 'dagenskontorer', 'offices', 'navoffices'],
};

/** Which input a sheet is, judged by its name alone. */
export function kindOfSheetName(name: string): SheetKind | undefined {
  const folded = foldName(name);
  for (const kind of Object.keys(SHEET_NAMES) as SheetKind[]) {
    if (SHEET_NAMES[kind].some((n) => folded === n || folded.startsWith(n))) return kind;
  }
  return undefined;
}
