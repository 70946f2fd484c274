import { withParameters } from '../../src/domain/parameters';
import { readWorkbook } from '../../src/io/readWorkbook';
import { computeVulnerability, rate, scoreAll } from '../../src/scoring';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID, TOY_SAMARBEID } from '../builders';

describe('computeVulnerability', () => {
  test.each([
    // Fewer staff than k: every day is vulnerable.
    [1, 2, 0.15, 1],
    [0.4, 2, 0.15, 1],
    // n = 2: vulnerable unless both present: 1 − 0.85² = 0.2775.
    [2, 2, 0.15, 0.2775],
    // n = 3: P(X ≤ 1) = 0.15³ + 3 · 0.85 · 0.15² = 0.06075.
    [3, 2, 0.15, 0.06075],
    // k = 1, n = 4: all absent: 0.15⁴.
    [4, 1, 0.15, 0.00050625],
    // Nobody is ever absent.
    [5, 2, 0, 0],
    // Everybody always absent.
    [5, 2, 1, 1],
  ])('fte %p, k %p, a %p gives %p', (fte, k, a, expected) => {
    expect(computeVulnerability(fte, k, a)).toBeCloseTo(expected, 10);
  });

  it('stays finite and tiny for a large office', () => {
    const v = computeVulnerability(300, 2, 0.15);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThan(1e-200);
  });

  it('falls as the office grows', () => {
    const values = [2, 3, 5, 8, 13].map((n) => computeVulnerability(n, 2, 0.15));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
  });
});

describe('rate', () => {
  const higherBetter = { worst: 3, best: 60 };
  const lowerBetter = { worst: 60, best: 0 };
  test.each([
    [higherBetter, 3, 0],
    [higherBetter, 60, 100],
    [higherBetter, 2.9, 0],
    [higherBetter, 60.1, 100],
    [higherBetter, 31.5, 50],
    [lowerBetter, 0, 100],
    [lowerBetter, 60, 0],
    [lowerBetter, -1, 100],
    [lowerBetter, 61, 0],
    [lowerBetter, 15, 75],
  ])('rates on %p: %p → %p', (range, value, expected) => {
    expect(rate(value, range)).toBe(expected);
  });
  it('gives 0 for NaN', () => expect(rate(Number.NaN, higherBetter)).toBe(0));
});

