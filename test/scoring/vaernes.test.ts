/**
 * Værnes by hand, with each kind of service point: Stjørdal hosts Selbu, Meråker, Frosta and
 * Tydal (the populations and the 65 staff of the research, 000 L644; the travel times, the
 * travel inside each municipality and the split of the staff are illustrative, chosen so the
 * arithmetic is easy). The baseline is one office per municipality. Every number below is
 * computed in the comments; the defaults are those of docs/scoring.md.
 *
 *            inhabitants  staff (state + municipal)  T to Stjørdal  W inside  √(T² + W²)
 * Stjørdal        24 423            27 + 18 = 45                 –         8           –
 * Selbu            4 094             5 +  3 =  8                40         9          41
 * Meråker          2 396             3 +  2 =  5                60        11          61
 * Frosta           2 628             3 +  2 =  5                24         7          25
 * Tydal              758             1 +  1 =  2                80        18          82
 * total           34 299                      65
 */
import type { CellValue } from '../../src/domain/sheets';
import { withParameters } from '../../src/domain/parameters';
import { readWorkbook } from '../../src/io/readWorkbook';
import { scoreAll, type ScenarioScore } from '../../src/scoring';
import { sheet, snapshot } from '../builders';

const KOMMUNER: CellValue[][] = [
  ['Kommunenr', 'Navn', 'Folketall', 'BA-region', 'Fylke', 'Reisetid i kommunen'],
  ['5035', 'Stjørdal', 24423, '1', '50', 8],
  ['5032', 'Selbu', 4094, '1', '50', 9],
  ['5034', 'Meråker', 2396, '1', '50', 11],
  ['5036', 'Frosta', 2628, '1', '50', 7],
  ['5033', 'Tydal', 758, '1', '50', 18],
];
const PARTNERS = ['5032', '5034', '5036', '5033'];
const KINDS = [
  ['Værnes hovedkontor', 'hovedkontor'],
  ['Værnes avdelingskontor', 'avdelingskontor'],
  ['Værnes 2 dager', 'åpningsdager 2'],
  ['Værnes møterom', 'møterom'],
  ['Værnes ingen', 'ingen'],
] as const;

const p = withParameters();
const input = readWorkbook(
  snapshot(
    sheet('Kommuner', KOMMUNER),
    sheet('Reisetid', [
      ['fra', 'til', 'minutter'],
      ['5035', '5032', 40],
      ['5035', '5034', 60],
      ['5035', '5036', 24],
      ['5035', '5033', 80],
    ]),
    sheet('Bemanning', [
      ['knr', 'statlige årsverk', 'kommunale årsverk'],
      ['5035', 27, 18],
      ['5032', 5, 3],
      ['5034', 3, 2],
      ['5036', 3, 2],
      ['5033', 1, 1],
    ]),
    sheet('Scenarier', [
      ['scenario', 'knr', 'vertskommune', 'tjenestested', 'avtale'],
      ...KOMMUNER.slice(1).map((r) => ['Én kommune – ett kontor', r[0]!, r[0]!, '', '']),
      ...KINDS.flatMap(([name, kind]) => [[name, '5035', '5035', '', ''], ...PARTNERS.map((n) => [name, n, '5035', kind, 'ja'])]),
    ]),
  ),
  p,
).value!;
const scores = scoreAll(input, p);
const byName = (name: string): ScenarioScore => scores.find((s) => s.name === name)!;
const [alone, full, branch5, branch2, meeting, none] = ['Én kommune – ett kontor', ...KINDS.map((k) => k[0])].map(byName);
const office = (s: ScenarioScore) => s!.offices[0]!;

