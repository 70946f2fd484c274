import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadNetwork } from '../../src/cli/common';
import { calibrationPairs, embeddedPairRoutes } from '../../src/data/network';
import { DEFAULT_PARAMETERS, FITTED_TRAVEL_PARAMETERS, withParameters } from '../../src/domain/parameters';
import {
  accuracyOf,
  crossValidate,
  fitParameters,
  PairRoutes,
  PLAUSIBLE_FIXED_MINUTES,
  PLAUSIBLE_MOTORWAY_SPEED_KMH,
  PLAUSIBLE_SPEED_KMH,
  predict,
  quantile,
  type CalibrationPair,
} from '../../src/travel/calibrate';
import { greatCircleKm } from '../../src/travel/geo';
import { RoadGraph, type TravelNetwork } from '../../src/travel/network';
import { embedded } from '../builders';

describe('quantile and accuracy', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.9)).toBe(9);
  });
  it('reports absolute and percentage errors', () => {
    expect(accuracyOf([12, 18, 30], [10, 20, 40])).toEqual({
      pairs: 3,
      medianAbsErrorMinutes: 2,
      p90AbsErrorMinutes: 8.4,
      medianAbsPercentError: 20,
    });
  });
});

describe('fitParameters', () => {
  it('recovers the fixed minutes and speed that made the times', () => {
    // Ten points in a row, 0.1° apart, each a neighbour of the next; times made at 8 min + 70 km/h
    // and their users 5 min from their own centre.
    const ids = Array.from({ length: 10 }, (_, i) => String(9000 + i));
    const points = new Map(ids.map((id, i) => [id, { lat: 65 + i * 0.1, lon: 14 }]));
    const network: TravelNetwork = { points, links: ids.slice(1).map((id, i) => ({ a: ids[i]!, b: id, kind: 'neighbour' as const })) };
    const truth = withParameters({ estimateFixedMinutes: 8, detourFactor: 1, roadSpeedKmh: 70, countyRoadSpeedKmh: {} });
    const km = greatCircleKm(65, 14, 65.1, 14);
    const pairs: CalibrationPair[] = ids
      .slice(1)
      .map((id, i) => ({ from: id, to: ids[0]!, minutes: Math.hypot(8 + ((i + 1) * km * 60) / 70, 5), county: '90', withinMinutes: 5 }));
    const nodes = ids.map((id) => ({ id, ...points.get(id)! }));
    const routes = new PairRoutes(new RoadGraph(nodes, network, truth), new Map(ids.map((id, i) => [id, i])));
    const fitted = fitParameters(
      routes,
      pairs,
      withParameters({ estimateFixedMinutes: 0, detourFactor: 1, roadSpeedKmh: 80, countyRoadSpeedKmh: {} }),
    );
    expect(fitted.estimateFixedMinutes).toBeCloseTo(8, 0);
    expect(fitted.roadSpeedKmh).toBeGreaterThan(68);
    expect(fitted.roadSpeedKmh).toBeLessThan(72);
    const predicted = predict(routes, pairs, fitted);
    predicted.forEach((p, i) => expect(Math.abs(p - pairs[i]!.minutes)).toBeLessThan(1));
  });

  it('tells a motorway from the ordinary roads: recovers both speeds that made the times', () => {
    // Twelve points in a row, 0.1° apart: the first six joined by motorway, the rest by ordinary
    // road. Times made at 5 min + 100 km/h on the motorway km and 65 km/h on the others.
    const ids = Array.from({ length: 12 }, (_, i) => String(9200 + i));
    const points = new Map(ids.map((id, i) => [id, { lat: 65 + i * 0.1, lon: 14 }]));
    const links = ids
      .slice(1)
      .map((id, i) => ({ a: ids[i]!, b: id, kind: 'neighbour' as const, ...(i < 5 ? { mainRoad: 'motorway' as const } : {}) }));
    const network: TravelNetwork = { points, links };
    const km = greatCircleKm(65, 14, 65.1, 14);
    const pairs: CalibrationPair[] = ids.slice(1).map((id, i) => {
      const motorway = Math.min(i + 1, 5) * km;
      const ordinary = (i + 1) * km - motorway;
      return { from: id, to: ids[0]!, minutes: 5 + (motorway * 60) / 100 + (ordinary * 60) / 65, county: '90', withinMinutes: 0 };
    });
    const base = withParameters({
      estimateFixedMinutes: 0,
      detourFactor: 1,
      roadSpeedKmh: 80,
      motorwaySpeedKmh: 90,
      countyRoadSpeedKmh: {},
    });
    const nodes = ids.map((id) => ({ id, ...points.get(id)! }));
    const routes = new PairRoutes(new RoadGraph(nodes, network, base), new Map(ids.map((id, i) => [id, i])));
    const fitted = fitParameters(routes, pairs, base);
    expect(fitted.estimateFixedMinutes).toBeCloseTo(5, 0);
    expect(Math.abs(fitted.motorwaySpeedKmh - 100)).toBeLessThan(3);
    expect(Math.abs(fitted.roadSpeedKmh - 65)).toBeLessThan(2);
  });

  it('never leaves the plausible speeds, whatever the times say', () => {
    // Times made at 200 km/h: the fit stops at the fastest plausible speed.
    const ids = ['9100', '9101', '9102'];
    const points = new Map(ids.map((id, i) => [id, { lat: 65 + i * 0.5, lon: 14 }]));
    const network: TravelNetwork = {
      points,
      links: [
        { a: ids[0]!, b: ids[1]!, kind: 'neighbour' },
        { a: ids[1]!, b: ids[2]!, kind: 'neighbour' },
      ],
    };
    const base = withParameters({ estimateFixedMinutes: 0, detourFactor: 1, countyRoadSpeedKmh: {} });
    const nodes = ids.map((id) => ({ id, ...points.get(id)! }));
    const routes = new PairRoutes(new RoadGraph(nodes, network, base), new Map(ids.map((id, i) => [id, i])));
    const km = greatCircleKm(65, 14, 65.5, 14);
    const pairs: CalibrationPair[] = [1, 2].map((k) => ({
      from: ids[k]!,
      to: ids[0]!,
      minutes: (k * km * 60) / 200,
      county: '90',
      withinMinutes: 0,
    }));
    expect(fitParameters(routes, pairs, base).roadSpeedKmh).toBe(PLAUSIBLE_SPEED_KMH.max);
  });
});

