import type { OutputCell, SheetSpec, TableSpec } from '../domain/sheets';
import { columnLetters } from '../io/cells';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';
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
  const split = splitCosts(office, key);
  const tag = office.host;
  const n = office.members.length;
  const sensitivity = o.sensitivity ?? 0.1;
  const compare = (o.compare ?? []).filter((k) => k.kind !== key.kind);
  const shown = [key, ...compare];
  const lang = o.lang ?? 'nb';
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  const driver = (d: DriverId) => driverLabel(d, lang);
  const header = (k: CostKey) => keyHeader(k, lang);
  const heading = o.heading ?? [t('csTitle', { office: o.officeName, key: keyLabel(key, lang) }), t('csEditHint'), t('csStateNote')];

  // The planner's own driver columns (from Kommuner), then the helper columns.
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

  // Row positions, top to bottom: members, comparison, parameters, lines, sums, pool, phase-in.
  const membersStart = heading.length + 1;
  const M1 = membersStart + 2;
  const Mn = M1 + n - 1;
  const range = (c: string) => `$${c}$${M1}:$${c}$${Mn}`;
  const compareStart = membersStart + n + 3;
  const compareRows = n + 1;

  // Parameters: only those a shown formula uses.
  type Param = { id: string; label: string; value: number };
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
  const paramsStart = compareStart + compareRows + 3;
  const paramTable: TableSpec = {
    name: `KP_Parametre_${tag}`,
    startRow: paramsStart,
    title: t('csParamsTitle'),
    columns: [
      { header: t('csParameter'), width: 34 },
      { header: t('csValue'), format: '#,##0.00' },
    ],
    rows: params.length > 0 ? params.map((p) => [p.label, p.value]) : [[t('csNoParams'), null]],
  };
  const P = (id: string) =>
    `$B$${rowOf(
      paramTable,
      params.findIndex((p) => p.id === id),
    )}`;
  const weightSum = mixDrivers.length > 0 ? `SUM(${P(`w:${mixDrivers[0]![0]}`)}:${P(`w:${mixDrivers[mixDrivers.length - 1]![0]}`)})` : '1';

  // Cost lines, with the state's part: at least one row, so every range is well formed.
  const linesStart = paramsStart + paramTable.rows.length + 3;
  const lineRows = office.lines.length > 0 ? office.lines : [{ name: t('csNoLines'), amount: 0, owner: undefined, stateShare: 0 }];
  const L1 = linesStart + 2;
  const Ln = L1 + lineRows.length - 1;
  const lrange = (c: string) => `$${c}$${L1}:$${c}$${Ln}`;

  // Sums (what the formulas above refer to).
  const sumStart = linesStart + lineRows.length + 3;
  const S = (r: number) => `$B$${sumStart + 2 + r}`;
  // Rows of the sums table: staff, shared lines, keyed, owned, base, total, left, state (, pot).
  const [STAFF, SHARED, KEYED, OWNED, BASE, TOTAL, LEFT] = [0, 1, 2, 3, 4, 5, 6].map(S) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const POT = S(8);
  const keyedOf = (k: CostKey) => (k.kind === 'pooled' ? BASE : KEYED);

  // A key's fraction for member row r; `factor` scales that member's own drivers (sensitivity).
  const fraction = (k: CostKey, r: number, factor?: string): string => {
    const part = (c: string) =>
      factor === undefined ? `(${c}${r}/SUM(${range(c)}))` : `((${factor})*${c}${r}/(SUM(${range(c)})+((${factor})-1)*${c}${r}))`;
    const share = (d: DriverId) => part(driverCol[d]!);
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
        return `(${k.weights.map(([d]) => `(${P(`w:${d}`)}/${weightSum})*${share(d)}`).join('+')})`;
    }
  };
  /** The exact amount, scaled to the whole-kroner total, as the engine (splitCosts). */
  const exactFormula = (k: CostKey, fractionCell: string, r: number) =>
    k.kind === 'pooled'
      ? `((${fractionCell}*${BASE})*${TOTAL})/${BASE}`
      : `((${fractionCell}*${KEYED}+${COL.ownLines}${r})*${TOTAL})/${BASE}`;
  /** The tie-break of the rounding as a range (keyPriority), or undefined for equal shares. */
  const priorityRange = (k: CostKey, fractionCol: string): string | undefined => {
    if (k.kind === 'equal') return undefined;
    if (k.kind === 'own-cost') return range(COL.staff);
    if (k.kind === 'mix') return range(fractionCol);
    return range(driverCol[keyDriversOf(k)[0]!]!);
  };
  const rowCell = (rng: string, r: number) => rng.replace(/^\$(\w+)\$\d+:.*$/, `$1${r}`);
  /**
   * Largest remainder in one cell: the integer part, plus one krone when the member's
   * remainder ranks within the kroner left (ties: larger priority, then the earlier member).
   */
  const roundedInline = (x: string, prio: string | undefined, r: number): string => {
    const X = range(x);
    const rem = (v: string) => `ROUND(${v}-INT(${v}),6)`;
    const before = r > M1 ? `$${x}$${M1}:${x}${r - 1}` : undefined;
    const terms = [`1+SUMPRODUCT((${rem(X)}>${rem(`${x}${r}`)})*1)`];
    if (prio) terms.push(`SUMPRODUCT((${rem(X)}=${rem(`${x}${r}`)})*(${prio}>${rowCell(prio, r)}))`);
    if (before) {
      const pb = prio ? `*(${prio.replace(/:\$(\w+)\$\d+$/, `:$1${r - 1}`)}=${rowCell(prio, r)})` : '';
      terms.push(`SUMPRODUCT((${rem(before)}=${rem(`${x}${r}`)})${pb})`);
    }
    return `INT(${x}${r})+IF(${terms.join('+')}<=${TOTAL}-SUMPRODUCT(INT(${X})),1,0)`;
  };

  // Members.
  const fractions = keyFractions(office.members, key);
  const base = costBase(office, key);
  const exactAll = exactAmounts(office, key);
  const scale = base.keyed + base.owned > 0 ? split.total / (base.keyed + base.owned) : 0;
  const compareSplits: CostSplit[] = compare.map((k) => splitCosts(office, k));
  const memberRows = office.members.map((m, i): OutputCell[] => {
    const r = M1 + i;
    const sh = split.shares[i]!;
    const ownLines = office.lines.filter((l) => l.owner === m.number).reduce((a, l) => a + municipalPart(l), 0);
    const exact = exactAll[i]! * scale;
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
      return `${driverCol[keyDriversOf(key)[0]!]}${r}`;
    };
    return [
      m.name,
      f(`${R.whole}${r}+IF(${R.rank}${r}<=${LEFT},1,0)`, sh.amount),
      f(`IF(${TOTAL}>0,${COL.amount}${r}/${TOTAL},0)`, sh.share),
      f(`IF(${COL.population}${r}>0,${COL.amount}${r}/${COL.population}${r},0)`, sh.perCapita),
      f(`${COL.amount}${r}-${COL.standalone}${r}`, sh.change),
      f(`ROUND(${COL.staff}${r}+${COL.premises}${r}+${COL.ownLines}${r},0)`, sh.standalone),
      m.number,
      m.population,
      m.users ?? null,
      m.spending ?? null,
      m.municipalFte,
      usesOfficeCost && !o.ownCostPerFte?.has(m.number) ? f(P('cost'), m.costPerFte) : m.costPerFte,
      f(`${COL.fte}${r}*${COL.costPerFte}${r}`, m.municipalFte * m.costPerFte),
      m.ownPremises ?? 0,
      f(`SUMPRODUCT((${lrange('G')}=${COL.number}${r})*${lrange('I')})`, ownLines),
      ...custom.map((d) => m.columns?.[d.slice('column:'.length)] ?? null),
      f(fraction(key, r), fractions[i]!),
      f(exactFormula(key, `${R.fraction}${r}`, r), exact),
      f(`INT(${R.exact}${r})`, Math.floor(exact)),
      f(`ROUND(${R.exact}${r}-${R.whole}${r},6)`, Math.round((exact - Math.floor(exact)) * 1e6) / 1e6),
      f(priority()),
      f(rank),
      ...compare.flatMap((k, c) => {
        const fr = `${helper[c]!.fraction}${r}`;
        return [f(fraction(k, r)), f(exactFormula(k, fr, r))];
      }),
    ];
  });
  const members: TableSpec = {
    name: `KP_Fordeling_${tag}`,
    startRow: membersStart,
    title: t('csMembersTitle', { key: keyLabel(key, lang) }),
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
      ...custom.map((d) => ({ header: driver(d), format: '#,##0.##' })),
      { header: t('csRoundFraction'), format: '0.000%' },
      { header: t('csRoundExact'), format: '#,##0.00' },
      { header: t('csRoundWhole'), format: '#,##0' },
      { header: t('csRoundRest'), format: '0.000000' },
      { header: t('csRoundPriority'), format: 'General' },
      { header: t('csRoundRank'), format: '0' },
      ...compare.flatMap((k) => [
        { header: t('csHelpShare', { key: header(k) }), format: '0.000%' },
        { header: t('csHelpExact', { key: header(k) }), format: '#,##0.00' },
      ]),
    ],
    rows: memberRows,
  };

  // The comparison of keys and the sensitivity of the chosen one, as formulas.
  const chosenDrivers = keyDriversOf(key);
  const sens = (r: number, up: boolean): string => {
    const factor = up ? `1+${P('sens')}` : `1-${P('sens')}`;
    const kd = keyedOf(key);
    const keyed = chosenDrivers.includes('fte') ? `(${kd}+((${factor})-1)*${COL.staff}${r})` : kd;
    return `ROUND(${fraction(key, r, factor)}*${keyed}-${R.fraction}${r}*${kd},0)`;
  };
  const comparison: TableSpec = {
    name: `KP_Nokler_${tag}`,
    startRow: compareStart,
    title: t('csCompareTitle'),
    columns: [
      { header: t('csMunicipality'), width: 20 },
      { header: t('csStandaloneShort'), format: '#,##0' },
      { header: t('csChosen', { key: header(key) }), format: '#,##0', width: 16 },
      ...compare.map((k) => ({ header: header(k), format: '#,##0', width: 16 })),
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
          ...compare.map((k, c) =>
            f(roundedInline(helper[c]!.exact, priorityRange(k, helper[c]!.fraction), r), compareSplits[c]!.shares[i]!.amount),
          ),
          // Equal shares move with no driver: a plain 0.
          chosenDrivers.length === 0 ? 0 : f(sens(r, true), Math.round(split.shares[i]!.sensitivityUp)),
          chosenDrivers.length === 0 ? 0 : f(sens(r, false), Math.round(split.shares[i]!.sensitivityDown)),
        ];
      }),
      (() => {
        const first = compareStart + 2;
        const last = first + n - 1;
        const colSum = (j: number) => {
          const c = columnLetters(j);
          return f(`SUM(${c}${first}:${c}${last})`);
        };
        return [t('csSum'), ...Array.from({ length: 2 + compare.length }, (_, j) => colSum(j + 1)), null, null];
      })(),
    ],
  };

  // Lines: the whole amount, the state's share, and who pays the municipal part.
  const staffTotal = costBreakdown(office).staffTotal;
  const lines: TableSpec = {
    name: `KP_Linjer_${tag}`,
    startRow: linesStart,
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
    rows: lineRows.map((l, k) => {
      const r = L1 + k;
      const municipal = municipalPart(l);
      const shared = l.owner === undefined ? municipal : 0;
      const nameNote = STAFF_WORDS.test(l.name) ? t('csNameLikeStaff') : '';
      // The payer's cell within the note: the text before and after its name.
      const [notInBefore, notInAfter] = t('csNotInOffice').split('{payer}') as [string, string];
      const payer = office.members.find((m) => m.number === l.owner);
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
          `${literal(nameNote)}&IF(AND(G${r}<>"",G${r}<>"felles",I${r}=0),${literal(notInBefore)}&F${r}&${literal(notInAfter)},"")&IF(AND(${STAFF}>0,ABS(B${r}-${STAFF})<=${STAFF_LIKE_TOLERANCE}*${STAFF}),${literal(t('csLikeStaff', { tolerance: toleranceText(lang) }))},"")`,
          nameNote + (staffTotal > 0 && Math.abs(l.amount - staffTotal) <= STAFF_LIKE_TOLERANCE * staffTotal ? t('csLikeStaffShort') : ''),
        ),
      ];
    }),
  };

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
    [t('csSumTotal'), f(`ROUND(${BASE},0)`, split.total)],
    [t('csSumLeft'), f(`${TOTAL}-SUM(${range(R.whole)})`)],
    [t('csSumState'), f(`SUM(${lrange('D')})`)],
  ];
  if (o.socialPool) summaryRows.push([t('csSumPool'), f(`ROUND(SUM(${range(COL.spending)}),0)`)]);
  const summary: TableSpec = {
    name: `KP_Sum_${tag}`,
    startRow: sumStart,
    title: t('csSumTitle'),
    columns: [
      { header: t('csPost'), width: 34 },
      { header: t('csKroner'), format: '#,##0.00' },
    ],
    rows: summaryRows,
  };
  const tables: TableSpec[] = [members, comparison, paramTable, lines, summary];
  let next = sumStart + summaryRows.length + 3;

  if (o.socialPool) {
    const pool = poolSocialAssistance(office, o.socialPool);
    const poolKey: CostKey = { kind: o.socialPool };
    const p1 = next + 2;
    const prow = (i: number) => p1 + i;
    const prange = (c: string) => `$${c}$${p1}:$${c}$${p1 + n - 1}`;
    const poolPrio = o.socialPool === 'equal' ? undefined : range(driverCol[keyDriversOf(poolKey)[0]!]!);
    const rem = (v: string) => `ROUND(${v}-INT(${v}),6)`;
    tables.push({
      name: `KP_Sosialhjelp_${tag}`,
      startRow: next,
      title: t('csPoolTitle', { key: keyLabel(poolKey, lang) }),
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
          f(fraction(poolKey, r)),
          f(`E${pr}*${POT}`),
        ];
      }),
    });
    next += n + 3;
  }

  if (phase && joinerIndex >= 0) {
    const years = phaseIn(split, phase.member, phase.steps);
    const j = M1 + joinerIndex;
    const p1 = next + 2;
    const k = phase.steps.length;
    const exactCol = (y: number) => columnLetters(1 + k + y);
    const rem = (v: string) => `ROUND(${v}-INT(${v}),6)`;
    tables.push({
      name: `KP_Innfasing_${tag}`,
      startRow: next,
      title: t('csPhaseTitle', { member: office.members[joinerIndex]!.name }),
      columns: [
        { header: t('csMunicipality'), width: 20 },
        ...phase.steps.map((s) => ({ header: s.label, format: '#,##0', width: 14 })),
        ...phase.steps.map((s) => ({ header: t('csPhaseExact', { step: s.label }), format: '#,##0.00' })),
      ],
      rows: office.members.map((m, i): OutputCell[] => {
        const r = M1 + i;
        const pr = p1 + i;
        const amounts = phase.steps.map((_, y) => {
          const x = exactCol(y);
          const X = `$${x}$${p1}:$${x}$${p1 + n - 1}`;
          const terms = [
            `1+SUMPRODUCT((${rem(X)}>${rem(`${x}${pr}`)})*1)`,
            `SUMPRODUCT((${rem(X)}=${rem(`${x}${pr}`)})*(${range(COL.amount)}>${COL.amount}${r}))`,
          ];
          if (i > 0)
            terms.push(
              `SUMPRODUCT((${rem(`$${x}$${p1}:${x}${pr - 1}`)}=${rem(`${x}${pr}`)})*($${COL.amount}$${M1}:${COL.amount}${r - 1}=${COL.amount}${r}))`,
            );
          return f(`INT(${x}${pr})+IF(${terms.join('+')}<=${TOTAL}-SUMPRODUCT(INT(${X})),1,0)`, years[y]!.amounts[i]!);
        });
        const exacts = phase.steps.map((_, y) => {
          const s = P(`phase:${y}`);
          const B = `${COL.amount}${r}`;
          const Bj = `$${COL.amount}$${j}`;
          const formula =
            i === joinerIndex
              ? `IF(${TOTAL}-${Bj}=0,${Bj},${s}*${Bj})`
              : `IF(${TOTAL}-${Bj}=0,${B},${B}+((1-${s})*${Bj}*${B})/(${TOTAL}-${Bj}))`;
          return f(formula);
        });
        return [f(`${COL.name}${r}`, m.name), ...amounts, ...exacts];
      }),
    });
  }

  return { name: o.sheetName, heading, tables, freezeRows: 0 };
}
