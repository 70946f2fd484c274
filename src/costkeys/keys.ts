import { coded, message, type MessageCode } from '../io/messages';
import type { Language } from '../io/problems';
/**
 * Cost keys for one office: how the municipal cost of a NAV office run by a host municipality
 * is shared among its members (DESIGN.md, "Cost keys"). Pure: plain numbers in and out.
 *
 * The cost base is the municipal FTE × cost per FTE (state FTE are paid by the state and are
 * outside every key) plus shared lines; a line owned by one member (a service only it puts in
 * the office) is billed to that member alone. Social-assistance payments never enter a key.
 */

/** A driver of a key: one of the standard ones, or a numeric column the planner names. */
export type DriverId = 'population' | 'users' | 'spending' | 'fte' | `column:${string}`;

/** The standard drivers, in the order the cost sheet lays them out (its columns and weight cells). */
export const STANDARD_DRIVERS: readonly DriverId[] = ['population', 'users', 'spending', 'fte'];

export type CostKey =
  | Readonly<{ kind: 'equal' }>
  | Readonly<{ kind: 'per-capita' }>
  | Readonly<{ kind: 'per-user' }>
  | Readonly<{ kind: 'per-spending' }>
  | Readonly<{ kind: 'per-fte' }>
  /** `fixed` (0–1) of the keyed cost in equal parts, the rest by `driver`. */
  | Readonly<{ kind: 'fixed-plus'; fixed: number; driver: DriverId }>
  /** A weighted mix of drivers; weights are normalised to sum to 1. */
  | Readonly<{ kind: 'mix'; weights: readonly (readonly [DriverId, number])[] }>
  /** Krone for krone: each pays the cost of the staff it contributes; shared lines follow that cost. */
  | Readonly<{ kind: 'own-cost' }>
  /** A pooled budget: every cost, owned lines included, shared per capita. */
  | Readonly<{ kind: 'pooled' }>;

/** One of every key, with the parameters of the worked example (docs/cost-keys.md): what the sheet sets side by side. */
export const EVERY_KEY: readonly CostKey[] = [
  { kind: 'equal' },
  { kind: 'per-capita' },
  { kind: 'per-user' },
  { kind: 'per-spending' },
  { kind: 'per-fte' },
  { kind: 'fixed-plus', fixed: 0.2, driver: 'population' },
  {
    kind: 'mix',
    weights: [
      ['population', 0.5],
      ['users', 0.5],
    ],
  },
  { kind: 'own-cost' },
  { kind: 'pooled' },
];

export type CostMember = Readonly<{
  number: string;
  name: string;
  population: number;
  users?: number;
  spending?: number;
  /** Municipal FTE the member contributes to the office. */
  municipalFte: number;
  /** Cost per municipal FTE for this member (its own, or the office's). */
  costPerFte: number;
  /** Premises and other costs of running its own office today (for the standalone comparison). */
  ownPremises?: number;
  /** Other numeric columns the planner may use as drivers. */
  columns?: Readonly<Record<string, number>>;
}>;

export type CostLine = Readonly<{
  name: string;
  /** The whole line, state part included. */
  amount: number;
  /** The member that alone pays this line; undefined: shared by the key. */
  owner?: string;
  /**
   * The state's share (0–1) of the line, agreed locally (premises and reception are often
   * shared with NAV's state side); only the rest is municipal. Undefined: 0, the whole line
   * is municipal (our assumption: Kostnader lists the municipal costs unless it says otherwise).
   */
  stateShare?: number;
  /** Where the line was read (Kostnader!B3), for messages. */
  cell?: string;
}>;

/** The municipal part of a line: its amount less the state's share. */
export const municipalPart = (l: CostLine): number => l.amount * (1 - (l.stateShare ?? 0));

export type CostOffice = Readonly<{
  host: string;
  members: readonly CostMember[];
  lines: readonly CostLine[];
}>;

export type MemberShare = Readonly<{
  number: string;
  name: string;
  /** Whole kroner; the amounts sum exactly to the total. */
  amount: number;
  /** amount / total. */
  share: number;
  perCapita: number;
  /** What running its own office would cost it: its staff, its premises, its own lines. */
  standalone: number;
  /** amount − standalone: negative when the cooperation is cheaper for it. */
  change: number;
  /** How its amount moves (kroner) when its own driver rises / falls by 10 %. */
  sensitivityUp: number;
  sensitivityDown: number;
}>;

