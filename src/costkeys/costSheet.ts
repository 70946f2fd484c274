import type { OutputCell, SheetSpec, TableSpec } from '../domain/sheets';
import { columnLetters } from '../io/cells';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';
import { SHARED_PAYER_WORDS } from '../io/readCosts';
import { costBreakdown, phaseIn, poolSocialAssistance, STAFF_LIKE_TOLERANCE, STAFF_WORDS, type PhaseStep, type PoolKey } from './extras';
import {
  costBase,
  driverLabel,
  exactAmounts,
  keyDrivers as keyDriversOf,
  keyFractions,
  municipalPart,
  splitCosts,
  STANDARD_DRIVERS,
  type CostKey,
  type CostOffice,
  type CostSplit,
  type DriverId,
} from './keys';

/**
 * The cost sheet a rådmann reads: what each municipality pays beside its name, its share,
 * kroner per inhabitant and the change against running its own office; then the drivers,
 * the same office under every other key, the parameters, the cost lines with the state's
 * part, and the sums. Everything is a live formula over visible driver and parameter cells,
 * so a what-if edit keeps the whole sheet consistent without the add-in: the chosen key, the
 * comparison of keys, the sensitivity, the social-assistance pool and the phase-in.
 * The arithmetic is the engine's (keys.ts, extras.ts), in the same order, and the rounding is
 * the same largest-remainder rule as formulas, so amounts still sum exactly to the total.
 * The rounding columns sit to the right of the drivers, under their own heading.
 */

const KEY_CODES: Readonly<Record<CostKey['kind'], MessageCode>> = {
  equal: 'keyEqual',
  'per-capita': 'keyPerCapita',
  'per-user': 'keyPerUser',
  'per-spending': 'keyPerSpending',
  'per-fte': 'keyPerFte',
  'fixed-plus': 'keyFixedPlus',
  mix: 'keyMix',
  'own-cost': 'keyOwnCost',
  pooled: 'keyPooled',
};

/** The keys' names in Norwegian (the task pane's list). */
export const KEY_LABELS: Readonly<Record<CostKey['kind'], string>> = Object.fromEntries(
  Object.entries(KEY_CODES).map(([k, code]) => [k, message(code)]),
) as Record<CostKey['kind'], string>;

/** A key's name with its parameters, in the language asked for. */
export function keyLabel(key: CostKey, lang: Language = 'nb'): string {
  const dec = (x: number) => (lang === 'en' ? String(x) : String(x).replace('.', ','));
  if (key.kind === 'fixed-plus')
    return message('keyFixedPlusLabel', { percent: dec(Math.round(key.fixed * 1000) / 10), driver: driverLabel(key.driver, lang) }, lang);
  if (key.kind === 'mix')
    return message('keyMixLabel', { weights: key.weights.map(([d, w]) => `${driverLabel(d, lang)} ${dec(w)}`).join(', ') }, lang);
  return message(KEY_CODES[key.kind], {}, lang);
}

/** A key's name as a column header: its kind, not its parameters (they are live cells). */
function keyHeader(key: CostKey, lang: Language = 'nb'): string {
  if (key.kind === 'fixed-plus') return message('csKeyHeaderFixed', { driver: driverLabel(key.driver, lang) }, lang);
  if (key.kind === 'mix')
    return message('csKeyHeaderMix', { drivers: key.weights.map(([d]) => driverLabel(d, lang)).join(message('csAnd', {}, lang)) }, lang);
  return message(KEY_CODES[key.kind], {}, lang);
}

/** 1-based Excel row of data row r of a table whose header is at 0-based row `startRow`. */
const rowOf = (t: { startRow: number }, r: number) => t.startRow + 2 + r;

const f = (formula: string, result?: number | string): OutputCell => ({ formula, result });

/** The share of the staff cost a line must come within to be flagged (the sheet's text). */
const toleranceText = (lang: Language) => `${Math.round(STAFF_LIKE_TOLERANCE * 100)}${lang === 'en' ? '' : ' '}%`;

/** A text in an Excel formula: a string literal, its quotes doubled. */
const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;

export type CostSheetOptions = Readonly<{
  sheetName: string;
  officeName: string;
  /** The office's cost per FTE (each member's own overrides it when it has one). */
  costPerFte: number;
  /** Members with their own cost per FTE from the staffing sheet. */
  ownCostPerFte?: ReadonlySet<string>;
  /** Other keys to show side by side. */
  compare?: readonly CostKey[];
  /** Pool economic social assistance with this key (a table of its own). */
  socialPool?: PoolKey;
  /** Phase a joining member in: its number and the share it pays each year. */
  phaseIn?: Readonly<{ member: string; steps: readonly PhaseStep[] }>;
  /** How far (0–1) the sensitivity moves a member's own driver; default 0.1. */
  sensitivity?: number;
  heading?: readonly string[];
  /** The language of the titles, headers and notes (the sheet's name stays, so readers find it). */
  lang?: Language;
}>;

