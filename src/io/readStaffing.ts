import type { SheetData } from '../domain/sheets';
import type { MunicipalityNumber, Staffing } from '../domain/types';
import { a1, cellText, foldName, isBlank, isCellError } from './cells';
import { OFFICE_STAFFING_FIELDS, STAFFING_FIELDS } from './fields';
import { findHeaderRow, type HeaderMatch } from './headers';
import { listItems } from './readOffices';
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
  const perOffice = findHeaderRow(sheet, OFFICE_STAFFING_FIELDS);
  if (perOffice && OFFICE_STAFFING_FIELDS.every((f) => !f.required || perOffice.columns.has(f.key))) {
    return readOfficeStaffing(sheet, perOffice, resolver, log, kommunerSheet, municipalShareOfFte);
  }
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

/**
 * Bemanning with one row per NAV office: its municipalities listed in one cell and the
 * office's FTE. Each office's FTE is spread over its municipalities by population, as the
 * Kontorer sheet's are, so that the office scored with the same members has exactly its own
 * figure, and nothing is counted twice: a municipality in two offices is an error, and one
 * that has no row gets the estimate only for itself.
 */
function readOfficeStaffing(
  sheet: SheetData,
  header: HeaderMatch,
  resolver: MunicipalityResolver,
  log: ProblemLog,
  kommunerSheet: string,
  municipalShareOfFte: number,
): Map<MunicipalityNumber, Staffing> {
  const out = new Map<MunicipalityNumber, Staffing>();
  const col = (k: string) => header.columns.get(k);
  if (col('stateFte') === undefined && col('municipalFte') === undefined && col('totalFte') === undefined) {
    log.error(sheet.name, a1(header.row, 0), 'staffingColumns', { found: header.headers.filter((h) => h).join(', ') || '–' });
    return out;
  }
  const officeOf = new Map<MunicipalityNumber, { office: string; cell: string }>();
  const isName = (s: string) => resolver.resolve(s).ok;
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const cOffice = col('office')!;
    const cMembers = col('members')!;
    const office = cellText(row[cOffice]) || `rad ${r + 1}`;
    if (isBlank(row[cMembers]) && ['sum', 'total', 'totalt', 'ialt'].includes(foldName(office))) continue;
    const membersCell = a1(r, cMembers);
    if (isCellError(row[cMembers])) {
      log.error(sheet.name, membersCell, 'cellError', { value: cellText(row[cMembers]) });
      continue;
    }
    const members: MunicipalityNumber[] = [];
    let bad = false;
    for (const item of listItems(row[cMembers], isName)) {
      const res = resolver.resolve(item);
      if (!res.ok) {
        bad = true;
        if (res.reason === 'ambiguous')
          log.error(sheet.name, membersCell, 'ambiguousName', { value: item, candidates: res.candidates ?? '' });
        else log.error(sheet.name, membersCell, 'staffingUnknown', { value: item, sheetName: kommunerSheet });
        continue;
      }
      const before = officeOf.get(res.number);
      if (before) {
        bad = true;
        log.error(sheet.name, membersCell, 'officeMemberTwice', {
          number: resolver.label(res.number),
          office,
          other: before.office,
          otherCell: `${sheet.name}!${before.cell}`,
        });
        continue;
      }
      officeOf.set(res.number, { office, cell: membersCell });
      if (!members.includes(res.number)) members.push(res.number);
    }
    if (members.length === 0 && !bad) {
      log.error(sheet.name, membersCell, 'officeNoMembers', { office });
      continue;
    }
    const num = (k: string) => {
      const c = col(k);
      if (c === undefined) return {};
      return nonNegativeAt(sheet, r, c, log);
    };
    const st = num('stateFte');
    const mu = num('municipalFte');
    const to = num('totalFte');
    if (bad || st.bad || mu.bad || to.bad) continue;
    let given: { stateFte: number; municipalFte: number } | undefined;
    if (st.value !== undefined || mu.value !== undefined) given = { stateFte: st.value ?? 0, municipalFte: mu.value ?? 0 };
    else if (to.value !== undefined)
      given = { stateFte: to.value * (1 - municipalShareOfFte), municipalFte: to.value * municipalShareOfFte };
    if (!given) continue;
    const cs = col('source');
    const estimated = cs !== undefined && foldName(cellText(row[cs])).startsWith('estim');
    const population = (n: MunicipalityNumber) => resolver.get(n)?.population ?? 0;
    const total = members.reduce((s, m) => s + population(m), 0);
    for (const m of members) {
      const share = total > 0 ? population(m) / total : 1 / members.length;
      out.set(m, {
        stateFte: given.stateFte * share,
        municipalFte: given.municipalFte * share,
        provenance: estimated ? 'estimated' : 'given',
      });
    }
    if (members.length > 1)
      log.warn(sheet.name, a1(r, cOffice), 'officeStaffingSpread', {
        office,
        fte: String(Math.round((given.stateFte + given.municipalFte) * 10) / 10).replace('.', ','),
        count: members.length,
      });
  }
  return out;
}
