import type { SheetData } from '../domain/sheets';
import type { MunicipalityNumber } from '../domain/types';
import type { TravelEntry } from '../travel/matrix';
import type { NetworkLink } from '../travel/network';
import { a1, cellText, foldName, isBlank, parseNumber, parseYesNo } from './cells';
import { FERRY_FIELDS, TRAVEL_LONG_FIELDS } from './fields';
import { findHeaderRow } from './headers';
import { ProblemLog } from './problems';
import { minutesAt, municipalityAt } from './readCell';
import type { MunicipalityResolver } from './resolver';

type Cell = { sheet: string; cell: string };

/** True when the sheet is long form: a header row with fra, til and minutter. */
export function isLongForm(sheet: SheetData): boolean {
  const h = findHeaderRow(sheet, TRAVEL_LONG_FIELDS);
  return !!h && ['from', 'to', 'minutes'].every((k) => h.columns.has(k));
}

/**
 * Travel entries from one sheet, long form (`fra, til, minutter [, ferje] [, kilde]`) or a
 * square matrix (first row and first column name the municipalities, by number or name;
 * rows are "from", columns "to"). A `kilde` of "estimert"/"estimated" keeps the value marked
 * as an estimate. Blank cells are simply not given.
 */
export function readTravelSheet(sheet: SheetData, resolver: MunicipalityResolver, log: ProblemLog, kommunerSheet: string): TravelEntry[] {
  const entries: TravelEntry[] = [];
  const where = new Map<string, Cell & { minutes: number }>();
  const add = (
    from: MunicipalityNumber,
    to: MunicipalityNumber,
    minutes: number,
    estimated: boolean,
    r: number,
    c: number,
    viaFerry = false,
  ): void => {
    // Two given times (or two estimates) of a pair that differ are reported and the first is
    // kept; a given time and an estimate are both passed on, and the matrix takes the given one.
    const key = `${from}>${to}>${estimated ? 'estimated' : 'given'}`;
    const before = where.get(key);
    // An estimate below a given time of the pair is moot: nothing to report.
    if (estimated && where.has(`${from}>${to}>given`)) return;
    if (before) {
      if (before.minutes !== minutes) {
        log.warn(sheet.name, a1(r, c), estimated ? 'travelEstimateConflict' : 'travelConflict', {
          from,
          to,
          value: before.minutes,
          other: minutes,
        });
      }
      return;
    }
    where.set(key, { sheet: sheet.name, cell: a1(r, c), minutes });
    entries.push({ from, to, minutes, provenance: estimated ? 'estimated' : 'given', viaFerry, sheet: sheet.name, cell: a1(r, c) });
  };

  const long = findHeaderRow(sheet, TRAVEL_LONG_FIELDS);
  if (long && ['from', 'to', 'minutes'].every((k) => long.columns.has(k))) {
    const [cf, ct, cm] = ['from', 'to', 'minutes'].map((k) => long.columns.get(k)!) as [number, number, number];
    const cs = long.columns.get('source');
    const cferry = long.columns.get('ferry');
    for (let r = long.row + 1; r < sheet.values.length; r++) {
      const row = sheet.values[r] ?? [];
      if (row.every((v) => isBlank(v))) continue;
      if (isBlank(row[cf]) && isBlank(row[ct])) continue;
      const from = municipalityAt(sheet, r, cf, resolver, log, kommunerSheet);
      const to = municipalityAt(sheet, r, ct, resolver, log, kommunerSheet);
      const minutes = minutesAt(sheet, r, cm, log).value;
      if (from === undefined || to === undefined || minutes === undefined) continue;
      const source = cs === undefined ? '' : foldName(cellText(row[cs]));
      // ferje: ja/nei, or the ferry minutes within the time (more than 0 means a ferry).
      const ferryCell = cferry === undefined ? undefined : row[cferry];
      const ferryMinutes = parseNumber(ferryCell);
      const viaFerry = isBlank(ferryCell) ? false : (parseYesNo(ferryCell) ?? (ferryMinutes === undefined ? undefined : ferryMinutes > 0));
      if (viaFerry === undefined) {
        log.error(sheet.name, a1(r, cferry!), 'badYesNo', { value: cellText(ferryCell) });
        continue;
      }
      add(from, to, minutes, source.startsWith('estim'), r, cm, viaFerry);
    }
    return entries;
  }

  // Square matrix: find the first row that names at least two municipalities from column B on.
  let headerRow = -1;
  for (let r = 0; r < Math.min(sheet.values.length, 10) && headerRow < 0; r++) {
    const row = sheet.values[r] ?? [];
    const hits = row.slice(1).filter((v) => resolver.resolve(v).ok).length;
    if (hits >= 2) headerRow = r;
  }
  if (headerRow < 0) {
    log.error(sheet.name, 'A1', 'columnMissing', {
      column: 'fra, til, minutter (eller en kvadratisk matrise)',
      found:
        (sheet.values[0] ?? [])
          .map(cellText)
          .filter((h) => h)
          .join(', ') || '–',
    });
    return entries;
  }
  const header = sheet.values[headerRow] ?? [];
  const colKeys = new Map<number, MunicipalityNumber>();
  for (let c = 1; c < header.length; c++) {
    if (isBlank(header[c])) continue;
    const n = municipalityAt(sheet, headerRow, c, resolver, log, kommunerSheet);
    if (n !== undefined) colKeys.set(c, n);
  }
  const rowKeys: MunicipalityNumber[] = [];
  const lastKeyed = Math.max(0, ...colKeys.keys());
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const beyond = row.findIndex((v, c) => c > lastKeyed && !isBlank(v));
    if (beyond > 0) {
      log.error(sheet.name, a1(r, beyond), 'matrixShifted', { value: cellText(row[beyond]) });
      return entries;
    }
    const from = municipalityAt(sheet, r, 0, resolver, log, kommunerSheet);
    if (from === undefined) continue;
    rowKeys.push(from);
    for (const [c, to] of colKeys) {
      const minutes = minutesAt(sheet, r, c, log).value;
      if (minutes === undefined) continue;
      add(from, to, minutes, false, r, c);
    }
  }
  const cols = new Set(colKeys.values());
  const rows = new Set(rowKeys);
  if (cols.size !== rows.size || [...rows].some((n) => !cols.has(n))) {
    log.error(sheet.name, a1(headerRow, 0), 'matrixNotSquare', { rows: rows.size, cols: cols.size });
  }
  return entries;
}

