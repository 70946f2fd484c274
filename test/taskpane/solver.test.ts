import type { OptimizeJob, OptimizeReply } from '../../src/optimize/worker';
import { parseLocks } from '../../src/taskpane/components/OptimiseTab';
import { CancelledError, OptimiseError, runInWorker } from '../../src/taskpane/solver';
import { randomProblem } from '../optimize/bruteforce';
import { optimize } from '../../src/optimize/run';

/** A Web Worker stand-in: replies as the solver worker would, when the test says so. */
class FakeWorker {
  static last: FakeWorker;
  onmessage: ((e: { data: OptimizeReply }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  job: OptimizeJob | undefined;
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.last = this;
  }
  postMessage(job: OptimizeJob) {
    this.job = job;
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: OptimizeReply) {
    this.onmessage?.({ data: r });
  }
}

const options: OptimizeJob['options'] = {
  timeLimitSeconds: 5,
  sweepTimeLimitSeconds: 1,
  heuristicSeconds: 0.1,
  alternatives: 0,
  within: 0,
  sweep: [],
};

beforeAll(() => Object.assign(globalThis, { Worker: FakeWorker }));

describe('the task pane’s optimisation in a Web Worker', () => {
  it('passes stages on, and resolves with the outcome when the worker is done', async () => {
    const pr = randomProblem(1, 8, { offices: 3 });
    const stages: string[] = [];
    const run = runInWorker('solver-worker.js', pr, options, (s) => stages.push(s));
    const w = FakeWorker.last;
    expect(w.url).toBe('solver-worker.js');
    expect(w.job).toMatchObject({ type: 'optimize', problem: pr });
    const outcome = await optimize(pr, { heuristicSeconds: 0.1 });
    w.reply({ type: 'stage', id: 1, stage: 'main' });
    w.reply({ type: 'done', id: 1, outcome: { ...outcome, reduced: { isolated: [] } } });
    await expect(run.done).resolves.toMatchObject({ best: { objective: outcome.best.objective } });
    expect(stages).toEqual(['main']);
    expect(w.terminated).toBe(true);
  });

  it('without shared memory, cancel stops the worker and keeps the best structure it had sent', async () => {
    const pr = randomProblem(2, 8, { offices: 3 });
    const run = runInWorker('solver-worker.js', pr, options, () => undefined);
    const w = FakeWorker.last;
    const best = (await optimize(pr, { heuristicSeconds: 0.1 })).best;
    w.reply({ type: 'solution', id: 1, stage: 'main', solution: best, isolated: [4] });
    run.cancel();
    const outcome = await run.done;
    expect(w.terminated).toBe(true);
    expect(outcome.stopped).toBe(true);
    // The structure as it was found (its status and gap), with the members that keep their own office.
    expect(outcome.best).toEqual(best);
    expect(outcome.reduced.isolated).toEqual([4]);
  });

  it('says so when cancelled before any structure was found, and passes the optimiser’s own message on', async () => {
    const first = runInWorker('solver-worker.js', randomProblem(3, 6, { offices: 2 }), options, () => undefined);
    first.cancel();
    await expect(first.done).rejects.toThrow(CancelledError);
    const second = runInWorker('solver-worker.js', randomProblem(3, 6, { offices: 2 }), options, () => undefined);
    FakeWorker.last.reply({ type: 'failed', id: 1, name: 'InfeasibleRulesError', message: '60 kontor er for få' });
    await expect(second.done).rejects.toThrow(OptimiseError);
  });
});

describe('locked municipalities as the planner types them', () => {
  it('reads NUMBER=HOST pairs, with short numbers padded', () => {
    expect([...parseLocks('1839=1804, 301 = 301; 1840:1804', (p) => p)]).toEqual([
      ['1839', '1804'],
      ['0301', '0301'],
      ['1840', '1804'],
    ]);
  });
  it('names the part it cannot read', () => {
    expect(() => parseLocks('1839=1804, Bodø', (p) => `ikke «${p}»`)).toThrow('ikke «Bodø»');
  });
});
