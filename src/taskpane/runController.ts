/**
 * The one owner of the pane's optimisation run: starts it (never a second beside the first),
 * turns the optimiser's stages ("main", "alternative 1", "sweep 19") into phases the planner
 * understands with one share done over the whole run, cancels it, writes its result and says
 * what it came to. It dispatches into the pane's store (store.ts); the Optimiser tab only
 * shows the state and calls start and cancel, so a run lives on whichever tab is shown.
 */
import type { Progress } from '../optimize/exact';
import type { OptimizeRequest } from '../optimize/fromInput';
import type { OptProblem } from '../optimize/problem';
import type { OutcomeSummary } from '../optimize/run';
import { lowestOfficeCount, sweepCounts } from '../app/optimise';
import type { OptimizeJob } from '../optimize/worker';
import { WORDS, type Words } from './i18n';
import type { Language } from '../io/problems';
import { NotReadError, StaleDataError, type Planner, type Rules } from './planner';
import { CancelledError, WorkerStoppedError, type RunHandle } from './solver';
import type { Action, Phase, RunFigures } from './store';
import { textOf } from '../io/messages';

/** Starts an optimisation (the Web Worker in the add-in; solver.ts's runInWorker). */
export type Solve = (
  workerUrl: string,
  problem: OptProblem,
  options: OptimizeJob['options'],
  onStage: (stage: string, progress?: Progress) => void,
) => RunHandle;

/** What the planner asked for, read from the form. */
export type RunRequest = Readonly<{
  req: OptimizeRequest;
  rules: Rules;
  timeLimitSeconds: number;
}>;

/**
 * The seconds each part of a run may take at most, in order: the best structure (the heuristic,
 * then HiGHS within the time limit), each alternative, each other count of the curve, and the
 * writing. Writing's few seconds are our assumption (all of Norway writes in about 3 s on the
 * fake host, test/perf/paneFreeze.measure.ts); the rest are the run's own limits.
 */
export type Plan = Readonly<{
  options: OptimizeJob['options'];
  /** The curve's counts other than the one asked (in cost mode: as many as the optimiser will try). */
  curve: readonly number[] | number;
  segments: readonly Readonly<{ phase: Phase; seconds: number }>[];
  seconds: number;
}>;

export const WRITING_SECONDS = 3;
/** Alternatives looked for beside the best (as the pane always did). */
const ALTERNATIVES = 1;
/** Points on the trade-off curve (as the pane always did: the count asked and four around it). */
const CURVE_POINTS = 5;

export function planRun(r: RunRequest, pr: OptProblem): Plan {
  const limit = r.timeLimitSeconds;
  const heuristicSeconds = Math.min(2, limit);
  const sweepLimit = Math.min(limit, 10);
  const lowest = lowestOfficeCount(pr.n, r.rules.maxOwners);
  const asked = r.req.offices;
  const sweep = asked !== undefined ? sweepCounts(asked, lowest, pr.n, CURVE_POINTS) : { min: lowest, max: pr.n };
  // In cost mode the counts follow from the best one (sweepCounts' default of nine points).
  const curve = Array.isArray(sweep) ? sweep.filter((k) => k !== asked) : Math.max(0, Math.min(9, pr.n - lowest + 1) - 1);
  const each = heuristicSeconds + limit;
  const count = typeof curve === 'number' ? curve : curve.length;
  const segments: { phase: Phase; seconds: number }[] = [
    { phase: { kind: 'best' }, seconds: each },
    ...Array.from({ length: ALTERNATIVES }, (_, k) => ({ phase: { kind: 'alternative', index: k + 1 } as const, seconds: each })),
    ...Array.from({ length: count }, (_, k) => ({
      phase: { kind: 'curve', index: k + 1, of: count, offices: typeof curve === 'number' ? 0 : curve[k]! } as const,
      seconds: heuristicSeconds + sweepLimit,
    })),
    { phase: { kind: 'writing' }, seconds: WRITING_SECONDS },
  ];
  return {
    options: {
      timeLimitSeconds: limit,
      sweepTimeLimitSeconds: sweepLimit,
      heuristicSeconds,
      alternatives: ALTERNATIVES,
      within: 0.01,
      sweep,
    },
    curve,
    segments,
    seconds: segments.reduce((a, x) => a + x.seconds, 0),
  };
}

/** Which segment of the plan an optimiser stage is ("main", "alternative 2", "sweep 19"), and its phase. */
export function segmentOf(plan: Plan, stage: string, curveSeen: number[]): { index: number; phase: Phase } | undefined {
  if (stage === 'main') return { index: 0, phase: plan.segments[0]!.phase };
  const alt = /^alternative (\d+)$/.exec(stage);
  if (alt) {
    const i = plan.segments.findIndex((s) => s.phase.kind === 'alternative' && s.phase.index === Number(alt[1]));
    return i < 0 ? undefined : { index: i, phase: plan.segments[i]!.phase };
  }
  const sw = /^sweep (\d+)$/.exec(stage);
  if (sw) {
    const offices = Number(sw[1]);
    if (!curveSeen.includes(offices)) curveSeen.push(offices);
    const k = typeof plan.curve === 'number' ? curveSeen.indexOf(offices) : plan.curve.indexOf(offices);
    const first = plan.segments.findIndex((s) => s.phase.kind === 'curve');
    if (first < 0 || k < 0) return undefined;
    const i = Math.min(first + k, plan.segments.length - 2);
    const of = typeof plan.curve === 'number' ? plan.curve : plan.curve.length;
    return { index: i, phase: { kind: 'curve', offices, index: k + 1, of } };
  }
  return undefined;
}

