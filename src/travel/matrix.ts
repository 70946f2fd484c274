import type { Municipality, MunicipalityNumber, Provenance, TravelMatrix, WithinSource } from '../domain/types';
import { greatCircleKm } from './geo';
import { minutesPerKm, RoadGraph, roadCosts, routeMinutes, type NetworkParameters, type TravelNetwork } from './network';

/** One travel time as read from a sheet. */
export type TravelEntry = Readonly<{
  from: MunicipalityNumber;
  to: MunicipalityNumber;
  minutes: number;
  provenance: Provenance;
  /** The time includes a ferry (the sheet's `ferje` column). */
  viaFerry?: boolean;
  /** Where it was read, to address checks at the planner's cell. */
  sheet?: string;
  cell?: string;
}>;

/** A pair that could be neither read nor estimated. */
export type MissingPair = Readonly<{ from: MunicipalityNumber; to: MunicipalityNumber }>;

export type TravelBuild = Readonly<{
  matrix: TravelMatrix;
  missing: MissingPair[];
  /** Estimated pairs with no road or ferry between them in the network: straight line only. */
  straightLine: MissingPair[];
}>;

/**
 * The full matrix over `municipalities`: given entries first; a pair given one way only is
 * used for the other way too; the rest estimated where both ends have coordinates, along the
 * shortest route over `network` (neighbours, bridges, tunnels, ferries), or in a straight
 * line when there is no network or no route; what remains is NaN and listed as missing.
 */
export function buildTravelMatrix(
  municipalities: readonly Municipality[],
  entries: readonly TravelEntry[],
  params: NetworkParameters,
  network?: TravelNetwork,
): TravelBuild {
  const n = municipalities.length;
  const numbers = municipalities.map((m) => m.number);
  const index = new Map(numbers.map((num, i) => [num, i]));
  const minutes = Array.from({ length: n }, () => new Float64Array(n).fill(Number.NaN));
  const viaFerry = Array.from({ length: n }, () => new Uint8Array(n));
  const provenance: (Provenance | undefined)[][] = Array.from({ length: n }, () => new Array<Provenance | undefined>(n));
  for (let i = 0; i < n; i++) {
    minutes[i]![i] = 0;
    provenance[i]![i] = 'given';
  }
  for (const e of entries) {
    const i = index.get(e.from);
    const j = index.get(e.to);
    if (i === undefined || j === undefined || i === j) continue;
    // A given time beats an estimate of the same pair, in the same sheet or another, whatever the order.
    if (e.provenance === 'estimated' && provenance[i]![j] === 'given') continue;
    minutes[i]![j] = e.minutes;
    provenance[i]![j] = e.provenance;
    viaFerry[i]![j] = e.viaFerry ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      // A pair given one way is used the other way too, where that way is missing or only an
      // estimate marked so in the planner's sheet.
      const reverseGiven = provenance[j]![i] === 'given' && provenance[i]![j] === 'estimated';
      if ((Number.isNaN(minutes[i]![j]!) || reverseGiven) && !Number.isNaN(minutes[j]![i]!)) {
        minutes[i]![j] = minutes[j]![i]!;
        provenance[i]![j] = provenance[j]![i];
        viaFerry[i]![j] = viaFerry[j]![i]!;
      }
    }
  }

  // Graph nodes: the municipalities with a point, in order (then the network's other points).
  const graphIndex = new Map<number, number>();
  const nodes: { id: string; lat: number; lon: number }[] = [];
  municipalities.forEach((m, i) => {
    if (m.lat === undefined || m.lon === undefined) return;
    graphIndex.set(i, nodes.length);
    nodes.push({ id: m.number, lat: m.lat, lon: m.lon });
  });
  const graph = network && new RoadGraph(nodes, network, params);
  const costs = roadCosts(params);

  const missing: MissingPair[] = [];
  const straightLine: MissingPair[] = [];
  for (let i = 0; i < n; i++) {
    const a = municipalities[i]!;
    let routes: ReturnType<RoadGraph['routesFrom']> | undefined;
    for (let j = 0; j < n; j++) {
      if (!Number.isNaN(minutes[i]![j]!)) continue;
      const b = municipalities[j]!;
      if (!graphIndex.has(i) || !graphIndex.has(j)) {
        missing.push({ from: a.number, to: b.number });
        continue;
      }
      const perKm = minutesPerKm(params, a.county, b.county);
      provenance[i]![j] = 'estimated';
      if (graph) routes ??= graph.routesFrom(graphIndex.get(i)!, costs.perKm, costs.emptyPerKm, costs.trunkPerKm, costs.motorwayPerKm);
      const route = routes?.[graphIndex.get(j)!];
      if (route && Number.isFinite(route.minutes)) {
        minutes[i]![j] = routeMinutes(route, params, a.county, b.county);
        viaFerry[i]![j] = route.ferries > 0 ? 1 : 0;
      } else {
        minutes[i]![j] = params.estimateFixedMinutes + greatCircleKm(a.lat!, a.lon!, b.lat!, b.lon!) * perKm;
        if (graph) straightLine.push({ from: a.number, to: b.number });
      }
    }
  }
  const within = new Float64Array(n);
  const withinSource: WithinSource[] = municipalities.map((m, i) => {
    const w = withinMunicipality(m, params);
    within[i] = w.minutes;
    return w.source;
  });
  return { matrix: { numbers, minutes, provenance, viaFerry, within, withinSource }, missing, straightLine };
}

