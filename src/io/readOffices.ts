import { parseLegalForm } from './legalForm';
import type { CellValue, SheetData } from '../domain/sheets';
import type { LegalForm, Member, Municipality, MunicipalityNumber, Office, Scenario, ServicePoint, Staffing } from '../domain/types';
import { a1, cellText, foldName, isBlank, isCellError, parseNumber } from './cells';
import { OFFICE_FIELDS } from './fields';
import { TOTAL_LABELS } from './readMunicipalities';
import { ProblemLog, type Language } from './problems';
import { nonNegativeAt, requiredHeader } from './readCell';
import type { MunicipalityResolver } from './resolver';

/** Today's structure as the Kontorer sheet gives it: the baseline scenario and the staffing it states per office. */
export type OfficesRead = Readonly<{
  scenario: Scenario;
  /** Staffing per member where the office's is given, spread by population (provenance given). */
  staffing: ReadonlyMap<MunicipalityNumber, Staffing>;
}>;

/**
 * The name of the baseline: «Dagens struktur (per DATE)», in English «Current structure (as of
 * DATE)», DATE the latest agreement date in the sheet (a year where only the year is given).
 * Both are found as the baseline again (versus.ts); no apostrophe, as it becomes a sheet name.
 */
export function baselineName(latest: AgreementDate | undefined, lang: Language = 'nb'): string {
  const [name, per, sheet] =
    lang === 'en' ? ['Current structure', 'as of', 'the Kontorer sheet'] : ['Dagens struktur', 'per', 'arket Kontorer'];
  if (!latest) return `${name} (${per} ${sheet})`;
  if (latest.yearOnly) return `${name} (${per} ${latest.date.getUTCFullYear()})`;
  const d = latest.date;
  const two = (x: number) => String(x).padStart(2, '0');
  return `${name} (${per} ${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()})`;
}

type AgreementDate = Readonly<{ date: Date; yearOnly: boolean }>;

/** A location that is a meeting room (publikumsmottak / møteplass), not a branch with opening days. */
const MEETING = -1;

/**
 * Splits a list cell: comma, semicolon or line break, then «og»/«and» between names, keeping
 * together the parts that make one name (`isName`: «Sø og Evje og Hornnes» is Sø and «Evje og
 * Hornnes»): from the left, the longest run of parts that is a name, else one part.
 */
export function listItems(v: unknown, isName: (s: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const piece of cellText(v as never).split(/[,;\n]/)) {
    const parts = piece
      .trim()
      .split(/\s+(og|and)\s+/i)
      .filter((_, i) => i % 2 === 0)
      .map((x) => x.trim());
    const joiners = [...piece.trim().matchAll(/\s+(og|and)\s+/gi)].map((m) => m[1]!);
    for (let i = 0; i < parts.length;) {
      let end = i + 1;
      for (let j = parts.length; j > i + 1; j--) {
        const run = parts.slice(i, j).reduce((acc, p, k) => (k === 0 ? p : `${acc} ${joiners[i + k - 1]} ${p}`), '');
        if (isName(run)) {
          end = j;
          break;
        }
      }
      const item = parts.slice(i, end).reduce((acc, p, k) => (k === 0 ? p : `${acc} ${joiners[i + k - 1]} ${p}`), '');
      if (item) out.push(item);
      i = end;
    }
  }
  return out;
}

function dateOf(v: unknown): AgreementDate | undefined {
  if (v instanceof Date) return { date: v, yearOnly: false };
  if (typeof v === 'number' && v >= 1900 && v <= 2100) return { date: new Date(Date.UTC(v, 0, 1)), yearOnly: true };
  if (typeof v === 'number' && v > 20000 && v < 80000) return { date: new Date(Date.UTC(1899, 11, 30) + v * 86400000), yearOnly: false };
  const t = cellText(v as never).trim();
  if (/^\d{4}$/.test(t)) return { date: new Date(Date.UTC(Number(t), 0, 1)), yearOnly: true };
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (nb) return { date: new Date(Date.UTC(Number(nb[3]), Number(nb[2]) - 1, Number(nb[1]))), yearOnly: false };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return { date: new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]))), yearOnly: false };
  return undefined;
}

