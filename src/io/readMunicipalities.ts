import type { CellValue, SheetData } from '../domain/sheets';
import { asMunicipalityNumber, type Municipality, type MunicipalityNumber } from '../domain/types';
import { a1, cellText, foldName, isBlank, isCellError, parseMunicipalityNumber, parseNumber } from './cells';
import { MUNICIPALITY_FIELDS } from './fields';
import { findHeaderRow, type HeaderMatch } from './headers';
import { ProblemLog } from './problems';
import type { SsbExport } from './ssbExport';
import type { MunicipalityResolver } from './resolver';

/** What the embedded dataset can supply for a municipality the sheet leaves blank. */
export type ReferenceMunicipality = Readonly<{
  name: string;
  county: string;
  baRegion: string;
  baRegionName: string;
  lat: number;
  lon: number;
  /** TØI's own-region minutes and the grid's mean km to the centre (see Municipality.within). */
  within?: Readonly<{ minutes?: number; meanKmToCentre?: number }>;
}>;

/** Labels of a totals row, folded: such a row is skipped with a note. */
export const TOTAL_LABELS = ['sum', 'total', 'totalt', 'ialt', 'sumtotal', 'summer', 'totalsum'];

/** More inhabitants than Norway has is a typing error, not a municipality. */
const MAX_POPULATION = 6_000_000;

/**
 * Reads the Kommuner sheet. Blank rows and a totals row ("Sum", "Totalt") are skipped (the
 * latter with a note); a number not in the 2024 division gets a note (with the right number
 * when the name is known).
 * Missing name, county, BA region or coordinates are filled from `reference` (the embedded
 * dataset) when the municipality is in it, with one warning per column.
 */
export function readMunicipalities(
  sheet: SheetData,
  log: ProblemLog,
  reference: ReadonlyMap<string, ReferenceMunicipality> = new Map(),
  ssb?: SsbExport,
  names?: MunicipalityResolver,
): Municipality[] {
  const header = findHeaderRow(sheet, MUNICIPALITY_FIELDS);
  if (!header) {
    log.error(sheet.name, undefined, 'sheetEmpty');
    return [];
  }
  // Names only (no number column): each name is looked up in the embedded data, in any of its forms.
  const nameOnly = !header.columns.has('number') && header.columns.has('name') && names !== undefined;
  if (!hasRequiredColumns(sheet, header, nameOnly, log)) return [];
  noteColumnsChosen(sheet, header, ssb, log);
  if (ssb) noteSsbLayout(sheet, header, ssb, log);
  const filled = new Map<string, number>();
  const rows: KommunerRows = {
    sheet,
    log,
    header,
    reference,
    ssb,
    nameLookup: nameOnly ? names : undefined,
    col: (key) => header.columns.get(key === 'number' && nameOnly ? 'name' : key),
    known: new Set(header.columns.values()),
    seen: new Map(),
    fill: (column) => {
      filled.set(column, (filled.get(column) ?? 0) + 1);
    },
    byName: new Map([...reference].map(([n, m]) => [foldName(m.name.split(' - ')[0]!), n])),
  };
  const result: Municipality[] = [];
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const m = readMunicipalityRow(rows, r);
    if (m) result.push(m);
  }
  for (const [column, count] of filled) {
    log.warn(sheet.name, a1(header.row, 0), 'filledFromEmbedded', { column, count });
  }
  return result;
}

/** What reading a row of Kommuner takes: the sheet, its header, the embedded data, and what the rows before found and filled. */
type KommunerRows = Readonly<{
  sheet: SheetData;
  log: ProblemLog;
  header: HeaderMatch;
  reference: ReadonlyMap<string, ReferenceMunicipality>;
  ssb: SsbExport | undefined;
  /** The embedded names when the sheet has names only (no number column). */
  nameLookup: MunicipalityResolver | undefined;
  /** The column of a field (the name column for the number when there are names only). */
  col: (key: string) => number | undefined;
  /** Columns a field claims. */
  known: ReadonlySet<number>;
  /** The cell each municipality was first found at. */
  seen: Map<MunicipalityNumber, string>;
  /** Counts one value filled from the embedded data in a column. */
  fill: (column: string) => void;
  /** The embedded numbers by folded name. */
  byName: ReadonlyMap<string, string>;
}>;

