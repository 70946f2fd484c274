import type { Parameters } from '../domain/parameters';
import type { SheetData, WorkbookSnapshot } from '../domain/sheets';
import type { Municipality, MunicipalityNumber, PlanningInput, Scenario, Staffing } from '../domain/types';
import { buildTravelMatrix, countPairs, type MissingPair, type TravelEntry } from '../travel/matrix';
import { pairKey, type NetworkLink, type TravelNetwork } from '../travel/network';
import { validateTravel, type TravelFinding } from '../travel/validate';
import { a1 } from './cells';
import { MUNICIPALITY_FIELDS, OFFICE_FIELDS, SCENARIO_FIELDS, STAFFING_FIELDS } from './fields';
import { readOffices, type OfficesRead } from './readOffices';
import { findHeaderRow, kindOfSheetName, type FieldSpec, type SheetKind } from './headers';
import { hasErrors, ProblemLog, summarizeProblems, type Language, type Problem } from './problems';
import { readMunicipalities, type ReferenceMunicipality } from './readMunicipalities';
import { OPTIMIZED_SCENARIOS_SHEET, OWN_SCENARIOS_SHEET } from './optimizeOutput';
import { isWeightSheetName, readWeights } from './readWeights';
import { readCosts, type CostLineRead } from './readCosts';
import { readScenarios } from './readScenarios';
import { readStaffing } from './readStaffing';
import { isLongForm, readFerrySheet, readTravelSheet } from './readTravel';
import { MunicipalityResolver } from './resolver';
import { ssbExport, type SsbExport } from './ssbExport';
import { estimateStaffing } from '../scoring/staffing';

export type SheetsUsed = Readonly<{
  municipalities: string;
  travel: readonly string[];
  ferries: readonly string[];
  staffing?: string;
  costs?: string;
  scenarios?: string;
  /** The Kontorer sheet: today's structure, scored first as the baseline. */
  offices?: string;
  /** The baseline scenario's name («Dagens struktur (per DATE)»). */
  baseline?: string;
  /** Kontorplan's own sheet of optimised scenarios, read as scenarios too. */
  optimizedScenarios?: string;
  /** The scenarios taken from it. */
  optimizedScenarioNames?: readonly string[];
  /** Kontorplan's sheet of the planner's own what-if scenarios (KP Egne scenarier), read as scenarios too. */
  ownScenarios?: string;
  /** The scenarios taken from it. */
  ownScenarioNames?: readonly string[];
  /** The planner's weights and scales for the index (Vekter). */
  weights?: string;
  /** Sheets of the planner's with a municipality column that were not read (each with a note). */
  ignored?: readonly string[];
  /** Scenarios of the scenario sheet left out for their errors (empty when the sheet itself is unreadable). */
  brokenScenarios?: readonly string[];
}>;

/** What the travel matrix is made of, and the checks of the planner's own times. */
export type TravelReport = Readonly<{
  given: number;
  estimated: number;
  viaFerry: number;
  findings: readonly TravelFinding[];
  /** Ferry links used: the shipped ones, with the planner's Ferjer sheet replacing them pair by pair. */
  ferries: readonly NetworkLink[];
}>;

export type ReadResult = Readonly<{
  value: (PlanningInput & { sheetsUsed: SheetsUsed; travelReport: TravelReport; costLines: readonly CostLineRead[] }) | undefined;
  problems: readonly Problem[];
  /**
   * Problems of the Scenarier sheet when the rest reads: the scenarios they belong to are left
   * out of `value` (named in sheetsUsed.brokenScenarios), the others are there. When the rest
   * does not read, they are in `problems` and this is empty.
   */
  scenarioProblems: readonly Problem[];
}>;

export type ReadOptions = Readonly<{
  /** The embedded dataset by number: fills missing names, BA regions and coordinates. */
  reference?: ReadonlyMap<string, ReferenceMunicipality>;
  /** Other names a municipality goes by (e.g. the short name "Fauske"). */
  extraNames?: ReadonlyMap<string, readonly string[]>;
  /** Neighbours, bridges, tunnels and ferries to estimate missing travel over (else straight lines). */
  network?: TravelNetwork;
  /** The language of the names the read makes up (today's structure's); the planner's stay as typed. */
  lang?: Language;
}>;

