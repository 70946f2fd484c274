import { PairRoutes, type CalibrationPair } from '../travel/calibrate';
import {
  pairKey,
  RoadGraph,
  type LinkKind,
  type MainRoad,
  type NetworkLink,
  type NetworkParameters,
  type TravelNetwork,
} from '../travel/network';
import { csvTable } from './csv';
import { FITTED_WITHIN_PARAMETERS } from '../domain/parameters';
import type { WithinFit, WithinPoint } from '../travel/within';
import { validate, type ValidationPair, type ValidationReport } from '../travel/validation';
import { ownRegionMinutes, type EmbeddedMunicipality } from './embedded';

/** Neighbours from assets/naboer_2024.csv (built by scripts/build-neighbours.mjs). */
export function parseNeighbours(csvText: string): NetworkLink[] {
  const t = csvTable(csvText, 'naboer_2024.csv', ['kommune_a', 'kommune_b']);
  return t.rows.map((r) => {
    const lat = Number(t.get(r, 'via_lat'));
    const lon = Number(t.get(r, 'via_lon'));
    const via = Number.isFinite(lat) && Number.isFinite(lon) && t.get(r, 'via_lat') !== '' ? { lat, lon } : undefined;
    return { a: t.get(r, 'kommune_a'), b: t.get(r, 'kommune_b'), kind: 'neighbour', ...(via ? { via } : {}) };
  });
}

// A passenger fast boat is how people without a ferry reach some islands: it counts as a crossing like a car ferry.
const KINDS: Record<string, LinkKind> = { ferje: 'ferry', hurtigbåt: 'ferry', bru: 'bridge', tunnel: 'tunnel' };

/** Ferries, bridges and tunnels from assets/ferjer_og_bruer_2024.csv. */
export function parseCrossings(csvText: string): NetworkLink[] {
  const t = csvTable(csvText, 'ferjer_og_bruer_2024.csv', ['fra', 'til', 'type', 'seiletid_min', 'intervall_min', 'strekning', 'kilde']);
  return t.rows.map((r) => {
    const kind = KINDS[t.get(r, 'type')];
    if (!kind) throw new Error(`ferjer_og_bruer_2024.csv: unknown type ${t.get(r, 'type')}`);
    const url = t.get(r, 'kilde_url');
    const source = url ? `${t.get(r, 'kilde')} (${url})` : t.get(r, 'kilde');
    const link: NetworkLink = { a: t.get(r, 'fra'), b: t.get(r, 'til'), kind, route: t.get(r, 'strekning'), source };
    if (kind !== 'ferry') {
      // Where the bridge or tunnel lies (via_lat, via_lon): the route runs centre → crossing →
      // centre, not in a straight line between the centres (Asker to Drøbak through the Oslofjord
      // tunnel at Hurum, Ålesund to Valderøya by way of Ellingsøya).
      const [lat, lon] = [t.get(r, 'via_lat'), t.get(r, 'via_lon')];
      if (lat === '' && lon === '') return link;
      const via = { lat: Number(lat), lon: Number(lon) };
      if (!(Math.abs(via.lat) <= 90 && Math.abs(via.lon) <= 180) || lat === '' || lon === '')
        throw new Error(`ferjer_og_bruer_2024.csv: ${link.route} has a bad via_lat/via_lon (${lat}, ${lon})`);
      return { ...link, via };
    }
    const sailingMinutes = Number(t.get(r, 'seiletid_min'));
    const headwayMinutes = Number(t.get(r, 'intervall_min'));
    if (!(sailingMinutes > 0) || !(headwayMinutes > 0))
      throw new Error(`ferjer_og_bruer_2024.csv: ${link.route} lacks sailing or headway minutes`);
    return { ...link, sailingMinutes, headwayMinutes, ...(t.get(r, 'type') === 'hurtigbåt' ? { fastBoat: true } : {}) };
  });
}

/**
 * The road km of each bridge and tunnel, and of each ferry whose quays are known, from
 * assets/kryssinger_2024.csv (built by scripts/build-links.mjs): from each centre to the
 * crossing (the quay) over its own municipality's land, round its fjords, and across (a
 * ferry's sea is sailed, not driven, and is not in its km). Keyed by `fra`, `til` and `strekning` as in
 * ferjer_og_bruer_2024.csv.
 */
