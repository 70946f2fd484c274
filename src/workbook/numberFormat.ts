/**
 * Excel's number formats as both adapters need them: Office.js gives a date or a time as its day
 * number, exceljs as a Date (and also for some formats that are not dates). The readers get a
 * Date exactly when the cell's format shows a date or a time, from either adapter.
 */

/**
 * Whether an Excel number format code shows a date or a time: it has a date or time token (y, m,
 * d, h, s, or the elapsed [h] [m] [s]) outside quoted text, escaped characters and the bracketed
 * colour and locale parts ("[Red]", "[$-414]"). "General", "0", '0" min"' and "0 \m\i\n" do not.
 */
export function isDateTimeFormat(code: unknown): boolean {
  if (typeof code !== 'string' || code === '' || code.toLowerCase() === 'general' || code === '@') return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare);
}

const EPOCH = Date.UTC(1899, 11, 30);

/** Excel's day number (days since 30 Dec 1899, fraction = time of day) as a Date. */
export const excelDate = (days: number): Date => new Date(EPOCH + Math.round(days * 86400000));

/** A Date as Excel's day number. */
export const excelDays = (d: Date): number => (d.getTime() - EPOCH) / 86400000;
