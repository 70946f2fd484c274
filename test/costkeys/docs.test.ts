import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DALANE, SOKNDAL_PHASE_IN } from './dalane';
import { costBreakdown, phaseIn, poolSocialAssistance } from '../../src/costkeys/extras';
import { splitCosts, EVERY_KEY } from '../../src/costkeys/keys';

const doc = readFileSync(path.join(__dirname, '../../docs/cost-keys.md'), 'utf8');
const lines = doc.split('\n');
const example = lines.slice(lines.findIndex((l) => l.startsWith('## Worked example: Dalane')));

/** The rows of the first Markdown table of the example whose header matches: cells as text. */
function table(header: RegExp): string[][] {
  const start = example.findIndex((l) => l.startsWith('|') && header.test(l));
  expect(start).toBeGreaterThan(0);
  const rows: string[][] = [];
  for (const l of example.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/\*\*/g, '')),
    );
  }
  return rows;
}
/** "−20 751" → -20751, "+1 532 262" → 1532262, "73,5 %" → 73.5. */
const num = (c: string) => Number(c.replace(/[\s%]/g, '').replace('−', '-').replace('+', '').replace(',', '.'));
const numbers = (rows: string[][]) => rows.map((r) => r.slice(1).map(num));
const names = DALANE.members.map((m) => m.name);

describe('the worked example on Dalane in docs/cost-keys.md is what the engine computes', () => {
  const splits = EVERY_KEY.map((k) => splitCosts(DALANE, k));

  it('the research figures are the page’s, and the illustrative inputs are the test’s', () => {
    expect(example.join('\n')).toContain('000 L649');
    for (const [name, population] of [
      ['Eigersund', '14 944'],
      ['Bjerkreim', '2 831'],
      ['Sokndal', '3 284'],
    ])
      expect(example.join('\n')).toContain(`**${name}** (${population}`);
    const given = table(/^\|\s*linje\s*\|\s*beløp\s*\|\s*statens andel/);
    expect(given.map((r) => [r[0], num(r[1]!), r[2] ? num(r[2]) / 100 : undefined, r[3] || undefined])).toEqual(
      DALANE.lines.map((l) => [l.name, l.amount, l.stateShare, l.owner]),
    );
    const b = costBreakdown(DALANE);
    expect(example.join('\n')).toContain(`The state pays ${b.stateTotal.toLocaleString('nb-NO').replace(/\u00a0/g, ' ')} kr`);
  });

  it('every key, beside the standalone cost, with the sums', () => {
    const rows = table(/^\|\s*kommune\s*\|\s*egen drift\s*\|\s*like deler/);
    expect(rows.map((r) => r[0])).toEqual([...names, 'sum']);
    const expected = DALANE.members.map((_, i) => [splits[0]!.shares[i]!.standalone, ...splits.map((s) => s.shares[i]!.amount)]);
    expected.push([splits[0]!.shares.reduce((a, s) => a + s.standalone, 0), ...splits.map((s) => s.total)]);
    expect(numbers(rows)).toEqual(expected);
  });

  it('kroner per inhabitant under every key', () => {
    const rows = table(/^\|\s*kommune\s*\|\s*like deler/);
    expect(numbers(rows)).toEqual(DALANE.members.map((_, i) => splits.map((s) => Math.round(s.shares[i]!.perCapita))));
  });

  it('per capita in detail', () => {
    const pc = splitCosts(DALANE, { kind: 'per-capita' });
    const rows = table(/^\|\s*kommune\s*\|\s*beløp\s*\|\s*andel/);
    expect(numbers(rows)).toEqual(
      pc.shares.map((s) => [
        s.amount,
        Math.round(s.share * 1000) / 10,
        Math.round(s.perCapita),
        s.standalone,
        s.change,
        Math.round(s.sensitivityUp),
        Math.round(s.sensitivityDown),
      ]),
    );
  });

  it('the social-assistance pool and the phase-in', () => {
    const pool = poolSocialAssistance(DALANE, 'per-capita');
    expect(numbers(table(/^\|\s*kommune\s*\|\s*eget forbruk/))).toEqual(pool.shares.map((s) => [s.own, s.pays, s.net]));
    expect(example.join('\n')).toContain(`a pot of ${pool.pot.toLocaleString('nb-NO').replace(/\u00a0/g, ' ')} kr`);
    const years = phaseIn(splitCosts(DALANE, { kind: 'per-capita' }), SOKNDAL_PHASE_IN.member, SOKNDAL_PHASE_IN.steps);
    const rows = table(/^\|\s*kommune\s*\|\s*2022/);
    expect(numbers(rows)).toEqual(DALANE.members.map((_, i) => years.map((y) => y.amounts[i]!)));
  });
});
