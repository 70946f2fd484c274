/**
 * The planner's package survives Kontorplan: through plan, optimize, costs and re-runs onto the
 * same file, every part that is not Kontorplan's keeps its bytes (charts, pictures, pivot tables
 * and caches, comments, data validation, shared strings, theme, her sheets), the style sheet only
 * grows at its end, and the result is a valid package: well-formed XML with its namespaces, no
 * relationship to a missing part, a content type for every part, the active tab on a visible
 * sheet and no defined name into a sheet that is gone. The workbooks in test/fixtures/package/
 * were saved by openpyxl, LibreOffice and exceljs (scripts/build-package-fixtures.py).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { main } from '../../src/cli/main';
import type { SheetSpec } from '../../src/domain/sheets';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { TableConflictError } from '../../src/workbook/port';
import { attributes, mergeOwnSheets, parseRels, parseSheets, relsPathOf, resolveTarget } from '../../src/workbook/exceljs/package';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'package');
/** The parts Kontorplan may change: the sheet list, its relationships, the content types, the style sheet (appended to). */
const MAY_CHANGE = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-package-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function entries(file: string | Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(typeof file === 'string' ? readFileSync(file) : file);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('nodebuffer'));
  return out;
}

/** Strict XML parsing with namespaces: throws on anything not well-formed or an unbound prefix. */
function wellFormed(xml: string, part: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw new Error(`${part}: ${e.message}`);
  });
  parser.write(xml).close();
}

const items = (xml: string, container: string, item: string): string[] => {
  const c = new RegExp(`<${container}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${container}>)`).exec(xml);
  return c?.[1] ? [...c[1].matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g'))].map((m) => m[0]) : [];
};

type Names = { name: string; formula: string; sheet?: string }[];

function definedNames(workbookXml: string): Names {
  const sheets = parseSheets(workbookXml);
  return [...workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const a = attributes(`<d ${m[1]}>`);
    const local = a.get('localSheetId');
    return { name: a.get('name')!, formula: m[2]!, ...(local !== undefined ? { sheet: sheets[Number(local)]?.name ?? '(none)' } : {}) };
  });
}