describe('scoreScenario on hand-computed offices', () => {
  const input = readWorkbook(
    snapshot(
      sheet('Kommuner', TOY_KOMMUNER),
      sheet('Reisetid', TOY_REISETID),
      sheet('Bemanning', TOY_BEMANNING),
      sheet('Scenarier', [...TOY_SAMARBEID]),
    ),
    withParameters(),
  ).value!;
  const [scenario] = scoreAll(input, withParameters());
  const [two, five] = scenario!.offices;

  it('scores a two-municipality office', () => {
    // Avik (9 000) hosts Bø i Toy (1 000, no service point, 30 min away).
    expect(two).toMatchObject({
      host: '9001',
      population: 10000,
      fte: 22,
      owners: 2,
      hostPopulationShare: 0.9,
      maxTravelMinutes: 30,
      staffTravelMinutesPerWeek: 0,
      baShareInHostRegion: 1,
      baRegions: 1,
      countyLineCrossed: false,
      informal: false,
      estimatedTravelPairs: 0,
      fteEstimated: false,
    });
    // (9 000 · 0 + 1 000 · 30) / 10 000
    expect(two!.weightedTravelMinutes).toBeCloseTo(3.0, 10);
    expect(two!.shareOverThresholds).toEqual([0, 0, 0]);
    expect(two!.vulnerability).toBeCloseTo(0.15 ** 22 + 22 * 0.85 * 0.15 ** 21, 25);
    expect(two!.ratings).toEqual({
      fte: 49, // (22 − 3) / (42 − 3) = 0.487: 3 = the abolished guarantee, 42 = the smallest medium office
      vulnerability: 100,
      population: 32, // (10 000 − 4 853) / (21 059 − 4 853) = 0.318: Indre Namdal's to Dalane's inhabitants
      weightedTravel: 95, // 1 − 3 / 60
      maxTravel: 100,
      shareOver75: 100,
      staffTravel: 100,
      baShareInHostRegion: 100,
      owners: 100, // 2 owners is better than the best end (3)
      hostPopulationShare: 14, // (0.9 − 0.95) / (0.6 − 0.95)
    });
    // (49 + 100 + 32 + 2·95 + 100 + 100 + 0.5·100 + 100 + 0.5·100 + 0.5·14) / 9.5 = 778 / 9.5 = 81.9
    expect(two!.rating).toBe(82);
    expect(two!.pass).toBe(true);
  });

  it('scores a four-partner office with every kind of service point', () => {
    // Hamn (6 000) hosts Pe (meeting room, 20 min), Qu (2 opening days, 40 min),
    // Ro (none, 100 min, another county and BA region) and Sø (5-day branch, 50 min; no agreement).
    expect(five).toMatchObject({
      host: '9003',
      population: 10000,
      owners: 5,
      hostPopulationShare: 0.6,
      maxTravelMinutes: 100,
      baShareInHostRegion: 0.8,
      baRegions: 2,
      countyLineCrossed: true,
      informal: true,
      fteEstimated: true,
    });
    // Staffing estimated: the fixed part once (at the host) plus the part per inhabitant of 10 000.
    const p = withParameters();
    expect(five!.fte).toBeCloseTo(p.staffFixed + p.staffPer1000 * 10, 10);
    const host = five!.members.find((m) => m.isHost)!;
    expect(host.fte).toBeCloseTo(p.staffFixed + (p.staffPer1000 * host.population) / 1000, 10);
    for (const m of five!.members.filter((x) => !x.isHost)) expect(m.fte).toBeCloseTo((p.staffPer1000 * m.population) / 1000, 10);
    // Users: Pe 20 · (1 − 0.5/5) = 18, Qu 40 · (1 − 2/5) = 24, Ro 100, Sø 0 → 142 000 / 10 000.
    expect(five!.weightedTravelMinutes).toBeCloseTo(14.2, 10);
    // Only Ro (1 000 of 10 000) travels over 45, 75 and 90 minutes for full service.
    expect(five!.shareOverThresholds).toEqual([0.1, 0.1, 0.1]);
    // Staff: Pe 0.5 · 2 · 20 = 20, Qu 2 · 2 · 40 = 160; Sø's 5-day branch is staffed on site
    // and its staff come to the host once a week: 1 · 2 · 50 = 100.
    expect(five!.staffTravelMinutesPerWeek).toBeCloseTo(280, 10);
    expect(five!.members.map((m) => m.staffTravelMinutesPerWeek)).toEqual([0, 20, 160, 0, 100]);
    const byId = Object.fromEntries(five!.constraints.map((c) => [c.id, c]));
    expect(byId.minFte).toMatchObject({ pass: true, limit: 10 });
    expect(byId.maxTravel).toMatchObject({ pass: false, value: 100, limit: 90 });
    expect(byId.maxOwners).toMatchObject({ pass: true, value: 5, limit: 5 });
    expect(byId.sameBa).toMatchObject({ enabled: false, pass: true, value: 2 });
    expect(five!.pass).toBe(false);
    // Non-compensatory: an office that breaks a rule (travel; informal too) has index 0,
    // whatever its ratings, which stay as measured.
    expect(five!.rating).toBe(0);
    expect(five!.ratings.fte).toBeGreaterThan(0);
  });

  it('adds up the scenario', () => {
    const t = scenario!.totals;
    expect(t).toMatchObject({
      offices: 2,
      population: 20000,
      maxTravelMinutes: 100,
      officesFailing: 1,
      informalOffices: 1,
      officesCrossingCounty: 1,
      maxOwners: 5,
    });
    // (30 000 + 142 000) / 20 000
    expect(t.weightedTravelMinutes).toBeCloseTo(8.6, 10);
    expect(t.baRegionsSplit).toBe(0);
    expect(t.estimatedStaffing).toBe(5);
    // The index over the inhabitants: (82 · 10 000 + 0 · 10 000) / 20 000 = 41; per
    // municipality, each counting once: (82 · 2 + 0 · 5) / 7 = 23.4.
    expect(t.rating).toBe(41);
    expect(t.ratingPerMunicipality).toBe(23);
  });

  it('counts BA regions split across offices, and applies the same-BA rule when asked', () => {
    const strict = withParameters({ requireSameBaRegion: true, minFte: 1 });
    const alone = readWorkbook(snapshot(sheet('Kommuner', TOY_KOMMUNER)), strict).value!;
    const [current] = scoreAll(alone, strict);
    // Every office is one municipality; regions 1, 2 and 3 each span several offices.
    expect(current!.totals.baRegionsSplit).toBe(3);
    expect(current!.offices.every((o) => o.ratings.hostPopulationShare === null)).toBe(true);
    const [coop] = scoreAll(input, strict);
    expect(coop!.offices[1]!.constraints.find((c) => c.id === 'sameBa')).toMatchObject({ enabled: true, pass: false, value: 2 });
  });
});

