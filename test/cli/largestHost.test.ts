import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadEmbedded } from '../../src/cli/common';
import { main } from '../../src/cli/main';
import { KNOWN_COOPERATIONS } from '../../src/data/cooperations';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import { pairAllowed, NO_RULES, type OptProblem } from '../../src/optimize/problem';
import { capture } from '../builders';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';

/**
 * The host of a proposed office is its most populous member, as in every cooperation the
 * research describes (000 L640–651). Without the rule the optimiser is indifferent to which
 * member of an office with a full local office in each hosts it: on Trøndelag at 8 offices it
 * proposed Frøya (5 000 inhabitants) hosting Trondheim (215 000).
 */

type Json = { status: string; offices: { host: string; members: string[] }[] };

let dir: string;
let input: string;
let population: Map<string, number>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-host-'));
  input = path.join(dir, 'trondelag.xlsx');
  expect(await main(['sample', '--county', '50', '--out', input], capture())).toBe(0);
  // The populations as the sample's Kommuner sheet gives them to the optimiser.
  const kommuner = (await (await ExcelJsWorkbook.open(input)).read()).sheets.find((s) => s.name === 'Kommuner')!;
  const header = kommuner.values.findIndex((r) => r.includes('Kommunenummer'));
  const [num, pop] = ['Kommunenummer', 'Folketall'].map((h) => kommuner.values[header]!.findIndex((c) => String(c).startsWith(h)));
  population = new Map(kommuner.values.slice(header + 1).map((r) => [String(r[num!]), Number(r[pop!])]));
  expect([...population.values()].every((x) => Number.isFinite(x) && x > 0)).toBe(true);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function optimise(...extra: string[]): Promise<{ json: Json; text: string }> {
  const io = capture();
  const args = ['optimize', input, '--out', path.join(dir, 'out.xlsx'), '--offices', '8', '--sweep', 'none', '--alternatives', '0'];
  expect(await main([...args, '--json', ...extra], io)).toBe(0);
  const text = capture();
  expect(await main([...args, ...extra], text)).toBe(0);
  return { json: JSON.parse(io.stdout.join('\n')) as Json, text: text.stdout.join('\n') };
}

/** Every member larger than its host: "host < member". */
const smallerHosts = (json: Json) =>
  json.offices.flatMap((o) => o.members.filter((m) => population.get(m)! > population.get(o.host)!).map((m) => `${o.host} < ${m}`));

it('proposes no office whose host is smaller than a member, and says so among the rules', async () => {
  const { json, text } = await optimise();
  expect(json.status).toBe('optimal');
  expect(population.size).toBeGreaterThan(30);
  expect(smallerHosts(json)).toEqual([]);
  expect(json.offices.find((o) => o.members.includes('5001'))!.host).toBe('5001');
  expect(text).toContain('verten er kontorets største kommune');
}, 120_000);

it('lets a smaller municipality host with --any-host, where the optimiser is indifferent to which member hosts', async () => {
  const { json, text } = await optimise('--any-host');
  expect(smallerHosts(json).length).toBeGreaterThan(0);
  expect(text).not.toContain('verten er kontorets største kommune');
}, 120_000);

describe('the rule in pairAllowed', () => {
  // Three municipalities: 0 is the largest.
  const problem = (rules: Partial<OptProblem['rules']>): OptProblem => ({
    n: 3,
    ids: ['a', 'b', 'c'],
    weight: Float64Array.from([1000, 500, 500]),
    cost: new Float64Array(9).fill(10),
    fte: Float64Array.from([10, 5, 5]),
    ba: new Int32Array(3).fill(-1),
    rules: { ...NO_RULES, largestHost: true, ...rules },
  });
  it('keeps a larger member from a smaller host, allows equals and the other way', () => {
    const pr = problem({});
    expect(pairAllowed(pr, 0, 1)).toBe(false);
    expect(pairAllowed(pr, 1, 0)).toBe(true);
    expect(pairAllowed(pr, 1, 2)).toBe(true);
  });
  it('yields to the planner: a lock, a member ruled out as host, or the rule turned off', () => {
    expect(pairAllowed(problem({ locks: new Map([[0, 1]]) }), 0, 1)).toBe(true);
    expect(pairAllowed(problem({ forbiddenHosts: [0] }), 0, 1)).toBe(true);
    expect(pairAllowed(problem({ largestHost: false }), 0, 1)).toBe(true);
    expect(DEFAULT_PARAMETERS.optimiserLargestHost).toBe(true);
  });
});

describe('the rule against the cooperations the research documents', () => {
  it('holds for every one: by the report’s own populations, and by the embedded ones (1.1.2026, as the sample gives them)', () => {
    const byName = new Map(loadEmbedded().flatMap((m) => [[m.shortName, m] as const, [m.name, m] as const]));
    const offSize: string[] = [];
    for (const c of KNOWN_COOPERATIONS) {
      const reported = c.partners.filter(
        (p) => c.hostPopulation !== undefined && p.population !== undefined && p.population > c.hostPopulation,
      );
      offSize.push(...reported.map((p) => `${c.name}: ${p.name} larger than ${c.host} in the report`));
      const host = byName.get(c.host);
      expect([c.name, host?.name ?? 'not found']).not.toContain('not found');
      for (const p of c.partners) {
        const m = byName.get(p.name);
        expect([c.name, p.name, m ? 'found' : 'not found']).toEqual([c.name, p.name, 'found']);
        if (m!.population2026 > host!.population2026) offSize.push(`${c.name}: ${p.name} larger than ${c.host} in the embedded data`);
      }
    }
    expect(KNOWN_COOPERATIONS.length).toBeGreaterThanOrEqual(6);
    expect(offSize).toEqual([]);
  });
});
