import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitCosts } from '../../src/costkeys/keys';
import { fordel, vulnerability } from '../../src/functions/functions';

describe('KONTORPLAN.FORDEL', () => {
  it('splits per capita in whole kroner that sum to the total, as a spilled column', () => {
    const out = fordel([[24_423], [4_094], [2_396], [2_628], [758]], 10_000_000);
    expect(out).toHaveLength(5);
    expect(out.every((r) => r.length === 1 && Number.isInteger(r[0]))).toBe(true);
    expect(out.reduce((a, r) => a + r[0]!, 0)).toBe(10_000_000);
    expect(Math.abs(out[4]![0]! - (10_000_000 * 758) / 34_299)).toBeLessThan(1);
  });

  it('gives the same amounts as the fixed-plus key of the cost sheet', () => {
    const pops = [24_423, 4_094, 2_396, 2_628, 758];
    const members = pops.map((p, i) => ({ number: String(i), name: String(i), population: p, municipalFte: 1, costPerFte: 1_000_000 }));
    const split = splitCosts({ host: '0', members, lines: [] }, { kind: 'fixed-plus', fixed: 0.2, driver: 'population' });
    expect(
      fordel(
        pops.map((p) => [p]),
        5_000_000,
        0.2,
      ).map((r) => r[0]),
    ).toEqual(split.shares.map((s) => s.amount));
  });

  it('mixes several driver columns by weight', () => {
    const out = fordel(
      [
        [100, 0],
        [100, 10],
      ],
      1000,
      0,
      [[0.5, 0.5]],
    );
    expect(out).toEqual([[250], [750]]);
  });

  it('refuses what it cannot split, saying why', () => {
    expect(() => fordel([[0], [0]], 100)).toThrow('summen av en driverkolonne med vekt er 0');
    expect(() => fordel([[1], [2]], 100, 1.5)).toThrow('fast andel må være mellom 0 og 1');
    expect(() => fordel([[1, 2]], 100, 0, [[1]])).toThrow('vektene må være 2');
  });

  it('always sums exactly to the rounded total and never gives a larger driver less (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ds, total, fixed) => {
          const out = fordel(
            ds.map((d) => [d]),
            total,
            fixed,
          ).map((r) => r[0]!);
          expect(out.reduce((a, b) => a + b, 0)).toBe(total);
          for (let i = 0; i < ds.length; i++)
            for (let j = 0; j < ds.length; j++) if (ds[i]! > ds[j]!) expect(out[i]).toBeGreaterThanOrEqual(out[j]!);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('KONTORPLAN.VULNERABILITY', () => {
  it('is the binomial share of days with fewer than k present', () => {
    expect(vulnerability(2)).toBeCloseTo(1 - 0.85 ** 2, 12);
    expect(vulnerability(3, 2, 0.1)).toBeCloseTo(0.1 ** 3 + 3 * 0.9 * 0.1 ** 2, 12);
    expect(vulnerability(1)).toBe(1);
  });
});

describe('refusals in Excel', () => {
  // As Office's custom-functions runtime defines them (CustomFunctionsRuntime 1.2): the code is the cell's error.
  class RuntimeError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  afterEach(() => delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions);

  it('are CustomFunctions.Error with #VALUE! and the reason, so the cell says why', () => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: RuntimeError, ErrorCode: { invalidValue: '#VALUE!' } };
    const caught = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error('no refusal');
    };
    const e = caught(() => fordel([[1], [2]], 100, 1.5)) as RuntimeError;
    expect(e).toBeInstanceOf(RuntimeError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toContain('fast andel må være mellom 0 og 1');
    const v = caught(() => vulnerability(3, 2, 1.5)) as RuntimeError;
    expect([v.code, v.message]).toEqual(['#VALUE!', 'sannsynligheten a må være mellom 0 og 1, ikke 1.5']);
    expect((caught(() => vulnerability(-1)) as RuntimeError).message).toContain('årsverk');
    expect((caught(() => vulnerability(3, 1.5)) as RuntimeError).message).toContain('helt tall');
  });

  it("say the cost-key reason in Excel's display language", () => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: RuntimeError, ErrorCode: { invalidValue: '#VALUE!' } };
    const office = globalThis as { Office?: unknown };
    const said = (displayLanguage: string) => {
      office.Office = { context: { displayLanguage } };
      try {
        fordel([[1], [2]], 100, 1.5);
      } catch (e) {
        return (e as RuntimeError).message;
      } finally {
        delete office.Office;
      }
      throw new Error('no refusal');
    };
    expect(said('en-US')).toBe('the fixed share must be between 0 and 1');
    office.Office = { context: { displayLanguage: 'en-GB' } };
    try {
      vulnerability(3, 2, 1.5);
    } catch (e) {
      expect((e as RuntimeError).message).toBe('the probability a must be between 0 and 1, not 1.5');
    } finally {
      delete office.Office;
    }
    expect(said('nn-NO')).toBe('fast andel må være mellom 0 og 1');
    expect(said('nb-NO')).toBe('fast andel må være mellom 0 og 1');
  });

  it("take Excel's null for an omitted optional argument as the default", () => {
    const excel = fordel as unknown as (d: number[][], t: number, f: null, w: null) => number[][];
    expect(excel([[1], [3]], 100, null, null)).toEqual([[25], [75]]);
    expect((vulnerability as unknown as (f: number, k: null, a: null) => number)(2, null, null)).toBeCloseTo(1 - 0.85 ** 2, 12);
  });
});

describe('functions.json, as the build generates it (custom-functions-metadata)', () => {
  it('types every parameter, so Excel converts cells to numbers and the weights range to a 2-D array', async () => {
    const out = await generateCustomFunctionsMetadata(path.join(__dirname, '../../src/functions/functions.ts'));
    expect(out.errors).toEqual([]);
    const meta = JSON.parse(out.metadataJson) as {
      functions: { id: string; parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[] }[];
    };
    const params = Object.fromEntries(
      meta.functions.map((f) => [f.id, f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? 'scalar', !!p.optional])]),
    );
    expect(params).toEqual({
      FORDEL: [
        ['drivers', 'number', 'matrix', false],
        ['total', 'number', 'scalar', false],
        ['fixedShare', 'number', 'scalar', true],
        ['weights', 'number', 'matrix', true],
      ],
      VULNERABILITY: [
        ['fte', 'number', 'scalar', false],
        ['k', 'number', 'scalar', true],
        ['a', 'number', 'scalar', true],
      ],
    });
  });
});

describe('custom-function metadata', () => {
  it('every exported function carries @customfunction with an upper-case id and documents its parameters', () => {
    const src = readFileSync(path.join(__dirname, '../../src/functions/functions.ts'), 'utf8');
    const blocks = [...src.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export function (\w+)\(([^)]*)\)/g)];
    expect(blocks.map((b) => b[2])).toEqual(['fordel', 'vulnerability']);
    for (const [, doc, , params] of blocks) {
      expect(doc).toMatch(/@customfunction [A-Z]+/);
      for (const p of params!.split(',').map((x) => x.trim().split(/[?:]/)[0]!)) expect(doc).toMatch(new RegExp(`@param \\[?${p}\\]? `));
      expect(doc).toContain('@returns');
    }
  });
});
