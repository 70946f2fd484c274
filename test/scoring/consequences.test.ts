import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { withParameters } from '../../src/domain/parameters';
import { consequenceSheet } from '../../src/io/consequenceOutput';
import { resultSheetNames, resultSheets } from '../../src/io/output';
import { readWorkbook } from '../../src/io/readWorkbook';
import { computeVulnerability, consequenceGrade, CONSEQUENCES, extentOf, gradeText, scoreAll } from '../../src/scoring';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID } from '../builders';

describe("DFØ's scale: importance × extent", () => {
  test.each([
    ['stor', 3, 4],
    ['stor', -3, -4],
    ['stor', 1, 2],
    ['middels', -2, -2],
    ['middels', 1, 1],
    ['liten', 1, 0],
    ['liten', -3, -2],
    ['stor', 0, 0],
  ] as const)('%s importance, extent %p → %p', (importance, extent, grade) => expect(consequenceGrade(importance, extent)).toBe(grade));

  it('writes the grade as DFØ does', () => {
    expect([gradeText(-4), gradeText(-1), gradeText(0), gradeText(2), gradeText(null)]).toEqual(['− − − −', '−', '0', '+ +', '–']);
  });

  it('grades in the direction the row says is better', () => {
    const def = (id: string) => CONSEQUENCES.find((d) => d.id === id)!;
    // Fewer offices below the minimum is better; more FTE in the smallest office is better.
    expect(extentOf(def('officesBelowMinFte'), 2, 5)).toBe(2);
    expect(extentOf(def('officesBelowMinFte'), 5, 2)).toBe(-2);
    expect(extentOf(def('minOfficeFte'), 12, 2)).toBe(3);
    expect(extentOf(def('minOfficeFte'), 2, 12)).toBe(-3);
    // Just under the smallest threshold is no extent; on it is small.
    expect(extentOf(def('accessMinutes'), 0.99, 0)).toBe(0);
    expect(extentOf(def('accessMinutes'), 1, 0)).toBe(-1);
    // Relative thresholds: 100 → 79 opening days is a fifth lost (medium), 100 → 96 none.
    expect(extentOf(def('localDays'), 80, 100)).toBe(-2);
    expect(extentOf(def('localDays'), 96, 100)).toBe(0);
  });

  it('states a threshold source for every row and never grades a row it cannot compute', () => {
    for (const d of CONSEQUENCES) {
      expect(d.thresholdSource.nb).toMatch(/antakelse|kommuneloven/);
      expect(d.label.en.length).toBeGreaterThan(0);
      if (d.better === null) expect(d.notComputed?.nb).toMatch(/^ikke beregnet/);
    }
  });
});