/** Everything that makes a package valid, checked on every part. */
async function expectValidPackage(parts: Map<string, Buffer>): Promise<void> {
  const types = parts.get('[Content_Types].xml')!.toString('utf8');
  const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  const defaults = new Set([...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  for (const [name, data] of parts) {
    if (/\.(xml|rels|vml)$/.test(name)) wellFormed(data.toString('utf8'), name);
    if (!name.endsWith('.rels') && name !== '[Content_Types].xml')
      expect([name, overrides.has(name.toLowerCase()) || defaults.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase())]).toEqual([
        name,
        true,
      ]);
    if (name.endsWith('.rels')) {
      const source = name.replace(/_rels\/([^/]+)\.rels$/, '$1').replace(/^\.rels$/, '');
      for (const r of parseRels(data.toString('utf8')).filter((x) => !x.external)) {
        const target = resolveTarget(source === '_rels/.rels' ? '' : source, r.target);
        expect([name, r.target, parts.has(target)]).toEqual([name, r.target, true]);
      }
    }
  }
  for (const override of overrides)
    expect([override, [...parts.keys()].some((p) => p.toLowerCase() === override)]).toEqual([override, true]);
  const wb = parts.get('xl/workbook.xml')!.toString('utf8');
  const sheets = parseSheets(wb);
  expect(new Set(sheets.map((s) => s.name.toLowerCase())).size).toBe(sheets.length);
  expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(sheets.length);
  const view = /<workbookView\b[^>]*>/.exec(wb);
  if (view) {
    const a = attributes(view[0]);
    for (const k of ['activeTab', 'firstSheet']) {
      const i = Number(a.get(k) ?? 0);
      expect([k, sheets[i]?.state]).toEqual([k, 'visible']);
    }
  }
  for (const d of definedNames(wb)) {
    expect(d.sheet).not.toBe('(none)');
    for (const m of d.formula.matchAll(/(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu)) {
      const ref = (m[1] ?? m[2]!).replace(/''/g, "'").replace(/&apos;/g, "'");
      expect([d.name, sheets.some((s) => s.name.toLowerCase() === ref.toLowerCase())]).toEqual([d.name, true]);
    }
  }
  // Only one selected tab: each sheet part written by Kontorplan leaves the selection to the planner's.
  const selected = sheets.filter((s) => {
    const rel = parseRels(parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).find((r) => r.id === s.rid)!;
    return /tabSelected="(1|true)"/.test(parts.get(resolveTarget('xl/workbook.xml', rel.target))!.toString('utf8'));
  });
  expect(selected.length).toBeLessThanOrEqual(1);
}

/** The planner's parts are all there, byte for byte, and her style entries are where they were. */
function expectPlannerPartsKept(before: Map<string, Buffer>, after: Map<string, Buffer>): void {
  for (const [name, data] of before) {
    if (MAY_CHANGE.has(name)) continue;
    expect([name, after.get(name)?.equals(data) ?? 'missing']).toEqual([name, true]);
  }
  const s0 = before.get('xl/styles.xml')!.toString('utf8');
  const s1 = after.get('xl/styles.xml')!.toString('utf8');
  for (const [container, item] of [
    ['numFmts', 'numFmt'],
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
    ['cellXfs', 'xf'],
    ['cellStyleXfs', 'xf'],
    ['dxfs', 'dxf'],
  ] as const) {
    const was = items(s0, container, item);
    expect(items(s1, container, item).slice(0, was.length)).toEqual(was);
  }
  const w0 = before.get('xl/workbook.xml')!.toString('utf8');
  const w1 = after.get('xl/workbook.xml')!.toString('utf8');
  // Her sheets, in her order, on the same parts; her defined names on the same sheets.
  const partOf = (_wb: string, rels: Buffer) => (s: { rid: string }) =>
    resolveTarget('xl/workbook.xml', parseRels(rels.toString('utf8')).find((r) => r.id === s.rid)!.target);
  const hers = parseSheets(w0).filter((s) => !/^(KP |Sammenligning$|_kontorplan$)/.test(s.name));
  const now = parseSheets(w1);
  expect(now.filter((s) => hers.some((h) => h.name === s.name)).map((s) => s.name)).toEqual(hers.map((s) => s.name));
  for (const h of hers) {
    const n = now.find((s) => s.name === h.name)!;
    expect(partOf(w1, after.get('xl/_rels/workbook.xml.rels')!)(n)).toBe(partOf(w0, before.get('xl/_rels/workbook.xml.rels')!)(h));
    expect(n.state).toBe(h.state);
  }
  expect(definedNames(w1)).toEqual(expect.arrayContaining(definedNames(w0)));
}

const io = { out: () => undefined, err: () => undefined };

describe.each(['openpyxl', 'libreoffice', 'exceljs'])('a workbook saved by %s', (writer) => {
  it('keeps every part of the planner’s byte for byte through plan, optimize, costs and re-runs onto itself', async () => {
    const fixture = path.join(FIXTURES, `${writer}.xlsx`);
    const original = await entries(fixture);
    // What the fixture holds: the part types the property is about.
    const kinds = [...original.keys()].join(' ');
    expect(kinds).toMatch(/xl\/media\/image1\.png/);
    expect(kinds).toMatch(/comment/);
    if (writer !== 'exceljs') expect(kinds).toMatch(/xl\/charts\/chart2\.xml/);
    if (writer !== 'exceljs') {
      for (const part of ['pivotCacheDefinition1.xml', 'pivotCacheRecords1.xml', 'pivotTables/pivotTable1.xml'])
        expect(kinds).toContain(part);
    }
    const sheets = [...original.entries()].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, d]) => d.toString('utf8'));
    expect(sheets.join('')).toMatch(/<dataValidation\b/);
    expect(definedNames(original.get('xl/workbook.xml')!.toString('utf8')).map((d) => d.name)).toEqual(
      expect.arrayContaining(['Husleie', 'Folketall_Salten']),
    );

    const file = path.join(dir, `${writer}.xlsx`);
    copyFileSync(fixture, file);
    const at = (step: string) => path.join(dir, `${writer}-${step}.xlsx`);
    const optimise = ['optimize', '--offices', '3', '--heuristic', '--sweep', '2-5', '--alternatives', '0'];
    // The re-runs write onto their own input: through a temporary file, renamed.
    const steps: [string, string[], string, string][] = [
      ['plan', ['plan'], file, at('plan')],
      ['optimize', optimise, at('plan'), at('optimize')],
      ['costs', ['costs', '--scenario', 'Optimert 3 kontor', '--office', '1804'], at('optimize'), file],
      ['plan again', ['plan'], file, file],
      ['optimize again', optimise, file, file],
    ];
    let styles = 0;
    for (const [name, args, input, out] of steps) {
      expect([name, await main([args[0]!, input, ...args.slice(1), '--out', out], io)]).toEqual([name, 0]);
      const after = await entries(out);
      expectPlannerPartsKept(original, after);
      await expectValidPackage(after);
      // A re-run does not grow the style sheet: identical formats are reused.
      const xfs = items(after.get('xl/styles.xml')!.toString('utf8'), 'cellXfs', 'xf').length;
      if (name === 'plan again') styles = xfs;
      if (name === 'optimize again') expect(xfs).toBe(styles);
    }
    // The optimiser's trade-off chart survives costs and plan (its sheet is kept, not rewritten), and nothing is duplicated.
    const last = await entries(file);
    const names = parseSheets(last.get('xl/workbook.xml')!.toString('utf8')).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['KP Kostnader 1804', 'KP Avveiing', 'KP Optimerte scenarier', 'Sammenligning']));
    const charts = [...last.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBe([...original.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length + 2);
    // Kontorplan still reads the file it wrote: the planner's values and its own sheets.
    const snap = await (await ExcelJsWorkbook.open(file)).read();
    expect(snap.ownedSheets).toEqual(expect.arrayContaining(['KP Kostnader 1804', 'KP Avveiing']));
    expect(snap.sheets.find((s) => s.name === 'Kommuner')!.values[1]).toEqual(['1804', 'Bodø', 53638]);
  }, 120_000);
});

