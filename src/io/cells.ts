import type { CellError, CellValue } from '../domain/sheets';
import { asMunicipalityNumber, type MunicipalityNumber } from '../domain/types';

/** Column index (0-based) to letters: 0 → "A", 26 → "AA". */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters to a 0-based index: "A" → 0, "AA" → 26 (the inverse of columnLetters). */
export function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** 0-based row and column to an A1 address: (13, 2) → "C14". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The cell as text for messages: "12 3x", "#REF!", "" for blank. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

const SPACES = /[\s\u00a0\u202f\u2007\u2009']/g;

/**
 * A number from an Excel number or from text as Norwegians write it: "1 234,5" (space,
 * non-breaking or thin space as thousands separator, comma as decimal), "1.234,5",
 * "-12", "12,0 %" is not accepted (percent is not a count). English "1234.5" is read too.
 * Returns undefined for anything else.
 */
export function parseNumber(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  let s = v
    .trim()
    .replace(SPACES, '')
    .replace(/^\u2212/, '-');
  if (s === '') return undefined;
  if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
  else if (s.includes(',')) {
    if ((s.match(/,/g) ?? []).length > 1) return undefined;
    s = s.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

/**
 * A municipality number: 301 or "301" → "0301"; "0301", "0301 Oslo", "K-0301" → "0301".
 * Returns undefined when the cell holds no 3–4 digit number at its start.
 */
export function parseMunicipalityNumber(v: CellValue | undefined): MunicipalityNumber | undefined {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 101 || v > 9999) return undefined;
    return asMunicipalityNumber(String(v).padStart(4, '0'));
  }
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(?:k[-\s]?)?(\d{3,4})(?:\s+\S.*|\s*)$/i.exec(v.replace(/\u00a0/g, ' '));
  if (!m) return undefined;
  return asMunicipalityNumber(m[1]!.padStart(4, '0'));
}

/**
 * Header or sheet name folded for matching: lower case, æ→ae, ø→o, å→a, accents dropped,
 * everything but letters and digits removed. "Kommune-nr." → "kommunenr".
 */
export function foldName(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** A yes/no cell: "ja", "x", "1", TRUE, "yes" → true; "nei", "0", FALSE, "no" → false. */
export function parseYesNo(v: CellValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const f = foldName(cellText(v));
  if (['ja', 'j', 'x', 'yes', 'y', 'true', 'sann', '1'].includes(f)) return true;
  if (['nei', 'n', 'no', 'false', 'usann', '0'].includes(f)) return false;
  return undefined;
}
