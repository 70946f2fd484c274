import * as fc from 'fast-check';
import { withParameters } from '../../src/domain/parameters';
import type { MunicipalityNumber, Scenario, ServicePoint } from '../../src/domain/types';
import { asMunicipalityNumber } from '../../src/domain/types';
import { readWorkbook } from '../../src/io/readWorkbook';
import { scoreAll, scoreScenario, withRatings } from '../../src/scoring/score';
import {
  apply,
  canRedo,
  canUndo,
  edit,
  hostChoices,
  rebase,
  redo,
  start,
  undo,
  whatIfMessage,
  WhatIfScorer,
  type Edit,
  type WhatIfContext,
  type WhatIfState,
} from '../../src/app/whatif';
import { sampleInput } from '../../src/cli/common';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID } from '../builders';

const n = asMunicipalityNumber;
const AVIK = n('9001');
const BO = n('9002');
const HAMN = n('9003');
const PE = n('9004');
const RO = n('9006');

/**
 * The toy county (test/builders.ts) with hand-checkable staffing: Avik 20 FTE and Bø 2 given,
 * the rest 2.3 per 1 000 (Hamn 13.8, Pe, Qu, Ro, Sø 2.3 each). Avik hosts Bø (22 FTE); Hamn
 * hosts the other four (23 FTE), all with an agreement; Ro and Sø keep 5-day branches. With a
 * minimum of 21 FTE and at most 6 owners the scenario is admissible. Bø–Hamn is given as 60 min.
 */
const RULES = withParameters({ staffFixed: 0, staffPer1000: 2.3, minFte: 21, maxOwners: 6 });
const read = readWorkbook(
  snapshot(
    sheet('Kommuner', TOY_KOMMUNER),
    sheet('Reisetid', [...TOY_REISETID, ['9002', '9003', 60]]),
    sheet('Bemanning', TOY_BEMANNING),
    sheet('Scenarier', [
      ['scenario', 'knr', 'vertskommune', 'tjenestested', 'avtale'],
      ['Samarbeid', '9001', '9001', '', ''],
      ['Samarbeid', '9002', '9001', 'ingen', 'ja'],
      ['Samarbeid', '9003', '9003', '', ''],
      ['Samarbeid', '9004', '9003', 'møterom', 'ja'],
      ['Samarbeid', '9005', '9003', 'åpningsdager 2', 'ja'],
      ['Samarbeid', '9006', '9003', 'avdelingskontor', 'ja'],
      ['Samarbeid', '9007', '9003', 'avdelingskontor', 'ja'],
    ]),
  ),
  RULES,
);
const input = read.value!;
const ctx: WhatIfContext = { input, params: RULES, municipalitiesSheet: 'Kommuner' };
const base = input.scenarios[0]!;

function must(state: WhatIfState, e: Edit): WhatIfState {
  const r = edit(state, e, ctx);
  if (!r.state) throw new Error(whatIfMessage(r.error, 'en'));
  return r.state;
}
const refusal = (state: WhatIfState, e: Edit) => {
  const r = edit(state, e, ctx);
  if (!r.error) throw new Error('edit was accepted');
  return { nb: whatIfMessage(r.error, 'nb'), en: whatIfMessage(r.error, 'en'), code: r.error.code };
};
const minutes = (from: string, to: string) => {
  const m = input.travel;
  return m.minutes[m.numbers.indexOf(n(from))]![m.numbers.indexOf(n(to))]!;
};

