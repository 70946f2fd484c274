import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WorkerSolver } from '../../src/optimize/node/exactInWorker';
import { parsePmed } from '../../src/optimize/pmed';
import { randomProblem } from './bruteforce';

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