const own = (name: string, rows: (number | null)[][], chart = false): SheetSpec => ({
  name,
  heading: ['Laget av Kontorplan'],
  tables: [
    {
      name: `KP_${name.replace(/\W/g, '_')}`,
      startRow: 2,
      columns: [{ header: 'Antall kontor' }, { header: 'Reisetid', format: '0.0' }],
      rows,
    },
  ],
  ...(chart
    ? { charts: [{ table: `KP_${name.replace(/\W/g, '_')}`, x: 0, y: [1], title: 'Avveiing', xTitle: 'kontor', yTitle: 'min' }] }
    : {}),
});

/** A planner's workbook saved by exceljs with `views` and defined names set as a test needs. */
async function plannerBook(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Kommuner').getCell('A1').value = 'Knr';
  wb.addWorksheet('Notater').getCell('A1').value = 'notat';
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the workbook part after a re-run', () => {
  it('moves the active and first tab off a removed sheet onto a visible one, and keeps it on the planner’s sheet', async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(await plannerBook(() => undefined));
    await wb.replaceOwnSheets([own('KP A', [[1, 2]]), own('KP B', [[1, 2]]), own('KP C', [[1, 2]])]);
    // Saved by Excel with the last Kontorplan sheet active, the tabs scrolled to it.
    const zip = await JSZip.loadAsync(await wb.toBuffer());
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace('<sheets>', '<bookViews><workbookView activeTab="4" firstSheet="3"/></bookViews><sheets>'));
    const saved = await ExcelJsWorkbook.fromBuffer(await zip.generateAsync({ type: 'nodebuffer' }));
    await saved.replaceOwnSheets([own('KP A', [[1, 2]])]);
    const parts = await entries(await saved.toBuffer());
    await expectValidPackage(parts);
    const out = parts.get('xl/workbook.xml')!.toString('utf8');
    expect(parseSheets(out).map((s) => s.name)).toEqual(['Kommuner', 'Notater', 'KP A', '_kontorplan']);
    expect(attributes(/<workbookView\b[^>]*>/.exec(out)![0]).get('activeTab')).toBe('0');
    expect(attributes(/<workbookView\b[^>]*>/.exec(out)![0]).get('firstSheet')).toBe('0');

    // A planner's sheet that was active stays active where it now is.
    const zip2 = await JSZip.loadAsync(await wb.toBuffer());
    const xml2 = await zip2.file('xl/workbook.xml')!.async('string');
    zip2.file('xl/workbook.xml', xml2.replace('<sheets>', '<bookViews><workbookView activeTab="1"/></bookViews><sheets>'));
    const again = await ExcelJsWorkbook.fromBuffer(await zip2.generateAsync({ type: 'nodebuffer' }));
    await again.replaceOwnSheets([own('KP D', [[1, 2]])]);
    const out2 = (await entries(await again.toBuffer())).get('xl/workbook.xml')!.toString('utf8');
    expect(attributes(/<workbookView\b[^>]*>/.exec(out2)![0]).get('activeTab')).toBe('1');
  });

  it('drops defined names into removed Kontorplan sheets, keeps those into rewritten ones, and moves local names with their sheet', async () => {
    const first = await ExcelJsWorkbook.fromBuffer(await plannerBook(() => undefined));
    await first.replaceOwnSheets([own('KP Gammel', [[1, 2]]), own('KP Blir', [[1, 2]])]);
    // A sheet of hers after Kontorplan's: its local name must follow it when Kontorplan's are removed.
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await first.toBuffer()) as never);
    raw.addWorksheet('Senere').getCell('A1').value = 'senere';
    const zip = await JSZip.loadAsync(await raw.xlsx.writeBuffer());
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(parseSheets(xml).map((s) => s.name)).toEqual(['Kommuner', 'Notater', 'KP Gammel', 'KP Blir', '_kontorplan', 'Senere']);
    // Names the planner made: into each Kontorplan sheet, into her own sheet, one local to her last sheet.
    const names =
      `<definedNames><definedName name="Gammel">'KP Gammel'!$B$4</definedName><definedName name="Blir">'KP Blir'!$B$4</definedName>` +
      `<definedName name="Hennes">Notater!$A$1</definedName><definedName name="Lokal" localSheetId="5">Senere!$A$1</definedName></definedNames>`;
    zip.file('xl/workbook.xml', xml.replace('</sheets>', `</sheets>${names}`));
    const wb = await ExcelJsWorkbook.fromBuffer(await zip.generateAsync({ type: 'nodebuffer' }));
    await wb.replaceOwnSheets([own('KP Blir', [[3, 4]])]);
    const out = (await entries(await wb.toBuffer())).get('xl/workbook.xml')!.toString('utf8');
    expect(definedNames(out)).toEqual([
      { name: 'Blir', formula: "'KP Blir'!$B$4" },
      { name: 'Hennes', formula: 'Notater!$A$1' },
      { name: 'Lokal', formula: 'Senere!$A$1', sheet: 'Senere' },
    ]);
    expect(parseSheets(out).map((s) => s.name)).toEqual(['Kommuner', 'Notater', 'Senere', 'KP Blir', '_kontorplan']);
    expect(out).toContain('localSheetId="2"');
    await expectValidPackage(await entries(await wb.toBuffer()));
  });

  it('writes a missing point as a blank cell, so a chart shows a gap and not 0', async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(await plannerBook(() => undefined));
    await wb.replaceOwnSheets([
      own(
        'KP Avveiing',
        [
          [1, null],
          [2, 30.5],
        ],
        true,
      ),
    ]);
    const parts = await entries(await wb.toBuffer());
    await expectValidPackage(parts);
    const sheetXml = [...parts.entries()]
      .find(([n, d]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && d.toString('utf8').includes('30.5'))![1]
      .toString('utf8');
    // B4 (the missing travel) has no value and no type: not an empty string, which Excel plots as 0.
    const b4 = /<c r="B4"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/.exec(sheetXml)?.[0] ?? '';
    expect(b4).not.toMatch(/t="(s|str|inlineStr)"|<v>|<is>/);
    const chart = [...parts.entries()].find(([n]) => /^xl\/charts\/chart\d+\.xml$/.test(n))![1].toString('utf8');
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
    expect(chart).toMatch(/<c:yVal>[\s\S]*<c:ptCount val="2"\/><c:pt idx="1"><c:v>30.5<\/c:v><\/c:pt><\/c:numCache>/);
    // Read back, the missing point is missing (not an empty string).
    expect((await wb.read()).sheets.find((s) => s.name === 'KP Avveiing')!.values[3]).toEqual([1]);
  });

  it('writes Kontorplan’s strings inline and leaves the shared strings as they were', async () => {
    const book = await plannerBook(() => undefined);
    const before = await entries(book);
    const wb = await ExcelJsWorkbook.fromBuffer(book);
    await wb.replaceOwnSheets([own('KP Ny', [[1, 2]])]);
    const after = await entries(await wb.toBuffer());
    expect(after.get('xl/sharedStrings.xml')!.equals(before.get('xl/sharedStrings.xml')!)).toBe(true);
    const values = (await wb.read()).sheets.find((s) => s.name === 'KP Ny')!.values;
    expect(values[0]).toEqual(['Laget av Kontorplan']);
    expect(values[2]).toEqual(['Antall kontor', 'Reisetid']);
  });
});