/** The share of the whole plan done: every segment before `index`, and `seconds` into it (never all of it before it ends). */
export function fractionAt(plan: Plan, index: number, seconds: number): number {
  if (plan.seconds <= 0) return 0;
  const before = plan.segments.slice(0, index).reduce((a, x) => a + x.seconds, 0);
  const own = plan.segments[index]?.seconds ?? 0;
  return (before + Math.min(Math.max(0, seconds), own * 0.95)) / plan.seconds;
}

const figuresOf = (p: Progress | undefined): RunFigures | undefined =>
  p && (p.incumbent !== null || p.bound !== null || p.gap !== null) ? { incumbent: p.incumbent, bound: p.bound, gap: p.gap } : undefined;

/** The language of a catalogue of the pane's words. */
const languageOf = (w: Words): Language => (w === WORDS.en ? 'en' : 'nb');

export class RunController {
  private handle: RunHandle | undefined;
  private running = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly deps: Readonly<{
      dispatch: (a: Action) => void;
      planner: Planner;
      solve: Solve;
      workerUrl: string;
      /** Called after a run wrote (the pane reads the new state of the workbook). */
      onLoaded: () => void;
      now?: () => number;
      /** How often the bar moves on between the optimiser's reports (ms). */
      tickMs?: number;
    }>,
  ) {}

  get busy(): boolean {
    return this.running;
  }

  /** Whether cancel can do anything now (a solve is under way, not the writing). */
  get cancellable(): boolean {
    return this.handle !== undefined;
  }

  /** Starts a run; false (and nothing started) when one is under way. Resolves when it has ended. */
  start(r: RunRequest): { started: boolean; done: Promise<void> } {
    if (this.running) return { started: false, done: Promise.resolve() };
    this.running = true;
    return { started: true, done: this.go(r) };
  }

  cancel(): void {
    if (!this.handle) return;
    this.deps.dispatch({ type: 'runCancelling' });
    this.handle.cancel();
  }

  /** Stops the ticking (the pane is closed); a run under way is cancelled. */
  dispose(): void {
    this.cancel();
    this.stopTicking();
  }

  private stopTicking() {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async go(r: RunRequest): Promise<void> {
    const { dispatch, planner } = this.deps;
    const now = this.deps.now ?? (() => Date.now());
    let at = { index: 0, since: now() };
    let phase: Phase = { kind: 'best' };
    let plan: Plan | undefined;
    const report = (figures?: RunFigures) =>
      plan && dispatch({ type: 'runPhase', phase, figures, fraction: fractionAt(plan, at.index, (now() - at.since) / 1000) });
    try {
      let pr: OptProblem;
      try {
        pr = planner.optimisationProblem(r.req, r.rules);
      } catch (e) {
        throw e instanceof NotReadError ? new Error('notRead') : e;
      }
      plan = planRun(r, pr);
      dispatch({ type: 'runStarted', at: now(), plannedSeconds: plan.seconds });
      report();
      this.timer = setInterval(() => report(), this.deps.tickMs ?? 500);
      const seen: number[] = [];
      this.handle = this.deps.solve(this.deps.workerUrl, pr, plan.options, (stage, progress) => {
        const s = segmentOf(plan!, stage, seen);
        if (s && s.index !== at.index) at = { index: s.index, since: now() };
        if (s) phase = s.phase;
        report(figuresOf(progress));
      });
      let outcome: OutcomeSummary;
      try {
        outcome = await this.handle.done;
      } catch (e) {
        const key = e instanceof CancelledError ? 'cancelledBeforeAny' : e instanceof WorkerStoppedError ? 'workerStopped' : undefined;
        // Said in the language shown, also after the planner switches (the reason is coded where the engine gives one).
        this.end((w) => ({ intent: 'error', text: `${key ? w[key] : textOf(e as Error, languageOf(w))} ${w.rulesKept}` }));
        return;
      } finally {
        this.handle = undefined;
      }
      at = { index: plan.segments.length - 1, since: now() };
      phase = { kind: 'writing' };
      report();
      const result = await planner.writeOptimised(r.req, pr, outcome, r.rules, (_, progress) => {
        if (progress) phase = { kind: 'writing', sheet: progress.sheet, of: progress.of };
        report();
      });
      this.deps.onLoaded();
      const offices = outcome.best.evaluation.offices;
      const status = outcome.best.status;
      const sheets = result.specs.length;
      const stopped = outcome.stopped === true;
      this.end((w) => {
        const said = w.optimisedOutcome(offices, w.status[status], sheets);
        return stopped ? { intent: 'warning', text: `${w.cancelledNote} ${said}` } : { intent: 'success', text: said };
      }, result.heading.slice(1));
    } catch (e) {
      if (e instanceof StaleDataError) {
        this.deps.onLoaded();
        this.end((w) => ({ intent: 'error', text: w.staleData }));
      } else if (e instanceof NotReadError || (e as Error).message === 'notRead') this.end((w) => ({ intent: 'error', text: w.notRead }));
      else this.end((w) => ({ intent: 'error', text: textOf(e as Error, languageOf(w)) }));
    }
  }

  private end(notice: (w: Words) => { intent: 'error' | 'success' | 'info' | 'warning'; text: string }, summary?: readonly string[]) {
    this.stopTicking();
    this.handle = undefined;
    this.running = false;
    this.deps.dispatch({ type: 'runEnded', notice, summary });
  }
}
