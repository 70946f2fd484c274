import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import loadHighs, { type Highs } from 'highs';
import { solveExact } from '../../src/optimize/exact';
import { solveHeuristic } from '../../src/optimize/heuristic';
import { buildModel, grownKeep, radiusKeep, radiusMargin, type MipModel } from '../../src/optimize/model';
import { parsePmed, parsePmedOptima } from '../../src/optimize/pmed';
import { evaluate, InfeasibleRulesError, NO_RULES, pairAllowed, reduce, type OptProblem } from '../../src/optimize/problem';
import { hostSet, optimize, sweepCounts } from '../../src/optimize/run';
import { bruteForce, nearestHosts, randomProblem, servedCost } from './bruteforce';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const PMED = path.resolve(__dirname, '../fixtures/pmed');

describe('OR-Library reader', () => {
  it('takes shortest paths over the edges, the last of a repeated edge winning', () => {
    // 1-2 (5), 2-3 (4), 1-3 (20 then 12): 1→3 is 9 via 2.
    const { problem, p } = parsePmed('3 4 1\n1 2 5\n2 3 4\n1 3 20\n1 3 12\n');
    expect(p).toBe(1);
    expect(Array.from(problem.cost)).toEqual([0, 5, 9, 5, 0, 4, 9, 4, 0]);
    // Repeated edge: the last cost wins even if larger.
    const again = parsePmed('2 2 1\n1 2 3\n1 2 7\n').problem;
    expect(again.cost[1]).toBe(7);
  });

  it('rejects a file that is not a p-median instance', () => {
    expect(() => parsePmed('hello')).toThrow('not an OR-Library');
  });
});

describe('exact solver against brute force', () => {
  const cases: [string, Partial<OptProblem['rules']>][] = [
    ['p-median, 3 offices', { offices: 3 }],
    ['minimum FTE and travel radius', { offices: 2, minFte: 12, maxTravel: 70 }],
    ['owner cap', { offices: 4, maxOwners: 2 }],
    ['same BA region', { offices: 3, sameBa: true }],
    ['cost per office', { officeCost: 60000 }],
    ['BA-split penalty', { offices: 2, baSplitPenalty: 50000, minFte: 5 }],
    ['forced and forbidden hosts', { offices: 3, forcedHosts: [0], forbiddenHosts: [1, 2] }],
    ['a locked member', { offices: 3, locks: new Map([[4, 0]]), minFte: 8 }],
  ];
  it.each(cases)('%s: the proven optimum equals the brute-force optimum', (_, rules) => {
    for (const seed of [1, 2, 3]) {
      const pr = randomProblem(seed, 7, rules);
      const brute = bruteForce(pr);
      const red = reduce(pr);
      const exact = solveExact(highs, red, { timeLimitSeconds: 30 });
      if (!brute) {
        expect(exact.status).toBe('infeasible');
        continue;
      }
      expect(exact.status).toBe('optimal');
      expect(exact.objective).toBeCloseTo(brute.objective, 4);
      expect(exact.gap).toBeLessThanOrEqual(1e-6);
      expect(exact.evaluation!.feasible).toBe(true);
      // The heuristic is feasible and never better than the optimum.
      const h = solveHeuristic(red, { seed: 1 });
      expect(h.evaluation.feasible).toBe(true);
      expect(h.evaluation.objective).toBeGreaterThanOrEqual(brute.objective - 1e-6);
    }
  });

  it('uses the small radius model only when no rule ties members together', () => {
    expect(buildModel(reduce(randomProblem(1, 7, { offices: 2, maxTravel: 80 }))).kind).toBe('radius');
    expect(buildModel(reduce(randomProblem(1, 7, { offices: 2, minFte: 5 }))).kind).toBe('hess');
  });
});

