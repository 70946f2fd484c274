import type { SheetData } from '../domain/sheets';
import type { MunicipalityNumber } from '../domain/types';
import { a1, cellText, foldName, isBlank } from './cells';
import { COST_FIELDS } from './fields';
import { ProblemLog } from './problems';
import { municipalityAt, nonNegativeAt, requiredHeader } from './readCell';
import type { MunicipalityResolver } from './resolver';

/** One line of Kostnader as read. */
export type CostLineRead = Readonly<{
  name: string;
  amount: number;
  /** The municipality that alone pays it; undefined: shared by the key. */
  payer?: MunicipalityNumber;
  /** The office (its host) the line belongs to; undefined: every office. */
  office?: MunicipalityNumber;
  cell: string;
}>;

const SHARED = new Set(['', 'felles', 'alle', 'fordeles', 'delt', 'shared', 'all', 'pooled']);

/**
 * Reads Kostnader: cost lines with an amount in kroner, optionally who alone pays it (a
 * municipality; blank or «felles» = shared by the key) and which office it belongs to.
 */
export function readCosts(sheet: SheetData, resolver: MunicipalityResolver, log: ProblemLog, kommunerSheet: string): CostLineRead[] {
  const out: CostLineRead[] = [];
  const header = requiredHeader(sheet, COST_FIELDS, log);
  if (!header) return out;
  const col = (k: string) => header.columns.get(k);
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const name = cellText(row[col('line')!]).trim();
    if (['sum', 'total', 'totalt', 'ialt'].includes(foldName(name))) continue;
    const amount = nonNegativeAt(sheet, r, col('amount')!, log);
    if (amount.bad) continue;
    if (amount.blank) {
      log.error(sheet.name, a1(r, col('amount')!), 'valueMissing', { column: 'beløp' });
      continue;
    }
    let payer: MunicipalityNumber | undefined;
    const cp = col('payer');
    if (cp !== undefined && !SHARED.has(foldName(cellText(row[cp])))) {
      payer = municipalityAt(sheet, r, cp, resolver, log, kommunerSheet);
      if (payer === undefined) continue;
    }
    let office: MunicipalityNumber | undefined;
    const co = col('office');
    if (co !== undefined && !isBlank(row[co])) {
      office = municipalityAt(sheet, r, co, resolver, log, kommunerSheet);
      if (office === undefined) continue;
    }
    out.push({ name: name || `linje ${r + 1}`, amount: amount.value!, payer, office, cell: a1(r, col('amount')!) });
  }
  return out;
}
