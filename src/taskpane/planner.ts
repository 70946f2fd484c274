/**
 * What the task pane does, without React: read the open workbook (with the planner's column
 * mapping), insert the sample, score, optimise, split costs, and write Kontorplan's sheets
 * back. Tested against the fake Excel; the components only call these methods.
 */
import { carriedOver, costsResult, keepFor, optimisedResult, scoredSpecs, type PlanValue } from '../app/steps';
import type { CostKey } from '../costkeys/keys';
import { embeddedReadOptions, type EmbeddedMunicipality } from '../data/embedded';
import { buildSampleWorkbook, selectCounty } from '../data/sample';
import { withParameters, type Parameters } from '../domain/parameters';
import type { WorkbookSnapshot } from '../domain/sheets';
import type { Scenario } from '../domain/types';
import { kindOfSheetName, type SheetKind } from '../io/headers';
import { applyMapping, asMapping, describeInputs, FIELDS_OF, type ColumnMapping, type FoundInput } from '../io/mapping';
import { hasErrors, type Problem } from '../io/problems';
import { readWorkbook, type ReadOptions } from '../io/readWorkbook';
import { fromPlanningInput, type OptimizeRequest } from '../optimize/fromInput';
import type { OptProblem } from '../optimize/problem';
import type { OutcomeSummary } from '../optimize/run';
import { scoreAll, type ScenarioScore } from '../scoring/score';
import type { TravelNetwork } from '../travel/network';
import type { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { SheetConflictError } from '../workbook/port';
import { fingerprint } from './changes';
import type { Offload } from './offload';

/** The sample's sheets are in the workbook already: the planner's now, so never overwritten. */
export class SampleTakenError extends Error {
  constructor(readonly sheets: readonly string[]) {
    super(`Arbeidsboken har allerede arkene ${sheets.join(', ')}. Ingenting ble skrevet.`);
    this.name = 'SampleTakenError';
  }
}

/** The workbook changed since the pane read it: nothing is written from the old reading. */
export class StaleDataError extends Error {
  constructor() {
    super('Arbeidsboken er endret siden den ble lest, så ingenting ble skrevet.');
    this.name = 'StaleDataError';
  }
}

/** The workbook has not been read, or has errors. */
export class NotReadError extends Error {
  constructor() {
    super('Arbeidsboken er ikke lest, eller har feil som må rettes først.');
    this.name = 'NotReadError';
  }
}

/** Lets the page draw (a progress message) before a long stretch of work. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** What a long step is doing, for the pane's progress. */
export type Stage = 'reading' | 'checking' | 'writing';

export type EmbeddedData = Readonly<{ municipalities: readonly EmbeddedMunicipality[]; network: TravelNetwork }>;

/** The rules the planner sets in the task pane, kept in the workbook with the mapping. */
export type Rules = Readonly<{
  minFte: number;
  maxTravelWithoutServicePoint: number;
  maxOwners: number;
  requireSameBaRegion: boolean;
}>;

export type Settings = Readonly<{ mapping?: ColumnMapping; rules?: Partial<Rules> }>;

export type Loaded = Readonly<{
  snapshot: WorkbookSnapshot;
  /** Problems in the planner's own sheet names; errors mean there is no `value`. */
  problems: readonly Problem[];
  value: PlanValue | undefined;
  found: readonly FoundInput[];
  /** The planner's sheets (not Kontorplan's), for choosing in the mapping. */
  sheetNames: readonly string[];
}>;

function asRules(v: unknown): Partial<Rules> {
  if (typeof v !== 'object' || v === null) return {};
  const r = v as Record<string, unknown>;
  const out: Record<string, number | boolean> = {};
  for (const k of ['minFte', 'maxTravelWithoutServicePoint', 'maxOwners'] as const)
    if (typeof r[k] === 'number' && Number.isFinite(r[k])) out[k] = r[k];
  if (typeof r.requireSameBaRegion === 'boolean') out.requireSameBaRegion = r.requireSameBaRegion;
  return out as Partial<Rules>;
}

export class Planner {
  settings: Settings = {};
  loaded: Loaded | undefined;
  /** Called when the planner changes cells of an input sheet read last time (Excel's onChanged). */
  onInputChanged: ((sheet: string) => void) | undefined;
  /** Where the heavy work runs when not on this thread (offload.ts: the pane's Web Worker). */
  offload: Offload | undefined;

  private scored: { value: PlanValue; scores: ScenarioScore[] } | undefined;
  /** Built once: every read of the workbook uses the same embedded data. */
  private readonly readOptions: ReadOptions;

  constructor(
    readonly workbook: OfficeWorkbook,
    readonly data: EmbeddedData,
  ) {
    this.readOptions = embeddedReadOptions(data.municipalities, data.network);
  }

  get params(): Parameters {
    return withParameters(this.settings.rules ?? {});
  }

  get rules(): Rules {
    const p = this.params;
    return {
      minFte: p.minFte,
      maxTravelWithoutServicePoint: p.maxTravelWithoutServicePoint,
      maxOwners: p.maxOwners,
      requireSameBaRegion: p.requireSameBaRegion,
    };
  }

  /**
   * Reads the workbook (OfficeWorkbook.read's round trips) and the engine's input from it, and
   * watches the input sheets it found for changes (one more round trip when there are new ones).
   */
  async load(onStage?: (stage: Stage) => void): Promise<Loaded> {
    onStage?.('reading');
    const raw = await this.workbook.read();
    onStage?.('checking');
    await yieldToUi();
    const stored = this.workbook.settings as { mapping?: unknown; rules?: unknown } | undefined;
    this.settings = { mapping: asMapping(stored?.mapping), rules: asRules(stored?.rules) };
    const mapped = applyMapping(raw, this.settings.mapping);
    const result = this.offload
      ? await this.offload.read(mapped.snapshot, this.params)
      : readWorkbook(mapped.snapshot, this.params, this.readOptions);
    // Partial results, as the command line gives them: Scenarier's problems are shown, and the
    // scenarios without errors are scored; only problems in the other sheets hold everything up.
    // A Scenarier sheet that cannot be read at all (no scenario left out by name) holds it up too.
    const unreadable = hasErrors(result.scenarioProblems) && (result.value?.sheetsUsed.brokenScenarios ?? []).length === 0;
    const scenarioProblems = result.scenarioProblems.map(mapped.restore);
    const blocking = [...result.problems.map(mapped.restore), ...(unreadable ? scenarioProblems : [])];
    const problems = unreadable ? blocking : [...blocking, ...scenarioProblems];
    const used = result.value?.sheetsUsed;
    const owned = new Set(raw.ownedSheets);
    this.loaded = {
      snapshot: mapped.snapshot,
      problems,
      value: hasErrors(blocking) ? undefined : result.value,
      found: describeInputs(raw, this.sheetsFound(raw, used, mapped.original), this.settings.mapping),
      sheetNames: raw.sheets.filter((s) => !owned.has(s.name)).map((s) => s.name),
    };
    const scored = (result as { scores?: ScenarioScore[] }).scores;
    if (this.loaded.value && scored) this.scored = { value: this.loaded.value, scores: scored };
    const inputs = this.loaded.found.map((f) => f.sheet).filter((s): s is string => s !== undefined);
    await this.workbook.watch(inputs, (sheet) => this.onInputChanged?.(sheet));
    return this.loaded;
  }

  /**
   * The sheet used for each input, in the planner's names: as read, or when the workbook has
   * errors (and so no result), the one chosen in the mapping or named for it.
   */
  private sheetsFound(
    raw: WorkbookSnapshot,
    used: PlanValue['sheetsUsed'] | undefined,
    original: (n: string) => string,
  ): Partial<Record<SheetKind, string>> {
    const owned = new Set(raw.ownedSheets);
    const named = (kind: SheetKind) =>
      this.settings.mapping?.sheets?.[kind] ?? raw.sheets.find((s) => !owned.has(s.name) && kindOfSheetName(s.name) === kind)?.name;
    if (!used) return Object.fromEntries((Object.keys(FIELDS_OF) as SheetKind[]).map((k) => [k, named(k)]));
    const o = (n: string | undefined) => (n === undefined ? undefined : original(n));
    return {
      municipalities: o(used.municipalities),
      travel: o(used.travel[0]),
      ferries: o(used.ferries[0]),
      staffing: o(used.staffing),
      scenarios: o(used.scenarios),
      costs: o(used.costs),
    };
  }

  /** Saves the mapping and rules in the workbook and reads it again with them. */
  async saveSettings(settings: Settings): Promise<Loaded> {
    await this.workbook.saveSettings(settings);
    return this.load();
  }

  counties(): { number: string; name: string }[] {
    const seen = new Map<string, string>();
    for (const m of this.data.municipalities) seen.set(m.county, m.countyName);
    return [...seen].map(([number, name]) => ({ number, name })).sort((a, b) => a.number.localeCompare(b.number));
  }

  /**
   * Builds the sample for a county (undefined: all of Norway) as the planner's own input sheets;
   * refused, before anything is written, when a sheet of that name is there already. Returns
   * the sheets added and how many municipalities they hold.
   */
  async insertSample(county: string | undefined, onStage?: (stage: Stage) => void): Promise<{ sheets: string[]; municipalities: number }> {
    const ms = selectCounty([...this.data.municipalities], county);
    const title =
      county === undefined
        ? `Hele landet, ${ms.length} kommuner`
        : `${ms[0]?.countyName ?? county} (fylke ${county}), ${ms.length} kommuner`;
    onStage?.('writing');
    await yieldToUi();
    const specs = this.offload
      ? await this.offload.sample(county, this.params, title)
      : buildSampleWorkbook(ms, this.params, title, this.data.network);
    // Every name taken is named at once (Excel compares names case-insensitively).
    const have = new Set((this.loaded?.sheetNames ?? []).map((n) => n.toLowerCase()));
    const taken = specs.map((x) => x.name).filter((n) => have.has(n.toLowerCase()));
    if (taken.length > 0) throw new SampleTakenError(taken);
    try {
      await this.workbook.addInputSheets(specs);
    } catch (e) {
      // Added since the last read: still the planner's sheet.
      if (e instanceof SheetConflictError) throw new SampleTakenError([e.sheet]);
      throw e;
    }
    await this.load(onStage);
    return { sheets: specs.map((x) => x.name), municipalities: ms.length };
  }

  private value(): PlanValue {
    const v = this.loaded?.value;
    if (!v) throw new NotReadError();
    return v;
  }

  /**
   * Reads the workbook again before a write: what the pane shows must be what is there. When it
   * differs, nothing is written and the pane has the new reading.
   */
  private async ensureCurrent(onStage?: (stage: Stage) => void): Promise<void> {
    // Sheets added, deleted, renamed or resized: seen in the outline, without reading the values
    // (edits within an input sheet reach the pane through Worksheet.onChanged).
    if (this.loaded && this.workbook.outline !== undefined && (await this.workbook.outlineNow()) === this.workbook.outline) return;
    const before = this.loaded;
    const now = await this.load(onStage);
    if (!before || fingerprint(before.snapshot) !== fingerprint(now.snapshot)) throw new StaleDataError();
  }

  /** Every scenario scored, once per read of the workbook (the tabs share it). */
  scores(): ScenarioScore[] {
    const value = this.value();
    if (this.scored?.value !== value) this.scored = { value, scores: scoreAll(value, this.params) };
    return this.scored.scores;
  }

  /**
   * Writes every scenario's sheet and the comparison (keeping cost and travel sheets). `check`
   * reads the workbook first and writes nothing when it changed since the pane read it.
   */
  async writeScenarios(o: { check?: boolean; onStage?: (stage: Stage) => void } = {}): Promise<string[]> {
    if (o.check) await this.ensureCurrent(o.onStage);
    const value = this.value();
    o.onStage?.('writing');
    await yieldToUi();
    const specs = this.offload
      ? await this.offload.scenarioSheets(this.params)
      : [...scoredSpecs(value.scenarios, value, this.params), ...carriedOver(this.loaded!.snapshot, value, this.params)];
    await this.workbook.replaceOwnSheets(specs, keepFor('plan'));
    await this.load(o.onStage);
    return specs.map((s) => s.name);
  }

  /** Today's structure (the Kontorer sheet), scored as the baseline; undefined without one. */
  baseline(): Scenario | undefined {
    const value = this.value();
    return value.scenarios.find((s) => s.name === value.sheetsUsed.baseline);
  }

  /** The optimisation under `rules` (default: the workbook's), nothing saved. */
  optimisationProblem(req: OptimizeRequest, rules?: Rules): OptProblem {
    return fromPlanningInput(this.value(), rules ? withParameters({ ...this.settings.rules, ...rules }) : this.params, req);
  }

  /**
   * Writes the optimiser's scenarios, the scored sheets and the trade-off curve under `rules`,
   * and only then keeps the rules in the workbook (so scoring and optimising agree): a run that
   * fails before this saves nothing. The new scenarios are read back.
   */
  async writeOptimised(req: OptimizeRequest, pr: OptProblem, outcome: OutcomeSummary, rules?: Rules, onStage?: (stage: Stage) => void) {
    await this.ensureCurrent(onStage);
    const params = rules ? withParameters({ ...this.settings.rules, ...rules }) : this.params;
    onStage?.('writing');
    await yieldToUi();
    const result = optimisedResult(this.value(), params, req, pr, outcome);
    await this.workbook.replaceOwnSheets(result.specs, keepFor('plan'));
    if (rules) await this.workbook.saveSettings({ ...this.settings, rules });
    await this.load(onStage);
    return result;
  }

  costs(o: { scenario: string; host: string; key: CostKey; costPerFte: number; costPerFteGiven: boolean }) {
    return costsResult(this.value(), o);
  }

  async writeCosts(
    o: { scenario: string; host: string; key: CostKey; costPerFte: number; costPerFteGiven: boolean },
    onStage?: (stage: Stage) => void,
  ): Promise<string> {
    await this.ensureCurrent(onStage);
    onStage?.('writing');
    await yieldToUi();
    const { sheet } = this.costs(o);
    await this.workbook.replaceOwnSheets([sheet, ...carriedOver(this.loaded!.snapshot, this.value(), this.params)], keepFor('costs'));
    await this.load();
    return sheet.name;
  }
}