describe('what-if on the toy county, worked by hand', () => {
  const scorer = new WhatIfScorer(ctx);

  it('starts from an admissible scenario: Avik 22 FTE, Hamn 23 FTE, both over the minimum of 21', () => {
    const v = scorer.rescore(start(base));
    expect(v.score.admissible).toBe(true);
    expect(v.score.offices.map((o) => [o.host, o.fte])).toEqual([
      [AVIK, 22],
      [HAMN, expect.closeTo(23, 9)],
    ]);
  });

  it('moving Bø to Hamn drops Avik to its own 20 FTE: inadmissible on minFte, and only there', () => {
    const s = must(start(base), { kind: 'move', member: BO, host: HAMN });
    const v = scorer.rescore(s);
    expect(v.score.admissible).toBe(false);
    expect(v.score.offices.find((o) => o.host === AVIK)!.fte).toBe(20);
    expect(v.score.breaches.map((b) => [b.kommunenummer, b.rule, b.value, b.limit])).toEqual([[AVIK, 'minFte', 20, 21]]);
    // The office it joined: 13.8 + 4 × 2.3 + Bø's 2 = 25 FTE, 6 owners (the limit).
    const hamn = v.score.offices.find((o) => o.host === HAMN)!;
    expect(hamn.fte).toBeCloseTo(25, 9);
    expect(hamn.owners).toBe(6);
    expect(hamn.pass).toBe(true);
  });

  it('moving Bø changes its travel from the Avik entry of the matrix (30 min) to the Hamn entry (60 min)', () => {
    const s = must(start(base), { kind: 'move', member: BO, host: HAMN });
    const v = scorer.rescore(s);
    const bo = (score: typeof v.score) => score.offices.flatMap((o) => o.members).find((m) => m.number === BO)!;
    expect(bo(v.before).travelToHostMinutes).toBe(minutes('9002', '9001'));
    expect(bo(v.before).travelToHostMinutes).toBe(30);
    expect(bo(v.score).travelToHostMinutes).toBe(minutes('9002', '9003'));
    expect(bo(v.score).travelToHostMinutes).toBe(60);
    // The per-municipality block: Bø was in Avik's office and is now in Hamn's.
    const row = v.score.versus.municipalities.find((m) => m.kommunenummer === BO)!;
    expect([row.officeBefore, row.officeAfter]).toEqual([AVIK, HAMN]);
    expect(v.score.versus.municipalities.find((m) => m.kommunenummer === AVIK)!.breaks).toEqual(['minFte']);
    // The consequence table: one office below the minimum now, none in the baseline.
    const below = v.score.consequences.find((c) => c.id === 'officesBelowMinFte')!;
    expect([below.baseline, below.value]).toEqual([0, 1]);
    expect(below.grade).toBeLessThan(0);
  });

  it('taking Ro\u2019s branch away puts its 100 min to Hamn under the 90-minute rule', () => {
    expect(minutes('9006', '9003')).toBe(100);
    const s = must(start(base), { kind: 'servicePoint', member: RO, servicePoint: { kind: 'none' } });
    const v = scorer.rescore(s);
    expect(v.score.breaches.map((b) => [b.kommunenummer, b.rule, b.value, b.limit])).toEqual([[RO, 'maxTravel', 100, 90]]);
    const ro = v.score.versus.municipalities.find((m) => m.kommunenummer === RO)!;
    expect([ro.localDaysBefore, ro.localDaysAfter]).toEqual([5, 0]);
    expect(ro.worseOff).toBe(true);
  });

  it('makes a partner an office of its own: Pe alone has 2.3 FTE', () => {
    const s = must(start(base), { kind: 'move', member: PE, host: PE });
    const v = scorer.rescore(s);
    expect(v.score.totals.offices).toBe(3);
    const pe = v.score.offices.find((o) => o.host === PE)!;
    expect(pe.members.map((m) => [m.number, m.servicePoint.kind])).toEqual([[PE, 'full']]);
    expect(pe.fte).toBeCloseTo(2.3, 9);
    expect(v.score.offices.find((o) => o.host === HAMN)!.members.map((m) => m.number)).not.toContain(PE);
  });

  it('moves a host with its partners: Avik and Bø join Hamn, each keeping its service point', () => {
    const s = must(start(base), { kind: 'move', member: AVIK, host: HAMN });
    expect(s.scenario.offices.map((o) => o.host)).toEqual([HAMN]);
    const members = s.scenario.offices[0]!.members;
    expect(members[0]!.number).toBe(HAMN);
    expect(members.filter((m) => m.number === AVIK || m.number === BO).map((m) => [m.number, m.servicePoint.kind])).toEqual([
      [AVIK, 'full'],
      [BO, 'none'],
    ]);
    expect(scorer.rescore(s).score.offices[0]!.fte).toBeCloseTo(45, 9);
  });

  it('scores an edited scenario exactly as plan scores it (scoreAll), offices reused or not', () => {
    let s = must(start(base), { kind: 'move', member: BO, host: HAMN });
    s = must(s, { kind: 'servicePoint', member: RO, servicePoint: { kind: 'branch', days: 2 } });
    const got = scorer.rescore(s).score;
    const all = scoreAll({ ...input, scenarios: [base, s.scenario] }, RULES)[1]!;
    expect(got.offices).toEqual(all.offices);
    expect(got.totals).toEqual(all.totals);
    expect(got.breaches).toEqual(all.breaches);
    expect(got.versus).toEqual(all.versus);
    expect(got.consequences).toEqual(all.consequences);
  });

  it('undoes and redoes as list operations; a new edit clears what could be redone', () => {
    const first: Edit = { kind: 'move', member: BO, host: HAMN };
    const second: Edit = { kind: 'servicePoint', member: RO, servicePoint: { kind: 'none' } };
    const two = must(must(start(base), first), second);
    expect(two.edits).toEqual([first, second]);
    const back = undo(two);
    expect(back.edits).toEqual([first]);
    expect(back.scenario).toEqual(apply(base, [first]));
    expect(canRedo(back)).toBe(true);
    expect(redo(back).scenario).toEqual(two.scenario);
    const other = must(back, { kind: 'move', member: PE, host: PE });
    expect(canRedo(other)).toBe(false);
    expect(undo(undo(back))).toEqual(undo(back));
    expect(canUndo(undo(back))).toBe(false);
    expect(undo(back).scenario).toBe(base);
  });
});

