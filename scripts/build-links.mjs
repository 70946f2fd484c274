#!/usr/bin/env node
// Builds assets/lenker_2024.csv: for every land-neighbour pair in assets/naboer_2024.csv, the
// length of a plausible overland path between the two municipalities' centres, found on a
// raster instead of the straight point → border point → point of naboer_2024.csv (which
// crosses fjords and mountains, so long trips came out far too short); and, below them, the
// transit paths: for two municipalities that are not road neighbours but share one or more
// (column `via`), a path through the land of all of them that does not pass a via's centre,
// as a road through a municipality does not (see "Transit pairs" below).
//
//   node scripts/build-links.mjs ../shared/data assets/kommunesentre_2024.csv assets/naboer_2024.csv assets/lenker_2024.csv
//   node scripts/build-links.mjs <data dir> <centres.csv> <naboer.csv> <out.csv> [--empty E] [--other O] [--lake L]
//        [--sea S] [--max-sea KM] [--cell M] [--workers N]
//
// Arguments:
//   <data dir>     folder holding raw/robhop-fylker-og-kommuner/Kommuner-S.geojson and
//                  raw/ssb-befolkning-rutenett/NOR1000M_POP_2019.csv
//   <centres.csv>  one row per municipality with columns kommunenummer, senter_lat, senter_lon
//   <naboer.csv>   neighbour pairs, columns kommune_a, kommune_b (others ignored)
//   <out.csv>      written: kommune_a,kommune_b,rett_km,bebodd_km,ubebodd_km,annen_km,innsjo_km,sjo_km,sti_km,veg,via
//                  (oyer_2024.csv and ikke_veg_2024.csv are read from beside <naboer.csv>: islands
//                  without a fixed link and neighbours with no road take no part in transit paths)
//                  and, beside <out.csv>, kryssinger_2024.csv: fra,til,strekning,rett_km,sti_km,
//                  ubebodd_km,kryssing_km for each bridge and tunnel of ferjer_og_bruer_2024.csv
//                  (beside <naboer.csv>), and each ferry whose quays it gives: the path from each
//                  centre to the crossing (or quay) over its own land
//   --empty E      cost per km on empty land (inside a polygon, no inhabitants near), default 3
//                  (a path prefers settled valleys, where the roads are, over roadless plateaus)
//   --other O      cost per km on a third municipality's land, default 8 (assumption: the
//                  network goes through the third municipality on its own links)
//   --lake L       cost per km on inland water (outside every polygon, enclosed by land), default 8
//   --sea S        cost per km on the sea (outside every polygon, joined to the open sea; land
//                  abroad counts here too), default 20 (assumption: a path takes a sound only
//                  where going round is 20 times longer; of 8, 20 and 40 the one with the lowest
//                  median relative error on the TØI calibration pairs, leave-one-out)
//   --max-sea KM   a pair whose every path leaves the two municipalities' land (sea or a third
//                  municipality) for more than KM km gets veg = nei: they meet only at sea, no road
//                  joins them directly (Nordkapp–Lebesby across Porsangerfjorden, Høyanger across
//                  Sognefjorden). Default 3.0: the simplified boundaries widen narrow sounds
//                  (Risøysundet under Andøybrua, 0.75 km, comes out 2.5 km), the narrowest
//                  unbridged fjords come out 3.4 km and wider. Kept rows say ja; a pair
//                  listed in ikke_veg_2024.csv says nei whatever its path.
//   --max-quay KM  a ferry quay further than KM km from its side's land (the simplified boundary)
//                  is taken to lie on another municipality's shore: that ferry keeps the network's
//                  approximation. Default 1.0 (assumption: a quay is at the shore)
//   --cell M       raster cell size in metres, default 250 (use 500 if too slow)
//   --workers N    worker threads, default min(2, available cores)
//
// Sources and licences:
//   Municipality boundaries 2024, coast-clipped (robhop/fylker-og-kommuner, Kommuner-S.geojson):
//     © Kartverket, CC BY 4.0.
//   Population on a 1 km grid, 1 Jan 2019 (SSB "Befolkning på rutenett", NOR1000M_POP_2019.csv):
//     CC BY 4.0 / NLOD. Kilde: Statistisk sentralbyrå.
//
// Method. Everything is projected to EPSG:25833 (ETRS89 / UTM 33N: GRS80, transverse Mercator,
// central meridian 15°E, k0 0.9996, false easting 500 000 m; Krüger series, checked at start on
// Snyder's worked example and on the meridian arc). One national raster of cells (--cell) holds
// which municipality each cell centre lies in (scanline fill of the polygons) and whether it is
// within 1.5 km of a 1 km SSB cell with pop_tot > 0. For a pair (a, b) the window is the joint
// bounding box of the two polygons expanded by 10 km; in it each cell is
//   settled  (inside a or b, inhabitants within 1.5 km)  cost 1.0 per km
//   empty    (inside a or b, nobody near: mountains)    cost E per km
//   other    (inside a third municipality)                 cost O
//   lake     (outside every polygon, enclosed by land)     cost L
//   sea      (outside every polygon, joined to the raster's edge: the sea, or land abroad) cost S
// and a shortest path (Dijkstra with the admissible octile-distance bound, i.e. A*, 8-connected,
// diagonal steps √2 × cell) runs from a's centre cell to b's. A step costs its length times the
// mean of its two cells' costs; its length is split half to each cell's class. A centre that
// falls outside both polygons is snapped to the nearest cell inside one. Lengths are corrected
// for the projection's scale factor at the pair's midpoint, so they are ground kilometres;
// rett_km is the great-circle distance between the centres. A second search with sea and
// third-municipality land at cost 1000 finds the least km any path must spend off the two
// municipalities' land; more than --max-sea of it makes the row veg = nei. An 8-connected path is up to 8 %
// (about 5 % on average) longer than a straight line across open land; that bias is left in.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// ---------- projection: geodetic (GRS80) → transverse Mercator (Krüger, 3rd order) ----------
function makeTM({ a, f, lon0, k0, E0, N0 }) {
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + (n * n) / 4 + n ** 4 / 64);
  const al = [n / 2 - (2 * n * n) / 3 + (5 * n ** 3) / 16, (13 * n * n) / 48 - (3 * n ** 3) / 5, (61 * n ** 3) / 240];
  const e = (2 * Math.sqrt(n)) / (1 + n);
  const rad = Math.PI / 180;
  return (lon, lat) => {
    const phi = lat * rad;
    const dl = (lon - lon0) * rad;
    const s = Math.sin(phi);
    const t = Math.sinh(Math.atanh(s) - e * Math.atanh(e * s));
    const xi = Math.atan2(t, Math.cos(dl));
    const eta = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
    let x = eta;
    let y = xi;
    for (let j = 1; j <= 3; j++) {
      x += al[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
      y += al[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    }
    return [E0 + k0 * A * x, N0 + k0 * A * y];
  };
}
const GRS80 = { a: 6378137, f: 1 / 298.257222101 };
const utm33 = makeTM({ ...GRS80, lon0: 15, k0: 0.9996, E0: 500000, N0: 0 });

function checkProjection() {
  // Snyder (1987), Map Projections – A Working Manual, p. 269: Clarke 1866, φ 40°30'N,
  // λ 73°30'W, central meridian 75°W, k0 0.9996 → x 127 106.5 m, y 4 484 124.4 m.
  const clarke = makeTM({ a: 6378206.4, f: 1 - 6356583.8 / 6378206.4, lon0: -75, k0: 0.9996, E0: 0, N0: 0 });
  const [sx, sy] = clarke(-73.5, 40.5);
  // Meridian arc of GRS80 to 60°N by numerical integration: E 500 000, N k0 · M(60°).
  const e2 = GRS80.f * (2 - GRS80.f);
  let M = 0;
  const steps = 6000;
  const h = (60 * Math.PI) / 180 / steps;
  for (let i = 0; i <= steps; i++) {
    const p = i * h;
    const w = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    M += (w * (GRS80.a * (1 - e2))) / (1 - e2 * Math.sin(p) ** 2) ** 1.5;
  }
  M *= h / 3;
  const [mx, my] = utm33(15, 60);
  const bad =
    Math.abs(sx - 127106.5) > 0.5 || Math.abs(sy - 4484124.4) > 0.5 || Math.abs(mx - 500000) > 1e-6 || Math.abs(my - 0.9996 * M) > 0.01;
  if (bad) throw new Error(`projection check failed: Snyder ${sx.toFixed(1)},${sy.toFixed(1)}; meridian ${mx},${my} vs ${0.9996 * M}`);
  return `Snyder example ${sx.toFixed(1)} ${sy.toFixed(1)} (expected 127106.5 4484124.4); 15°E 60°N → ${mx.toFixed(2)} ${my.toFixed(2)} (k0·M = ${(0.9996 * M).toFixed(2)})`;
}

/** Point scale factor of UTM at easting E (ground km = grid km / k). */
const scaleAt = (E) => {
  const x = (E - 500000) / 0.9996 / 6381000;
  return 0.9996 * (1 + (x * x) / 2 + x ** 4 / 24);
};
const haversineKm = (lat1, lon1, lat2, lon2) => {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
};

// ---------- shortest path on one pair's window (runs in the workers) ----------
const SETTLED = 1;
const EMPTY = 2;
const OTHER = 3; // land of a third municipality
const LAKE = 4; // outside every polygon, enclosed by land: inland water cut out of the polygons
const SEA = 5; // outside every polygon, joined to the open sea

function makeSolver({ muni, near, sea, NX, cell, cost }) {
  let cap = 0;
  let cls;
  let g;
  let parent;
  let closed;
  let side;
  let hk = new Float64Array(1 << 16);
  let hv = new Int32Array(1 << 16);
  const ensure = (size) => {
    if (size <= cap) return;
    cap = size;
    cls = new Uint8Array(size);
    g = new Float64Array(size);
    parent = new Int32Array(size);
    closed = new Uint8Array(size);
    side = new Uint8Array(size);
  };
  const minCost = Math.min(...cost.slice(1));
  const land = (c) => c === SETTLED || c === EMPTY;
  const dx = [1, -1, 0, 0, 1, 1, -1, -1];
  const dy = [0, 0, 1, -1, 1, -1, 1, -1];
  const dl = [1, 1, 1, 1, Math.SQRT2, Math.SQRT2, Math.SQRT2, Math.SQRT2];

  // `noJoin` [p, q]: no step from p's land straight into q's or back (two neighbours whose
  // border no road crosses: a path between them must go through a third municipality's land).
  return function solve({ own, win, ca, cb, noJoin }) {
    const [i0, j0, W, H] = win;
    const size = W * H;
    ensure(size);
    for (let j = 0; j < H; j++) {
      const row = (j0 + j) * NX + i0;
      for (let i = 0; i < W; i++) {
        const m = muni[row + i];
        cls[j * W + i] = own.includes(m) ? (near[row + i] ? SETTLED : EMPTY) : m ? OTHER : sea[row + i] ? SEA : LAKE;
        if (noJoin) side[j * W + i] = m === noJoin[0] ? 1 : m === noJoin[1] ? 2 : 0;
      }
    }
    const snap = ([ci, cj]) => {
      ci = Math.min(W - 1, Math.max(0, ci - i0));
      cj = Math.min(H - 1, Math.max(0, cj - j0));
      if (land(cls[cj * W + ci])) return [cj * W + ci, 0];
      let best = -1;
      let bestD = Infinity;
      for (let r = 1; r < Math.max(W, H) && r * r < bestD; r++) {
        for (let j = cj - r; j <= cj + r; j++) {
          if (j < 0 || j >= H) continue;
          const step = j === cj - r || j === cj + r ? 1 : 2 * r;
          for (let i = ci - r; i <= ci + r; i += step) {
            if (i < 0 || i >= W || !land(cls[j * W + i])) continue;
            const d = (i - ci) ** 2 + (j - cj) ** 2;
            if (d < bestD) [bestD, best] = [d, j * W + i];
          }
        }
      }
      return [best, Math.sqrt(bestD) * cell];
    };
    const [s, snapA] = snap(ca);
    const [t, snapB] = snap(cb);
    if (s < 0 || t < 0) return null;
    const ti = t % W;
    const tj = (t - ti) / W;
    const hOf = (k) => {
      const ax = Math.abs((k % W) - ti);
      const ay = Math.abs(Math.floor(k / W) - tj);
      return (Math.max(ax, ay) + (Math.SQRT2 - 1) * Math.min(ax, ay)) * cell * minCost;
    };
    g.fill(Infinity, 0, size);
    closed.fill(0, 0, size);
    let hn = 0;
    const push = (key, v) => {
      if (hn === hk.length) {
        const k2 = new Float64Array(hn * 2);
        k2.set(hk);
        hk = k2;
        const v2 = new Int32Array(hn * 2);
        v2.set(hv);
        hv = v2;
      }
      let i = hn++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (hk[p] <= key) break;
        hk[i] = hk[p];
        hv[i] = hv[p];
        i = p;
      }
      hk[i] = key;
      hv[i] = v;
    };
    const pop = () => {
      const top = hv[0];
      const key = hk[--hn];
      const v = hv[hn];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= hn) break;
        if (c + 1 < hn && hk[c + 1] < hk[c]) c++;
        if (hk[c] >= key) break;
        hk[i] = hk[c];
        hv[i] = hv[c];
        i = c;
      }
      hk[i] = key;
      hv[i] = v;
      return top;
    };
    g[s] = 0;
    parent[s] = -1;
    push(hOf(s), s);
    let expanded = 0;
    while (hn > 0) {
      const u = pop();
      if (closed[u]) continue;
      closed[u] = 1;
      expanded++;
      if (u === t) break;
      const ui = u % W;
      const uj = (u - ui) / W;
      const cu = cost[cls[u]];
      for (let d = 0; d < 8; d++) {
        const vi = ui + dx[d];
        const vj = uj + dy[d];
        if (vi < 0 || vj < 0 || vi >= W || vj >= H) continue;
        const v = vj * W + vi;
        if (closed[v]) continue;
        if (noJoin && side[u] !== 0 && side[v] !== 0 && side[u] !== side[v]) continue;
        const nd = g[u] + dl[d] * cell * 0.5 * (cu + cost[cls[v]]);
        if (nd < g[v]) {
          g[v] = nd;
          parent[v] = u;
          push(nd + hOf(v), v);
        }
      }
    }
    if (!closed[t]) return null;
    const len = [0, 0, 0, 0, 0, 0];
    // With noJoin: how far the path runs on the land of `own` that is neither p's nor q's (the
    // third municipality it must go through).
    let between = 0;
    const ownLand = (c) => cls[c] === SETTLED || cls[c] === EMPTY;
    for (let v = t; parent[v] >= 0; v = parent[v]) {
      const u = parent[v];
      const step = (u % W !== v % W && Math.floor(u / W) !== Math.floor(v / W) ? Math.SQRT2 : 1) * cell;
      len[cls[u]] += step / 2;
      len[cls[v]] += step / 2;
      if (noJoin) between += ((ownLand(u) && side[u] === 0 ? 1 : 0) + (ownLand(v) && side[v] === 0 ? 1 : 0)) * (step / 2);
    }
    return {
      between,
      settled: len[SETTLED],
      empty: len[EMPTY],
      other: len[OTHER],
      lake: len[LAKE],
      sea: len[SEA],
      snapA,
      snapB,
      expanded,
      cells: size,
    };
  };
}