describe('travel inside a municipality', () => {
  // Avik's inhabitants live 6 min from its centre on average, Bø's 8 min from theirs.
  const kommuner = TOY_KOMMUNER.slice(0, 3).map((r, i) => [...r, i === 0 ? 'Reisetid i kommunen' : r[0] === '9001' ? 6 : 8]);
  const read = (scenarios: (string | null)[][]) =>
    readWorkbook(
      snapshot(
        sheet('Kommuner', kommuner),
        sheet('Reisetid', [
          ['fra', 'til', 'minutter'],
          ['9001', '9002', 30],
        ]),
        sheet('Scenarier', [['scenario', 'knr', 'vertskommune', 'tjenestested'], ...scenarios]),
      ),
      withParameters(),
    );
  const value = (scenarios: (string | null)[][]) => {
    const r = read(scenarios);
    if (!r.value) throw new Error(r.problems.map((p) => `${p.sheet}!${p.cell}: ${p.code}`).join('; '));
    return r.value;
  };

  it('counts for everyone: an office in every municipality is not 0 minutes', () => {
    const input = value([
      ['Hver for seg', '9001', '9001', ''],
      ['Hver for seg', '9002', '9002', ''],
    ]);
    const [s] = scoreAll(input, withParameters());
    const [avik, bo] = s!.offices;
    expect(avik!.weightedTravelMinutes).toBeCloseTo(6, 10);
    expect(bo!.weightedTravelMinutes).toBeCloseTo(8, 10);
    expect(avik!.members[0]).toMatchObject({ withinMinutes: 6, withinSource: 'given', usersToHostMinutes: 6 });
    expect(s!.totals.weightedTravelMinutes).toBeCloseTo((9000 * 6 + 1000 * 8) / 10000, 10);
  });

  it('adds to a partner’s trip to the host as √(T² + W²), and a local office keeps its own W', () => {
    const input = value([
      ['Delt', '9001', '9001', ''],
      ['Delt', '9002', '9001', 'ingen'],
      ['Lokalt', '9001', '9001', ''],
      ['Lokalt', '9002', '9001', 'avdelingskontor'],
    ]);
    const [shared, local] = scoreAll(input, withParameters());
    const toHost = Math.sqrt(30 * 30 + 8 * 8);
    expect(shared!.offices[0]!.members[1]!.usersToHostMinutes).toBeCloseTo(toHost, 10);
    expect(shared!.offices[0]!.weightedTravelMinutes).toBeCloseTo((9000 * 6 + 1000 * toHost) / 10000, 10);
    // A 5-day branch: Bø's users reach it as they reach their own centre.
    expect(local!.offices[0]!.weightedTravelMinutes).toBeCloseTo((9000 * 6 + 1000 * 8) / 10000, 10);
    // The rule on travel to the host stays centre to centre.
    expect(shared!.offices[0]!.members[1]!.travelToHostMinutes).toBe(30);
  });
});