describe('Værnes with each kind of service point', () => {
  it("users' burden: local days at home, the other days to Stjørdal", () => {
    // Per partner (Selbu, Meråker, Frosta, Tydal), W × d/5 + √(T² + W²) × (1 − d/5):
    const burden = (s: ScenarioScore) =>
      office(s)
        .members.slice(1)
        .map((m) => Math.round(m.effectiveMinutes * 10) / 10);
    // full office and 5-day branch: W = 9, 11, 7, 18
    expect(burden(full!)).toEqual([9, 11, 7, 18]);
    expect(burden(branch5!)).toEqual([9, 11, 7, 18]);
    // 2 days: 9·0.4 + 41·0.6 = 28.2; 11·0.4 + 61·0.6 = 41; 7·0.4 + 25·0.6 = 17.8; 18·0.4 + 82·0.6 = 56.4
    expect(burden(branch2!)).toEqual([28.2, 41, 17.8, 56.4]);
    // meeting room (0.5 day): 9·0.1 + 41·0.9 = 37.8; 1.1 + 54.9 = 56; 0.7 + 22.5 = 23.2; 1.8 + 73.8 = 75.6
    expect(burden(meeting!)).toEqual([37.8, 56, 23.2, 75.6]);
    // none: √(T² + W²) = 41, 61, 25, 82
    expect(burden(none!)).toEqual([41, 61, 25, 82]);
    // Weighted over 34 299 inhabitants, Stjørdal's 24 423 at W = 8 (195 384 minutes):
    // full: (195 384 + 4 094·9 + 2 396·11 + 2 628·7 + 758·18) / 34 299 = 290 626 / 34 299 = 8.473
    expect(office(full!).weightedTravelMinutes).toBeCloseTo(290626 / 34299, 10);
    // 2 days: (195 384 + 115 450.8 + 98 236 + 46 778.4 + 42 751.2) / 34 299 = 498 600.4 / 34 299 = 14.537
    expect(office(branch2!).weightedTravelMinutes).toBeCloseTo(498600.4 / 34299, 10);
    // meeting room: 602 587.6 / 34 299 = 17.569; none: 637 250 / 34 299 = 18.579
    expect(office(meeting!).weightedTravelMinutes).toBeCloseTo(602587.6 / 34299, 10);
    expect(office(none!).weightedTravelMinutes).toBeCloseTo(637250 / 34299, 10);
  });

  it('worst travel and the shares over 45 / 75 / 90 min count every day without local service', () => {
    for (const s of [full!, branch5!]) {
      expect(office(s).maxTravelMinutes).toBe(0);
      expect(office(s).shareOverThresholds).toEqual([0, 0, 0]);
    }
    for (const s of [branch2!, meeting!, none!]) {
      // Tydal's 80 min; over 45: Meråker and Tydal, (2 396 + 758) / 34 299; over 75: Tydal, 758 / 34 299.
      expect(office(s).maxTravelMinutes).toBe(80);
      expect(office(s).shareOverThresholds).toEqual([3154 / 34299, 758 / 34299, 0]);
    }
  });

  it('staff travel: local staff in to the host, host staff out to part-time service points', () => {
    // Full office or 5-day branch: 1 trip a week × 2 × (40 + 60 + 24 + 80) = 408 min;
    // 2 days: 2 × 2 × 204 = 816; meeting room: 0.5 × 2 × 204 = 204; none: 0.
    expect([full, branch5, branch2, meeting, none].map((s) => office(s!).staffTravelMinutesPerWeek)).toEqual([408, 408, 816, 204, 0]);
  });

  it('ratings and the index, by hand', () => {
    // Common to all five: 65 FTE ≥ 42 → 100; vulnerability ~0 → 100; 34 299 inhabitants ≥ 21 059 → 100;
    // one BA region → 100; 5 owners: (7 − 5) / 4 = 50; Stjørdal 24 423 / 34 299 = 71.2 %: (95 − 71.2) / 35 = 68.
    for (const s of [full, branch5, branch2, meeting, none])
      expect(office(s!).ratings).toMatchObject({
        fte: 100,
        vulnerability: 100,
        population: 100,
        baShareInHostRegion: 100,
        owners: 50,
        hostPopulationShare: 68,
      });
    // Weighted travel (60 → 0): 8.47 → 86; 14.54 → 76; 17.57 → 71; 18.58 → 69.
    // Worst travel (120 → 30): 0 → 100, 80 → 44. Over 75 min (50 % → 0): 2.2 % → 96.
    // Staff travel (600 → 0): 408 → 32; 816 → 0; 204 → 66; 0 → 100.
    expect(office(full!).ratings).toMatchObject({ weightedTravel: 86, maxTravel: 100, shareOver75: 100, staffTravel: 32 });
    expect(office(branch2!).ratings).toMatchObject({ weightedTravel: 76, maxTravel: 44, shareOver75: 96, staffTravel: 0 });
    expect(office(meeting!).ratings).toMatchObject({ weightedTravel: 71, maxTravel: 44, shareOver75: 96, staffTravel: 66 });
    expect(office(none!).ratings).toMatchObject({ weightedTravel: 69, maxTravel: 44, shareOver75: 96, staffTravel: 100 });
    // Index, weights 1 1 1 2 1 1 0.5 1 0.5 0.5 (9.5):
    // full: (300 + 172 + 100 + 100 + 16 + 100 + 25 + 34) / 9.5 = 847 / 9.5 = 89.2
    // 2 days: (300 + 152 + 44 + 96 + 0 + 100 + 25 + 34) / 9.5 = 751 / 9.5 = 79.1
    // meeting room: (300 + 142 + 44 + 96 + 33 + 100 + 25 + 34) / 9.5 = 774 / 9.5 = 81.5
    // none: (300 + 138 + 44 + 96 + 50 + 100 + 25 + 34) / 9.5 = 787 / 9.5 = 82.8
    expect([full, branch5, branch2, meeting, none].map((s) => s!.totals.rating)).toEqual([89, 89, 79, 81, 83]);
    // One office: the same per municipality.
    expect(none!.totals.ratingPerMunicipality).toBe(83);
    // The index prefers no local service to a 2-day branch, although users' access is better with
    // the branch on every count: the branch costs staff travel (816 min a week). The consequence
    // table shows both sides; the index is only the tie-break among admissible scenarios.
  });

  it('the baseline breaks the minimum for four offices: index 0 there, and ranked after every Værnes', () => {
    // Stjørdal alone: 45 FTE → 100, W = 8 → (60 − 8) / 60 = 87, owners 1 → 100, host share not
    // applicable: (100 + 100 + 100 + 174 + 100 + 100 + 50 + 100 + 50) / 9 = 874 / 9 = 97.1.
    expect(office(alone!).rating).toBe(97);
    // Selbu 8, Meråker 5, Frosta 5, Tydal 2 FTE < 10: index 0.
    expect(alone!.offices.slice(1).map((o) => o.rating)).toEqual([0, 0, 0, 0]);
    // Over the inhabitants: 97 · 24 423 / 34 299 = 69.1; per municipality: 97 / 5 = 19.4.
    expect(alone!.totals.rating).toBe(69);
    expect(alone!.totals.ratingPerMunicipality).toBe(19);
    expect(alone!.admissible).toBe(false);
    // Admissible first, then by index: full = branch 89, none 83, meeting 81, 2 days 79; the baseline last.
    expect([full, branch5, none, meeting, branch2, alone].map((s) => s!.rank)).toEqual([1, 1, 3, 4, 5, 6]);
  });

  it('every municipality against one office each', () => {
    const tydal = (s: ScenarioScore) => s.versus.municipalities.find((m) => m.kommunenummer === '5033')!;
    // Before: its own office, 18 min inside Tydal, 5 days.
    expect(tydal(none!)).toMatchObject({
      roleBefore: 'alone',
      roleAfter: 'partner',
      officeAfter: '5035',
      accessMinutesBefore: 18,
      localDaysBefore: 5,
    });
    expect([full, branch5, branch2, meeting, none].map((s) => [tydal(s!).accessMinutesAfter, tydal(s!).localDaysAfter])).toEqual([
      [18, 5],
      [18, 5],
      [56.4, 2],
      [75.6, 0.5],
      [82, 0],
    ]);
    // Worse off: every partner once it loses opening days (or travel rises > 0.5 min); Stjørdal never.
    expect([full, branch5, branch2, meeting, none].map((s) => s!.versus.worseOff)).toEqual([0, 0, 4, 4, 4]);
    // Staff stationed: alone, each its own (Stjørdal 45, Tydal 2). In Værnes, full offices and
    // 5-day branches keep their own staff on site (Tydal 2; Stjørdal 65 − 8 − 5 − 5 − 2 = 45);
    // with part-time or no local service the partners are served from Stjørdal, which has all 65.
    const stj = (s: ScenarioScore) => s.versus.municipalities.find((m) => m.kommunenummer === '5035')!;
    expect([tydal(full!).localFteBefore, stj(full!).localFteBefore]).toEqual([2, 45]);
    expect([full, branch5, branch2, meeting, none].map((s) => [stj(s!).localFteAfter, tydal(s!).localFteAfter])).toEqual([
      [45, 2],
      [45, 2],
      [65, 0],
      [65, 0],
      [65, 0],
    ]);
    // The worst off is the largest rise: Tydal, 82 − 18 = +64 min without local service.
    expect(none!.versus.worstOff.map((m) => m.name)).toEqual(['Tydal']);
    // It broke the minimum alone (2 FTE); in Værnes it breaks nothing.
    expect(alone!.versus.municipalities.find((m) => m.kommunenummer === '5033')!.breaks).toEqual(['minFte']);
    expect(tydal(none!).breaks).toEqual([]);
  });

  it('the consequence table against one office each', () => {
    const row = (s: ScenarioScore, id: string) => s.consequences.find((c) => c.id === id)!;
    // Smallest office 2 → 65 FTE: +63, large (≥ 10), importance stor: + + + +.
    expect(row(none!, 'minOfficeFte')).toMatchObject({ value: 65, baseline: 2, change: 63, grade: 4 });
    // Offices under 10 FTE: 4 → 0, medium (≥ 3) and better, stor: + + +.
    expect(row(none!, 'officesBelowMinFte')).toMatchObject({ value: 0, baseline: 4, change: -4, grade: 3 });
    // Local opening days summed: 25 → 5 without local service (−80 %, large), middels: − − −;
    // with 2-day branches 5 + 4·2 = 13 (−48 %, medium): − −; with full offices 25: 0.
    expect(row(none!, 'localDays')).toMatchObject({ value: 5, baseline: 25, grade: -3 });
    expect(row(branch2!, 'localDays')).toMatchObject({ value: 13, grade: -2 });
    expect(row(full!, 'localDays')).toMatchObject({ value: 25, change: 0, grade: 0 });
    // Users' access: 8.47 → 18.58 min without local service, +10.1 (medium, ≥ 5), stor: − − −;
    // full offices keep it: 0.
    expect(row(none!, 'accessMinutes').change).toBeCloseTo((637250 - 290626) / 34299, 10);
    expect(row(none!, 'accessMinutes').grade).toBe(-3);
    expect(row(full!, 'accessMinutes').grade).toBe(0);
    // Staff on site: 5 municipalities before; full offices and 5-day branches keep 5, the others only the host.
    expect([full, branch5, branch2, meeting, none].map((s) => row(s!, 'staffedMunicipalities').value)).toEqual([5, 5, 1, 1, 1]);
    // Local jobs: 65 FTE in their own municipality alone; Værnes with full offices keeps them (0);
    // without on-site staff in the partners only Stjørdal's 45: −20 (large), middels: − − −.
    expect(row(full!, 'localJobs')).toMatchObject({ value: 65, baseline: 65, grade: 0 });
    expect(row(none!, 'localJobs')).toMatchObject({ value: 45, change: -20, grade: -3 });
    // Staff travel: 0 → 816 with 2-day branches (≥ 600, large), middels: − − −.
    expect(row(branch2!, 'staffTravel')).toMatchObject({ value: 816, baseline: 0, grade: -3 });
  });
});