export function parseCrossingPaths(csvText: string): Map<string, { pathKm: number; emptyKm: number }> {
  const t = csvTable(csvText, 'kryssinger_2024.csv', ['fra', 'til', 'strekning', 'sti_km', 'ubebodd_km']);
  const out = new Map<string, { pathKm: number; emptyKm: number }>();
  for (const r of t.rows) {
    const [pathKm, emptyKm] = [Number(t.get(r, 'sti_km')), Number(t.get(r, 'ubebodd_km'))];
    if (t.get(r, 'sti_km') === '' || !(pathKm >= 0) || !(emptyKm >= 0) || emptyKm > pathKm)
      throw new Error(`kryssinger_2024.csv: ${t.get(r, 'strekning')} has a bad sti_km or ubebodd_km`);
    out.set(crossingKey(t.get(r, 'fra'), t.get(r, 'til'), t.get(r, 'strekning')), { pathKm, emptyKm });
  }
  return out;
}

const crossingKey = (a: string, b: string, route: string): string => `${a}|${b}|${route}`;

/** An overland path between two neighbours' centres; `road: false` when every path crosses open sea (no road). */
export type LinkPath = Readonly<{
  /** The two ends, as the row gives them. */
  a: string;
  b: string;
  pathKm: number;
  emptyKm: number;
  road: boolean;
  mainRoad?: MainRoad;
  /** A transit path (the two are not neighbours): the municipalities between them whose land it crosses. */
  via?: readonly string[];
}>;

/**
 * The overland paths between neighbours' centres from assets/lenker_2024.csv (built by
 * scripts/build-links.mjs), by pair. `veg = nei` marks neighbours whose every path leaves their
 * own land for more sea (or a third municipality's land) than a bridge or tunnel spans: they
 * meet only at sea, and no road joins them directly; the builder also writes it for the pairs
 * of assets/ikke_veg_2024.csv (no road open all year across their border, each with its
 * source), so this file alone says which neighbours the network joins. Rows with a `via` are transit paths
 * (two municipalities that share a neighbour, through its land), kept apart in `transit`:
 * two neighbours that meet only at sea may have one.
 */
export function parseLinkPaths(csvText: string): { neighbours: Map<string, LinkPath>; transit: Map<string, LinkPath> } {
  const t = csvTable(csvText, 'lenker_2024.csv', ['kommune_a', 'kommune_b', 'sti_km', 'ubebodd_km']);
  const neighbours = new Map<string, LinkPath>();
  const transit = new Map<string, LinkPath>();
  for (const r of t.rows) {
    const road = t.get(r, 'veg') !== 'nei';
    const pathKm = Number(t.get(r, 'sti_km'));
    const emptyKm = Number(t.get(r, 'ubebodd_km'));
    if (road && (t.get(r, 'sti_km') === '' || !(pathKm >= 0) || !(emptyKm >= 0) || emptyKm > pathKm + 0.1))
      throw new Error(`lenker_2024.csv: ${t.get(r, 'kommune_a')}–${t.get(r, 'kommune_b')} lacks sti_km or ubebodd_km`);
    // hovedveg (scripts/build-main-roads.mjs from assets/hovedveger.csv): the link is on a European or national road.
    const main = t.get(r, 'hovedveg');
    const mainRoad: MainRoad | undefined = main === 'motorveg' ? 'motorway' : main === 'hovedveg' ? 'trunk' : undefined;
    const via = t
      .get(r, 'via')
      .split(/\s+/)
      .filter((v) => v !== '');
    const a = t.get(r, 'kommune_a');
    const b = t.get(r, 'kommune_b');
    (via.length > 0 ? transit : neighbours).set(pairKey(a, b), {
      a,
      b,
      pathKm,
      emptyKm: Math.min(emptyKm, pathKm),
      road,
      ...(mainRoad ? { mainRoad } : {}),
      ...(via.length > 0 ? { via } : {}),
    });
  }
  return { neighbours, transit };
}

/** Municipalities with no fixed link to the mainland road network, from assets/oyer_2024.csv (each row with its source). */
export function parseIslands(csvText: string): Set<string> {
  const t = csvTable(csvText, 'oyer_2024.csv', ['knr', 'fastlandsforbindelse', 'kilde']);
  return new Set(t.rows.filter((r) => t.get(r, 'fastlandsforbindelse') === 'nei').map((r) => t.get(r, 'knr')));
}

