import { nearestAssignment } from './kernel';
import { minFteAt, pairCost, type Assignment, type Reduced } from './problem';

/**
 * The exact models as plain sparse arrays (CSC), for HiGHS's array API and for writing an LP
 * file that any other solver reads (the benchmark's native peer).
 *
 * - `hess`: Hess's districting model with a lower bound on each office's staff:
 *   y_j (j hosts), x_ij (i served by j) for the pruned pairs only;
 *   Σ_j x_ij + y_i = 1; Σ_i fte_i x_ij + (fte_j − minFte) y_j ≥ 0;
 *   Σ_i x_ij ≤ (maxOwners − 1) y_j with x_ij ≤ y_j for each member's nearest hosts, or
 *   without an owner limit x_ij ≤ y_j for every pair; Σ_j y_j = p; and with a BA-split penalty z_bj ≥ x_ij for
 *   each region b touched by office j.
 * - `radius`: when no rule ties members to each other's offices (no minimum FTE, owner limit
 *   or BA-split penalty), the much smaller radius formulation of Elloumi (2010): per member i
 *   with distinct allowed costs D¹ < … < Dᴷ, z_iᵏ = 1 when no open host lies within Dᵏ;
 *   cost D¹ + Σ (Dᵏ⁺¹ − Dᵏ) z_iᵏ. Truncated (`keep`): only a member's first K levels get a
 *   row; z_iᴷ, in row K alone, costs Dᴷ⁺¹ − Dᴷ, so the member is charged min(its cost, Dᴷ⁺¹).
 *   That is a relaxation, exact for every member served within Dᴷ⁺¹ (`exactUpTo`): when the
 *   relaxed optimum serves everyone so, it is the optimum; otherwise `grownKeep` widens the
 *   members that were not and the model is solved again (row generation).
 */
export type MipModel = Readonly<{
  kind: 'hess' | 'radius';
  numCols: number;
  numRows: number;
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** y column of each candidate host (-1 when not a candidate). */
  yCol: Int32Array;
  /** Decodes a column vector into an assignment. */
  decode: (x: ArrayLike<number>) => Assignment;
  /** Encodes an assignment as a full column vector (a warm start). */
  encode: (host: Assignment) => Float64Array;
  /** Radius model: levels kept per member, and the cost up to which it is charged exactly (Infinity: untruncated). */
  radius?: Readonly<{ keep: Int32Array; exactUpTo: Float64Array }>;
}>;

class Builder {
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: number[] = [];
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];

  row(lo: number, hi: number): number {
    this.rowLower.push(lo);
    this.rowUpper.push(hi);
    return this.rowLower.length - 1;
  }

  col(cost: number, lo: number, hi: number, integer: boolean, entries: readonly (readonly [number, number])[]): number {
    this.cost.push(cost);
    this.lower.push(lo);
    this.upper.push(hi);
    this.integer.push(integer ? 1 : 0);
    const sorted = [...entries].sort((a, b) => a[0] - b[0]);
    for (const [r, v] of sorted) {
      this.indices.push(r);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    return this.cost.length - 1;
  }
}

const INF = Number.POSITIVE_INFINITY;

/** Under an owner limit, how many of a member's nearest hosts keep an explicit link x_ij ≤ y_j. */
const NEAREST_LINKED = 4;

export function usesRadiusModel(red: Reduced): boolean {
  const r = red.problem.rules;
  return r.minFte <= 0 && !Number.isFinite(r.maxOwners) && r.baSplitPenalty <= 0;
}

/**
 * The model for the reduced problem. `keep` (radius model only) truncates it: per member the
 * number of cost levels that keep a row (0: all).
 */
export function buildModel(red: Reduced, keep?: Int32Array): MipModel {
  return usesRadiusModel(red) ? buildRadius(red, keep) : buildHess(red);
}

/**
 * Levels a truncated radius model keeps beyond the one a member is served at in the sizing
 * structure: about the number of members per office (n / p), between 10 and 20 (20 with a
 * cost per office). Measured on pmed1–20 sized by the heuristic's answer: a fixed 20 proved
 * every instance in one round (HiGHS 130–147 s in all, against 446 s for the full model) but
 * kept many idle rows where offices are small (pmed19, 5 members per office: 0.87 s, 0.20 s
 * with 10); a fixed 10 or less left pmed6 and pmed11 (40 and 60 per office) needing 2–4
 * rounds, 24–48 s instead of 8 s; twice the served level plus 10 was one round everywhere
 * but slower on pmed11 (20 s).
 */
