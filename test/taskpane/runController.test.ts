/**
 * The run controller: one run at a time, the optimiser's stages as phases over one bar for the
 * whole run, cancel, and what the run came to, against the Nordland sample in the fake Excel.
 */
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { optimize, sweepCounts } from '../../src/optimize/run';
import { WORDS } from '../../src/taskpane/i18n';
import { Planner } from '../../src/taskpane/planner';
import { fractionAt, planRun, RunController, segmentOf, WRITING_SECONDS, type Solve } from '../../src/taskpane/runController';
import { CancelledError } from '../../src/taskpane/solver';
import { initialState, reducer, type Action, type PaneState } from '../../src/taskpane/store';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };
let planner: Planner;
let excel: FakeExcel;

beforeAll(async () => {
  excel = new FakeExcel([]);
  planner = new Planner(new OfficeWorkbook(excel.run), data);
  await planner.insertSample('18');
}, 60_000);

/** A store outside React: the state after every action, and the actions. */
function store() {
  let state: PaneState = initialState('nb');
  const actions: Action[] = [];
  return {
    dispatch: (a: Action) => {
      actions.push(a);
      state = reducer(state, a);
    },
    get state() {
      return state;
    },
    actions,
  };
}

const request = (offices = 20) => ({
  req: { offices, forcedHosts: [], forbiddenHosts: [], locks: new Map<string, string>(), servicePoints: false },
  rules: planner.rules,
  timeLimitSeconds: 30,
});

describe('the plan of a run', () => {
  it('is the sum of the optimiser’s own limits: the best, one alternative, the curve’s other counts, and the writing', () => {
    const r = request(20);
    const pr = planner.optimisationProblem(r.req, r.rules);
    const plan = planRun(r, pr);
    const others = sweepCounts(20, 1, pr.n, 5).filter((k) => k !== 20);
    expect(others.length).toBe(4);
    expect(plan.curve).toEqual(others);
    // Heuristic 2 s + HiGHS 30 s for the best and the alternative; 2 + 10 s per other count.
    expect(plan.seconds).toBe(2 * 32 + 4 * 12 + WRITING_SECONDS);
    expect(plan.options).toMatchObject({ timeLimitSeconds: 30, sweepTimeLimitSeconds: 10, heuristicSeconds: 2, alternatives: 1 });
  });

  it('maps the optimiser’s stages to phases the planner understands, and the share done only grows', () => {
    const r = request(20);
    const plan = planRun(r, planner.optimisationProblem(r.req, r.rules));
    const seen: number[] = [];
    const stages = ['main', 'alternative 1', ...(plan.curve as number[]).map((k) => `sweep ${k}`)];
    const mapped = stages.map((st) => segmentOf(plan, st, seen)!);
    expect(mapped.map((m) => m.phase.kind)).toEqual(['best', 'alternative', 'curve', 'curve', 'curve', 'curve']);
    expect(mapped[3]!.phase).toEqual({ kind: 'curve', offices: (plan.curve as number[])[1], index: 2, of: 4 });
    const shares = mapped.flatMap((m) => [fractionAt(plan, m.index, 0), fractionAt(plan, m.index, 1e6)]);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(Math.max(...shares)).toBeLessThan(1);
    expect(segmentOf(plan, 'something else', seen)).toBeUndefined();
  });
});