/** How many travel findings of one kind are listed one by one before the rest are counted. */
const MAX_LISTED_FINDINGS = 20;
const FINDING_NAMES: Readonly<Record<string, string>> = {
  zero: '0 minutter',
  asymmetric: 'ulik tid hver vei',
  triangle: 'kortere via en tredje kommune',
};

/**
 * The scenario scored when the workbook has neither Scenarier nor Kontorer: one office per
 * municipality. That has not been NAV's structure for years (286 offices in 2021, 58 host
 * cooperations covering 173 of 356 municipalities in 2022; 000 L81): a theoretical start.
 */
export const ONE_OFFICE_PER_MUNICIPALITY = 'Én kommune – ett kontor (teoretisk utgangspunkt)';

/** A column that names municipalities (not a bare «Nr»): a sheet with one that is no input gets a note. */
const MUNICIPALITY_COLUMN: readonly FieldSpec[] = [
  {
    key: 'number',
    label: 'kommune',
    aliases: [
      'kommune',
      'kommuner',
      'kommunenummer',
      'kommunenr',
      'knr',
      'komnr',
      'kommunekode',
      'kommunenavn',
      'municipality',
      'municipalitynumber',
      'municipalityname',
    ],
    required: true,
  },
];

/**
 * Headers that say a sheet not named for an input is that input: more than the municipality
 * column every list has. A planner's notes with a «Kommune» column are not staffing.
 */
const SPECIFIC: Partial<Record<SheetKind, readonly (readonly string[])[]>> = {
  municipalities: [['number', 'population']],
  staffing: [['stateFte'], ['municipalFte'], ['totalFte']],
  offices: [['name', 'host', 'members']],
  scenarios: [['scenario', 'host']],
};

function headerScore(sheet: SheetData, fields: readonly FieldSpec[], kind: SheetKind, named: boolean): number {
  const h = findHeaderRow(sheet, fields);
  if (!h) return 0;
  const required = fields.filter((f) => f.required);
  if (!required.every((f) => h.columns.has(f.key))) return 0;
  if (!named && !(SPECIFIC[kind] ?? []).some((keys) => keys.every((k) => h.columns.has(k)))) return 0;
  return 100 + h.columns.size;
}

/** The sheet for one input: named for it (best headers first), else the one whose headers are specific to it. */
function pickSheet(sheets: readonly SheetData[], kind: SheetKind, fields: readonly FieldSpec[]): SheetData | undefined {
  const named = sheets.filter((s) => kindOfSheetName(s.name) === kind);
  const pool = named.length > 0 ? named : sheets.filter((s) => kindOfSheetName(s.name) === undefined);
  let best: { sheet: SheetData; score: number } | undefined;
  for (const sheet of pool) {
    const score = headerScore(sheet, fields, kind, named.length > 0);
    if ((named.length > 0 || score > 0) && (!best || score > best.score)) best = { sheet, score };
  }
  return best?.sheet;
}

export { estimateStaffing };

/** Every municipality of the embedded data by its names: what a Kommuner sheet of names only is read by. */
function referenceResolver(options: ReadOptions): MunicipalityResolver | undefined {
  if (!options.reference || options.reference.size === 0) return undefined;
  const known = [...options.reference].map(
    ([number, r]) => ({ number, name: r.name, population: 0, county: r.county, row: 0 }) as unknown as Municipality,
  );
  return new MunicipalityResolver(known, options.extraNames);
}

/**
 * Reads a planner's workbook into the engine's input. All problems come back together;
 * `value` is undefined when any of them is an error.
 */