if (!isMainThread) {
  const { muniBuf, nearBuf, seaBuf, NX, cell, cost, probeCost, tasks } = workerData;
  const grids = { muni: new Uint16Array(muniBuf), near: new Uint8Array(nearBuf), sea: new Uint8Array(seaBuf), NX, cell };
  const solve = makeSolver({ ...grids, cost });
  const probe = makeSolver({ ...grids, cost: probeCost });
  // The path itself, and the least sea any path between the two centres must cross (not for a
  // crossing's side, task.probe = false: a path to a bridge or quay has no least sea to judge).
  const out = tasks.map((task) => ({ k: task.k, r: solve(task), minSea: task.probe === false ? undefined : probe(task)?.sea }));
  parentPort.postMessage(out);
} else {
  await main();
}

// ---------- main thread: read, rasterise, hand pairs to workers, write ----------
async function main() {
  const t0 = Date.now();
  const args = process.argv.slice(2);
  const pos = [];
  const opt = {
    empty: 3.0,
    other: 8.0,
    lake: 8.0,
    sea: 20.0,
    'max-sea': 3.0,
    'max-quay': 1.0,
    cell: 250,
    workers: Math.min(2, availableParallelism()),
  };
  for (let i = 0; i < args.length; i++) {
    const m = /^--(empty|other|lake|sea|max-sea|max-quay|cell|workers)(?:=(.*))?$/.exec(args[i]);
    if (m) {
      const v = Number(m[2] ?? args[++i]);
      if (!(v > 0)) usage(`bad value for --${m[1]}`);
      opt[m[1]] = v;
    } else if (args[i].startsWith('--')) usage(`unknown option ${args[i]}`);
    else pos.push(args[i]);
  }
  if (pos.length !== 4) usage();
  const [dataDir, centresFile, pairsFile, outFile] = pos;
  const cell = opt.cell;
  if (1000 % cell !== 0) usage('--cell must divide 1000');
  const cost = [0, 1.0, opt.empty, opt.other, opt.lake, opt.sea];
  const probeCost = [0, 1.0, opt.empty, 1000, opt.lake, 1000];
  console.error(`projection: ${checkProjection()}`);

  // Fields may be quoted and hold commas; split on commas outside quotes.
  const splitCsv = (line, sep = ',') =>
    sep === ','
      ? [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'))
      : line.split(sep);
  const readCsv = (file, sep) => {
    const [head, ...rows] = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((l) => splitCsv(l, sep));
    const col = (k) => {
      const i = head.indexOf(k);
      if (i < 0) throw new Error(`${file}: no column ${k} (has ${head.join(', ')})`);
      return i;
    };
    return { rows, col };
  };

  // Centres.
  const cen = readCsv(centresFile);
  const centres = new Map(
    cen.rows.map((r) => [
      r[cen.col('kommunenummer')].padStart(4, '0'),
      { lat: Number(r[cen.col('senter_lat')]), lon: Number(r[cen.col('senter_lon')]) },
    ]),
  );
  for (const c of centres.values()) [c.x, c.y] = utm33(c.lon, c.lat);

  // Polygons → rings in UTM.
  const geo = JSON.parse(readFileSync(join(dataDir, 'raw/robhop-fylker-og-kommuner/Kommuner-S.geojson'), 'utf8'));
  const feats = geo.features.map((f, k) => {
    const id = String(f.properties.kommunenummer).padStart(4, '0');
    const g = f.geometry;
    const polys = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
    const rings = polys.flat().map((ring) => ring.map(([lon, lat]) => utm33(lon, lat)));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings)
      for (const [x, y] of ring) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    return { id, idx: k + 1, rings, bbox: [x0, y0, x1, y1] };
  });
  const byId = new Map(feats.map((f) => [f.id, f]));
  const PAD = 12000;
  const X0 = Math.floor((Math.min(...feats.map((f) => f.bbox[0])) - PAD) / 1000) * 1000;
  const Y0 = Math.floor((Math.min(...feats.map((f) => f.bbox[1])) - PAD) / 1000) * 1000;
  const NX = Math.ceil((Math.max(...feats.map((f) => f.bbox[2])) + PAD - X0) / cell);
  const NY = Math.ceil((Math.max(...feats.map((f) => f.bbox[3])) + PAD - Y0) / cell);
  const muniBuf = new SharedArrayBuffer(NX * NY * 2);
  const nearBuf = new SharedArrayBuffer(NX * NY);
  const muni = new Uint16Array(muniBuf);
  const near = new Uint8Array(nearBuf);

  // Scanline fill at cell centres, even-odd over all rings of a municipality.
  for (const f of feats) {
    const rows = new Map();
    for (const ring of f.rings) {
      for (let k = 1; k < ring.length; k++) {
        const [xa, ya] = ring[k - 1];
        const [xb, yb] = ring[k];
        if (ya === yb) continue;
        const jLo = Math.ceil((Math.min(ya, yb) - Y0) / cell - 0.5);
        const jHi = Math.ceil((Math.max(ya, yb) - Y0) / cell - 0.5) - 1;
        for (let j = jLo; j <= jHi; j++) {
          const yc = Y0 + (j + 0.5) * cell;
          const x = xa + ((yc - ya) * (xb - xa)) / (yb - ya);
          let list = rows.get(j);
          if (!list) rows.set(j, (list = []));
          list.push(x);
        }
      }
    }
    for (const [j, xs] of rows) {
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const iLo = Math.ceil((xs[k] - X0) / cell - 0.5);
        const iHi = Math.ceil((xs[k + 1] - X0) / cell - 0.5) - 1;
        muni.fill(f.idx, j * NX + iLo, j * NX + iHi + 1);
      }
    }
  }

  // Sea: cells outside every polygon that join the raster's edge (4-connected flood fill); the
  // rest of the cells outside every polygon are inland water enclosed by land (lakes cut out of
  // the polygons). Land abroad is outside every polygon too and joins the edge, so it counts as sea.
  const seaBuf = new SharedArrayBuffer(NX * NY);
  const sea = new Uint8Array(seaBuf);
  {
    const stack = new Int32Array(NX * NY);
    let sp = 0;
    const seed = (k) => {
      if (!muni[k] && !sea[k]) {
        sea[k] = 1;
        stack[sp++] = k;
      }
    };
    for (let i = 0; i < NX; i++) {
      seed(i);
      seed((NY - 1) * NX + i);
    }
    for (let j = 0; j < NY; j++) {
      seed(j * NX);
      seed(j * NX + NX - 1);
    }
    while (sp > 0) {
      const k = stack[--sp];
      const i = k % NX;
      if (i > 0) seed(k - 1);
      if (i < NX - 1) seed(k + 1);
      if (k >= NX) seed(k - NX);
      if (k < (NY - 1) * NX) seed(k + NX);
    }
    let nSea = 0;
    let nLake = 0;
    for (let k = 0; k < NX * NY; k++) {
      if (muni[k]) continue;
      if (sea[k]) nSea++;
      else nLake++;
    }
    console.error(`outside every polygon: ${nSea} sea cells, ${nLake} enclosed inland-water cells`);
  }

  // Population: cells within 1.5 km of a 1 km square with pop_tot > 0.
  const popText = readFileSync(join(dataDir, 'raw/ssb-befolkning-rutenett/NOR1000M_POP_2019.csv'), 'utf8').trim().split(/\r?\n/);
  const popHead = popText[0].split(';');
  const idCol = popHead.findIndex((h) => /^SSBID/i.test(h));
  const popCol = popHead.indexOf('pop_tot');
  if (idCol < 0 || popCol < 0) throw new Error(`population grid: unexpected header ${popText[0]}`);
  const R = 1500;
  const reach = Math.ceil(R / cell);
  const per = 1000 / cell;
  let popCells = 0;
  let popTotal = 0;
  let popInside = 0;
  for (let k = 1; k < popText.length; k++) {
    const r = popText[k].split(';');
    const pop = Number(r[popCol]);
    if (!(pop > 0)) continue;
    const sid = r[idCol];
    const x = Number(sid.slice(0, 7)) - 2000000;
    const y = Number(sid.slice(7));
    popCells++;
    popTotal += pop;
    const ci = Math.round((x - X0) / cell);
    const cj = Math.round((y - Y0) / cell);
    if (ci < 0 || cj < 0 || ci + per > NX || cj + per > NY) continue;
    if (muni[(cj + per / 2) * NX + ci + per / 2]) popInside += pop;
    for (let j = Math.max(0, cj - reach); j < Math.min(NY, cj + per + reach); j++) {
      const yc = Y0 + (j + 0.5) * cell;
      const ddy = Math.max(0, y - yc, yc - (y + 1000));
      for (let i = Math.max(0, ci - reach); i < Math.min(NX, ci + per + reach); i++) {
        const xc = X0 + (i + 0.5) * cell;
        const ddx = Math.max(0, x - xc, xc - (x + 1000));
        if (ddx * ddx + ddy * ddy <= R * R) near[j * NX + i] = 1;
      }
    }
  }
  console.error(
    `raster ${NX} × ${NY} cells of ${cell} m; ${popCells} populated 1 km cells, ${popTotal} inhabitants, ` +
      `${((100 * popInside) / popTotal).toFixed(2)} % of them in a cell whose centre lies inside a polygon (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );

  // Pairs.
  const nab = readCsv(pairsFile);
  const pairs = nab.rows.map((r) => [r[nab.col('kommune_a')].padStart(4, '0'), r[nab.col('kommune_b')].padStart(4, '0')]);
  const M = Math.round(10000 / cell);
  const cellOf = (c) => [Math.floor((c.x - X0) / cell), Math.floor((c.y - Y0) / cell)];
  // A path from a's centre to b's over the land of `own` (a, b and, for a transit pair, the
  // municipalities between them), in the joint bounding box of their polygons.
  const taskFor = (k, a, b, own) => {
    const ca = centres.get(a);
    const cb = centres.get(b);
    if (!ca || !cb) throw new Error(`pair ${a},${b}: no centre`);
    return taskAt(k, ca, cb, own, `pair ${a},${b}`);
  };
  // The same between any two points (UTM x, y); a point off the land of `own` is moved to the
  // nearest cell of it by the solver, which reports how far (snapA, snapB).
  const taskAt = (k, ca, cb, own, what) => {
    const fs = own.map((id) => byId.get(id));
    if (fs.some((f) => !f)) throw new Error(`${what}: no polygon`);
    const xs = [...fs.map((f) => f.bbox[0]), ca.x, cb.x];
    const ys = [...fs.map((f) => f.bbox[1]), ca.y, cb.y];
    const xe = [...fs.map((f) => f.bbox[2]), ca.x, cb.x];
    const ye = [...fs.map((f) => f.bbox[3]), ca.y, cb.y];
    const i0 = Math.max(0, Math.floor((Math.min(...xs) - X0) / cell) - M);
    const j0 = Math.max(0, Math.floor((Math.min(...ys) - Y0) / cell) - M);
    const i1 = Math.min(NX - 1, Math.floor((Math.max(...xe) - X0) / cell) + M);
    const j1 = Math.min(NY - 1, Math.floor((Math.max(...ye) - Y0) / cell) + M);
    return {
      k,
      own: fs.map((f) => f.idx),
      win: [i0, j0, i1 - i0 + 1, j1 - j0 + 1],
      ca: cellOf(ca),
      cb: cellOf(cb),
      area: (i1 - i0 + 1) * (j1 - j0 + 1),
    };
  };
  const tasks = pairs.map(([a, b], k) => taskFor(k, a, b, [a, b]));

  // Balance by window area over the workers.
  const nW = Math.max(1, Math.floor(opt.workers));
  const runAll = async (list) => {
    const buckets = Array.from({ length: nW }, () => ({ load: 0, tasks: [] }));
    for (const t of [...list].sort((p, q) => q.area - p.area)) {
      const bkt = buckets.reduce((p, q) => (q.load < p.load ? q : p));
      bkt.load += t.area;
      bkt.tasks.push(t);
    }
    const out = new Array(list.length);
    await Promise.all(
      buckets.map(
        (bkt) =>
          new Promise((resolve, reject) => {
            const w = new Worker(fileURLToPath(import.meta.url), {
              workerData: { muniBuf, nearBuf, seaBuf, NX, cell, cost, probeCost, tasks: bkt.tasks },
            });
            w.on('message', (res) => {
              for (const { k, r, minSea } of res) out[k] = r && { ...r, minSea };
              resolve();
            });
            w.on('error', reject);
            w.on('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
          }),
      ),
    );
    return out;
  };
  const t1 = Date.now();
  const results = await runAll(tasks);
  const t2 = Date.now();
  // Raster metres to ground km, at the scale factor of the pair's midpoint.
  const metresPerKm = (a, b) => scaleAt((centres.get(a).x + centres.get(b).x) / 2) * 1000;
  const kmOf = (a, b, r) => {
    const kScale = metresPerKm(a, b);
    return {
      parts: [r.settled, r.empty, r.other, r.lake, r.sea].map((v) => Number(f1(v / kScale))),
      minSea: r.minSea / kScale,
      between: r.between / kScale,
    };
  };
  const f1 = (v) => v.toFixed(1);
  // Each neighbour path's km by class and least sea, measured once for the transit pairs and the output.
  const measured = results.map((r, k) => r && kmOf(pairs[k][0], pairs[k][1], r));

  // Transit pairs. A road from a to c that crosses b's land need not pass b's centre (the E69
  // from Honningsvåg to Olderfjord and on to Skaidi never comes near Lakselv, Porsanger's
  // centre). For every two municipalities that are not road neighbours but share one or more
  // (the `via`), a path over the land of all of them; kept where no path leaves that land for
  // more than --max-sea km and it is shorter than going through a via's centre. Islands without
  // a fixed link (oyer_2024.csv beside <naboer.csv>) and pairs with no road (ikke_veg_2024.csv)
  // take no part: the network reaches those over their own crossings only.
  const dir = dirname(pairsFile);
  const knr = (v) => v.trim().padStart(4, '0');
  const listed = (file, cols) => {
    try {
      const t = readCsv(join(dir, file));
      return t.rows.map((r) => cols.map((c) => r[t.col(c)]));
    } catch (e) {
      if (e.code === 'ENOENT') return [];
      throw e;
    }
  };
  const islands = new Set(
    listed('oyer_2024.csv', ['knr', 'fastlandsforbindelse'])
      .filter(([, fixed]) => fixed.trim() === 'nei')
      .map(([k]) => knr(k)),
  );
  const pkey = (a, b) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const noRoadRows = listed('ikke_veg_2024.csv', ['kommune_a', 'kommune_b', 'transitt']);
  const noRoadListed = new Set(noRoadRows.map(([a, b]) => pkey(knr(a), knr(b))));
  // transitt = nei: no road through a third municipality's land either (the roads meet at its
  // centre, or a path across the same plateau is no road): the chain through the centre stays.
  const noTransit = new Set(noRoadRows.filter(([, , t]) => t.trim() === 'nei').map(([a, b]) => pkey(knr(a), knr(b))));
  const roadNeighbours = new Map();
  const stiOf = new Map();
  pairs.forEach(([a, b], k) => {
    if (!measured[k] || islands.has(a) || islands.has(b) || noRoadListed.has(pkey(a, b))) return;
    const { parts, minSea } = measured[k];
    if (minSea > opt['max-sea']) return;
    stiOf.set(pkey(a, b), { sti: parts.reduce((s, v) => s + v, 0), empty: parts[1], sea: parts[4] });
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      if (!roadNeighbours.has(x)) roadNeighbours.set(x, new Set());
      roadNeighbours.get(x).add(y);
    }
  });
  const transit = new Map();
  for (const [b, ns] of roadNeighbours)
    for (const a of ns)
      for (const c of ns) {
        if (a >= c || stiOf.has(pkey(a, c)) || noTransit.has(pkey(a, c))) continue;
        const k = pkey(a, c);
        if (!transit.has(k)) transit.set(k, { a, c, vias: new Set() });
        transit.get(k).vias.add(b);
      }
  const transitList = [...transit.values()].map((t) => ({ ...t, vias: [...t.vias].sort() }));
  // A pair of ikke_veg_2024.csv is a neighbour pair whose border no road crosses: its transit
  // path must go through a via's land (Alta to Porsanger on the E6 over Skaidi, Hammerfest;
  // Steigen to Sørfold through Hamarøy at Tømmerneset), never straight over that border.
  const idxOf = new Map(feats.map((f) => [f.id, f.idx]));
  const transitResults = await runAll(
    transitList.map((t, k) => ({
      ...taskFor(k, t.a, t.c, [t.a, t.c, ...t.vias]),
      ...(noRoadListed.has(pkey(t.a, t.c)) ? { noJoin: [idxOf.get(t.a), idxOf.get(t.c)] } : {}),
    })),
  );
  const t3 = Date.now();
  const transitRows = [];
  let transitOffLand = 0;
  let transitNotShorter = 0;
  let transitShortcut = 0;
  let transitCorner = 0;
  transitList.forEach((t, k) => {
    const r = transitResults[k];
    if (!r) return;
    const { parts, minSea, between } = kmOf(t.a, t.c, r);
    if (minSea > opt['max-sea']) {
      transitOffLand++;
      return;
    }
    const sti = parts.reduce((s, v) => s + v, 0);
    // Through the via whose centre gives the shortest chain: the transit path must be shorter,
    // and cross no more roadless land or sea than that chain does. A shortcut over a plateau or
    // a sound the chain went round is a path no road takes (Bodø–Steigen over Sørfolda,
    // Gamvik–Berlevåg over the Tana plateau), so the chain stays the route there.
    const chain = t.vias
      .map((b) => {
        const [x, y] = [stiOf.get(pkey(t.a, b)), stiOf.get(pkey(b, t.c))];
        return { sti: x.sti + y.sti, empty: x.empty + y.empty, sea: x.sea + y.sea };
      })
      .reduce((p, q) => (q.sti < p.sti ? q : p));
    const chained = chain.sti;
    if (!(sti < chained - 0.5)) {
      transitNotShorter++;
      return;
    }
    // A pair with no road across its border: the path must really run through the third
    // municipality (5 km and a tenth of its length at least), not slip past the border at a
    // corner where the three meet, which would cross the same roadless land.
    if (noRoadListed.has(pkey(t.a, t.c)) && (between < 5 || between < 0.1 * sti)) {
      transitCorner++;
      return;
    }
    if (parts[1] > chain.empty + 1 || parts[4] > chain.sea + 0.5) {
      transitShortcut++;
      return;
    }
    const ca = centres.get(t.a);
    const cc = centres.get(t.c);
    transitRows.push({ a: t.a, c: t.c, vias: t.vias, parts, sti, chained, rett: haversineKm(ca.lat, ca.lon, cc.lat, cc.lon) });
  });

  // Bridges and tunnels (ferjer_og_bruer_2024.csv beside <naboer.csv>: type bru or tunnel, with
  // the crossing's position via_lat, via_lon). The road from each centre to the crossing runs
  // over that municipality's own land, round its fjords, not in a straight line over the water
  // (Sistranda to the Frøya tunnel, Fillan to it from the other side over Hitra). Each side is a
  // path over its own municipality from the centre to the crossing's position; where that
  // position lies off the side's land (a bridge's middle, a tunnel under the sea) the path ends
  // at the nearest cell of its land, and the crossing itself is the straight line on from there.
  // A tunnel whose two portals are known (portal_fra_*, portal_til_*, each with its source) runs
  // from portal to portal instead: each side's path ends at its own portal. A ferry or fast boat
  // whose two quays are known (kai_fra_*, kai_til_*) is driven the same way, to its quay and on
  // from the other, but the sea between the quays is sailed, not driven, so it is no road km.
  // A quay more than --max-quay km off its side's land is not that side's: the row is left out
  // (and the network keeps its approximation) rather than driven to the wrong shore.
  const point = (lat, lon) => {
    const p = { lat: Number(lat), lon: Number(lon) };
    [p.x, p.y] = utm33(p.lon, p.lat);
    return p;
  };
  const crossingCols = [
    'fra',
    'til',
    'type',
    'strekning',
    'via_lat',
    'via_lon',
    'portal_fra_lat',
    'portal_fra_lon',
    'portal_til_lat',
    'portal_til_lon',
    'kai_fra_lat',
    'kai_fra_lon',
    'kai_til_lat',
    'kai_til_lon',
  ];
  // A position given as <name>_lat, <name>_lon: the point, null when both are empty.
  const position = (row, name) => {
    const [lat, lon] = [row[`${name}_lat`].trim(), row[`${name}_lon`].trim()];
    if (lat === '' && lon === '') return null;
    if (lat === '' || lon === '') throw new Error(`ferjer_og_bruer_2024.csv: ${row.strekning} gives only half of ${name}_lat, ${name}_lon`);
    return point(lat, lon);
  };
  const crossingRows = listed('ferjer_og_bruer_2024.csv', crossingCols).flatMap((cells) => {
    const row = Object.fromEntries(crossingCols.map((c, i) => [c, cells[i]]));
    const [a, b, route] = [knr(row.fra), knr(row.til), row.strekning];
    const [portalFrom, portalTo, quayFrom, quayTo] = ['portal_fra', 'portal_til', 'kai_fra', 'kai_til'].map((n) => position(row, n));
    if (!portalFrom !== !portalTo || !quayFrom !== !quayTo)
      throw new Error(`ferjer_og_bruer_2024.csv: ${route} gives only one of its two portals or quays`);
    if (row.type === 'ferje' || row.type === 'hurtigbåt')
      return a !== b && quayFrom ? [{ a, b, route, sailed: true, from: quayFrom, to: quayTo }] : [];
    const via = row.type === 'bru' || row.type === 'tunnel' ? position(row, 'via') : null;
    return via ? [{ a, b, route, via, from: portalFrom ?? via, to: portalTo ?? via }] : [];
  });
  const crossingResults = await runAll(
    crossingRows.flatMap((c, k) => [
      { ...taskAt(2 * k, centres.get(c.a), c.from, [c.a], `${c.route}, ${c.a}'s side`), probe: false },
      { ...taskAt(2 * k + 1, c.to, centres.get(c.b), [c.b], `${c.route}, ${c.b}'s side`), probe: false },
    ]),
  );
  const crossingLines = ['fra,til,strekning,rett_km,sti_km,ubebodd_km,kryssing_km'];
  const crossingGain = [];
  const quaysOff = [];
  crossingRows.forEach((c, k) => {
    const [ra, rb] = [crossingResults[2 * k], crossingResults[2 * k + 1]];
    if (!ra || !rb) throw new Error(`${c.route}: no path from a centre to the crossing`);
    const [ca, cb] = [centres.get(c.a), centres.get(c.b)];
    const land = (r) => r.settled + r.empty + r.other + r.lake + r.sea;
    const kScale = metresPerKm(c.a, c.b);
    const off = (ra.snapB + rb.snapA) / kScale;
    if (c.sailed && Math.max(ra.snapB, rb.snapA) / kScale > opt['max-quay']) {
      quaysOff.push(`${c.route} ${f1(ra.snapB / kScale)}/${f1(rb.snapA / kScale)} km`);
      return;
    }
    const across = c.sailed ? off : off + haversineKm(c.from.lat, c.from.lon, c.to.lat, c.to.lon);
    const sti = (land(ra) + land(rb)) / kScale + across;
    const empty = (ra.empty + rb.empty) / kScale;
    const rett = c.sailed
      ? haversineKm(ca.lat, ca.lon, cb.lat, cb.lon)
      : haversineKm(ca.lat, ca.lon, c.via.lat, c.via.lon) + haversineKm(c.via.lat, c.via.lon, cb.lat, cb.lon);
    crossingGain.push(`${c.route} ${f1(rett)} → ${f1(sti)}`);
    const route = /[",]/.test(c.route) ? `"${c.route.replace(/"/g, '""')}"` : c.route;
    crossingLines.push(`${c.a},${c.b},${route},${f1(rett)},${f1(sti)},${f1(empty)},${f1(across)}`);
  });
  const crossingFile = join(dirname(outFile), 'kryssinger_2024.csv');

  // Write.
  const lines = ['kommune_a,kommune_b,rett_km,bebodd_km,ubebodd_km,annen_km,innsjo_km,sjo_km,sti_km,veg,via'];
  const ratios = [];
  let snapped = 0;
  const snaps = new Map();
  let failed = 0;
  const noRoad = [];
  let noRoadFromList = 0;
  let cellsTotal = 0;
  let expandedTotal = 0;
  pairs.forEach(([a, b], k) => {
    const ca = centres.get(a);
    const cb = centres.get(b);
    const rett = haversineKm(ca.lat, ca.lon, cb.lat, cb.lon);
    const r = results[k];
    if (!r) {
      failed++;
      lines.push(`${a},${b},${f1(rett)},,,,,,,nei,`);
      return;
    }
    const { parts, minSea } = measured[k];
    const sti = parts.reduce((s, v) => s + v, 0);
    // A pair of ikke_veg_2024.csv has no road open all year whatever its path: say so here,
    // so the file says what the network uses.
    const listedNoRoad = noRoadListed.has(pkey(a, b));
    const road = minSea <= opt['max-sea'] && !listedNoRoad;
    if (minSea > opt['max-sea']) noRoad.push(`${a},${b} ${f1(minSea)}`);
    else if (listedNoRoad) noRoadFromList++;
    if (r.snapA > 0 || r.snapB > 0) snapped++;
    if (r.snapA > 0) snaps.set(a, Math.max(snaps.get(a) ?? 0, r.snapA));
    if (r.snapB > 0) snaps.set(b, Math.max(snaps.get(b) ?? 0, r.snapB));
    cellsTotal += r.cells;
    expandedTotal += r.expanded;
    ratios.push({ a, b, q: sti / rett, rett, sti, other: parts[2], lake: parts[3], sea: parts[4], minSea });
    lines.push(`${a},${b},${f1(rett)},${parts.map(f1).join(',')},${f1(sti)},${road ? 'ja' : 'nei'},`);
  });
  for (const t of transitRows) lines.push(`${t.a},${t.c},${f1(t.rett)},${t.parts.map(f1).join(',')},${f1(t.sti)},ja,${t.vias.join(' ')}`);
  writeFileSync(outFile, lines.join('\n') + '\n');
  writeFileSync(crossingFile, crossingLines.join('\n') + '\n');

  const q = ratios.map((r) => r.q).sort((p, s) => p - s);
  const at = (p) => q[Math.min(q.length - 1, Math.floor(p * q.length))].toFixed(2);
  const sum = (f) => ratios.reduce((s, r) => s + f(r), 0);
  console.error(
    `pairs ${pairs.length} (no path ${failed}, a centre snapped to land ${snapped}); windows ${(cellsTotal / 1e6).toFixed(1)} M cells, ` +
      `${(expandedTotal / 1e6).toFixed(1)} M expanded; paths ${((t2 - t1) / 1000).toFixed(1)} s on ${nW} workers`,
  );
  console.error(
    `sti/rett: min ${q[0].toFixed(2)}, p10 ${at(0.1)}, p25 ${at(0.25)}, median ${at(0.5)}, p75 ${at(0.75)}, p90 ${at(0.9)}, ` +
      `max ${q[q.length - 1].toFixed(2)}; mean ${(sum((r) => r.q) / q.length).toFixed(3)}; ` +
      `total sti ${sum((r) => r.sti).toFixed(0)} km vs rett ${sum((r) => r.rett).toFixed(0)} km; ` +
      `third municipality ${sum((r) => r.other).toFixed(0)} km, inland water ${sum((r) => r.lake).toFixed(0)} km, sea ${sum((r) => r.sea).toFixed(0)} km`,
  );
  const saved = transitRows.map((t) => t.chained - t.sti).sort((p, q) => p - q);
  console.error(
    `transit pairs ${transitList.length}: kept ${transitRows.length} (leave the land ${transitOffLand}, not shorter ${transitNotShorter}, ` +
      `over more roadless land or sea than the chain ${transitShortcut}, a no-road pair past a corner ${transitCorner}); ` +
      `km saved against the via's centre: median ${f1(saved[Math.floor(saved.length / 2)] ?? 0)}, max ${f1(saved[saved.length - 1] ?? 0)}; ` +
      `paths ${((t3 - t2) / 1000).toFixed(1)} s`,
  );
  console.error(`no road (every path crosses more than ${opt['max-sea']} km of sea; least sea km): ${noRoad.join('; ') || 'none'}`);
  console.error(`no road, listed in ikke_veg_2024.csv (veg = nei whatever the path): ${noRoadFromList} more pairs`);
  console.error('most sea on a kept path:');
  for (const r of [...ratios]
    .filter((r) => r.sea > 0 && r.sea <= opt['max-sea'])
    .sort((p, s) => s.sea - p.sea)
    .slice(0, 15))
    console.error(`  ${r.a},${r.b} sea ${r.sea.toFixed(1)} km of sti ${r.sti.toFixed(1)} (least sea ${r.minSea.toFixed(1)})`);
  console.error(
    `centres outside both polygons, moved to the nearest land cell (largest move, km): ` +
      [...snaps]
        .sort()
        .map(([id, m]) => `${id} ${(m / 1000).toFixed(2)}`)
        .join(', '),
  );
  console.error('highest sti/rett:');
  for (const r of [...ratios].sort((p, s) => s.q - p.q).slice(0, 10))
    console.error(`  ${r.a},${r.b} rett ${r.rett.toFixed(1)} sti ${r.sti.toFixed(1)} (${r.q.toFixed(2)})`);
  console.error(
    `bridges, tunnels and ferries with quays, km centre → crossing → centre, straight → over each side's land: ${crossingGain.join('; ')}`,
  );
  console.error(`ferries left out, a quay off its side's land (km): ${quaysOff.join('; ') || 'none'}`);
  console.error(
    `wrote ${outFile}: ${pairs.length} neighbour and ${transitRows.length} transit rows, and ${crossingFile}: ` +
      `${crossingLines.length - 1} bridges, tunnels and ferries, in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

function usage(msg) {
  if (msg) console.error(msg);
  console.error(
    'Bruk: node scripts/build-links.mjs <data dir> <kommunesentre.csv> <naboer.csv> <lenker.csv> [--empty 3] [--other 8] [--lake 8] [--sea 20] [--max-sea 3] [--max-quay 1] [--cell 250] [--workers 2]',
  );
  process.exit(2);
}
