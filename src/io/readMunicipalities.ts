import type { SheetData } from '../domain/sheets';
import { asMunicipalityNumber, type Municipality, type MunicipalityNumber } from '../domain/types';
import { a1, cellText, foldName, isBlank, isCellError, parseMunicipalityNumber, parseNumber } from './cells';
import { MUNICIPALITY_FIELDS } from './fields';
import { findHeaderRow } from './headers';
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
  const missingRequired = MUNICIPALITY_FIELDS.filter((f) => f.required && !header.columns.has(f.key) && !(nameOnly && f.key === 'number'));
  for (const f of missingRequired) {
    log.error(sheet.name, a1(header.row, 0), 'columnMissing', {
      column: f.label,
      found: header.headers.filter((h) => h).join(', ') || '–',
    });
  }
  if (missingRequired.length > 0) return [];
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
  if (ssb) {
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
  const col = (key: string): number | undefined => header.columns.get(key === 'number' && nameOnly ? 'name' : key);
  const known = new Set(header.columns.values());
  const result: Municipality[] = [];
  const seen = new Map<MunicipalityNumber, string>();
  const filled = new Map<string, number>();
  const fill = (column: string): void => {
    filled.set(column, (filled.get(column) ?? 0) + 1);
  };
  const totals = (r: number, label: string) => log.warn(sheet.name, a1(r, 0), 'totalsRowSkipped', { value: label });
  const byName = new Map([...reference].map(([n, m]) => [foldName(m.name.split(' - ')[0]!), n]));

  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const cell = (key: string) => {
      const c = col(key);
      return c === undefined ? undefined : row[c];
    };
    const rawNumber = cell('number');
    const rawPopulation = cell('population');
    if (row.every((v) => isBlank(v))) continue;
    if (isBlank(rawNumber)) {
      const label = foldName(cellText(cell('name')));
      if (TOTAL_LABELS.includes(label) || TOTAL_LABELS.some((t) => foldName(cellText(row[0])) === t)) {
        totals(r, TOTAL_LABELS.includes(label) ? cellText(cell('name')) : cellText(row[0]));
        continue;
      }
      if (isBlank(rawPopulation)) continue;
      log.error(sheet.name, a1(r, col('number')!), 'numberMissing');
      continue;
    }
    const numberCol = col('number')!;
    if (isCellError(rawNumber)) {
      log.error(sheet.name, a1(r, numberCol), 'cellError', { value: cellText(rawNumber) });
      continue;
    }
    const looked = nameOnly ? names.resolve(rawNumber) : undefined;
    const number = looked ? (looked.ok ? looked.number : undefined) : parseMunicipalityNumber(rawNumber);
    if (number === undefined) {
      if (TOTAL_LABELS.includes(foldName(cellText(rawNumber)))) {
        totals(r, cellText(rawNumber));
        continue;
      }
      if (looked && !looked.ok && looked.reason === 'ambiguous')
        log.error(sheet.name, a1(r, numberCol), 'ambiguousName', { value: cellText(rawNumber), candidates: looked.candidates ?? '' });
      else if (looked) log.error(sheet.name, a1(r, numberCol), 'unknownMunicipalityName', { value: cellText(rawNumber) });
      else log.error(sheet.name, a1(r, numberCol), 'badMunicipalityNumber', { value: cellText(rawNumber) });
      continue;
    }
    const here = a1(r, numberCol);
    const before = seen.get(number);
    if (before) {
      log.error(sheet.name, here, 'duplicateMunicipality', { number, other: `${sheet.name}!${before}` });
      continue;
    }
    seen.set(number, here);

    const popCol = col('population')!;
    let population = Number.NaN;
    if (isCellError(rawPopulation)) log.error(sheet.name, a1(r, popCol), 'cellError', { value: cellText(rawPopulation) });
    else {
      const p = parseNumber(rawPopulation);
      // SSB's symbols for a figure that is missing, not yet there, confidential or not possible.
      if (p === undefined && ssb && ['..', '...', '.', ':', '…'].includes(cellText(rawPopulation)))
        log.error(sheet.name, a1(r, popCol), 'ssbSymbol', { value: cellText(rawPopulation) });
      else if (p === undefined) log.error(sheet.name, a1(r, popCol), 'notANumber', { value: cellText(rawPopulation) });
      else if (p < 0) log.error(sheet.name, a1(r, popCol), 'negative', { value: cellText(rawPopulation) });
      else if (p === 0) log.error(sheet.name, a1(r, popCol), 'zeroPopulation');
      else if (p > MAX_POPULATION)
        log.error(sheet.name, a1(r, popCol), 'implausible', { value: cellText(rawPopulation), what: 'et folketall', max: '6 000 000' });
      else population = p;
    }

    const ref = reference.get(number);
    if (!ref && reference.size > 0) {
      const same = byName.get(foldName(cellText(cell('name')).split(' - ')[0]!));
      log.warn(sheet.name, here, 'notInDivision', { number, hint: same ? ` (${reference.get(same)!.name} har nummer ${same})` : '' });
    }
    const optionalNumber = (key: string, min: number, max: number): number | undefined => {
      const c = col(key);
      if (c === undefined || isBlank(row[c])) return undefined;
      const v = parseNumber(row[c]);
      if (v === undefined || v < min || v > max) {
        log.error(sheet.name, a1(r, c), key === 'lat' || key === 'lon' ? 'badCoordinate' : 'notANumber', { value: cellText(row[c]) });
        return undefined;
      }
      return v;
    };
    let lat = optionalNumber('lat', -90, 90);
    let lon = optionalNumber('lon', -180, 180);
    if ((lat === undefined || lon === undefined) && ref) {
      lat = ref.lat;
      lon = ref.lon;
      fill('lat/lon');
    }
    // «1804 Bodø» or «K-1804 Bodø» in the number column (SSB's region) also gives the name.
    let name =
      (nameOnly ? ref?.name : undefined) ||
      cellText(cell('name')) ||
      (typeof rawNumber === 'string' ? rawNumber.replace(/^\s*(?:k[-\s]?)?\d{3,4}\s*/i, '').trim() : '');
    if (!name) {
      name = ref?.name ?? number;
      if (ref) fill('navn');
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
      fill('BA-region');
    }
    const givenWithin = optionalNumber('within', 0, 24 * 60);
    const refWithin = ref?.within;
    const within =
      givenWithin !== undefined
        ? { minutes: givenWithin, source: 'given' as const, meanKmToCentre: refWithin?.meanKmToCentre }
        : refWithin && (refWithin.minutes !== undefined || refWithin.meanKmToCentre !== undefined)
          ? {
              ...(refWithin.minutes !== undefined ? { minutes: refWithin.minutes, source: 'toi' as const } : {}),
              meanKmToCentre: refWithin.meanKmToCentre,
            }
          : undefined;
    const users = optionalNumber('users', 0, Number.MAX_SAFE_INTEGER);
    const spending = optionalNumber('spending', 0, Number.MAX_SAFE_INTEGER);
    // Columns no field claims, read where they hold numbers: drivers a planner may name.
    const columns: Record<string, number> = {};
    header.headers.forEach((h, c) => {
      if (!h || known.has(c) || isBlank(row[c])) return;
      const v = parseNumber(row[c]);
      if (v !== undefined) columns[h] = v;
    });
    result.push({
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
    });
  }
  for (const [column, count] of filled) {
    log.warn(sheet.name, a1(header.row, 0), 'filledFromEmbedded', { column, count });
  }
  return result;
}