/** Whether the header has every required column; an error for each one missing. */
function hasRequiredColumns(sheet: SheetData, header: HeaderMatch, nameOnly: boolean, log: ProblemLog): boolean {
  const missingRequired = MUNICIPALITY_FIELDS.filter((f) => f.required && !header.columns.has(f.key) && !(nameOnly && f.key === 'number'));
  for (const f of missingRequired) {
    log.error(sheet.name, a1(header.row, 0), 'columnMissing', {
      column: f.label,
      found: header.headers.filter((h) => h).join(', ') || '–',
    });
  }
  return missingRequired.length === 0;
}

/** A note for each field read from one of several candidate columns (an SSB table: which year). */
function noteColumnsChosen(sheet: SheetData, header: HeaderMatch, ssb: SsbExport | undefined, log: ProblemLog): void {
  for (const [key, headerText] of header.chosen) {
    const f = MUNICIPALITY_FIELDS.find((x) => x.key === key)!;
    const at = a1(header.row, header.columns.get(key)!);
    // An SSB table's headers are its years: say which year is read, in the table's own terms.
    if (ssb)
      log.warn(sheet.name, at, 'ssbYearChosen', {
        column: f.label,
        year: headerText.slice(-4),
        years: ssb.years.join(', '),
        table: ssb.table ? ` ${ssb.table}` : '',
      });
    else log.warn(sheet.name, at, 'columnChosen', { column: f.label, header: headerText });
  }
}

/** Notes of an SSB table's layout: the year of each other column read, rows summed, aggregate rows skipped. */
function noteSsbLayout(sheet: SheetData, header: HeaderMatch, ssb: SsbExport, log: ProblemLog): void {
  for (const [key, c] of header.columns) {
    if (header.chosen.has(key) || !/\d{4}$/.test(header.headers[c] ?? '')) continue;
    const f = MUNICIPALITY_FIELDS.find((x) => x.key === key)!;
    log.warn(sheet.name, a1(header.row, c), 'ssbYearChosen', {
      column: f.label,
      year: header.headers[c]!.slice(-4),
      years: ssb.years.join(', '),
      table: ssb.table ? ` ${ssb.table}` : '',
    });
  }
  if (ssb.summedOver.length > 0)
    log.warn(sheet.name, a1(header.row, header.columns.get('number')!), 'ssbSummed', { columns: ssb.summedOver.join(', ') });
  for (const a of ssb.aggregates) log.warn(sheet.name, a1(a.row, header.columns.get('number')!), 'totalsRowSkipped', { value: a.text });
}

/** The value of a field in a row (undefined when the sheet has no such column). */
function cellOf(rows: KommunerRows, row: readonly CellValue[], key: string): CellValue | undefined {
  const c = rows.col(key);
  return c === undefined ? undefined : row[c];
}

/** One row of Kommuner as a municipality; undefined when it is blank, a totals row or has an error (each said). */
function readMunicipalityRow(rows: KommunerRows, r: number): Municipality | undefined {
  const { sheet, log, reference, byName } = rows;
  const row = sheet.values[r] ?? [];
  const cell = (key: string) => cellOf(rows, row, key);
  if (row.every((v) => isBlank(v))) return undefined;
  const number = rowNumber(rows, row, r);
  if (number === undefined) return undefined;
  const here = a1(r, rows.col('number')!);
  const population = readPopulation(rows, r, cell('population'));

  const ref = reference.get(number);
  if (!ref && reference.size > 0) {
    const same = byName.get(foldName(cellText(cell('name')).split(' - ')[0]!));
    log.warn(sheet.name, here, 'notInDivision', { number, hint: same ? ` (${reference.get(same)!.name} har nummer ${same})` : '' });
  }
  let lat = optionalNumber(rows, row, r, 'lat', -90, 90);
  let lon = optionalNumber(rows, row, r, 'lon', -180, 180);
  if ((lat === undefined || lon === undefined) && ref) {
    lat = ref.lat;
    lon = ref.lon;
    rows.fill('lat/lon');
  }
  const { name, county, baRegion, baRegionName } = placeOf(rows, row, number, ref);
  const within = withinOf(optionalNumber(rows, row, r, 'within', 0, 24 * 60), ref?.within);
  const users = optionalNumber(rows, row, r, 'users', 0, Number.MAX_SAFE_INTEGER);
  const spending = optionalNumber(rows, row, r, 'spending', 0, Number.MAX_SAFE_INTEGER);
  const columns = otherColumns(rows, row);
  return {
    number: asMunicipalityNumber(number),
    name,
    population,
    county,
    baRegion,
    baRegionName,
    lat,
    lon,
    ...(within ? { within } : {}),
    users,
    spending,
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    row: r,
  };
}

