import { DEFAULT_PARAMETERS, withParameters } from '../../src/domain/parameters';
import type { Municipality, MunicipalityNumber } from '../../src/domain/types';
import { greatCircleKm } from '../../src/travel/geo';
import { buildTravelMatrix, travelMinutes, travelProvenance, travelViaFerry, type TravelEntry } from '../../src/travel/matrix';
import { ferryMinutes, minutesPerKm, RoadGraph, type NetworkLink, type TravelNetwork } from '../../src/travel/network';
import { validateTravel } from '../../src/travel/validate';

const n = (s: string) => s as MunicipalityNumber;
const p = withParameters({ estimateFixedMinutes: 10, detourFactor: 1, roadSpeedKmh: 60, countyRoadSpeedKmh: {} }); // 1 min per km
const KM = greatCircleKm(65, 14, 65.1, 14); // 0.1° of latitude, ≈ 11.12 km

/** Points 0.1° apart on one meridian: A–B–C–D by land, E an island off A, F an island beyond E. */
const POINTS: Record<string, [number, number]> = {
  '9001': [65.0, 14],
  '9002': [65.1, 14],
  '9003': [65.2, 14],
  '9004': [65.3, 14],
  '9005': [65.0, 13.9],
  '9006': [65.0, 13.8],
};
function network(extra: NetworkLink[] = []): TravelNetwork {
  return {
    points: new Map(Object.entries(POINTS).map(([id, [lat, lon]]) => [id, { lat, lon }])),
    links: [
      { a: '9001', b: '9002', kind: 'neighbour' },
      { a: '9002', b: '9003', kind: 'neighbour' },
      { a: '9003', b: '9004', kind: 'neighbour' },
      { a: '9005', b: '9001', kind: 'ferry', sailingMinutes: 20, headwayMinutes: 40 },
      ...extra,
    ],
  };
}
function nodes(ids: string[]) {
  return ids.map((id) => ({ id, lat: POINTS[id]![0], lon: POINTS[id]![1] }));
}
function municipalities(ids: string[]): Municipality[] {
  return ids.map((id, row) => ({ number: n(id), name: id, population: 1000, county: '90', lat: POINTS[id]![0], lon: POINTS[id]![1], row }));
}

describe('ferry waiting', () => {
  it('is the share of the headway, capped', () => {
    const q = withParameters({ ferryWaitShare: 0.5, ferryWaitCapMinutes: 30 });
    expect(ferryMinutes({ a: 'x', b: 'y', kind: 'ferry', sailingMinutes: 25, headwayMinutes: 40 }, q)).toBe(45);
    expect(ferryMinutes({ a: 'x', b: 'y', kind: 'ferry', sailingMinutes: 25, headwayMinutes: 720 }, q)).toBe(55);
    expect(
      ferryMinutes({ a: 'x', b: 'y', kind: 'ferry', sailingMinutes: 25, headwayMinutes: 720 }, withParameters({ ferryWaitShare: 0 })),
    ).toBe(25);
  });
});

describe('main roads', () => {
  // Four points in a row: 9001–9002 on a motorway, 9002–9003 on a national road (half its km
  // through unsettled land), 9003–9004 an ordinary road; 1 min per km off the main roads.
  const q = withParameters({
    estimateFixedMinutes: 0,
    detourFactor: 1,
    roadSpeedKmh: 60,
    emptyLandSpeedKmh: 30,
    trunkRoadSpeedKmh: 80,
    motorwaySpeedKmh: 100,
    countyRoadSpeedKmh: { '90': 40 },
  });
  const roads: TravelNetwork = {
    points: network().points,
    links: [
      { a: '9001', b: '9002', kind: 'neighbour', pathKm: 10, emptyKm: 0, mainRoad: 'motorway' },
      { a: '9002', b: '9003', kind: 'neighbour', pathKm: 10, emptyKm: 5, mainRoad: 'trunk' },
      { a: '9003', b: '9004', kind: 'neighbour', pathKm: 10, emptyKm: 0 },
    ],
  };

  it('drives a main road at its speed, its mountain stretches at the unsettled speed, and the rest at the county speed', () => {
    const { matrix: m } = buildTravelMatrix(municipalities(['9001', '9002', '9003', '9004']), [], q, roads);
    // Motorway 10 km at 100 km/h = 6 min; national road 5 km at 80 = 3.75 min and 5 km unsettled
    // at 30 = 10 min; the ordinary road 10 km at the county's 40 km/h = 15 min.
    expect(travelMinutes(m, n('9001'), n('9002'))).toBeCloseTo(6, 6);
    expect(travelMinutes(m, n('9002'), n('9003'))).toBeCloseTo(3.75 + 10, 6);
    expect(travelMinutes(m, n('9003'), n('9004'))).toBeCloseTo(15, 6);
    expect(travelMinutes(m, n('9001'), n('9004'))).toBeCloseTo(6 + 13.75 + 15, 6);
  });

  it('chooses the motorway round rather than the shorter ordinary road when it is quicker', () => {
    // A direct ordinary road 9001–9003 of 15 km (15 min at 60 km/h) against 20 km of main road (13.5 min).
    const both: TravelNetwork = {
      ...roads,
      links: [
        { a: '9001', b: '9002', kind: 'neighbour', pathKm: 10, emptyKm: 0, mainRoad: 'motorway' },
        { a: '9002', b: '9003', kind: 'neighbour', pathKm: 10, emptyKm: 0, mainRoad: 'motorway' },
        { a: '9001', b: '9003', kind: 'neighbour', pathKm: 15, emptyKm: 0 },
      ],
    };
    const national = { ...q, countyRoadSpeedKmh: {} };
    const g = new RoadGraph(nodes(['9001', '9002', '9003']), both, national);
    const r = g.routesFrom(0, minutesPerKm(national), minutesPerKm(national), 1, 0.6)[2]!;
    expect(r.roadKm).toBeCloseTo(20, 6);
    expect(r.motorwayKm).toBeCloseTo(20, 6);
    expect(r.trunkKm).toBe(0);
  });
});

