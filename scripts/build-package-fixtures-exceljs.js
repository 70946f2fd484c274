// The exceljs fixture of test/fixtures/package/ (see build-package-fixtures.py): the planner's
// sheets with a picture, notes, data validation and defined names, as exceljs writes them.
const path = require('node:path');
const zlib = require('node:zlib');
const ExcelJS = require('exceljs');
const { readFileSync } = require('node:fs');
const { Buffer } = require('node:buffer');

const ROOT = path.resolve(__dirname, '..');
const NUMBERS = ['1804', '1837', '1838', '1839', '1840', '1841', '1845', '1848'];

/** A small PNG (a blue square), written here so the fixture depends on nothing else. */
function png() {
  const w = 16;
  const h = 16;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([0, 114, 178], y * (w * 3 + 1) + 1 + x * 3);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

(async () => {
  const csv = readFileSync(path.join(ROOT, 'assets', 'kommuner_2024.csv'), 'utf8').split('\n');
  const head = csv[0].split(',');
  const rows = new Map(
    csv
      .slice(1)
      .map((l) => l.split(','))
      .map((r) => [r[0], r]),
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kommuner');
  ws.addRow(['Kommunenummer', 'Navn', 'Folketall']);
  for (const n of NUMBERS) {
    const r = rows.get(n);
    ws.addRow([n, r[head.indexOf('kommunenavn')], Number(r[head.indexOf('folketall_2026')])]);
  }
  ws.getCell('C1').note = 'SSB tabell 07459, 1. januar 2026';
  const notes = wb.addWorksheet('Notater');
  notes.getCell('A1').value = 'Budsjett 2027 for NAV Salten';
  notes.mergeCells('A1:C1');
  notes.addRow(['Post', 'Beløp', 'Prioritet']);
  notes.addRow(['Husleie', 1200000, 'Høy']);
  notes.addRow(['Reiser', 300000, 'Middels']);
  notes.getCell('B3').numFmt = '#,##0 "kr"';
  notes.getCell('D3').value = { formula: 'SUM(B3:B4)', result: 1500000 };
  notes.getCell('B2').note = 'Tall fra budsjettet vedtatt i kommunestyret';
  for (const a of ['C3', 'C4']) notes.getCell(a).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Høy,Middels,Lav"'] };
  const image = wb.addImage({ buffer: png(), extension: 'png' });
  notes.addImage(image, 'F2:H6');
  wb.definedNames.add('Notater!$B$3', 'Husleie');
  wb.definedNames.add('Kommuner!$C$2:$C$9', 'Folketall_Salten');
  await wb.xlsx.writeFile(path.join(ROOT, 'test', 'fixtures', 'package', 'exceljs.xlsx'));
})();