/** Columns of the members table (fixed letters; the planner's own drivers and the helpers follow). */
const COL = {
  name: 'A',
  amount: 'B',
  share: 'C',
  perCapita: 'D',
  change: 'E',
  standalone: 'F',
  number: 'G',
  population: 'H',
  users: 'I',
  spending: 'J',
  fte: 'K',
  costPerFte: 'L',
  staff: 'M',
  premises: 'N',
  ownLines: 'O',
} as const;
const FIRST_FREE = 15; // P

export function costSheet(office: CostOffice, key: CostKey, o: CostSheetOptions): SheetSpec {
  const c = sheetContext(office, key, o);
  const summary = summaryTable(c);
  const tables: TableSpec[] = [membersTable(c), comparisonTable(c), c.paramTable, linesTable(c), summary];
  let next = c.sumStart + summary.rows.length + 3;

  if (o.socialPool) {
    tables.push(poolTable(c, o.socialPool, next));
    next += c.n + 3;
  }

  const phase = o.phaseIn;
  if (phase && c.joinerIndex >= 0) tables.push(phaseTable(c, phase, next));

  return { name: o.sheetName, heading: c.heading, tables, freezeRows: 0 };
}

type Translate = (code: MessageCode, params?: MessageParams) => string;

/** A parameter the sheet shows as a live cell. */
type Param = { id: string; label: string; value: number };

/** The columns after the fixed ones: the planner's own drivers, the rounding helpers, the compared keys' helpers. */
type ColumnPlan = Readonly<{
  custom: readonly DriverId[];
  driverCol: Readonly<Record<string, string>>;
  R: Readonly<{ fraction: string; exact: string; whole: string; rest: string; priority: string; rank: string }>;
  helper: readonly Readonly<{ fraction: string; exact: string }>[];
}>;

/** The cells of the sums table, as absolute references (staff, shared lines, keyed, owned, base, total, left, pot). */
type SumCells = Readonly<Record<'STAFF' | 'SHARED' | 'KEYED' | 'OWNED' | 'BASE' | 'TOTAL' | 'LEFT' | 'POT', string>>;

/** What every table of the sheet shares: the inputs, the texts, the columns, the row positions and the cells formulas refer to. */
type SheetContext = ColumnPlan &
  Readonly<{
    office: CostOffice;
    key: CostKey;
    o: CostSheetOptions;
    split: CostSplit;
    compareSplits: readonly CostSplit[];
    tag: string;
    n: number;
    compare: readonly CostKey[];
    lang: Language;
    t: Translate;
    driver: (d: DriverId) => string;
    header: (k: CostKey) => string;
    heading: readonly string[];
    membersStart: number;
    compareStart: number;
    M1: number;
    range: (c: string) => string;
    usesOfficeCost: boolean;
    joinerIndex: number;
    paramTable: TableSpec;
    P: (id: string) => string;
    weightSum: string;
    linesStart: number;
    lineRows: CostOffice['lines'];
    L1: number;
    lrange: (c: string) => string;
    sumStart: number;
    sums: SumCells;
    /** The keyed and owned sums the formulas reproduce, and the staff costs, worked out once. */
    base: ReturnType<typeof costBase>;
    staffTotal: number;
  }>;

/** The sheet's inputs, texts, columns and row positions, worked out once for every table. */
function sheetContext(office: CostOffice, key: CostKey, o: CostSheetOptions): SheetContext {
  const tag = office.host;
  const n = office.members.length;
  const compare = (o.compare ?? []).filter((k) => k.kind !== key.kind);
  const shown = [key, ...compare];
  const lang = o.lang ?? 'nb';
  const t: Translate = (code, params = {}) => message(code, params, lang);
  const driver = (d: DriverId) => driverLabel(d, lang);
  const heading = o.heading ?? [t('csTitle', { office: o.officeName, key: keyLabel(key, lang) }), t('csEditHint'), t('csStateNote')];

  // Row positions, top to bottom: members, comparison, parameters, lines, sums, pool, phase-in.
  const membersStart = heading.length + 1;
  const M1 = membersStart + 2;
  const Mn = M1 + n - 1;
  const range = (c: string) => `$${c}$${M1}:$${c}$${Mn}`;
  const compareStart = membersStart + n + 3;
  const compareRows = n + 1;

  const { params, mixDrivers, usesOfficeCost, joinerIndex } = parameterList(office, key, shown, o, t, driver);
  const paramTable = parameterTable(params, tag, compareStart + compareRows + 3, t);
  const P = (id: string) =>
    `$B$${rowOf(
      paramTable,
      params.findIndex((p) => p.id === id),
    )}`;
  const weightSum = mixDrivers.length > 0 ? `SUM(${P(`w:${mixDrivers[0]![0]}`)}:${P(`w:${mixDrivers[mixDrivers.length - 1]![0]}`)})` : '1';

  // Cost lines, with the state's part: at least one row, so every range is well formed.
  const linesStart = paramTable.startRow + paramTable.rows.length + 3;
  const lineRows = office.lines.length > 0 ? office.lines : [{ name: t('csNoLines'), amount: 0, owner: undefined, stateShare: 0 }];
  const L1 = linesStart + 2;
  const Ln = L1 + lineRows.length - 1;
  const lrange = (c: string) => `$${c}$${L1}:$${c}$${Ln}`;

  // Sums (what the formulas above refer to).
  const sumStart = linesStart + lineRows.length + 3;
  return {
    ...columnPlan(shown, compare),
    office,
    key,
    o,
    split: splitCosts(office, key),
    compareSplits: compare.map((k) => splitCosts(office, k)),
    tag,
    n,
    compare,
    lang,
    t,
    driver,
    header: (k: CostKey) => keyHeader(k, lang),
    heading,
    membersStart,
    compareStart,
    M1,
    range,
    usesOfficeCost,
    joinerIndex,
    paramTable,
    P,
    weightSum,
    linesStart,
    lineRows,
    L1,
    lrange,
    sumStart,
    sums: sumCells(sumStart),
    base: costBase(office, key),
    staffTotal: costBreakdown(office).staffTotal,
  };
}

