import { readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedNetwork, parseLinkPaths } from '../../src/data/network';
import type { EmbeddedMunicipality } from '../../src/data/embedded';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { pairKey, RoadGraph } from '../../src/travel/network';
import { greatCircleKm } from '../../src/travel/geo';
import { withParameters } from '../../src/domain/parameters';

const HEAD = 'kommune_a,kommune_b,rett_km,bebodd_km,ubebodd_km,annen_km,innsjo_km,sjo_km,sti_km,veg,via,hovedveg';
const municipality = (number: string, lat: number): EmbeddedMunicipality => ({ number, lat, lon: 14 }) as unknown as EmbeddedMunicipality;

describe('transit paths (scripts/build-links.mjs: through a municipality without passing its centre)', () => {
  const links = [
    HEAD,
    '9001,9002,10,12,0,0,0,0,12,ja,,hovedveg',
    '9002,9003,10,12,0,0,0,0,12,ja,,hovedveg',
    '9001,9003,20,15,3,0,0,0,18,ja,9002,hovedveg',
    // Two neighbours that meet only at sea, joined round by land through 9002.
    '9003,9004,5,,,,,,,nei,,',
    '9002,9004,10,12,0,0,0,0,12,ja,,',
    '9003,9004,15,20,0,0,0,0,20,ja,9002,',
    // An island without a fixed link takes no part.
    '9005,9002,10,12,0,0,0,0,12,ja,,',
    '9005,9003,20,20,0,0,0,0,20,ja,9002,',
  ].join('\n');

  it('keeps transit rows apart from the neighbours, so a neighbour with no road keeps its row', () => {
    const { neighbours, transit } = parseLinkPaths(links);
    expect(neighbours.get(pairKey('9003', '9004'))).toMatchObject({ road: false });
    expect(transit.get(pairKey('9003', '9004'))).toMatchObject({ road: true, pathKm: 20, via: ['9002'] });
    expect(transit.get(pairKey('9001', '9003'))).toEqual({
      a: '9001',
      b: '9003',
      pathKm: 18,
      emptyKm: 3,
      road: true,
      mainRoad: 'trunk',
      via: ['9002'],
    });
  });

  it('joins the two ends in the network, with the road class and roadless km, except an island', () => {
    const data = ['9001', '9002', '9003', '9004', '9005'].map((id, i) => municipality(id, 65 + i / 10));
    const net = embeddedNetwork(data, {
      neighbours: 'kommune_a,kommune_b\n9001,9002\n9002,9003\n9003,9004\n9002,9004\n9005,9002',
      crossings: 'fra,til,type,seiletid_min,intervall_min,strekning,kilde',
      links,
      islands: 'knr,fastlandsforbindelse,kilde\n9005,nei,test',
    });
    const transit = net.links.filter((l) => l.kind === 'transit');
    expect(transit.map((l) => pairKey(l.a, l.b)).sort()).toEqual([pairKey('9001', '9003'), pairKey('9003', '9004')]);
    expect(transit.find((l) => pairKey(l.a, l.b) === pairKey('9001', '9003'))).toMatchObject({ pathKm: 18, emptyKm: 3, mainRoad: 'trunk' });
    // The neighbours that meet only at sea still have no land link of their own.
    expect(net.links.some((l) => l.kind === 'neighbour' && pairKey(l.a, l.b) === pairKey('9003', '9004'))).toBe(false);
  });
});