export type CostSplit = Readonly<{
  key: CostKey;
  /** The whole cost base, whole kroner. */
  total: number;
  /** The part shared by the key (total less owned lines, except in a pooled budget). */
  keyed: number;
  shares: readonly MemberShare[];
}>;

export class CostKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CostKeyError';
  }
}

const DRIVER_CODES: Readonly<Record<string, MessageCode>> = {
  population: 'driverPopulation',
  users: 'driverUsers',
  spending: 'driverSpending',
  fte: 'driverFte',
};

/** The standard drivers' names in Norwegian. */
export const DRIVER_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(DRIVER_CODES).map(([d, code]) => [d, message(code)]),
);

/** A driver's name: a column of Kommuner by its header, a standard driver in the language asked for. */
export function driverLabel(d: DriverId, lang: Language = 'nb'): string {
  if (d.startsWith('column:')) return d.slice('column:'.length);
  const code = DRIVER_CODES[d];
  return code ? message(code, {}, lang) : d;
}

export function driverValue(m: CostMember, d: DriverId): number {
  switch (d) {
    case 'population':
      return m.population;
    case 'users':
      return m.users ?? Number.NaN;
    case 'spending':
      return m.spending ?? Number.NaN;
    case 'fte':
      return m.municipalFte;
    default:
      return m.columns?.[d.slice('column:'.length)] ?? Number.NaN;
  }
}

/** The cost of the staff a member contributes. */
export const staffCost = (m: CostMember): number => m.municipalFte * m.costPerFte;

/** The driver a key splits by (for sensitivity), or undefined for equal shares. */
export function keyDrivers(key: CostKey): DriverId[] {
  switch (key.kind) {
    case 'per-capita':
    case 'pooled':
      return ['population'];
    case 'per-user':
      return ['users'];
    case 'per-spending':
      return ['spending'];
    case 'per-fte':
    case 'own-cost':
      return ['fte'];
    case 'fixed-plus':
      return [key.driver];
    case 'mix':
      return key.weights.map(([d]) => d);
    case 'equal':
      return [];
  }
}

/**
 * Whole kroner that sum exactly to `total` (an integer): each gets the integer part of its
 * exact amount, and the kroner left go one each to the largest fractional parts (Hamilton's
 * largest-remainder method). Fractional parts are compared to six decimals, so that noise in
 * the last bits of a floating-point number never decides; ties go to the larger `priority`
 * (the key's driver, so a larger driver never pays less), then to the earlier member.
 */
export function largestRemainder(exact: readonly number[], total: number, priority?: readonly number[]): number[] {
  const base = exact.map((x) => Math.floor(x));
  const left = total - base.reduce((a, b) => a + b, 0);
  const frac = exact.map((x) => Math.round((x - Math.floor(x)) * 1e6) / 1e6);
  const order = exact.map((_, i) => i).sort((a, b) => frac[b]! - frac[a]! || (priority ? priority[b]! - priority[a]! : 0) || a - b);
  for (let k = 0; k < left && k < order.length; k++) base[order[k]!]! += 1;
  return base;
}

function driverWeights(members: readonly CostMember[], d: DriverId): number[] {
  const values = members.map((m) => driverValue(m, d));
  const bad = members.find((_, i) => !Number.isFinite(values[i]!) || values[i]! < 0);
  if (bad)
    throw coded((t) => new CostKeyError(t), 'costDriverMissing', {
      name: bad.name,
      number: bad.number,
      driver: { nb: driverLabel(d, 'nb'), en: driverLabel(d, 'en') },
    });
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum <= 0)
    throw coded((t) => new CostKeyError(t), 'costDriverZero', { driver: { nb: driverLabel(d, 'nb'), en: driverLabel(d, 'en') } });
  return values.map((v) => v / sum);
}