/** The planner's own driver columns (from Kommuner), then the helper columns. */
function columnPlan(shown: readonly CostKey[], compare: readonly CostKey[]): ColumnPlan {
  const custom = [...new Set(shown.flatMap((k) => keyDriversOf(k)).filter((d) => d.startsWith('column:')))];
  const driverCol: Record<string, string> = {
    population: COL.population,
    users: COL.users,
    spending: COL.spending,
    fte: COL.fte,
    ...Object.fromEntries(custom.map((d, k) => [d, columnLetters(FIRST_FREE + k)])),
  };
  const roundStart = FIRST_FREE + custom.length;
  const R = {
    fraction: columnLetters(roundStart),
    exact: columnLetters(roundStart + 1),
    whole: columnLetters(roundStart + 2),
    rest: columnLetters(roundStart + 3),
    priority: columnLetters(roundStart + 4),
    rank: columnLetters(roundStart + 5),
  };
  // Per compared key: its fraction and exact amount (the comparison table rounds them).
  const helper = compare.map((_, k) => ({ fraction: columnLetters(roundStart + 6 + 2 * k), exact: columnLetters(roundStart + 7 + 2 * k) }));
  return { custom, driverCol, R, helper };
}

/** The sums table's cells by row: staff, shared lines, keyed, owned, base, total, left, state (, pot). */
function sumCells(sumStart: number): SumCells {
  const S = (r: number) => `$B$${sumStart + 2 + r}`;
  return { STAFF: S(0), SHARED: S(1), KEYED: S(2), OWNED: S(3), BASE: S(4), TOTAL: S(5), LEFT: S(6), POT: S(8) };
}

/** Parameters: only those a shown formula uses, with the mix's drivers in the sheet's order and the joining member's row. */
function parameterList(
  office: CostOffice,
  key: CostKey,
  shown: readonly CostKey[],
  o: CostSheetOptions,
  t: Translate,
  driver: (d: DriverId) => string,
): { params: Param[]; mixDrivers: (readonly [DriverId, number])[]; usesOfficeCost: boolean; joinerIndex: number } {
  const params: Param[] = [];
  const usesOfficeCost = office.members.some((m) => !o.ownCostPerFte?.has(m.number));
  if (usesOfficeCost) params.push({ id: 'cost', label: t('csParamCost'), value: o.costPerFte });
  const fixedKey = shown.find((k) => k.kind === 'fixed-plus') as Extract<CostKey, { kind: 'fixed-plus' }> | undefined;
  if (fixedKey)
    params.push({
      id: 'fixed',
      label: t('csParamFixed', { driver: driver(fixedKey.driver) }),
      value: fixedKey.fixed,
    });
  const mixKey = shown.find((k) => k.kind === 'mix') as Extract<CostKey, { kind: 'mix' }> | undefined;
  const rankOf = (d: DriverId) => STANDARD_DRIVERS.indexOf(d) + 1 || 99;
  const mixDrivers = mixKey ? [...mixKey.weights].sort((a, b) => rankOf(a[0]) - rankOf(b[0])) : [];
  for (const [d, w] of mixDrivers) params.push({ id: `w:${d}`, label: t('csParamWeight', { driver: driver(d) }), value: w });
  const sensitivity = o.sensitivity ?? 0.1;
  const anySensitivity = shown.length > 0 && keyDriversOf(key).length > 0;
  if (anySensitivity) params.push({ id: 'sens', label: t('csParamSensitivity'), value: sensitivity });
  const phase = o.phaseIn;
  const joinerIndex = phase ? office.members.findIndex((m) => m.number === phase.member) : -1;
  if (phase)
    phase.steps.forEach((s, k) =>
      params.push({
        id: `phase:${k}`,
        label: t('csParamPhase', { member: office.members[joinerIndex]?.name ?? phase.member, step: s.label }),
        value: s.share,
      }),
    );
  return { params, mixDrivers, usesOfficeCost, joinerIndex };
}

