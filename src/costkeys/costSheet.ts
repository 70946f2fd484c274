import type { OutputCell, SheetSpec, TableSpec } from '../domain/sheets';
import { columnLetters } from '../io/cells';
import {
  costBase,
  driverLabel,
  keyDrivers as keyDriversOf,
  keyFractions,
  splitCosts,
  staffCost,
  STANDARD_DRIVERS,
  type CostKey,
  type CostOffice,
  type CostSplit,
  type DriverId,
} from './keys';

/**
 * The cost sheet: the chosen key as live Excel formulas over visible driver and parameter
 * cells, so a rådmann can change a population or the fixed share and see every amount move,
 * without the add-in. The arithmetic is the engine's (keys.ts), in the same order, and the
 * rounding is the same largest-remainder rule written as formulas, so the amounts still sum
 * exactly to the total after any change. Below it, the same office under every other key,
 * as values, side by side.
 */

export const KEY_LABELS: Readonly<Record<CostKey['kind'], string>> = {
  equal: 'like deler',
  'per-capita': 'per innbygger',
  'per-user': 'per sosialhjelpsmottaker',
  'per-spending': 'etter sosialhjelpsutgifter',
  'per-fte': 'etter kommunale årsverk',
  'fixed-plus': 'fast andel + variabel del',
  mix: 'blandet nøkkel',
  'own-cost': 'krone for krone',
  pooled: 'felles budsjett (alt per innbygger)',
};

export function keyLabel(key: CostKey): string {
  if (key.kind === 'fixed-plus') return `${Math.round(key.fixed * 1000) / 10} % likt + resten etter ${driverLabel(key.driver)}`;
  if (key.kind === 'mix') return `blandet: ${key.weights.map(([d, w]) => `${driverLabel(d)} ${String(w).replace('.', ',')}`).join(', ')}`;
  return KEY_LABELS[key.kind];
}

/** 1-based Excel row of data row r of a table whose header is at 0-based row `startRow`. */
const rowOf = (t: { startRow: number }, r: number) => t.startRow + 2 + r;

const f = (formula: string, result?: number | string): OutputCell => ({ formula, result });

export type CostSheetOptions = Readonly<{
  sheetName: string;
  officeName: string;
  /** The office's cost per FTE (each member's own overrides it when it has one). */
  costPerFte: number;
  /** Members with their own cost per FTE from the staffing sheet. */
  ownCostPerFte?: ReadonlySet<string>;
  /** Other keys to show side by side. */
  compare?: readonly CostKey[];
  heading?: readonly string[];
}>;

