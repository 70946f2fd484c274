import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import loadHighs from 'highs';
import { WorkerSolver } from '../../src/optimize/node/exactInWorker';
import { createOptimizeHost, type OptimizeJob, type OptimizeReply } from '../../src/optimize/worker';
import { parsePmed } from '../../src/optimize/pmed';
import { randomProblem } from './bruteforce';
import { withParameters } from '../../src/domain/parameters';
import { solveExact } from '../../src/optimize/exact';
import { reduce } from '../../src/optimize/problem';
import { buildSites } from '../../src/optimize/sites';

describe('HiGHS in a worker thread', () => {
  it('solves, reports progress and keeps the main thread free', async () => {
    const progress: number[] = [];
    const solver = new WorkerSolver((p) => progress.push(p.seconds));
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const r = await solver.solve(randomProblem(3, 12, { offices: 4, minFte: 6 }), { timeLimitSeconds: 30 });
      clearInterval(timer);
      expect(r.status).toBe('optimal');
      expect(r.host).toHaveLength(12);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      await solver.close();
    }
  });

  it('carries the service points across: the worker proves the same optimum as the main thread', async () => {
    const params = withParameters({ minFte: 6, maxTravelWithLocalOffice: 200 });
    const base = randomProblem(4, 12, { offices: 4, minFte: 6, maxTravel: 60 });
    const cost = Float64Array.from(base.cost, (c) => c * 1.5);
    const sites = buildSites({ n: 12, weight: base.weight, cost, reach: cost, ownPremisesKr: [], hostOwnFte: base.fte, minFte: 6 }, params);
    const pr = { ...base, cost, reach: cost, sites };
    const here = solveExact(await loadHighs(), reduce(pr), { timeLimitSeconds: 30 });
    const solver = new WorkerSolver(() => undefined);
    try {
      const there = await solver.solve(pr, { timeLimitSeconds: 30 });
      expect(there.status).toBe('optimal');
      expect(there.objective!).toBeCloseTo(here.objective!, 6);
      expect(there.evaluation!.siteCost).toBeCloseTo(here.evaluation!.siteCost, 6);
    } finally {
      await solver.close();
    }
  });

  it('stops a long solve when cancelled and says so, with the bound it had proven', async () => {
    const { problem } = parsePmed(readFileSync(path.resolve(__dirname, '../fixtures/pmed/pmed6.txt'), 'utf8'));
    const solver = new WorkerSolver();
    try {
      const started = Date.now();
      const pending = solver.solve(problem, { timeLimitSeconds: 300 });
      setTimeout(() => solver.cancel(), 1500);
      const r = await pending;
      expect(r.status).toBe('cancelled');
      expect(Date.now() - started).toBeLessThan(20000);
    } finally {
      await solver.close();
    }
  });
});

describe('a whole optimisation as a worker job (what the task pane’s Web Worker runs)', () => {
  const job = (cancel?: Int32Array): OptimizeJob => ({
    type: 'optimize',
    id: 7,
    problem: randomProblem(5, 14, { offices: 4, minFte: 6 }),
    options: { timeLimitSeconds: 30, sweepTimeLimitSeconds: 5, heuristicSeconds: 0.2, alternatives: 1, within: 0.5, sweep: [3, 4, 5] },
    cancel,
  });

  it('posts each stage and structure as it comes, then the outcome', async () => {
    const replies: OptimizeReply[] = [];
    await createOptimizeHost(
      () => loadHighs(),
      (r) => replies.push(r),
    )(job());
    const done = replies.find((r) => r.type === 'done');
    expect(done?.type === 'done' && done.outcome.best.status).toBe('optimal');
    expect(done?.type === 'done' && done.outcome.sweep.map((p) => p.offices)).toEqual([3, 4, 5]);
    expect(replies.find((r) => r.type === 'solution' && r.stage === 'main')).toMatchObject({ isolated: expect.any(Array) });
    expect(replies.filter((r) => r.type === 'stage').map((r) => (r as { stage: string }).stage)).toEqual(
      expect.arrayContaining(['main', 'sweep 3', 'sweep 5']),
    );
    expect(replies.every((r) => r.id === 7)).toBe(true);
  });

  it('once cancelled, starts no alternative or sweep point, and still gives the best it has', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 1);
    const replies: OptimizeReply[] = [];
    await createOptimizeHost(
      () => loadHighs(),
      (r) => replies.push(r),
    )(job(flag));
    const done = replies.find((r) => r.type === 'done');
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.outcome.alternatives).toHaveLength(0);
    expect(done.outcome.sweep.map((p) => p.offices)).toEqual([done.outcome.best.evaluation.offices]);
    expect(done.outcome.best.evaluation.feasible).toBe(true);
  });

  it('says why when the rules cannot be met, as a message for the planner', async () => {
    const replies: OptimizeReply[] = [];
    const bad = job();
    await createOptimizeHost(
      () => loadHighs(),
      (r) => replies.push(r),
    )({ ...bad, problem: { ...bad.problem, rules: { ...bad.problem.rules, offices: 40 } } });
    expect(replies.at(-1)).toMatchObject({ type: 'failed' });
  });
});
