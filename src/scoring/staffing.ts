import { KNOWN_COOPERATIONS, reportedPopulation } from '../data/cooperations';
import type { Parameters } from '../domain/parameters';
/** The languages Kontorplan speaks (as src/io/problems.ts has it). */
type Language = 'nb' | 'en';
import type { Municipality, MunicipalityNumber, Office, Staffing } from '../domain/types';

/**
 * Staffing where the workbook gives none, estimated with scale: a fixed part per office and a
 * part per inhabitant, fitted to the documented offices. Small offices get more staff per
 * inhabitant than large ones, as the research observes (2.9 per 1 000 in Indre Namdal, 1.9 in
 * Værnes; 003 L149).
 */

/** A documented office: its staff (employees, as the report gives them) against its inhabitants. */
export type StaffPoint = Readonly<{ office: string; population: number; staff: number; source: string; extraServices?: string }>;

/** Every documented cooperation with staff and every member's population in the report. */
export function staffingPoints(): StaffPoint[] {
  const out: StaffPoint[] = [];
  for (const c of KNOWN_COOPERATIONS) {
    const population = reportedPopulation(c);
    if (c.staff === undefined || population === undefined) continue;
    out.push({ office: c.name, population, staff: c.staff, source: c.source, extraServices: c.extraServices });
  }
  return out;
}

export type StaffingFit = Readonly<{ staffFixed: number; staffPer1000: number; absoluteError: number }>;

/**
 * The line staff = fixed + per1000 × population / 1 000 with the least sum of absolute errors
 * (least absolute deviations). An optimum of that problem passes through two of the points, so
 * trying every pair finds it exactly; of equal sums the first pair wins.
 */
export function fitStaffing(points: readonly StaffPoint[]): StaffingFit {
  let best: StaffingFit | undefined;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      if (a.population === b.population) continue;
      const slope = (b.staff - a.staff) / (b.population - a.population);
      const fixed = a.staff - slope * a.population;
      const absoluteError = points.reduce((s, p) => s + Math.abs(fixed + slope * p.population - p.staff), 0);
      if (!best || absoluteError < best.absoluteError - 1e-12) best = { staffFixed: fixed, staffPer1000: slope * 1000, absoluteError };
    }
  }
  if (!best) throw new Error('fitStaffing needs two points of different population');
  return best;
}

/** Staff of an office of `population` inhabitants whose staffing is wholly estimated. */
export function estimatedOfficeStaff(population: number, p: Parameters): number {
  return p.staffFixed + (p.staffPer1000 * population) / 1000;
}

/** One municipality's part of an estimate (the per-inhabitant part), split state / municipal. */
export function estimateStaffing(m: Pick<Municipality, 'population'>, p: Parameters): Staffing {
  return split((p.staffPer1000 * m.population) / 1000, p);
}

function split(total: number, p: Parameters): Staffing {
  const municipalFte = total * p.municipalShareOfFte;
  return { stateFte: total - municipalFte, municipalFte, provenance: 'estimated' };
}

/**
 * Each member's staffing in this office: as given or estimated, with the estimate's fixed part
 * added to the host when the host's staffing is estimated (an office's fixed part is counted
 * once, where the office is; a given figure already holds it).
 */
export function officeStaffing(
  office: Office,
  staffing: ReadonlyMap<MunicipalityNumber, Staffing>,
  p: Parameters,
): Map<MunicipalityNumber, Staffing> {
  const out = new Map<MunicipalityNumber, Staffing>();
  for (const m of office.members) {
    const s = staffing.get(m.number)!;
    if (m.number !== office.host || s.provenance !== 'estimated') {
      out.set(m.number, s);
      continue;
    }
    const fixed = split(p.staffFixed, p);
    out.set(m.number, { ...s, stateFte: s.stateFte + fixed.stateFte, municipalFte: s.municipalFte + fixed.municipalFte });
  }
  return out;
}

/**
 * What the output says when staffing was estimated: how many municipalities, the model and
 * the assumed state / municipal split, in lines of at most 100 characters; undefined when every
 * figure is given.
 */
/**
 * The line that says staffing was estimated. Scoring sits below src/io, so its one text is kept
 * here in both languages; the catalogue's test checks it with the others.
 */
export const STAFFING_ASSUMED = {
  nb: 'Bemanning estimert for {estimated} av {total} kommuner: {fixed} per kontor + {per1000} per 1 000 innbyggere\n(tilpasset seks dokumenterte kontor; ansatte, ikke årsverk; se docs/scoring.md),\nfordelt {state} % statlig og {municipal} % kommunalt (antatt; endre med --municipal-share).',
  en: 'Staffing estimated for {estimated} of {total} municipalities: {fixed} per office + {per1000} per 1,000 inhabitants\n(fitted to six documented offices; staff, not FTE; see docs/scoring.md),\nsplit {state}% state and {municipal}% municipal (assumed; change with --municipal-share).',
} as const;

const fillWords = (t: string, params: Record<string, string | number>) =>
  t.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

export function staffingAssumption(
  staffing: ReadonlyMap<MunicipalityNumber, Staffing>,
  p: Parameters,
  lang: Language = 'nb',
): string | undefined {
  const estimated = [...staffing.values()].filter((s) => s.provenance === 'estimated').length;
  if (estimated === 0) return undefined;
  const n = (x: number) => (lang === 'en' ? String(x) : String(x).replace('.', ','));
  return fillWords(STAFFING_ASSUMED[lang], {
    estimated,
    total: staffing.size,
    fixed: n(p.staffFixed),
    per1000: n(p.staffPer1000),
    state: Math.round((1 - p.municipalShareOfFte) * 100),
    municipal: Math.round(p.municipalShareOfFte * 100),
  });
}
