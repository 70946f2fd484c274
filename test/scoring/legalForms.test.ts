import { withParameters } from '../../src/domain/parameters';
import { formatProblem } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/readWorkbook';
import { scoreAll } from '../../src/scoring';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID } from '../builders';

/**
 * Other forms than a host agreement, as a scenario row may state them in its agreement column:
 * a merger (one owner, no agreement needed) and a state-only service area (the state's staff
 * shared, each municipality keeping its municipal services).
 */
describe('a merger and a state-only service area in Scenarier', () => {
  const rows = (name: string, form: string) => [
    [name, '9001', '9001', '', form],
    [name, '9002', '9001', 'ingen', form],
    ...['9003', '9004', '9005', '9006', '9007'].map((n) => [name, n, '9003', n === '9003' ? '' : 'ingen', '']),
  ];
  const book = (forms: [string, string][]) =>
    snapshot(
      sheet('Kommuner', TOY_KOMMUNER),
      sheet('Reisetid', TOY_REISETID),
      sheet('Bemanning', TOY_BEMANNING),
      sheet('Scenarier', [['scenario', 'knr', 'vertskommune', 'tjenestested', 'avtale'], ...forms.flatMap(([n, f]) => rows(n, f))]),
    );
  // The owner limit set to 1 to see it: Avik's office of two breaks it, unless it is a merger.
  const params = withParameters({ maxOwners: 1, minFte: 0, maxTravelWithoutServicePoint: 1000 });

  it('reads the forms from the agreement column, and counts a merger as one owner', () => {
    const input = readWorkbook(
      book([
        ['Avtale', 'ja'],
        ['Fusjon', 'sammenslått'],
        ['Statlig', 'kun statlig'],
      ]),
      params,
    ).value!;
    const [agreement, merger, state] = scoreAll(input, params);
    const avik = (s: typeof agreement) => s!.offices.find((o) => o.host === '9001')!;
    expect(avik(agreement).owners).toBe(2);
    expect(avik(merger).owners).toBe(1);
    expect(avik(merger).legalForm).toBe('sammenslått');
    expect(avik(merger).informal).toBe(false);
    const ownersRule = (s: typeof agreement) => avik(s).constraints.find((c) => c.id === 'maxOwners')!.pass;
    expect(ownersRule(agreement)).toBe(false);
    expect(ownersRule(merger)).toBe(true);
    expect(avik(state).legalForm).toBe('statlig');
    expect(avik(state).informal).toBe(false);
  });

  it('keeps only the host’s municipal staff in a state-only area: Bø’s 1 municipal FTE stays in Bø', () => {
    const input = readWorkbook(
      book([
        ['Avtale', 'ja'],
        ['Statlig', 'kun statlig'],
      ]),
      params,
    ).value!;
    const [agreement, state] = scoreAll(input, params);
    const avik = (s: typeof agreement) => s!.offices.find((o) => o.host === '9001')!;
    // TOY_BEMANNING: Avik 10 + 10, Bø 1 + 1.
    expect(avik(agreement).fte).toBe(22);
    expect(avik(state).fte).toBe(21);
    expect(avik(state).stateFte).toBe(11);
    expect(avik(state).municipalFte).toBe(10);
  });

  it('refuses a word that is neither yes, no nor a legal form, at its cell', () => {
    const result = readWorkbook(book([['Avtale', 'kanskje']]), params);
    const messages = [...result.problems, ...(result.scenarioProblems ?? [])].map((p) => formatProblem(p, 'nb'));
    expect(messages).toContain(
      'Scenarier!E2: "kanskje" er verken ja, nei eller en juridisk form (vertskommune, sammenslått, kun statlig, uformelt)',
    );
  });
});