/** Notes a totals row, skipped. */
function totalsRowSkipped({ sheet, log }: KommunerRows, r: number, label: string): void {
  log.warn(sheet.name, a1(r, 0), 'totalsRowSkipped', { value: label });
}

/**
 * The municipality number of a row (looked up by name when there are names only); undefined
 * for a totals row, a row with a population and no number, an unknown or repeated number (each said).
 */
function rowNumber(rows: KommunerRows, row: readonly CellValue[], r: number): string | undefined {
  const { sheet, log, col, nameLookup, seen } = rows;
  const cell = (key: string) => cellOf(rows, row, key);
  const rawNumber = cell('number');
  if (isBlank(rawNumber)) {
    const label = foldName(cellText(cell('name')));
    if (TOTAL_LABELS.includes(label) || TOTAL_LABELS.some((t) => foldName(cellText(row[0])) === t)) {
      totalsRowSkipped(rows, r, TOTAL_LABELS.includes(label) ? cellText(cell('name')) : cellText(row[0]));
      return undefined;
    }
    if (isBlank(cell('population'))) return undefined;
    log.error(sheet.name, a1(r, col('number')!), 'numberMissing');
    return undefined;
  }
  const numberCol = col('number')!;
  if (isCellError(rawNumber)) {
    log.error(sheet.name, a1(r, numberCol), 'cellError', { value: cellText(rawNumber) });
    return undefined;
  }
  const looked = nameLookup ? nameLookup.resolve(rawNumber) : undefined;
  const number = looked ? (looked.ok ? looked.number : undefined) : parseMunicipalityNumber(rawNumber);
  if (number === undefined) {
    if (TOTAL_LABELS.includes(foldName(cellText(rawNumber)))) {
      totalsRowSkipped(rows, r, cellText(rawNumber));
      return undefined;
    }
    if (looked && !looked.ok && looked.reason === 'ambiguous')
      log.error(sheet.name, a1(r, numberCol), 'ambiguousName', { value: cellText(rawNumber), candidates: looked.candidates ?? '' });
    else if (looked) log.error(sheet.name, a1(r, numberCol), 'unknownMunicipalityName', { value: cellText(rawNumber) });
    else log.error(sheet.name, a1(r, numberCol), 'badMunicipalityNumber', { value: cellText(rawNumber) });
    return undefined;
  }
  const here = a1(r, numberCol);
  const before = seen.get(number);
  if (before) {
    log.error(sheet.name, here, 'duplicateMunicipality', { number, other: `${sheet.name}!${before}` });
    return undefined;
  }
  seen.set(number, here);
  return number;
}

/** The population of a row; NaN when the cell is not a plausible one (said). */
function readPopulation({ sheet, log, col, ssb }: KommunerRows, r: number, rawPopulation: CellValue | undefined): number {
  const popCol = col('population')!;
  if (isCellError(rawPopulation)) {
    log.error(sheet.name, a1(r, popCol), 'cellError', { value: cellText(rawPopulation) });
    return Number.NaN;
  }
  const p = parseNumber(rawPopulation);
  // SSB's symbols for a figure that is missing, not yet there, confidential or not possible.
  if (p === undefined && ssb && ['..', '...', '.', ':', '…'].includes(cellText(rawPopulation)))
    log.error(sheet.name, a1(r, popCol), 'ssbSymbol', { value: cellText(rawPopulation) });
  else if (p === undefined) log.error(sheet.name, a1(r, popCol), 'notANumber', { value: cellText(rawPopulation) });
  else if (p < 0) log.error(sheet.name, a1(r, popCol), 'negative', { value: cellText(rawPopulation) });
  else if (p === 0) log.error(sheet.name, a1(r, popCol), 'zeroPopulation');
  else if (p > MAX_POPULATION)
    log.error(sheet.name, a1(r, popCol), 'implausible', { value: cellText(rawPopulation), what: 'et folketall', max: '6 000 000' });
  else return p;
  return Number.NaN;
}