export function radiusMargin(red: Reduced): number {
  if (red.p === undefined) return 20;
  return Math.min(20, Math.max(10, Math.round(red.problem.n / Math.max(1, red.p))));
}

/** What serving member i from host j costs in the radius model: its weight times the travel (nothing from itself). */
function weighted(red: Reduced, i: number, j: number): number {
  return pairCost(red.problem, i, j);
}

/** A member's distinct weighted costs to its allowed hosts, ascending (its radius levels). */
function levelsOf(red: Reduced, i: number): number[] {
  const levels: number[] = [];
  for (const j of red.allowed[i]!) {
    const c = weighted(red, i, j);
    if (levels.length === 0 || c > levels[levels.length - 1]! + 1e-9) levels.push(c);
  }
  return levels;
}

/** How many of the levels are at most c. */
function levelsUpTo(levels: readonly number[], c: number): number {
  let k = 0;
  while (k < levels.length && levels[k]! <= c + 1e-9) k++;
  return k;
}

/** Per member, the levels a truncated radius model keeps: up to the one the structure serves it at, plus a margin. */
export function radiusKeep(red: Reduced, host: Assignment, margin = radiusMargin(red)): Int32Array {
  const pr = red.problem;
  const keep = new Int32Array(pr.n);
  for (let i = 0; i < pr.n; i++) {
    if (red.isIsolated[i]) continue;
    const served = weighted(red, i, host[i]!);
    keep[i] = Math.max(1, levelsUpTo(levelsOf(red, i), served) + margin);
  }
  return keep;
}

/**
 * After a truncated model's solution (its column vector): the widened `keep` for the members
 * it served beyond `exactUpTo` (no allowed open host counts as beyond), or null when there
 * are none, so that the relaxed objective is the solution's true cost.
 */
export function grownKeep(red: Reduced, m: MipModel, x: ArrayLike<number>, margin = radiusMargin(red)): Int32Array | null {
  if (!m.radius) return null;
  const pr = red.problem;
  const { keep, exactUpTo } = m.radius;
  const open = (j: number) => m.yCol[j]! >= 0 && x[m.yCol[j]!]! > 0.5;
  const host = nearestAssignment(red, open);
  let next: Int32Array | null = null;
  for (let i = 0; i < pr.n; i++) {
    if (red.isIsolated[i] || exactUpTo[i] === INF) continue;
    // nearestAssignment leaves a member with no open host in reach at itself.
    const served = host[i] === i && !open(i) ? INF : weighted(red, i, host[i]!);
    if (served <= exactUpTo[i]! + 1e-9) continue;
    next ??= Int32Array.from(keep);
    next[i] = Math.max(2 * keep[i]!, levelsUpTo(levelsOf(red, i), served) + margin);
  }
  return next;
}

function finish(
  b: Builder,
  kind: MipModel['kind'],
  offset: number,
  yCol: Int32Array,
  decode: MipModel['decode'],
  encode: MipModel['encode'],
  radius?: MipModel['radius'],
): MipModel {
  return {
    radius,
    kind,
    numCols: b.cost.length,
    numRows: b.rowLower.length,
    offset,
    colCost: Float64Array.from(b.cost),
    colLower: Float64Array.from(b.lower),
    colUpper: Float64Array.from(b.upper),
    integrality: Int32Array.from(b.integer),
    rowLower: Float64Array.from(b.rowLower),
    rowUpper: Float64Array.from(b.rowUpper),
    starts: Int32Array.from(b.starts),
    indices: Int32Array.from(b.indices),
    values: Float64Array.from(b.values),
    yCol,
    decode,
    encode,
  };
}

function officeCostOf(red: Reduced): number {
  return red.p === undefined ? (red.problem.rules.officeCost ?? 0) : 0;
}

/**
 * Hess's assignment model: y_j opens host j, x_ij assigns member i to it. Built in steps:
 * the rules' rows, the pairs with their link rows, the BA rows, then the columns.
 */