describe('the shipped transit paths', () => {
  const text = readFileSync(path.join(__dirname, '../../assets/lenker_2024.csv'), 'utf8');
  const { neighbours, transit } = parseLinkPaths(text);

  it('are each shorter than the chain through a via’s centre, over no more roadless land', () => {
    expect(transit.size).toBeGreaterThan(0);
    for (const t of transit.values()) {
      const { a, b: c } = t;
      const chains = t.via!.map((b) => [neighbours.get(pairKey(a, b)), neighbours.get(pairKey(b, c))]);
      expect(chains.every(([x, y]) => x?.road && y?.road)).toBe(true);
      const best = chains
        .map(([x, y]) => ({ km: x!.pathKm + y!.pathKm, empty: x!.emptyKm + y!.emptyKm }))
        .reduce((p, q) => (q.km < p.km ? q : p));
      expect(t.pathKm).toBeLessThan(best.km);
      expect(t.emptyKm).toBeLessThanOrEqual(best.empty + 1.05);
    }
  });

  it('take Honningsvåg to Hammerfest along the E69 and E6 without the detour to Lakselv', () => {
    // Nordkapp (5620) and Hammerfest (5603) share Porsanger (5622); its centre, Lakselv, lies
    // some 50 km south of the Olderfjord junction both roads pass.
    const t = transit.get(pairKey('5603', '5620'));
    expect(t?.via).toEqual(['5622']);
    const chain = neighbours.get(pairKey('5620', '5622'))!.pathKm + neighbours.get(pairKey('5622', '5603'))!.pathKm;
    expect(chain - t!.pathKm).toBeGreaterThan(50);
    const data = loadEmbedded();
    expect(loadNetwork(data).links.some((l) => l.kind === 'transit' && pairKey(l.a, l.b) === pairKey('5603', '5620'))).toBe(true);
  });
});