/** The parameters table: a label and a live value per parameter, or a line saying there is none. */
function parameterTable(params: readonly Param[], tag: string, paramsStart: number, t: Translate): TableSpec {
  return {
    name: `KP_Parametre_${tag}`,
    startRow: paramsStart,
    title: t('csParamsTitle'),
    columns: [
      { header: t('csParameter'), width: 34 },
      { header: t('csValue'), format: '#,##0.00' },
    ],
    rows: params.length > 0 ? params.map((p) => [p.label, p.value]) : [[t('csNoParams'), null]],
  };
}

/** The base a key's fraction applies to: the whole base for the pooled budget, otherwise the keyed part. */
const keyedOf = (c: SheetContext, k: CostKey) => (k.kind === 'pooled' ? c.sums.BASE : c.sums.KEYED);

/** A key's fraction for member row r; `factor` scales that member's own drivers (sensitivity). */
function fraction(c: SheetContext, k: CostKey, r: number, factor?: string): string {
  const { range, P } = c;
  const part = (col: string) =>
    factor === undefined ? `(${col}${r}/SUM(${range(col)}))` : `((${factor})*${col}${r}/(SUM(${range(col)})+((${factor})-1)*${col}${r}))`;
  const share = (d: DriverId) => part(c.driverCol[d]!);
  switch (k.kind) {
    case 'equal':
      return `(1/ROWS(${range(COL.name)}))`;
    case 'per-capita':
    case 'pooled':
      return share('population');
    case 'per-user':
      return share('users');
    case 'per-spending':
      return share('spending');
    case 'per-fte':
      return share('fte');
    case 'own-cost':
      return part(COL.staff);
    case 'fixed-plus':
      return `(${P('fixed')}/ROWS(${range(COL.name)})+(1-${P('fixed')})*${share(k.driver)})`;
    case 'mix':
      return `(${k.weights.map(([d]) => `(${P(`w:${d}`)}/${c.weightSum})*${share(d)}`).join('+')})`;
  }
}

/** The exact amount, scaled to the whole-kroner total, as the engine (splitCosts). */
function exactFormula(c: SheetContext, k: CostKey, fractionCell: string, r: number): string {
  const { BASE, KEYED, TOTAL } = c.sums;
  return k.kind === 'pooled'
    ? `((${fractionCell}*${BASE})*${TOTAL})/${BASE}`
    : `((${fractionCell}*${KEYED}+${COL.ownLines}${r})*${TOTAL})/${BASE}`;
}

/** The tie-break of the rounding as a range (keyPriority), or undefined for equal shares. */
function priorityRange(c: SheetContext, k: CostKey, fractionCol: string): string | undefined {
  if (k.kind === 'equal') return undefined;
  if (k.kind === 'own-cost') return c.range(COL.staff);
  if (k.kind === 'mix') return c.range(fractionCol);
  return c.range(c.driverCol[keyDriversOf(k)[0]!]!);
}

/** A range's cell in row r: `$X$1:$X$9` → `X<r>`. */
const rowCell = (rng: string, r: number) => rng.replace(/^\$(\w+)\$\d+:.*$/, `$1${r}`);

/** The rounding remainder of a cell or range, to six decimals. */
const rem = (v: string) => `ROUND(${v}-INT(${v}),6)`;

/**
 * Largest remainder in one cell: the integer part, plus one krone when the member's
 * remainder ranks within the kroner left (ties: larger priority, then the earlier member).
 */
function roundedInline(c: SheetContext, x: string, prio: string | undefined, r: number): string {
  const { M1 } = c;
  const X = c.range(x);
  const before = r > M1 ? `$${x}$${M1}:${x}${r - 1}` : undefined;
  const terms = [`1+SUMPRODUCT((${rem(X)}>${rem(`${x}${r}`)})*1)`];
  if (prio) terms.push(`SUMPRODUCT((${rem(X)}=${rem(`${x}${r}`)})*(${prio}>${rowCell(prio, r)}))`);
  if (before) {
    const pb = prio ? `*(${prio.replace(/:\$(\w+)\$\d+$/, `:$1${r - 1}`)}=${rowCell(prio, r)})` : '';
    terms.push(`SUMPRODUCT((${rem(before)}=${rem(`${x}${r}`)})${pb})`);
  }
  return `INT(${x}${r})+IF(${terms.join('+')}<=${c.sums.TOTAL}-SUMPRODUCT(INT(${X})),1,0)`;
}