/** The files the embedded network is built from (assets/). */
export type NetworkFiles = Readonly<{
  /** naboer_2024.csv: land neighbours. */
  neighbours: string;
  /** ferjer_og_bruer_2024.csv: ferries, bridges and tunnels. */
  crossings: string;
  /** lenker_2024.csv: overland path km between neighbours' centres. */
  links?: string;
  /** oyer_2024.csv: municipalities reached only over water. */
  islands?: string;
  /** kryssinger_2024.csv: road km to and over each bridge and tunnel; without it, straight lines through the crossing. */
  crossingPaths?: string;
}>;

/**
 * The embedded network: every municipality's point, its land neighbours (with their overland
 * path where known), and the crossings. A municipality with no fixed link keeps no land link:
 * its coast may lie within reach of a neighbour's, but there is no road, only its ferries.
 */
export function embeddedNetwork(data: readonly EmbeddedMunicipality[], files: NetworkFiles): TravelNetwork {
  const { neighbours: paths, transit: transitPaths } =
    files.links === undefined
      ? { neighbours: new Map<string, LinkPath>(), transit: new Map<string, LinkPath>() }
      : parseLinkPaths(files.links);
  const islands = files.islands === undefined ? new Set<string>() : parseIslands(files.islands);
  const crossingPaths = files.crossingPaths === undefined ? undefined : parseCrossingPaths(files.crossingPaths);
  const crossings = parseCrossings(files.crossings).map((c) => {
    if (!crossingPaths) return c;
    const path = crossingPaths.get(crossingKey(c.a, c.b, c.route ?? ''));
    // A ferry has a row where its quays are known. A bridge or tunnel with a position always has
    // one: the two files are built together, so a missing row means they have drifted apart.
    if (!path && c.kind !== 'ferry' && c.via)
      throw new Error(`kryssinger_2024.csv: no row for ${c.route} (${c.a}–${c.b}); rebuild it with scripts/build-links.mjs`);
    return path ? { ...c, ...path } : c;
  });
  // A ferry from a municipality to itself takes its centre, on an island, to its own mainland
  // part (Lurøy: Onøy–Stokkvågen): every land link of that municipality includes the crossing.
  const access = new Map<string, NetworkLink>();
  for (const c of crossings) if (c.kind === 'ferry' && c.a === c.b && islands.has(c.a)) access.set(c.a, c);
  const neighbours: NetworkLink[] = [];
  for (const l of parseNeighbours(files.neighbours)) {
    const ferry = access.get(l.a) ?? access.get(l.b);
    if ((islands.has(l.a) && !access.has(l.a)) || (islands.has(l.b) && !access.has(l.b))) continue;
    const path = paths.get(pairKey(l.a, l.b));
    // Where a municipality's centre is on an island reached by its own ferry, the sea on the
    // path is that crossing: the link stays, with the ferry in it.
    if (path && !path.road && !ferry) continue;
    neighbours.push({
      ...l,
      ...(path ? { pathKm: path.pathKm, emptyKm: path.emptyKm } : {}),
      ...(path?.mainRoad ? { mainRoad: path.mainRoad } : {}),
      ...(ferry ? { accessFerry: ferry } : {}),
    });
  }
  // Transit paths: through a municipality between the two without passing its centre. None
  // starts or ends on an island (their land links carry the island's own crossing). A pair of
  // ikke_veg_2024.csv may have one: the builder keeps its path off their common border, through
  // a third municipality's land, as the road runs (Alta–Porsanger over Skaidi).
  const transit: NetworkLink[] = [];
  for (const [, path] of transitPaths) {
    if (!path.road) continue;
    const { a, b } = path;
    if (islands.has(a) || islands.has(b)) continue;
    transit.push({
      a,
      b,
      kind: 'transit',
      pathKm: path.pathKm,
      emptyKm: path.emptyKm,
      ...(path.mainRoad ? { mainRoad: path.mainRoad } : {}),
    });
  }
  return {
    points: new Map(data.map((m) => [m.number, { lat: m.lat, lon: m.lon }])),
    links: [...neighbours, ...transit, ...crossings.filter((c) => c.a !== c.b)],
    islands,
  };
}

