import { greatCircleKm } from './geo';

/**
 * The network travel is estimated over: municipalities (by their interior point) joined by
 * road-plausible links, plus ferries. A link between neighbours stands for the roads across
 * their common border; bridges and tunnels join municipalities that do not touch on land;
 * a ferry costs its sailing time plus waiting. A `transit` link joins two municipalities that
 * are not neighbours by an overland path through the land of one between them that does not
 * pass its centre (scripts/build-links.mjs), as a road through it does.
 */
export type LinkKind = 'neighbour' | 'transit' | 'bridge' | 'tunnel' | 'ferry';

export type NetworkLink = Readonly<{
  a: string;
  b: string;
  kind: LinkKind;
  /** Ferries only: minutes on board, and minutes between departures. */
  sailingMinutes?: number;
  headwayMinutes?: number;
  /** Ferries only: a passenger fast boat (hurtigbåt), which covers more water a minute than a car ferry. */
  fastBoat?: boolean;
  /**
   * Neighbours: the point on the common border a route crosses. A route between two neighbours
   * runs point → border → point, so a fjord between them is driven round. Bridges and tunnels:
   * where the crossing is, for the same reason.
   */
  via?: Point;
  /**
   * The km of an overland path between the two centres (scripts/build-links.mjs: the cheapest
   * path over a 250 m raster of the two municipalities, round fjords and, at a cost, over
   * roadless land; for a bridge or tunnel, from each centre to the crossing over its own land,
   * and across). Replaces the point → border (or crossing) → point legs when given.
   */
  pathKm?: number;
  /** Neighbours only: the ferry between the centre of an island municipality and its own mainland part, on every land link of it. */
  accessFerry?: NetworkLink;
  /** Of `pathKm`, the km through unsettled land (no inhabitant within 1.5 km: mountains, plateaus), driven slower. */
  emptyKm?: number;
  /**
   * Neighbours only: the two follow each other on a European or national road
   * (assets/hovedveger.csv), `motorway` where the source calls that stretch a motorway. The
   * link's settled km are then driven at that road's speed; its unsettled km (a mountain pass)
   * stay at the unsettled speed.
   */
  mainRoad?: MainRoad;
  /** What the planner would call it: "Bodø–Værøy", "Eiksundsambandet". */
  route?: string;
  /** Where the numbers come from, or "tilnærming" when they are approximate. */
  source?: string;
}>;

export type MainRoad = 'trunk' | 'motorway';

export type Point = Readonly<{ lat: number; lon: number }>;

/** The same key for a pair either way round: "1804-1856" for 1804→1856 and 1856→1804. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

export type TravelNetwork = Readonly<{
  /** Points of every municipality the network knows, so a route can pass through one that is not in the workbook. */
  points: ReadonlyMap<string, Point>;
  links: readonly NetworkLink[];
  /** Municipalities with no fixed link to the mainland road network (reached by their ferries only). */
  islands?: ReadonlySet<string>;
}>;

export type NetworkParameters = Readonly<{
  /** Minutes added once per trip: getting from the centre onto the main road and parking at the other end. */
  estimateFixedMinutes: number;
  /** Road distance ÷ straight-line distance between neighbouring points. */
  detourFactor: number;
  /** Average road speed, km/h, over the road km (the path's km × the detour factor) through settled land. */
  roadSpeedKmh: number;
  /** Average road speed, km/h, over the road km through unsettled land (mountain passes, plateaus, roadless stretches). */
  emptyLandSpeedKmh: number;
  /** Average speed, km/h, over the road km of links on a European or national road (settled or not). */
  trunkRoadSpeedKmh: number;
  /** Average speed, km/h, over the road km of links on a motorway stretch of one. */
  motorwaySpeedKmh: number;
  /**
   * Speed per county (two-digit county number), fitted where the calibration data has pairs
   * in that county. A trip between two counties uses the mean of their minutes per km.
   */
  countyRoadSpeedKmh: Readonly<Record<string, number>>;
  /** Minutes once for a trip inside a municipality, from home to the centre... */
  withinFixedMinutes: number;
  /** ...plus these per straight-line km of the inhabitants' mean distance to the centre (SSB's grid). */
  withinMinutesPerKm: number;
  /**
   * Sailing speeds (km/h) of a car ferry and of a fast boat: a ferry link between two centres is
   * the crossing plus the road to and from the quays, taken as the part of the straight line
   * between the centres the boat does not cover (quays are not in the data).
   */
  ferrySailingSpeedKmh: number;
  fastBoatSailingSpeedKmh: number;
  /** Waiting for a ferry as a share of the time between departures (0.5: arrive at random)... */
  ferryWaitShare: number;
  /** ...but never more than this: a planner times the trip to the timetable. */
  ferryWaitCapMinutes: number;
}>;

