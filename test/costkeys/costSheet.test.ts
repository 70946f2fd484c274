import { VAERNES } from './vaernes';
import { engine } from './sheetEngine';
import { costSheet, type CostSheetOptions } from '../../src/costkeys/costSheet';
import { phaseIn, poolSocialAssistance } from '../../src/costkeys/extras';
import { EVERY_KEY, splitCosts, type CostKey, type CostOffice } from '../../src/costkeys/keys';
import { isFormula } from '../../src/domain/sheets';

/** Every key; the mix lists its drivers out of the sheet's order, which the sums must not notice. */
const KEYS: CostKey[] = EVERY_KEY.map((k) =>
  k.kind === 'mix'
    ? {
        kind: 'mix',
        weights: [
          ['users', 0.3],
          ['population', 0.7],
        ],
      }
    : k,
);
const others = (key: CostKey) => EVERY_KEY.filter((k) => k.kind !== key.kind);
const OPTIONS: CostSheetOptions = { sheetName: 'KP Kostnader 5035', officeName: 'NAV Værnes', costPerFte: 850_000 };
const sheet = (office: CostOffice, key: CostKey, o: Partial<CostSheetOptions> = {}) =>
  costSheet(office, key, { ...OPTIONS, compare: others(key), ...o });

/** Tydal (the last member) grows: population 758 → 1 500, users 9 → 30, spending, FTE 1 → 1.5. */
const TYDAL = 4;
const grown: CostOffice = {
  ...VAERNES,
  members: VAERNES.members.map((m) =>
    m.number === '5033' ? { ...m, population: 1500, users: 30, spending: 1500 * 1_137, municipalFte: 1.5 } : m,
  ),
};
function grow(e: ReturnType<typeof engine>) {
  e.set('KP_Fordeling_', TYDAL, 'Folketall', 1500);
  e.set('KP_Fordeling_', TYDAL, /mottakere$/, 30);
  e.set('KP_Fordeling_', TYDAL, /utgifter/, 1500 * 1_137);
  e.set('KP_Fordeling_', TYDAL, 'Kommunale årsverk', 1.5);
}

/** The comparison table's column for a key, by its position (chosen first, then the others in order). */
const comparisonAmounts = (e: ReturnType<typeof engine>, position: number, n: number) =>
  Array.from({ length: n }, (_, i) => e.get('KP_Nokler_', i, e.table('KP_Nokler_').columns[2 + position]!.header));

