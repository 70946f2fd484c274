import type { SheetData } from '../domain/sheets';
import type { MunicipalityNumber, Staffing } from '../domain/types';
import { a1, cellText, foldName, isBlank } from './cells';
import { STAFFING_FIELDS } from './fields';
import { findHeaderRow } from './headers';
import { ProblemLog } from './problems';
import { municipalityAt, nonNegativeAt } from './readCell';
import type { MunicipalityResolver } from './resolver';

/**
 * Reads Bemanning: one row per municipality with statlige and/or kommunale årsverk, or a
 * total `årsverk` split by `municipalShareOfFte`. A `kilde` of "estimert" keeps the row
 * marked as estimated. Rows for municipalities not in Kommuner are errors.
 */
export function readStaffing(
  sheet: SheetData,
  resolver: MunicipalityResolver,
  log: ProblemLog,
  kommunerSheet: string,
  municipalShareOfFte: number,
): Map<MunicipalityNumber, Staffing> {
  const out = new Map<MunicipalityNumber, Staffing>();
  const header = findHeaderRow(sheet, STAFFING_FIELDS);
  if (!header || !header.columns.has('number')) {
    log.error(sheet.name, 'A1', 'columnMissing', {
      column: 'kommunenummer',
      found: (header?.headers ?? []).filter((h) => h).join(', ') || '–',
    });
    return out;
  }
  const has = (k: string) => header.columns.has(k);
  if (!has('stateFte') && !has('municipalFte') && !has('totalFte')) {
    log.error(sheet.name, a1(header.row, 0), 'staffingColumns', { found: header.headers.filter((h) => h).join(', ') || '–' });
    return out;
  }
  const seen = new Map<MunicipalityNumber, string>();
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const cn = header.columns.get('number')!;
    const raw = row[cn];
    if (isBlank(raw)) continue;
    if (['sum', 'total', 'totalt', 'ialt'].includes(foldName(cellText(raw)))) continue;
    const number = municipalityAt(sheet, r, cn, resolver, log, kommunerSheet, 'staffingUnknown');
    if (number === undefined) continue;
    const before = seen.get(number);
    if (before) {
      log.error(sheet.name, a1(r, cn), 'duplicateMunicipality', { number, other: `${sheet.name}!${before}` });
      continue;
    }
    seen.set(number, a1(r, cn));
    let bad = false;
    const num = (key: string): number | undefined => {
      const c = header.columns.get(key);
      if (c === undefined) return undefined;
      const cell = nonNegativeAt(sheet, r, c, log);
      bad ||= cell.bad === true;
      return cell.value;
    };
    const state = num('stateFte');
    const municipal = num('municipalFte');
    const total = num('totalFte');
    const costPerFte = num('costPerFte');
    const premisesCost = num('premises');
    if (bad) continue;
    let stateFte: number;
    let municipalFte: number;
    if (state !== undefined || municipal !== undefined) {
      stateFte = state ?? 0;
      municipalFte = municipal ?? 0;
    } else if (total !== undefined) {
      municipalFte = total * municipalShareOfFte;
      stateFte = total - municipalFte;
    } else continue;
    const cs = header.columns.get('source');
    const estimated = cs !== undefined && foldName(cellText(row[cs])).startsWith('estim');
    const fromTotal = state === undefined && municipal === undefined ? { fromTotal: sheet.name } : {};
    out.set(number, { stateFte, municipalFte, costPerFte, premisesCost, provenance: estimated ? 'estimated' : 'given', ...fromTotal });
  }
  return out;
}