/**
 * Reads Kontorer: one row per NAV office today, with its host, its member municipalities (a
 * list in one cell), optional locations with opening days («Evenes 2; Gratangen 2»: a member
 * listed without days has a 5-day office, «Bjerkreim møterom» a meeting room, a member not
 * listed none), optional state and
 * municipal FTE or a total (split by `municipalShareOfFte`), legal form (blank = ukjent),
 * agreement date and source. Municipalities of Kommuner in no office count as offices of their
 * own (with a note). Every problem names its cell.
 */
export function readOffices(
  sheet: SheetData,
  municipalities: readonly Municipality[],
  resolver: MunicipalityResolver,
  log: ProblemLog,
  kommunerSheet: string,
  municipalShareOfFte: number,
  lang: Language = 'nb',
): OfficesRead | undefined {
  const header = requiredHeader(sheet, OFFICE_FIELDS, log);
  if (!header) return undefined;
  const offices: Office[] = [];
  const rows: OfficeRows = {
    sheet,
    resolver,
    log,
    kommunerSheet,
    municipalShareOfFte,
    col: (k) => header.columns.get(k),
    population: new Map(municipalities.map((m) => [m.number, m.population])),
    officeOf: new Map(),
    staffing: new Map(),
    latest: undefined,
    errorsBefore: log.problems.filter((p) => p.severity === 'error').length,
  };
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const office = readOfficeRow(rows, r);
    if (office) offices.push(office);
  }
  addMissingOffices(rows, municipalities, offices);
  return { scenario: { name: baselineName(rows.latest, lang), offices }, staffing: rows.staffing };
}

/** What reading a row of Kontorer takes, and what the rows before found (offices by member, staffing, latest date). */
type OfficeRows = {
  readonly sheet: SheetData;
  readonly resolver: MunicipalityResolver;
  readonly log: ProblemLog;
  readonly kommunerSheet: string;
  readonly municipalShareOfFte: number;
  readonly col: (k: string) => number | undefined;
  readonly population: ReadonlyMap<MunicipalityNumber, number>;
  /** The office (and its members' cell) each municipality is a member of. */
  readonly officeOf: Map<MunicipalityNumber, { office: string; cell: string }>;
  readonly staffing: Map<MunicipalityNumber, Staffing>;
  /** The latest agreement date so far. */
  latest: AgreementDate | undefined;
  /** Errors in the log after the last row that had some. */
  errorsBefore: number;
};

/** A municipality of a cell by its name or number; undefined when unknown or ambiguous (said, at `cell`). */
function resolveItem({ sheet, resolver, log, kommunerSheet }: OfficeRows, item: string, cell: string): MunicipalityNumber | undefined {
  const res = resolver.resolve(item);
  if (res.ok) return res.number;
  if (res.reason === 'ambiguous') log.error(sheet.name, cell, 'ambiguousName', { value: item, candidates: res.candidates ?? '' });
  else log.error(sheet.name, cell, 'unknownMunicipality', { value: item, sheetName: kommunerSheet });
  return undefined;
}

/** Whether a piece of a list cell is a municipality's name (what keeps «Evje og Hornnes» together). */
function isNameOf(resolver: MunicipalityResolver): (piece: string) => boolean {
  return (piece) => resolver.resolve(piece).ok;
}

/** One row of Kontorer as an office; undefined when blank, a totals row or in error (each said). */
function readOfficeRow(rows: OfficeRows, r: number): Office | undefined {
  const { sheet, log, col, resolver } = rows;
  const row = sheet.values[r] ?? [];
  if (row.every((v) => isBlank(v))) return undefined;
  const cName = col('name')!;
  const cHost = col('host')!;
  const cMembers = col('members')!;
  // A totals or notes row ("Sum", with no host and no members) is skipped with a note, as in Kommuner.
  if (isBlank(row[cHost]) && isBlank(row[cMembers]) && TOTAL_LABELS.includes(foldName(cellText(row[cName])))) {
    log.warn(sheet.name, a1(r, cName), 'totalsRowSkipped', { value: cellText(row[cName]) });
    return undefined;
  }
  const name = cellText(row[cName]).trim() || `rad ${r + 1}`;
  const hostCell = a1(r, cHost);
  const membersCell = a1(r, cMembers);
  for (const [c, v] of [
    [cHost, row[cHost]],
    [cMembers, row[cMembers]],
  ] as const) {
    if (isCellError(v)) log.error(sheet.name, a1(r, c), 'cellError', { value: cellText(v) });
  }
  const host = isBlank(row[cHost]) || isCellError(row[cHost]) ? undefined : resolveItem(rows, cellText(row[cHost]).trim(), hostCell);
  if (isBlank(row[cHost])) log.error(sheet.name, hostCell, 'valueMissing', { column: 'vertskommune' });
  const { members, membersBad } = readMembers(rows, row[cMembers], membersCell);
  if (members.length === 0 && !membersBad && !isCellError(row[cMembers])) {
    log.error(sheet.name, membersCell, 'officeNoMembers', { office: name });
    return undefined;
  }
  if (host !== undefined && !members.includes(host) && !membersBad) {
    log.error(sheet.name, hostCell, 'officeHostNotMember', {
      host: resolver.label(host),
      office: name,
      members: members.map((m) => resolver.label(m)).join(', '),
    });
  }
  claimMembers(rows, members, name, membersCell);
  const days = openingDays(rows, row, r, members, name);
  const legalForm = legalFormOf(rows, row, r);
  const cDate = col('date');
  const date = cDate === undefined ? undefined : dateOf(row[cDate]);
  if (date && (!rows.latest || date.date > rows.latest.date)) rows.latest = date;
  const given = officeStaffing(rows, r);
  if (!given.ok) return undefined;
  if (given.fte) spreadStaffing(rows, members, given.fte, given.fromTotal);
  return officeAt(host!, members, days, legalForm, name);
}