describe('the cost sheet, recalculated by a spreadsheet engine (HyperFormula)', () => {
  it('reads in ten seconds: name, amount to pay, share, kroner per inhabitant, change, then the drivers', () => {
    const members = sheet(VAERNES, { kind: 'per-capita' }).tables[0]!;
    expect(members.columns.slice(0, 8).map((c) => c.header)).toEqual([
      'Kommune',
      'Beløp å betale (kr)',
      'Andel',
      'Kr per innbygger',
      'Endring mot egen drift (kr)',
      'Egen drift (kr)',
      'Kommunenr.',
      'Folketall',
    ]);
    // The rounding machinery is to the right of every driver, under its own label.
    const headers = members.columns.map((c) => c.header);
    const firstRounding = headers.findIndex((h) => h.startsWith('Avrunding'));
    expect(firstRounding).toBeGreaterThan(headers.indexOf('Egne linjer (kr)'));
  });

  it.each(KEYS.map((k) => [k.kind, k] as const))(
    '%s: the formulas give exactly the engine’s amounts, and no cell is an error',
    (_, key) => {
      const e = engine(sheet(VAERNES, key));
      expect(e.amounts()).toEqual(splitCosts(VAERNES, key).shares.map((s) => s.amount));
      expect(e.errors()).toEqual([]);
    },
  );

  it.each(KEYS.filter((k) => k.kind !== 'equal').map((k) => [k.kind, k] as const))(
    '%s: after a driver edit the amounts, the comparison of keys and the sensitivity all equal the engine for the changed data',
    (_, key) => {
      const e = engine(sheet(VAERNES, key));
      const before = e.amounts();
      grow(e);
      const split = splitCosts(grown, key);
      expect(e.amounts()).toEqual(split.shares.map((s) => s.amount));
      expect((e.amounts() as number[]).reduce((a, b) => a + b, 0)).toBe(split.total);
      expect(e.amounts()[TYDAL]).not.toBe(before[TYDAL]);
      // Every other key in the comparison, recalculated: the engine's amounts for the changed data.
      others(key).forEach((k, c) => {
        const col = comparisonAmounts(e, 1 + c, 5);
        expect(col).toEqual(splitCosts(grown, k).shares.map((s) => s.amount));
      });
      // The sensitivity of the chosen key, within the krone of rounding.
      const up = e.column('KP_Nokler_', /opp$/, 5) as number[];
      const down = e.column('KP_Nokler_', /ned$/, 5) as number[];
      split.shares.forEach((s, i) => {
        expect(Math.abs(up[i]! - Math.round(s.sensitivityUp))).toBeLessThanOrEqual(1);
        expect(Math.abs(down[i]! - Math.round(s.sensitivityDown))).toBeLessThanOrEqual(1);
      });
      expect(e.errors()).toEqual([]);
    },
  );

  it('every parameter shown changes a result, and the parameters say which key they belong to', () => {
    for (const key of KEYS) {
      const spec = sheet(VAERNES, key, {
        socialPool: 'per-capita',
        phaseIn: {
          member: '5033',
          steps: [
            { label: '2022', share: 0.5 },
            { label: '2023', share: 1 },
          ],
        },
      });
      const params = spec.tables.find((t) => t.name.startsWith('KP_Parametre_'))!;
      expect(params.rows.map((r) => r[0])).not.toContainEqual(expect.stringMatching(/^Vekt /));
      params.rows.forEach((row, r) => {
        const e = engine(spec);
        const cells = () =>
          spec.tables.flatMap((t) =>
            t.rows.flatMap((rw, i) =>
              rw.map((v, c) => (isFormula(v) ? e.hf.getCellValue({ sheet: 0, row: t.startRow + 1 + i, col: c }) : null)),
            ),
          );
        const before = JSON.stringify(cells());
        const v = row[1] as number;
        e.set('KP_Parametre_', r, 'Verdi', v > 1 ? v * 1.2 : v === 0 ? 0.3 : v / 2);
        expect([key.kind, row[0], JSON.stringify(cells()) !== before]).toEqual([key.kind, row[0], true]);
      });
    }
  });

  it('the fixed share and a weight are live parameters, equal to the engine after an edit', () => {
    const fixed: CostKey = { kind: 'fixed-plus', fixed: 0.2, driver: 'population' };
    const e = engine(sheet(VAERNES, fixed));
    e.param(/andel likt fordelt/).set(0.5);
    expect(e.amounts()).toEqual(splitCosts(VAERNES, { ...fixed, fixed: 0.5 }).shares.map((s) => s.amount));
    const mix = KEYS.find((k) => k.kind === 'mix')!;
    const m = engine(sheet(VAERNES, mix));
    m.param(/vekt for folketall/).set(0.1);
    expect(m.amounts()).toEqual(
      splitCosts(VAERNES, {
        kind: 'mix',
        weights: [
          ['users', 0.3],
          ['population', 0.1],
        ],
      }).shares.map((s) => s.amount),
    );
  });

  it('the cost per FTE is shown only when a member uses it, and is then live', () => {
    const e = engine(sheet(VAERNES, { kind: 'per-capita' }));
    e.param(/Kostnad per kommunalt årsverk/).set(900_000);
    const changed = { ...VAERNES, members: VAERNES.members.map((m) => ({ ...m, costPerFte: 900_000 })) };
    expect(e.amounts()).toEqual(splitCosts(changed, { kind: 'per-capita' }).shares.map((s) => s.amount));
    const own = sheet(VAERNES, { kind: 'per-capita' }, { ownCostPerFte: new Set(VAERNES.members.map((m) => m.number)) });
    const params = own.tables.find((t) => t.name.startsWith('KP_Parametre_'))!;
    expect(params.rows.map((r) => r[0])).not.toContainEqual(expect.stringMatching(/Kostnad per kommunalt årsverk/));
  });

  it('a driver from another column of Kommuner gets its own column and weight, and recalculates the same', () => {
    const withColumn: CostOffice = {
      ...VAERNES,
      members: VAERNES.members.map((m, i) => ({ ...m, columns: { Arbeidsledige: [610, 95, 51, 40, 12][i]! } })),
    };
    for (const key of [
      { kind: 'fixed-plus', fixed: 0.1, driver: 'column:Arbeidsledige' },
      {
        kind: 'mix',
        weights: [
          ['column:Arbeidsledige', 0.4],
          ['population', 0.6],
        ],
      },
    ] as CostKey[]) {
      const e = engine(sheet(withColumn, key));
      expect(e.amounts()).toEqual(splitCosts(withColumn, key).shares.map((s) => s.amount));
      e.set('KP_Fordeling_', 4, 'Arbeidsledige', 120);
      const changed = {
        ...withColumn,
        members: withColumn.members.map((m, i) => (i === 4 ? { ...m, columns: { Arbeidsledige: 120 } } : m)),
      };
      expect(e.amounts()).toEqual(splitCosts(changed, key).shares.map((s) => s.amount));
    }
  });
});

