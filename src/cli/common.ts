import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { embeddedReadOptions, parseEmbeddedMunicipalities, type EmbeddedMunicipality } from '../data/embedded';
import { embeddedNetwork } from '../data/network';
import { buildSampleWorkbook } from '../data/sample';
import { DEFAULT_PARAMETERS, withParameters, type Parameters } from '../domain/parameters';
import type { WorkbookSnapshot } from '../domain/sheets';
import type { CommandResult, Reference } from '../app/commands';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import { usageTemplate } from './help';
import { formatProblem, hasErrors, type Language, type Problem } from '../io/problems';
import { readWorkbook, type ReadResult } from '../io/readWorkbook';
import type { TravelNetwork } from '../travel/network';
import { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';
import { layoutSheet } from '../workbook/memory/memoryWorkbook';
import { openWorkbookFile } from './openWorkbook';

/** What the commands share: output, usage errors, options, reading a workbook and writing Kontorplan's sheets. */

export type Io = { out: (s: string) => void; err: (s: string) => void };
export const consoleIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** A mistake in the command line (exit 2): a catalogue message, rendered in the user's language when printed. */
export class UsageError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
  ) {
    super(message(code, params, 'nb'));
  }

  text(lang: Language): string {
    return message(this.code, this.params, lang);
  }
}

/**
 * Node's parseArgs errors as catalogue messages: the option or argument it names, in the
 * user's language, never Node's own English sentence.
 */
export function usageFromParseArgs(e: Error & { code?: string }): UsageError {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError('unknownOption', { option: quoted });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError('unexpectedArgument', { value: quoted });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted.split(' ')[0] ?? quoted;
      if (/argument missing/.test(e.message)) return new UsageError('optionNeedsValue', { option });
      // "--offices -3": Node takes -3 for an option and calls the value ambiguous.
      if (/ambiguous/.test(e.message)) return new UsageError('optionValueDash', { option });
      return new UsageError('optionTakesNoValue', { option });
    }
    default:
      return new UsageError('badArguments', { detail: e.message });
  }
}

export function assetsDir(): string {
  // lib/cli/main.js and src/cli/main.ts both sit two levels below the package root.
  return path.resolve(__dirname, '..', '..', 'assets');
}

const readAsset = (f: string): string => readFileSync(path.join(assetsDir(), f), 'utf8');

/** The embedded municipalities, with their administrative centres and where their inhabitants live. */
export function loadEmbedded(): EmbeddedMunicipality[] {
  return parseEmbeddedMunicipalities(readAsset('kommuner_2024.csv'), readAsset('kommunesentre_2024.csv'));
}

/** The road and ferry network shipped in assets/ (neighbours from Kartverket's boundaries, their overland paths, ferries, bridges, tunnels, islands). */
export function loadNetwork(data: readonly EmbeddedMunicipality[]): TravelNetwork {
  return embeddedNetwork(data, {
    neighbours: readAsset('naboer_2024.csv'),
    crossings: readAsset('ferjer_og_bruer_2024.csv'),
    links: readAsset('lenker_2024.csv'),
    islands: readAsset('oyer_2024.csv'),
    crossingPaths: readAsset('kryssinger_2024.csv'),
  });
}

export const TRAVEL_OPTIONS = {
  'travel-fixed': { type: 'string' },
  detour: { type: 'string' },
  'road-speed': { type: 'string' },
  'ferry-wait-share': { type: 'string' },
  'ferry-wait-cap': { type: 'string' },
  'empty-speed': { type: 'string' },
  'trunk-speed': { type: 'string' },
  'motorway-speed': { type: 'string' },
  'ferry-speed': { type: 'string' },
  'boat-speed': { type: 'string' },
  'within-fixed': { type: 'string' },
  'within-per-km': { type: 'string' },
} as const;

