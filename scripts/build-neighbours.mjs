#!/usr/bin/env node
// Builds assets/naboer_2024.csv: which municipalities touch, from the Kartverket boundaries
// (robhop/fylker-og-kommuner, Kommuner-S.geojson, coast-clipped, CC BY 4.0).
//
//   node scripts/build-neighbours.mjs <Kommuner-S.geojson> assets/kommuner_2024.csv > assets/naboer_2024.csv
//
// Two municipalities are neighbours when their polygons come within TOLERANCE_KM of each
// other. The polygons are clipped to the coastline, so a fjord or a sound wider than the
// tolerance separates them: a pair that only meets across open water is not a neighbour
// (crossings by bridge, tunnel or ferry are listed in assets/ferjer_og_bruer.csv).
// `grense_km` is the length of boundary the two share (within 0.2 km), a hint of whether a
// road is likely to cross it; `avstand_km` is the smallest gap between them.
// `via_lat`, `via_lon` is the border point a route between the two municipalities' points
// (punkt_lat, punkt_lon in kommuner_2024.csv) would cross: the point on their common border
// that makes the two legs shortest. Where the border lies at the head of a fjord, the route
// goes round the fjord instead of straight across it. `via_km` is the length of those legs.
import { readFileSync } from 'node:fs';

const TOLERANCE_KM = 0.5;
const SHARED_KM = 0.2;
const CELL_KM = 2;

const [file, pointsFile] = process.argv.slice(2);
if (!file || !pointsFile) {
  console.error('Bruk: node scripts/build-neighbours.mjs <Kommuner-S.geojson> <kommuner_2024.csv>');
  process.exit(2);
}
const geo = JSON.parse(readFileSync(file, 'utf8'));
// Fields may be quoted and hold commas ("Senterkommune, ..."); split on commas outside quotes.
const splitCsv = (line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
const [head, ...rows] = readFileSync(pointsFile, 'utf8').trim().split('\n').map(splitCsv);
const col = (k) => head.indexOf(k);
const points = new Map(rows.map((r) => [r[col('kommunenummer')], [Number(r[col('punkt_lon')]), Number(r[col('punkt_lat')])]]));

// Local projection in km (equirectangular around 65°N is good to a few % over Norway,
// plenty for a 0.5 km tolerance).
const LAT0 = 65;
const KX = 111.32 * Math.cos((LAT0 * Math.PI) / 180);
const KY = 110.57;
const project = ([lon, lat]) => [lon * KX * (Math.cos((lat * Math.PI) / 180) / Math.cos((LAT0 * Math.PI) / 180)), lat * KY];
const unproject = ([x, y]) => {
  const lat = y / KY;
  return [(x / KX) * (Math.cos((LAT0 * Math.PI) / 180) / Math.cos((lat * Math.PI) / 180)), lat];
};
const centre = new Map([...points].map(([id, p]) => [id, project(p)]));

/** Segments per municipality: [x1, y1, x2, y2]. */
const segments = new Map();
for (const f of geo.features) {
  const id = String(f.properties.kommunenummer).padStart(4, '0');
  const g = f.geometry;
  const polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
  const list = segments.get(id) ?? [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = project(ring[i - 1]);
        const [x2, y2] = project(ring[i]);
        list.push([x1, y1, x2, y2]);
      }
    }
  }
  segments.set(id, list);
}

// Grid of segments by cell, for near-neighbour queries.
const grid = new Map();
const cellKey = (cx, cy) => `${cx},${cy}`;
for (const [id, list] of segments) {
  list.forEach((s, k) => {
    const x0 = Math.floor((Math.min(s[0], s[2]) - TOLERANCE_KM) / CELL_KM);
    const x1 = Math.floor((Math.max(s[0], s[2]) + TOLERANCE_KM) / CELL_KM);
    const y0 = Math.floor((Math.min(s[1], s[3]) - TOLERANCE_KM) / CELL_KM);
    const y1 = Math.floor((Math.max(s[1], s[3]) + TOLERANCE_KM) / CELL_KM);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        let bucket = grid.get(key);
        if (!bucket) grid.set(key, (bucket = []));
        bucket.push([id, k]);
      }
    }
  });
}

function pointSegmentKm(px, py, s) {
  const [x1, y1, x2, y2] = s;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** For point p of municipality `id`: the nearest distance to each other municipality nearby. */
function nearOthers(id, px, py) {
  const out = new Map();
  const bucket = grid.get(cellKey(Math.floor(px / CELL_KM), Math.floor(py / CELL_KM))) ?? [];
  for (const [other, k] of bucket) {
    if (other === id) continue;
    const d = pointSegmentKm(px, py, segments.get(other)[k]);
    if (d <= TOLERANCE_KM && d < (out.get(other) ?? Infinity)) out.set(other, d);
  }
  return out;
}

const pairs = new Map();
for (const [id, list] of segments) {
  for (const s of list) {
    const a = nearOthers(id, s[0], s[1]);
    const b = nearOthers(id, s[2], s[3]);
    for (const [other, d] of a) {
      const key = id < other ? `${id},${other}` : `${other},${id}`;
      const p = pairs.get(key) ?? { gap: Infinity, shared: 0, via: undefined, viaKm: Infinity };
      p.gap = Math.min(p.gap, d);
      const [ax, ay] = centre.get(id);
      const [bx, by] = centre.get(other);
      const legs = Math.hypot(s[0] - ax, s[1] - ay) + Math.hypot(s[0] - bx, s[1] - by);
      if (legs < p.viaKm) {
        p.viaKm = legs;
        p.via = [s[0], s[1]];
      }
      const db = b.get(other);
      if (d <= SHARED_KM && db !== undefined && db <= SHARED_KM) p.shared += Math.hypot(s[2] - s[0], s[3] - s[1]) / 2;
      pairs.set(key, p);
    }
  }
}

const lines = ['kommune_a,kommune_b,grense_km,avstand_km,via_lat,via_lon,via_km'];
for (const key of [...pairs.keys()].sort()) {
  const p = pairs.get(key);
  const [lon, lat] = unproject(p.via);
  lines.push(`${key},${p.shared.toFixed(1)},${p.gap.toFixed(2)},${lat.toFixed(5)},${lon.toFixed(5)},${p.viaKm.toFixed(1)}`);
}
process.stdout.write(lines.join('\n') + '\n');