/** Minutes a ferry link costs: sailing plus waiting = share × headway, capped. */
export function ferryMinutes(link: NetworkLink, p: NetworkParameters): number {
  const wait = Math.min(p.ferryWaitShare * (link.headwayMinutes ?? 0), p.ferryWaitCapMinutes);
  return (link.sailingMinutes ?? 0) + Math.max(0, wait);
}

/** Minutes per km of path through unsettled land. */
export function emptyMinutesPerKm(p: NetworkParameters): number {
  return (p.detourFactor / p.emptyLandSpeedKmh) * 60;
}

/** Minutes per km of path on a main road (trunk) and on a motorway. */
export function trunkMinutesPerKm(p: NetworkParameters): number {
  return (p.detourFactor / p.trunkRoadSpeedKmh) * 60;
}
export function motorwayMinutesPerKm(p: NetworkParameters): number {
  return (p.detourFactor / p.motorwaySpeedKmh) * 60;
}

/** The road minutes per path km a shortest route is chosen by, nationally. */
export type RoadCosts = Readonly<{ perKm: number; emptyPerKm: number; trunkPerKm: number; motorwayPerKm: number }>;

export function roadCosts(p: NetworkParameters): RoadCosts {
  return {
    perKm: minutesPerKm(p),
    emptyPerKm: emptyMinutesPerKm(p),
    trunkPerKm: trunkMinutesPerKm(p),
    motorwayPerKm: motorwayMinutesPerKm(p),
  };
}

/** Km of a route through settled land off the main roads. */
export function settledKm(r: Route): number {
  return r.roadKm - r.emptyKm - r.trunkKm - r.motorwayKm;
}

/**
 * A route's estimated minutes: the fixed part, the settled km off the main roads at the
 * county's speed, the main-road and motorway km at theirs, the unsettled km at the unsettled
 * speed, and the ferries.
 */
export function routeMinutes(r: Route, p: NetworkParameters, countyA?: string, countyB?: string): number {
  return (
    p.estimateFixedMinutes +
    settledKm(r) * minutesPerKm(p, countyA, countyB) +
    r.emptyKm * emptyMinutesPerKm(p) +
    r.trunkKm * trunkMinutesPerKm(p) +
    r.motorwayKm * motorwayMinutesPerKm(p) +
    r.ferryMinutes
  );
}

/** Minutes per straight-line km on the road, nationally or for a trip between two counties. */
export function minutesPerKm(p: NetworkParameters, countyA?: string, countyB?: string): number {
  const perKm = (speed: number | undefined): number => (p.detourFactor / (speed ?? p.roadSpeedKmh)) * 60;
  if (countyA === undefined) return perKm(undefined);
  const a = perKm(p.countyRoadSpeedKmh[countyA]);
  const b = perKm(p.countyRoadSpeedKmh[countyB ?? countyA]);
  return (a + b) / 2;
}

export type Node = Readonly<{ id: string; lat: number; lon: number }>;

/** What a shortest route is made of, to fit the parameters and to mark ferry routes. */
export type Route = Readonly<{
  minutes: number;
  /** All road km (path km; the detour factor is in the minutes per km). */
  roadKm: number;
  /** Of roadKm, through unsettled land (main roads included). */
  emptyKm: number;
  /** Of roadKm, through settled land on a European or national road, and on a motorway stretch of one. */
  trunkKm: number;
  motorwayKm: number;
  ferryMinutes: number;
  ferries: number;
}>;

type Edge = { to: number; km: number; empty: number; trunk: number; motorway: number; ferry: number; isFerry: boolean };

/**
 * A graph over `nodes` (the workbook's municipalities, which may carry their own points) and
 * every other point the network knows. A node the network does not know (or knows without
 * any link) is also joined to its `nearest` nearest points in a straight line, so a
 * municipality the boundary data does not know still gets an estimate.
 */
export class RoadGraph {
  readonly size: number;
  private readonly edges: Edge[][];
  private readonly ids: string[];
  private readonly index: Map<string, number>;
  private readonly points: Point[];

