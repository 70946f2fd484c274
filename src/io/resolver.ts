import type { CellValue } from '../domain/sheets';
import type { Municipality, MunicipalityNumber } from '../domain/types';
import { cellText, parseMunicipalityNumber } from './cells';

function foldPlaceName(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/ kommune$/, '')
    .trim();
}

/**
 * A name's parts in a fixed order: «Kautokeino - Guovdageaidnu», «Guovdageaidnu-Kautokeino»
 * and «Guovdageaidnu - Kautokeino» all give the same key, so the official two-language name
 * is found with its parts in either order and with or without spaces around the dash.
 */
function partsKey(s: string): string | undefined {
  const parts = foldPlaceName(s)
    .split(/\s*[-–—]\s*/)
    .filter((p) => p);
  return parts.length > 1 ? parts.sort().join('|') : undefined;
}

export type Resolution =
  { ok: true; number: MunicipalityNumber } | { ok: false; reason: 'unknown' | 'ambiguous' | 'blank'; candidates?: string };

/**
 * Finds a municipality of the workbook's Kommuner sheet from a cell holding its number
 * (301, "0301", "0301 Oslo") or its name, in any of its forms: "Fauske - Fuossko",
 * "Fauske", "Fuossko" all give 1841.
 */
export class MunicipalityResolver {
  private readonly byNumber = new Map<string, Municipality>();
  private readonly byName = new Map<string, MunicipalityNumber[]>();
  private readonly byParts = new Map<string, MunicipalityNumber[]>();

  constructor(municipalities: readonly Municipality[], extraNames: ReadonlyMap<string, readonly string[]> = new Map()) {
    for (const m of municipalities) {
      this.byNumber.set(m.number, m);
      const names = new Set<string>([m.name, ...m.name.split(/\s+-\s+/), ...(extraNames.get(m.number) ?? [])]);
      for (const n of names) {
        const key = foldPlaceName(n);
        if (!key) continue;
        const list = this.byName.get(key) ?? [];
        if (!list.includes(m.number)) list.push(m.number);
        this.byName.set(key, list);
        const pk = partsKey(n);
        if (pk) {
          const same = this.byParts.get(pk) ?? [];
          if (!same.includes(m.number)) same.push(m.number);
          this.byParts.set(pk, same);
        }
      }
    }
  }

  get(number: MunicipalityNumber): Municipality | undefined {
    return this.byNumber.get(number);
  }

  resolve(v: CellValue | undefined): Resolution {
    const text = cellText(v);
    if (text === '') return { ok: false, reason: 'blank' };
    const number = parseMunicipalityNumber(v);
    if (number !== undefined) {
      return this.byNumber.has(number) ? { ok: true, number } : { ok: false, reason: 'unknown' };
    }
    const pk = partsKey(text);
    const hits = this.byName.get(foldPlaceName(text)) ?? (pk ? this.byParts.get(pk) : undefined) ?? [];
    if (hits.length === 1) return { ok: true, number: hits[0]! };
    if (hits.length > 1) {
      return {
        ok: false,
        reason: 'ambiguous',
        candidates: hits.map((n) => `${n} ${this.byNumber.get(n)?.name ?? ''}`.trim()).join(', '),
      };
    }
    return { ok: false, reason: 'unknown' };
  }

  /** "1841 Fauske - Fuossko" for messages. */
  label(number: MunicipalityNumber): string {
    const m = this.byNumber.get(number);
    return m ? `${number} ${m.name}` : number;
  }
}