describe('cost lines in the sheet', () => {
  const withState: CostOffice = {
    ...VAERNES,
    lines: [
      { name: 'Husleie', amount: 1_200_000, stateShare: 0.4 },
      { name: 'IT og telefoni', amount: 310_000 },
      { name: 'Flyktningtjeneste', amount: 450_000, owner: '5035' },
    ],
  };

  it('the state share of a line is a live cell: only the municipal part is keyed', () => {
    const e = engine(sheet(withState, { kind: 'per-capita' }));
    expect(e.amounts()).toEqual(splitCosts(withState, { kind: 'per-capita' }).shares.map((s) => s.amount));
    expect(splitCosts(withState, { kind: 'per-capita' }).total).toBe(32 * 850_000 + 720_000 + 310_000 + 450_000);
    e.set('KP_Linjer_', 1, /Statens andel/, 0.5);
    const changed = { ...withState, lines: withState.lines.map((l, k) => (k === 1 ? { ...l, stateShare: 0.5 } : l)) };
    expect(e.amounts()).toEqual(splitCosts(changed, { kind: 'per-capita' }).shares.map((s) => s.amount));
    expect(e.get('KP_Linjer_', 0, /Staten betaler/)).toBe(480_000);
  });

  it('a payer typed as a number, or by name, matches the member whose number is text', () => {
    const asLine = (owner: string | undefined) => ({ ...VAERNES, lines: VAERNES.lines.map((l, k) => (k === 1 ? { ...l, owner } : l)) });
    for (const typed of [5032, 'Selbu', '5032'] as const) {
      const e = engine(sheet(VAERNES, { kind: 'per-capita' }));
      e.set('KP_Linjer_', 1, 'Betales av', typed);
      expect([typed, e.amounts()]).toEqual([typed, splitCosts(asLine('5032'), { kind: 'per-capita' }).shares.map((s) => s.amount)]);
      expect(e.get('KP_Linjer_', 1, 'Merknad')).toBe('');
    }
  });

  it('a payer not in the office is shared by the key, with a note at the line; the sum stays exact', () => {
    const e = engine(sheet(VAERNES, { kind: 'per-capita' }));
    e.set('KP_Linjer_', 2, 'Betales av', 1841);
    const shared = { ...VAERNES, lines: VAERNES.lines.map((l) => ({ ...l, owner: undefined })) };
    expect(e.amounts()).toEqual(splitCosts(shared, { kind: 'per-capita' }).shares.map((s) => s.amount));
    expect(e.get('KP_Linjer_', 2, 'Merknad')).toContain('«1841» er ikke med i kontoret');
  });

  it('a line that looks like the staff cost already counted is flagged at its cell, live', () => {
    const doubled: CostOffice = { ...VAERNES, lines: [...VAERNES.lines, { name: 'Drift', amount: 27_000_000 }] };
    const e = engine(sheet(doubled, { kind: 'per-capita' }));
    expect(e.get('KP_Linjer_', 3, 'Merknad')).toContain('innen 10 % av lønnskostnaden');
    expect(e.get('KP_Linjer_', 0, 'Merknad')).toBe('');
    e.set('KP_Linjer_', 3, /^Beløp i alt/, 2_000_000);
    expect(e.get('KP_Linjer_', 3, 'Merknad')).toBe('');
    const named = engine(sheet({ ...VAERNES, lines: [{ name: 'Lønn NAV-ansatte', amount: 100 }] }, { kind: 'per-capita' }));
    expect(named.get('KP_Linjer_', 0, 'Merknad')).toContain('Navnet ligner lønn');
  });
});

describe('social-assistance pool and phase-in in the sheet', () => {
  it('the pool table gives the engine’s amounts, summing to the pot, after a spending edit too', () => {
    for (const pool of ['equal', 'per-capita', 'per-user'] as const) {
      const e = engine(sheet(VAERNES, { kind: 'per-capita' }, { socialPool: pool }));
      const engineShares = poolSocialAssistance(VAERNES, pool).shares;
      expect(e.column('KP_Sosialhjelp_', 'Betaler til potten (kr)')).toEqual(engineShares.map((s) => s.pays));
      expect(e.column('KP_Sosialhjelp_', /^Netto/)).toEqual(engineShares.map((s) => s.net));
      grow(e);
      const after = poolSocialAssistance(grown, pool);
      const pays = e.column('KP_Sosialhjelp_', 'Betaler til potten (kr)') as number[];
      expect(pays).toEqual(after.shares.map((s) => s.pays));
      expect(pays.reduce((a, b) => a + b, 0)).toBe(after.pot);
      expect(e.errors()).toEqual([]);
    }
  });

  it('the phase-in table gives the engine’s years; the year shares are live', () => {
    const steps = [
      { label: '2022', share: 0.5 },
      { label: '2023', share: 0.75 },
      { label: '2024', share: 1 },
    ];
    for (const key of KEYS) {
      const e = engine(sheet(VAERNES, key, { phaseIn: { member: '5033', steps } }));
      const years = phaseIn(splitCosts(VAERNES, key), '5033', steps);
      for (const y of years) expect(e.column('KP_Innfasing_', y.label)).toEqual(y.amounts);
      e.param(/andel av full pris 2022/).set(0.2);
      grow(e);
      const changed = phaseIn(splitCosts(grown, key), '5033', [{ label: '2022', share: 0.2 }]);
      expect(e.column('KP_Innfasing_', '2022')).toEqual(changed[0]!.amounts);
      expect(e.errors()).toEqual([]);
    }
  });
});