  constructor(nodes: readonly Node[], network: TravelNetwork, p: NetworkParameters, nearest = 3) {
    this.ids = nodes.map((n) => n.id);
    this.points = nodes.map((n) => ({ lat: n.lat, lon: n.lon }));
    this.index = new Map(this.ids.map((id, i) => [id, i]));
    for (const [id, point] of network.points) {
      if (this.index.has(id)) continue;
      this.index.set(id, this.ids.length);
      this.ids.push(id);
      this.points.push(point);
    }
    this.size = this.ids.length;
    this.edges = Array.from({ length: this.size }, () => []);
    // A ferry between two neighbours is there because no road goes round: it replaces their land link.
    const ferried = new Set(network.links.filter((l) => l.kind === 'ferry').map((l) => pairKey(l.a, l.b)));
    for (const link of network.links) {
      if ((link.kind === 'neighbour' || link.kind === 'transit') && ferried.has(pairKey(link.a, link.b))) continue;
      const i = this.index.get(link.a);
      const j = this.index.get(link.b);
      if (i === undefined || j === undefined || i === j) continue;
      if (link.kind === 'ferry') {
        const sailedKm = ((link.sailingMinutes ?? 0) / 60) * (link.fastBoat ? p.fastBoatSailingSpeedKmh : p.ferrySailingSpeedKmh);
        // The road to and from the quays: over each side's land where the quays are known
        // (pathKm), or else the part of the straight line between the centres not sailed.
        const km = link.pathKm ?? Math.max(0, this.km(i, j) - sailedKm);
        this.connect(i, j, km, ferryMinutes(link, p), true, Math.min(link.emptyKm ?? 0, km));
      } else {
        const km = link.pathKm ?? (link.via ? this.kmVia(i, link.via, j) : this.km(i, j));
        const ferry = link.accessFerry ? ferryMinutes(link.accessFerry, p) : 0;
        const main = link.mainRoad;
        const empty = link.emptyKm ?? 0;
        this.connect(i, j, km, ferry, ferry > 0, empty, main === 'trunk' ? km - empty : 0, main === 'motorway' ? km - empty : 0);
      }
    }
    for (let i = 0; i < nodes.length; i++) {
      if (network.points.has(this.ids[i]!) && this.edges[i]!.length > 0) continue;
      const byDistance = this.ids
        .map((_, j) => ({ j, km: this.km(i, j) }))
        .filter(({ j }) => j !== i)
        .sort((x, y) => x.km - y.km)
        .slice(0, nearest);
      for (const { j, km } of byDistance) this.connect(i, j, km, 0, false, 0);
    }
  }

  private km(i: number, j: number): number {
    const a = this.points[i]!;
    const b = this.points[j]!;
    return greatCircleKm(a.lat, a.lon, b.lat, b.lon);
  }

  private kmVia(i: number, via: Point, j: number): number {
    const a = this.points[i]!;
    const b = this.points[j]!;
    return greatCircleKm(a.lat, a.lon, via.lat, via.lon) + greatCircleKm(via.lat, via.lon, b.lat, b.lon);
  }

  private connect(i: number, j: number, km: number, ferry: number, isFerry: boolean, empty = 0, trunk = 0, motorway = 0): void {
    // Parallel links (neighbours that also have a ferry) are fine: the shortest route picks one.
    this.edges[i]!.push({ to: j, km, empty, trunk, motorway, ferry, isFerry });
    this.edges[j]!.push({ to: i, km, empty, trunk, motorway, ferry, isFerry });
  }

  /**
   * Shortest routes from node `source` to every node, by minutes at `perKm` road minutes per
   * km (`emptyPerKm` through unsettled land, `trunkPerKm` and `motorwayPerKm` on the main
   * roads; `perKm` when not given) plus ferry minutes (without the fixed minutes).
   * Unreachable nodes get Infinity.
   */
  routesFrom(source: number, perKm: number, emptyPerKm = perKm, trunkPerKm = perKm, motorwayPerKm = trunkPerKm): Route[] {
    const n = this.size;
    const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const km = new Float64Array(n);
    const empty = new Float64Array(n);
    const trunk = new Float64Array(n);
    const motorway = new Float64Array(n);
    const ferry = new Float64Array(n);
    const ferries = new Uint16Array(n);
    const done = new Uint8Array(n);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      for (const e of this.edges[u]!) {
        const nd =
          d +
          (e.km - e.empty - e.trunk - e.motorway) * perKm +
          e.empty * emptyPerKm +
          e.trunk * trunkPerKm +
          e.motorway * motorwayPerKm +
          e.ferry;
        if (nd < dist[e.to]! - 1e-9) {
          dist[e.to] = nd;
          km[e.to] = km[u]! + e.km;
          empty[e.to] = empty[u]! + e.empty;
          trunk[e.to] = trunk[u]! + e.trunk;
          motorway[e.to] = motorway[u]! + e.motorway;
          ferry[e.to] = ferry[u]! + e.ferry;
          ferries[e.to] = ferries[u]! + (e.isFerry ? 1 : 0);
          heap.push(nd, e.to);
        }
      }
    }
    return Array.from({ length: n }, (_, i) => ({
      minutes: dist[i]!,
      roadKm: km[i]!,
      emptyKm: empty[i]!,
      trunkKm: trunk[i]!,
      motorwayKm: motorway[i]!,
      ferryMinutes: ferry[i]!,
      ferries: ferries[i]!,
    }));
  }
}

/** A binary min-heap of (key, value) pairs for Dijkstra. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const k = this.keys;
    const v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (k[parent]! <= key) break;
      k[i] = k[parent]!;
      v[i] = v[parent]!;
      i = parent;
    }
    k[i] = key;
    v[i] = value;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.values;
    const top: [number, number] = [k[0]!, v[0]!];
    const lastK = k.pop()!;
    const lastV = v.pop()!;
    const n = k.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && k[r]! < k[l]! ? r : l;
        if (k[c]! >= lastK) break;
        k[i] = k[c]!;
        v[i] = v[c]!;
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}
