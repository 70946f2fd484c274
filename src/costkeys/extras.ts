/**
 * Cost questions beside the key (DESIGN.md, "Costs"; 001 L1335, L1411): a pooled budget for
 * economic social assistance with a key of its own, the phasing in of a member that joins,
 * and the breakdown of the cost base with a check for a line that repeats the staff cost.
 * Pure, whole kroner summing exactly, like keys.ts; the cost sheet writes the same arithmetic
 * as formulas (costSheet.ts).
 */
import { coded } from '../io/messages';
import {
  CostKeyError,
  keyFractions,
  keyPriority,
  largestRemainder,
  municipalPart,
  staffCost,
  type CostKey,
  type CostOffice,
  type CostSplit,
} from './keys';

/** The keys a social-assistance pool may use: spending itself would give back what each spent. */
export const POOL_KEYS = ['equal', 'per-capita', 'per-user'] as const;
export type PoolKey = (typeof POOL_KEYS)[number];

export type PoolShare = Readonly<{
  number: string;
  name: string;
  /** Its own social-assistance spending (the driver `spending`). */
  own: number;
  /** What it pays into the pool: its key share of the pot, whole kroner. */
  pays: number;
  /** pays − own: positive when it carries part of the others' spending. */
  net: number;
}>;

export type SocialPool = Readonly<{ key: PoolKey; pot: number; shares: readonly PoolShare[] }>;

/**
 * Economic social assistance pooled: the members' spending is one pot (whole kroner) that
 * they pay by `key`. Without a pool each pays its own users (DESIGN.md); some agreements pool
 * it, and the keys differ (001 L1335).
 */
export function poolSocialAssistance(office: CostOffice, key: PoolKey): SocialPool {
  const members = office.members;
  const bad = members.find((m) => m.spending === undefined || !Number.isFinite(m.spending) || m.spending < 0);
  if (bad) throw coded((t) => new CostKeyError(t), 'costPoolSpending', { name: bad.name, number: bad.number });
  let sum = 0;
  for (const m of members) sum += m.spending!;
  const pot = Math.round(sum);
  const k: CostKey = { kind: key };
  const f = keyFractions(members, k);
  const pays = largestRemainder(
    f.map((x) => x * pot),
    pot,
    keyPriority(members, k),
  );
  return {
    key,
    pot,
    shares: members.map((m, i) => ({ number: m.number, name: m.name, own: m.spending!, pays: pays[i]!, net: pays[i]! - m.spending! })),
  };
}

/** One year of a phase-in: the share (0–1) of its full amount the joining member pays. */
export type PhaseStep = Readonly<{ label: string; share: number }>;

export type PhaseYear = Readonly<{ label: string; share: number; amounts: readonly number[] }>;

/**
 * A member joining in steps: in each year it pays `share` of its amount under the key, and
 * the others carry the rest in proportion to their own amounts; whole kroner, the year's
 * amounts sum exactly to the total. With nobody else paying, the joiner pays it all.
 */
export function phaseIn(split: CostSplit, joiner: string, steps: readonly PhaseStep[]): PhaseYear[] {
  const j = split.shares.findIndex((s) => s.number === joiner);
  if (j < 0)
    throw coded((t) => new CostKeyError(t), 'costPhaseNotMember', { member: joiner, office: { nb: 'kontoret', en: 'the office' } });
  const a = split.shares.map((s) => s.amount);
  const t = split.total;
  return steps.map((step) => {
    if (!(step.share >= 0 && step.share <= 1))
      throw coded((t) => new CostKeyError(t), 'costPhaseStep', { step: step.label, value: step.share });
    const others = t - a[j]!;
    const exact = a.map((x, i) => (others === 0 ? x : i === j ? step.share * a[j]! : x + ((1 - step.share) * a[j]! * x) / others));
    return { label: step.label, share: step.share, amounts: largestRemainder(exact, t, a) };
  });
}

export type CostBreakdown = Readonly<{
  /** Municipal FTE × cost per FTE, per member (in member order). */
  staff: readonly { number: string; name: string; fte: number; costPerFte: number; cost: number }[];
  staffTotal: number;
  lines: readonly { name: string; amount: number; state: number; municipal: number; owner?: string; cell?: string }[];
  /** What the state pays of the lines. */
  stateTotal: number;
  municipalTotal: number;
}>;

/** The cost base part by part: staff by member, each line with the state's part. */
export function costBreakdown(office: CostOffice): CostBreakdown {
  const staff = office.members.map((m) => ({
    number: m.number,
    name: m.name,
    fte: m.municipalFte,
    costPerFte: m.costPerFte,
    cost: staffCost(m),
  }));
  const staffTotal = staff.reduce((s, x) => s + x.cost, 0);
  const lines = office.lines.map((l) => {
    const municipal = municipalPart(l);
    return { name: l.name, amount: l.amount, state: l.amount - municipal, municipal, owner: l.owner, cell: l.cell };
  });
  const stateTotal = lines.reduce((s, l) => s + l.state, 0);
  return { staff, staffTotal, lines, stateTotal, municipalTotal: staffTotal + lines.reduce((s, l) => s + l.municipal, 0) };
}

/** Words in a line's name that say it is pay for staff (nb and en). */
export const STAFF_WORDS = /l[øo]nn|[åa]rsverk|bemanning|stilling|ansatt|personal|sosiale kostnader|salar|wage|staff|payroll/i;

/**
 * How close (share of the staff cost) a line's amount must come to the staff cost already
 * counted from Bemanning to be flagged: our assumption, 10 %.
 */
export const STAFF_LIKE_TOLERANCE = 0.1;

/**
 * Lines that look like the staff cost already counted from Bemanning: a name about pay or
 * staff, or an amount within 10 % of the office's staff cost. Counted twice, they double the
 * staff cost without a word (the sums still add up).
 */
export function staffLikeLines(
  office: CostOffice,
): { line: number; name: string; cell?: string; amount: number; staff: number; byName: boolean }[] {
  const staff = office.members.reduce((s, m) => s + staffCost(m), 0);
  return office.lines.flatMap((l, line) => {
    const byName = STAFF_WORDS.test(l.name);
    const byAmount = staff > 0 && Math.abs(l.amount - staff) <= STAFF_LIKE_TOLERANCE * staff;
    return byName || byAmount ? [{ line, name: l.name, cell: l.cell, amount: l.amount, staff, byName }] : [];
  });
}