/** The members table: what each pays, its drivers and costs, and the rounding helpers to the right. */
function membersTable(c: SheetContext): TableSpec {
  const { office, key, t } = c;
  const fractions = keyFractions(office.members, key);
  const { base } = c;
  const exactAll = exactAmounts(office, key);
  const scale = base.keyed + base.owned > 0 ? c.split.total / (base.keyed + base.owned) : 0;
  const rows = office.members.map((m, i): OutputCell[] => memberRow(c, m, i, fractions[i]!, exactAll[i]! * scale));
  return {
    name: `KP_Fordeling_${c.tag}`,
    startRow: c.membersStart,
    title: t('csMembersTitle', { key: keyLabel(key, c.lang) }),
    columns: [
      { header: t('csMunicipality'), width: 20 },
      { header: t('csAmount'), format: '#,##0', width: 16 },
      { header: t('csShare'), format: '0.0%' },
      { header: t('csPerCapita'), format: '#,##0' },
      { header: t('csChange'), format: '+#,##0;[Red]-#,##0;0', width: 16 },
      { header: t('csStandalone'), format: '#,##0' },
      { header: t('csNumber'), width: 11 },
      { header: t('csPopulation'), format: '#,##0' },
      { header: t('csUsers'), format: '#,##0' },
      { header: t('csSpending'), format: '#,##0' },
      { header: t('csFte'), format: '0.0' },
      { header: t('csCostPerFte'), format: '#,##0' },
      { header: t('csStaffCost'), format: '#,##0' },
      { header: t('csPremises'), format: '#,##0' },
      { header: t('csOwnLines'), format: '#,##0' },
      ...c.custom.map((d) => ({ header: c.driver(d), format: '#,##0.##' })),
      { header: t('csRoundFraction'), format: '0.000%' },
      { header: t('csRoundExact'), format: '#,##0.00' },
      { header: t('csRoundWhole'), format: '#,##0' },
      { header: t('csRoundRest'), format: '0.000000' },
      { header: t('csRoundPriority'), format: 'General' },
      { header: t('csRoundRank'), format: '0' },
      ...c.compare.flatMap((k) => [
        { header: t('csHelpShare', { key: c.header(k) }), format: '0.000%' },
        { header: t('csHelpExact', { key: c.header(k) }), format: '#,##0.00' },
      ]),
    ],
    rows,
  };
}

/** Member i's row of the members table, given the engine's fraction and exact amount for it. */
function memberRow(c: SheetContext, m: CostOffice['members'][number], i: number, fractionValue: number, exact: number): OutputCell[] {
  const { office, key, R, M1, range, P, lrange } = c;
  const r = M1 + i;
  const sh = c.split.shares[i]!;
  const ownLines = office.lines.filter((l) => l.owner === m.number).reduce((a, l) => a + municipalPart(l), 0);
  const rank = [
    `1+SUMPRODUCT((${range(R.rest)}>${R.rest}${r})*1)`,
    `SUMPRODUCT((${range(R.rest)}=${R.rest}${r})*(${range(R.priority)}>${R.priority}${r}))`,
    ...(i > 0
      ? [`SUMPRODUCT(($${R.rest}$${M1}:${R.rest}${r - 1}=${R.rest}${r})*($${R.priority}$${M1}:${R.priority}${r - 1}=${R.priority}${r}))`]
      : []),
  ].join('+');
  const priority = (): string => {
    if (key.kind === 'equal') return '0';
    if (key.kind === 'own-cost') return `${COL.staff}${r}`;
    if (key.kind === 'mix') return `${R.fraction}${r}`;
    return `${c.driverCol[keyDriversOf(key)[0]!]}${r}`;
  };
  return [
    m.name,
    f(`${R.whole}${r}+IF(${R.rank}${r}<=${c.sums.LEFT},1,0)`, sh.amount),
    f(`IF(${c.sums.TOTAL}>0,${COL.amount}${r}/${c.sums.TOTAL},0)`, sh.share),
    f(`IF(${COL.population}${r}>0,${COL.amount}${r}/${COL.population}${r},0)`, sh.perCapita),
    f(`${COL.amount}${r}-${COL.standalone}${r}`, sh.change),
    f(`ROUND(${COL.staff}${r}+${COL.premises}${r}+${COL.ownLines}${r},0)`, sh.standalone),
    m.number,
    m.population,
    m.users ?? null,
    m.spending ?? null,
    m.municipalFte,
    c.usesOfficeCost && !c.o.ownCostPerFte?.has(m.number) ? f(P('cost'), m.costPerFte) : m.costPerFte,
    f(`${COL.fte}${r}*${COL.costPerFte}${r}`, m.municipalFte * m.costPerFte),
    m.ownPremises ?? 0,
    f(`SUMPRODUCT((${lrange('G')}=${COL.number}${r})*${lrange('I')})`, ownLines),
    ...c.custom.map((d) => m.columns?.[d.slice('column:'.length)] ?? null),
    f(fraction(c, key, r), fractionValue),
    f(exactFormula(c, key, `${R.fraction}${r}`, r), exact),
    f(`INT(${R.exact}${r})`, Math.floor(exact)),
    f(`ROUND(${R.exact}${r}-${R.whole}${r},6)`, Math.round((exact - Math.floor(exact)) * 1e6) / 1e6),
    f(priority()),
    f(rank),
    ...c.compare.flatMap((k, j) => {
      const fr = `${c.helper[j]!.fraction}${r}`;
      return [f(fraction(c, k, r)), f(exactFormula(c, k, fr, r))];
    }),
  ];
}

