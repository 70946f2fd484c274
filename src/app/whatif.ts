/**
 * What-if in place: a scenario the planner changes one municipality at a time (move it to
 * another host, make it an office of its own, change its service point), scored again after
 * every change, with undo and redo, and kept as a scenario of its own when she likes it.
 *
 * Pure: the state is the scenario picked plus the list of edits; `apply` replays them,
 * `rescore` scores the result as `plan` would (the same scoreScenario, the consequence table and
 * the per-municipality comparison against the baseline). Only the offices an edit touched are
 * scored again: the others keep their OfficeScore (a pure function of the office, the input and
 * the parameters), and the scenario's totals are summed over them by scoreScenario's own code.
 *
 * What a move means:
 * - A partner moved to another host joins that office with its service point; the office it
 *   left keeps its other members.
 * - A municipality moved to itself becomes an office of its own (with a full office).
 * - A host moved to another host takes its partners along: the two offices become one, under
 *   the new host, every member keeping its service point (the old host keeps its full office,
 *   now a local office). To split an office instead, move the partners first.
 * - The target must be a host in the scenario (or the municipality itself): moving to a partner
 *   of another office is refused, with the office it belongs to named.
 * The office a member joins keeps its host agreement and legal form; a new office of one has
 * none to need.
 */
import type { Parameters } from '../domain/parameters';
import type { CellValue, SheetSpec } from '../domain/sheets';
import type { Municipality, MunicipalityNumber, Office, PlanningInput, Scenario, ServicePoint } from '../domain/types';
import { MESSAGES, type Language, type ProblemCode } from '../io/problems';
import { optimizedScenariosSheet, OWN_SCENARIOS_SHEET } from '../io/optimizeOutput';
import { servicePointLabel } from '../io/servicePoint';
import { consequences } from '../scoring/consequences';
import { scoreOffice, scoreScenario, withRatings, type OfficeScore, type ScenarioScore } from '../scoring/score';
import { baselineIndex, versusBaseline } from '../scoring/versus';
import { SheetConflictError, type WorkbookPort } from '../workbook/port';

/** One change to a scenario. `host` equal to `member`: an office of its own. */
export type Edit =
  | Readonly<{ kind: 'move'; member: MunicipalityNumber; host: MunicipalityNumber }>
  | Readonly<{ kind: 'servicePoint'; member: MunicipalityNumber; servicePoint: ServicePoint }>;

/** What the edits are made against: the planner's input, the rules, where municipalities were read. */
export type WhatIfContext = Readonly<{
  input: PlanningInput;
  params: Parameters;
  /** The sheet the municipalities were read from (named in a message about an unknown one). */
  municipalitiesSheet: string;
}>;

export type WhatIfState = Readonly<{
  /** The scenario picked, as it was. */
  base: Scenario;
  /** The edits in force, oldest first. */
  edits: readonly Edit[];
  /** Edits undone, the most recently undone last: redo takes them back in order. */
  undone: readonly Edit[];
  /** `base` with `edits` applied. */
  scenario: Scenario;
}>;

/** A refused edit: a message code of the catalogue (src/io/problems.ts) and its parameters. */
export type WhatIfError = Readonly<{ code: ProblemCode; params: Readonly<Record<string, string | number>> }>;

export type EditResult = Readonly<{ state: WhatIfState; error?: undefined }> | Readonly<{ state?: undefined; error: WhatIfError }>;

/** The message of a refused edit in the user's language. */
export function whatIfMessage(e: WhatIfError, lang: Language = 'nb'): string {
  const template: string = MESSAGES[e.code][lang];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(e.params[k] ?? `{${k}}`));
}

export function start(base: Scenario): WhatIfState {
  return { base, edits: [], undone: [], scenario: base };
}

const fail = (code: ProblemCode, params: WhatIfError['params']): EditResult => ({ error: { code, params } });

function officeOf(scenario: Scenario, number: string): Office | undefined {
  return scenario.offices.find((o) => o.members.some((m) => m.number === number));
}

function sameServicePoint(a: ServicePoint, b: ServicePoint): boolean {
  return a.kind === b.kind && (a.kind !== 'branch' || a.days === (b as { days: number }).days);
}