describe('the shipped estimate against the TØI BA-region car times', () => {
  const data = embedded();
  const network = loadNetwork(data);
  const routes = embeddedPairRoutes(data, network, DEFAULT_PARAMETERS);
  const { graph, index } = routes;
  const pairs = calibrationPairs(data);

  it('has a pair for every municipality but the BA centres and Haram', () => {
    expect(pairs).toHaveLength(192);
    expect(pairs.find((p) => p.from === '1580')).toBeUndefined();
  });

  it('reaches every municipality from Oslo, the islands by ferry', () => {
    const fromOslo = graph.routesFrom(index.get('0301')!, 1);
    expect(fromOslo.slice(0, data.length).every((r) => Number.isFinite(r.minutes))).toBe(true);
    for (const island of ['1856', '1857', '1835', '1151', '4633']) expect(fromOslo[index.get(island)!]!.ferries).toBeGreaterThan(0);
  });

  it('ships the parameters a fit to the embedded data gives', () => {
    const fitted = fitParameters(routes, pairs, DEFAULT_PARAMETERS);
    expect({
      estimateFixedMinutes: fitted.estimateFixedMinutes,
      detourFactor: fitted.detourFactor,
      roadSpeedKmh: fitted.roadSpeedKmh,
      emptyLandSpeedKmh: fitted.emptyLandSpeedKmh,
      trunkRoadSpeedKmh: fitted.trunkRoadSpeedKmh,
      motorwaySpeedKmh: fitted.motorwaySpeedKmh,
      countyRoadSpeedKmh: fitted.countyRoadSpeedKmh,
    }).toEqual(FITTED_TRAVEL_PARAMETERS);
  });

  it('keeps every fitted speed and the fixed part within what Norwegian roads allow', () => {
    const speeds = [
      FITTED_TRAVEL_PARAMETERS.roadSpeedKmh,
      FITTED_TRAVEL_PARAMETERS.emptyLandSpeedKmh,
      FITTED_TRAVEL_PARAMETERS.trunkRoadSpeedKmh,
      ...Object.values(FITTED_TRAVEL_PARAMETERS.countyRoadSpeedKmh),
    ];
    for (const v of speeds) {
      expect(v).toBeGreaterThanOrEqual(PLAUSIBLE_SPEED_KMH.min);
      expect(v).toBeLessThanOrEqual(PLAUSIBLE_SPEED_KMH.max);
    }
    expect(FITTED_TRAVEL_PARAMETERS.motorwaySpeedKmh).toBeGreaterThanOrEqual(PLAUSIBLE_MOTORWAY_SPEED_KMH.min);
    expect(FITTED_TRAVEL_PARAMETERS.motorwaySpeedKmh).toBeLessThanOrEqual(PLAUSIBLE_MOTORWAY_SPEED_KMH.max);
    expect(FITTED_TRAVEL_PARAMETERS.estimateFixedMinutes).toBeLessThanOrEqual(PLAUSIBLE_FIXED_MINUTES.max);
  });

  it('is within 5 min at the median and 16 min at the 90th percentile on pairs the fit did not see', () => {
    const cv = crossValidate(routes, pairs, DEFAULT_PARAMETERS);
    expect(cv.leaveOneOut.pairs).toBe(192);
    expect(cv.leaveOneOut.medianAbsErrorMinutes).toBeLessThanOrEqual(5);
    expect(cv.leaveOneOut.p90AbsErrorMinutes).toBeLessThanOrEqual(16);
    // Held-out errors are no better than in-sample ones.
    expect(cv.leaveOneOut.p90AbsErrorMinutes).toBeGreaterThanOrEqual(cv.inSample.p90AbsErrorMinutes);
    // The figure the README, the overview and docs/travel.md quote is the one measured here.
    const minutes = `${cv.leaveOneOut.medianAbsErrorMinutes.toFixed(1)} min`;
    const doc = (name: string) => readFileSync(path.join(__dirname, '..', '..', name), 'utf8');
    expect(doc('README.md')).toContain(`median error **${minutes}** on pairs the fit did not see`);
    expect(doc('docs/overview.md')).toContain(`(median error ${minutes} on pairs the fit did not see)`);
    expect(doc('docs/travel.md')).toMatch(new RegExp(`\\*\\*leave-one-out\\*\\*[^\\n]*\\*\\*${minutes}\\*\\*`));
  });
});