/** The comparison of keys and the sensitivity of the chosen one, as formulas. */
function comparisonTable(c: SheetContext): TableSpec {
  const { office, key, compare, split, t, n, M1 } = c;
  const chosenDrivers = keyDriversOf(key);
  const sens = (r: number, up: boolean): string => {
    const factor = up ? `1+${c.P('sens')}` : `1-${c.P('sens')}`;
    const kd = keyedOf(c, key);
    const keyed = chosenDrivers.includes('fte') ? `(${kd}+((${factor})-1)*${COL.staff}${r})` : kd;
    return `ROUND(${fraction(c, key, r, factor)}*${keyed}-${c.R.fraction}${r}*${kd},0)`;
  };
  return {
    name: `KP_Nokler_${c.tag}`,
    startRow: c.compareStart,
    title: t('csCompareTitle'),
    columns: [
      { header: t('csMunicipality'), width: 20 },
      { header: t('csStandaloneShort'), format: '#,##0' },
      { header: t('csChosen', { key: c.header(key) }), format: '#,##0', width: 16 },
      ...compare.map((k) => ({ header: c.header(k), format: '#,##0', width: 16 })),
      { header: t('csSensUp'), format: '+#,##0;-#,##0;0', width: 16 },
      { header: t('csSensDown'), format: '+#,##0;-#,##0;0', width: 16 },
    ],
    rows: [
      ...office.members.map((m, i): OutputCell[] => {
        const r = M1 + i;
        return [
          f(`${COL.name}${r}`, m.name),
          f(`${COL.standalone}${r}`, split.shares[i]!.standalone),
          f(`${COL.amount}${r}`, split.shares[i]!.amount),
          ...compare.map((k, j) =>
            f(roundedInline(c, c.helper[j]!.exact, priorityRange(c, k, c.helper[j]!.fraction), r), c.compareSplits[j]!.shares[i]!.amount),
          ),
          // Equal shares move with no driver: a plain 0.
          chosenDrivers.length === 0 ? 0 : f(sens(r, true), Math.round(split.shares[i]!.sensitivityUp)),
          chosenDrivers.length === 0 ? 0 : f(sens(r, false), Math.round(split.shares[i]!.sensitivityDown)),
        ];
      }),
      (() => {
        const first = c.compareStart + 2;
        const last = first + n - 1;
        const colSum = (j: number) => {
          const col = columnLetters(j);
          return f(`SUM(${col}${first}:${col}${last})`);
        };
        return [t('csSum'), ...Array.from({ length: 2 + compare.length }, (_, j) => colSum(j + 1)), null, null];
      })(),
    ],
  };
}

/** Lines: the whole amount, the state's share, and who pays the municipal part. */
function linesTable(c: SheetContext): TableSpec {
  const { t } = c;
  const { staffTotal } = c;
  return {
    name: `KP_Linjer_${c.tag}`,
    startRow: c.linesStart,
    title: t('csLinesTitle'),
    columns: [
      { header: t('csLine'), width: 30 },
      { header: t('csLineAmount'), format: '#,##0' },
      { header: t('csStateShare'), format: '0%' },
      { header: t('csStatePays'), format: '#,##0' },
      { header: t('csMunicipalitiesPay'), format: '#,##0' },
      { header: t('csPaidBy'), width: 14 },
      { header: t('csPayer'), width: 12 },
      { header: t('csShared'), format: '#,##0' },
      { header: t('csOwn'), format: '#,##0' },
      { header: t('csNote'), width: 50 },
    ],
    rows: c.lineRows.map((l, k) => lineRow(c, l, c.L1 + k, staffTotal)),
  };
}

/** The words that mean «shared» as an array constant (MATCH compares them without case, as the reader does). */
const SHARED_WORDS = `{${SHARED_PAYER_WORDS.map((w) => `"${w}"`).join(',')}}`;

