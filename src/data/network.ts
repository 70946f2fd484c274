import { PairRoutes, type CalibrationPair } from '../travel/calibrate';
import { RoadGraph, type LinkKind, type NetworkLink, type NetworkParameters, type TravelNetwork } from '../travel/network';
import { csvTable } from './csv';
import type { EmbeddedMunicipality } from './embedded';

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

const KINDS: Record<string, LinkKind> = { ferje: 'ferry', bru: 'bridge', tunnel: 'tunnel' };

/** Ferries, bridges and tunnels from assets/ferjer_og_bruer_2024.csv. */
export function parseCrossings(csvText: string): NetworkLink[] {
  const t = csvTable(csvText, 'ferjer_og_bruer_2024.csv', ['fra', 'til', 'type', 'seiletid_min', 'intervall_min', 'strekning', 'kilde']);
  return t.rows.map((r) => {
    const kind = KINDS[t.get(r, 'type')];
    if (!kind) throw new Error(`ferjer_og_bruer_2024.csv: unknown type ${t.get(r, 'type')}`);
    const link: NetworkLink = { a: t.get(r, 'fra'), b: t.get(r, 'til'), kind, route: t.get(r, 'strekning'), source: t.get(r, 'kilde') };
    if (kind !== 'ferry') return link;
    const sailingMinutes = Number(t.get(r, 'seiletid_min'));
    const headwayMinutes = Number(t.get(r, 'intervall_min'));
    if (!(sailingMinutes > 0) || !(headwayMinutes > 0))
      throw new Error(`ferjer_og_bruer_2024.csv: ${link.route} lacks sailing or headway minutes`);
    return { ...link, sailingMinutes, headwayMinutes };
  });
}

/** The embedded network: every municipality's point, its land neighbours, and the crossings. */
export function embeddedNetwork(data: readonly EmbeddedMunicipality[], neighboursCsv: string, crossingsCsv: string): TravelNetwork {
  return {
    points: new Map(data.map((m) => [m.number, { lat: m.lat, lon: m.lon }])),
    links: [...parseNeighbours(neighboursCsv), ...parseCrossings(crossingsCsv)],
  };
}

/**
 * The TØI 2019 car times from each municipality to its BA-region centre. In a region with
 * several centre municipalities the most populous is taken as the centre; centres themselves
 * and Haram (a copy of Ålesund's row) have no pair.
 */
export function calibrationPairs(data: readonly EmbeddedMunicipality[]): CalibrationPair[] {
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
    pairs.push({ from: m.number, to: c.number, minutes: m.baTravelMinutes, county: m.county });
  }
  return pairs;
}

/** Routes between the embedded municipalities' points over `network`, for calibrating against the TØI pairs. */
export function embeddedPairRoutes(data: readonly EmbeddedMunicipality[], network: TravelNetwork, p: NetworkParameters): PairRoutes {
  const nodes = data.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon }));
  return new PairRoutes(new RoadGraph(nodes, network, p), new Map(nodes.map((n, i) => [n.id, i])));
}
