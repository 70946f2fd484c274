import type { SheetData } from '../domain/sheets';
import type { LegalForm, Member, Municipality, MunicipalityNumber, Office, Scenario, ServicePoint } from '../domain/types';
import { parseLegalForm } from './legalForm';
import { a1, cellText, isBlank, parseYesNo } from './cells';
import { SCENARIO_FIELDS } from './fields';
import { ProblemLog } from './problems';
import { municipalityAt, requiredHeader } from './readCell';
import type { MunicipalityResolver } from './resolver';
import { parseServicePoint } from './servicePoint';

type Row = {
  number: MunicipalityNumber;
  host: MunicipalityNumber;
  hostCell: string;
  servicePoint: ServicePoint;
  agreement: boolean;
  /** A legal form the agreement column names (sammenslått, kun statlig, vertskommune, uformelt). */
  legalForm?: LegalForm;
  cell: string;
};

/**
 * Reads Scenarier: one row per municipality per scenario, naming its host (blank = itself),
 * service point and whether a host agreement exists (blank = yes). Every municipality of
 * Kommuner must be in every scenario exactly once, and a host must be a member of its own
 * office. Scenarios come out in the order they first appear; one with an error is left out and
 * its name added to `broken`.
 */
export function readScenarios(
  sheet: SheetData,
  municipalities: readonly Municipality[],
  resolver: MunicipalityResolver,
  log: ProblemLog,
  kommunerSheet: string,
  broken: Set<string> = new Set(),
  /** Rows that may hold the header (Kontorplan's own sheet of optimised scenarios: all). */
  scanRows?: number,
): Scenario[] {
  const header = requiredHeader(sheet, SCENARIO_FIELDS, log, scanRows);
  if (!header) return [];
  const errorCount = () => log.problems.filter((p) => p.severity === 'error').length;
  const col = (k: string) => header.columns.get(k);
  const byScenario = new Map<string, { firstCell: string; rows: Map<MunicipalityNumber, Row>; rejected: Set<MunicipalityNumber> }>();

  const resolve = (r: number, c: number) => municipalityAt(sheet, r, c, resolver, log, kommunerSheet);

  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const cs = col('scenario')!;
    const cn = col('number')!;
    const ch = col('host')!;
    const name = cellText(row[cs]);
    if (isBlank(row[cn])) continue;
    const errorsBefore = errorCount();
    if (!name) {
      log.error(sheet.name, a1(r, cs), 'scenarioNameMissing');
      continue;
    }
    const number = resolve(r, cn);
    const host = isBlank(row[ch]) ? number : resolve(r, ch);
    const csp = col('servicePoint');
    let servicePoint: ServicePoint | undefined = { kind: 'none' };
    if (csp !== undefined) {
      servicePoint = parseServicePoint(row[csp]);
      if (!servicePoint) log.error(sheet.name, a1(r, csp), 'badServicePoint', { value: cellText(row[csp]) });
    }
    const ca = col('agreement');
    let agreement: boolean | undefined = true;
    let legalForm: LegalForm | undefined;
    if (ca !== undefined && !isBlank(row[ca])) {
      // ja / nei, or the legal form itself: a merger and a state-only service area need no host agreement.
      agreement = parseYesNo(row[ca]);
      if (agreement === undefined) {
        legalForm = parseLegalForm(row[ca]);
        // «ukjent»: the legal form is not known (Kontorplan's own sheet writes it for such an office of Kontorer).
        if (legalForm !== undefined) agreement = legalForm !== 'uformelt';
        else log.error(sheet.name, a1(r, ca), 'badAgreement', { value: cellText(row[ca]) });
      }
    }
    const scenario = byScenario.get(name) ?? {
      firstCell: a1(r, cs),
      rows: new Map<MunicipalityNumber, Row>(),
      rejected: new Set<MunicipalityNumber>(),
    };
    byScenario.set(name, scenario);
    if (number === undefined || host === undefined || !servicePoint || agreement === undefined) {
      // Already reported at its cell; don't report the same row again as missing.
      if (number !== undefined) scenario.rejected.add(number);
      if (errorCount() > errorsBefore) broken.add(name);
      continue;
    }
    const before = scenario.rows.get(number);
    if (before) {
      log.error(sheet.name, a1(r, cn), 'memberTwice', { number, scenario: name, other: `${sheet.name}!${before.cell}` });
      broken.add(name);
      continue;
    }
    scenario.rows.set(number, {
      number,
      host,
      hostCell: a1(r, ch),
      servicePoint: host === number ? { kind: 'full' } : servicePoint,
      agreement,
      ...(legalForm ? { legalForm } : {}),
      cell: a1(r, cn),
    });
  }

  const scenarios: Scenario[] = [];
  for (const [name, { firstCell, rows, rejected }] of byScenario) {
    const errorsBefore = errorCount();
    const absent = municipalities.filter((m) => !rows.has(m.number) && !rejected.has(m.number));
    if (absent.length > 0) {
      const shown = absent.slice(0, 6).map((m) => `${m.number} ${m.name}`);
      if (absent.length > 6) shown.push(`… (+${absent.length - 6})`);
      log.error(sheet.name, firstCell, 'memberMissing', { scenario: name, count: absent.length, list: shown.join(', ') });
    }
    const reported = new Set<MunicipalityNumber>();
    for (const row of rows.values()) {
      if (row.host === row.number || reported.has(row.host) || rejected.has(row.host)) continue;
      const hostRow = rows.get(row.host);
      if (hostRow && hostRow.host === row.host) continue;
      reported.add(row.host);
      if (hostRow) {
        log.error(sheet.name, row.hostCell, 'hostNotMember', {
          host: resolver.label(row.host),
          scenario: name,
          other: resolver.label(hostRow.host),
          otherCell: `${sheet.name}!${hostRow.hostCell}`,
        });
      } else {
        log.error(sheet.name, row.hostCell, 'hostWithoutRow', { host: resolver.label(row.host), scenario: name });
      }
    }
    const offices = new Map<MunicipalityNumber, { members: Member[]; agreement: boolean; forms: Set<LegalForm> }>();
    for (const m of municipalities) {
      const row = rows.get(m.number);
      if (!row) continue;
      const office = offices.get(row.host) ?? { members: [], agreement: true, forms: new Set<LegalForm>() };
      offices.set(row.host, office);
      office.agreement &&= row.agreement;
      if (row.legalForm) office.forms.add(row.legalForm);
      const member: Member = { number: row.number, servicePoint: row.servicePoint };
      if (row.number === row.host) office.members.unshift(member);
      else office.members.push(member);
    }
    const list: Office[] = [...offices].map(([host, o]) => ({ host, members: o.members, hostAgreement: o.agreement, ...officeForm(o) }));
    if (errorCount() > errorsBefore) broken.add(name);
    scenarios.push({ name, offices: list });
  }
  // A scenario with an error is listed with its cells and left out; the others are scored.
  return scenarios.filter((x) => !broken.has(x.name));
}

/**
 * The legal form an office's rows name: informal wins (any "nei" or "uformelt": a member without
 * an agreement makes the office informal), then a merger, then a state-only service area, then a
 * host agreement stated as such, then unknown; none named: undefined (the ja/nei agreement decides).
 */
function officeForm(o: { agreement: boolean; forms: ReadonlySet<LegalForm> }): { legalForm?: LegalForm } {
  if (!o.agreement) return o.forms.size > 0 ? { legalForm: 'uformelt' } : {};
  for (const f of ['sammenslått', 'statlig', 'vertskommune', 'ukjent'] as const) if (o.forms.has(f)) return { legalForm: f };
  return {};
}