/**
 * Checks an edit against a scenario: undefined when it applies, else why not. Every refusal
 * names the municipalities by name and the scenario.
 */
export function checkEdit(scenario: Scenario, edit: Edit, ctx: WhatIfContext): WhatIfError | undefined {
  const byNumber = new Map<string, Municipality>(ctx.input.municipalities.map((m) => [m.number, m]));
  const label = (n: string) => byNumber.get(n)?.name ?? n;
  const err = (code: ProblemCode, params: WhatIfError['params']) => fail(code, params).error;
  for (const n of edit.kind === 'move' ? [edit.member, edit.host] : [edit.member])
    if (!byNumber.has(n)) return err('whatIfUnknownMunicipality', { number: n, sheetName: ctx.municipalitiesSheet });
  const from = officeOf(scenario, edit.member);
  if (!from) return err('whatIfNotInScenario', { name: label(edit.member), scenario: scenario.name });
  if (edit.kind === 'move') {
    if (edit.host === from.host) return err('whatIfSameHost', { name: label(edit.member), host: label(from.host) });
    if (edit.host !== edit.member) {
      const target = officeOf(scenario, edit.host);
      if (!target) return err('whatIfNotInScenario', { name: label(edit.host), scenario: scenario.name });
      if (target.host !== edit.host)
        return err('whatIfNotAHost', { host: label(edit.host), scenario: scenario.name, office: label(target.host) });
    }
    return undefined;
  }
  const sp = edit.servicePoint;
  if (edit.member === from.host) return err('whatIfHostServicePoint', { name: label(edit.member) });
  if (sp.kind === 'branch' && !(Number.isFinite(sp.days) && sp.days > 0 && sp.days <= 5))
    return err('whatIfBadDays', { days: String(sp.days) });
  const now = from.members.find((m) => m.number === edit.member)!.servicePoint;
  if (sameServicePoint(now, sp))
    return err('whatIfSameServicePoint', {
      name: label(edit.member),
      servicePoint: servicePointLabel(sp, true, 'nb'),
      servicePointEn: servicePointLabel(sp, true, 'en'),
    });
  return undefined;
}

/**
 * One edit applied to a scenario (assumed checked). Offices the edit does not touch are the
 * same objects as before, so their scores can be reused.
 */
export function applyEdit(scenario: Scenario, edit: Edit): Scenario {
  const from = officeOf(scenario, edit.member)!;
  if (edit.kind === 'servicePoint') {
    const changed: Office = {
      ...from,
      members: from.members.map((m) => (m.number === edit.member ? { ...m, servicePoint: edit.servicePoint } : m)),
    };
    return { ...scenario, offices: scenario.offices.map((o) => (o === from ? changed : o)) };
  }
  const isHost = from.host === edit.member;
  // A host takes its partners along; a partner goes alone.
  const moving = isHost ? from.members : from.members.filter((m) => m.number === edit.member);
  const left: Office | undefined = isHost ? undefined : { ...from, members: from.members.filter((m) => m.number !== edit.member) };
  if (edit.host === edit.member) {
    // An office of its own (never reached for a host: that is a move to its own host, refused).
    const own: Office = { host: edit.member, members: [{ number: edit.member, servicePoint: { kind: 'full' } }], hostAgreement: true };
    return { ...scenario, offices: [...scenario.offices.map((o) => (o === from ? left! : o)), own] };
  }
  const target = officeOf(scenario, edit.host)!;
  const joined: Office = { ...target, members: [...target.members, ...moving] };
  const offices: Office[] = [];
  for (const o of scenario.offices) {
    if (o === target) offices.push(joined);
    else if (o === from) {
      if (left) offices.push(left);
    } else offices.push(o);
  }
  return { ...scenario, offices };
}

/** The edits replayed on a base scenario. */
export function apply(base: Scenario, edits: readonly Edit[]): Scenario {
  return edits.reduce(applyEdit, base);
}