/**
 * Ferry links from a `Ferjer` sheet (fra, til, seiletid, avgangsintervall [, strekning]
 * [, kilde]), used to estimate travel the way the shipped ferry list is. A ferry between the
 * same two municipalities as a shipped one replaces it.
 */
export function readFerrySheet(sheet: SheetData, resolver: MunicipalityResolver, log: ProblemLog, kommunerSheet: string): NetworkLink[] {
  const h = findHeaderRow(sheet, FERRY_FIELDS);
  const missing = FERRY_FIELDS.filter((f) => f.required && !h?.columns.has(f.key));
  if (!h || missing.length > 0) {
    log.error(sheet.name, h ? a1(h.row, 0) : 'A1', 'columnMissing', {
      column: missing.map((f) => f.label).join(', '),
      found:
        (sheet.values[h?.row ?? 0] ?? [])
          .map(cellText)
          .filter((t) => t)
          .join(', ') || '–',
    });
    return [];
  }
  const col = (k: string): number | undefined => h.columns.get(k);
  const links: NetworkLink[] = [];
  for (let r = h.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const from = municipalityAt(sheet, r, col('from')!, resolver, log, kommunerSheet);
    const to = municipalityAt(sheet, r, col('to')!, resolver, log, kommunerSheet);
    const sailing = minutesAt(sheet, r, col('sailing')!, log);
    const headway = minutesAt(sheet, r, col('headway')!, log);
    if (sailing.blank) log.error(sheet.name, a1(r, col('sailing')!), 'valueMissing', { column: 'seiletid (minutter)' });
    if (headway.blank) log.error(sheet.name, a1(r, col('headway')!), 'valueMissing', { column: 'avgangsintervall (minutter)' });
    if (from === undefined || to === undefined || sailing.value === undefined || headway.value === undefined) continue;
    const route = col('route') === undefined ? '' : cellText(row[col('route')!]);
    const source = col('source') === undefined ? '' : cellText(row[col('source')!]);
    links.push({
      a: from,
      b: to,
      kind: 'ferry',
      sailingMinutes: sailing.value,
      headwayMinutes: headway.value,
      route: route || `${resolver.label(from)}–${resolver.label(to)}`,
      source: source || `${sheet.name}!${a1(r, 0)}`,
    });
  }
  return links;
}