/** The members of a list cell, each once; `membersBad` when one of them is not known (said). */
function readMembers(
  rows: OfficeRows,
  v: CellValue | undefined,
  membersCell: string,
): { members: MunicipalityNumber[]; membersBad: boolean } {
  const members: MunicipalityNumber[] = [];
  let membersBad = false;
  for (const item of isCellError(v) ? [] : listItems(v, isNameOf(rows.resolver))) {
    const n = resolveItem(rows, item, membersCell);
    if (n === undefined) membersBad = true;
    else if (!members.includes(n)) members.push(n);
  }
  return { members, membersBad };
}

/** Records the office of each member; an error for a member already in an office of an earlier row. */
function claimMembers(
  { sheet, log, resolver, officeOf }: OfficeRows,
  members: readonly MunicipalityNumber[],
  name: string,
  membersCell: string,
): void {
  for (const m of members) {
    const before = officeOf.get(m);
    if (before)
      log.error(sheet.name, membersCell, 'officeMemberTwice', {
        number: resolver.label(m),
        office: name,
        other: before.office,
        otherCell: `${sheet.name}!${before.cell}`,
      });
    else officeOf.set(m, { office: name, cell: membersCell });
  }
}

/** Locations: member → opening days (MEETING for a meeting room); an error for each location that does not read. */
function openingDays(
  rows: OfficeRows,
  row: readonly CellValue[],
  r: number,
  members: readonly MunicipalityNumber[],
  name: string,
): Map<MunicipalityNumber, number> {
  const { sheet, log, resolver } = rows;
  const days = new Map<MunicipalityNumber, number>();
  const cLoc = rows.col('locations');
  if (cLoc !== undefined && !isBlank(row[cLoc])) {
    const locCell = a1(r, cLoc);
    for (const item of listItems(row[cLoc], isNameOf(resolver))) {
      const meeting = /\s*[:(]?\s*(møterom|møteplass|meeting room)\s*\)?$/i;
      // A bare municipality (a name, or a number such as «1840») is a 5-day office; else the
      // trailing number is its opening days.
      const m = meeting.test(item)
        ? [item, item.replace(meeting, ''), undefined]
        : resolver.resolve(item).ok
          ? [item, item, undefined]
          : /^(.*?)(?:\s*[:(]?\s*(\d+(?:[.,]\d+)?)\s*(?:dager|dag|days|day|d)?\s*\)?)?$/i.exec(item)!;
      const where = m[1]!.trim();
      const n = meeting.test(item) ? MEETING : m[2] === undefined ? 5 : parseNumber(m[2]);
      if (!where || n === undefined || (n !== MEETING && (n < 1 || n > 5))) {
        log.error(sheet.name, locCell, 'badOpeningDays', { value: item });
        continue;
      }
      const at = resolveItem(rows, where, locCell);
      if (at === undefined) continue;
      if (!members.includes(at)) {
        log.error(sheet.name, locCell, 'officeLocationNotMember', { name: resolver.label(at), office: name });
        continue;
      }
      days.set(at, n);
    }
  }
  return days;
}