/** A cost line's row in sheet row r: its parts, its payer and a note when it looks like the staff cost. */
function lineRow(c: SheetContext, l: CostOffice['lines'][number], r: number, staffTotal: number): OutputCell[] {
  const { t, range, lang } = c;
  const { STAFF } = c.sums;
  const municipal = municipalPart(l);
  const shared = l.owner === undefined ? municipal : 0;
  const nameNote = STAFF_WORDS.test(l.name) ? t('csNameLikeStaff') : '';
  // The payer's cell within the note: the text before and after its name.
  const [notInBefore, notInAfter] = t('csNotInOffice').split('{payer}') as [string, string];
  const payer = c.office.members.find((m) => m.number === l.owner);
  return [
    l.name,
    l.amount,
    l.stateShare ?? 0,
    f(`B${r}*C${r}`, l.amount - municipal),
    f(`B${r}*(1-C${r})`, municipal),
    payer ? payer.number : null,
    f(
      `IF(F${r}="","",IFERROR(INDEX(${range(COL.number)},MATCH(F${r},${range(COL.name)},0)),IFERROR(TEXT(F${r},"0000"),F${r})))`,
      l.owner ?? '',
    ),
    f(`E${r}-I${r}`, shared),
    f(`IF(SUMPRODUCT((${range(COL.number)}=G${r})*1)>0,E${r},0)`, municipal - shared),
    f(
      `${literal(nameNote)}&IF(AND(G${r}<>"",ISNA(MATCH(G${r},${SHARED_WORDS},0)),I${r}=0),${literal(notInBefore)}&F${r}&${literal(notInAfter)},"")&IF(AND(${STAFF}>0,ABS(B${r}-${STAFF})<=${STAFF_LIKE_TOLERANCE}*${STAFF}),${literal(t('csLikeStaff', { tolerance: toleranceText(lang) }))},"")`,
      nameNote + (staffTotal > 0 && Math.abs(l.amount - staffTotal) <= STAFF_LIKE_TOLERANCE * staffTotal ? t('csLikeStaffShort') : ''),
    ),
  ];
}

/** The sums the formulas above refer to: staff, lines, keyed, owned, base, total, kroner left, state (and the pool's pot). */
function summaryTable(c: SheetContext): TableSpec {
  const { office, t, range, lrange, R } = c;
  const { STAFF, SHARED, KEYED, OWNED, BASE, TOTAL } = c.sums;
  const { base, staffTotal } = c;
  const summaryRows: OutputCell[][] = [
    [t('csSumStaff'), f(`SUM(${range(COL.staff)})`, staffTotal)],
    [
      t('csSumShared'),
      f(
        `SUM(${lrange('H')})`,
        office.lines.filter((l) => l.owner === undefined).reduce((a, l) => a + municipalPart(l), 0),
      ),
    ],
    [t('csSumKeyed'), f(`${STAFF}+${SHARED}`)],
    [t('csSumOwned'), f(`SUM(${lrange('I')})`)],
    [t('csSumBase'), f(`${KEYED}+${OWNED}`, base.keyed + base.owned)],
    [t('csSumTotal'), f(`ROUND(${BASE},0)`, c.split.total)],
    [t('csSumLeft'), f(`${TOTAL}-SUM(${range(R.whole)})`)],
    [t('csSumState'), f(`SUM(${lrange('D')})`)],
  ];
  if (c.o.socialPool) summaryRows.push([t('csSumPool'), f(`ROUND(SUM(${range(COL.spending)}),0)`)]);
  return {
    name: `KP_Sum_${c.tag}`,
    startRow: c.sumStart,
    title: t('csSumTitle'),
    columns: [
      { header: t('csPost'), width: 34 },
      { header: t('csKroner'), format: '#,##0.00' },
    ],
    rows: summaryRows,
  };
}

