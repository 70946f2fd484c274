/**
 * The task pane's state, above the tabs: what the planner set (language, the optimisation's
 * form), what was read from the workbook (a version bumped on every read, its error), and the
 * one optimisation run (owned by the RunController in runController.ts). The tabs are views
 * over it: a tab shown again, or one mounted later, sees the same state.
 */
import type { Language } from '../io/problems';
import type { Rules } from './planner';
import type { Words } from './i18n';
import type { Notice } from './components/common';

export type TabId = 'data' | 'scenarios' | 'optimise' | 'compare' | 'costs';
export const TABS: readonly TabId[] = ['data', 'scenarios', 'optimise', 'compare', 'costs'];

/** What the planner typed on the Optimiser tab. `offices` undefined: half the workbook's municipalities. */
export type OptimiseForm = Readonly<{
  rules: Rules | undefined;
  mode: 'count' | 'cost';
  offices: number | undefined;
  officeCost: number;
  forced: string;
  forbidden: string;
  locked: string;
  timeLimit: number;
  servicePoints: boolean;
  keepLocations: boolean;
  keepExisting: boolean;
}>;

/**
 * Where a run is, in the planner's terms: finding the best structure for the count asked,
 * alternatives to it, the trade-off curve's other counts, writing the sheets.
 */
export type Phase =
  | Readonly<{ kind: 'best' }>
  | Readonly<{ kind: 'alternative'; index: number }>
  | Readonly<{ kind: 'curve'; offices: number; index: number; of: number }>
  | Readonly<{ kind: 'writing' }>;

/** HiGHS's report: the objective of the best structure, the proven bound and the gap, when known. */
export type RunFigures = Readonly<{ incumbent: number | null; bound: number | null; gap: number | null }>;

export type RunState = Readonly<{
  /** A run is under way (optimising, then writing). */
  running: boolean;
  /** The planner asked to stop it. */
  cancelling: boolean;
  phase: Phase | undefined;
  figures: RunFigures | undefined;
  /** When it started (ms, the controller's clock) and the most it is planned to take (s). */
  startedAt: number;
  plannedSeconds: number;
  /** Share of the whole run done, 0–1, never going back within a run. */
  fraction: number;
  /** What the last run came to, in the language shown at the time it is read. */
  notice: ((w: Words) => Notice) | undefined;
  /** The result's lines (the scenario's heading) after a run that wrote. */
  summary: readonly string[];
  /** How many runs were started (a second one is never started beside the first). */
  started: number;
}>;

export type PaneState = Readonly<{
  language: Language;
  /** A built-in tab (TabId) or one hooked in after them. */
  tab: string;
  /** Tabs shown once: mounted and kept (hidden while another is shown). */
  opened: readonly string[];
  /** Bumped on every read of the workbook, so the tabs score what is there now. */
  version: number;
  ready: boolean;
  error: string | undefined;
  /** A re-read the pane started by itself found the data changed. */
  changed: boolean;
  rereading: boolean;
  form: OptimiseForm;
  run: RunState;
}>;

export const IDLE_RUN: RunState = {
  running: false,
  cancelling: false,
  phase: undefined,
  figures: undefined,
  startedAt: 0,
  plannedSeconds: 0,
  fraction: 0,
  notice: undefined,
  summary: [],
  started: 0,
};

export const DEFAULT_FORM: OptimiseForm = {
  rules: undefined,
  mode: 'count',
  offices: undefined,
  // Our assumption, as before in the tab: five minutes of mean travel per office.
  officeCost: 5,
  forced: '',
  forbidden: '',
  locked: '',
  // Our assumption: 30 s is enough for a county (the README's measurements), the planner can raise it.
  timeLimit: 30,
  servicePoints: true,
  keepLocations: false,
  keepExisting: false,
};

export function initialState(language: Language): PaneState {
  return {
    language,
    tab: 'data',
    opened: ['data'],
    version: 0,
    ready: false,
    error: undefined,
    changed: false,
    rereading: false,
    form: DEFAULT_FORM,
    run: IDLE_RUN,
  };
}

