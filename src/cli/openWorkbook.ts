import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Language } from '../io/problems';
import { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';

/**
 * Opening a file the planner names: a workbook is read; anything else is refused with a
 * message that says what the file is and what to do, never an internal error.
 */

/** What a file is, judged by its first bytes and, for a zip, its parts. */
export type FileKind =
  'xlsx' | 'strict' | 'xls' | 'encrypted' | 'xlsb' | 'ods' | 'zip' | 'damaged' | 'html' | 'xml2003' | 'text' | 'empty' | 'other';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file holds either an old .xls or a password-protected .xlsx (its EncryptionInfo stream). */
function oleKind(bytes: Buffer): 'xls' | 'encrypted' {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return bytes.includes(name) ? 'encrypted' : 'xls';
}

export async function fileKind(bytes: Buffer): Promise<FileKind> {
  if (bytes.length === 0) return 'empty';
  if (bytes.subarray(0, 8).equals(OLE)) return oleKind(bytes);
  if (bytes.subarray(0, 2).equals(Buffer.from('PK'))) {
    try {
      const zip = await JSZip.loadAsync(bytes);
      const mimetype = await zip.file('mimetype')?.async('string');
      if (mimetype?.startsWith('application/vnd.oasis.opendocument')) return 'ods';
      if (zip.file('xl/workbook.bin')) return 'xlsb';
      const main = zip.file('xl/workbook.xml') ?? zip.file(/^xl\/workbook\d*\.xml$/)[0];
      if (!main) return 'zip';
      // Strict Open XML (Excel's «Strict Open XML-regneark»): other namespaces throughout.
      const head = (await main.async('string')).slice(0, 2000);
      return head.includes('http://purl.oclc.org/ooxml/spreadsheetml/main') ? 'strict' : 'xlsx';
    } catch {
      // A zip's signature but no readable zip: a file cut short or damaged on the way.
      return 'damaged';
    }
  }
  // Text (CSV, TSV): no NUL or other control bytes but tab, line breaks and form feed in the first 4 kB.
  const head = bytes.subarray(0, 4096);
  const control = head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
  if (control) return 'other';
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 1000)
    .toLowerCase();
  // Excel 2003 XML (SpreadsheetML) and HTML tables saved with an Excel ending, as some exports are.
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
  if (start.startsWith('<') && /<(html|table|!doctype html)/.test(start)) return 'html';
  return 'text';
}

const REFUSALS: Readonly<Record<Exclude<FileKind, 'xlsx'>, { nb: string; en: string }>> = {
  strict: {
    nb: '{file} er lagret som «Strict Open XML-regneark», som Kontorplan ikke skriver i; åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is saved as "Strict Open XML Spreadsheet", which Kontorplan does not write to; open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  xls: {
    nb: '{file} er en arbeidsbok i det gamle Excel-formatet (.xls); åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is a workbook in the old Excel format (.xls); open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  encrypted: {
    nb: '{file} er beskyttet med passord; åpne den i Excel, fjern passordet (Fil > Info > Beskytt arbeidsbok > Krypter med passord) og lagre den på nytt',
    en: '{file} is protected with a password; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again',
  },
  xlsb: {
    nb: '{file} er en binær Excel-arbeidsbok (.xlsb); åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is a binary Excel workbook (.xlsb); open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  damaged: {
    nb: '{file} ser ut som en Excel-arbeidsbok, men filen er skadet eller ufullstendig; last den ned eller kopier den på nytt, eller åpne den i Excel og lagre den på nytt',
    en: '{file} looks like an Excel workbook, but the file is damaged or incomplete; download or copy it again, or open it in Excel and save it again',
  },
  html: {
    nb: '{file} er en nettside (HTML-tabell) med Excel-endelse, ikke en arbeidsbok; åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is a web page (an HTML table) with an Excel ending, not a workbook; open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  xml2003: {
    nb: '{file} er en XML-arbeidsbok fra Excel 2003; åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is an Excel 2003 XML workbook; open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  ods: {
    nb: '{file} er et OpenDocument-regneark (.ods); lagre det som «Excel 2007-365 (.xlsx)» i LibreOffice, eller som .xlsx i Excel',
    en: '{file} is an OpenDocument spreadsheet (.ods); save it as "Excel 2007-365 (.xlsx)" in LibreOffice, or as .xlsx in Excel',
  },
  zip: {
    nb: '{file} er en zip-fil, men ikke en Excel-arbeidsbok; åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is a zip file but not an Excel workbook; open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  text: {
    nb: '{file} er en tekstfil (for eksempel CSV) og ikke en Excel-arbeidsbok (.xlsx); åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is a text file (CSV, for instance), not an Excel workbook (.xlsx); open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  empty: {
    nb: '{file} er tom (0 byte); velg arbeidsboken på nytt',
    en: '{file} is empty (0 bytes); choose the workbook again',
  },
  other: {
    nb: '{file} er ikke en Excel-arbeidsbok (.xlsx); åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    en: '{file} is not an Excel workbook (.xlsx); open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
};

const DAMAGED = {
  nb: '{file} ser ut som en Excel-arbeidsbok, men kan ikke leses; åpne den i Excel (som reparerer den) og lagre den på nytt',
  en: '{file} looks like an Excel workbook but cannot be read; open it in Excel (which repairs it) and save it again',
};

export type Opened = { wb: ExcelJsWorkbook } | { refusal: string };

/** The workbook in `file`, or the planner's message saying why it is not one. */
export async function openWorkbookFile(file: string, lang: Language): Promise<Opened> {
  const bytes = readFileSync(file);
  const kind = await fileKind(bytes);
  const say = (t: { nb: string; en: string }) => ({ refusal: t[lang].replace('{file}', file) });
  if (kind !== 'xlsx') return say(REFUSALS[kind]);
  try {
    // The package as it is: drawings exceljs cannot read (openpyxl's charts) are left out of the
    // reading only, and written back untouched (ExcelJsWorkbook).
    return { wb: await ExcelJsWorkbook.fromBuffer(bytes) };
  } catch {
    return say(DAMAGED);
  }
}