/** The one input workbook and the --out file a command needs, or the usage error that says so. */
export function inputAndOut(
  command: string,
  usage: string,
  positionals: readonly string[],
  out: string | undefined,
): { input: string; out: string } {
  const input = positionals[0];
  if (!input || positionals.length > 1) throw new UsageError('needsOneInput', { command, usage: usageTemplate(usage) });
  if (!out) throw new UsageError('needsOut', { command });
  checkOutEnding(out);
  return { input, out };
}

/** A workbook is written to a name Excel opens it by: .xlsx, or .xlsm for one with macros. */
export function checkOutEnding(out: string): void {
  if (!/\.xls[xm]$/i.test(out)) throw new UsageError('outExtension', { file: out });
}

/** What every command that writes a workbook takes. */
export const OUTPUT_OPTIONS = {
  out: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

/** The scoring rules and parameters, with the travel estimate's: what `plan` and `optimize` both take. */
/** What service points cost and what users' time is worth (plan scores it; optimize weighs it). */
export const SITE_OPTIONS = {
  'premises-meeting': { type: 'string' },
  'premises-branch': { type: 'string' },
  'premises-office': { type: 'string' },
  'staff-kr-per-hour': { type: 'string' },
  'work-weeks': { type: 'string' },
  'user-kr-per-minute': { type: 'string' },
  'visits-per-inhabitant': { type: 'string' },
  'branch-days': { type: 'string' },
  'max-travel-local': { type: 'string' },
} as const;

export const RULE_OPTIONS = {
  'min-fte': { type: 'string' },
  'max-travel': { type: 'string' },
  'max-owners': { type: 'string' },
  'same-ba': { type: 'boolean' },
  'fte-per-1000': { type: 'string' },
  'staff-fixed': { type: 'string' },
  'municipal-share': { type: 'string' },
  k: { type: 'string' },
  absence: { type: 'string' },
  'meeting-room-days': { type: 'string' },
  ...SITE_OPTIONS,
  ...TRAVEL_OPTIONS,
} as const;

export function number(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v.replace(',', '.'));
  if (!Number.isFinite(x) || x < min || x > max) throw new UsageError('notANumberBetween', { name, min, max, value: v });
  return x;
}

function premisesFrom(s: (k: string) => string | undefined): Parameters['sitePremisesKr'] | undefined {
  const meeting = number('premises-meeting', s('premises-meeting'), 0, 1e9);
  const branch = number('premises-branch', s('premises-branch'), 0, 1e9);
  const full = number('premises-office', s('premises-office'), 0, 1e9);
  if (meeting === undefined && branch === undefined && full === undefined) return undefined;
  const d = DEFAULT_PARAMETERS.sitePremisesKr;
  return { meeting: meeting ?? d.meeting, branch: branch ?? d.branch, full: full ?? d.full };
}

