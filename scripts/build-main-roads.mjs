#!/usr/bin/env node
// Marks the neighbour links that run on a main road: writes the column `hovedveg` of
// assets/lenker_2024.csv (built by scripts/build-links.mjs) from assets/hovedveger.csv.
//
//   node scripts/build-main-roads.mjs assets/hovedveger.csv assets/lenker_2024.csv
//
// assets/hovedveger.csv has one row per European or national road (or per motorway stretch of
// one): `veg, klasse, kommunenummer, kommuner, kilde_url, merknad`, with `kommunenummer` the
// municipalities the road passes, in order, separated by spaces, and `klasse` `hovedveg` (a
// European or national road) or `motorveg` (a stretch the source calls a motorway). Each row
// has the route description it was read from (Wikipedia's articles on the roads).
//
// A neighbour link between two municipalities that follow each other on a road gets that
// road's class (`motorveg` over `hovedveg` where both apply); every other link stays empty.
// Two municipalities that follow each other must be joined in the network: by a neighbour link
// with a road (lenker_2024.csv, veg = ja), or by a bridge, tunnel or ferry of
// assets/ferjer_og_bruer_2024.csv (a crossing keeps its own minutes and gets no class). The
// script stops on a pair that is neither, so the table cannot name a road the network lacks.
import fs from 'node:fs';
import path from 'node:path';

const [roadsPath, linksPath] = process.argv.slice(2);
if (!roadsPath || !linksPath) {
  console.error('usage: node scripts/build-main-roads.mjs assets/hovedveger.csv assets/lenker_2024.csv');
  process.exit(2);
}

/** Minimal CSV (quoted fields with commas, no newlines inside fields). */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    rows.push(out);
  }
  return rows;
}

const key = (a, b) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const RANK = { hovedveg: 1, motorveg: 2 };

const [roadHead, ...roads] = parseCsv(fs.readFileSync(roadsPath, 'utf8'));
const col = (name) => {
  const i = roadHead.indexOf(name);
  if (i < 0) throw new Error(`${roadsPath}: no column ${name}`);
  return i;
};
const [vegCol, classCol, numbersCol, urlCol] = ['veg', 'klasse', 'kommunenummer', 'kilde_url'].map(col);

const linksText = fs.readFileSync(linksPath, 'utf8');
const [linkHead, ...links] = parseCsv(linksText);
const [aCol, bCol, roadCol, viaCol] = ['kommune_a', 'kommune_b', 'veg', 'via'].map((n) => linkHead.indexOf(n));
const viasOf = (r) =>
  viaCol < 0
    ? []
    : (r[viaCol] ?? '')
        .trim()
        .split(/\s+/)
        .filter((v) => v !== '');
// Transit rows (a path through the land of the `via` between two municipalities that are not
// neighbours) do not join consecutive municipalities of a road: only neighbour links do.
const withRoad = new Set(links.filter((r) => r[roadCol] !== 'nei' && viasOf(r).length === 0).map((r) => key(r[aCol], r[bCol])));
const crossingsPath = path.join(path.dirname(linksPath), 'ferjer_og_bruer_2024.csv');
const [crossHead, ...crossRows] = parseCsv(fs.readFileSync(crossingsPath, 'utf8'));
const crossings = new Set(crossRows.map((r) => key(r[crossHead.indexOf('fra')], r[crossHead.indexOf('til')])));

const classOf = new Map();
const problems = [];
for (const r of roads) {
  const klasse = r[classCol];
  if (!(klasse in RANK)) problems.push(`${r[vegCol]}: klasse "${klasse}" is neither hovedveg nor motorveg`);
  if (!/^https?:\/\//.test(r[urlCol] ?? '')) problems.push(`${r[vegCol]}: no source URL`);
  const numbers = r[numbersCol].trim().split(/\s+/);
  for (let i = 1; i < numbers.length; i++) {
    const k = key(numbers[i - 1], numbers[i]);
    if (withRoad.has(k)) {
      if ((RANK[classOf.get(k)] ?? 0) < RANK[klasse]) classOf.set(k, klasse);
    } else if (!crossings.has(k)) problems.push(`${r[vegCol]}: ${numbers[i - 1]}–${numbers[i]} are not joined in the network`);
  }
}
// A transit path a–c through b is on a road where the road passes a, b, c in turn (in either
// direction), with the lower class of its two legs.
const transitClass = new Map();
for (const r of roads) {
  const numbers = r[numbersCol].trim().split(/\s+/);
  for (let i = 2; i < numbers.length; i++) {
    const [a, b, c] = [numbers[i - 2], numbers[i - 1], numbers[i]];
    const legs = [classOf.get(key(a, b)), classOf.get(key(b, c))];
    if (legs.some((l) => l === undefined)) continue;
    const klasse = RANK[legs[0]] <= RANK[legs[1]] ? legs[0] : legs[1];
    const k = `${key(a, c)}|${b}`;
    if ((RANK[transitClass.get(k)] ?? 0) < RANK[klasse]) transitClass.set(k, klasse);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

let at = linkHead.indexOf('hovedveg');
const head = at < 0 ? [...linkHead, 'hovedveg'] : linkHead;
if (at < 0) at = linkHead.length;
const transitCount = {};
const csvField = (v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const out = [
  head,
  ...links.map((r) => {
    const row = [...r];
    const vias = viasOf(r);
    if (vias.length === 0) row[at] = classOf.get(key(r[aCol], r[bCol])) ?? '';
    else {
      const classes = vias.map((b) => transitClass.get(`${key(r[aCol], r[bCol])}|${b}`)).filter((c) => c !== undefined);
      row[at] = classes.reduce((best, c) => ((RANK[c] ?? 0) > (RANK[best] ?? 0) ? c : best), '');
      if (row[at]) transitCount[row[at]] = (transitCount[row[at]] ?? 0) + 1;
    }
    return row;
  }),
];
fs.writeFileSync(linksPath, out.map((r) => r.map(csvField).join(',')).join('\n') + '\n');
const counts = [...classOf.values()].reduce((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {});
const neighbourRows = links.filter((r) => viasOf(r).length === 0).length;
console.log(
  `${linksPath}: ${classOf.size} of ${neighbourRows} neighbour links on a main road (${JSON.stringify(counts)}); ` +
    `${Object.values(transitCount).reduce((a, b) => a + b, 0)} of ${links.length - neighbourRows} transit paths (${JSON.stringify(transitCount)})`,
);