export function readWorkbook(snapshot: WorkbookSnapshot, params: Parameters, options: ReadOptions = {}): ReadResult {
  const log = new ProblemLog();
  const owned = new Set(snapshot.ownedSheets);
  const { weightSheet, sheets, ssb } = plannersSheets(snapshot.sheets.filter((s) => !owned.has(s.name)));

  const kommunerSheet = pickSheet(sheets, 'municipalities', MUNICIPALITY_FIELDS);
  if (!kommunerSheet) {
    log.error('Kommuner', undefined, 'sheetMissing', { what: 'kommuner og folketall', expected: 'Kommuner' });
    return { value: undefined, problems: log.problems, scenarioProblems: [] };
  }
  const municipalities = readMunicipalities(kommunerSheet, log, options.reference, ssb.get(kommunerSheet.name), referenceResolver(options));
  // Without municipalities every other sheet would only repeat that: stop at the cause.
  if (municipalities.length === 0) {
    if (!hasErrors(log.problems)) log.error(kommunerSheet.name, undefined, 'noMunicipalities');
    return { value: undefined, problems: summarizeProblems(log.problems), scenarioProblems: [] };
  }
  const resolver = new MunicipalityResolver(municipalities, options.extraNames);
  const reading: Reading = {
    sheets,
    kommunerSheet,
    kommunerHeader: findHeaderRow(kommunerSheet, MUNICIPALITY_FIELDS),
    municipalities,
    byNumber: new Map(municipalities.map((m) => [m.number, m])),
    resolver,
    log,
    params,
    lang: options.lang ?? 'nb',
  };

  const { travelSheets, entries, ferrySheets, network } = readTravelInputs(reading, options.network);
  const { staffingSheet, officesSheet, today, staffing } = readStaffingAndOffices(reading);

  // Kostnader (optional): cost lines for the cost keys; found by its name only.
  const costSheet = sheets.find((s) => kindOfSheetName(s.name) === 'costs' && s !== kommunerSheet);
  const costLines = costSheet ? readCosts(costSheet, resolver, log, kommunerSheet.name) : [];

  const scenarioSheet = pickSheet(
    sheets.filter((s) => s !== kommunerSheet && s !== officesSheet && !travelSheets.includes(s)),
    'scenarios',
    SCENARIO_FIELDS,
  );
  const used = [kommunerSheet, ...travelSheets, ...ferrySheets, staffingSheet, officesSheet, costSheet, scenarioSheet];
  const ignored = noteIgnoredSheets(sheets, new Set(used), log);
  const { scenarios, scenarioProblems, broken } = readPlannedScenarios(reading, scenarioSheet, today);

  // Scenarios the optimiser wrote (Kontorplan's own sheet, in the Scenarier layout) are scored
  // like the planner's; a planner's scenario of the same name wins.
  // The planner's own what-ifs (KP Egne scenarier) likewise, after them.
  const ownSheets = snapshot.sheets.filter((s) => owned.has(s.name));
  const { sheet: optimizedSheet, names: optimizedNames } = readOwnScenarios(reading, ownSheets, OPTIMIZED_SCENARIOS_SHEET, scenarios);
  const { sheet: ownSheet, names: ownNames } = readOwnScenarios(reading, ownSheets, OWN_SCENARIOS_SHEET, scenarios);

  const { matrix, missing, straightLine } = buildTravelMatrix(municipalities, entries, params, network);
  reportMissingTravel(reading, scenarios, missing);
  const findings = validateTravel(matrix, entries, missing, params);
  reportTravelFindings(findings, resolver, log);
  reportStraightLines(reading, straightLine);

  const ratings = weightSheet ? readWeights(weightSheet, params, log) : {};

  const problems = summarizeProblems(log.problems);
  if (hasErrors(problems)) return { value: undefined, problems: [...problems, ...scenarioProblems], scenarioProblems: [] };
  return {
    value: {
      municipalities,
      travel: matrix,
      staffing,
      scenarios,
      ...(Object.keys(ratings).length > 0 ? { ratings } : {}),
      costLines,
      sheetsUsed: {
        municipalities: kommunerSheet.name,
        travel: travelSheets.map((s) => s.name),
        ferries: ferrySheets.map((s) => s.name),
        staffing: staffingSheet?.name,
        costs: costSheet?.name,
        scenarios: scenarioSheet?.name,
        ...(weightSheet ? { weights: weightSheet.name } : {}),
        ...(officesSheet && today ? { offices: officesSheet.name, baseline: today.scenario.name } : {}),
        ...(optimizedSheet ? { optimizedScenarios: optimizedSheet.name, optimizedScenarioNames: optimizedNames } : {}),
        ...(ownSheet ? { ownScenarios: ownSheet.name, ownScenarioNames: ownNames } : {}),
        ...(ignored.length > 0 ? { ignored } : {}),
        ...(broken.size > 0 ? { brokenScenarios: [...broken].filter((b) => b !== '*') } : {}),
      },
      travelReport: { ...countPairs(matrix), findings, ferries: network?.links.filter((l) => l.kind === 'ferry') ?? [] },
    },
    problems,
    scenarioProblems,
  };
}