/** Adds an edit (checked first); a new edit clears what could be redone. */
export function edit(state: WhatIfState, e: Edit, ctx: WhatIfContext): EditResult {
  const error = checkEdit(state.scenario, e, ctx);
  if (error) return { error };
  return { state: { base: state.base, edits: [...state.edits, e], undone: [], scenario: applyEdit(state.scenario, e) } };
}

/**
 * The edits made again on a new base (the workbook read again: the same scenario, new objects,
 * perhaps changed data): those that still apply are kept, in order; the others are dropped and
 * returned, so the pane can say so. What could be redone is dropped.
 */
export function rebase(
  state: WhatIfState,
  base: Scenario,
  ctx: WhatIfContext,
): { state: WhatIfState; dropped: { edit: Edit; error: WhatIfError }[] } {
  let s = start(base);
  const dropped: { edit: Edit; error: WhatIfError }[] = [];
  for (const e of state.edits) {
    const r = edit(s, e, ctx);
    if (r.state) s = r.state;
    else dropped.push({ edit: e, error: r.error });
  }
  return { state: s, dropped };
}

export const canUndo = (s: WhatIfState) => s.edits.length > 0;
export const canRedo = (s: WhatIfState) => s.undone.length > 0;

/** The last edit taken back: the scenario as it was before it. */
export function undo(s: WhatIfState): WhatIfState {
  if (!canUndo(s)) return s;
  const edits = s.edits.slice(0, -1);
  return { base: s.base, edits, undone: [...s.undone, s.edits[s.edits.length - 1]!], scenario: apply(s.base, edits) };
}

/** The last undone edit made again. */
export function redo(s: WhatIfState): WhatIfState {
  if (!canRedo(s)) return s;
  const e = s.undone[s.undone.length - 1]!;
  return { base: s.base, edits: [...s.edits, e], undone: s.undone.slice(0, -1), scenario: applyEdit(s.scenario, e) };
}

/** The scored view of a what-if: the scenario now, the scenario picked, the baseline. */
export type WhatIfView = Readonly<{
  /** The scenario with the edits, scored as `plan` scores it, with its consequences and per-municipality comparison against the baseline. */
  score: ScenarioScore;
  /** The scenario as picked, scored the same way. */
  before: ScenarioScore;
  /** The baseline the consequences are graded against (today's structure, or the first scenario). */
  baseline: ScenarioScore;
}>;

/**
 * Scores what-ifs against one input and rules. Keeps the baseline's score and the score of
 * every office it has seen (by the office object: an edit replaces only the offices it touches),
 * so an edit costs the offices it changed plus the scenario's totals.
 */
export class WhatIfScorer {
  readonly params: Parameters;
  readonly baseline: ScenarioScore;
  private readonly byNumber: ReadonlyMap<string, Municipality>;
  private offices = new WeakMap<Office, OfficeScore>();
  private readonly input: PlanningInput;
  private readonly baselineScenario: Scenario | undefined;

  constructor(readonly ctx: WhatIfContext) {
    this.params = withRatings(ctx.params, ctx.input.ratings);
    this.input = ctx.input;
    this.byNumber = new Map(ctx.input.municipalities.map((m) => [m.number as string, m]));
    const scenarios = ctx.input.scenarios;
    this.baselineScenario = scenarios[baselineIndex(scenarios.map((s) => s.name))];
    this.baseline = this.scoreAlone(this.baselineScenario ?? { name: '', offices: [] });
  }

  /** A scenario scored alone, with the office scores reused where the office is one seen before. */
  private scoreAlone(scenario: Scenario): ScenarioScore {
    return scoreScenario(scenario, this.input, this.params, (o) => {
      let s = this.offices.get(o);
      if (!s) {
        s = scoreOffice(o, this.input, this.byNumber, this.params);
        this.offices.set(o, s);
      }
      return s;
    });
  }

  /** A scenario scored with its consequences and per-municipality comparison against the baseline. */
  score(scenario: Scenario): ScenarioScore {
    // The baseline itself, unchanged, is compared with nothing (as scoreAll leaves it).
    if (scenario === this.baselineScenario) return this.baseline;
    const s = this.scoreAlone(scenario);
    return {
      ...s,
      versus: versusBaseline(s, this.baseline),
      consequences: consequences(s, this.baseline, this.params.minFte),
    };
  }

