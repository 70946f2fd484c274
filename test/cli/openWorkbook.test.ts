import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { fileKind, openWorkbookFile } from '../../src/cli/openWorkbook';
import { main, type Io } from '../../src/cli/main';

/**
 * Opening what planners pick: files LibreOffice saved as .xls and .ods, a text file named
 * .xlsx and a workbook openpyxl wrote with a chart (test/fixtures/inputs, built by the scripts
 * named there). Each is read or refused with a message that says what it is.
 */
const inputs = path.join(__dirname, '..', 'fixtures', 'inputs');
const file = (f: string) => path.join(inputs, f);
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-open-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

describe('what a file is', () => {
  it.each([
    ['kommuner-navn.xlsx', 'xlsx'],
    ['openpyxl-med-diagram.xlsx', 'xlsx'],
    ['kommuner.xls', 'xls'],
    ['kommuner.ods', 'ods'],
    ['ikke-arbeidsbok.xlsx', 'text'],
  ])('%s is %s', async (f, kind) => expect(await fileKind(readFileSync(file(f)))).toBe(kind));

  it('tells a password-protected workbook from an .xls by its EncryptionInfo stream ([MS-OFFCRYPTO] 2.3.4)', async () => {
    // The compound file's signature, then a directory entry's UTF-16 name as Office writes it.
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const entry = Buffer.from('EncryptionInfo', 'utf16le');
    expect(await fileKind(Buffer.concat([ole, Buffer.alloc(504), entry, Buffer.alloc(64)]))).toBe('encrypted');
    expect(await fileKind(Buffer.concat([ole, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]))).toBe('xls');
    expect(await fileKind(Buffer.alloc(0))).toBe('empty');
    expect(await fileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toBe('damaged');
    expect(await fileKind(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toBe('other');
  });

  it('tells a workbook cut short, an HTML table and an Excel 2003 XML workbook apart', async () => {
    const whole = readFileSync(file('kommuner-navn.xlsx'));
    expect(await fileKind(whole.subarray(0, Math.floor(whole.length / 2)))).toBe('damaged');
    expect(await fileKind(Buffer.from('<html><body><table><tr><td>1804</td></tr></table></body></html>'))).toBe('html');
    const ss = '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>';
    expect(await fileKind(Buffer.from(ss))).toBe('xml2003');
    expect(await fileKind(Buffer.from('\uFEFFKommunenummer;Folketall\r\n1804;53638\r\n'))).toBe('text');
  });

  it('tells a binary workbook (.xlsb: xl/workbook.bin, ECMA-376 has none) from a zip that is no workbook', async () => {
    const zip = async (parts: string[]) => {
      const z = new JSZip();
      for (const p of parts) z.file(p, 'x');
      return z.generateAsync({ type: 'nodebuffer' });
    };
    expect(await fileKind(await zip(['[Content_Types].xml', 'xl/workbook.bin']))).toBe('xlsb');
    expect(await fileKind(await zip(['notes.txt']))).toBe('zip');
  });
});

describe('opening', () => {
  it('opens a workbook openpyxl wrote with a chart (its drawing has no xdr prefix)', async () => {
    const opened = await openWorkbookFile(file('openpyxl-med-diagram.xlsx'), 'nb');
    if (!('wb' in opened)) throw new Error(opened.refusal);
    const snapshot = await opened.wb.read();
    expect(snapshot.sheets[0]!.name).toBe('Kommuner');
    expect(snapshot.sheets[0]!.values[1]).toEqual(['1841', 'Fauske - Fuossko', expect.any(Number)]);
  });

  it('opens a workbook openpyxl wrote with a table (its relationship targets start at the package root), and plans it keeping the table', async () => {
    const input = file('openpyxl-tabell.xlsx');
    const opened = await openWorkbookFile(input, 'nb');
    if (!('wb' in opened)) throw new Error(opened.refusal);
    expect((await opened.wb.read()).sheets[0]!.values[1]).toEqual(['1841', 'Fauske - Fuossko', expect.any(Number)]);
    const out = path.join(dir, 'tabell-ut.xlsx');
    expect(await main(['plan', input, '--out', out], capture())).toBe(0);
    const before = await JSZip.loadAsync(readFileSync(input));
    const after = await JSZip.loadAsync(readFileSync(out));
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/worksheets/_rels/sheet1.xml.rels'])
      expect([part, await after.file(part)?.async('string')]).toEqual([part, await before.file(part)!.async('string')]);
  });

  it.each([
    [
      'kommuner.xls',
      'er en arbeidsbok i det gamle Excel-formatet (.xls); åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)». Ingenting ble skrevet.',
    ],
    [
      'kommuner.ods',
      'er et OpenDocument-regneark (.ods); lagre det som «Excel 2007-365 (.xlsx)» i LibreOffice, eller som .xlsx i Excel. Ingenting ble skrevet.',
    ],
    [
      'ikke-arbeidsbok.xlsx',
      'er en tekstfil (for eksempel CSV) og ikke en Excel-arbeidsbok (.xlsx); åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)». Ingenting ble skrevet.',
    ],
  ])('refuses %s through the command line with the planner’s message and writes nothing', async (f, message) => {
    const out = path.join(dir, `${f}.out.xlsx`);
    const before = readFileSync(file(f));
    const io = capture();
    expect(await main(['plan', file(f), '--out', out], io)).toBe(1);
    expect(io.stderr).toEqual([`${file(f)} ${message}`]);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(file(f)).equals(before)).toBe(true);
  });

  it('says it in English with --lang en', async () => {
    const io = capture();
    expect(await main(['plan', file('kommuner.ods'), '--out', path.join(dir, 'x.xlsx'), '--lang', 'en'], io)).toBe(1);
    expect(io.stderr).toEqual([
      `${file('kommuner.ods')} is an OpenDocument spreadsheet (.ods); save it as "Excel 2007-365 (.xlsx)" in LibreOffice, or as .xlsx in Excel. Nothing was written.`,
    ]);
  });

  it('plans the openpyxl workbook through the command line', async () => {
    const out = path.join(dir, 'openpyxl.out.xlsx');
    const io = capture();
    expect(await main(['plan', file('openpyxl-med-diagram.xlsx'), '--out', out], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Leste 5 kommuner fra «Kommuner»');
    expect(existsSync(out)).toBe(true);
  });
});

describe('where the result is written', () => {
  const rezip = async (edit: (zip: JSZip) => Promise<void>, name: string) => {
    const zip = await JSZip.loadAsync(readFileSync(file('kommuner-navn.xlsx')));
    await edit(zip);
    const f = path.join(dir, name);
    writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    return f;
  };

  it('refuses a Strict Open XML workbook (ISO/IEC 29500 Strict namespaces) with what to do', async () => {
    const strict = await rezip(async (zip) => {
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file(
        'xl/workbook.xml',
        xml.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'),
      );
    }, 'strict.xlsx');
    expect(await fileKind(readFileSync(strict))).toBe('strict');
    const io = capture();
    const out = path.join(dir, 'strict-ut.xlsx');
    expect(await main(['plan', strict, '--out', out], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('Strict Open XML-regneark');
    expect(existsSync(out)).toBe(false);
  });

  it('writes a macro workbook only as .xlsm and an ordinary one only as .xlsx, and refuses other endings', async () => {
    const xlsm = await rezip(async (zip) => {
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file(
        '[Content_Types].xml',
        types.replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        ),
      );
    }, 'makro.xlsm');
    const io = capture();
    expect(await main(['plan', xlsm, '--out', path.join(dir, 'makro-ut.xlsx')], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('er en arbeidsbok med makroer; skriv resultatet til en fil som slutter på .xlsm');
    expect(existsSync(path.join(dir, 'makro-ut.xlsx'))).toBe(false);
    expect(await main(['plan', xlsm, '--out', path.join(dir, 'makro-ut.xlsm')], capture())).toBe(0);
    const written = await JSZip.loadAsync(readFileSync(path.join(dir, 'makro-ut.xlsm')));
    expect(await written.file('[Content_Types].xml')!.async('string')).toContain('macroEnabled.main+xml');

    const io2 = capture();
    expect(await main(['plan', file('kommuner-navn.xlsx'), '--out', path.join(dir, 'vanlig.xlsm')], io2)).toBe(1);
    expect(io2.stderr.join('\n')).toContain('har ingen makroer; skriv resultatet til en fil som slutter på .xlsx');
    const io3 = capture();
    expect(await main(['plan', file('kommuner-navn.xlsx'), '--out', path.join(dir, 'ut.csv'), '--lang', 'en'], io3)).toBe(2);
    expect(io3.stderr.join('\n')).toContain('--out must be a workbook ending in .xlsx');
    expect(existsSync(path.join(dir, 'ut.csv'))).toBe(false);
  });

  it('will not write over a chart sheet of the planner’s with the name of one of its own sheets', async () => {
    // openpyxl's chart sheet (scripts/build-openpyxl-fixture.py): exceljs does not list chart sheets.
    const input = file('openpyxl-diagramark.xlsx');
    const before = readFileSync(input);
    const io = capture();
    const out = path.join(dir, 'diagramark-ut.xlsx');
    expect(await main(['plan', input, '--out', out], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('Arket «Sammenligning» finnes allerede og er ikke laget av Kontorplan');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('says it cannot write where --out cannot be written, and writes nothing', async () => {
    const folder = path.join(dir, 'en-mappe.xlsx');
    mkdirSync(folder);
    const io = capture();
    expect(await main(['plan', file('kommuner-navn.xlsx'), '--out', folder], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/kan ikke skrive .*en-mappe\.xlsx \(EISDIR\); er filen åpen i Excel/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
