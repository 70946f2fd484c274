/**
 * The command layer: each use case over a WorkbookPort and parameters, returning the sheets it
 * wrote, a summary for the shell to render, and the problems a user can cause (workbook
 * problems with their cells, and the command's own outcome as a catalogue message). No shell
 * logic here: the command line and the task pane only parse, open, render and save.
 */
import { buildSampleWorkbook, selectCounty } from '../data/sample';
import { embeddedReadOptions, type EmbeddedMunicipality } from '../data/embedded';
import type { Parameters } from '../domain/parameters';
import type { SheetSpec, WorkbookSnapshot } from '../domain/sheets';
import { message, textOf, type MessageCode, type MessageParams } from '../io/messages';
import { resultSheets } from '../io/output';
import { hasErrors, type Language, type Problem } from '../io/problems';
import { readWorkbook, type ReadResult } from '../io/readWorkbook';
import { travelCheckSheet, travelSheet } from '../io/travelOutput';
import { scoreAll, type ScenarioScore } from '../scoring/score';
import type { TravelNetwork } from '../travel/network';
import { SheetConflictError, WorkbookError, type InputSheetsPort, type WorkbookPort } from '../workbook/port';
import { CostKeyError } from '../costkeys/keys';
import { carriedOver, costsResult, keepFor, type PlanValue } from './steps';

/** The embedded reference data a shell loads once (Node from assets/, the pane from its bundle). */
export type Reference = Readonly<{ data: readonly EmbeddedMunicipality[]; network: TravelNetwork }>;

/** What went wrong for the command as a whole (nothing was written), in the catalogue. */
export type Failure = Readonly<{
  code: MessageCode;
  params: MessageParams;
  /** The planner's sheets in the way of a write, when that is what stopped it. */
  sheets?: readonly string[];
}>;

export type CommandResult<S> = Readonly<{
  /** Names of the sheets written, in order; empty when nothing was written. */
  written: readonly string[];
  /** What the shell renders; undefined when the command could not run. */
  summary: S | undefined;
  /** The workbook's problems, errors and notes, each at its sheet and cell. */
  problems: readonly Problem[];
  /** Scenarier's problems: errors for a command that scores scenarios, notes for the others. */
  scenarioProblems: readonly Problem[];
  /** What the command itself found worth a note (e.g. a cost line that repeats the staff cost). */
  notes?: readonly Problem[];
  failure?: Failure;
}>;

export type Read = { result: ReadResult; value: PlanValue | undefined };

/**
 * A workbook a shell has read already (the pane reads once and shows what it read): the
 * commands use that reading, so what is written is what the planner saw, without reading again.
 */
export type ReadPort = WorkbookPort & { readonly reading?: Readonly<{ snapshot: WorkbookSnapshot; result: ReadResult }> };

export async function readPort(
  wb: ReadPort,
  params: Parameters,
  ref: Reference,
  lang: Language = 'nb',
): Promise<(Read & { snapshot: WorkbookSnapshot }) | { failure: Failure }> {
  let snapshot = wb.reading?.snapshot;
  try {
    snapshot ??= await wb.read();
  } catch (e) {
    // Excel refused the read (cell-edit mode, a response too large): said, and nothing written.
    if (e instanceof WorkbookError) return { failure: { code: 'error', params: { text: message(e.code, e.params, lang) } } };
    throw e;
  }
  const result = wb.reading?.result ?? readWorkbook(snapshot, params, { ...embeddedReadOptions(ref.data, ref.network), lang });
  return { snapshot, result, value: hasErrors(result.problems) ? undefined : result.value };
}

/** A command whose read Excel refused: nothing read, nothing written, and why. */
export const refusedRead = (failure: Failure): CommandResult<never> => ({
  problems: [],
  scenarioProblems: [],
  written: [],
  summary: undefined,
  failure,
});

/** Every scenario scored, without writing (what the pane shows before the planner writes). */
export function scores(value: PlanValue, params: Parameters): ScenarioScore[] {
  return scoreAll(value, params);
}

/**
 * Writes Kontorplan's sheets; a planner's sheet in the way, or Excel refusing the write, is a
 * failure (in the user's language) and nothing is written.
 */
