import type { CellValue, SheetData } from '../domain/sheets';
import { cellText, foldName, isBlank, parseMunicipalityNumber, parseNumber } from './cells';
import { MUNICIPALITY_FIELDS } from './fields';
import { findHeaderRow } from './headers';

/**
 * A table as Statistics Norway's statbank (PxWeb) exports it to Excel, e.g. table 07459
 * (population) or a KOSTRA table:
 *
 *   07459: Befolkning, etter region, statistikkvariabel og år        ← title row
 *                                                                    ← blank
 *   region          statistikkvariabel   2024    2025    2026       ← years alone as headers
 *   K-1804 Bodø     Personer             53712   54012   54300      ← or «1804 Bodø»
 *   K-1806 Narvik                        21500   ...                ← «Personer» merged down
 *                                                                    ← blank
 *   Kilde: Statistisk sentralbyrå                                    ← footer
 *   Tabell 07459: …
 *
 * or with the statistics variable as a header row over the years (merged across them) and no
 * label over the region column. Such a sheet is presented to the readers as if its headers
 * were «kommunenummer», «Folketall 2024», «Personer 2025», …: cells keep their addresses, so every
 * message still names the planner's own cell. Footer rows after the first blank row are
 * dropped, and rows for the country or a county («0 Hele landet», «18 Nordland») are skipped.
 * A table by kjønn or alder as well has several rows per region: they are summed.
 */
export type SsbExport = Readonly<{
  sheet: SheetData;
  /** Years found as column headers, ascending. */
  years: readonly number[];
  /** «07459» when the title or footer names the table. */
  table?: string;
  /** Rows skipped as aggregates (0-based row, the region text). */
  aggregates: readonly { row: number; text: string }[];
  /** Row variables a region's rows were summed over (kjønn, alder), empty when none. */
  summedOver: readonly string[];
}>;

const yearOf = (v: CellValue | undefined): number | undefined => {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : undefined;
  const t = cellText(v);
  return /^(19|20)\d\d$/.test(t) ? Number(t) : undefined;
};

/** SSB's own names for the population variable, folded: they stand for the Kommuner sheet's «folketall». */
const POPULATION_VARIABLES = ['personer', 'folkemengde', 'befolkning', 'folketall', 'innbyggere', 'persons', 'population'];
/** Headers SSB writes over the region column and the variable column. */
const REGION_HEADERS = ['region', 'kommune', 'kommuner', 'municipality'];
const VARIABLE_HEADERS = ['statistikkvariabel', 'contents', 'statistikkvariabler'];

/** The country (0), a county («18 Nordland», «F-18 Nordland») or a total: not a municipality. */
function isAggregate(text: string): boolean {
  const t = text.trim();
  return /^(?:F-)?\d{1,2}(\s|$)/i.test(t) || /^hele landet$/i.test(t) || /^0\s/.test(t) || /^(i alt|totalt|sum)$/i.test(t);
}

/**
 * The SSB layout of a sheet, or undefined when the sheet is not one (or already reads as a
 * Kommuner sheet with its own headers).
 */
