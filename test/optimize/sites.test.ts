import loadHighs, { type Highs } from 'highs';
import { withParameters, type Parameters } from '../../src/domain/parameters';
import type { ServicePoint } from '../../src/domain/types';
import { readWorkbook } from '../../src/io/readWorkbook';
import { solveExact } from '../../src/optimize/exact';
import { fromPlanningInput, toScenario } from '../../src/optimize/fromInput';
import { solveHeuristic } from '../../src/optimize/heuristic';
import { evaluate, meanTravelOf, reduce, servicePointOf, whyIsolated, type OptProblem } from '../../src/optimize/problem';
import { buildSites, krPerObjectiveUnit } from '../../src/optimize/sites';
import { optimize } from '../../src/optimize/run';
import { scoreScenario } from '../../src/scoring/score';
import { localDays } from '../../src/scoring/sites';
import { randomProblem } from './bruteforce';
import { sheet, snapshot } from '../builders';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Every service point a member may have, written out here rather than taken from the optimiser. */
const POINTS = (p: Parameters): ServicePoint[] => [
  { kind: 'none' },
  { kind: 'meeting' },
  { kind: 'branch', days: p.optimiserBranchDays },
  { kind: 'full' },
];

/** Premises and staff travel a year of one point, computed here from the parameters' definitions. */
function yearlyCost(sp: ServicePoint, fromHost: number, toHost: number, p: Parameters): number {
  const weeks = p.workWeeksPerYear;
  const perMinute = p.staffKrPerHour / 60;
  switch (sp.kind) {
    case 'none':
      return 0;
    case 'meeting':
      return p.sitePremisesKr.meeting + p.meetingRoomTripsPerWeek * 2 * fromHost * weeks * perMinute;
    case 'branch':
      return p.sitePremisesKr.branch + sp.days * p.staffTripsPerOpeningDay * 2 * fromHost * weeks * perMinute;
    case 'full':
      return p.sitePremisesKr.full + p.localStaffTripsToHostPerWeek * 2 * toHost * weeks * perMinute;
  }
}

/**
 * The optimum by enumeration over hosts × assignments × every member's service point, with the
 * rules as the issue states them (travel limit on days without local service; beyond it a full
 * local office, to a host whose own staff keep the minimum) and the costs written out above.
 */
function bruteForceWithPoints(pr: OptProblem, p: Parameters, p0: number): number {
  const n = pr.n;
  const unit = p.visitsPerInhabitantPerYear * 2 * p.userTimeKrPerMinute;
  const points = POINTS(p);
  let best = Number.POSITIVE_INFINITY;
  const pairBest = (i: number, j: number): number => {
    const t = pr.cost[i * n + j]!;
    let b = Number.POSITIVE_INFINITY;
    for (const sp of points) {
      const d = localDays(sp, p);
      if (t > p.maxTravelWithoutServicePoint && (d < 5 || t > p.maxTravelWithLocalOffice || pr.fte[j]! < p.minFte)) continue;
      b = Math.min(b, pr.weight[i]! * t * (1 - d / 5) + yearlyCost(sp, pr.cost[j * n + i]!, t, p) / unit);
    }
    return b;
  };
  const hosts: number[] = [];
  const rec = (k: number) => {
    if (hosts.length === p0) {
      // Every member to an open host; enumerate assignments (each pair at its best point).
      const others = Array.from({ length: n }, (_, i) => i).filter((i) => !hosts.includes(i));
      const choice = new Int32Array(n);
      const go = (m: number, sum: number) => {
        if (sum >= best) return;
        if (m === others.length) {
          const fte = new Map(hosts.map((h) => [h, pr.fte[h]!]));
          const count = new Map(hosts.map((h) => [h, 1]));
          for (const i of others) {
            fte.set(choice[i]!, fte.get(choice[i]!)! + pr.fte[i]!);
            count.set(choice[i]!, count.get(choice[i]!)! + 1);
          }
          if (hosts.every((h) => fte.get(h)! >= p.minFte - 1e-9 && count.get(h)! <= p.maxOwners)) best = sum;
          return;
        }
        const i = others[m]!;
        for (const h of hosts) {
          const c = pairBest(i, h);
          if (!Number.isFinite(c)) continue;
          choice[i] = h;
          go(m + 1, sum + c);
        }
      };
      go(0, 0);
      return;
    }
    for (let j = k; j < n; j++) {
      hosts.push(j);
      rec(j + 1);
      hosts.pop();
    }
  };
  rec(0);
  return best;
}