export async function write(
  wb: WorkbookPort,
  specs: readonly SheetSpec[],
  keep: (name: string) => boolean,
  lang: Language = 'nb',
): Promise<Failure | undefined> {
  try {
    await wb.replaceOwnSheets(specs, keep);
    return undefined;
  } catch (e) {
    if (e instanceof WorkbookError)
      return {
        code: 'error',
        params: { text: message(e.code, e.params, lang) },
        ...(e instanceof SheetConflictError ? { sheets: [e.sheet] } : {}),
      };
    throw e;
  }
}

export const unreadable = (result: ReadResult): Failure => ({
  code: 'nothingWritten',
  params: { count: result.problems.filter((p) => p.severity === 'error').length },
});

/** The workbook's problems, which every command's result carries. */
type Found = Pick<CommandResult<never>, 'problems' | 'scenarioProblems' | 'notes'>;

/** A command that stopped: nothing written, and why. */
export const stopped = (found: Found, failure: Failure): CommandResult<never> => ({ ...found, written: [], summary: undefined, failure });

/** What a command that writes has read: the snapshot, the reading, its value and the problems found. */
export type Opened = Readonly<{ snapshot: WorkbookSnapshot; result: ReadResult; value: PlanValue; found: Found }>;

/**
 * A writing command's first step: the workbook read, or the result that ends the command
 * (Excel refused the read, or the planner's data has errors; nothing written).
 */
export async function openRead(
  wb: ReadPort,
  params: Parameters,
  ref: Reference,
  lang: Language,
): Promise<Opened | { ended: CommandResult<never> }> {
  const read = await readPort(wb, params, ref, lang);
  if ('failure' in read) return { ended: refusedRead(read.failure) };
  const { snapshot, result, value } = read;
  const found = { problems: result.problems, scenarioProblems: result.scenarioProblems };
  if (!value) return { ended: stopped(found, unreadable(result)) };
  return { snapshot, result, value, found };
}

/** A writing command's last step: the sheets written and the summary, or why nothing was. */
export async function finish<S>(
  wb: WorkbookPort,
  found: Found,
  specs: readonly SheetSpec[],
  keep: (name: string) => boolean,
  summary: S,
  lang: Language,
): Promise<CommandResult<S>> {
  const failure = await write(wb, specs, keep, lang);
  return failure ? stopped(found, failure) : { ...found, written: specs.map((s) => s.name), summary };
}

export type PlanSummary = Readonly<{
  input: PlanValue;
  scores: readonly ScenarioScore[];
  /** How many of Scenarier's problems are errors (their scenarios were not scored; the others were written). */
  scenarioErrors: number;
}>;

/** `plan`: scores every scenario and writes the scenario sheets, their consequences, Sammenligning and the optimiser's sheets again. */
export async function plan(
  wb: WorkbookPort,
  params: Parameters,
  ref: Reference,
  lang: Language = 'nb',
): Promise<CommandResult<PlanSummary>> {
  const opened = await openRead(wb, params, ref, lang);
  if ('ended' in opened) return opened.ended;
  const { snapshot, result, value, found } = opened;
  const scenarioErrors = result.scenarioProblems.filter((p) => p.severity === 'error').length;
  if (value.scenarios.length === 0) return stopped(found, { code: 'noScenario', params: { count: scenarioErrors } });
  const scores = scoreAll(value, params);
  const specs = [...resultSheets(scores, params, lang), ...carriedOver(snapshot, value, params, lang)];
  return finish(wb, found, specs, keepFor('plan'), { input: value, scores, scenarioErrors }, lang);
}

export type TravelSummary = Readonly<{
  input: PlanValue;
  municipalities: number;
  pairs: number;
  given: number;
  estimated: number;
  viaFerry: number;
  missing: number;
  asymmetric: number;
  triangle: number;
  zero: number;
}>;

/** `travel`: the whole travel matrix with its sources, and the checks of the planner's own times. */
export async function travel(
  wb: WorkbookPort,
  params: Parameters,
  ref: Reference,
  lang: Language = 'nb',
): Promise<CommandResult<TravelSummary>> {
  const opened = await openRead(wb, params, ref, lang);
  if ('ended' in opened) return opened.ended;
  const { snapshot, value, found } = opened;
  const names = new Map(value.municipalities.map((m) => [m.number as string, m.name]));
  const label = (n: string): string => names.get(n) ?? n;
  const report = value.travelReport;
  const specs = [
    travelSheet(value.travel, label, lang),
    travelCheckSheet(report.findings, label, lang),
    ...carriedOver(snapshot, value, params, lang),
  ];
  const count = (k: string): number => report.findings.filter((f) => f.kind === k).length;
  const n = value.municipalities.length;
  const summary: TravelSummary = {
    input: value,
    municipalities: n,
    pairs: n * (n - 1),
    given: report.given,
    estimated: report.estimated,
    viaFerry: report.viaFerry,
    missing: count('missing'),
    asymmetric: count('asymmetric'),
    triangle: count('triangle'),
    zero: count('zero'),
  };
  return finish(wb, found, specs, keepFor('travel'), summary, lang);
}