describe('the controller', () => {
  it('starts one run only, reports its phases and figures, writes its result and says so', async () => {
    const st = store();
    const calls: string[] = [];
    const solve: Solve = (_url, problem, options, onStage) => {
      calls.push('solve');
      onStage('main', { incumbent: 1000, bound: 900, gap: 0.1, seconds: 1 });
      onStage('alternative 1');
      const done = optimize(problem, { heuristicSeconds: 0.2, sweep: [] });
      expect(options.alternatives).toBe(1);
      return { done, cancel: () => undefined };
    };
    const c = new RunController({ dispatch: st.dispatch, planner, solve, workerUrl: 'w.js', onLoaded: () => calls.push('loaded') });
    const first = c.start(request(20));
    expect(first.started).toBe(true);
    expect(c.start(request(20)).started).toBe(false);
    expect(st.state.run.running).toBe(true);
    await first.done;
    expect(calls.filter((x) => x === 'solve')).toHaveLength(1);
    const phases = st.actions.flatMap((a) => (a.type === 'runPhase' ? [a.phase.kind] : []));
    expect(phases).toEqual(expect.arrayContaining(['best', 'alternative', 'writing']));
    expect(phases.indexOf('writing')).toBeGreaterThan(phases.indexOf('alternative'));
    // Writing says which sheet, in the pane's words, up to the last.
    const sheets = st.actions.flatMap((a) => (a.type === 'runPhase' && a.phase.kind === 'writing' && a.phase.sheet ? [a.phase] : []));
    expect(sheets.length).toBeGreaterThan(1);
    expect(sheets.at(-1)).toMatchObject({ sheet: sheets.at(-1)!.of });
    const withFigures = st.actions.find((a) => a.type === 'runPhase' && a.figures);
    expect(withFigures).toMatchObject({ figures: { incumbent: 1000, bound: 900, gap: 0.1 } });
    const shares = st.actions.flatMap((a) => (a.type === 'runPhase' ? [a.fraction] : []));
    expect(shares.every((x, i) => i === 0 || x >= shares[i - 1]! - 1e-12)).toBe(true);
    expect(st.state.run.running).toBe(false);
    expect(st.state.run.notice?.(WORDS.nb).text).toMatch(/^20 kontor, .*; skrev \d+ ark\.$/);
    expect(st.state.run.notice?.(WORDS.en).text).toMatch(/^20 offices, .*; wrote \d+ sheets\.$/);
    expect(calls).toContain('loaded');
    expect(excel.sheets.map((x) => x.name)).toContain('KP Optimert 20 kontor');
    expect(c.busy).toBe(false);
  }, 60_000);

  it('cancels a run that found nothing yet: says so and that the rules were not saved, and can start again', async () => {
    const st = store();
    const settings = JSON.stringify([...excel.settings]);
    let reject!: (e: Error) => void;
    const solve: Solve = () => ({
      done: new Promise((_, rj) => (reject = rj)),
      cancel: () => reject(new CancelledError()),
    });
    const c = new RunController({ dispatch: st.dispatch, planner, solve, workerUrl: 'w.js', onLoaded: () => undefined });
    const run = c.start({ ...request(20), rules: { ...planner.rules, minFte: 500 } });
    expect(c.cancellable).toBe(true);
    c.cancel();
    expect(st.state.run.cancelling).toBe(true);
    await run.done;
    expect(st.state.run.running).toBe(false);
    expect(st.state.run.notice?.(WORDS.en)).toEqual({
      intent: 'error',
      text: 'Cancelled before any office structure was found. The rules were not saved: the workbook is as it was.',
    });
    expect(JSON.stringify([...excel.settings])).toBe(settings);
    expect(c.start(request(20)).started).toBe(true);
    c.cancel();
  });

  it('moves the bar on between the optimiser’s reports, by the clock', async () => {
    const st = store();
    let t = 0;
    let release!: () => void;
    const solve: Solve = (_u, problem) => ({
      done: new Promise<void>((r) => (release = r)).then(() => optimize(problem, { heuristicSeconds: 0.1, sweep: [] })),
      cancel: () => undefined,
    });
    const c = new RunController({
      dispatch: st.dispatch,
      planner,
      solve,
      workerUrl: 'w.js',
      onLoaded: () => undefined,
      now: () => t,
      tickMs: 5,
    });
    const run = c.start(request(20));
    const at0 = st.state.run.fraction;
    t = 16_000; // 16 s into the best structure's 32 s
    await new Promise((r) => setTimeout(r, 30));
    expect(st.state.run.fraction).toBeGreaterThan(at0);
    expect(st.state.run.fraction).toBeCloseTo(16 / st.state.run.plannedSeconds, 5);
    release();
    await run.done;
  }, 60_000);
});