/** An optional number of a row between `min` and `max`; undefined when blank or out of range (the latter said). */
function optionalNumber(
  { sheet, log, col }: KommunerRows,
  row: readonly CellValue[],
  r: number,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const c = col(key);
  if (c === undefined || isBlank(row[c])) return undefined;
  const v = parseNumber(row[c]);
  if (v === undefined || v < min || v > max) {
    log.error(sheet.name, a1(r, c), key === 'lat' || key === 'lon' ? 'badCoordinate' : 'notANumber', { value: cellText(row[c]) });
    return undefined;
  }
  return v;
}

/** Name, county and BA region of a row, from the sheet or else the embedded data (the fill counted). */
function placeOf(
  rows: KommunerRows,
  row: readonly CellValue[],
  number: string,
  ref: ReferenceMunicipality | undefined,
): { name: string; county: string; baRegion: string | undefined; baRegionName: string | undefined } {
  const cell = (key: string) => cellOf(rows, row, key);
  const rawNumber = cell('number');
  // «1804 Bodø» or «K-1804 Bodø» in the number column (SSB's region) also gives the name.
  let name =
    (rows.nameLookup ? ref?.name : undefined) ||
    cellText(cell('name')) ||
    (typeof rawNumber === 'string' ? rawNumber.replace(/^\s*(?:k[-\s]?)?\d{3,4}\s*/i, '').trim() : '');
  if (!name) {
    name = ref?.name ?? number;
    if (ref) rows.fill('navn');
  }
  let county = cellText(cell('county'));
  county = parseMunicipalityNumber(county) ? number.slice(0, 2) : county.replace(/^(\d{1,2})\b.*$/, (_, d: string) => d.padStart(2, '0'));
  if (!county) county = number.slice(0, 2);
  let baRegion: string | undefined;
  let baRegionName: string | undefined;
  const baText = cellText(cell('ba'));
  if (baText) {
    const m = /^(\d+)\s*(.*)$/.exec(baText);
    baRegion = m ? m[1] : baText;
    baRegionName = (m ? m[2] : baText) || cellText(cell('baName')) || undefined;
  } else if (ref) {
    baRegion = ref.baRegion;
    baRegionName = ref.baRegionName;
    rows.fill('BA-region');
  }
  return { name, county, baRegion, baRegionName };
}

/** The travel within a municipality: the sheet's minutes, else TØI's, with the grid's mean km to the centre. */
function withinOf(givenWithin: number | undefined, refWithin: ReferenceMunicipality['within']): Municipality['within'] {
  return givenWithin !== undefined
    ? { minutes: givenWithin, source: 'given' as const, meanKmToCentre: refWithin?.meanKmToCentre }
    : refWithin && (refWithin.minutes !== undefined || refWithin.meanKmToCentre !== undefined)
      ? {
          ...(refWithin.minutes !== undefined ? { minutes: refWithin.minutes, source: 'toi' as const } : {}),
          meanKmToCentre: refWithin.meanKmToCentre,
        }
      : undefined;
}

/** Columns no field claims, read where they hold numbers: drivers a planner may name. */
function otherColumns({ header, known }: KommunerRows, row: readonly CellValue[]): Record<string, number> {
  const columns: Record<string, number> = {};
  header.headers.forEach((h, c) => {
    if (!h || known.has(c) || isBlank(row[c])) return;
    const v = parseNumber(row[c]);
    if (v !== undefined) columns[h] = v;
  });
  return columns;
}