export function costSheet(office: CostOffice, key: CostKey, o: CostSheetOptions): SheetSpec {
  const split = splitCosts(office, key);
  const tag = office.host;
  const heading = o.heading ?? [
    `Kostnadsfordeling for ${o.officeName} – nøkkel: ${keyLabel(key)} (Kontorplan)`,
    'Endre de hvite tallene (folketall, årsverk, kostnad per årsverk, fast andel, vekter, linjer): alle beløp regnes om og summerer seg fortsatt til totalen.',
    'Statlige årsverk er utenfor alle nøkler. Økonomisk sosialhjelp betales av hjemkommunen og er ikke med.',
  ];
  const n = office.members.length;

  // Parameters.
  // Drivers the planner named from other columns of Kommuner: a weight row and a column each.
  const custom = [...new Set(keyDriversOf(key).filter((d) => d.startsWith('column:')))];
  const weightDrivers: DriverId[] = [...STANDARD_DRIVERS, ...custom];
  const params: TableSpec = {
    name: `KP_Parametre_${tag}`,
    startRow: heading.length + 1,
    title: 'Parametre',
    columns: [
      { header: 'Parameter', width: 34 },
      { header: 'Verdi', format: '#,##0.00' },
    ],
    rows: [
      ['Kostnad per kommunalt årsverk (kr)', o.costPerFte],
      ['Fast andel likt fordelt (0–1)', key.kind === 'fixed-plus' ? key.fixed : 0],
      ...weightDrivers.map((d): OutputCell[] => [
        `Vekt ${driverLabel(d)}`,
        key.kind === 'mix' ? (key.weights.find(([x]) => x === d)?.[1] ?? 0) : 0,
      ]),
    ],
  };
  const P = (r: number) => `$B$${rowOf(params, r)}`;
  const costCell = P(0);
  const fixedCell = P(1);
  const weightCell = (d: DriverId) => P(2 + weightDrivers.indexOf(d));

  // Cost lines: at least one row, so every range below is well formed.
  const lineRows = office.lines.length > 0 ? office.lines : [{ name: '(ingen felles linjer)', amount: 0, owner: undefined }];
  const lines: TableSpec = {
    name: `KP_Linjer_${tag}`,
    startRow: params.startRow + params.rows.length + 3,
    title: 'Kostnadslinjer (tom «Betales av»: fordeles etter nøkkelen)',
    columns: [
      { header: 'Linje', width: 30 },
      { header: 'Beløp (kr)', format: '#,##0' },
      { header: 'Betales av (kommunenr.)', width: 14 },
      { header: 'Fordeles', format: '#,##0' },
      { header: 'Egen', format: '#,##0' },
    ],
    rows: lineRows.map((l, r) => {
      const row = rowOf({ startRow: params.startRow + params.rows.length + 3 }, r);
      const shared = l.owner === undefined || key.kind === 'pooled' ? l.amount : 0;
      return [
        l.name,
        l.amount,
        l.owner ?? null,
        key.kind === 'pooled' ? f(`B${row}`, shared) : f(`IF(C${row}="",B${row},0)`, shared),
        f(`B${row}-D${row}`, l.amount - shared),
      ];
    }),
  };
  const L1 = rowOf(lines, 0);
  const Ln = rowOf(lines, lineRows.length - 1);

  // Members: drivers (inputs), then the key's arithmetic column by column.
  const membersStart = lines.startRow + lineRows.length + 3;
  const sumStart = membersStart + n + 3;
  const M1 = membersStart + 2;
  const Mn = M1 + n - 1;
  const S = (r: number) => `$B$${sumStart + 2 + r}`;
  const [STAFF, SHARED, KEYED, OWNED, BASE, TOTAL, LEFT] = [0, 1, 2, 3, 4, 5, 6].map(S) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const range = (c: string) => `$${c}$${M1}:$${c}$${Mn}`;
  // Drivers sit in columns C–F in STANDARD_DRIVERS order, the planner's own from U (index 20) on.
  const driverCol: Record<string, string> = Object.fromEntries(
    [...STANDARD_DRIVERS.map((d, k) => [d, 2 + k] as const), ...custom.map((d, k) => [d, 20 + k] as const)].map(([d, c]) => [
      d,
      columnLetters(c),
    ]),
  );
  const share = (d: DriverId, r: number) => `(${driverCol[d]}${r}/SUM(${range(driverCol[d]!)}))`;
  const fractionFormula = (r: number): string => {
    switch (key.kind) {
      case 'equal':
        return `1/ROWS(${range('A')})`;
      case 'per-capita':
      case 'pooled':
        return `C${r}/SUM(${range('C')})`;
      case 'per-user':
        return `D${r}/SUM(${range('D')})`;
      case 'per-spending':
        return `E${r}/SUM(${range('E')})`;
      case 'per-fte':
        return `F${r}/SUM(${range('F')})`;
      case 'own-cost':
        return `(F${r}*G${r})/SUMPRODUCT(${range('F')},${range('G')})`;
      case 'fixed-plus':
        return `${fixedCell}/ROWS(${range('A')})+(1-${fixedCell})*${share(key.driver, r)}`;
      case 'mix': {
        const wsum = `SUM(${weightCell('population')}:${weightCell(weightDrivers[weightDrivers.length - 1]!)})`;
        return key.weights.map(([d]) => `(${weightCell(d)}/${wsum})*${share(d, r)}`).join('+');
      }
    }
  };
  const priorityFormula = (r: number): string => {
    switch (key.kind) {
      case 'equal':
        return '0';
      case 'own-cost':
        return `F${r}*G${r}`;
      case 'mix':
        return `K${r}`;
      default:
        // As keyPriority: the key's single driver.
        return `${driverCol[keyDriversOf(key)[0]!]}${r}`;
    }
  };
  const fractions = keyFractions(office.members, key);
  const base = costBase(office, key);
  const memberRows = office.members.map((m, i): OutputCell[] => {
    const r = M1 + i;
    const sh = split.shares[i]!;
    const ownLines = office.lines.filter((l) => l.owner === m.number).reduce((a, l) => a + l.amount, 0);
    const exact = ((fractions[i]! * base.keyed + (key.kind === 'pooled' ? 0 : ownLines)) * split.total) / (base.keyed + base.owned);
    const rank = [
      `1+SUMPRODUCT((${range('N')}>N${r})*1)`,
      `SUMPRODUCT((${range('N')}=N${r})*(${range('O')}>O${r}))`,
      ...(i > 0 ? [`SUMPRODUCT(($N$${M1}:N${r - 1}=N${r})*($O$${M1}:O${r - 1}=O${r}))`] : []),
    ].join('+');
    return [
      m.number,
      m.name,
      m.population,
      m.users ?? null,
      m.spending ?? null,
      m.municipalFte,
      o.ownCostPerFte?.has(m.number) ? m.costPerFte : f(costCell, m.costPerFte),
      m.ownPremises ?? 0,
      f(`SUMPRODUCT(($C$${L1}:$C$${Ln}=A${r})*$B$${L1}:$B$${Ln})`, ownLines),
      f(`ROUND(F${r}*G${r}+H${r}+I${r},0)`, sh.standalone),
      f(fractionFormula(r), fractions[i]!),
      f(key.kind === 'pooled' ? `((K${r}*${KEYED})*${TOTAL})/${BASE}` : `((K${r}*${KEYED}+I${r})*${TOTAL})/${BASE}`, exact),
      f(`INT(L${r})`, Math.floor(exact)),
      f(`ROUND(L${r}-M${r},6)`, Math.round((exact - Math.floor(exact)) * 1e6) / 1e6),
      f(priorityFormula(r)),
      f(rank),
      f(`M${r}+IF(P${r}<=${LEFT},1,0)`, sh.amount),
      f(`Q${r}/${TOTAL}`, sh.share),
      f(`IF(C${r}>0,Q${r}/C${r},0)`, sh.perCapita),
      f(`Q${r}-J${r}`, sh.change),
      ...custom.map((d) => m.columns?.[d.slice('column:'.length)] ?? null),
    ];
  });
  const members: TableSpec = {
    name: `KP_Fordeling_${tag}`,
    startRow: membersStart,
    title: `Fordeling – ${keyLabel(key)}`,
    columns: [
      { header: 'Kommunenr.', width: 11 },
      { header: 'Kommune', width: 20 },
      { header: 'Folketall', format: '#,##0' },
      { header: 'Sosialhjelps­mottakere', format: '#,##0' },
      { header: 'Sosialhjelps­utgifter (kr)', format: '#,##0' },
      { header: 'Kommunale årsverk', format: '0.0' },
      { header: 'Kostnad per årsverk (kr)', format: '#,##0' },
      { header: 'Egne lokaler i dag (kr)', format: '#,##0' },
      { header: 'Egne linjer (kr)', format: '#,##0' },
      { header: 'Egen drift (kr)', format: '#,##0' },
      { header: 'Nøkkelandel', format: '0.000%' },
      { header: 'Eksakt beløp', format: '#,##0.00' },
      { header: 'Hele kroner', format: '#,##0' },
      { header: 'Rest', format: '0.000000' },
      { header: 'Prioritet ved lik rest', format: 'General' },
      { header: 'Rang', format: '0' },
      { header: 'Beløp (kr)', format: '#,##0' },
      { header: 'Andel', format: '0.00%' },
      { header: 'Kr per innbygger', format: '#,##0' },
      { header: 'Endring mot egen drift (kr)', format: '#,##0;[Red]-#,##0' },
      ...custom.map((d) => ({ header: driverLabel(d), format: '#,##0.##' })),
    ],
    rows: memberRows,
  };
  const staff = office.members.reduce((a, m) => a + staffCost(m), 0);
  const summary: TableSpec = {
    name: `KP_Sum_${tag}`,
    startRow: sumStart,
    title: 'Summer',
    columns: [
      { header: 'Post', width: 34 },
      { header: 'Kroner', format: '#,##0.00' },
    ],
    rows: [
      ['Kommunale årsverk × kostnad', f(`SUMPRODUCT(${range('F')},${range('G')})`, staff)],
      ['Felles linjer', f(`SUM($D$${L1}:$D$${Ln})`, base.keyed - staff)],
      ['Fordeles etter nøkkelen', f(`${STAFF}+${SHARED}`, base.keyed)],
      ['Betales av én kommune alene', f(`SUM($E$${L1}:$E$${Ln})`, base.owned)],
      ['Kostnad i alt', f(`${KEYED}+${OWNED}`, base.keyed + base.owned)],
      ['Kostnad i alt, hele kroner', f(`ROUND(${BASE},0)`, split.total)],
      [
        'Kroner fordelt etter størst rest',
        f(`${TOTAL}-SUM(${range('M')})`, split.total - memberRows.reduce((a, r) => a + ((r[12] as { result: number }).result ?? 0), 0)),
      ],
    ],
  };
  const tables = [params, lines, members, summary];
  if ((o.compare ?? []).length > 0)
    tables.push(comparisonTable(office, [key, ...o.compare!.filter((k) => k !== key)], tag, sumStart + summary.rows.length + 3));
  return { name: o.sheetName, heading, tables, freezeRows: 0 };
}