describe('truncated radius model', () => {
  /** c·x + offset, after checking that x satisfies every row. */
  const objectiveOf = (m: MipModel, x: Float64Array): number => {
    const activity = new Float64Array(m.numRows);
    for (let c = 0; c < m.numCols; c++)
      for (let k = m.starts[c]!; k < m.starts[c + 1]!; k++) activity[m.indices[k]!]! += m.values[k]! * x[c]!;
    activity.forEach((a, r) => {
      expect(a).toBeGreaterThanOrEqual(m.rowLower[r]! - 1e-9);
      expect(a).toBeLessThanOrEqual(m.rowUpper[r]! + 1e-9);
    });
    return x.reduce((s, v, c) => s + v * m.colCost[c]!, m.offset);
  };
  it('charges each member min(its cost, the first level cut off), exactly up to there, and keeps every row satisfied', () => {
    const pr = randomProblem(4, 9, { offices: 3 });
    const red = reduce(pr);
    const keep = new Int32Array(pr.n).fill(2);
    const m = buildModel(red, keep);
    expect(m.radius!.exactUpTo.some((c) => Number.isFinite(c))).toBe(true);
    expect(m.numRows).toBeLessThan(buildModel(red).numRows);
    for (const hosts of [
      [0, 1, 2],
      [3, 5, 8],
      [2, 4, 6],
      [0, 7, 8],
    ]) {
      const host = nearestHosts(red, hosts);
      const truth = evaluate(red, host).objective;
      let charged = 0;
      for (let i = 0; i < pr.n; i++) {
        charged += Math.min(servedCost(pr, host, i), m.radius!.exactUpTo[i]!);
      }
      expect(objectiveOf(m, m.encode(host))).toBeCloseTo(charged, 6);
      expect(charged).toBeLessThanOrEqual(truth + 1e-6);
      // Untruncated, the same structure costs exactly its true cost.
      const full = buildModel(red);
      expect(objectiveOf(full, full.encode(host))).toBeCloseTo(truth, 6);
      // Widening by this structure leaves no member cut short of its cost.
      const grown = grownKeep(red, m, m.encode(host), 0);
      const wider = grown ? buildModel(red, grown) : m;
      expect(objectiveOf(wider, wider.encode(host))).toBeCloseTo(truth, 6);
    }
  });

  it('sizes by a structure: every member keeps the levels up to the one it is served at, plus the margin', () => {
    const red = reduce(randomProblem(6, 9, { offices: 2, maxTravel: 60 }));
    const host = nearestHosts(red, red.candidates.slice(0, 2));
    const keep = radiusKeep(red, host, 0);
    const m = buildModel(red, keep);
    for (let i = 0; i < red.problem.n; i++) {
      if (red.isIsolated[i]) continue;
      expect(m.radius!.exactUpTo[i]!).toBeGreaterThan(servedCost(red.problem, host, i));
      expect(radiusKeep(red, host, 3)[i]).toBe(keep[i]! + 3);
    }
  });

  it('keeps about as many levels beyond as there are members per office, between 10 and 20', () => {
    expect(radiusMargin(reduce(randomProblem(1, 9, { offices: 3 })))).toBe(10);
    expect(radiusMargin(reduce(randomProblem(1, 60, { offices: 4 })))).toBe(15);
    expect(radiusMargin(reduce(randomProblem(1, 60, { offices: 2 })))).toBe(20);
    expect(radiusMargin(reduce(randomProblem(1, 9, { officeCost: 5000 })))).toBe(20);
  });

  it('widened in rounds from a poor sizing structure, proves the brute-force optimum and reports only true costs', () => {
    let widened = 0;
    const cases: Partial<OptProblem['rules']>[] = [
      { offices: 2 },
      { offices: 3, maxTravel: 70 },
      { officeCost: 60000 },
      { offices: 3, forcedHosts: [4] },
    ];
    for (const rules of cases) {
      for (const seed of [1, 2, 3]) {
        const pr = randomProblem(seed, 8, rules);
        const brute = bruteForce(pr)!;
        const red = reduce(pr);
        // The worst start: members served by their farthest allowed host keep few levels above nothing useful.
        const poor = nearestHosts(red, red.candidates.slice(-Math.max(1, red.p ?? 1)));
        const seen: number[] = [];
        const e = solveExact(highs, red, {
          timeLimitSeconds: 30,
          radiusFrom: poor,
          radiusMargin: 0,
          onProgress: (p) => p.incumbent !== null && seen.push(p.incumbent),
        });
        expect(e.status).toBe('optimal');
        expect(e.objective).toBeCloseTo(brute.objective, 4);
        expect(evaluate(red, e.host!).objective).toBeCloseTo(e.objective!, 6);
        for (const v of seen) expect(v).toBeGreaterThanOrEqual(brute.objective - 1e-6);
        if (e.rounds > 1) widened++;
      }
    }
    // The cases must exercise the widening, or this test proves nothing about it.
    expect(widened).toBeGreaterThan(0);
  });
});

