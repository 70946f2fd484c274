/**
 * The task pane's state, above the tabs: what the planner set (language, the optimisation's
 * form), what was read from the workbook (a version bumped on every read, its error), and the
 * one optimisation run (owned by the RunController in runController.ts). The tabs are views
 * over it: a tab shown again, or one mounted later, sees the same state.
 */
import type { Language } from '../io/problems';
import type { CostKey, DriverId } from '../costkeys/keys';
import type { ColumnMapping } from '../io/mapping';
import type { Loaded, Rules } from './planner';
import type { Words } from './i18n';
import type { Notice } from './components/common';

export type TabId = 'data' | 'scenarios' | 'whatif' | 'optimise' | 'compare' | 'costs';
export const TABS: readonly TabId[] = ['data', 'scenarios', 'whatif', 'optimise', 'compare', 'costs'];

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
  /** Let a smaller municipality host a larger one (off: the host is the office's most populous, DEFAULT_PARAMETERS). */
  anyHost: boolean;
}>;

/** What the planner chose on the Kostnadsnøkler tab; undefined scenario, office or cost: the first, or the default. */
export type CostsForm = Readonly<{
  scenario: string | undefined;
  host: string | undefined;
  kind: CostKey['kind'];
  fixed: number;
  driver: DriverId;
  mixPopulation: number;
  costPerFte: number | undefined;
}>;

/** What the planner chose on the Data tab: the mapping being edited (undefined: the workbook's), the sample's county, the guide's choice. */
export type DataForm = Readonly<{ mapping: ColumnMapping | undefined; county: string; ownSheets: boolean }>;

/**
 * Where a run is, in the planner's terms: finding the best structure for the count asked,
 * alternatives to it, the trade-off curve's other counts, writing the sheets.
 */
export type Phase =
  | Readonly<{ kind: 'best' }>
  | Readonly<{ kind: 'alternative'; index: number }>
  | Readonly<{ kind: 'curve'; offices: number; index: number; of: number }>
  /** `sheet` of `of` is being written, once the sheets are built. */
  | Readonly<{ kind: 'writing'; sheet?: number; of?: number }>;

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
  /** The last read of the workbook (the Planner's), as the tabs show it. */
  loaded: Loaded | undefined;
  ready: boolean;
  error: string | undefined;
  /** A re-read the pane started by itself found the data changed. */
  changed: boolean;
  rereading: boolean;
  form: OptimiseForm;
  costs: CostsForm;
  data: DataForm;
  /** The scenario shown on the Scenarier tab (undefined: the first). */
  picked: string | undefined;
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
  anyHost: false,
};

// Our assumptions, as the tab always had them: a per-inhabitant key, 20 % fixed, half on population.
export const DEFAULT_COSTS: CostsForm = {
  scenario: undefined,
  host: undefined,
  kind: 'per-capita',
  fixed: 0.2,
  driver: 'population',
  mixPopulation: 0.5,
  costPerFte: undefined,
};

/** The sample's county until the planner picks another: Nordland (18), whose cooperations report 004 describes (our choice of default). */
export const DEFAULT_DATA: DataForm = { mapping: undefined, county: '18', ownSheets: false };

export function initialState(language: Language): PaneState {
  return {
    language,
    tab: 'data',
    opened: ['data'],
    version: 0,
    loaded: undefined,
    ready: false,
    error: undefined,
    changed: false,
    rereading: false,
    form: DEFAULT_FORM,
    costs: DEFAULT_COSTS,
    data: DEFAULT_DATA,
    picked: undefined,
    run: IDLE_RUN,
  };
}

export type Action =
  | Readonly<{ type: 'language'; language: Language }>
  | Readonly<{ type: 'tab'; tab: string }>
  | Readonly<{ type: 'loaded'; loaded: Loaded | undefined }>
  | Readonly<{ type: 'ready' }>
  | Readonly<{ type: 'error'; message: string | undefined }>
  | Readonly<{ type: 'rereading'; on: boolean }>
  | Readonly<{ type: 'changed' }>
  | Readonly<{ type: 'form'; patch: Partial<OptimiseForm> }>
  | Readonly<{ type: 'costs'; patch: Partial<CostsForm> }>
  | Readonly<{ type: 'data'; patch: Partial<DataForm> }>
  | Readonly<{ type: 'pick'; scenario: string }>
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
      return { ...state, version: state.version + 1, loaded: a.loaded };
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
    case 'costs':
      // Another scenario: its first office, unless one is named with it.
      return {
        ...state,
        costs: { ...state.costs, ...(a.patch.scenario !== undefined && !('host' in a.patch) ? { host: undefined } : {}), ...a.patch },
      };
    case 'data':
      return { ...state, data: { ...state.data, ...a.patch } };
    case 'pick':
      return { ...state, picked: a.scenario };
    default: {
      const r = run(state.run, a);
      return r === state.run ? state : { ...state, run: r };
    }
  }
}

// Selectors: what the views read, computed from the state alone.

/** The engine's input as last read; undefined before a read or when it has errors. */
export const selectValue = (s: PaneState) => s.loaded?.value;

/** The mapping the Data tab shows: as being edited, or the workbook's. */
export const selectMapping = (s: PaneState, workbook: ColumnMapping | undefined): ColumnMapping => s.data.mapping ?? workbook ?? {};

/** The first run: no sheet of municipalities found, none chosen. */
export const selectFirstRun = (s: PaneState, workbook: ColumnMapping | undefined): boolean =>
  !!s.loaded && !s.loaded.found.find((f) => f.kind === 'municipalities')?.sheet && !selectMapping(s, workbook).sheets?.municipalities;

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
