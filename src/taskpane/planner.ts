/**
 * What the task pane does, without React: read the open workbook (with the planner's column
 * mapping), and run the commands of src/app over it (insert the sample, score, optimise, split
 * costs), writing Kontorplan's sheets back. Tested against the fake Excel; the components only
 * call these methods.
 */
import * as commands from '../app/commands';
import { optimisationProblem, writeOptimised } from '../app/optimise';
import { saveSettings, selectCell, settingsOf, type Rules, type Settings } from '../app/settings';
import type { CostKey, OptimizeRequest, OptProblem, OutcomeSummary, ScenarioScore } from '../app/shared';
import { costsResult, type PlanValue } from '../app/steps';
import { embeddedReadOptions, type EmbeddedMunicipality } from '../data/embedded';
import { withParameters, type Parameters } from '../domain/parameters';
import type { WorkbookSnapshot } from '../domain/sheets';
import type { Scenario } from '../domain/types';
import { kindOfSheetName, type SheetKind } from '../io/headers';
import { applyMapping, describeInputs, FIELDS_OF, type FoundInput } from '../io/mapping';
import { message } from '../io/messages';
import { hasErrors, type Language, type Problem } from '../io/problems';
import { readWorkbook, type ReadOptions, type ReadResult } from '../io/readWorkbook';
import type { TravelNetwork } from '../travel/network';
import type { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { SheetConflictError, WorkbookError } from '../workbook/port';
import { fingerprint } from './changes';
import { READING_GONE, type CommandRequest, type Offload, type Staged } from './offload';
import { sheetsOf, unpack, type PackedWrite } from './staging';

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

/** A command refused to write (a planner's sheet in the way, a key that cannot split the office): its message in the pane's language. */
export class CommandFailedError extends Error {
  constructor(
    readonly failure: commands.Failure,
    lang: Language,
  ) {
    super(message(failure.code, failure.params, lang));
    this.name = 'CommandFailedError';
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

/**
 * What a long step is doing, for the pane's progress: `building` the sheets (in the pane's
 * worker), `writing` them to Excel (with the sheet being written, `Progress`).
 */
export type Stage = 'reading' | 'checking' | 'building' | 'writing';

/** Sheet `sheet` of `of` is being written. */
export type Progress = Readonly<{ sheet: number; of: number }>;

export type OnStage = (stage: Stage, progress?: Progress) => void;

export type EmbeddedData = Readonly<{ municipalities: readonly EmbeddedMunicipality[]; network: TravelNetwork }>;

export type { Rules, Settings } from '../app/settings';

export type Loaded = Readonly<{
  snapshot: WorkbookSnapshot;
  /** Problems in the planner's own sheet names; errors mean there is no `value`. */
  problems: readonly Problem[];
  value: PlanValue | undefined;
  found: readonly FoundInput[];
  /** The planner's sheets (not Kontorplan's), for choosing in the mapping. */
  sheetNames: readonly string[];
}>;

export class Planner {
  settings: Settings = {};
  loaded: Loaded | undefined;
  /** Called when the planner changes cells of an input sheet read last time (Excel's onChanged). */
  onInputChanged: ((sheet: string) => void) | undefined;
  /** Where the heavy work runs when not on this thread (offload.ts: the pane's Web Worker). */
  offload: Offload | undefined;

  /** The language of the sheets the commands write and of their refusals. */
  lang: Language = 'nb';

  private scored: { value: PlanValue; scores: ScenarioScore[] } | undefined;
  /** Built once: every read of the workbook uses the same embedded data. */
  private readonly readOptions: ReadOptions;
  private readonly ref: commands.Reference;
  /** The last reading (in the mapped names), which the commands write from; `name`: the worker's for it, when it read it. */
  private reading: { snapshot: WorkbookSnapshot; result: ReadResult; name?: string } | undefined;

  constructor(
    readonly workbook: OfficeWorkbook,
    readonly data: EmbeddedData,
  ) {
    this.readOptions = embeddedReadOptions(data.municipalities, data.network);
    this.ref = { data: data.municipalities, network: data.network };
  }

  /** The workbook as the commands see it: as the pane read it, written through the Office adapter. */
  private port(): commands.ReadPort {
    const wb = this.workbook;
    return { reading: this.reading, read: () => wb.read(), replaceOwnSheets: (specs, keep) => wb.replaceOwnSheets(specs, keep) };
  }

  /** Runs a step on the workbook; what Excel refuses is said in the pane's language (the error stays what it is). */
  private async excel<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (e) {
      if (e instanceof WorkbookError) e.message = e.text(this.lang);
      throw e;
    }
  }

  /**
   * Runs a command that writes. With the pane's worker (`offload`), the command runs there over
   * a staging port and the page only applies the sheets it wrote, through the Office port;
   * `here` runs it on the page (no worker, or one that lost the reading).
   */
  private async command<S>(request: CommandRequest | undefined, here: () => Promise<commands.CommandResult<S>>, onStage?: OnStage) {
    if (!this.offload || !request) return here();
    onStage?.('building');
    let staged: Staged;
    try {
      staged = await this.offload.command(request);
    } catch (e) {
      if ((e as Error).name === READING_GONE) return here();
      throw e;
    }
    const result = staged.result as commands.CommandResult<S>;
    if (result.failure) return result;
    const failure = await this.apply(staged.writes, onStage);
    return failure ? { ...result, written: [], summary: undefined, failure } : result;
  }

  /**
   * Applies writes a command made in the worker, as the command would have made them here:
   * Kontorplan's sheets (a planner's sheet in the way, or Excel refusing, is a failure and
   * nothing is written: OfficeWorkbook's write is one batch, cleaned up when Excel stops it
   * half-way), or the sample's input sheets.
   */
  private async apply(writes: readonly PackedWrite[], onStage?: OnStage): Promise<commands.Failure | undefined> {
    const total = sheetsOf(writes);
    let before = 0;
    for (const w of writes) {
      const at = before;
      this.workbook.onWriting = (sheet) => onStage?.('writing', { sheet: at + sheet, of: total });
      try {
        const sheets = await unpack(w);
        const wb = this.workbook;
        if (w.kind === 'own') {
          const keep = new Set(w.keep);
          // The command's own write step (its refusals as failures), over the sheets laid out in the worker.
          const port = {
            read: () => wb.read(),
            replaceOwnSheets: (_: unknown, k?: (n: string) => boolean) => wb.replaceLaidOut(sheets, k),
          };
          const failure = await commands.write(
            port,
            sheets.map((x) => x.spec),
            (n) => keep.has(n),
            this.lang,
          );
          if (failure) return failure;
        } else {
          try {
            await this.excel(() => wb.addLaidOut(sheets));
          } catch (e) {
            // Added since the pane looked: still the planner's sheet.
            if (e instanceof SheetConflictError) return { code: 'sampleTaken', params: { sheets: e.sheet }, sheets: [e.sheet] };
            throw e;
          }
        }
      } finally {
        this.workbook.onWriting = undefined;
      }
      before += w.names.length;
    }
    return undefined;
  }

  /** Runs a command on the page, its writes' sheets reported as they are written. */
  private async withProgress<T>(onStage: OnStage | undefined, f: () => Promise<T>): Promise<T> {
    this.workbook.onWriting = (sheet, of) => onStage?.('writing', { sheet, of });
    try {
      return await f();
    } finally {
      this.workbook.onWriting = undefined;
    }
  }

  /** A reading the worker has, for a command to run over there. */
  private readingName(): string | undefined {
    return this.reading?.name;
  }

  /** A command's summary, or its refusal as an error in the pane's language (nothing was written). */
  private done<S>(r: commands.CommandResult<S>): S {
    if (r.failure || r.summary === undefined)
      throw new CommandFailedError(r.failure ?? { code: 'nothingWritten', params: { count: 0 } }, this.lang);
    return r.summary;
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
  async load(onStage?: OnStage): Promise<Loaded> {
    onStage?.('reading');
    const raw = await this.excel(() => this.workbook.read());
    onStage?.('checking');
    await yieldToUi();
    this.settings = settingsOf(this.workbook);
    const mapped = applyMapping(raw, this.settings.mapping);
    const result = this.offload
      ? await this.offload.read(mapped.snapshot, this.params, this.lang)
      : readWorkbook(mapped.snapshot, this.params, { ...this.readOptions, lang: this.lang });
    this.reading = { snapshot: mapped.snapshot, result, name: (result as { reading?: string }).reading };
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
    await this.excel(() => saveSettings(this.workbook, settings));
    return this.load();
  }

  /** Goes to a problem's cell in Excel. */
  select(at: Readonly<{ sheet: string; cell?: string }>): Promise<void> {
    return selectCell(this.workbook, at);
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
  async insertSample(county: string | undefined, onStage?: OnStage): Promise<{ sheets: string[]; municipalities: number }> {
    onStage?.('building');
    await yieldToUi();
    // Every name taken is named at once.
    const existing = this.loaded?.sheetNames ?? [];
    const r = await this.excel(() =>
      this.command(
        { command: 'sample', county, existing, params: this.params, lang: this.lang },
        () => this.withProgress(onStage, () => commands.sample(this.workbook, county, this.params, this.ref, existing, this.lang)),
        onStage,
      ),
    );
    if (r.failure?.code === 'sampleTaken') throw new SampleTakenError(r.failure.sheets ?? []);
    const s = this.done(r);
    await this.load(onStage);
    return { sheets: [...r.written], municipalities: s.municipalities };
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
  private async ensureCurrent(onStage?: OnStage): Promise<void> {
    // Sheets added, deleted, renamed or resized: seen in the outline, without reading the values
    // (edits within an input sheet reach the pane through Worksheet.onChanged).
    if (
      this.loaded &&
      this.workbook.outline !== undefined &&
      (await this.excel(() => this.workbook.outlineNow())) === this.workbook.outline
    )
      return;
    const before = this.loaded;
    const now = await this.load(onStage);
    if (!before || fingerprint(before.snapshot) !== fingerprint(now.snapshot)) throw new StaleDataError();
  }

  /** Every scenario scored, once per read of the workbook (the tabs share it). */
  scores(): ScenarioScore[] {
    const value = this.value();
    if (this.scored?.value !== value) this.scored = { value, scores: commands.scores(value, this.params) };
    return this.scored.scores;
  }

  /**
   * Writes every scenario's sheet and the comparison (keeping cost and travel sheets). `check`
   * reads the workbook first and writes nothing when it changed since the pane read it.
   */
  async writeScenarios(o: { check?: boolean; onStage?: OnStage } = {}): Promise<string[]> {
    if (o.check) await this.ensureCurrent(o.onStage);
    this.value();
    o.onStage?.('building');
    await yieldToUi();
    const reading = this.readingName();
    const r = await this.command(
      reading ? { command: 'plan', reading, params: this.params, lang: this.lang } : undefined,
      () => this.withProgress(o.onStage, () => commands.plan(this.port(), this.params, this.ref, this.lang)),
      o.onStage,
    );
    this.done(r);
    await this.load(o.onStage);
    return [...r.written];
  }

  /** Today's structure (the Kontorer sheet), scored as the baseline; undefined without one. */
  baseline(): Scenario | undefined {
    const value = this.value();
    return value.scenarios.find((s) => s.name === value.sheetsUsed.baseline);
  }

  /** The optimisation under `rules` (default: the workbook's), nothing saved. */
  optimisationProblem(req: OptimizeRequest, rules?: Rules): OptProblem {
    return optimisationProblem(this.value(), rules ? withParameters({ ...this.settings.rules, ...rules }) : this.params, req, this.lang);
  }

  /**
   * Writes the optimiser's scenarios, the scored sheets and the trade-off curve under `rules`,
   * and only then keeps the rules in the workbook (so scoring and optimising agree): a run that
   * fails before this saves nothing. The new scenarios are read back.
   */
  async writeOptimised(req: OptimizeRequest, pr: OptProblem, outcome: OutcomeSummary, rules?: Rules, onStage?: OnStage) {
    await this.ensureCurrent(onStage);
    const params = rules ? withParameters({ ...this.settings.rules, ...rules }) : this.params;
    onStage?.('building');
    await yieldToUi();
    this.value();
    const reading = this.readingName();
    const result = this.done(
      await this.command(
        reading ? { command: 'optimised', reading, params, lang: this.lang, req, pr, outcome } : undefined,
        () => this.withProgress(onStage, () => writeOptimised(this.port(), params, this.ref, req, pr, outcome, this.lang)),
        onStage,
      ),
    );
    if (rules) await this.excel(() => saveSettings(this.workbook, { ...this.settings, rules }));
    await this.load(onStage);
    return result;
  }

  /** One office's split under a key, without writing (what the Costs tab shows before the planner writes it). */
  costs(o: { scenario: string; host: string; key: CostKey; costPerFte: number; costPerFteGiven: boolean }) {
    const value = this.value();
    return costsResult(value, {
      ...o,
      municipalShareOfFte: this.params.municipalShareOfFte,
      costsSheet: value.sheetsUsed.costs,
      lang: this.lang,
    });
  }

  async writeCosts(
    o: { scenario: string; host: string; key: CostKey; costPerFte: number; costPerFteGiven: boolean },
    onStage?: OnStage,
  ): Promise<string> {
    await this.ensureCurrent(onStage);
    onStage?.('building');
    await yieldToUi();
    this.value();
    const reading = this.readingName();
    const s = this.done(
      await this.command(
        reading ? { command: 'costs', reading, params: this.params, lang: this.lang, request: o } : undefined,
        () => this.withProgress(onStage, () => commands.costs(this.port(), this.params, this.ref, o, undefined, this.lang)),
        onStage,
      ),
    );
    await this.load();
    return s.sheet.name;
  }
}