export type Action =
  | Readonly<{ type: 'language'; language: Language }>
  | Readonly<{ type: 'tab'; tab: string }>
  | Readonly<{ type: 'loaded' }>
  | Readonly<{ type: 'ready' }>
  | Readonly<{ type: 'error'; message: string | undefined }>
  | Readonly<{ type: 'rereading'; on: boolean }>
  | Readonly<{ type: 'changed' }>
  | Readonly<{ type: 'form'; patch: Partial<OptimiseForm> }>
  | Readonly<{ type: 'runStarted'; at: number; plannedSeconds: number }>
  | Readonly<{ type: 'runPhase'; phase: Phase; figures?: RunFigures; fraction: number }>
  | Readonly<{ type: 'runCancelling' }>
  | Readonly<{ type: 'runEnded'; notice: (w: Words) => Notice; summary?: readonly string[] }>;

function run(state: RunState, a: Action): RunState {
  switch (a.type) {
    case 'runStarted':
      return { ...IDLE_RUN, running: true, startedAt: a.at, plannedSeconds: a.plannedSeconds, started: state.started + 1 };
    case 'runPhase':
      if (!state.running) return state;
      return {
        ...state,
        phase: a.phase,
        // Figures belong to one solve: a new phase starts without them, a report within it keeps them.
        figures: a.figures ?? (samePhase(state.phase, a.phase) ? state.figures : undefined),
        fraction: Math.max(state.fraction, Math.min(1, Math.max(0, a.fraction))),
      };
    case 'runCancelling':
      return state.running ? { ...state, cancelling: true } : state;
    case 'runEnded':
      return { ...IDLE_RUN, started: state.started, notice: a.notice, summary: a.summary ?? [] };
    default:
      return state;
  }
}

const samePhase = (a: Phase | undefined, b: Phase): boolean => JSON.stringify(a) === JSON.stringify(b);

export function reducer(state: PaneState, a: Action): PaneState {
  switch (a.type) {
    case 'language':
      return { ...state, language: a.language };
    case 'tab':
      return { ...state, tab: a.tab, opened: state.opened.includes(a.tab) ? state.opened : [...state.opened, a.tab], changed: false };
    case 'loaded':
      return { ...state, version: state.version + 1 };
    case 'ready':
      return { ...state, ready: true };
    case 'error':
      return { ...state, error: a.message };
    case 'rereading':
      return { ...state, rereading: a.on };
    case 'changed':
      return { ...state, changed: true };
    case 'form':
      return { ...state, form: { ...state.form, ...a.patch } };
    default: {
      const r = run(state.run, a);
      return r === state.run ? state : { ...state, run: r };
    }
  }
}

// Selectors: what the views read, computed from the state alone.

/** The office count the form shows: as typed, or half the workbook's municipalities (at least 1). */
export const selectOffices = (s: PaneState, municipalities: number): number =>
  s.form.offices ?? Math.max(1, Math.round(municipalities / 2));

/** The form's rules: as typed, or the workbook's. */
export const selectRules = (s: PaneState, workbook: Rules): Rules => s.form.rules ?? workbook;

export const selectRunning = (s: PaneState): boolean => s.run.running;

/** The run's progress as the planner reads it: what it is doing, how far, and how long it may still take. */
export type ProgressView = Readonly<{
  phase: Phase | undefined;
  fraction: number;
  elapsedSeconds: number;
  /** At most this many seconds left (the time limits of what is still to do); undefined when unknown. */
  remainingSeconds: number | undefined;
  figures: RunFigures | undefined;
}>;

export function selectProgress(s: PaneState, now: number): ProgressView | undefined {
  const r = s.run;
  if (!r.running) return undefined;
  const elapsed = Math.max(0, (now - r.startedAt) / 1000);
  // What is still to do at its limits: the share not done of the plan (parts that end early move the share on).
  const remaining = r.plannedSeconds > 0 ? Math.max(0, r.plannedSeconds * (1 - r.fraction)) : undefined;
  return { phase: r.phase, fraction: r.fraction, elapsedSeconds: elapsed, remainingSeconds: remaining, figures: r.figures };
}