export function ssbExport(sheet: SheetData): SsbExport | undefined {
  const existing = findHeaderRow(sheet, MUNICIPALITY_FIELDS);
  if (existing && MUNICIPALITY_FIELDS.every((f) => !f.required || existing.columns.has(f.key))) return undefined;
  const years = findYearRow(sheet);
  if (!years) return undefined;
  const { yearRow, firstYearCol } = years;
  const headerRow = sheet.values[yearRow] ?? [];
  const yearCols = new Map<number, number>();
  headerRow.forEach((v, c) => {
    const y = yearOf(v);
    if (c >= firstYearCol && y !== undefined) yearCols.set(c, y);
  });

  // The region column: the stub column whose cells below hold municipality numbers.
  const stub = Array.from({ length: firstYearCol }, (_, c) => c);
  const codesIn = (c: number) =>
    sheet.values.slice(yearRow + 1).filter((row) => parseMunicipalityNumber(row[c]) !== undefined && !isAggregate(cellText(row[c]))).length;
  const regionCol = stub.find((c) => REGION_HEADERS.includes(foldName(cellText(headerRow[c])))) ?? stub.find((c) => codesIn(c) > 0);
  if (regionCol === undefined || codesIn(regionCol) === 0) return undefined;
  const variableCol = stub.find((c) => c !== regionCol && VARIABLE_HEADERS.includes(foldName(cellText(headerRow[c]))));
  const layout: Layout = { sheet, yearRow, headerRow, yearCols, stub, regionCol, variableCol };

  const overYears = variablesOverYears(layout, firstYearCol);
  const values: CellValue[][] = sheet.values.slice(0, dataEnd(layout)).map((row) => [...row]);
  values[yearRow]![regionCol] = 'kommunenummer';
  const { aggregates, variables } = carryRegions(layout, values);
  nameYearColumns(layout, values, variables, overYears);
  const summedOver = sumRowVariables(layout, values);
  // The row above the years held the variable; it is not a second header.
  if (overYears.size > 0) values[yearRow - 1] = [];

  const text = sheet.values.map((row) => row.map(cellText).join(' ')).join('\n');
  const table = /(?:^|\D)(\d{5})(?::|\s)/.exec(text)?.[1];
  return {
    sheet: { name: sheet.name, visible: sheet.visible, values },
    years: [...new Set(yearCols.values())].sort((a, b) => a - b),
    ...(table ? { table } : {}),
    aggregates,
    summedOver,
  };
}

/** Where an SSB table's parts are: the row of years, its year columns, the stub, the region and variable columns. */
type Layout = Readonly<{
  sheet: SheetData;
  yearRow: number;
  headerRow: readonly CellValue[];
  /** Year by column. */
  yearCols: ReadonlyMap<number, number>;
  /** The columns left of the years. */
  stub: readonly number[];
  regionCol: number;
  variableCol: number | undefined;
}>;

/** The first of the top rows whose cells from some column on (not the first) are all years; undefined when none is. */
function findYearRow(sheet: SheetData): { yearRow: number; firstYearCol: number } | undefined {
  const limit = Math.min(sheet.values.length, 15);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r] ?? [];
    const first = row.findIndex((v) => yearOf(v) !== undefined);
    if (first < 1) continue;
    const rest = row.slice(first).filter((v) => !isBlank(v));
    if (rest.every((v) => yearOf(v) !== undefined)) return { yearRow: r, firstYearCol: first };
  }
  return undefined;
}

/**
 * The variable over each year column, from a header row above the years (merged: carried right).
 * Without one, the variable column's value per row (merged: carried down) or else the table's
 * population is used.
 */
function variablesOverYears({ sheet, yearRow, headerRow, yearCols }: Layout, firstYearCol: number): Map<number, string> {
  const above = yearRow > 0 ? (sheet.values[yearRow - 1] ?? []) : [];
  const overYears = new Map<number, string>();
  let carried = '';
  for (let c = firstYearCol; c < headerRow.length; c++) {
    const own = cellText(above[c]);
    if (own) carried = own;
    if (yearCols.has(c) && carried) overYears.set(c, carried);
  }
  return overYears;
}

/** Where the data ends: footer rows after the first blank row that follows the data (SSB's notes, source, table) are dropped. */
function dataEnd({ sheet, yearRow, regionCol }: Layout): number {
  let seenData = false;
  for (let r = yearRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const blank = row.every((v) => isBlank(v));
    if (!blank) seenData = true;
    else if (seenData) {
      const later = sheet.values
        .slice(r + 1)
        .some((x) => parseMunicipalityNumber(x[regionCol]) !== undefined && !isAggregate(cellText(x[regionCol])));
      if (!later) return r;
    }
  }
  return sheet.values.length;
}