/**
 * A municipality's inhabitants' mean minutes to its own centre: the planner's figure, else
 * TØI's own-region time, else the estimate from the grid's mean straight-line km to the centre
 * (`withinFixedMinutes` + `withinMinutesPerKm` × km); 0 and unknown without any of them.
 */
export function withinMunicipality(m: Municipality, p: NetworkParameters): { minutes: number; source: WithinSource } {
  const w = m.within;
  if (w?.minutes !== undefined && w.source) return { minutes: w.minutes, source: w.source };
  if (w?.meanKmToCentre !== undefined)
    return { minutes: p.withinFixedMinutes + p.withinMinutesPerKm * w.meanKmToCentre, source: 'estimated' };
  return { minutes: 0, source: 'unknown' };
}

/**
 * Mean minutes for the inhabitants of `from` to reach a service point in `to`'s centre. Inside
 * their own municipality it is the within-municipality time W; to another municipality's centre
 * it is √(T² + W²), with T the centre-to-centre time: T when the other centre is far compared
 * with how spread out the inhabitants are, W when it is near (an assumption, docs/travel.md).
 */
export function usersMinutes(matrix: TravelMatrix, from: MunicipalityNumber, to: MunicipalityNumber): number {
  const i = indexIn(matrix, from);
  const j = indexIn(matrix, to);
  if (i < 0 || j < 0) return Number.NaN;
  return usersMinutesAt(matrix, i, j);
}

/** usersMinutes by index into `matrix.numbers`. */
export function usersMinutesAt(matrix: TravelMatrix, i: number, j: number): number {
  const w = matrix.within[i]!;
  if (i === j) return w;
  const t = matrix.minutes[i]![j]!;
  return Math.sqrt(t * t + w * w);
}

/** Where a municipality's within-municipality time comes from. */
export function withinSourceOf(matrix: TravelMatrix, n: MunicipalityNumber): WithinSource | undefined {
  const i = indexIn(matrix, n);
  return i < 0 ? undefined : matrix.withinSource[i];
}

/** How many ordered pairs (off the diagonal) are given, estimated, and include a ferry. */
export function countPairs(matrix: TravelMatrix): { given: number; estimated: number; viaFerry: number } {
  const counts = { given: 0, estimated: 0, viaFerry: 0 };
  const n = matrix.numbers.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const p = matrix.provenance[i]![j];
      if (p !== undefined) counts[p]++;
      if (matrix.viaFerry[i]![j]) counts.viaFerry++;
    }
  }
  return counts;
}

// Index of each number per matrix, built once: scoring looks pairs up for every member.
const indexes = new WeakMap<TravelMatrix, ReadonlyMap<string, number>>();
function indexIn(matrix: TravelMatrix, n: MunicipalityNumber): number {
  let index = indexes.get(matrix);
  if (!index) {
    index = new Map(matrix.numbers.map((num, i) => [num as string, i]));
    indexes.set(matrix, index);
  }
  return index.get(n) ?? -1;
}

/** Minutes from one municipality to another, NaN when unknown or not in the matrix. */
export function travelMinutes(matrix: TravelMatrix, from: MunicipalityNumber, to: MunicipalityNumber): number {
  const i = indexIn(matrix, from);
  const j = indexIn(matrix, to);
  if (i < 0 || j < 0) return Number.NaN;
  return matrix.minutes[i]![j]!;
}

export function travelProvenance(matrix: TravelMatrix, from: MunicipalityNumber, to: MunicipalityNumber): Provenance | undefined {
  const i = indexIn(matrix, from);
  const j = indexIn(matrix, to);
  if (i < 0 || j < 0) return undefined;
  return matrix.provenance[i]![j];
}

/** True when the time from one to the other includes a ferry (given so, or on the estimated route). */
export function travelViaFerry(matrix: TravelMatrix, from: MunicipalityNumber, to: MunicipalityNumber): boolean {
  const i = indexIn(matrix, from);
  const j = indexIn(matrix, to);
  if (i < 0 || j < 0) return false;
  return matrix.viaFerry[i]![j] === 1;
}
