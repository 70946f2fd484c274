import { KNOWN_COOPERATIONS } from '../../src/data/cooperations';
import { kontorerSheet, sampleScenarios, selectCounty } from '../../src/data/sample';
import { embedded } from '../builders';

describe('the embedded municipality dataset', () => {
  it('holds all 357 municipalities of 2024 with SSB’s national totals', () => {
    const data = embedded();
    expect(data).toHaveLength(357);
    expect(new Set(data.map((m) => m.number)).size).toBe(357);
    expect(new Set(data.map((m) => m.county)).size).toBe(15);
    // SSB table 07459, 1 January (shared/data/raw/SOURCES.md).
    expect(data.reduce((s, m) => s + m.population2024, 0)).toBe(5550203);
    expect(data.reduce((s, m) => s + m.population2025, 0)).toBe(5594340);
    expect(data.reduce((s, m) => s + m.population2026, 0)).toBe(5627400);
    expect(data.every((m) => /^\d{4}$/.test(m.number) && m.lat > 57 && m.lat < 72)).toBe(true);
    expect(data.find((m) => m.number === '0301')).toMatchObject({ name: 'Oslo', county: '03' });
    expect(data.find((m) => m.number === '1841')).toMatchObject({ name: 'Fauske - Fuossko', shortName: 'Fauske', baRegion: '120' });
  });

  it('names every member of every known cooperation', () => {
    const short = new Set(embedded().map((m) => m.shortName));
    for (const c of KNOWN_COOPERATIONS) {
      for (const name of [c.host, ...c.partners.map((p) => p.name)]) expect([c.name, short.has(name)]).toEqual([c.name, true]);
    }
  });
});

describe('sampleScenarios', () => {
  const nordland = selectCounty(embedded(), '18');
  const rows = sampleScenarios(nordland);
  const hostOf = (scenario: string, name: string) => {
    const row = rows.find((r) => r.scenario === scenario && r.name.includes(name))!;
    return nordland.find((m) => m.number === row.host)!.shortName;
  };

  it('has every Nordland municipality once in each scenario', () => {
    expect(nordland).toHaveLength(41);
    for (const s of ['Én kommune – ett kontor (teoretisk utgangspunkt)', 'Kjente samarbeid', 'Ett kontor per BA-region']) {
      const numbers = rows.filter((r) => r.scenario === s).map((r) => r.number);
      expect([s, numbers.length, new Set(numbers).size]).toEqual([s, 41, 41]);
    }
  });

  it('has Fauske hosting Indre Salten and Narvik hosting Evenes', () => {
    for (const m of ['Sørfold', 'Hamarøy', 'Beiarn', 'Saltdal', 'Fauske']) expect(hostOf('Kjente samarbeid', m)).toBe('Fauske');
    expect(hostOf('Kjente samarbeid', 'Evenes')).toBe('Narvik');
    expect(hostOf('Kjente samarbeid', 'Bodø')).toBe('Bodø');
    expect(hostOf('Én kommune – ett kontor (teoretisk utgangspunkt)', 'Sørfold')).toBe('Sørfold');
  });

  it('hosts each BA region at its centre', () => {
    expect(hostOf('Ett kontor per BA-region', 'Gildeskål')).toBe('Bodø');
    expect(hostOf('Ett kontor per BA-region', 'Grane')).toBe('Vefsn');
  });
});

describe('the sample of a county whose member is hosted from another', () => {
  it('says on Gratangen’s row in Troms that NAV Narvik, in Nordland, hosts it today', () => {
    const troms = selectCounty(embedded(), '55');
    expect(troms.some((m) => m.shortName === 'Narvik')).toBe(false);
    const rows = kontorerSheet(troms).tables![0]!.rows;
    const gratangen = rows.find((r) => r[0] === 'NAV Gratangen')!;
    expect(String(gratangen[9])).toContain('i dag med i NAV Narvik med Narvik som vertskommune, utenfor utvalget (004 L141');
    // The others keep the plain proposal.
    expect(rows.filter((r) => String(r[9]).includes('utenfor utvalget'))).toHaveLength(1);
  });
});
