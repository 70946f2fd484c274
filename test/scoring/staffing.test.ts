/**
 * The staffing estimate: fitted to the documented offices, refitted here from its points, and
 * held to the target that each documented office is estimated within 20 % of its published staff.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { KNOWN_COOPERATIONS } from '../../src/data/cooperations';
import { DEFAULT_PARAMETERS, FITTED_STAFFING_PARAMETERS, withParameters } from '../../src/domain/parameters';
import { estimatedOfficeStaff, fitStaffing, staffingAssumption, staffingPoints, type StaffPoint } from '../../src/scoring/staffing';
import { asMunicipalityNumber } from '../../src/domain/types';
import { parametersFrom, UsageError } from '../../src/cli/common';

describe('the staffing model', () => {
  const points = staffingPoints();

  it('rests on the six AFI 2022 offices with staff and every member’s population', () => {
    expect(points.map((p) => p.office)).toEqual([
      'NAV Indre Namdal',
      'NAV Værnes',
      'NAV Inn-Trøndelag',
      'NAV Dalane',
      'NAV Haugesund-Utsira',
      'NAV Klepp-Time',
    ]);
    for (const p of points) expect(p.source).toMatch(/^000 L6[45]\d$/);
  });

  it('ships the defaults its points give (least absolute error), rounded', () => {
    const fit = fitStaffing(points);
    expect(Math.abs(fit.staffFixed - FITTED_STAFFING_PARAMETERS.staffFixed)).toBeLessThan(0.01);
    expect(Math.abs(fit.staffPer1000 - FITTED_STAFFING_PARAMETERS.staffPer1000)).toBeLessThan(0.001);
    expect(DEFAULT_PARAMETERS).toMatchObject(FITTED_STAFFING_PARAMETERS);
  });

  it('finds the least absolute error: no line through the points, nor a nudge of the fit, does better', () => {
    const fit = fitStaffing(points);
    const err = (a: number, b: number) => points.reduce((s, p) => s + Math.abs(a + (b * p.population) / 1000 - p.staff), 0);
    expect(err(fit.staffFixed, fit.staffPer1000)).toBeCloseTo(fit.absoluteError, 9);
    for (const da of [-1, -0.1, 0.1, 1])
      for (const db of [-0.05, -0.005, 0, 0.005, 0.05]) {
        expect(err(fit.staffFixed + da, fit.staffPer1000 + db)).toBeGreaterThanOrEqual(fit.absoluteError - 1e-9);
      }
  });

  it('refits a line it is given exactly', () => {
    const line: StaffPoint[] = [1000, 5000, 20000, 40000].map((population) => ({
      office: String(population),
      population,
      staff: 3 + (2 * population) / 1000,
      source: 'test',
    }));
    const fit = fitStaffing([...line, { office: 'outlier', population: 10000, staff: 90, source: 'test' }]);
    expect(fit.staffFixed).toBeCloseTo(3, 9);
    expect(fit.staffPer1000).toBeCloseTo(2, 9);
  });

  it.each(points.map((p) => [p.office, p] as const))('estimates %s within 20 % of its published staff', (_, p) => {
    const estimate = estimatedOfficeStaff(p.population, DEFAULT_PARAMETERS);
    expect(Math.abs(estimate - p.staff) / p.staff).toBeLessThanOrEqual(0.2);
  });

  it('beats the flat 2.3 per 1 000 it replaces on the documented offices', () => {
    const flat = withParameters({ staffFixed: 0, staffPer1000: 2.3 });
    const worst = (p: typeof DEFAULT_PARAMETERS) =>
      Math.max(...points.map((x) => Math.abs(estimatedOfficeStaff(x.population, p) - x.staff) / x.staff));
    expect(worst(DEFAULT_PARAMETERS)).toBeLessThan(worst(flat));
  });

  it('takes its parts and the split from the command line; --fte-per-1000 alone is the old flat estimate', () => {
    expect(parametersFrom({})).toMatchObject({ ...FITTED_STAFFING_PARAMETERS, municipalShareOfFte: 0.4 });
    expect(parametersFrom({ 'fte-per-1000': '2,3' })).toMatchObject({ staffFixed: 0, staffPer1000: 2.3 });
    expect(parametersFrom({ 'fte-per-1000': '2', 'staff-fixed': '3' })).toMatchObject({ staffFixed: 3, staffPer1000: 2 });
    expect(parametersFrom({ 'municipal-share': '0.5' }).municipalShareOfFte).toBe(0.5);
    expect(() => parametersFrom({ 'municipal-share': '1.5' })).toThrow(UsageError);
  });

  it('says when it was used, with the model and the assumed split', () => {
    const p = withParameters({ municipalShareOfFte: 0.45 });
    const staffing = new Map([
      [asMunicipalityNumber('0301'), { stateFte: 1, municipalFte: 1, provenance: 'given' as const }],
      [asMunicipalityNumber('3201'), { stateFte: 1, municipalFte: 1, provenance: 'estimated' as const }],
    ]);
    expect(staffingAssumption(staffing, p)).toContain('Bemanning estimert for 1 av 2 kommuner');
    expect(staffingAssumption(staffing, p)).toContain('55 % statlig og 45 % kommunalt (antatt');
    expect(staffingAssumption(new Map([...staffing].slice(0, 1)), p)).toBeUndefined();
  });
});

/** What each Lokalisering phrase of the AFI tables means as the partners' service point. */
const LOCALISATION: readonly [RegExp, string][] = [
  [/Lokalkontor i alle kommuner/, 'avdelingskontor'],
  [/publikumsmottak\/møteplass i samarbeidskommunene/, 'møterom'],
  [/Kun kontor i vertskommunen\.$/, 'ingen'],
];