describe('bridges and tunnels with their position (ferjer_og_bruer_2024.csv: via_lat, via_lon)', () => {
  const HEAD_X = 'fra,til,type,seiletid_min,intervall_min,strekning,kilde,kilde_url,merknad,via_lat,via_lon';

  it('routes centre → crossing → centre, and a row without a position in a straight line', () => {
    const data = [municipality('9001', 65), municipality('9002', 65.1), municipality('9003', 65.2)];
    const crossings = [HEAD_X, '9001,9002,tunnel,,,Fjordtunnelen,test,,,65.05,14.5', '9002,9003,bru,,,Sundbrua,test,,,,'].join('\n');
    const net = embeddedNetwork(data, { neighbours: 'kommune_a,kommune_b', crossings });
    const tunnel = net.links.find((l) => l.route === 'Fjordtunnelen')!;
    expect(tunnel.via).toEqual({ lat: 65.05, lon: 14.5 });
    expect(net.links.find((l) => l.route === 'Sundbrua')!.via).toBeUndefined();
    const graph = new RoadGraph(
      data.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon })),
      net,
      withParameters({ detourFactor: 1 }),
    );
    const legs = greatCircleKm(65, 14, 65.05, 14.5) + greatCircleKm(65.05, 14.5, 65.1, 14);
    const [toTunnel, toBridge] = [graph.routesFrom(0, 1)[1]!, graph.routesFrom(1, 1)[2]!];
    expect(toTunnel.roadKm).toBeCloseTo(legs, 6);
    expect(toBridge.roadKm).toBeCloseTo(greatCircleKm(65.1, 14, 65.2, 14), 6);
  });

  it('takes the road km over the land of each side from kryssinger_2024.csv, and refuses a crossing without its row', () => {
    const data = [municipality('9001', 65), municipality('9002', 65.1)];
    const crossings = `${HEAD_X}\n9001,9002,tunnel,,,Fjordtunnelen,test,,,65.05,14.5`;
    const crossingPaths = 'fra,til,strekning,rett_km,sti_km,ubebodd_km,kryssing_km\n9001,9002,Fjordtunnelen,30.4,41.5,2.5,4.0';
    const net = embeddedNetwork(data, { neighbours: 'kommune_a,kommune_b', crossings, crossingPaths });
    expect(net.links.find((l) => l.route === 'Fjordtunnelen')).toMatchObject({ pathKm: 41.5, emptyKm: 2.5 });
    const graph = new RoadGraph(
      data.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon })),
      net,
      withParameters({ detourFactor: 1 }),
    );
    expect(graph.routesFrom(0, 1)[1]!.roadKm).toBeCloseTo(41.5, 6);
    expect(() =>
      embeddedNetwork(data, {
        neighbours: 'kommune_a,kommune_b',
        crossings,
        crossingPaths: 'fra,til,strekning,rett_km,sti_km,ubebodd_km,kryssing_km',
      }),
    ).toThrow(/kryssinger_2024\.csv: no row for Fjordtunnelen/);
  });

  it('drives a ferry to its quays over each side where kryssinger_2024.csv has its row, and else the straight line not sailed', () => {
    const data = [municipality('9001', 65), municipality('9002', 65.5), municipality('9003', 66)];
    const crossings = [HEAD_X, '9001,9002,ferje,30,60,Kaia–Vika,test,,,,', '9002,9003,ferje,30,60,Vika–Nes,test,,,,'].join('\n');
    const crossingPaths = 'fra,til,strekning,rett_km,sti_km,ubebodd_km,kryssing_km\n9001,9002,Kaia–Vika,55.6,38.2,4.0,0.3';
    const net = embeddedNetwork(data, { neighbours: 'kommune_a,kommune_b', crossings, crossingPaths });
    const p = withParameters({ detourFactor: 1 });
    const graph = new RoadGraph(
      data.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon })),
      net,
      p,
    );
    const sailed = (30 / 60) * p.ferrySailingSpeedKmh;
    expect(graph.routesFrom(0, 1)[1]!.roadKm).toBeCloseTo(38.2, 6);
    expect(graph.routesFrom(0, 1)[1]!.emptyKm).toBeCloseTo(4.0, 6);
    expect(graph.routesFrom(1, 1)[2]!.roadKm).toBeCloseTo(greatCircleKm(65.5, 14, 66, 14) - sailed, 6);
  });

  it('the shipped crossings: every bridge and tunnel with a position has its road km, and the subsea tunnels to Giske and Frøya come out near the published km', () => {
    const crossingsText = readFileSync(path.join(__dirname, '../../assets/ferjer_og_bruer_2024.csv'), 'utf8');
    const pathsText = readFileSync(path.join(__dirname, '../../assets/kryssinger_2024.csv'), 'utf8');
    const data = loadEmbedded();
    const net = loadNetwork(data);
    const fixed = net.links.filter((l) => (l.kind === 'bridge' || l.kind === 'tunnel') && l.via);
    const withQuays = net.links.filter((l) => l.kind === 'ferry' && l.pathKm !== undefined);
    expect(fixed.length + withQuays.length).toBe(pathsText.trim().split('\n').length - 1);
    expect(crossingsText).toContain('portal_fra_lat');
    for (const l of fixed) expect(l.pathKm).toBeGreaterThan(0);
    const p = withParameters({});
    const graph = new RoadGraph(
      data.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon })),
      net,
      p,
    );
    const at = (id: string): number => data.findIndex((m) => m.number === id);
    // Road km: the path's km times the detour factor, as the minutes take them.
    const roadKm = (a: string, b: string): number => graph.routesFrom(at(a), 1)[at(b)]!.roadKm * p.detourFactor;
    // Giske kommune: "Avstand til Ålesund: 10 km" through the Valderøy and Ellingsøy tunnels;
    // Trøndelag Reiseliv: Frøya–Hitra 31 km through the Frøya tunnel. In straight lines through
    // one point of the crossing they came out 6.7 and 20.2 km.
    expect(Math.abs(roadKm('1532', '1508') / 10 - 1)).toBeLessThan(0.2);
    expect(roadKm('5014', '5056') / 31).toBeGreaterThan(0.7);
  });

  it('refuses a half-given or impossible position, naming the crossing', () => {
    const data = [municipality('9001', 65), municipality('9002', 65.1)];
    for (const row of ['9001,9002,tunnel,,,Fjordtunnelen,test,,,65.05,', '9001,9002,tunnel,,,Fjordtunnelen,test,,,650.5,14'])
      expect(() => embeddedNetwork(data, { neighbours: 'kommune_a,kommune_b', crossings: `${HEAD_X}\n${row}` })).toThrow(
        /Fjordtunnelen.*via_lat/,
      );
  });
});