function buildHess(red: Reduced): MipModel {
  const b = new Builder();
  const rows = hessRuleRows(red, b);
  const pairs = hessPairs(red, b);
  const ba = hessBaRows(red, b, pairs);
  const { yCol, xCol, zCol } = hessColumns(red, b, rows, pairs, ba);
  const n = red.problem.n;
  const decode = (x: ArrayLike<number>): Assignment => {
    const host = new Int32Array(n);
    for (let i = 0; i < n; i++) host[i] = i;
    for (const [i, j] of pairs.xPlan) if (x[xCol.get(i * n + j)!]! > 0.5) host[i] = j;
    return host;
  };
  const encode = (host: Assignment): Float64Array => {
    const x = new Float64Array(b.cost.length);
    for (const j of red.candidates) if (host[j] === j) x[yCol[j]!] = 1;
    for (const [i, j] of pairs.xPlan) if (host[i] === j) x[xCol.get(i * n + j)!] = 1;
    for (const [k, col] of zCol) {
      const j = k % n;
      const region = Math.floor(k / n);
      for (let i = 0; i < n; i++) {
        if (red.problem.ba[i] === region && host[i] === j) {
          x[col] = 1;
          break;
        }
      }
    }
    return x;
  };
  return finish(b, 'hess', hessOffset(red), yCol, decode, encode);
}

type HessRuleRows = Readonly<{ assignRow: Int32Array; fteRow: Int32Array; ownerRow: Int32Array; countRow: number }>;

/** One assignment row per member; per candidate a minimum-FTE row and an owner row when those rules apply; the office count. */
function hessRuleRows(red: Reduced, b: Builder): HessRuleRows {
  const { n, rules } = red.problem;
  const assignRow = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (!red.isIsolated[i]) assignRow[i] = b.row(1, 1);
  const fteRow = new Int32Array(n).fill(-1);
  const ownerRow = new Int32Array(n).fill(-1);
  for (const j of red.candidates) {
    if (rules.minFte > 0) fteRow[j] = b.row(0, INF);
    if (Number.isFinite(rules.maxOwners)) ownerRow[j] = b.row(-INF, 0);
  }
  const countRow = red.p !== undefined ? b.row(red.p, red.p) : -1;
  return { assignRow, fteRow, ownerRow, countRow };
}

type HessPairs = Readonly<{
  /** Every allowed (member, host) pair. */
  xPlan: readonly [number, number][];
  /** Link rows x_ij − y_j ≤ 0 by i·n + j. */
  linkRows: ReadonlyMap<number, number>;
  /** The y column's entries in other rows, per candidate (links, BA rows). */
  yEntries: Map<number, [number, number][]>;
}>;

/** The pairs, and a link row x_ij − y_j ≤ 0 for each (with an owner limit, for each member's nearest hosts only). */
function hessPairs(red: Reduced, b: Builder): HessPairs {
  const { n, rules } = red.problem;
  const linkRows = new Map<number, number>();
  const yEntries = new Map<number, [number, number][]>();
  for (const j of red.candidates) yEntries.set(j, []);
  const xPlan: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (red.isIsolated[i]) continue;
    const hosts = red.allowed[i]!;
    for (let rank = 0; rank < hosts.length; rank++) {
      const j = hosts[rank]!;
      if (j === i) continue;
      xPlan.push([i, j]);
      // With an owner limit, its row Σ_i x_ij ≤ (O − 1) y_j already ties x_ij to y_j, and
      // links for every pair cost more (a larger LP) than their tighter bound saves; links to
      // each member's few nearest hosts, where relaxations mostly cheat, pay off (measured:
      // all of Norway at 80 offices 27 s → 14 s, at 100 offices 6.9 s → 2.9 s).
      if (Number.isFinite(rules.maxOwners) && rank > NEAREST_LINKED) continue;
      const r = b.row(-INF, 0);
      linkRows.set(i * n + j, r);
      yEntries.get(j)!.push([r, -1]);
    }
  }
  return { xPlan, linkRows, yEntries };
}

type HessBaRows = Readonly<{
  /** The BA row of each pair x_ij − z_bj ≤ 0, by i·n + j. */
  xBaRow: ReadonlyMap<number, number>;
  /** Per (region b, host j), key b·n + j: the rows of its z column. */
  baRows: ReadonlyMap<number, [number, number][]>;
}>;

