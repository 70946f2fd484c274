#!/usr/bin/env node
/**
 * npm run fixtures:inputs — writes the workbooks of test/fixtures/inputs/: data as planners
 * really have it (test/io/realFormats.test.ts reads them and checks the values read). Every
 * figure comes from assets/kommuner_2024.csv (SSB table 07459, 1 January 2024–2026), so the
 * totals can be checked against the county's. Fixed dates, so the files only change when a
 * case does. The openpyxl file (scripts/build-openpyxl-fixture.py) and the .xls, .ods and
 * password-protected copies (scripts/build-office-fixtures.py, LibreOffice) are built by those
 * scripts from kommuner-navn.xlsx and committed; the tests need neither Python nor LibreOffice.
 */
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');

const root = path.join(__dirname, '..');
const dir = path.join(root, 'test', 'fixtures', 'inputs');

function csvRows(text) {
  const lines = text.trim().split('\n');
  const split = (line) => {
    const out = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const head = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [head[i], v])));
}
const all = csvRows(fs.readFileSync(path.join(root, 'assets', 'kommuner_2024.csv'), 'utf8'));
const nordland = all.filter((m) => m.fylkesnummer === '18');
const finnmark = all.filter((m) => m.fylkesnummer === '56');

function book() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kontorplan test fixtures';
  wb.created = wb.modified = new Date('2026-01-01T00:00:00Z');
  return wb;
}
const save = (wb, file) => wb.xlsx.writeFile(path.join(dir, file));

/**
 * SSB's statbank, «Last ned» > Excel (xlsx), table 07459 with region as rows and år as
 * columns, statistikkvariabel as a row variable: a title row, the header «region |
 * statistikkvariabel | 2024 | 2025 | 2026», «1804 Bodø» in the region column, «Personer»
 * merged down the variable column, then a blank row and SSB's footer (source, table).
 */
async function statbankRows() {
  const wb = book();
  const ws = wb.addWorksheet('07459');
  ws.addRow(['07459: Befolkning, etter region, statistikkvariabel og år']);
  ws.addRow([]);
  ws.addRow(['region', 'statistikkvariabel', '2024', '2025', '2026']);
  nordland.forEach((m, i) => {
    ws.addRow([
      `${m.kommunenummer} ${m.kommunenavn}`,
      i === 0 ? 'Personer' : null,
      +m.folketall_2024,
      +m.folketall_2025,
      +m.folketall_2026,
    ]);
  });
  ws.mergeCells(4, 2, 3 + nordland.length, 2);
  ws.addRow([]);
  ws.addRow(['Kilde: Statistisk sentralbyrå']);
  ws.addRow(['Tabell 07459: Befolkning, etter region, statistikkvariabel og år']);
  ws.addRow(['Sist oppdatert: 2026-02-20 08:00']);
  await save(wb, 'ssb-07459-statbank.xlsx');
}

/**
 * The same table downloaded by kjønn as well: two rows per region («Menn», «Kvinner»), the
 * region merged down over them. The split is made up (51 % men); the test checks the sum.
 */
async function statbankBySex() {
  const wb = book();
  const ws = wb.addWorksheet('07459');
  ws.addRow(['07459: Befolkning, etter region, kjønn, statistikkvariabel og år']);
  ws.addRow([]);
  ws.addRow(['region', 'kjønn', 'statistikkvariabel', '2025', '2026']);
  nordland.forEach((m, i) => {
    const men = (y) => Math.round(m[`folketall_${y}`] * 0.51);
    const r = 4 + 2 * i;
    ws.addRow([`${m.kommunenummer} ${m.kommunenavn}`, 'Menn', i === 0 ? 'Personer' : null, men(2025), men(2026)]);
    ws.addRow([null, 'Kvinner', null, m.folketall_2025 - men(2025), m.folketall_2026 - men(2026)]);
    ws.mergeCells(r, 1, r + 1, 1);
  });
  ws.mergeCells(4, 3, 3 + 2 * nordland.length, 3);
  ws.addRow([]);
  ws.addRow(['Kilde: Statistisk sentralbyrå']);
  await save(wb, 'ssb-07459-kjonn.xlsx');
}

/**
 * The layout of PxWeb 2's Excel export (statisticssweden/PCAxis.Serializers, Xlsx2Serializer:
 * the title in A1, the heading variables from row 3 with the statistics variable over the
 * years, no label over the stub, data from column B, then a blank row, contacts and the
 * table's metadata: «Matrise:», «Kilde:»), with SSB's 2024 region codes «K-1804 Bodø» and
 * the county's own row «F-18 Nordland», which is not a municipality.
 */
