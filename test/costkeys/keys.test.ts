import fc from 'fast-check';
import { arbMember } from './arbitraries';
import { VAERNES } from './vaernes';
import {
  CostKeyError,
  exactAmounts,
  largestRemainder,
  splitCosts,
  type CostKey,
  type CostOffice,
  EVERY_KEY,
} from '../../src/costkeys/keys';

const KEYS = EVERY_KEY;

describe('cost keys on Værnes', () => {
  it.each(KEYS.map((k) => [k.kind, k] as const))('%s: whole kroner that sum exactly to the total', (_, key) => {
    const s = splitCosts(VAERNES, key);
    expect(s.total).toBe(Math.round(32 * 850_000 + 1_200_000 + 310_000 + 450_000));
    expect(s.shares.reduce((a, m) => a + m.amount, 0)).toBe(s.total);
    for (const m of s.shares) expect(Number.isInteger(m.amount)).toBe(true);
    expect(s.shares.reduce((a, m) => a + m.share, 0)).toBeCloseTo(1, 12);
  });

  it('per capita: each pays its share of the keyed cost, and the refugee service is billed to Stjørdal alone', () => {
    const s = splitCosts(VAERNES, { kind: 'per-capita' });
    const keyed = 32 * 850_000 + 1_200_000 + 310_000;
    const pop = 24_423 + 4_094 + 2_396 + 2_628 + 758;
    const tydal = s.shares.find((m) => m.number === '5033')!;
    expect(Math.abs(tydal.amount - (keyed * 758) / pop)).toBeLessThan(1);
    const stjordal = s.shares.find((m) => m.number === '5035')!;
    expect(Math.abs(stjordal.amount - ((keyed * 24_423) / pop + 450_000))).toBeLessThan(1);
    expect(s.keyed).toBe(keyed);
    // Per inhabitant everyone but the owner of the extra service pays the same.
    expect(tydal.perCapita).toBeCloseTo(s.shares.find((m) => m.number === '5032')!.perCapita, 2);
  });

  it('a pooled budget shares even the owned line per capita', () => {
    const s = splitCosts(VAERNES, { kind: 'pooled' });
    const stjordal = s.shares.find((m) => m.number === '5035')!;
    expect(stjordal.amount).toBeLessThan(splitCosts(VAERNES, { kind: 'per-capita' }).shares.find((m) => m.number === '5035')!.amount);
  });

  it('fixed base: 20 % in equal parts lifts the small members', () => {
    const fixed = splitCosts(VAERNES, { kind: 'fixed-plus', fixed: 0.2, driver: 'population' });
    const perCapita = splitCosts(VAERNES, { kind: 'per-capita' });
    const tydal = (s: typeof fixed) => s.shares.find((m) => m.number === '5033')!.amount;
    expect(tydal(fixed) - tydal(perCapita)).toBeGreaterThan(0.2 * (fixed.keyed / 5 - (fixed.keyed * 758) / 34_299) - 2);
  });

  it('standalone: its own staff, premises and lines; change = amount − standalone; sensitivity to its driver', () => {
    const s = splitCosts(VAERNES, { kind: 'per-capita' });
    const tydal = s.shares.find((m) => m.number === '5033')!;
    expect(tydal.standalone).toBe(850_000 + 150_000 + 7_580);
    expect(tydal.change).toBe(tydal.amount - tydal.standalone);
    expect(tydal.sensitivityUp).toBeGreaterThan(0);
    expect(tydal.sensitivityDown).toBeLessThan(0);
    expect(splitCosts(VAERNES, { kind: 'equal' }).shares[0]!.sensitivityUp).toBe(0);
  });

  it('says what is wrong with a key it cannot use', () => {
    const noUsers: CostOffice = { ...VAERNES, members: VAERNES.members.map((m) => ({ ...m, users: undefined })) };
    expect(() => splitCosts(noUsers, { kind: 'per-user' })).toThrow('Stjørdal (5035) mangler en gyldig verdi for sosialhjelpsmottakere');
    expect(() => splitCosts(VAERNES, { kind: 'fixed-plus', fixed: 1.5, driver: 'population' })).toThrow('fast andel må være mellom 0 og 1');
    expect(() => splitCosts({ ...VAERNES, lines: [{ name: 'X', amount: 5, owner: '9999' }] }, { kind: 'equal' })).toThrow(CostKeyError);
    expect(() => splitCosts(VAERNES, { kind: 'mix', weights: [] })).toThrow('vektene');
  });
});