/**
 * Carries the region merged down over its rows (its variables, kjønn, alder) to each, and
 * empties the rows of aggregates; those rows, and the variables of the variable column.
 */
function carryRegions(
  { yearRow, yearCols, regionCol, variableCol }: Layout,
  values: CellValue[][],
): { aggregates: { row: number; text: string }[]; variables: Set<string> } {
  let rowVariable = '';
  let region: CellValue = null;
  const aggregates: { row: number; text: string }[] = [];
  const variables = new Set<string>();
  for (let r = yearRow + 1; r < values.length; r++) {
    const row = values[r]!;
    if (row.every((v) => isBlank(v))) continue;
    if (!isBlank(row[regionCol])) region = row[regionCol] ?? null;
    else if ([...yearCols.keys()].some((c) => !isBlank(row[c]))) row[regionCol] = region;
    if (variableCol !== undefined) {
      if (!isBlank(row[variableCol])) rowVariable = cellText(row[variableCol]);
      if (rowVariable) variables.add(rowVariable);
    }
    const text = cellText(row[regionCol]);
    if (text && isAggregate(text)) {
      aggregates.push({ row: r, text });
      values[r] = [];
    }
  }
  return { aggregates, variables };
}

/**
 * Heads the year columns «Folketall 2024», «Personer 2025», …. With several variables per row
 * (the variable column) only the population's rows are kept.
 */
function nameYearColumns(
  { sheet, yearRow, yearCols, variableCol }: Layout,
  values: CellValue[][],
  variables: ReadonlySet<string>,
  overYears: ReadonlyMap<number, string>,
): void {
  const header = values[yearRow]!;
  const label = (variable: string): string => (POPULATION_VARIABLES.includes(foldName(variable)) ? 'Folketall' : variable);
  if (variableCol !== undefined && variables.size > 0) {
    const wanted = [...variables].find((v) => POPULATION_VARIABLES.includes(foldName(v))) ?? [...variables][0]!;
    let rowVariable = '';
    for (let r = yearRow + 1; r < values.length; r++) {
      const row = values[r]!;
      const original = sheet.values[r]?.[variableCol];
      if (!isBlank(original)) rowVariable = cellText(original);
      if (row.length > 0 && rowVariable && rowVariable !== wanted) values[r] = [];
    }
    for (const [c, y] of yearCols) header[c] = `${label(wanted)} ${y}`;
  } else {
    for (const [c, y] of yearCols) header[c] = `${label(overYears.get(c) ?? 'Folketall')} ${y}`;
  }
  if (variableCol !== undefined) header[variableCol] = 'statistikkvariabel';
}

/**
 * Other row variables (kjønn, alder): a region's rows are summed into its first row, which is
 * the population of the region when the table counts persons. The variables summed over.
 */
function sumRowVariables({ yearRow, headerRow, yearCols, stub, regionCol, variableCol }: Layout, values: CellValue[][]): string[] {
  const extra = stub.filter(
    (c) => c !== regionCol && c !== variableCol && (!isBlank(headerRow[c]) || values.slice(yearRow + 1).some((row) => !isBlank(row[c]))),
  );
  const summedOver: string[] = [];
  if (extra.length === 0) return summedOver;
  const first = new Map<string, number>();
  let summed = false;
  for (let r = yearRow + 1; r < values.length; r++) {
    const row = values[r]!;
    const key = cellText(row[regionCol]);
    if (!key || row.length === 0) continue;
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, r);
      continue;
    }
    const target = values[at]!;
    const cols = [...yearCols.keys()];
    const numbers = cols.map((c) => [parseNumber(target[c]), parseNumber(row[c])] as const);
    if (numbers.some(([a, b]) => a === undefined || b === undefined)) continue;
    cols.forEach((c, i) => (target[c] = numbers[i]![0]! + numbers[i]![1]!));
    values[r] = [];
    summed = true;
  }
  if (summed) for (const c of extra) summedOver.push(cellText(headerRow[c]) || `kolonne ${c + 1}`);
  return summedOver;
}