/** Rewrites a part's SpreadsheetML elements with the prefix `x:`, as the Open XML SDK writes them. */
const prefixed = (xml: string) =>
  xml
    .replace(
      /xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/,
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    )
    .replace(/<(\/?)([a-zA-Z]+)(?=[\s/>])/g, '<$1x:$2');

describe('packages as other writers make them', () => {
  it('takes a workbook and style sheet whose SpreadsheetML has a prefix', async () => {
    const zip = await JSZip.loadAsync(await plannerBook(() => undefined));
    const before = await zip.file('xl/styles.xml')!.async('string');
    for (const part of ['xl/workbook.xml', 'xl/styles.xml']) zip.file(part, prefixed(await zip.file(part)!.async('string')));
    const book = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await zip.file('xl/styles.xml')!.async('string')).startsWith('<?xml')).toBe(true);
    // exceljs does not read such a package (opening it is refused with a message); the merge itself must still be right.
    const scratch = new ExcelJS.Workbook();
    const ws = scratch.addWorksheet('KP B');
    ws.getCell('A1').value = 'Laget av Kontorplan';
    ws.getCell('B2').value = 2.5;
    ws.getCell('B2').numFmt = '0.0';
    const parts = await entries(await mergeOwnSheets(book, Buffer.from(await scratch.xlsx.writeBuffer()), []));
    await expectValidPackage(parts);
    const workbook = parts.get('xl/workbook.xml')!.toString('utf8');
    expect(parseSheets(workbook).map((s) => s.name)).toEqual(['Kommuner', 'Notater', 'KP B']);
    expect(workbook).toMatch(/<x:sheet name="KP B"/);
    // The appended formats are in the SpreadsheetML namespace, declared on each.
    const styles = parts.get('xl/styles.xml')!.toString('utf8');
    expect(styles).toMatch(/<x:numFmt numFmtId="\d+" formatCode="0\.0"\/>/);
    expect(styles).toMatch(/<xf xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/);
    // The cell's format is the appended one, and its text is inline.
    const count = (container: string) => Number(new RegExp(`<x:${container} count="(\\d+)"`).exec(styles)![1]);
    const sheet = [...parts.entries()]
      .find(([n, d]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && d.toString('utf8').includes('2.5'))![1]
      .toString('utf8');
    const xf = Number(/<c r="B2" s="(\d+)"/.exec(sheet)![1]);
    expect(xf).toBeGreaterThanOrEqual(items(prefixed(before), 'x:cellXfs', 'x:xf').length);
    expect(xf).toBeLessThan(count('cellXfs'));
    expect(sheet).toContain('t="inlineStr"><is><t>Laget av Kontorplan</t></is>');
  });

  it('gives a workbook without a style sheet Kontorplan’s', async () => {
    const zip = await JSZip.loadAsync(await plannerBook(() => undefined));
    zip.remove('xl/styles.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship\b[^>]*\/styles"[^>]*\/>/, ''));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ''));
    const book = await zip.generateAsync({ type: 'nodebuffer' });
    expect(Object.keys((await JSZip.loadAsync(book)).files)).not.toContain('xl/styles.xml');
    // exceljs does not open such a package; the merge must still give it a style sheet.
    const scratch = new ExcelJS.Workbook();
    const cell = scratch.addWorksheet('KP A').getCell('B2');
    cell.value = 2.5;
    cell.numFmt = '0.0';
    const parts = await entries(await mergeOwnSheets(book, Buffer.from(await scratch.xlsx.writeBuffer()), []));
    await expectValidPackage(parts);
    const wbRels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
    const styles = parseRels(wbRels).find((r) => r.type.endsWith('/styles'))!;
    expect(parts.get(resolveTarget('xl/workbook.xml', styles.target))!.toString('utf8')).toContain('formatCode="0.0"');
  });

  it('drops the calculation chain when sheets are removed (Excel rebuilds it)', async () => {
    const first = await ExcelJsWorkbook.fromBuffer(await plannerBook(() => undefined));
    await first.replaceOwnSheets([own('KP A', [[1, 2]])]);
    const zip = await JSZip.loadAsync(await first.toBuffer());
    zip.file(
      'xl/calcChain.xml',
      '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B4" i="3"/></calcChain>',
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const book = await zip.generateAsync({ type: 'nodebuffer' });
    await expectValidPackage(await entries(book));
    const wb = await ExcelJsWorkbook.fromBuffer(book);
    await wb.replaceOwnSheets([own('KP B', [[1, 2]])]);
    const parts = await entries(await wb.toBuffer());
    await expectValidPackage(parts);
    expect(parts.has('xl/calcChain.xml')).toBe(false);
    expect(parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).not.toContain('calcChain');
    expect(parts.get('[Content_Types].xml')!.toString('utf8')).not.toContain('calcChain');
  });
});

describe('a table of the planner’s with the name of Kontorplan’s', () => {
  it('stops the write with a message naming it, and changes nothing', async () => {
    const book = await plannerBook((wb) =>
      wb.getWorksheet('Notater')!.addTable({ name: 'KP_KP_Ny', ref: 'C1', columns: [{ name: 'x' }], rows: [[1]] }),
    );
    const wb = await ExcelJsWorkbook.fromBuffer(book);
    await expect(wb.replaceOwnSheets([own('KP Ny', [[1, 2]])])).rejects.toThrow(TableConflictError);
    await expect(wb.replaceOwnSheets([own('KP Ny', [[1, 2]])])).rejects.toThrow('Tabellen «KP_KP_Ny» finnes allerede');
    expect((await wb.toBuffer()).equals(book)).toBe(true);
  });
});

describe('relsPathOf', () => {
  it('puts a part’s relationships beside it', () => {
    expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '/xl/drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
  });
});
