#!/usr/bin/env node
/**
 * Builds assets/kommuner_kart.json, the municipality map the task pane draws, from Kartverket's
 * simplified boundaries (robhop/fylker-og-kommuner, CC BY 4.0, © Kartverket; see
 * ../shared/data/raw/SOURCES.md). Coordinates are projected to kilometres (equirectangular
 * around 65° N, good enough for a thematic map of one county), thinned with Douglas–Peucker
 * at 800 m (a pixel of a county map in the 320 px task pane is over 1 km) and rounded to 100 m. Usage: node scripts/build-map.js [path/to/Kommuner-S.geojson]
 */
const fs = require('node:fs');
const path = require('node:path');

const src = process.argv[2] ?? path.join(__dirname, '..', '..', 'shared', 'data', 'raw', 'robhop-fylker-og-kommuner', 'Kommuner-S.geojson');
const geo = JSON.parse(fs.readFileSync(src, 'utf8'));
const K = Math.cos((65 * Math.PI) / 180);
const KM_PER_DEG = 111.195;
const project = ([lon, lat]) => [lon * K * KM_PER_DEG, -lat * KM_PER_DEG];
const TOL = 0.8;

/** A closed ring: split at the point farthest from the first, and thin each half. */
function simplifyRing(pts) {
  if (pts.length < 5) return pts;
  let far = 0;
  for (let i = 1; i < pts.length; i++)
    if (Math.hypot(pts[i][0] - pts[0][0], pts[i][1] - pts[0][1]) > Math.hypot(pts[far][0] - pts[0][0], pts[far][1] - pts[0][1])) far = i;
  if (far === 0) return pts;
  return [...simplify(pts.slice(0, far + 1)).slice(0, -1), ...simplify(pts.slice(far))];
}

function simplify(pts) {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = pts[a];
    const [bx, by] = pts[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy) || 1e-9;
    let best = -1;
    let far = 0;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs(dy * (pts[i][0] - ax) - dx * (pts[i][1] - ay)) / len;
      if (d > far) [far, best] = [d, i];
    }
    if (far > TOL && best > 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

const out = {};
let points = 0;
for (const f of geo.features) {
  const g = f.geometry;
  const polys = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
  const rings = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const s = simplifyRing(ring.map(project));
      if (s.length < 4) continue;
      const flat = [];
      for (const [x, y] of s) flat.push(Math.round(x * 10), Math.round(y * 10));
      rings.push(flat);
      points += s.length;
    }
  }
  out[String(f.properties.kommunenummer).padStart(4, '0')] = rings;
}
const file = path.join(__dirname, '..', 'assets', 'kommuner_kart.json');
fs.writeFileSync(
  file,
  JSON.stringify({
    source: 'Kommunegrenser 2024 © Kartverket (CC BY 4.0), forenklet; robhop/fylker-og-kommuner',
    unit: '0.1 km, x east, y south (equirectangular at 65° N)',
    municipalities: out,
  }),
);
console.log(`${file}: ${Object.keys(out).length} municipalities, ${points} points, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
