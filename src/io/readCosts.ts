import type { SheetData } from '../domain/sheets';
import type { MunicipalityNumber } from '../domain/types';
import { a1, cellText, foldName, isBlank, parseNumber } from './cells';
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
  /** The state's share (0–1) of the line; undefined: none (the line is municipal). */
  stateShare?: number;
  cell: string;
}>;

/** Who-pays words that mean «shared by the key», in either language (blank too). */
export const SHARED_PAYER_WORDS = ['felles', 'alle', 'fordeles', 'delt', 'shared', 'all', 'pooled'] as const;
const SHARED = new Set<string>(['', ...SHARED_PAYER_WORDS]);

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
    let stateShare: number | undefined;
    const cs = col('stateShare');
    if (cs !== undefined && !isBlank(row[cs])) {
      stateShare = shareAt(row[cs]);
      if (stateShare === undefined) {
        log.error(sheet.name, a1(r, cs), 'stateShareRange', { value: cellText(row[cs]) });
        continue;
      }
    }
    out.push({ name: name || `linje ${r + 1}`, amount: amount.value!, payer, office, stateShare, cell: a1(r, col('amount')!) });
  }
  return out;
}

/**
 * A share as a planner types it: 0.3, "0,3", "30 %" or 30 (a number above 1 is a percentage);
 * undefined when it is not a share between 0 and 100 %.
 */
export function shareAt(v: unknown): number | undefined {
  const text = typeof v === 'string' ? v.trim() : undefined;
  const percent = text !== undefined && text.endsWith('%');
  const x = parseNumber((percent ? text.slice(0, -1) : v) as Parameters<typeof parseNumber>[0]);
  if (x === undefined || x < 0) return undefined;
  const share = percent || x > 1 ? x / 100 : x;
  return share <= 1 ? share : undefined;
}