describe('the workbook read again', () => {
  it('makes the edits again on the scenario as read now, dropping those that no longer apply, with why', () => {
    const first: Edit = { kind: 'move', member: BO, host: HAMN };
    const second: Edit = { kind: 'servicePoint', member: PE, servicePoint: { kind: 'none' } };
    const s = must(must(start(base), first), second);
    // Read again: the same scenario, but Pe is now an office of its own, so its service point cannot be set.
    const again: Scenario = {
      ...base,
      offices: [
        ...base.offices.map((o) => ({ ...o, members: o.members.filter((m) => m.number !== PE) })),
        { host: PE, members: [{ number: PE, servicePoint: { kind: 'full' } }], hostAgreement: true },
      ],
    };
    const r = rebase(s, again, ctx);
    expect(r.state.base).toBe(again);
    expect(r.state.edits).toEqual([first]);
    expect(r.state.scenario).toEqual(apply(again, [first]));
    expect(r.dropped.map((d) => [d.edit, d.error.code])).toEqual([[second, 'whatIfHostServicePoint']]);
    expect(whatIfMessage(r.dropped[0]!.error, 'en')).toContain('Pe is the host');
  });
});

describe('edits refused, with the reason in Norwegian and English', () => {
  const s = start(base);
  test.each([
    [
      'a target that is a partner, not a host',
      { kind: 'move', member: BO, host: PE } as Edit,
      'whatIfNotAHost',
      'Pe er ikke vertskommune i «Samarbeid» (den hører til kontoret i Hamn)',
      'Pe is not a host in "Samarbeid" (it belongs to the office in Hamn)',
    ],
    [
      'the office it is in already',
      { kind: 'move', member: BO, host: AVIK } as Edit,
      'whatIfSameHost',
      'Bø i Toy hører allerede til kontoret i Avik',
      'Bø i Toy already belongs to the office in Avik',
    ],
    [
      'a host made its own office again',
      { kind: 'move', member: AVIK, host: AVIK } as Edit,
      'whatIfSameHost',
      'Avik hører allerede',
      'Avik already belongs',
    ],
    [
      'a host\u2019s service point',
      { kind: 'servicePoint', member: HAMN, servicePoint: { kind: 'none' } } as Edit,
      'whatIfHostServicePoint',
      'Hamn er vertskommune og har alltid hovedkontoret',
      'Hamn is the host and always has the main office',
    ],
    [
      'the service point it has',
      { kind: 'servicePoint', member: PE, servicePoint: { kind: 'meeting' } } as Edit,
      'whatIfSameServicePoint',
      'Pe har allerede møterom',
      'Pe already has meeting room',
    ],
    [
      'seven opening days',
      { kind: 'servicePoint', member: PE, servicePoint: { kind: 'branch', days: 7 } } as Edit,
      'whatIfBadDays',
      '7 er ikke et antall åpningsdager; velg 1–5',
      '7 is not a number of opening days; choose 1–5',
    ],
    [
      'a municipality not in the input',
      { kind: 'move', member: BO, host: n('9999') } as Edit,
      'whatIfUnknownMunicipality',
      '9999 er ikke en kommune i arket Kommuner',
      '9999 is not a municipality in the sheet Kommuner',
    ],
  ])('%s', (_, e, code, nb, en) => {
    const r = refusal(s, e);
    expect(r.code).toBe(code);
    expect(r.nb).toContain(nb);
    expect(r.en).toContain(en);
  });

  it('leaves the state as it was', () => {
    const r = edit(s, { kind: 'move', member: BO, host: PE }, ctx);
    expect(r.state).toBeUndefined();
    expect(s.edits).toEqual([]);
    expect(s.scenario).toBe(base);
  });

  it('offers every host and the municipality itself as targets', () => {
    expect(hostChoices(base, BO)).toEqual([AVIK, HAMN, BO]);
    expect(hostChoices(base, HAMN)).toEqual([AVIK, HAMN]);
  });
});

