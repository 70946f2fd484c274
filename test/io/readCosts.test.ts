import { readCosts, shareAt } from '../../src/io/readCosts';
import { ProblemLog, formatProblem } from '../../src/io/problems';
import { MunicipalityResolver } from '../../src/io/resolver';
import type { Municipality, MunicipalityNumber } from '../../src/domain/types';
import { sheet } from '../builders';

const muni = (number: string, name: string): Municipality =>
  ({ number: number as MunicipalityNumber, name, population: 1000, county: number.slice(0, 2) }) as Municipality;
const resolver = new MunicipalityResolver([muni('1841', 'Fauske - Fuossko'), muni('1101', 'Eigersund'), muni('0301', 'Oslo')]);

describe('Kostnader as a planner types it', () => {
  it('a payer typed as a number (1841, 301) or any form of a name matches the municipality whose number is text', () => {
    const log = new ProblemLog();
    const lines = readCosts(
      sheet('Kostnader', [
        ['Linje', 'Beløp', 'Betales av'],
        ['Flyktningtjeneste', 450_000, 1841],
        ['Husleie Oslo', 100, 301],
        ['Veileder', 200, 'Fuossko'],
        ['IT', 300, 'felles'],
      ]),
      resolver,
      log,
      'Kommuner',
    );
    expect(log.problems).toEqual([]);
    expect(lines.map((l) => l.payer)).toEqual(['1841', '0301', '1841', undefined]);
  });

  it('reads the state’s share as 0–1, a percentage or a number above 1, and says which cell is wrong', () => {
    expect([0.4, '0,4', '40 %', '40%', 40, 0, '100 %'].map(shareAt)).toEqual([0.4, 0.4, 0.4, 0.4, 0.4, 0, 1]);
    expect(['150 %', 150, -0.1, 'halvparten'].map(shareAt)).toEqual([undefined, undefined, undefined, undefined]);
    const log = new ProblemLog();
    const lines = readCosts(
      sheet('Kostnader', [
        ['Linje', 'Beløp', 'Statens andel'],
        ['Husleie', 1_200_000, '40 %'],
        ['Resepsjon', 300_000, '150 %'],
        ['IT', 300_000, null],
      ]),
      resolver,
      log,
      'Kommuner',
    );
    expect(lines.map((l) => [l.name, l.stateShare])).toEqual([
      ['Husleie', 0.4],
      ['IT', undefined],
    ]);
    expect(log.problems.map((p) => formatProblem(p))).toEqual([
      'Kostnader!C3: "150 %" er ikke en statlig andel; skriv 0–1 (0,3) eller en prosent (30 %)',
    ]);
    expect(formatProblem(log.problems[0]!, 'en')).toBe(
      'Kostnader!C3: "150 %" is not a state share; write 0–1 (0.3) or a percentage (30 %)',
    );
  });
});