/** A random problem with service points built the way fromPlanningInput builds them. */
function withSites(seed: number, n: number, p: Parameters, offices: number): OptProblem {
  const base = randomProblem(seed, n, { offices, minFte: p.minFte, maxTravel: p.maxTravelWithoutServicePoint, maxOwners: p.maxOwners });
  // Minutes on the scale of the rules: some pairs beyond the limit, a few beyond the local-office limit.
  const cost = Float64Array.from(base.cost, (c) => c * 2);
  const weight = Float64Array.from(base.weight, (w) => w / 10);
  const sites = buildSites({ n, weight, cost, reach: cost, ownPremisesKr: [], hostOwnFte: base.fte, minFte: p.minFte }, p);
  return { ...base, cost, weight, reach: cost, sites };
}

describe('service points: the optimum over hosts × service points', () => {
  const params = withParameters({ minFte: 8, maxOwners: 4, maxTravelWithLocalOffice: 160 });
  // Seeds whose problems leave nobody isolated (the enumeration has no exempt offices).
  it.each([1, 2, 3, 4, 5, 8])('seed %i: exact and heuristic agree with enumeration over every service point', (seed) => {
    const pr = withSites(seed, 7, params, 2);
    const brute = bruteForceWithPoints(pr, params, 2);
    const red = reduce(pr);
    expect(red.isolated).toEqual([]);
    const exact = solveExact(highs, red, { timeLimitSeconds: 30 });
    if (!Number.isFinite(brute)) {
      expect(exact.status).toBe('infeasible');
      return;
    }
    expect(exact.status).toBe('optimal');
    expect(exact.objective!).toBeCloseTo(brute, 3);
    const heur = solveHeuristic(red, { seed: 1, iterations: 50 });
    if (heur.evaluation.feasible) expect(heur.evaluation.objective).toBeGreaterThanOrEqual(brute - 1e-6);
    // Every rule of the chosen structure, checked pair by pair.
    const host = exact.host!;
    for (let i = 0; i < pr.n; i++) {
      const j = host[i]!;
      if (j === i) continue;
      const sp = servicePointOf(pr, i, j);
      if (pr.cost[i * pr.n + j]! > params.maxTravelWithoutServicePoint) {
        expect(sp).toEqual({ kind: 'full' });
        expect(pr.fte[j]!).toBeGreaterThanOrEqual(params.minFte);
      }
    }
  });

  it('with service points never worse than without them where nobody is isolated (none is always a choice within the limit)', () => {
    let compared = 0;
    for (const seed of [1, 2, 3, 4, 5, 8, 9, 10]) {
      const pr = withSites(seed, 8, params, 3);
      const without: OptProblem = { ...pr, sites: undefined };
      let red;
      try {
        red = reduce(without);
      } catch {
        continue;
      }
      // An isolated municipality keeps an office free of the rules without service points: not comparable.
      if (red.isolated.length > 0) continue;
      const a = solveExact(highs, reduce(pr), { timeLimitSeconds: 30 });
      const b = solveExact(highs, red, { timeLimitSeconds: 30 });
      if (b.status !== 'optimal') continue;
      expect(a.status).toBe('optimal');
      expect(a.objective!).toBeLessThanOrEqual(b.objective! + 1e-6);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('makes a point dearer, and fewer local offices are chosen (monotone in the cost scale)', () => {
    const pr = withSites(7, 8, params, 2);
    const counts = [0.01, 1, 100].map((scale) => {
      const sites = buildSites(
        { n: pr.n, weight: pr.weight, cost: pr.cost, reach: pr.cost, ownPremisesKr: [], hostOwnFte: pr.fte, minFte: params.minFte },
        params,
        { costScale: scale },
      );
      let local = 0;
      for (let k = 0; k < sites.level.length; k++) if (sites.level[k]! > 0) local++;
      return local;
    });
    expect(counts[0]).toBeGreaterThanOrEqual(counts[1]!);
    expect(counts[1]).toBeGreaterThanOrEqual(counts[2]!);
    expect(counts[0]).toBeGreaterThan(counts[2]!);
  });
});

describe('the island case: a robust host across a ferry, with a local office', () => {
  // Fastland 12 000 inhabitants, Nabo 2 000 at 30 min, Øy 500 across a ferry at 150 min.
  const book = snapshot(
    sheet('Kommuner', [
      ['Kommunenr', 'Navn', 'Folketall', 'Fylke', 'Lat', 'Lon'],
      ['9101', 'Fastland', 12000, '91', 67.0, 14.0],
      ['9102', 'Nabo', 2000, '91', 67.2, 14.3],
      ['9103', 'Øy', 500, '91', 67.5, 12.0],
    ]),
    sheet('Reisetid', [
      ['fra', 'til', 'minutter'],
      ['9101', '9102', 30],
      ['9101', '9103', 150],
      ['9102', '9103', 175],
    ]),
  );
  const params = withParameters();
  const input = readWorkbook(book, params).value!;

  it('leaves nobody alone: Øy joins Fastland with a full local office, the one structure that keeps every rule', async () => {
    const pr = fromPlanningInput(input, params, { offices: 1 });
    const out = await optimize(pr, { alternatives: 0, sweep: [] });
    expect(out.reduced.isolated).toEqual([]);
    const host = out.best.host;
    expect(Array.from(host)).toEqual([0, 0, 0]);
    expect(servicePointOf(pr, 2, 0)).toEqual({ kind: 'full' });
    // Without service points Øy has no host within 90 min: it must keep a one-office structure of its own.
    expect(() => reduce(fromPlanningInput(input, params, { offices: 1, servicePoints: false }))).toThrow(/for få/);
  });

  it('is scored by plan exactly as the optimiser priced it: same travel, same cost, every rule kept', async () => {
    const pr = fromPlanningInput(input, params, { offices: 1 });
    const out = await optimize(pr, { alternatives: 0, sweep: [] });
    const scenario = toScenario('Optimert', pr, out.best.host);
    const score = scoreScenario(scenario, input, params);
    expect(score.admissible).toBe(true);
    expect(score.totals.weightedTravelMinutes).toBeCloseTo(meanTravelOf(pr, out.best.evaluation.travel), 9);
    const e = evaluate(out.reduced, out.best.host);
    expect(score.totals.siteCostKr).toBeCloseTo(e.siteCost * krPerObjectiveUnit(params), 3);
    // Øy's users travel on no day (a full local office); its staff come to Fastland once a week.
    const oy = score.offices[0]!.members.find((m) => m.number === '9103')!;
    expect(oy.localDays).toBe(5);
    expect(oy.siteCostKr).toBeCloseTo(params.sitePremisesKr.full + 2 * 150 * params.workWeeksPerYear * (params.staffKrPerHour / 60), 6);
  });

  it('says which rule leaves the island alone when no host is robust enough on its own', () => {
    // 40 FTE: Fastland (about 27 estimated) cannot keep it alone, so Øy, beyond 90 min, may not join it.
    const strict = withParameters({ minFte: 40 });
    const red = reduce(fromPlanningInput(input, strict, { officeCostMinutes: 1 }));
    expect(red.isolated).toContain(2);
    expect(whyIsolated(red, 2, strict.maxTravelWithLocalOffice)).toBe(
      'ingen mulig vertskommune innen 90 min (eller 300 min med eget lokalkontor); ' +
        '2 lenger unna enn 90 min, men uten minste bemanning alene (40 årsverk), som en vert over så lang avstand må ha',
    );
  });

  it('says the same in English', () => {
    const strict = withParameters({ minFte: 40 });
    const red = reduce(fromPlanningInput(input, strict, { officeCostMinutes: 1 }));
    expect(whyIsolated(red, 2, strict.maxTravelWithLocalOffice, 'en')).toBe(
      'no possible host within 90 min (or 300 min with a local office of its own); ' +
        '2 further than 90 min, but without the minimum staff alone (40 FTE), which a host that far away must have',
    );
  });

  it('keeps today’s locations with --keep-locations and today’s cooperations with --keep-existing', async () => {
    const today = {
      name: 'Dagens struktur',
      offices: [
        {
          host: '9101' as never,
          hostAgreement: true,
          members: [
            { number: '9101' as never, servicePoint: { kind: 'full' } as const },
            { number: '9102' as never, servicePoint: { kind: 'branch', days: 2 } as const },
          ],
        },
        { host: '9103' as never, hostAgreement: true, members: [{ number: '9103' as never, servicePoint: { kind: 'full' } as const }] },
      ],
    };
    const kept = fromPlanningInput(input, params, { offices: 1, keepLocations: today });
    const out = await optimize(kept, { alternatives: 0, sweep: [] });
    // Nabo keeps at least its 2 days; Øy, an office today, keeps a full local office.
    expect(localDays(servicePointOf(kept, 1, 0), params)).toBeGreaterThanOrEqual(2);
    expect(servicePointOf(kept, 2, 0)).toEqual({ kind: 'full' });
    expect(Array.from(out.best.host)).toEqual([0, 0, 0]);
    // A 3-day branch today may stay one (not only become a full office): today's point is offered too.
    const three = {
      ...today,
      offices: [
        {
          ...today.offices[0]!,
          members: [today.offices[0]!.members[0]!, { number: '9102' as never, servicePoint: { kind: 'branch', days: 3 } as const }],
        },
        today.offices[1]!,
      ],
    };
    const keptThree = fromPlanningInput(input, params, { offices: 1, keepLocations: three });
    expect(servicePointOf(keptThree, 1, 0)).toEqual({ kind: 'branch', days: 3 });
    const locked = fromPlanningInput(input, params, { offices: 1, keepExisting: today });
    expect([...locked.rules.locks]).toEqual([[1, 0]]);
  });
});
