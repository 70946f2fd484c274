import type { Parameters } from '../domain/parameters';
import type { SheetData, WorkbookSnapshot } from '../domain/sheets';
import type { Municipality, MunicipalityNumber, PlanningInput, Scenario, Staffing } from '../domain/types';
import { buildTravelMatrix, type TravelEntry } from '../travel/matrix';
import { a1 } from './cells';
import { MUNICIPALITY_FIELDS, SCENARIO_FIELDS, STAFFING_FIELDS } from './fields';
import { findHeaderRow, kindOfSheetName, type FieldSpec, type SheetKind } from './headers';
import { hasErrors, ProblemLog, type Problem } from './problems';
import { readMunicipalities, type ReferenceMunicipality } from './readMunicipalities';
import { readScenarios } from './readScenarios';
import { readStaffing } from './readStaffing';
import { isLongForm, readTravelSheet } from './readTravel';
import { MunicipalityResolver } from './resolver';

export type SheetsUsed = Readonly<{
  municipalities: string;
  travel: readonly string[];
  staffing?: string;
  scenarios?: string;
}>;

export type ReadResult = Readonly<{
  value: (PlanningInput & { sheetsUsed: SheetsUsed }) | undefined;
  problems: readonly Problem[];
}>;

export type ReadOptions = Readonly<{
  /** The embedded dataset by number: fills missing names, BA regions and coordinates. */
  reference?: ReadonlyMap<string, ReferenceMunicipality>;
  /** Other names a municipality goes by (e.g. the short name "Fauske"). */
  extraNames?: ReadonlyMap<string, readonly string[]>;
}>;

/** "Dagens struktur" when the workbook has no Scenarier sheet: one office per municipality. */
export const CURRENT_STRUCTURE = 'Dagens struktur';

function headerScore(sheet: SheetData, fields: readonly FieldSpec[]): number {
  const h = findHeaderRow(sheet, fields);
  if (!h) return 0;
  const required = fields.filter((f) => f.required);
  return required.every((f) => h.columns.has(f.key)) ? 100 + h.columns.size : 0;
}

/** The sheet for one input: named for it (best headers first), else the one whose headers fit. */
function pickSheet(sheets: readonly SheetData[], kind: SheetKind, fields: readonly FieldSpec[]): SheetData | undefined {
  const named = sheets.filter((s) => kindOfSheetName(s.name) === kind);
  const pool = named.length > 0 ? named : sheets.filter((s) => kindOfSheetName(s.name) === undefined);
  let best: { sheet: SheetData; score: number } | undefined;
  for (const sheet of pool) {
    const score = headerScore(sheet, fields);
    if ((named.length > 0 || score > 0) && (!best || score > best.score)) best = { sheet, score };
  }
  return best?.sheet;
}

export function estimateStaffing(m: Municipality, p: Parameters): Staffing {
  const total = (m.population * p.ftePer1000) / 1000;
  const municipalFte = total * p.municipalShareOfFte;
  return { stateFte: total - municipalFte, municipalFte, provenance: 'estimated' };
}

/**
 * Reads a planner's workbook into the engine's input. All problems come back together;
 * `value` is undefined when any of them is an error.
 */
export function readWorkbook(snapshot: WorkbookSnapshot, params: Parameters, options: ReadOptions = {}): ReadResult {
  const log = new ProblemLog();
  const owned = new Set(snapshot.ownedSheets);
  const sheets = snapshot.sheets.filter((s) => !owned.has(s.name));

  const kommunerSheet = pickSheet(sheets, 'municipalities', MUNICIPALITY_FIELDS);
  if (!kommunerSheet) {
    log.error('Kommuner', undefined, 'sheetMissing', { what: 'kommuner og folketall', expected: 'Kommuner' });
    return { value: undefined, problems: log.problems };
  }
  const municipalities = readMunicipalities(kommunerSheet, log, options.reference);
  const resolver = new MunicipalityResolver(municipalities, options.extraNames);

  const travelSheets = sheets.filter(
    (s) => s !== kommunerSheet && (kindOfSheetName(s.name) === 'travel' || (kindOfSheetName(s.name) === undefined && isLongForm(s))),
  );
  const entries: TravelEntry[] = [];
  for (const s of travelSheets) entries.push(...readTravelSheet(s, resolver, log, kommunerSheet.name));

  const staffingSheet = pickSheet(
    sheets.filter((s) => s !== kommunerSheet),
    'staffing',
    STAFFING_FIELDS,
  );
  const givenStaffing = staffingSheet
    ? readStaffing(staffingSheet, resolver, log, kommunerSheet.name, params.municipalShareOfFte)
    : new Map<MunicipalityNumber, Staffing>();
  const staffing = new Map<MunicipalityNumber, Staffing>();
  for (const m of municipalities) {
    staffing.set(m.number, givenStaffing.get(m.number) ?? estimateStaffing(m, params));
  }

  const scenarioSheet = pickSheet(
    sheets.filter((s) => s !== kommunerSheet && !travelSheets.includes(s)),
    'scenarios',
    SCENARIO_FIELDS,
  );
  const scenarios: Scenario[] = scenarioSheet
    ? readScenarios(scenarioSheet, municipalities, resolver, log, kommunerSheet.name)
    : [
        {
          name: CURRENT_STRUCTURE,
          offices: municipalities.map((m) => ({
            host: m.number,
            members: [{ number: m.number, servicePoint: { kind: 'full' } }],
            hostAgreement: true,
          })),
        },
      ];

  const { matrix, missing } = buildTravelMatrix(municipalities, entries, params);
  // Only the pairs a scenario needs (member ↔ host) must be known; report them per
  // municipality without coordinates, at its row in Kommuner.
  const needed = new Set<string>();
  for (const s of scenarios) {
    for (const o of s.offices) {
      for (const m of o.members) {
        needed.add(`${m.number}>${o.host}`);
        needed.add(`${o.host}>${m.number}`);
      }
    }
  }
  const byNumber = new Map(municipalities.map((m) => [m.number, m]));
  const byMunicipality = new Map<MunicipalityNumber, MunicipalityNumber[]>();
  const seenPairs = new Set<string>();
  for (const pair of missing) {
    const unordered = pair.from < pair.to ? `${pair.from}-${pair.to}` : `${pair.to}-${pair.from}`;
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
  const header = findHeaderRow(kommunerSheet, MUNICIPALITY_FIELDS);
  for (const [number, others] of byMunicipality) {
    const m = byNumber.get(number)!;
    const col = header?.columns.get('lat') ?? header?.columns.get('number') ?? 0;
    log.error(kommunerSheet.name, a1(m.row, col), 'missingTravel', {
      count: others.length,
      name: resolver.label(number),
      example: resolver.label(others[0]!),
    });
  }

  const problems = log.problems;
  if (hasErrors(problems)) return { value: undefined, problems };
  return {
    value: {
      municipalities,
      travel: matrix,
      staffing,
      scenarios,
      sheetsUsed: {
        municipalities: kommunerSheet.name,
        travel: travelSheets.map((s) => s.name),
        staffing: staffingSheet?.name,
        scenarios: scenarioSheet?.name,
      },
    },
    problems,
  };
}