/** With a BA-split penalty: rows x_ij − z_bj ≤ 0 (and y_j − z_bj ≤ 0 for the host's own region). */
function hessBaRows(red: Reduced, b: Builder, pairs: HessPairs): HessBaRows {
  const pr = red.problem;
  const n = pr.n;
  const xBaRow = new Map<number, number>();
  const baRows = new Map<number, [number, number][]>();
  if (pr.rules.baSplitPenalty <= 0) return { xBaRow, baRows };
  const baKey = (i: number, j: number) => pr.ba[i]! * n + j;
  const addTo = (k: number, r: number) => {
    if (!baRows.has(k)) baRows.set(k, []);
    baRows.get(k)!.push([r, -1]);
  };
  for (const [i, j] of pairs.xPlan) {
    if (pr.ba[i]! < 0) continue;
    const r = b.row(-INF, 0);
    xBaRow.set(i * n + j, r);
    addTo(baKey(i, j), r);
  }
  for (const j of red.candidates) {
    if (pr.ba[j]! < 0) continue;
    const r = b.row(-INF, 0);
    pairs.yEntries.get(j)!.push([r, 1]);
    addTo(baKey(j, j), r);
  }
  return { xBaRow, baRows };
}

/** The y (open), x (assign) and z (BA piece) columns with their costs and entries. */
function hessColumns(
  red: Reduced,
  b: Builder,
  rows: HessRuleRows,
  pairs: HessPairs,
  ba: HessBaRows,
): { yCol: Int32Array; xCol: Map<number, number>; zCol: Map<number, number> } {
  const pr = red.problem;
  const { n, rules } = pr;
  const { assignRow, fteRow, ownerRow, countRow } = rows;
  const yCol = new Int32Array(n).fill(-1);
  const oc = officeCostOf(red);
  for (const j of red.candidates) {
    const e: [number, number][] = [...pairs.yEntries.get(j)!];
    e.push([assignRow[j]!, 1]);
    if (fteRow[j]! >= 0) e.push([fteRow[j]!, pr.fte[j]! - minFteAt(pr, j)]);
    if (ownerRow[j]! >= 0) e.push([ownerRow[j]!, 1 - rules.maxOwners]);
    if (countRow >= 0) e.push([countRow, 1]);
    yCol[j] = b.col(oc, red.forced[j] ? 1 : 0, 1, true, e);
  }
  const xCol = new Map<number, number>();
  for (const [i, j] of pairs.xPlan) {
    const e: [number, number][] = [[assignRow[i]!, 1]];
    const link = pairs.linkRows.get(i * n + j);
    if (link !== undefined) e.push([link, 1]);
    if (fteRow[j]! >= 0) e.push([fteRow[j]!, pr.fte[i]!]);
    if (ownerRow[j]! >= 0) e.push([ownerRow[j]!, 1]);
    const rb = ba.xBaRow.get(i * n + j);
    if (rb !== undefined) e.push([rb, 1]);
    const locked = rules.locks.get(i) === j;
    xCol.set(i * n + j, b.col(pairCost(pr, i, j), locked ? 1 : 0, 1, true, e));
  }
  const zCol = new Map<number, number>();
  for (const [k, zRows] of ba.baRows) zCol.set(k, b.col(rules.baSplitPenalty, 0, 1, false, zRows));
  return { yCol, xCol, zCol };
}

/** Offset: isolated offices, and the BA pieces they fix, less one piece per region. */
function hessOffset(red: Reduced): number {
  const pr = red.problem;
  const penalty = pr.rules.baSplitPenalty;
  let offset = officeCostOf(red) * red.isolated.length;
  if (penalty > 0) {
    const regions = new Set<number>();
    for (let i = 0; i < pr.n; i++) if (pr.ba[i]! >= 0) regions.add(pr.ba[i]!);
    offset += penalty * (red.isolated.filter((i) => pr.ba[i]! >= 0).length - regions.size);
  }
  return offset;
}

/**
 * The radius model: y_j opens host j; per member, z columns over its levels of distinct cost
 * charge each step up to the cheapest open host within reach. Built in steps: the levels and
 * their rows, then the columns. With `keep`, only that many levels per member are exact.
 */