describe('shortest routes', () => {
  it('goes through neighbours, not in a straight line, and over a ferry where there is no road', () => {
    const g = new RoadGraph(nodes(['9001', '9002', '9003', '9004', '9005']), network(), p);
    const routes = g.routesFrom(0, minutesPerKm(p));
    expect(routes[3]!.roadKm).toBeCloseTo(3 * KM, 6);
    expect(routes[3]!.ferries).toBe(0);
    // The island: ferry 20 + half of 40, then A to D by road.
    expect(routes[4]!.ferryMinutes).toBe(40);
    expect(routes[4]!.ferries).toBe(1);
    expect(g.routesFrom(4, minutesPerKm(p))[3]!.minutes).toBeCloseTo(40 + 3 * KM, 6);
  });

  it('crosses a border at its border point, so a fjord is driven round', () => {
    const via = { lat: 65.05, lon: 14.5 };
    const g = new RoadGraph(
      nodes(['9001', '9002']),
      { points: network().points, links: [{ a: '9001', b: '9002', kind: 'neighbour', via }] },
      p,
    );
    const legs = greatCircleKm(65, 14, via.lat, via.lon) + greatCircleKm(via.lat, via.lon, 65.1, 14);
    expect(g.routesFrom(0, 1)[1]!.roadKm).toBeCloseTo(legs, 6);
    expect(legs).toBeGreaterThan(2 * KM);
  });

  it('takes the ferry instead of the land link between two neighbours it joins', () => {
    const net = network([{ a: '9002', b: '9003', kind: 'ferry', sailingMinutes: 50, headwayMinutes: 60 }]);
    const g = new RoadGraph(nodes(['9002', '9003']), net, p);
    expect(g.routesFrom(0, 1)[1]).toMatchObject({ ferryMinutes: 80, ferries: 1, roadKm: 0 });
  });

  it('joins a municipality the network does not know to its nearest points', () => {
    const g = new RoadGraph([...nodes(['9001']), { id: '9999', lat: 65.25, lon: 14 }], network(), p);
    const toStranger = g.routesFrom(0, 1)[1]!;
    expect(Number.isFinite(toStranger.minutes)).toBe(true);
    expect(toStranger.roadKm).toBeCloseTo(2.5 * KM, 1);
  });
});

