import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { costMember } from './vaernes';
import { splitCosts, type CostOffice, EVERY_KEY } from '../../src/costkeys/keys';

/** The illustrative Værnes office of docs/cost-keys.md, exactly as the page states it. */
const m = (number: string, name: string, population: number, municipalFte: number, users: number, spending: number, ownPremises: number) =>
  costMember(number, name, population, municipalFte, { users, spending, ownPremises });
const OFFICE: CostOffice = {
  host: '5035',
  members: [
    m('5035', 'Stjørdal', 24_423, 22, 510, 27_800_000, 1_100_000),
    m('5032', 'Selbu', 4_094, 4, 70, 4_300_000, 260_000),
    m('5034', 'Meråker', 2_396, 2.5, 45, 2_600_000, 200_000),
    m('5036', 'Frosta', 2_628, 2.5, 40, 2_500_000, 200_000),
    m('5033', 'Tydal', 758, 1, 10, 700_000, 120_000),
  ],
  lines: [
    { name: 'Husleie, felles lokaler', amount: 1_200_000 },
    { name: 'IT og telefoni', amount: 310_000 },
    { name: 'Flyktningtjeneste (bare Stjørdal)', amount: 450_000, owner: '5035' },
  ],
};
const KEYS = EVERY_KEY;

it('the worked example in docs/cost-keys.md is what the engine computes', () => {
  const doc = readFileSync(path.join(__dirname, '../../docs/cost-keys.md'), 'utf8');
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => /^\|\s*kommune\s*\|\s*egen drift\s*\|/.test(l));
  expect(start).toBeGreaterThan(0);
  const rows = lines
    .slice(start + 2)
    .filter((l) => l.startsWith('| ') && !l.includes('**'))
    .slice(0, 5)
    .map((l) =>
      l
        .split('|')
        .slice(2, -1)
        .map((c) => Number(c.trim().replace(/\s/g, ''))),
    );
  const splits = KEYS.map((k) => splitCosts(OFFICE, k));
  const expected = OFFICE.members.map((_, i) => [splits[0]!.shares[i]!.standalone, ...splits.map((s) => s.shares[i]!.amount)]);
  expect(rows).toEqual(expected);
});