/** Each member's fraction (summing to 1) of the keyed cost. */
export function keyFractions(members: readonly CostMember[], key: CostKey): number[] {
  const m = members.length;
  switch (key.kind) {
    case 'equal':
      return members.map(() => 1 / m);
    case 'per-capita':
    case 'pooled':
      return driverWeights(members, 'population');
    case 'per-user':
      return driverWeights(members, 'users');
    case 'per-spending':
      return driverWeights(members, 'spending');
    case 'per-fte':
      return driverWeights(members, 'fte');
    case 'own-cost': {
      const costs = members.map(staffCost);
      const sum = costs.reduce((a, b) => a + b, 0);
      if (sum <= 0) throw coded((t) => new CostKeyError(t), 'costOwnCostNone');
      return costs.map((c) => c / sum);
    }
    case 'fixed-plus': {
      if (!(key.fixed >= 0 && key.fixed <= 1)) throw coded((t) => new CostKeyError(t), 'costFixedShare', { value: key.fixed });
      const w = driverWeights(members, key.driver);
      return w.map((x) => key.fixed / m + (1 - key.fixed) * x);
    }
    case 'mix': {
      // Summed in the cost sheet's order (its weight cells), so both give the same number.
      const rank = (d: DriverId) => STANDARD_DRIVERS.indexOf(d) + 1 || 99;
      const canonical = [...key.weights].sort((a, b) => rank(a[0]) - rank(b[0]));
      const total = canonical.reduce((a, [, w]) => a + w, 0);
      if (key.weights.length === 0 || !(total > 0) || key.weights.some(([, w]) => !(w >= 0))) {
        throw coded((t) => new CostKeyError(t), 'costMixWeights');
      }
      const out = members.map(() => 0);
      for (const [d, w] of key.weights) {
        const f = driverWeights(members, d);
        f.forEach((x, i) => (out[i] = out[i]! + (w / total) * x));
      }
      return out;
    }
  }
}

/**
 * What breaks a tie in the rounding: the key's own driver (exact integers for a single
 * driver, where a weighted fraction could lose the difference to floating point).
 */
export function keyPriority(members: readonly CostMember[], key: CostKey): number[] {
  if (key.kind === 'own-cost') return members.map(staffCost);
  if (key.kind === 'mix') return keyFractions(members, key);
  const [d] = keyDrivers(key);
  return d === undefined ? members.map(() => 0) : members.map((m) => driverValue(m, d));
}

/** Splits the office's cost by the key; whole kroner summing exactly to the total. */
export function splitCosts(office: CostOffice, key: CostKey): CostSplit {
  const members = office.members;
  if (members.length === 0) throw coded((t) => new CostKeyError(t), 'costNoMembers');
  const index = new Map(members.map((m, i) => [m.number, i]));
  for (const l of office.lines) {
    if (!Number.isFinite(l.amount) || l.amount < 0) throw coded((t) => new CostKeyError(t), 'costLineAmount', { line: l.name });
    if (l.stateShare !== undefined && !(l.stateShare >= 0 && l.stateShare <= 1))
      throw coded((t) => new CostKeyError(t), 'costLineStateShare', { line: l.name, value: l.stateShare });
    if (l.owner !== undefined && !index.has(l.owner))
      throw coded((t) => new CostKeyError(t), 'costLineOwner', { line: l.name, owner: l.owner });
  }
  // The same arithmetic, in the same order, as the formulas of the cost sheet (costSheet.ts).
  const { keyed, owned } = costBase(office, key);
  const base = keyed + owned;
  const total = Math.round(base);
  const exact = exactAmounts(office, key);
  const scaled = base > 0 ? exact.map((x) => (x * total) / base) : exact.map(() => 0);
  const amounts = largestRemainder(scaled, total, keyPriority(members, key));
  const drivers = keyDrivers(key);
  const shares = members.map((m, i) => {
    const standalone = standaloneCost(office, m);
    const sens = (factor: number) => {
      if (drivers.length === 0) return 0;
      const changed = members.map((x, k) => (k === i ? scaleDrivers(x, drivers, factor) : x));
      return exactAmounts({ ...office, members: changed }, key)[i]! - exact[i]!;
    };
    return {
      number: m.number,
      name: m.name,
      amount: amounts[i]!,
      share: total > 0 ? amounts[i]! / total : 0,
      perCapita: m.population > 0 ? amounts[i]! / m.population : 0,
      standalone,
      change: amounts[i]! - standalone,
      sensitivityUp: sens(1.1),
      sensitivityDown: sens(0.9),
    };
  });
  return { key, total, keyed: Math.round(keyed), shares };
}