describe('rules', () => {
  it('prunes pairs beyond the radius and hosts that cannot gather the minimum FTE, and isolates who has no robust host', () => {
    const pr = randomProblem(5, 7, { offices: 4, minFte: 15, maxTravel: 40 });
    const red = reduce(pr);
    for (let i = 0; i < pr.n; i++) {
      for (const j of red.allowed[i]!) {
        expect(i === j || pr.cost[i * pr.n + j]! <= 40).toBe(true);
        expect(pairAllowed(pr, i, j)).toBe(true);
      }
      expect(red.isolated.includes(i)).toBe(red.allowed[i]!.length === 0);
    }
    for (const j of red.candidates) {
      let reach = 0;
      for (const i of red.servable[j]!) reach += pr.fte[i]!;
      expect(reach).toBeGreaterThanOrEqual(15);
    }
  });

  it('says which rules contradict each other', () => {
    const base = randomProblem(1, 6);
    const withRules = (r: Partial<OptProblem['rules']>) => ({ ...base, rules: { ...base.rules, ...r } });
    expect(() => reduce(withRules({ offices: 2, forcedHosts: [1], forbiddenHosts: [1] }))).toThrow('både påkrevd og utelukket');
    expect(() =>
      reduce(
        withRules({
          offices: 2,
          locks: new Map([
            [1, 2],
            [2, 3],
          ]),
        }),
      ),
    ).toThrow(/låst til .* selv låst/);
    expect(() => reduce(withRules({ offices: 1, maxOwners: 2 }))).toThrow('trengs minst 3 kontor');
    expect(() => reduce(withRules({ offices: 2, forcedHosts: [0, 1, 2] }))).toThrow('for få');
    expect(() => reduce(withRules({ offices: 2, locks: new Map([[0, 5]]), maxTravel: 1 }))).toThrow(InfeasibleRulesError);
    expect(() => reduce(withRules({}))).toThrow('antall kontor eller en kostnad');
  });

  it('keeps forced hosts open and locked members with their host, in the heuristic and the exact model', () => {
    const pr = randomProblem(9, 12, {
      offices: 4,
      minFte: 6,
      maxOwners: 4,
      forcedHosts: [3],
      forbiddenHosts: [0],
      locks: new Map([
        [5, 7],
        [8, 7],
      ]),
    });
    const red = reduce(pr);
    const h = solveHeuristic(red, { seed: 3 });
    const e = solveExact(highs, red, { timeLimitSeconds: 30, warmStart: h.host });
    for (const host of [h.host, e.host!]) {
      expect(evaluate(red, host).feasible).toBe(true);
      expect(host[3]).toBe(3);
      expect(host[0]).not.toBe(0);
      expect(host[5]).toBe(7);
      expect(host[8]).toBe(7);
      expect(host[7]).toBe(7);
      expect(hostSet(host)).toHaveLength(4);
    }
    expect(e.objective).toBeLessThanOrEqual(h.evaluation.objective + 1e-6);
  });
});