function buildRadius(red: Reduced, keep?: Int32Array): MipModel {
  const b = new Builder();
  const countRow = red.p !== undefined ? b.row(red.p, red.p) : -1;
  const plan = radiusLevels(red, b, keep);
  const { yCol, zCols } = radiusColumns(red, b, plan, countRow);
  const decode = (x: ArrayLike<number>): Assignment => nearestAssignment(red, (j) => yCol[j]! >= 0 && x[yCol[j]!]! > 0.5);
  const encode = (host: Assignment): Float64Array => {
    const x = new Float64Array(b.cost.length);
    for (const j of red.candidates) if (host[j] === j) x[yCol[j]!] = 1;
    plan.zPlan.forEach(({ i, levels }, t) => {
      const served = weighted(red, i, host[i]!);
      zCols[t]!.forEach((col, k) => {
        if (levels[k]! < served - 1e-9) x[col] = 1;
      });
    });
    return x;
  };
  return finish(b, 'radius', plan.offset, yCol, decode, encode, { keep: plan.kept, exactUpTo: plan.exactUpTo });
}

type RadiusPlan = Readonly<{
  /** Per member: its levels (the kept ones and the first beyond), and a row for each kept one. */
  zPlan: readonly { i: number; levels: number[]; rows: number[] }[];
  /** The y column's entries in the level rows, per candidate. */
  yEntries: Map<number, [number, number][]>;
  offset: number;
  kept: Int32Array;
  exactUpTo: Float64Array;
}>;

/** Per member: levels of distinct cost, a row for each kept one (the hosts at that level or cheaper cover it). */
function radiusLevels(red: Reduced, b: Builder, keep?: Int32Array): RadiusPlan {
  const n = red.problem.n;
  const yEntries = new Map<number, [number, number][]>();
  for (const j of red.candidates) yEntries.set(j, []);
  let offset = officeCostOf(red) * red.isolated.length;
  const kept = new Int32Array(n);
  const exactUpTo = new Float64Array(n).fill(INF);
  const zPlan: { i: number; levels: number[]; rows: number[] }[] = [];
  for (let i = 0; i < n; i++) {
    if (red.isIsolated[i]) continue;
    const all = levelsOf(red, i);
    const k = keep && keep[i]! > 0 ? Math.min(keep[i]!, all.length) : all.length;
    kept[i] = k;
    // The first level beyond the kept ones only prices the last z (no row): the charge stops there.
    const levels = all.slice(0, Math.min(k + 1, all.length));
    if (k < all.length) exactUpTo[i] = all[k]!;
    const rows = levels.slice(0, k).map((_, t) => b.row(t === 0 ? 1 : 0, INF));
    let level = 0;
    for (const j of red.allowed[i]!) {
      const c = weighted(red, i, j);
      while (level + 1 < levels.length && c > levels[level]! + 1e-9) level++;
      if (level >= k) break;
      yEntries.get(j)!.push([rows[level]!, 1]);
    }
    offset += levels[0]!;
    zPlan.push({ i, levels, rows });
  }
  return { zPlan, yEntries, offset, kept, exactUpTo };
}

/** The y columns (office cost, the count row) and each member's z columns between its levels. */
function radiusColumns(red: Reduced, b: Builder, plan: RadiusPlan, countRow: number): { yCol: Int32Array; zCols: number[][] } {
  const yCol = new Int32Array(red.problem.n).fill(-1);
  const oc = officeCostOf(red);
  for (const j of red.candidates) {
    const e = plan.yEntries.get(j)!;
    if (countRow >= 0) e.push([countRow, 1]);
    yCol[j] = b.col(oc, red.forced[j] ? 1 : 0, 1, true, e);
  }
  const zCols: number[][] = [];
  for (const { levels, rows } of plan.zPlan) {
    const cols: number[] = [];
    for (let k = 0; k + 1 < levels.length; k++) {
      // z^k appears in row k (+1) and, when kept, row k+1 (−1).
      const e: [number, number][] = [[rows[k]!, 1]];
      if (k + 1 < rows.length) e.push([rows[k + 1]!, -1]);
      cols.push(b.col(levels[k + 1]! - levels[k]!, 0, 1, false, e));
    }
    zCols.push(cols);
  }
  return { yCol, zCols };
}
