import fc from 'fast-check';
import type { CostMember } from '../../src/costkeys/keys';

/** A member of an office with any drivers a real one could have (for the property tests of the keys). */
export const arbMember = (i: number) =>
  fc
    .record({
      population: fc.integer({ min: 1, max: 800_000 }),
      users: fc.integer({ min: 0, max: 20_000 }),
      spending: fc.integer({ min: 0, max: 500_000_000 }),
      municipalFte: fc.double({ min: 0, max: 200, noNaN: true }),
      costPerFte: fc.integer({ min: 400_000, max: 1_200_000 }),
    })
    .map((r): CostMember => ({ ...r, number: String(1000 + i), name: `K${i}` }));