/** Legal form: blank is unknown, never an agreement; an error when it does not read. */
function legalFormOf({ sheet, log, col }: OfficeRows, row: readonly CellValue[], r: number): LegalForm {
  let legalForm: LegalForm = 'ukjent';
  const cForm = col('legalForm');
  if (cForm !== undefined && !isBlank(row[cForm])) {
    const f = parseLegalForm(row[cForm]);
    if (f) legalForm = f;
    else log.error(sheet.name, a1(r, cForm), 'badLegalForm', { value: cellText(row[cForm]) });
  }
  return legalForm;
}

/**
 * Staffing given for the office: state and municipal FTE, or a total split by the municipal
 * share. Not ok when the row has brought new errors (the row is then left out).
 */
function officeStaffing(
  rows: OfficeRows,
  r: number,
): { ok: false } | { ok: true; fte?: { stateFte: number; municipalFte: number }; fromTotal: boolean } {
  const { sheet, log, col, municipalShareOfFte } = rows;
  const fte = (k: string) => {
    const c = col(k);
    return c === undefined ? {} : nonNegativeAt(sheet, r, c, log);
  };
  const st = fte('stateFte');
  const mu = fte('municipalFte');
  const to = fte('totalFte');
  const errorsNow = log.problems.filter((p) => p.severity === 'error').length;
  if (errorsNow > rows.errorsBefore) {
    rows.errorsBefore = errorsNow;
    return { ok: false };
  }
  let given: { stateFte: number; municipalFte: number } | undefined;
  const fromTotal = st.value === undefined && mu.value === undefined && to.value !== undefined;
  if (st.value !== undefined || mu.value !== undefined) given = { stateFte: st.value ?? 0, municipalFte: mu.value ?? 0 };
  else if (to.value !== undefined) given = { stateFte: to.value * (1 - municipalShareOfFte), municipalFte: to.value * municipalShareOfFte };
  return { ok: true, fte: given, fromTotal };
}

/** The office's staffing spread to its members by population. */
function spreadStaffing(
  { sheet, population, staffing }: OfficeRows,
  members: readonly MunicipalityNumber[],
  given: { stateFte: number; municipalFte: number },
  fromTotal: boolean,
): void {
  const total = members.reduce((s, m) => s + (population.get(m) ?? 0), 0);
  for (const m of members) {
    const share = total === 0 ? 1 / members.length : (population.get(m) ?? 0) / total;
    staffing.set(m, {
      stateFte: given.stateFte * share,
      municipalFte: given.municipalFte * share,
      provenance: 'given',
      ...(fromTotal ? { fromTotal: sheet.name } : {}),
    });
  }
}

/** The office: its host first (full service), then the members with the service point their opening days give. */
function officeAt(
  host: MunicipalityNumber,
  members: readonly MunicipalityNumber[],
  days: ReadonlyMap<MunicipalityNumber, number>,
  legalForm: LegalForm,
  name: string,
): Office {
  const servicePoint = (m: MunicipalityNumber): ServicePoint => {
    const d = days.get(m);
    if (d === undefined) return { kind: 'none' };
    if (d === MEETING) return { kind: 'meeting' };
    return d >= 5 ? { kind: 'branch', days: 5 } : { kind: 'branch', days: d };
  };
  const ordered: Member[] = [
    { number: host, servicePoint: { kind: 'full' } },
    ...members.filter((m) => m !== host).map((m) => ({ number: m, servicePoint: servicePoint(m) })),
  ];
  return {
    host,
    members: ordered,
    hostAgreement: legalForm === 'vertskommune' || legalForm === 'sammenslått' || legalForm === 'statlig',
    legalForm,
    name,
  };
}

/** Municipalities of Kommuner in no office: a note, and each an office of its own. */
function addMissingOffices(
  { sheet, log, resolver, officeOf }: OfficeRows,
  municipalities: readonly Municipality[],
  offices: Office[],
): void {
  const missing = municipalities.filter((m) => !officeOf.has(m.number));
  if (missing.length === 0) return;
  log.warn(sheet.name, undefined, 'officesMissing', {
    count: missing.length,
    list: missing
      .slice(0, 10)
      .map((m) => resolver.label(m.number))
      .join(', ')
      .concat(missing.length > 10 ? ', …' : ''),
  });
  for (const m of missing)
    offices.push({ host: m.number, members: [{ number: m.number, servicePoint: { kind: 'full' } }], hostAgreement: true });
}