async function pxweb() {
  const wb = book();
  const ws = wb.addWorksheet('07459');
  ws.getCell('A1').value = '07459: Befolkning, etter region, statistikkvariabel og år';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('B3').value = 'Personer';
  ws.mergeCells('B3:D3');
  ['2024', '2025', '2026'].forEach((y, i) => (ws.getCell(4, 2 + i).value = y));
  let r = 5;
  const county = ['2024', '2025', '2026'].map((y) => nordland.reduce((s, m) => s + Number(m[`folketall_${y}`]), 0));
  ws.getRow(r++).values = ['F-18 Nordland', ...county];
  for (const m of nordland) {
    ws.getRow(r++).values = [`K-${m.kommunenummer} ${m.kommunenavn}`, +m.folketall_2024, +m.folketall_2025, +m.folketall_2026];
  }
  r++;
  for (const line of [
    ['Kontakt:'],
    ['Statistisk sentralbyrå, informasjon@ssb.no'],
    [],
    ['Database:', 'Ekstern PRODUKSJON'],
    ['Matrise:', '07459'],
    ['Kilde:', 'Statistisk sentralbyrå'],
    ['Enhet:', 'personer'],
  ]) {
    ws.getRow(r++).values = [...line];
  }
  await save(wb, 'ssb-07459-pxweb.xlsx');
}

/**
 * A KOSTRA table in the same layout, with two statistics variables over the years (each
 * merged across its years): the population and the social assistance recipients of Finnmark.
 * The recipients are made up from the population (3 %): the test checks the reading, not them.
 */
async function kostra() {
  const wb = book();
  const ws = wb.addWorksheet('12362');
  ws.getCell('A1').value = '12362: Økonomisk sosialhjelp - nøkkeltall (K) 2015 - 2025';
  ws.getCell('B3').value = 'Folkemengde';
  ws.mergeCells('B3:C3');
  ws.getCell('D3').value = 'Sosialhjelpsmottakere';
  ws.mergeCells('D3:E3');
  ['2025', '2026', '2025', '2026'].forEach((y, i) => (ws.getCell(4, 2 + i).value = y));
  finnmark.forEach((m, i) => {
    ws.getRow(5 + i).values = [
      `${m.kommunenummer} ${m.kommunenavn}`,
      +m.folketall_2025,
      +m.folketall_2026,
      Math.round(m.folketall_2025 * 0.03),
      Math.round(m.folketall_2026 * 0.03),
    ];
  });
  ws.getRow(6 + finnmark.length).values = ['Kilde: Statistisk sentralbyrå, KOSTRA'];
  await save(wb, 'kostra-finnmark.xlsx');
}

/** A Kommuner sheet of the given municipalities: number, name, population 1 January 2026. */
function kommuner(wb, ms) {
  const ws = wb.addWorksheet('Kommuner');
  ws.addRow(['Kommunenummer', 'Kommunenavn', 'Folketall']);
  for (const m of ms) ws.addRow([m.kommunenummer, m.kommunenavn, +m.folketall_2026]);
  return ws;
}

/**
 * A 21 × 21 travel matrix copied from a routing tool: every time as text, in the four forms
 * such tools and planners write (85 min, 1 t 25 min, 1:25, 1 h 25 min). The minutes are
 * 10 + 7·|i − j| + (i + j) mod 5, so the test can recompute each one.
 */
const minutesOf = (i, j) => (i === j ? 0 : 10 + 7 * Math.abs(i - j) + ((i + j) % 5));
function duration(min, k) {
  const h = Math.floor(min / 60);
  const m = min % 60;
  switch (k % 4) {
    case 0:
      return `${min} min`;
    case 1:
      return h > 0 ? `${h} t ${m} min` : `${m} min`;
    case 2:
      return `${h}:${String(m).padStart(2, '0')}`;
    default:
      return h > 0 ? `${h} h ${m} min` : `${m} min`;
  }
}
async function routing() {
  const ms = nordland.slice(0, 21);
  const wb = book();
  kommuner(wb, ms);
  const ws = wb.addWorksheet('Reisetid');
  ws.addRow(['', ...ms.map((m) => m.kommunenavn)]);
  ms.forEach((a, i) => ws.addRow([a.kommunenavn, ...ms.map((_, j) => duration(minutesOf(i, j), i + j))]));
  await save(wb, 'reisetid-ruteplanlegger.xlsx');

  // The same matrix with a typing error in every cell: 441 problems, shown as 20 and a count.
  const bad = book();
  kommuner(bad, ms);
  const wsb = bad.addWorksheet('Reisetid');
  wsb.addRow(['', ...ms.map((m) => m.kommunenavn)]);
  ms.forEach((a, i) => wsb.addRow([a.kommunenavn, ...ms.map((_, j) => `${minutesOf(i, j)} minuter`)]));
  await save(bad, 'reisetid-skrivefeil.xlsx');
}

