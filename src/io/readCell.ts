import type { CellValue, SheetData } from '../domain/sheets';
import type { MunicipalityNumber } from '../domain/types';
import { a1, cellText, isBlank, isCellError, parseNumber } from './cells';
import { findHeaderRow, type FieldSpec, type HeaderMatch } from './headers';
import type { ProblemCode, ProblemLog } from './problems';
import type { MunicipalityResolver } from './resolver';

/**
 * The municipality a cell names (number or name), or undefined after logging why not:
 * an error value, an ambiguous name, or one not in Kommuner (`unknownCode`). Blank gives
 * undefined silently.
 */
export function municipalityAt(
  sheet: SheetData,
  r: number,
  c: number,
  resolver: MunicipalityResolver,
  log: ProblemLog,
  kommunerSheet: string,
  unknownCode: ProblemCode = 'unknownMunicipality',
): MunicipalityNumber | undefined {
  const v = sheet.values[r]?.[c];
  if (isCellError(v)) {
    log.error(sheet.name, a1(r, c), 'cellError', { value: cellText(v) });
    return undefined;
  }
  const res = resolver.resolve(v);
  if (res.ok) return res.number;
  if (res.reason === 'ambiguous')
    log.error(sheet.name, a1(r, c), 'ambiguousName', { value: cellText(v), candidates: res.candidates ?? '' });
  else if (res.reason === 'unknown') log.error(sheet.name, a1(r, c), unknownCode, { value: cellText(v), sheetName: kommunerSheet });
  return undefined;
}

/**
 * A non-negative number from a cell: `{ value }`, `{ blank }` for an empty cell, or
 * `{ bad }` after logging an error value, text that is not a number, or a negative number.
 */
export function nonNegativeAt(sheet: SheetData, r: number, c: number, log: ProblemLog): { value?: number; blank?: true; bad?: true } {
  const v = sheet.values[r]?.[c];
  if (isBlank(v)) return { blank: true };
  if (isCellError(v)) log.error(sheet.name, a1(r, c), 'cellError', { value: cellText(v) });
  else {
    const x = parseNumber(v);
    if (x === undefined) log.error(sheet.name, a1(r, c), 'notANumber', { value: cellText(v) });
    else if (x < 0) log.error(sheet.name, a1(r, c), 'negative', { value: cellText(v) });
    else return { value: x };
  }
  return { bad: true };
}

/** The header row with every required field, or undefined after logging each missing column at the header. */
export function requiredHeader(
  sheet: SheetData,
  fields: readonly FieldSpec[],
  log: ProblemLog,
  scanRows?: number,
): HeaderMatch | undefined {
  const header = findHeaderRow(sheet, fields, scanRows);
  const missing = fields.filter((f) => f.required && !header?.columns.has(f.key));
  for (const f of missing) {
    log.error(sheet.name, a1(header?.row ?? 0, 0), 'columnMissing', {
      column: f.label,
      found: (header?.headers ?? []).filter((h) => h).join(', ') || '–',
    });
  }
  return header && missing.length === 0 ? header : undefined;
}

/**
 * Minutes from a duration as routing tools and planners write it: «85», «85 min», «85 minutter»,
 * «1 t 25 min», «1 time 25 minutter», «2 timer», «1 h 25 min», «1 hr 25 min», «1:25» (hours and
 * minutes), or an Excel time of day (a Date on 30 Dec 1899, or a fraction of a day is not
 * guessed: a plain number is minutes). Undefined for anything else.
 */
export function parseDuration(v: CellValue | undefined): number | undefined {
  if (v instanceof Date) {
    const ms = v.getTime() - Date.UTC(1899, 11, 30);
    return ms >= 0 && ms < 7 * 86400000 ? Math.round(ms / 60000) : undefined;
  }
  const plain = parseNumber(v);
  if (plain !== undefined) return plain;
  if (typeof v !== 'string') return undefined;
  const t = v
    .trim()
    .toLowerCase()
    .replace(/\u00a0/g, ' ');
  const clock = /^(\d{1,3}):([0-5]\d)(?::[0-5]\d)?$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const m =
    /^(?:(\d+(?:[.,]\d+)?)\s*(?:t|h|hr|hrs|hour|hours|time|timer)\.?)?\s*(?:(\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minute|minutes|minutt|minutter)\.?)?$/.exec(
      t,
    );
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const n = (x: string | undefined) => (x === undefined ? 0 : Number(x.replace(',', '.')));
  return n(m[1]) * 60 + n(m[2]);
}

/** Travel minutes from a cell (a number or a duration, see parseDuration), like nonNegativeAt. */
export function minutesAt(sheet: SheetData, r: number, c: number, log: ProblemLog): { value?: number; blank?: true; bad?: true } {
  const v = sheet.values[r]?.[c];
  if (isBlank(v)) return { blank: true };
  if (isCellError(v)) log.error(sheet.name, a1(r, c), 'cellError', { value: cellText(v) });
  else {
    const x = parseDuration(v);
    if (x === undefined) log.error(sheet.name, a1(r, c), 'notADuration', { value: cellText(v) });
    else if (x < 0) log.error(sheet.name, a1(r, c), 'negative', { value: cellText(v) });
    else return { value: x };
  }
  return { bad: true };
}