export type SampleSummary = Readonly<{ municipalities: number; county?: string; countyName?: string }>;

/**
 * `sample`: the planner's input sheets for one county (`county`, two digits) or all of Norway,
 * from the embedded data, added to a new workbook as the planner's own (not Kontorplan's).
 */
export async function sample(
  wb: InputSheetsPort,
  county: string | undefined,
  params: Parameters,
  ref: Reference,
  /** The workbook's sheet names, when the shell knows them: every one in the way is named at once, before anything is written. */
  existing: readonly string[] = [],
  /** The language of the sheets' headings and headers (their names stay, so readers find them). */
  lang: Language = 'nb',
): Promise<CommandResult<SampleSummary>> {
  const ms = selectCounty([...ref.data], county);
  const none = { problems: [], scenarioProblems: [] };
  if (ms.length === 0) {
    const counties = [...new Set(ref.data.map((m) => `${m.county} ${m.countyName}`))].sort().join(', ');
    return { ...none, written: [], summary: undefined, failure: { code: 'unknownCounty', params: { county: county ?? '', counties } } };
  }
  const title = county
    ? message('sampleCounty', { county: ms[0]!.countyName, number: county, count: ms.length }, lang)
    : message('sampleCountry', { count: ms.length }, lang);
  const specs = buildSampleWorkbook(ms, params, title, ref.network, lang);
  // Excel compares sheet names case-insensitively.
  const have = new Set(existing.map((n) => n.toLowerCase()));
  const taken = specs.map((x) => x.name).filter((n) => have.has(n.toLowerCase()));
  const refused = (sheets: string[]): CommandResult<SampleSummary> => ({
    ...none,
    written: [],
    summary: undefined,
    failure: { code: 'sampleTaken', params: { sheets: sheets.join(', ') }, sheets },
  });
  if (taken.length > 0) return refused(taken);
  try {
    await wb.addInputSheets(specs);
  } catch (e) {
    // Added since the shell looked: still the planner's sheet.
    if (e instanceof SheetConflictError) return refused([e.sheet]);
    throw e;
  }
  return {
    ...none,
    written: specs.map((s) => s.name),
    summary: { municipalities: ms.length, county, countyName: county ? ms[0]!.countyName : undefined },
  };
}

/** A function's arguments (the built-in `Parameters` is shadowed by Kontorplan's own here). */
type ArgsOf<F> = F extends (...a: infer A) => unknown ? A : never;
type CostsOptions = ArgsOf<typeof costsResult>[1];

export type CostsRequest = Omit<CostsOptions, 'municipalShareOfFte' | 'costsSheet' | 'lang'>;
export type CostsSummary = ReturnType<typeof costsResult>;

/**
 * `costs`: what each member of one office pays under a key, as a sheet of live formulas beside
 * every other key. `resolve` fixes the key against the office (a column driver named by the
 * planner); a key that cannot split the office is a failure and nothing is written.
 */
export async function costs(
  wb: WorkbookPort,
  params: Parameters,
  ref: Reference,
  request: CostsRequest,
  resolve?: ArgsOf<typeof costsResult>[2],
  lang: Language = 'nb',
): Promise<CommandResult<CostsSummary>> {
  const opened = await openRead(wb, params, ref, lang);
  if ('ended' in opened) return opened.ended;
  const { snapshot, value, found } = opened;
  let composed: CostsSummary;
  try {
    composed = costsResult(
      value,
      { ...request, municipalShareOfFte: params.municipalShareOfFte, costsSheet: value.sheetsUsed.costs, lang },
      resolve,
    );
  } catch (e) {
    if (e instanceof CostKeyError) return stopped(found, { code: 'error', params: { text: `${textOf(e, lang)}.` } });
    throw e;
  }
  const notes: Problem[] = composed.warnings.map((w) => ({ severity: 'warning', ...w }));
  const specs = [composed.sheet, ...carriedOver(snapshot, value, params, lang)];
  return finish(wb, { ...found, notes }, specs, keepFor('costs'), composed, lang);
}