/** The office under several keys side by side (values): what each member pays under each. */
export function comparisonTable(office: CostOffice, keys: readonly CostKey[], tag: string, startRow: number): TableSpec {
  const splits: CostSplit[] = keys.map((k) => splitCosts(office, k));
  const chosen = splits[0]!;
  return {
    name: `KP_Nokler_${tag}`,
    startRow,
    title: 'Sammenligning av nøkler, og følsomhet for den valgte (kr per år; tall, ikke formler)',
    columns: [
      { header: 'Kommunenr.', width: 11 },
      { header: 'Kommune', width: 20 },
      { header: 'Egen drift', format: '#,##0' },
      ...keys.map((k) => ({ header: keyLabel(k), format: '#,##0', width: 16 })),
      { header: 'Valgt nøkkel: egen driver +10 %', format: '+#,##0;-#,##0;0', width: 16 },
      { header: 'Valgt nøkkel: egen driver −10 %', format: '+#,##0;-#,##0;0', width: 16 },
    ],
    rows: office.members.map((m, i) => [
      m.number,
      m.name,
      chosen.shares[i]!.standalone,
      ...splits.map((s) => s.shares[i]!.amount),
      Math.round(chosen.shares[i]!.sensitivityUp),
      Math.round(chosen.shares[i]!.sensitivityDown),
    ]),
  };
}