/** What the steps after Kommuner read with: the planner's sheets, Kommuner and its municipalities, the log. */
type Reading = Readonly<{
  sheets: readonly SheetData[];
  kommunerSheet: SheetData;
  /** Kommuner's header row, found once: problems about a municipality point at its row there. */
  kommunerHeader: ReturnType<typeof findHeaderRow>;
  municipalities: readonly Municipality[];
  byNumber: ReadonlyMap<MunicipalityNumber, Municipality>;
  resolver: MunicipalityResolver;
  log: ProblemLog;
  params: Parameters;
  lang: Language;
}>;

/** The planner's sheets as the readers take them: Vekter apart, an SSB export through its layout. */
function plannersSheets(own: readonly SheetData[]): {
  weightSheet: SheetData | undefined;
  sheets: SheetData[];
  ssb: Map<string, SsbExport>;
} {
  // Vekter (optional): the planner's weights and scales for the index; found by its name only.
  const weightSheet = own.find((s) => isWeightSheetName(s.name));
  // A sheet exported from SSB's statbank is read through its layout (see ssbExport).
  const ssb = new Map<string, SsbExport>();
  const sheets = own
    .filter((s) => s !== weightSheet)
    .map((s) => {
      // Only a sheet that may be Kommuner: one named for another input is read as that input.
      const kind = kindOfSheetName(s.name);
      const x = kind === undefined || kind === 'municipalities' ? ssbExport(s) : undefined;
      if (x) ssb.set(s.name, x);
      return x?.sheet ?? s;
    });
  return { weightSheet, sheets, ssb };
}

/** Reads the travel sheets and the Ferjer sheets; the network with the planner's ferries in it. */
function readTravelInputs(
  { sheets, kommunerSheet, resolver, log }: Reading,
  shipped: TravelNetwork | undefined,
): { travelSheets: SheetData[]; entries: TravelEntry[]; ferrySheets: SheetData[]; network: TravelNetwork | undefined } {
  const travelSheets = sheets.filter(
    (s) => s !== kommunerSheet && (kindOfSheetName(s.name) === 'travel' || (kindOfSheetName(s.name) === undefined && isLongForm(s))),
  );
  const entries: TravelEntry[] = [];
  // One entry per pair: a national matrix has 127 000, too many to spread into push().
  for (const s of travelSheets) for (const e of readTravelSheet(s, resolver, log, kommunerSheet.name)) entries.push(e);
  const ferrySheets = sheets.filter((s) => s !== kommunerSheet && kindOfSheetName(s.name) === 'ferries');
  const ownFerries: NetworkLink[] = [];
  for (const s of ferrySheets) ownFerries.push(...readFerrySheet(s, resolver, log, kommunerSheet.name));
  return { travelSheets, entries, ferrySheets, network: mergeFerries(shipped, ownFerries) };
}

/** Reads Bemanning and Kontorer; the staffing of every municipality (the office's, else Bemanning's, else estimated). */
function readStaffingAndOffices({ sheets, kommunerSheet, municipalities, resolver, log, params, lang }: Reading): {
  staffingSheet: SheetData | undefined;
  officesSheet: SheetData | undefined;
  today: OfficesRead | undefined;
  staffing: Map<MunicipalityNumber, Staffing>;
} {
  const staffingSheet = pickSheet(
    sheets.filter((s) => s !== kommunerSheet),
    'staffing',
    STAFFING_FIELDS,
  );
  const givenStaffing = staffingSheet
    ? readStaffing(staffingSheet, resolver, log, kommunerSheet.name, params.municipalShareOfFte)
    : new Map<MunicipalityNumber, Staffing>();
  // Kontorer (optional): today's offices, the baseline; staffing it gives per office wins over Bemanning.
  const officesSheet = pickSheet(
    sheets.filter((s) => s !== kommunerSheet && s !== staffingSheet),
    'offices',
    OFFICE_FIELDS,
  );
  const today = officesSheet
    ? readOffices(officesSheet, municipalities, resolver, log, kommunerSheet.name, params.municipalShareOfFte, lang)
    : undefined;
  const staffing = new Map<MunicipalityNumber, Staffing>();
  for (const m of municipalities) {
    const office = today?.staffing.get(m.number);
    const own = givenStaffing.get(m.number);
    // The office's figure wins; the member's own cost per FTE and premises from Bemanning stay.
    staffing.set(
      m.number,
      office ? { ...office, costPerFte: own?.costPerFte, premisesCost: own?.premisesCost } : (own ?? estimateStaffing(m, params)),
    );
  }
  return { staffingSheet, officesSheet, today, staffing };
}