/** The social-assistance pool from row `start`: what each pays into the pot, its own spending and the net. */
function poolTable(c: SheetContext, socialPool: PoolKey, start: number): TableSpec {
  const { office, t, n, M1, range } = c;
  const { POT } = c.sums;
  const pool = poolSocialAssistance(office, socialPool);
  const poolKey: CostKey = { kind: socialPool };
  const p1 = start + 2;
  const prow = (i: number) => p1 + i;
  const prange = (col: string) => `$${col}$${p1}:$${col}$${p1 + n - 1}`;
  const poolPrio = socialPool === 'equal' ? undefined : range(c.driverCol[keyDriversOf(poolKey)[0]!]!);
  return {
    name: `KP_Sosialhjelp_${c.tag}`,
    startRow: start,
    title: t('csPoolTitle', { key: keyLabel(poolKey, c.lang) }),
    columns: [
      { header: t('csMunicipality'), width: 20 },
      { header: t('csPoolPays'), format: '#,##0' },
      { header: t('csPoolOwn'), format: '#,##0' },
      { header: t('csPoolNet'), format: '+#,##0;[Red]-#,##0;0' },
      { header: t('csPoolShare'), format: '0.000%' },
      { header: t('csPoolExact'), format: '#,##0.00' },
    ],
    rows: office.members.map((m, i): OutputCell[] => {
      const r = M1 + i;
      const pr = prow(i);
      const prioHere = poolPrio ? rowCell(poolPrio, r) : undefined;
      const terms = [`1+SUMPRODUCT((${rem(prange('F'))}>${rem(`F${pr}`)})*1)`];
      if (poolPrio) terms.push(`SUMPRODUCT((${rem(prange('F'))}=${rem(`F${pr}`)})*(${poolPrio}>${prioHere}))`);
      if (i > 0) {
        const pb = poolPrio ? `*(${poolPrio.replace(/:\$(\w+)\$\d+$/, `:$1${r - 1}`)}=${prioHere})` : '';
        terms.push(`SUMPRODUCT((${rem(`$F$${p1}:F${pr - 1}`)}=${rem(`F${pr}`)})${pb})`);
      }
      return [
        f(`${COL.name}${r}`, m.name),
        f(`INT(F${pr})+IF(${terms.join('+')}<=${POT}-SUMPRODUCT(INT(${prange('F')})),1,0)`, pool.shares[i]!.pays),
        f(`${COL.spending}${r}`, pool.shares[i]!.own),
        f(`B${pr}-C${pr}`, pool.shares[i]!.net),
        f(fraction(c, poolKey, r)),
        f(`E${pr}*${POT}`),
      ];
    }),
  };
}

type PhasePlan = NonNullable<CostSheetOptions['phaseIn']>;

/** The phase-in from row `start`: each member's amount per step, rounded, with the exact amounts beside. */
function phaseTable(c: SheetContext, phase: PhasePlan, start: number): TableSpec {
  const { office, t, joinerIndex } = c;
  const years = phaseIn(c.split, phase.member, phase.steps);
  const p1 = start + 2;
  return {
    name: `KP_Innfasing_${c.tag}`,
    startRow: start,
    title: t('csPhaseTitle', { member: office.members[joinerIndex]!.name }),
    columns: [
      { header: t('csMunicipality'), width: 20 },
      ...phase.steps.map((s) => ({ header: s.label, format: '#,##0', width: 14 })),
      ...phase.steps.map((s) => ({ header: t('csPhaseExact', { step: s.label }), format: '#,##0.00' })),
    ],
    rows: office.members.map((m, i): OutputCell[] => {
      const r = c.M1 + i;
      const amounts = phase.steps.map((_, y) => f(phaseRounded(c, phase, p1, i, y), years[y]!.amounts[i]!));
      const exacts = phase.steps.map((_, y) => f(phaseExact(c, i, y)));
      return [f(`${COL.name}${r}`, m.name), ...amounts, ...exacts];
    }),
  };
}

/** Member i's amount in phase-in step y, the exact amount rounded by largest remainder (ties: larger amount, then the earlier member). */
function phaseRounded(c: SheetContext, phase: PhasePlan, p1: number, i: number, y: number): string {
  const { M1, n, range } = c;
  const r = M1 + i;
  const pr = p1 + i;
  const x = columnLetters(1 + phase.steps.length + y);
  const X = `$${x}$${p1}:$${x}$${p1 + n - 1}`;
  const terms = [
    `1+SUMPRODUCT((${rem(X)}>${rem(`${x}${pr}`)})*1)`,
    `SUMPRODUCT((${rem(X)}=${rem(`${x}${pr}`)})*(${range(COL.amount)}>${COL.amount}${r}))`,
  ];
  if (i > 0)
    terms.push(
      `SUMPRODUCT((${rem(`$${x}$${p1}:${x}${pr - 1}`)}=${rem(`${x}${pr}`)})*($${COL.amount}$${M1}:${COL.amount}${r - 1}=${COL.amount}${r}))`,
    );
  return `INT(${x}${pr})+IF(${terms.join('+')}<=${c.sums.TOTAL}-SUMPRODUCT(INT(${X})),1,0)`;
}

/** Member i's exact amount in phase-in step y: the joiner pays its step's share, the others share what it does not pay. */
function phaseExact(c: SheetContext, i: number, y: number): string {
  const { TOTAL } = c.sums;
  const s = c.P(`phase:${y}`);
  const B = `${COL.amount}${c.M1 + i}`;
  const Bj = `$${COL.amount}$${c.M1 + c.joinerIndex}`;
  return i === c.joinerIndex
    ? `IF(${TOTAL}-${Bj}=0,${Bj},${s}*${Bj})`
    : `IF(${TOTAL}-${Bj}=0,${B},${B}+((1-${s})*${Bj}*${B})/(${TOTAL}-${Bj}))`;
}
