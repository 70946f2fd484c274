import fc from 'fast-check';
import { arbMember } from './arbitraries';
import { VAERNES } from './vaernes';
import { costBreakdown, phaseIn, poolSocialAssistance, staffLikeLines, POOL_KEYS } from '../../src/costkeys/extras';
import { CostKeyError, EVERY_KEY, splitCosts, type CostKey, type CostOffice } from '../../src/costkeys/keys';

/** Offices with lines that the state partly pays (any share 0–1, amounts in kroner or with øre). */
const arbOffice = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbMember(i))))
  .chain((members) =>
    fc
      .array(
        fc.record({
          amount: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.double({ min: 0, max: 5_000_000, noNaN: true })),
          owner: fc.option(fc.integer({ min: 0, max: members.length - 1 }), { nil: undefined }),
          stateShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        }),
        { maxLength: 4 },
      )
      .map((lines): CostOffice => ({
        host: members[0]!.number,
        members,
        lines: lines.map((l, k) => ({
          name: `linje ${k}`,
          amount: l.amount,
          stateShare: l.stateShare,
          owner: l.owner === undefined ? undefined : members[l.owner]!.number,
        })),
      })),
  );

const usable = (office: CostOffice, key: CostKey) => {
  try {
    splitCosts(office, key);
    return true;
  } catch (e) {
    if (e instanceof CostKeyError) return false;
    throw e;
  }
};

describe('state share of common costs', () => {
  it('only the municipal part of a line is shared; the state part is outside every key', () => {
    const office: CostOffice = { ...VAERNES, lines: [{ name: 'Husleie', amount: 1_200_000, stateShare: 0.25 }] };
    const s = splitCosts(office, { kind: 'per-capita' });
    expect(s.total).toBe(32 * 850_000 + 900_000);
    const b = costBreakdown(office);
    expect(b.stateTotal).toBe(300_000);
    expect(b.municipalTotal).toBe(s.total);
    expect(() => splitCosts({ ...VAERNES, lines: [{ name: 'X', amount: 1, stateShare: 1.5 }] }, { kind: 'equal' })).toThrow(
      'statlig andel',
    );
  });

  it('property: with any state shares, every key gives whole, non-negative kroner summing exactly to the municipal total', () => {
    fc.assert(
      fc.property(arbOffice, fc.constantFrom(...EVERY_KEY), (office, key) => {
        if (!usable(office, key)) return;
        const s = splitCosts(office, key);
        const b = costBreakdown(office);
        expect(s.total).toBe(Math.round(b.municipalTotal));
        expect(s.shares.reduce((a, m) => a + m.amount, 0)).toBe(s.total);
        for (const m of s.shares) {
          expect(Number.isInteger(m.amount)).toBe(true);
          expect(m.amount).toBeGreaterThanOrEqual(0);
        }
        expect(b.stateTotal).toBeGreaterThanOrEqual(0);
        expect(Math.abs(b.stateTotal + b.municipalTotal - b.staffTotal - office.lines.reduce((a, l) => a + l.amount, 0))).toBeLessThan(
          1e-6,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('social-assistance pool', () => {
  it('per capita: each pays its population share of everyone’s spending; the net says who carries whom', () => {
    const pool = poolSocialAssistance(VAERNES, 'per-capita');
    const pop = VAERNES.members.reduce((a, m) => a + m.population, 0);
    const spent = VAERNES.members.reduce((a, m) => a + m.spending!, 0);
    expect(pool.pot).toBe(spent);
    pool.shares.forEach((s, i) => expect(Math.abs(s.pays - (spent * VAERNES.members[i]!.population) / pop)).toBeLessThan(1));
    expect(pool.shares.reduce((a, s) => a + s.net, 0)).toBe(0);
    expect(() =>
      poolSocialAssistance({ ...VAERNES, members: VAERNES.members.map((m) => ({ ...m, spending: undefined })) }, 'equal'),
    ).toThrow('mangler sosialhjelpsutgifter');
  });

  it('property: the pool’s payments are whole, never negative, and sum exactly to the pot', () => {
    fc.assert(
      fc.property(arbOffice, fc.constantFrom(...POOL_KEYS), (office, key) => {
        if (key === 'per-user' && office.members.every((m) => m.users === 0)) return;
        const pool = poolSocialAssistance(office, key);
        expect(pool.shares.reduce((a, s) => a + s.pays, 0)).toBe(pool.pot);
        for (const s of pool.shares) {
          expect(Number.isInteger(s.pays)).toBe(true);
          expect(s.pays).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('phase-in of a joining member', () => {
  it('the joiner pays its share of full price; the others carry the rest in proportion to their amounts', () => {
    const split = splitCosts(VAERNES, { kind: 'per-capita' });
    const [half, full] = phaseIn(split, '5033', [
      { label: '2022', share: 0.5 },
      { label: '2023', share: 1 },
    ]);
    const tydal = split.shares[4]!.amount;
    expect(Math.abs(half!.amounts[4]! - tydal / 2)).toBeLessThanOrEqual(1);
    expect(full!.amounts).toEqual(split.shares.map((s) => s.amount));
    const carried = half!.amounts.slice(0, 4).map((a, i) => a - split.shares[i]!.amount);
    expect(Math.abs(carried.reduce((a, b) => a + b, 0) - (tydal - half!.amounts[4]!))).toBe(0);
    // Stjørdal, the largest, carries the most.
    expect(carried[0]).toBe(Math.max(...carried));
    expect(() => phaseIn(split, '9999', [])).toThrow('ikke med i kontoret');
    expect(() => phaseIn(split, '5033', [{ label: 'x', share: 2 }])).toThrow('mellom 0 og 1');
  });

  it('property: every year sums exactly to the total, in whole kroner, never negative, and the joiner never pays more than full price', () => {
    fc.assert(
      fc.property(
        arbOffice,
        fc.constantFrom(...EVERY_KEY),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (office, key, shares, pick) => {
          if (!usable(office, key)) return;
          const split = splitCosts(office, key);
          const j = pick % office.members.length;
          const years = phaseIn(
            split,
            office.members[j]!.number,
            shares.map((share, k) => ({ label: String(2025 + k), share })),
          );
          for (const y of years) {
            expect(y.amounts.reduce((a, b) => a + b, 0)).toBe(split.total);
            for (const a of y.amounts) {
              expect(Number.isInteger(a)).toBe(true);
              expect(a).toBeGreaterThanOrEqual(0);
            }
            expect(y.amounts[j]!).toBeLessThanOrEqual(split.shares[j]!.amount + 1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a line that repeats the staff cost', () => {
  it('is found by its name or by an amount within 10 % of the staff cost', () => {
    const office: CostOffice = {
      ...VAERNES,
      lines: [
        { name: 'Husleie', amount: 1_200_000, cell: 'B2' },
        { name: 'Drift NAV', amount: 26_000_000, cell: 'B3' },
        { name: 'Lønn kommunalt ansatte', amount: 500_000, cell: 'B4' },
      ],
    };
    expect(staffLikeLines(office).map((l) => [l.cell, l.byName])).toEqual([
      ['B3', false],
      ['B4', true],
    ]);
    expect(staffLikeLines(VAERNES)).toEqual([]);
  });
});