/**
 * A sheet of the planner's own with a municipality column that is no input (notes, a list, a
 * pivot): not read, and said so, so that she knows where her figures did not go. Their names.
 */
function noteIgnoredSheets(sheets: readonly SheetData[], used: ReadonlySet<SheetData | undefined>, log: ProblemLog): string[] {
  const ignored: string[] = [];
  for (const s of sheets) {
    if (used.has(s)) continue;
    const h = findHeaderRow(s, MUNICIPALITY_COLUMN);
    if (!h?.columns.has('number')) continue;
    ignored.push(s.name);
    log.warn(s.name, undefined, 'sheetIgnored', { column: h.headers[h.columns.get('number')!] ?? '' });
  }
  return ignored;
}

/**
 * The scenarios to score: today's (Kontorer) first, then Scenarier's, else one office per
 * municipality. Scenarier's problems are kept apart: a broken scenario is left out and listed,
 * the others are scored, and commands that do not use scenarios (optimize, travel) are not held
 * up by them.
 */
function readPlannedScenarios(
  { municipalities, resolver, kommunerSheet }: Reading,
  scenarioSheet: SheetData | undefined,
  today: OfficesRead | undefined,
): { scenarios: Scenario[]; scenarioProblems: readonly Problem[]; broken: Set<string> } {
  const scenarioLog = new ProblemLog();
  const broken = new Set<string>();
  const planned = scenarioSheet ? readScenarios(scenarioSheet, municipalities, resolver, scenarioLog, kommunerSheet.name, broken) : [];
  const scenarioProblems = summarizeProblems(scenarioLog.problems);
  if (scenarioSheet && hasErrors(scenarioProblems) && broken.size === 0) broken.add('*');
  const scenarios: Scenario[] = today
    ? [today.scenario, ...planned.filter((x) => x.name.toLowerCase() !== today.scenario.name.toLowerCase())]
    : scenarioSheet
      ? planned
      : [
          {
            name: ONE_OFFICE_PER_MUNICIPALITY,
            offices: municipalities.map((m) => ({
              host: m.number,
              members: [{ number: m.number, servicePoint: { kind: 'full' } }],
              hostAgreement: true,
            })),
          },
        ];
  return { scenarios, scenarioProblems, broken };
}

/** Adds the scenarios of one of Kontorplan's own sheets to `scenarios`, those of a name not taken yet; the sheet and the names added. */
function readOwnScenarios(
  { municipalities, resolver, log, kommunerSheet }: Reading,
  ownSheets: readonly SheetData[],
  sheetName: string,
  scenarios: Scenario[],
): { sheet?: SheetData; names: string[] } {
  const names: string[] = [];
  const sheet = ownSheets.find((s) => s.name === sheetName);
  if (!sheet) return { names };
  const taken = new Set(scenarios.map((s) => s.name.toLowerCase()));
  for (const s of readScenarios(sheet, municipalities, resolver, log, kommunerSheet.name, undefined, sheet.values.length)) {
    if (!taken.has(s.name.toLowerCase())) {
      scenarios.push(s);
      names.push(s.name);
    }
  }
  return { sheet, names };
}

/**
 * Only the pairs a scenario needs (member ↔ host) must be known; reports them per
 * municipality without coordinates, at its row in Kommuner.
 */
