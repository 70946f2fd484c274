import { withParameters } from '../../src/domain/parameters';
import { scenarioSheet } from '../../src/io/output';
import { readWorkbook } from '../../src/io/readWorkbook';
import { versusText } from '../../src/io/verdictText';
import { baselineIndex, scoreAll } from '../../src/scoring';
import { sheet, snapshot, TOY_KOMMUNER, TOY_REISETID, TOY_SAMARBEID } from '../builders';

describe('baselineIndex', () => {
  test.each([
    [['Forslag', 'Dagens struktur 2024', 'Dagens struktur'], 1],
    [['Forslag', 'én kommune – ett kontor'], 1],
    [['Forslag', 'En kommune - ett kontor (teori)'], 1],
    [['Proposal', 'Current structure (as of 2020)'], 1],
    [['Forslag A', 'Forslag B'], 0],
    [['Kontorer i dag', 'Dagens'], 0],
  ])('%p → %p', (names, expected) => expect(baselineIndex(names)).toBe(expected));
});

describe('every municipality against the baseline', () => {
  // The toy municipalities are outside the 2024 division: no within-municipality time (0 min).
  const input = readWorkbook(
    snapshot(
      sheet('Kommuner', TOY_KOMMUNER),
      sheet('Reisetid', TOY_REISETID),
      sheet('Scenarier', [
        ...TOY_SAMARBEID,
        // Named as today's structure but not first: it is still the baseline.
        ...TOY_KOMMUNER.slice(1).map((r) => ['Dagens struktur', String(r[0]), String(r[0]), '', '']),
      ]),
    ),
    withParameters(),
  ).value!;
  const [coop, today] = scoreAll(input, withParameters());
  const v = coop!.versus;
  const of = (n: string) => v.municipalities.find((m) => m.kommunenummer === n)!;

  it('names the baseline and compares the two-municipality office by hand', () => {
    expect(v.baseline).toBe('Dagens struktur');
    expect(v.municipalities).toHaveLength(7);
    // Bø i Toy had its own office (0 min, 5 days); now it has no service point, 30 min from Avik.
    expect(of('9002')).toMatchObject({
      officeBefore: '9002',
      officeAfter: '9001',
      roleBefore: 'alone',
      roleAfter: 'partner',
      accessMinutesBefore: 0,
      accessMinutesAfter: 30,
      hostMinutesAfter: 30,
      localDaysBefore: 5,
      localDaysAfter: 0,
      breaks: [],
      worseOff: true,
    });
    expect(of('9001')).toMatchObject({ roleAfter: 'host', accessMinutesAfter: 0, localDaysAfter: 5, worseOff: false });
    // Staff stationed (estimated with scale, 4.85 + 1.885 per 1 000): Bø alone 4.85 + 1.885 = 6.735,
    // now none (no service point); Avik 4.85 + 16.965 = 21.815 alone, now the whole office:
    // 21.815 + Bø's 1.885 = 23.7.
    expect(of('9002').localFteBefore).toBeCloseTo(6.735, 10);
    expect(of('9002').localFteAfter).toBe(0);
    expect(of('9001').localFteBefore).toBeCloseTo(21.815, 10);
    expect(of('9001').localFteAfter).toBeCloseTo(23.7, 10);
  });

  it('counts local days: a meeting room and a 2-day branch leave travel on the other days', () => {
    // Pe: 20 · (1 − 0.5/5) = 18; Qu: 40 · (1 − 2/5) = 24; Sø keeps 5 days and 0 min.
    expect(of('9004')).toMatchObject({ accessMinutesAfter: 18, localDaysAfter: 0.5, worseOff: true });
    expect(of('9005')).toMatchObject({ accessMinutesAfter: 24, localDaysAfter: 2, worseOff: true });
    expect(of('9007')).toMatchObject({ accessMinutesAfter: 0, localDaysAfter: 5, worseOff: false, breaks: ['informal'] });
    expect(of('9006')).toMatchObject({ accessMinutesAfter: 100, breaks: ['maxTravel', 'informal'] });
  });

  it('counts the worse off and names the worst', () => {
    expect(v.worseOff).toBe(4);
    expect(v.worstOff.map((m) => m.name)).toEqual(['Ro - Rávvu']);
    expect(versusText(v)).toBe(
      'Mot «Dagens struktur»: 4 av 7 kommuner er verre stilt (brukernes reisetid over 0,5 min lengre, ' +
        'eller færre lokale åpningsdager); verst: Ro - Rávvu (+100 min, 5 → 0 dager).',
    );
    // The baseline against itself: nobody is worse off.
    expect(today!.versus.worseOff).toBe(0);
    expect(today!.versus.worstOff).toEqual([]);
  });

  it('writes the table «Kommunene mot <baseline>» to the scenario sheet', () => {
    const spec = scenarioSheet(coop!, 'KP Samarbeid', 0, withParameters());
    const table = spec.tables.find((t) => t.title === 'Kommunene mot Dagens struktur')!;
    expect(table.rows).toHaveLength(7);
    const ro = table.rows.find((r) => r[0] === '9006')!;
    expect(ro).toEqual([
      '9006',
      'Ro - Rávvu',
      'eget kontor',
      'samarbeidskommune',
      '9006',
      '9003',
      0,
      100,
      100,
      0,
      100,
      5,
      0,
      // Staff stationed: alone 4.85 + 1.885 = 6.7 (rounded); served from Hamn now, none.
      6.7,
      0,
      'lengste reisetid på dager uten lokal tjeneste, uformelt samarbeid (ingen vertskommuneavtale)',
      'ja',
    ]);
    // The tables follow each other without overlapping the heading or each other.
    const starts = spec.tables.map((t) => t.startRow);
    expect(starts[0]).toBeGreaterThan(spec.heading!.length);
    spec.tables.slice(1).forEach((t, i) => expect(t.startRow).toBeGreaterThan(starts[i]! + spec.tables[i]!.rows.length + 1));
  });
});
