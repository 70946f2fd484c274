import { HyperFormula } from 'hyperformula';
import { VAERNES } from './vaernes';
import { isFormula, type CellValue, type SheetSpec } from '../../src/domain/sheets';
import { layoutSheet } from '../../src/workbook/memory/memoryWorkbook';
import { costSheet } from '../../src/costkeys/costSheet';
import { EVERY_KEY, splitCosts, type CostKey, type CostOffice } from '../../src/costkeys/keys';

/** The sheet as a spreadsheet engine gets it: formulas as "=…", text that looks like a number kept as text. */
function grid(spec: SheetSpec): CellValue[][] {
  const rows = layoutSheet(spec, (v) => (isFormula(v) ? `=${v.formula}` : typeof v === 'string' && /^[\d.,\s-]+$/.test(v) ? `'${v}` : v));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

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

function evaluate(spec: SheetSpec) {
  const hf = HyperFormula.buildFromSheets(
    { S: grid(spec) as (string | number | boolean | null)[][] },
    { licenseKey: 'gpl-v3', useArrayArithmetic: true },
  );
  const members = spec.tables.find((t) => t.name.startsWith('KP_Fordeling_'))!;
  const first = members.startRow + 1; // 0-based row of the first member
  const value = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
  const amounts = () => members.rows.map((_, i) => value(first + i, 16) as number);
  return { hf, members, first, value, amounts };
}

describe('the cost sheet, recalculated by a spreadsheet engine (HyperFormula)', () => {
  it.each(KEYS.map((k) => [k.kind, k] as const))('%s: the formulas give exactly the engine’s amounts', (_, key) => {
    const spec = costSheet(VAERNES, key, { sheetName: 'KP Kostnader 5035', officeName: 'NAV Værnes', costPerFte: 850_000 });
    const { amounts, value, first, members } = evaluate(spec);
    const split = splitCosts(VAERNES, key);
    expect(amounts()).toEqual(split.shares.map((s) => s.amount));
    // No cell in the members table is an error.
    for (let i = 0; i < members.rows.length; i++) for (let c = 0; c < 20; c++) expect(typeof value(first + i, c)).not.toBe('object');
  });

  it.each(KEYS.filter((k) => k.kind !== 'equal').map((k) => [k.kind, k] as const))(
    '%s: change a driver or parameter cell and every amount moves, still summing to the total and equal to the engine',
    (_, key) => {
      const spec = costSheet(VAERNES, key, { sheetName: 'KP Kostnader 5035', officeName: 'NAV Værnes', costPerFte: 850_000 });
      const { hf, amounts, first } = evaluate(spec);
      const before = amounts();
      // Tydal (last member) grows: population 758 → 1 500, users 9 → 30, FTE 1 → 1.5.
      const tydal = first + 4;
      hf.setCellContents({ sheet: 0, row: tydal, col: 2 }, 1500);
      hf.setCellContents({ sheet: 0, row: tydal, col: 3 }, 30);
      hf.setCellContents({ sheet: 0, row: tydal, col: 4 }, 1500 * 1_137);
      hf.setCellContents({ sheet: 0, row: tydal, col: 5 }, 1.5);
      const after = amounts();
      const changed: CostOffice = {
        ...VAERNES,
        members: VAERNES.members.map((m) =>
          m.number === '5033' ? { ...m, population: 1500, users: 30, spending: 1500 * 1_137, municipalFte: 1.5 } : m,
        ),
      };
      const split = splitCosts(changed, key);
      expect(after).toEqual(split.shares.map((s) => s.amount));
      expect(after.reduce((a, b) => a + b, 0)).toBe(split.total);
      expect(after[4]).not.toBe(before[4]);
    },
  );

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
      const spec = costSheet(withColumn, key, { sheetName: 'K', officeName: 'NAV Værnes', costPerFte: 850_000 });
      const { hf, amounts, first } = evaluate(spec);
      expect(amounts()).toEqual(splitCosts(withColumn, key).shares.map((s) => s.amount));
      hf.setCellContents({ sheet: 0, row: first + 4, col: 20 }, 120);
      const changed = {
        ...withColumn,
        members: withColumn.members.map((m, i) => (i === 4 ? { ...m, columns: { Arbeidsledige: 120 } } : m)),
      };
      expect(amounts()).toEqual(splitCosts(changed, key).shares.map((s) => s.amount));
    }
  });

  it('the fixed share is a live parameter cell', () => {
    const key: CostKey = { kind: 'fixed-plus', fixed: 0.2, driver: 'population' };
    const spec = costSheet(VAERNES, key, { sheetName: 'K', officeName: 'NAV Værnes', costPerFte: 850_000 });
    const { hf, amounts } = evaluate(spec);
    const params = spec.tables[0]!;
    hf.setCellContents({ sheet: 0, row: params.startRow + 2, col: 1 }, 0.5);
    expect(amounts()).toEqual(splitCosts(VAERNES, { ...key, fixed: 0.5 }).shares.map((s) => s.amount));
  });

  it('the cost per FTE is a live parameter cell', () => {
    const spec = costSheet(VAERNES, { kind: 'per-capita' }, { sheetName: 'K', officeName: 'NAV Værnes', costPerFte: 850_000 });
    const { hf, amounts } = evaluate(spec);
    hf.setCellContents({ sheet: 0, row: spec.tables[0]!.startRow + 1, col: 1 }, 900_000);
    const changed = { ...VAERNES, members: VAERNES.members.map((m) => ({ ...m, costPerFte: 900_000 })) };
    expect(amounts()).toEqual(splitCosts(changed, { kind: 'per-capita' }).shares.map((s) => s.amount));
  });
});