describe('largest remainder', () => {
  it('gives the kroner left to the largest fractions, ties to the earlier member', () => {
    expect(largestRemainder([1.5, 1.5, 1], 4)).toEqual([2, 1, 1]);
    expect(largestRemainder([0.2, 0.7, 2.1], 3)).toEqual([0, 1, 2]);
    expect(largestRemainder([10 / 3, 10 / 3, 10 / 3], 10)).toEqual([4, 3, 3]);
  });
});

const arbOffice = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbMember(i))))
  .chain((members) =>
    fc
      .array(
        fc.record({
          amount: fc.integer({ min: 0, max: 5_000_000 }),
          owner: fc.option(fc.integer({ min: 0, max: members.length - 1 }), { nil: undefined }),
        }),
        { maxLength: 4 },
      )
      .map((lines): CostOffice => ({
        host: members[0]!.number,
        members,
        lines: lines.map((l, k) => ({
          name: `linje ${k}`,
          amount: l.amount,
          owner: l.owner === undefined ? undefined : members[l.owner]!.number,
        })),
      })),
  );

const arbKey: fc.Arbitrary<CostKey> = fc.oneof(
  fc.constant<CostKey>({ kind: 'equal' }),
  fc.constant<CostKey>({ kind: 'per-capita' }),
  fc.constant<CostKey>({ kind: 'pooled' }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((fixed): CostKey => ({ kind: 'fixed-plus', fixed, driver: 'population' })),
  fc.double({ min: 0.01, max: 1, noNaN: true }).map((w): CostKey => ({
    kind: 'mix',
    weights: [
      ['population', w],
      ['users', 1 - w + 0.01],
    ],
  })),
);

describe('cost key properties (fast-check)', () => {
  it('shares are whole, non-negative and sum exactly to the total', () => {
    fc.assert(
      fc.property(arbOffice, arbKey, (office, key) => {
        const users = office.members.reduce((a, m) => a + (m.users ?? 0), 0);
        if (key.kind === 'mix' && users === 0) return;
        const s = splitCosts(office, key);
        expect(s.shares.reduce((a, m) => a + m.amount, 0)).toBe(s.total);
        for (const m of s.shares) {
          expect(Number.isInteger(m.amount)).toBe(true);
          expect(m.amount).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('under a driver key a larger driver never pays less, and an equal driver pays the same up to the one krone of rounding', () => {
    fc.assert(
      fc.property(arbOffice, fc.double({ min: 0, max: 1, noNaN: true }), (office, fixed) => {
        const plain: CostOffice = { ...office, lines: office.lines.map((l) => ({ ...l, owner: undefined })) };
        for (const key of [{ kind: 'per-capita' } as CostKey, { kind: 'fixed-plus', fixed, driver: 'population' } as CostKey]) {
          const s = splitCosts(plain, key);
          const ms = plain.members;
          for (let a = 0; a < ms.length; a++) {
            for (let b = 0; b < ms.length; b++) {
              if (ms[a]!.population > ms[b]!.population) expect(s.shares[a]!.amount).toBeGreaterThanOrEqual(s.shares[b]!.amount);
              if (ms[a]!.population === ms[b]!.population)
                expect(Math.abs(s.shares[a]!.amount - s.shares[b]!.amount)).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('exact amounts add up to the whole cost base', () => {
    fc.assert(
      fc.property(arbOffice, arbKey, (office, key) => {
        const users = office.members.reduce((a, m) => a + (m.users ?? 0), 0);
        if (key.kind === 'mix' && users === 0) return;
        const base = office.members.reduce((a, m) => a + m.municipalFte * m.costPerFte, 0) + office.lines.reduce((a, l) => a + l.amount, 0);
        const sum = exactAmounts(office, key).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - base)).toBeLessThanOrEqual(1e-6 * Math.max(1, base));
      }),
      { numRuns: 300 },
    );
  });
});