/**
 * The TØI 2019 car times from each municipality to its BA-region centre. In a region with
 * several centre municipalities the most populous is taken as the centre; centres themselves
 * and Haram (a copy of Ålesund's row) have no pair. Each pair carries the municipality's own
 * within-municipality minutes (estimated from the grid with `within`; 0 without the grid).
 */
export function calibrationPairs(data: readonly EmbeddedMunicipality[], within: WithinFit = FITTED_WITHIN_PARAMETERS): CalibrationPair[] {
  const centre = new Map<string, EmbeddedMunicipality>();
  for (const m of data) {
    if (!m.baCentre) continue;
    const before = centre.get(m.baRegion);
    if (!before || m.population2024 > before.population2024) centre.set(m.baRegion, m);
  }
  const pairs: CalibrationPair[] = [];
  for (const m of data) {
    const c = centre.get(m.baRegion);
    if (m.baCentre || !c || m.baTravelMinutes === undefined || c.number === m.number) continue;
    const km = m.people?.meanKmToCentre;
    const withinMinutes = km === undefined ? 0 : within.withinFixedMinutes + within.withinMinutesPerKm * km;
    pairs.push({ from: m.number, to: c.number, minutes: m.baTravelMinutes, county: m.county, withinMinutes });
  }
  return pairs;
}

/** TØI's own-region minutes against the grid's mean km to the centre, for the municipalities that have both. */
export function withinPoints(data: readonly EmbeddedMunicipality[]): WithinPoint[] {
  const points: WithinPoint[] = [];
  for (const m of data) {
    const minutes = ownRegionMinutes(m);
    const km = m.people?.meanKmToCentre;
    if (minutes !== undefined && km !== undefined) points.push({ number: m.number, meanKmToCentre: km, minutes });
  }
  return points;
}

/** Routes between the embedded municipalities' points over `network`, for calibrating against the TØI pairs. */
/** The road graph over the embedded municipalities' points, and each number's node. */
function embeddedGraph(data: readonly EmbeddedMunicipality[], network: TravelNetwork, p: NetworkParameters) {
  const nodes = data.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon }));
  return { graph: new RoadGraph(nodes, network, p), index: new Map(nodes.map((n, i) => [n.id, i])) };
}

export function embeddedPairRoutes(data: readonly EmbeddedMunicipality[], network: TravelNetwork, p: NetworkParameters): PairRoutes {
  const { graph, index } = embeddedGraph(data, network, p);
  return new PairRoutes(graph, index);
}

/** The published drive times of assets/validering_reisetid.csv (docs/travel.md lists them with their sources). */
export function parseValidation(csvText: string): ValidationPair[] {
  const t = csvTable(csvText, 'validering_reisetid.csv', [
    'fra_knr',
    'til_knr',
    'fra_sted',
    'til_sted',
    'minutter',
    'km',
    'ferje',
    'kilde',
    'kilde_url',
  ]);
  return t.rows.map((r) => {
    const num = (k: string): number | undefined => (t.get(r, k) === '' ? undefined : Number(t.get(r, k)));
    const minutes = num('minutter');
    const km = num('km');
    if ((minutes === undefined && km === undefined) || Number.isNaN(minutes) || Number.isNaN(km))
      throw new Error(`validering_reisetid.csv: ${t.get(r, 'fra_sted')}–${t.get(r, 'til_sted')} has neither minutes nor km`);
    return {
      from: t.get(r, 'fra_knr'),
      to: t.get(r, 'til_knr'),
      fromPlace: t.get(r, 'fra_sted'),
      toPlace: t.get(r, 'til_sted'),
      ...(minutes !== undefined ? { minutes } : {}),
      ...(km !== undefined ? { km } : {}),
      viaFerry: t.get(r, 'ferje') === 'ja',
      source: t.get(r, 'kilde'),
      url: t.get(r, 'kilde_url'),
      note: t.get(r, 'merknad'),
    };
  });
}

/** The published drive times measured over the embedded network, as the matrix would estimate them. */
export function embeddedValidation(
  data: readonly EmbeddedMunicipality[],
  network: TravelNetwork,
  csvText: string,
  p: NetworkParameters,
): ValidationReport {
  const { graph, index } = embeddedGraph(data, network, p);
  return validate(parseValidation(csvText), graph, index, new Map(data.map((m) => [m.number, m.county])), p);
}