/** The keyed part (staff + shared lines) and the lines billed to one member, summed in sheet order. */
export function costBase(office: CostOffice, key: CostKey): { keyed: number; owned: number } {
  let staff = 0;
  for (const m of office.members) staff += staffCost(m);
  let shared = 0;
  let owned = 0;
  for (const l of office.lines) {
    if (l.owner === undefined) shared += municipalPart(l);
    else owned += municipalPart(l);
  }
  // A pooled budget keys everything, owned lines too (added last, as the sheet's sums do).
  return key.kind === 'pooled' ? { keyed: staff + shared + owned, owned: 0 } : { keyed: staff + shared, owned };
}

/** Exact (unrounded) amounts per member: its fraction of the keyed cost plus its own lines. */
export function exactAmounts(office: CostOffice, key: CostKey): number[] {
  const { keyed } = costBase(office, key);
  const f = keyFractions(office.members, key);
  return office.members.map((m, i) => {
    let own = 0;
    if (key.kind !== 'pooled') for (const l of office.lines) if (l.owner === m.number) own += municipalPart(l);
    return f[i]! * keyed + own;
  });
}

/** What the member would pay running its own office: its staff, its premises, its own lines. */
export function standaloneCost(office: CostOffice, m: CostMember): number {
  const lines = office.lines.filter((l) => l.owner === m.number).reduce((a, l) => a + municipalPart(l), 0);
  return Math.round(staffCost(m) + (m.ownPremises ?? 0) + lines);
}

function scaleDrivers(m: CostMember, drivers: readonly DriverId[], factor: number): CostMember {
  let out: CostMember = m;
  for (const d of drivers) {
    switch (d) {
      case 'population':
        out = { ...out, population: out.population * factor };
        break;
      case 'users':
        out = { ...out, users: (out.users ?? 0) * factor };
        break;
      case 'spending':
        out = { ...out, spending: (out.spending ?? 0) * factor };
        break;
      case 'fte':
        out = { ...out, municipalFte: out.municipalFte * factor };
        break;
      default: {
        const c = d.slice('column:'.length);
        out = { ...out, columns: { ...out.columns, [c]: (out.columns?.[c] ?? 0) * factor } };
      }
    }
  }
  return out;
}

/**
 * Splits `total` (rounded to whole kroner) over rows by drivers, as the custom function
 * KONTORPLAN.FORDEL does: one driver column, or several mixed by `weights`; `fixedShare`
 * (0–1) first in equal parts. Whole kroner summing exactly to the total, largest remainder.
 */
export function allocate(drivers: readonly (readonly number[])[], total: number, fixedShare = 0, weights?: readonly number[]): number[] {
  const rows = drivers.length;
  const cols = drivers[0]?.length ?? 0;
  if (rows === 0 || cols === 0) throw coded((t) => new CostKeyError(t), 'allocateEmpty');
  if (!Number.isFinite(total) || total < 0) throw coded((t) => new CostKeyError(t), 'allocateTotal');
  if (!(fixedShare >= 0 && fixedShare <= 1)) throw coded((t) => new CostKeyError(t), 'allocateFixed');
  const w = weights ?? Array.from({ length: cols }, (_, j) => (j === 0 ? 1 : 0));
  if (w.length !== cols || w.some((x) => !(x >= 0)) || !(w.reduce((a, b) => a + b, 0) > 0)) {
    throw coded((t) => new CostKeyError(t), 'allocateWeights', { count: cols });
  }
  const wsum = w.reduce((a, b) => a + b, 0);
  const frac = drivers.map(() => 0);
  for (let j = 0; j < cols; j++) {
    if (w[j] === 0) continue;
    const col = drivers.map((r) => r[j]!);
    if (col.some((v) => !Number.isFinite(v) || v < 0)) throw coded((t) => new CostKeyError(t), 'allocateDrivers');
    const sum = col.reduce((a, b) => a + b, 0);
    if (sum <= 0) throw coded((t) => new CostKeyError(t), 'allocateZeroColumn');
    col.forEach((v, i) => (frac[i] = frac[i]! + (w[j]! / wsum) * (v / sum)));
  }
  const t = Math.round(total);
  const exact = frac.map((x) => (fixedShare / rows + (1 - fixedShare) * x) * t);
  return largestRemainder(exact, t, frac);
}