function reportMissingTravel(
  { kommunerSheet, kommunerHeader: header, byNumber, resolver, log }: Reading,
  scenarios: readonly Scenario[],
  missing: readonly MissingPair[],
): void {
  const needed = new Set<string>();
  for (const s of scenarios) {
    for (const o of s.offices) {
      for (const m of o.members) {
        needed.add(`${m.number}>${o.host}`);
        needed.add(`${o.host}>${m.number}`);
      }
    }
  }
  const byMunicipality = new Map<MunicipalityNumber, MunicipalityNumber[]>();
  const seenPairs = new Set<string>();
  for (const pair of missing) {
    const unordered = pairKey(pair.from, pair.to);
    if (!needed.has(`${pair.from}>${pair.to}`) || seenPairs.has(unordered)) continue;
    seenPairs.add(unordered);
    const from = byNumber.get(pair.from)!;
    const to = byNumber.get(pair.to)!;
    const culprit = from.lat === undefined ? from : to;
    const other = culprit === from ? to : from;
    const list = byMunicipality.get(culprit.number) ?? [];
    if (!list.includes(other.number)) list.push(other.number);
    byMunicipality.set(culprit.number, list);
  }
  for (const [number, others] of byMunicipality) {
    const m = byNumber.get(number)!;
    const col = header?.columns.get('lat') ?? header?.columns.get('number') ?? 0;
    log.error(kommunerSheet.name, a1(m.row, col), 'missingTravel', {
      count: others.length,
      name: resolver.label(number),
      example: resolver.label(others[0]!),
    });
  }
}

/** Warns of the planner's own times that look wrong: each kind listed up to a limit, then counted (a national matrix can have thousands). */
function reportTravelFindings(findings: readonly TravelFinding[], resolver: MunicipalityResolver, log: ProblemLog): void {
  const listed = new Map<string, number>();
  const more = new Map<string, { sheet: string; count: number }>();
  const min1 = (x: number) => Math.round(x * 10) / 10;
  for (const f of findings) {
    if (f.kind === 'missing' || f.sheet === undefined) continue;
    const n = (listed.get(f.kind) ?? 0) + 1;
    listed.set(f.kind, n);
    if (n > MAX_LISTED_FINDINGS) {
      more.set(f.kind, { sheet: f.sheet, count: (more.get(f.kind)?.count ?? 0) + 1 });
      continue;
    }
    const from = resolver.label(f.from);
    const to = resolver.label(f.to);
    if (f.kind === 'zero') log.warn(f.sheet, f.cell, 'travelZero', { from, to });
    else if (f.kind === 'asymmetric')
      log.warn(f.sheet, f.cell, 'travelAsymmetric', { from, to, minutes: min1(f.minutes), back: min1(f.back) });
    else
      log.warn(f.sheet, f.cell, 'travelTriangle', {
        from,
        to,
        minutes: min1(f.minutes),
        via: resolver.label(f.via),
        viaMinutes: min1(f.viaMinutes),
      });
  }
  for (const [kind, m] of more) log.warn(m.sheet, undefined, 'travelFindingsMore', { count: m.count, kind: FINDING_NAMES[kind] ?? kind });
}

/** Warns of pairs estimated in a straight line: blames the end with more such pairs (the cut-off one), at its row in Kommuner. */
function reportStraightLines(
  { kommunerSheet, kommunerHeader: header, byNumber, resolver, log }: Reading,
  straightLine: readonly MissingPair[],
): void {
  const straightCount = new Map<MunicipalityNumber, number>();
  for (const p of straightLine) for (const m of [p.from, p.to]) straightCount.set(m, (straightCount.get(m) ?? 0) + 1);
  const cutOff = new Map<MunicipalityNumber, number>();
  for (const p of straightLine) {
    const culprit = (straightCount.get(p.from) ?? 0) >= (straightCount.get(p.to) ?? 0) ? p.from : p.to;
    cutOff.set(culprit, (cutOff.get(culprit) ?? 0) + 1);
  }
  for (const [number, count] of cutOff) {
    const m = byNumber.get(number)!;
    log.warn(kommunerSheet.name, a1(m.row, header?.columns.get('number') ?? 0), 'travelStraightLine', {
      name: resolver.label(number),
      count,
    });
  }
}

/** The network with the planner's ferries added; each replaces a shipped ferry between the same two municipalities. */
function mergeFerries(network: TravelNetwork | undefined, own: readonly NetworkLink[]): TravelNetwork | undefined {
  if (own.length === 0) return network;
  const replaced = new Set(own.map((l) => pairKey(l.a, l.b)));
  const shipped = network?.links.filter((l) => !(l.kind === 'ferry' && replaced.has(pairKey(l.a, l.b)))) ?? [];
  return { points: network?.points ?? new Map(), links: [...shipped, ...own], ...(network?.islands ? { islands: network.islands } : {}) };
}
