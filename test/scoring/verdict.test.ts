import { withParameters } from '../../src/domain/parameters';
import { readWorkbook } from '../../src/io/readWorkbook';
import { breachText, inadmissibleReason, rankedList } from '../../src/io/verdictText';
import { rankScenarios, scoreAll } from '../../src/scoring';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID } from '../builders';

describe('rankScenarios', () => {
  it('puts every admissible scenario first, then ranks by rating; ties share a rank', () => {
    const ranks = rankScenarios([
      { admissible: false, rating: 90 },
      { admissible: true, rating: 50 },
      { admissible: true, rating: 60 },
      { admissible: false, rating: 95 },
      { admissible: true, rating: 60 },
    ]);
    expect(ranks).toEqual([5, 3, 1, 4, 1]);
  });

  it('ranks rule-breaking scenarios by how many breaches they have before their rating', () => {
    // The status quo breaks the rules in 25 places and rates 84; the optimised one in 5 and rates 78.
    const ranks = rankScenarios([
      { admissible: false, rating: 84, breaches: 25 },
      { admissible: false, rating: 78, breaches: 5 },
      { admissible: true, rating: 40, breaches: 0 },
    ]);
    expect(ranks).toEqual([3, 2, 1]);
  });
});

describe('admissible first', () => {
  const rows = (name: string, spec: [string, string, string, string][]) => spec.map((r) => [name, ...r]);
  const input = readWorkbook(
    snapshot(
      sheet('Kommuner', TOY_KOMMUNER),
      sheet('Reisetid', TOY_REISETID),
      sheet('Bemanning', TOY_BEMANNING),
      sheet('Scenarier', [
        ['scenario', 'knr', 'vertskommune', 'tjenestested', 'avtale'],
        // Ro has no service point 100 min from its host, and Sø shares without an agreement.
        ...rows('Samarbeid', [
          ['9001', '9001', '', ''],
          ['9002', '9001', 'ingen', 'ja'],
          ['9003', '9003', '', ''],
          ['9004', '9003', 'møterom', ''],
          ['9005', '9003', 'åpningsdager 2', ''],
          ['9006', '9003', 'ingen', ''],
          ['9007', '9003', 'avdelingskontor', 'nei'],
        ]),
        // The same offices, Ro with a 5-day branch (local service every day: the travel rule
        // does not apply), every member with an agreement.
        ...rows('Lovlig', [
          ['9001', '9001', '', ''],
          ['9002', '9001', 'ingen', 'ja'],
          ['9003', '9003', '', ''],
          ['9004', '9003', 'møterom', ''],
          ['9005', '9003', 'åpningsdager 2', ''],
          ['9006', '9003', 'avdelingskontor', ''],
          ['9007', '9003', 'avdelingskontor', 'ja'],
        ]),
        // One office each: the small ones are below 10 FTE.
        ...TOY_KOMMUNER.slice(1).map((r) => ['Alene', String(r[0]), String(r[0]), '', '']),
      ]),
    ),
    withParameters(),
  ).value!;
  const [coop, legal, alone] = scoreAll(input, withParameters());

  it('lists each breach by municipality: which office, which rule, the value against the limit', () => {
    expect(coop!.admissible).toBe(false);
    expect(coop!.breaches).toEqual([
      { kommunenummer: '9006', name: 'Ro - Rávvu', office: '9003', officeName: 'Hamn', rule: 'maxTravel', value: 100, limit: 90 },
      ...['9003', '9004', '9005', '9006', '9007'].map((n) =>
        expect.objectContaining({ kommunenummer: n, office: '9003', rule: 'informal', value: null, limit: null }),
      ),
    ]);
    expect(legal!.admissible).toBe(true);
    expect(legal!.breaches).toEqual([]);
    // Hamn's office breaks the travel rule and is informal: one office failing, counted once, as the ranked list counts it.
    expect(coop!.totals.officesFailing).toBe(new Set(coop!.breaches.map((b) => b.office)).size);
    // Alone: Bø i Toy has its own 2 FTE; the others (1 000 inhabitants each, hosting alone) are
    // estimated with scale: the office's fixed part plus the part per 1 000 inhabitants.
    expect(alone!.breaches.map((b) => [b.kommunenummer, b.rule, b.limit])).toEqual(
      ['9002', '9004', '9005', '9006', '9007'].map((n) => [n, 'minFte', 10]),
    );
    expect(alone!.breaches[0]!.value).toBe(2);
    const p = withParameters();
    expect(alone!.breaches[1]!.value).toBeCloseTo(p.staffFixed + p.staffPer1000, 10);
  });

  it('ranks an admissible scenario above every inadmissible one, whatever their ratings', () => {
    // The rank does not rest on the index: it puts the legal structure first even where the
    // index would not (here it agrees, because offices that break a rule index 0).
    expect(legal!.rank).toBe(1);
    const [better, worse] = coop!.totals.rating >= alone!.totals.rating ? [coop!, alone!] : [alone!, coop!];
    expect(better.rank).toBe(2);
    expect(worse.rank).toBe(coop!.totals.rating === alone!.totals.rating ? 2 : 3);
  });

  it('says why a scenario is not admissible, rule by rule, in Norwegian and English', () => {
    expect(breachText(coop!.breaches[0]!)).toBe(
      'lengste reisetid på dager uten lokal tjeneste: 100 min til verten på dager uten lokal tjeneste, krav høyst 90',
    );
    expect(breachText(alone!.breaches[1]!, 'en')).toBe('minimum FTE: 6.7 FTE, at least 10 required');
    expect(inadmissibleReason(coop!)).toBe(
      'lengste reisetid på dager uten lokal tjeneste: 1 kontor, 1 kommuner (Ro - Rávvu); ' +
        'uformelt samarbeid (ingen vertskommuneavtale): 1 kontor, 5 kommuner (Hamn, Pe, Qu, Ro - Rávvu … (+1))',
    );
    const list = rankedList([coop!, legal!, alone!]);
    expect(list[1]).toBe(`  1. Lovlig – tillatt, karakter ${legal!.totals.rating}`);
    expect(list.slice(2).every((l) => l.includes('ikke tillatt'))).toBe(true);
  });
});
