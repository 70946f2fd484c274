import { readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedNetwork, parseLinkPaths } from '../../src/data/network';
import type { EmbeddedMunicipality } from '../../src/data/embedded';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { pairKey } from '../../src/travel/network';

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
    expect(transit.get(pairKey('9001', '9003'))).toEqual({ pathKm: 18, emptyKm: 3, road: true, mainRoad: 'trunk', via: ['9002'] });
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
    for (const [key, t] of transit) {
      const [a, c] = key.split('-') as [string, string];
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