  rescore(state: WhatIfState): WhatIfView {
    return { score: this.score(state.scenario), before: this.score(state.base), baseline: this.baseline };
  }
}

/** A what-if scored once, without a scorer kept: `rescore(ctx, state)`. */
export function rescore(ctx: WhatIfContext, state: WhatIfState): WhatIfView {
  return new WhatIfScorer(ctx).rescore(state);
}

/** Names already taken by a scenario (the planner's, the optimiser's, her own), compared as Excel compares sheet text: without case. */
export function checkName(name: string, input: PlanningInput): WhatIfError | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return { code: 'whatIfNameMissing', params: {} };
  if (input.scenarios.some((s) => s.name.toLowerCase() === trimmed.toLowerCase()))
    return { code: 'whatIfNameTaken', params: { scenario: trimmed } };
  return undefined;
}

/**
 * Kontorplan's sheet of the planner's own what-if scenarios, in the layout of KP Optimerte
 * scenarier (read back by readWorkbook and scored by `plan` like the planner's Scenarier).
 * The agreement column names the office's legal form where the input states one (sammenslått,
 * statlig, vertskommune, uformelt, ukjent), so a merger, a state-only area or an office of
 * Kontorer with no stated form reads back as it was; otherwise it says ja or nei.
 */
export function ownScenariosSheet(
  scenarios: readonly Scenario[],
  names: ReadonlyMap<string, string>,
  siteCost: (scenario: Scenario, member: string, host: string) => number | undefined,
  lang: Language = 'nb',
): SheetSpec {
  const heading = [MESSAGES.whatIfSheetTitle[lang]];
  const spec = optimizedScenariosSheet(scenarios, names, heading, siteCost, lang);
  const table = spec.tables![0]!;
  // The same rows in the same order: scenario, office, member.
  const forms: (string | undefined)[] = [];
  for (const s of scenarios) for (const o of s.offices) for (let k = 0; k < o.members.length; k++) forms.push(o.legalForm);
  const rows = table.rows.map((r, i) => (forms[i] === undefined ? r : ([...r.slice(0, 6), forms[i]!, ...r.slice(7)] as CellValue[])));
  return { ...spec, name: OWN_SCENARIOS_SHEET, tables: [{ ...table, name: 'KP_Egne_scenarier', rows }] };
}

/**
 * Keeps a what-if as a scenario: writes KP Egne scenarier with the planner's earlier own
 * scenarios and the new one, named `name`, and nothing else (every other sheet of Kontorplan's is
 * kept as it is; the planner's own sheets, Scenarier among them, are never written). Refused,
 * with nothing written, when the name is blank or taken, or when a sheet of that name is the
 * planner's own.
 */
export async function keepAsScenario(
  wb: WorkbookPort,
  value: PlanningInput & { sheetsUsed: { ownScenarioNames?: readonly string[] } },
  scenario: Scenario,
  name: string,
  siteCost: (scenario: Scenario, member: string, host: string) => number | undefined,
  lang: Language = 'nb',
): Promise<WhatIfError | { sheet: string; scenario: string }> {
  const bad = checkName(name, value);
  if (bad) return bad;
  const mine = new Set(value.sheetsUsed.ownScenarioNames ?? []);
  const kept = [...value.scenarios.filter((s) => mine.has(s.name)), { ...scenario, name: name.trim() }];
  const names = new Map<string, string>(value.municipalities.map((m) => [m.number, m.name]));
  try {
    await wb.replaceOwnSheets([ownScenariosSheet(kept, names, siteCost, lang)], () => true);
  } catch (e) {
    if (e instanceof SheetConflictError) return { code: 'whatIfSheetTaken', params: { sheet: e.sheet } };
    throw e;
  }
  return { sheet: OWN_SCENARIOS_SHEET, scenario: name.trim() };
}

/** The hosts a member can be moved to: every host of the scenario, and itself (an office of its own). */
export function hostChoices(scenario: Scenario, member: MunicipalityNumber): MunicipalityNumber[] {
  const hosts = scenario.offices.map((o) => o.host);
  return hosts.includes(member) ? hosts : [...hosts, member];
}