export function parametersFrom(values: Record<string, string | boolean | undefined>): Parameters {
  const s = (k: string) => values[k] as string | undefined;
  const o: Record<string, unknown> = {
    minFte: number('min-fte', s('min-fte'), 0, 10000),
    maxTravelWithoutServicePoint: number('max-travel', s('max-travel'), 0, 10000),
    maxOwners: number('max-owners', s('max-owners'), 1, 1000),
    requireSameBaRegion: values['same-ba'] === true ? true : undefined,
    // --fte-per-1000 alone is the flat estimate (no fixed part per office), as before the fitted model.
    staffPer1000: number('fte-per-1000', s('fte-per-1000'), 0, 100),
    staffFixed: number('staff-fixed', s('staff-fixed'), 0, 1000) ?? (s('fte-per-1000') !== undefined ? 0 : undefined),
    municipalShareOfFte: number('municipal-share', s('municipal-share'), 0, 1),
    vulnerabilityK: number('k', s('k'), 0, 1000),
    vulnerabilityA: number('absence', s('absence'), 0, 1),
    meetingRoomDays: number('meeting-room-days', s('meeting-room-days'), 0, 5),
    sitePremisesKr: premisesFrom(s),
    staffKrPerHour: number('staff-kr-per-hour', s('staff-kr-per-hour'), 0, 100_000),
    workWeeksPerYear: number('work-weeks', s('work-weeks'), 0, 53),
    // Not 0: the optimiser weighs a service point's kroner against users' time at this price.
    userTimeKrPerMinute: number('user-kr-per-minute', s('user-kr-per-minute'), 0.001, 10_000),
    visitsPerInhabitantPerYear: number('visits-per-inhabitant', s('visits-per-inhabitant'), 0.001, 1000),
    optimiserBranchDays: number('branch-days', s('branch-days'), 0.5, 4.5),
    maxTravelWithLocalOffice: number('max-travel-local', s('max-travel-local'), 0, 10000),
    estimateFixedMinutes: number('travel-fixed', s('travel-fixed'), 0, 240),
    detourFactor: number('detour', s('detour'), 0.5, 5),
    roadSpeedKmh: number('road-speed', s('road-speed'), 5, 300),
    // One speed for the whole country when the planner sets it.
    countyRoadSpeedKmh: s('road-speed') !== undefined ? {} : undefined,
    ferryWaitShare: number('ferry-wait-share', s('ferry-wait-share'), 0, 1),
    ferryWaitCapMinutes: number('ferry-wait-cap', s('ferry-wait-cap'), 0, 1440),
    emptyLandSpeedKmh: number('empty-speed', s('empty-speed'), 5, 300),
    trunkRoadSpeedKmh: number('trunk-speed', s('trunk-speed'), 5, 300),
    motorwaySpeedKmh: number('motorway-speed', s('motorway-speed'), 5, 300),
    ferrySailingSpeedKmh: number('ferry-speed', s('ferry-speed'), 1, 100),
    fastBoatSailingSpeedKmh: number('boat-speed', s('boat-speed'), 1, 150),
    withinFixedMinutes: number('within-fixed', s('within-fixed'), 0, 240),
    withinMinutesPerKm: number('within-per-km', s('within-per-km'), 0, 60),
  };
  return withParameters(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

/** Whether `out`'s ending fits the workbook (.xlsm for a macro workbook, .xlsx otherwise); says so when not. */
export async function outFits(wb: ExcelJsWorkbook, input: string, out: string, io: Io, lang: Language): Promise<boolean> {
  const macro = await wb.hasMacros();
  if (macro === /\.xlsm$/i.test(out)) return true;
  io.err(message(macro ? 'outMacro' : 'outNotMacro', { input, file: out }, lang));
  return false;
}

const WRITE_ERRORS = new Set(['EISDIR', 'ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EBUSY', 'EROFS', 'ENOSPC']);

/**
 * Saves to `out` (a temporary file, then a rename), or says why not, writing nothing: a macro
 * workbook keeps its macros only under .xlsm and an ordinary one opens only as .xlsx; a file
 * open in Excel or a folder that cannot be written is the planner's to fix, not an internal error.
 */
export async function saveWorkbook(wb: ExcelJsWorkbook, input: string, out: string, io: Io, lang: Language): Promise<boolean> {
  if (!(await outFits(wb, input, out, io, lang))) return false;
  try {
    await wb.save(out);
    return true;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === undefined || !WRITE_ERRORS.has(code)) throw e;
    io.err(message('cannotWrite', { file: out, detail: code }, lang));
    return false;
  }
}

export function language(v: string | undefined): Language {
  if (v !== undefined && v !== 'en' && v !== 'nb') throw new UsageError('langNbOrEn');
  return v === 'en' ? 'en' : 'nb';
}

/** The embedded data the commands of src/app take, loaded from assets/. */
export function reference(): Reference {
  const data = loadEmbedded();
  return { data, network: loadNetwork(data) };
}

/** Opens the input workbook; undefined (exit 1, said why) when the file is missing or not a workbook. */
export async function openInput(input: string, lang: Language, io: Io): Promise<ExcelJsWorkbook | undefined> {
  if (!existsSync(input)) {
    io.err(lang === 'en' ? `File not found: ${input}` : `Fant ikke filen ${input}`);
    return undefined;
  }
  const opened = await openWorkbookFile(input, lang);
  if ('refusal' in opened) {
    io.err(`${opened.refusal}. ${lang === 'en' ? 'Nothing was written.' : 'Ingenting ble skrevet.'}`);
    return undefined;
  }
  return opened.wb;
}

/**
 * Prints what a command of src/app found: every problem at its cell (Scenarier's as errors when
 * the command scores scenarios, else as notes), then the failure that stopped it, if any.
 */
export function printOutcome(r: CommandResult<unknown>, lang: Language, io: Io, scenarios = false): void {
  const label = (p: Problem) => (p.severity === 'error' ? (lang === 'en' ? 'Error' : 'Feil') : lang === 'en' ? 'Note' : 'Merk');
  for (const p of r.problems) io.err(`${label(p)}: ${formatProblem(p, lang)}`);
  for (const p of r.scenarioProblems) io.err(`${scenarios ? label(p) : lang === 'en' ? 'Note' : 'Merk'}: ${formatProblem(p, lang)}`);
  for (const p of r.notes ?? []) io.err(`${label(p)}: ${formatProblem(p, lang)}`);
  if (r.failure) io.err(message(r.failure.code, r.failure.params, lang));
}

/**
 * Opens a workbook and reads it, printing every problem; undefined (exit 1) when it cannot go
 * on. `scenarios`: the command scores the scenarios, so Scenarier's problems are errors (the
 * command still goes on with the valid ones); else they are notes.
 */
export async function openAndRead(
  input: string,
  params: Parameters,
  lang: Language,
  io: Io,
  scenarios = false,
): Promise<{ wb: ExcelJsWorkbook; result: ReadResult; snapshot: WorkbookSnapshot } | undefined> {
  const wb = await openInput(input, lang, io);
  if (!wb) return undefined;
  const data = loadEmbedded();
  const snapshot = await wb.read();
  const result = readWorkbook(snapshot, params, { ...embeddedReadOptions(data, loadNetwork(data)), lang });
  const label = (p: Problem) => (p.severity === 'error' ? (lang === 'en' ? 'Error' : 'Feil') : lang === 'en' ? 'Note' : 'Merk');
  for (const p of result.problems) io.err(`${label(p)}: ${formatProblem(p, lang)}`);
  // Scenarier's problems hold up only the commands that score scenarios; the others note them.
  for (const p of result.scenarioProblems) io.err(`${scenarios ? label(p) : lang === 'en' ? 'Note' : 'Merk'}: ${formatProblem(p, lang)}`);
  if (hasErrors(result.problems) || !result.value) {
    const n = result.problems.filter((p) => p.severity === 'error').length;
    io.err(lang === 'en' ? `${n} error(s); nothing was written.` : `${n} feil; ingenting ble skrevet.`);
    return undefined;
  }
  return { wb, result, snapshot };
}

/** The engine's input for the embedded sample of one county (or all of Norway): what `sample` writes, read back. */
export function sampleInput(county: string | undefined, params: Parameters): NonNullable<ReadResult['value']> {
  const data = loadEmbedded();
  const ms = county === undefined ? data : data.filter((m) => m.county === county);
  const network = loadNetwork(data);
  const specs = buildSampleWorkbook(ms, params, county ?? 'hele landet', network);
  const snapshot = { sheets: specs.map((s) => ({ name: s.name, visible: true, values: layoutSheet(s) })), ownedSheets: [] };
  const result = readWorkbook(snapshot, params, embeddedReadOptions(data, network));
  if (!result.value) throw new Error(`the embedded sample does not read: ${result.problems.map((p) => formatProblem(p, 'en')).join('; ')}`);
  return result.value;
}