/**
 * Staffing per NAV office, as NAV's own overviews give it: office, its municipalities in one
 * cell, state and municipal FTE. Indre Salten (Fauske hosting Sørfold, Hamarøy, Beiarn and
 * Saltdal; 004 L279) and NAV Bodø; the FTE figures are made up for the test.
 */
async function staffingPerOffice() {
  const ids = ['1804', '1839', '1840', '1841', '1845', '1875'];
  const wb = book();
  kommuner(
    wb,
    ids.map((n) => nordland.find((m) => m.kommunenummer === n)),
  );
  const ws = wb.addWorksheet('Bemanning');
  ws.addRow(['NAV-kontor', 'Kommuner', 'Statlige årsverk', 'Kommunale årsverk']);
  ws.addRow(['NAV Indre Salten', 'Fauske, Sørfold, Hamarøy, Beiarn, Saltdal', 24, '18,5']);
  ws.addRow(['NAV Bodø', 'Bodø', 61, '48']);
  await save(wb, 'bemanning-per-kontor.xlsx');
}

/**
 * Kommuner by name only, in the forms planners type: the official two-language name, its
 * parts in the other order with and without spaces, the short name, lower case.
 */
async function namesOnly() {
  const wb = book();
  const ws = wb.addWorksheet('Kommuner');
  ws.addRow(['Kommune', 'Folketall']);
  const pop = Object.fromEntries(finnmark.map((m) => [m.kommunenummer, +m.folketall_2026]));
  const rows = [
    ['Kautokeino - Guovdageaidnu', pop['5612']],
    ['Kárášjohka-Karasjok', pop['5610']],
    ['Porsanger', pop['5622']],
    ['nordkapp', pop['5620']],
    ['Deatnu - Tana', pop['5628']],
    ['Unjárga-Nesseby', pop['5636']],
  ];
  rows.forEach((r) => ws.addRow(r));
  const t = wb.addWorksheet('Reisetid');
  t.addRow(['Fra', 'Til', 'Minutter']);
  t.addRow(['Guovdageaidnu-Kautokeino', 'Karasjok', '1 t 45 min']);
  // A planner's own notes: a Kommune column, but not an input sheet.
  const notes = wb.addWorksheet('Notater');
  notes.addRow(['Kommune', 'Kontaktperson', 'Merknad']);
  notes.addRow(['Porsanger', 'Rådmann', 'Møte i mars']);
  await save(wb, 'kommuner-navn.xlsx');
}

/**
 * Two scenarios for Indre Salten, one of them broken (a member twice, an unknown host):
 * the valid one is scored and written, the broken one listed with its cells (exit code 1).
 */
async function brokenScenario() {
  const ids = ['1839', '1840', '1841', '1845', '1875'];
  const wb = book();
  kommuner(
    wb,
    ids.map((n) => nordland.find((m) => m.kommunenummer === n)),
  );
  const ws = wb.addWorksheet('Scenarier');
  ws.addRow(['Scenario', 'Kommunenummer', 'Vertskommune', 'Tjenestested']);
  for (const n of ids) ws.addRow(['Indre Salten samlet', n, '1841', n === '1841' ? 'hovedkontor' : 'møterom']);
  for (const n of ids) ws.addRow(['To kontor', n, n === '1845' ? '9999' : '1841', 'ingen']);
  ws.addRow(['To kontor', '1840', '1841', 'ingen']);
  await save(wb, 'scenario-delvis-feil.xlsx');
}

(async () => {
  fs.mkdirSync(dir, { recursive: true });
  await statbankRows();
  await statbankBySex();
  await pxweb();
  await kostra();
  await routing();
  await staffingPerOffice();
  await namesOnly();
  await brokenScenario();
  fs.writeFileSync(path.join(dir, 'ikke-arbeidsbok.xlsx'), 'Kommunenummer;Folketall\n1804;53638\n');
  console.log(`fixtures in ${path.relative(process.cwd(), dir)}`);
})();