describe('the consequence table of a two-municipality office against one office per municipality', () => {
  // Avik hosts Bø i Toy, which keeps a meeting room; everyone else keeps an office of their own.
  // The toy municipalities are outside the 2024 division: no within-municipality time (0 min).
  const alone = TOY_KOMMUNER.slice(1).map((r) => String(r[0]));
  // The hand computations use the flat staffing estimate: 2.3 per 1 000 inhabitants, no fixed part.
  const FLAT = withParameters({ staffFixed: 0, staffPer1000: 2.3 });
  const input = readWorkbook(
    snapshot(
      sheet('Kommuner', TOY_KOMMUNER),
      sheet('Reisetid', TOY_REISETID),
      sheet('Bemanning', TOY_BEMANNING),
      sheet('Scenarier', [
        ['scenario', 'knr', 'vertskommune', 'tjenestested', 'avtale'],
        ...alone.map((n) => ['Én kommune – ett kontor', n, n, '', '']),
        ...alone.map((n) => (n === '9002' ? ['Avik og Bø', n, '9001', 'møterom', 'ja'] : ['Avik og Bø', n, n, '', ''])),
      ]),
    ),
    FLAT,
  ).value!;
  const [today, pair] = scoreAll(input, FLAT);
  const row = (id: string) => pair!.consequences.find((c) => c.id === id)!;

  it('has no table for the baseline and one row per declared consequence for the other', () => {
    expect(today!.consequences).toEqual([]);
    expect(pair!.consequences.map((c) => c.id)).toEqual(CONSEQUENCES.map((d) => d.id));
  });

  it('robustness: FTE 20 + 2 given, the rest 2.3 per 1 000 (Hamn 13.8, four of 2.3): 45 FTE', () => {
    // Smallest office: Bø's 2 FTE before, a 2.3 FTE office after: +0.3 < 1, no extent.
    expect(row('minOfficeFte')).toMatchObject({ baseline: 2, extent: 0, grade: 0 });
    expect(row('minOfficeFte').value).toBeCloseTo(2.3, 9);
    // 45 / 7 = 6.43 → 45 / 6 = 7.5: +16.7 %, small positive × medium importance = +.
    expect(row('ftePerOffice').baseline).toBeCloseTo(45 / 7, 9);
    expect(row('ftePerOffice').value).toBeCloseTo(7.5, 9);
    expect(row('ftePerOffice')).toMatchObject({ extent: 1, grade: 1 });
    // Below 10 FTE: Bø and the four of 2.3 (5) → the four (4): −1, small positive × large = + +.
    expect(row('officesBelowMinFte')).toMatchObject({ value: 4, baseline: 5, change: -1, extent: 1, grade: 2 });
  });

  it('vulnerability: two staff alone are short 1 − 0.85² = 27.75 % of days; the pair of 22 almost never', () => {
    const v = (fte: number) => computeVulnerability(fte, 2, 0.15);
    const before = (5000 * 0.2775 + 9000 * v(20) + 6000 * v(14)) / 20000;
    const after = (4000 * 0.2775 + 10000 * v(22) + 6000 * v(14)) / 20000;
    expect(row('vulnerability').baseline).toBeCloseTo(before, 9);
    expect(row('vulnerability').value).toBeCloseTo(after, 9);
    // −1.39 percentage points: small positive (≥ 0.5) × large importance = + +.
    expect(row('vulnerability').change).toBeCloseTo(-0.013875, 6);
    expect(row('vulnerability')).toMatchObject({ extent: 1, grade: 2 });
  });

  it("users' access and local days: Bø's meeting room leaves 4.5 days of 30 min", () => {
    // 30 × (1 − 0.5 / 5) = 27 min for 1 000 of 20 000 inhabitants: 1.35 min; small negative × large = − −.
    expect(row('accessMinutes')).toMatchObject({ baseline: 0, extent: -1, grade: -2 });
    expect(row('accessMinutes').value).toBeCloseTo(1.35, 9);
    // 7 × 5 = 35 days → 30.5: −12.9 %, small negative × medium = −.
    expect(row('localDays')).toMatchObject({ value: 30.5, baseline: 35, change: -4.5, extent: -1, grade: -1 });
    // Half a trip a week each way, 30 min: 30 min a week, under the first threshold (60).
    expect(row('staffTravel')).toMatchObject({ value: 30, baseline: 0, extent: 0, grade: 0 });
    // Staff on site in 7 municipalities → 6 (a meeting room has none): −14.3 %, small negative × medium.
    expect(row('staffedMunicipalities')).toMatchObject({ value: 6, baseline: 7, extent: -1, grade: -1 });
    // Local jobs: alone every municipality keeps its own 45 FTE; Bø's 2 now work from Avik (a
    // meeting room is served from the host): 43, −2 FTE (small, ≥ 1), middels: −.
    expect(row('localJobs').value).toBeCloseTo(43, 10);
    expect(row('localJobs').baseline).toBeCloseTo(45, 10);
    expect(row('localJobs')).toMatchObject({ extent: -1, grade: -1 });
  });

  it('governance, labour market, legal form', () => {
    expect(row('maxOwners')).toMatchObject({ value: 2, baseline: 1, change: 1, extent: -1, grade: -1 });
    // The host has 9 000 of the pair's 10 000; today no office is shared, so there is nothing to compare.
    expect(row('hostWeight')).toMatchObject({ value: 0.9, baseline: null, change: null, grade: null });
    expect(row('hostWeight').note?.nb).toMatch(/^ikke aktuelt/);
    // Bø's 1 000 of 20 000 live in a partner: +5 points, small negative × small importance = 0.
    expect(row('partnerShare')).toMatchObject({ value: 0.05, baseline: 0, extent: -1, grade: 0 });
    // BA region 1 (Avik, Bø) is no longer split; regions 2 and 3 still are: 3 → 2, +.
    expect(row('baRegionsSplit')).toMatchObject({ value: 2, baseline: 3, change: -1, extent: 1, grade: 1 });
    expect(row('countyLines')).toMatchObject({ value: 0, baseline: 0, grade: 0 });
    expect(row('informalOffices')).toMatchObject({ value: 0, baseline: 0, grade: 0 });
  });

  it('says what it cannot compute instead of inventing it', () => {
    for (const id of ['cost', 'accessWithoutCar']) {
      expect(row(id)).toMatchObject({ value: null, baseline: null, change: null, grade: null });
      expect(row(id).note?.nb).toMatch(/^ikke beregnet/);
    }
  });

  it('writes the sheet with the thresholds and the scale beside the grades', () => {
    const spec = consequenceSheet(pair!, 'KP Konsekvenser Avik og Bø', 1);
    const [table, scale] = spec.tables;
    expect(table!.rows).toHaveLength(CONSEQUENCES.length);
    const access = table!.rows.find((r) => r[1] === 'Brukernes reisebyrde (befolkningsvektet)')!;
    expect(access.slice(3, 11)).toEqual(['lavere', 1.35, 0, 1.35, 'stor', 'lite negativt', '− −', -2]);
    expect(access[11]).toBe('endring lite ≥ 1 min, middels ≥ 5 min, stort ≥ 15 min');
    expect(access[12]).toBe('antakelse (vår)');
    const cost = table!.rows.find((r) => r[1] === 'Driftskostnad')!;
    expect(cost[9]).toMatch(/^ikke beregnet/);
    expect(scale!.rows[0]).toEqual(['stort positivt omfang', '+ +', '+ + +', '+ + + +']);
    expect(spec.heading!.join(' ')).toContain('mot «Én kommune – ett kontor»');
  });

  it('names the sheets: none for the baseline, never a scenario sheet’s name, at most 31 characters', () => {
    expect(resultSheets([today!, pair!], FLAT).map((s) => s.name)).toEqual([
      'KP Én kommune – ett kontor',
      'KP Avik og Bø',
      'KP Konsekvenser Avik og Bø',
      'Sammenligning',
    ]);
    const names = resultSheetNames(['Dagens struktur', 'Konsekvenser A', 'A', 'Optimert 20 kontor', 'Optimert 20 kontor alt. 1'], 0);
    expect(names.scenario).toEqual([
      'KP Dagens struktur',
      'KP Konsekvenser A',
      'KP A',
      'KP Optimert 20 kontor',
      'KP Optimert 20 kontor alt. 1',
    ]);
    expect(names.consequences).toEqual([
      undefined,
      'KP Konsekvenser Konsekvenser A',
      'KP Konsekvenser A 2',
      'KP Konsekvenser Optimert 20 kon',
      'KP Konsekvenser Optimert 20 k 2',
    ]);
  });
});

describe('docs/scoring.md', () => {
  it('lists every consequence row with its importance and thresholds', () => {
    const docs = readFileSync(path.join(__dirname, '..', '..', 'docs', 'scoring.md'), 'utf8');
    for (const d of CONSEQUENCES) {
      const line = docs.split('\n').find((l) => l.includes(`(\`${d.id}\`)`));
      expect(line).toBeDefined();
      expect(line).toContain(`| ${d.importance} `);
      if (d.notComputed) continue;
      const shown = d.thresholds.map((t) => String(d.scale === 'relative' || d.format.includes('%') ? Math.round(t * 1e5) / 1e3 : t));
      expect(line).toMatch(new RegExp(`\\| ${shown.join('( %)? / ')}( %)? `));
    }
  });
});