describe('buildTravelMatrix', () => {
  const ms = municipalities(['9001', '9002', '9003', '9004', '9005']);

  it('keeps given times, mirrors one-way ones and estimates the rest along routes, marking ferries', () => {
    const entries: TravelEntry[] = [
      { from: n('9001'), to: n('9002'), minutes: 7, provenance: 'given' },
      { from: n('9003'), to: n('9002'), minutes: 9, provenance: 'given', viaFerry: true },
    ];
    const { matrix, missing, straightLine } = buildTravelMatrix(ms, entries, p, network());
    expect(missing).toEqual([]);
    expect(straightLine).toEqual([]);
    expect(travelMinutes(matrix, n('9001'), n('9002'))).toBe(7);
    expect(travelMinutes(matrix, n('9002'), n('9001'))).toBe(7);
    expect(travelProvenance(matrix, n('9002'), n('9001'))).toBe('given');
    expect(travelViaFerry(matrix, n('9002'), n('9003'))).toBe(true);
    expect(travelProvenance(matrix, n('9001'), n('9004'))).toBe('estimated');
    expect(travelMinutes(matrix, n('9001'), n('9004'))).toBeCloseTo(10 + 3 * KM, 6);
    expect(travelViaFerry(matrix, n('9001'), n('9004'))).toBe(false);
    expect(travelMinutes(matrix, n('9005'), n('9002'))).toBeCloseTo(10 + 40 + KM, 6);
    expect(travelViaFerry(matrix, n('9005'), n('9002'))).toBe(true);
  });

  it('uses each county’s speed, the mean of the two for a trip between counties', () => {
    const q = withParameters({ estimateFixedMinutes: 0, detourFactor: 1, roadSpeedKmh: 60, countyRoadSpeedKmh: { '90': 30, '91': 60 } });
    const two = municipalities(['9001', '9002']).map((m, i) => ({ ...m, county: i === 0 ? '90' : '91' }));
    const { matrix } = buildTravelMatrix(two, [], q, network());
    expect(travelMinutes(matrix, n('9001'), n('9002'))).toBeCloseTo(KM * 1.5, 6);
  });

  it('without a network estimates in a straight line; without coordinates reports the pair missing', () => {
    const noPoint: Municipality = { number: n('9100'), name: 'Uten', population: 5, county: '90', row: 7 };
    const { matrix, missing } = buildTravelMatrix([...ms.slice(0, 2), noPoint], [], DEFAULT_PARAMETERS);
    const q = DEFAULT_PARAMETERS;
    expect(travelMinutes(matrix, n('9001'), n('9002'))).toBeCloseTo(
      q.estimateFixedMinutes + (KM * q.detourFactor * 60) / q.roadSpeedKmh,
      6,
    );
    expect(missing).toEqual(
      expect.arrayContaining([
        { from: n('9001'), to: n('9100') },
        { from: n('9100'), to: n('9002') },
      ]),
    );
    expect(Number.isNaN(travelMinutes(matrix, n('9001'), n('9100')))).toBe(true);
  });

  it('falls back to a straight line, and says so, where the network has no route', () => {
    // E and F are joined by a bridge, but no ferry reaches them.
    const cut: TravelNetwork = {
      ...network(),
      links: [...network().links.filter((l) => l.kind !== 'ferry'), { a: '9005', b: '9006', kind: 'bridge' }],
    };
    const { straightLine } = buildTravelMatrix(ms, [], p, cut);
    expect(straightLine.filter((s) => s.from === '9005')).toHaveLength(4);
    expect(straightLine.every((s) => s.from === '9005' || s.to === '9005')).toBe(true);
  });
});

describe('validateTravel', () => {
  const ms = municipalities(['9001', '9002', '9003']);
  const given = (from: string, to: string, minutes: number, cell: string): TravelEntry => ({
    from: n(from),
    to: n(to),
    minutes,
    provenance: 'given',
    sheet: 'Reisetid',
    cell,
  });
  const check = (entries: TravelEntry[]) => {
    const { matrix, missing } = buildTravelMatrix(ms, entries, p);
    return validateTravel(matrix, entries, missing, { travelAsymmetryMinutes: 10, travelTriangleSlackMinutes: 5 });
  };

  it('accepts consistent times', () => {
    expect(check([given('9001', '9002', 10, 'C2'), given('9002', '9003', 10, 'C3'), given('9001', '9003', 20, 'C4')])).toEqual([]);
  });

  it('reports zeros, asymmetry beyond the tolerance and a direct time longer than a two-leg path, at their cells', () => {
    const findings = check([
      given('9001', '9002', 10, 'C2'),
      given('9002', '9001', 15, 'C3'), // 5 min apart: within tolerance
      given('9002', '9003', 10, 'C4'),
      given('9003', '9002', 40, 'C5'), // 30 min apart
      given('9001', '9003', 60, 'C6'), // via 9002: 20
      given('9003', '9001', 0, 'C7'),
    ]);
    expect(findings).toEqual(
      expect.arrayContaining([
        { kind: 'asymmetric', from: '9002', to: '9003', minutes: 10, back: 40, sheet: 'Reisetid', cell: 'C4' },
        { kind: 'triangle', from: '9001', to: '9003', minutes: 60, via: '9002', viaMinutes: 20, sheet: 'Reisetid', cell: 'C6' },
        { kind: 'zero', from: '9003', to: '9001', sheet: 'Reisetid', cell: 'C7' },
      ]),
    );
    expect(findings.filter((f) => f.kind === 'asymmetric')).toHaveLength(1);
  });
});