describe('OR-Library yardstick (pmed1–5)', () => {
  const optimum = parsePmedOptima(readFileSync(path.join(PMED, 'pmedopt.txt'), 'utf8'));
  it.each(['pmed1', 'pmed2', 'pmed3', 'pmed4', 'pmed5'])(
    '%s: HiGHS proves the published optimum; the heuristic is feasible and close',
    (name) => {
      const { problem, p } = parsePmed(readFileSync(path.join(PMED, `${name}.txt`), 'utf8'));
      const red = reduce(problem);
      const h = solveHeuristic(red, { iterations: 8, seed: 1 });
      // As the CLI runs it: the heuristic's structure sizes a truncated model.
      const e = solveExact(highs, red, { timeLimitSeconds: 120, warmStart: h.host });
      expect(e.status).toBe('optimal');
      expect(e.rounds).toBeGreaterThanOrEqual(1);
      expect(e.objective).toBeCloseTo(optimum.get(name)!, 6);
      expect(hostSet(e.host!)).toHaveLength(p);
      expect(hostSet(h.host)).toHaveLength(p);
      expect(h.evaluation.objective).toBeGreaterThanOrEqual(optimum.get(name)!);
      expect(h.evaluation.objective).toBeLessThanOrEqual(optimum.get(name)! * 1.01);
    },
  );
});

describe('optimize (orchestration)', () => {
  const exact = async (pr: OptProblem, o: Parameters<typeof solveExact>[2]) => solveExact(highs, reduce(pr), o);

  it('returns the proven best, distinct near-optimal alternatives and a sweep whose travel falls as offices rise', async () => {
    const pr = randomProblem(11, 10, { offices: 3, minFte: 5 });
    const out = await optimize(pr, { exact, alternatives: 2, within: 0.5, sweep: [2, 3, 4, 5] });
    expect(out.best.status).toBe('optimal');
    expect(out.best.objective).toBeCloseTo(bruteForce(pr)!.objective, 4);
    const sets = [out.best, ...out.alternatives].map((s) => hostSet(s.host).join(','));
    expect(new Set(sets).size).toBe(sets.length);
    for (const a of out.alternatives) {
      expect(a.objective).toBeGreaterThanOrEqual(out.best.objective - 1e-6);
      expect(a.objective).toBeLessThanOrEqual(out.best.objective * 1.5 + 1e-6);
    }
    const travel = out.sweep.map((s) => s.solution!.evaluation.travel);
    expect(out.sweep.map((s) => s.offices)).toEqual([2, 3, 4, 5]);
    for (let k = 1; k < travel.length; k++) expect(travel[k]).toBeLessThanOrEqual(travel[k - 1]! + 1e-6);
  });

  it('without WebAssembly, answers with the heuristic and says it is not proven', async () => {
    const out = await optimize(randomProblem(4, 9, { offices: 3 }));
    expect(out.best.method).toBe('heuristic');
    expect(out.best.gap).toBeNull();
    expect(out.best.evaluation.feasible).toBe(true);
  });

  it('chooses the number of offices from a cost per office: dearer offices, fewer of them', async () => {
    const pr = (c: number) => randomProblem(6, 8, { officeCost: c });
    const cheap = await optimize(pr(1000), { exact });
    const dear = await optimize(pr(500000), { exact });
    expect(cheap.best.status).toBe('optimal');
    expect(cheap.best.objective).toBeCloseTo(bruteForce(pr(1000))!.objective, 4);
    expect(dear.best.evaluation.offices).toBeLessThan(cheap.best.evaluation.offices);
  });
});

describe('sweepCounts', () => {
  it('spreads up to nine counts around the centre within the bounds', () => {
    expect(sweepCounts(20, 12, 41)).toEqual([12, 14, 16, 18, 20, 22, 24, 26, 28]);
    expect(sweepCounts(3, 2, 5)).toEqual([2, 3, 4, 5]);
    expect(sweepCounts(90, 72, 357)).toContain(90);
  });
});

describe('problem without rules', () => {
  it('NO_RULES allows every pair', () => {
    const pr: OptProblem = { ...randomProblem(1, 4), rules: { ...NO_RULES, offices: 2 } };
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(pairAllowed(pr, i, j)).toBe(true);
  });
});