describe('what-if on Nordland (41 municipalities), any sequence of edits', () => {
  const params = withParameters();
  const nordland = sampleInput('18', params);
  const nctx: WhatIfContext = { input: nordland, params, municipalitiesSheet: 'Kommuner' };
  const nbase = nordland.scenarios[0]!;
  const numbers = nordland.municipalities.map((m) => m.number);
  const SITES: ServicePoint[] = [
    { kind: 'none' },
    { kind: 'meeting' },
    { kind: 'branch', days: 2 },
    { kind: 'branch', days: 5 },
    { kind: 'full' },
  ];
  // An edit drawn from indexes: a member, a target (a host of the scenario then, or the member itself) or a service point.
  const editArb = fc.record({
    member: fc.nat(numbers.length - 1),
    target: fc.nat(200),
    site: fc.nat(SITES.length - 1),
    move: fc.boolean(),
  });
  const toEdit = (s: Scenario, r: { member: number; target: number; site: number; move: boolean }): Edit => {
    const member = numbers[r.member]! as MunicipalityNumber;
    if (!r.move) return { kind: 'servicePoint', member, servicePoint: SITES[r.site]! };
    const hosts = hostChoices(s, member);
    return { kind: 'move', member, host: hosts[r.target % hosts.length]! };
  };
  const fresh = (s: Scenario) => scoreScenario(s, nordland, withRatings(params, nordland.ratings));

  it('keeps every municipality in exactly one office, host first; cached scores equal fresh ones; undoing all gives the base scores', () => {
    const scorer = new WhatIfScorer(nctx);
    const baseScore = fresh(nbase);
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.nat(12), (draws, back) => {
        let s = start(nbase);
        for (const d of draws) s = edit(s, toEdit(s.scenario, d), nctx).state ?? s;
        const all = s.scenario.offices.flatMap((o) => o.members.map((m) => m.number)).sort();
        expect(all).toEqual([...numbers].sort());
        for (const o of s.scenario.offices) expect(o.members[0]!.number).toBe(o.host);
        const edited = scorer.rescore(s).score;
        const want = fresh(s.scenario);
        expect(edited.offices).toEqual(want.offices);
        expect(edited.totals).toEqual(want.totals);
        // Undo some: the scores of the shorter list; redo them: the same scores again.
        let u = s;
        for (let k = 0; k < Math.min(back, s.edits.length); k++) u = undo(u);
        expect(scorer.rescore(u).score.totals).toEqual(fresh(apply(nbase, u.edits)).totals);
        let r = u;
        while (canRedo(r)) r = redo(r);
        expect(scorer.rescore(r).score.totals).toEqual(edited.totals);
        // Undo all: the base scenario's scores.
        while (canUndo(u)) u = undo(u);
        const undone = scorer.rescore(u).score;
        expect(undone.offices).toEqual(baseScore.offices);
        expect(undone.totals).toEqual(baseScore.totals);
        expect(undone.breaches).toEqual(baseScore.breaches);
      }),
      { numRuns: 60, seed: 24 },
    );
  });
});