describe('the documented cooperations', () => {
  const seeds = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
  const report = (prefix: string): string[] | undefined => {
    if (!existsSync(seeds)) return undefined;
    const f = readdirSync(seeds).find((x) => x.startsWith(`${prefix}_`));
    return f ? readFileSync(path.join(seeds, f), 'utf8').split('\n') : undefined;
  };

  it('include Klepp-Time, and Gratangen with Narvik across the county line', () => {
    expect(KNOWN_COOPERATIONS.find((c) => c.name === 'NAV Klepp-Time')).toMatchObject({ host: 'Klepp', staff: 85 });
    const narvik = KNOWN_COOPERATIONS.find((c) => c.host === 'Narvik')!;
    expect(narvik.partners.map((p) => p.name)).toEqual(['Evenes', 'Gratangen']);
    expect(narvik.counties).toEqual(['18', '55']);
  });

  it.each(KNOWN_COOPERATIONS.filter((c) => c.source.startsWith('000')).map((c) => [c.name, c] as const))(
    '%s: staff and service points follow its quote from the AFI tables',
    (_, c) => {
      expect(c.quote).toContain(`Antall ansatte: ${c.staff}.`);
      const sp = LOCALISATION.find(([re]) => re.test(c.quote))?.[1];
      expect(sp).toBeDefined();
      for (const p of c.partners) expect([p.name, p.servicePoint]).toEqual([p.name, sp]);
    },
  );

  it.each(KNOWN_COOPERATIONS.map((c) => [c.name, c] as const))('%s: the quote, year and populations stand at the cited lines', (_, c) => {
    const prefix = c.source.slice(0, 3);
    const lines = report(prefix);
    // The reports are not shipped with the project; where they are at hand, check against them.
    if (!lines) return;
    const cited = [...c.source.matchAll(/L(\d+)/g)].map((m) => lines[Number(m[1]) - 1] ?? '').join('\n');
    expect(cited).toContain(c.quote);
    if (prefix === '000') {
      const row = cited;
      expect(row).toContain(`Navn: ${c.name} Opprettet: ${c.started}`);
      const pop = (x: number) => x.toLocaleString('nb-NO').replace(/\s/g, ' ');
      expect(row).toContain(`Vertskommune: ${c.host} (${pop(c.hostPopulation!)}`);
      for (const p of c.partners) expect(row).toContain(`${p.name} (${pop(p.population!)}`);
    }
  });
});
