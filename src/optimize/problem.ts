import type { ServicePoint } from '../domain/types';
import { coded, message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';

/**
 * The optimisation problem in plain arrays: who can be served by whom, at what cost, under
 * which rules. Built from a planner's input (`fromPlanningInput`) or an OR-Library p-median
 * instance (`pmed.ts`). Pure: runs in Node and in a Web Worker alike.
 */

/** What the planner asks of the structure. Costs are in the objective's unit (weight × minutes). */
export type OptRules = Readonly<{
  /** Exactly this many offices; or undefined with `officeCost` to let the cost decide. */
  offices?: number;
  /** Cost of one office, in weight × minutes (used when `offices` is undefined). */
  officeCost?: number;
  /** Minimum staff (FTE) of an office; 0 for none. */
  minFte: number;
  /** Longest allowed travel from a member to its host; Infinity for none. */
  maxTravel: number;
  /** Every member in its host's BA region (members or hosts with no known region are exempt). */
  sameBa: boolean;
  /** Most municipalities in one office, host included; Infinity for none. */
  maxOwners: number;
  /** Cost per extra office a BA region is spread over (see countBaSplits), in weight × minutes; 0 for none. */
  baSplitPenalty: number;
  /** Indices that must host an office. */
  forcedHosts: readonly number[];
  /** Indices that may not host an office. */
  forbiddenHosts: readonly number[];
  /** Member index → host index it must belong to (the host is then forced open). */
  locks: ReadonlyMap<number, number>;
  /** A member joins only a host with at least as many inhabitants (`weight`); a locked member is exempt. */
  largestHost?: boolean;
}>;

export const NO_RULES: OptRules = {
  minFte: 0,
  maxTravel: Number.POSITIVE_INFINITY,
  sameBa: false,
  maxOwners: Number.POSITIVE_INFINITY,
  baSplitPenalty: 0,
  forcedHosts: [],
  forbiddenHosts: [],
  locks: new Map(),
};

export type OptProblem = Readonly<{
  n: number;
  /** Labels, e.g. municipality numbers ("1804") or vertex numbers ("17"). */
  ids: readonly string[];
  /** Demand weight of each point (population, or 1 in p-median benchmarks). */
  weight: Float64Array;
  /**
   * cost[i * n + j]: travel minutes from i to a host at j (NaN when unknown), 0 for i itself.
   * For a planner's input: the inhabitants' extra minutes over reaching their own centre.
   */
  cost: Float64Array;
  /** reach[i * n + j]: the minutes the maximum-travel rule compares (centre to centre); `cost` when absent. */
  reach?: Float64Array;
  /** What every structure costs besides `cost` (the inhabitants' travel inside their own municipality), in the objective's unit. */
  baseCost?: number;
  /** Staff each member brings to its office. */
  fte: Float64Array;
  /**
   * hostFixedFte[j]: staff an office hosted by j has besides its members' (the fixed part of
   * estimated staffing, carried by a host whose staffing is estimated); absent: none.
   */
  hostFixedFte?: Float64Array;
  /** BA region as a small integer, -1 when unknown. */
  ba: Int32Array;
  rules: OptRules;
  /** The service point each member gets from each host, and what it costs (sites.ts); absent: none anywhere (users travel to the host). */
  sites?: PairSites;
}>;

/**
 * Service points chosen per pair. A member's service point changes only what serving it from
 * that host costs (its users' travel on the days without local service, and the point's
 * premises and staff travel); no rule ties it to other members. So the best point for each
 * (member, host) pair is known before the solve, and every model over `pairCost` chooses
 * hosts, members and service points together, exactly.
 */
export type PairSites = Readonly<{
  /** The service points to choose from; index 0 is none. */
  levels: readonly ServicePoint[];
  /** level[i * n + j]: the point member i gets when served by j; -1 when none is allowed (the pair is not). */
  level: Int8Array;
  /** travel[i * n + j]: its users' travel with that point, weight × minutes (the objective's unit). */
  travel: Float64Array;
  /** site[i * n + j]: the point's yearly cost in the objective's unit. */
  site: Float64Array;
  /** Kroner a year per unit of the objective (users' time), to report costs in kroner. */
  krPerUnit: number;
  /** refused[i * n + j]: why the pair has no point (level −1), so that the reason is said as it was decided. */
  refused: Uint8Array;
}>;

/** Why buildSites allows no service point for a pair (PairSites.refused). */
export const SiteRefusal = {
  None: 0,
  /** No travel time, or beyond even the limit for a member with a full local office. */
  OutOfReach: 1,
  /** Beyond the limit without local service, within it with a full local office, but the host's own staff are under the minimum. */
  FarHostNotRobust: 2,
} as const;

/** What serving member i from host j adds to the objective: its users' travel (and its service point's cost). */
export function pairCost(pr: OptProblem, i: number, j: number): number {
  if (i === j) return 0;
  const k = i * pr.n + j;
  return pr.sites ? pr.sites.travel[k]! + pr.sites.site[k]! : pr.weight[i]! * pr.cost[k]!;
}

/** The users' part of pairCost: weight × minutes on the days without local service. */
export function pairTravel(pr: OptProblem, i: number, j: number): number {
  if (i === j) return 0;
  const k = i * pr.n + j;
  return pr.sites ? pr.sites.travel[k]! : pr.weight[i]! * pr.cost[k]!;
}

/** The service point member i gets when served by j (none without sites; the host's own office is full). */
export function servicePointOf(pr: OptProblem, i: number, j: number): ServicePoint {
  if (i === j) return { kind: 'full' };
  const l = pr.sites ? pr.sites.level[i * pr.n + j]! : 0;
  return pr.sites && l >= 0 ? pr.sites.levels[l]! : { kind: 'none' };
}

/**
 * Which assignments and hosts the rules allow, after pruning:
 * - a pair beyond the travel radius, across BA regions (with `sameBa`) or with unknown travel
 *   is not allowed; a locked member may only go to its host;
 * - a host that cannot gather the minimum FTE from the members it may serve is not a candidate;
 * - a municipality that no candidate host may serve is *isolated*: it keeps an office of its
 *   own, exempt from the minimum (there is nothing robust within reach of it).
 */
export type Reduced = Readonly<{
  problem: OptProblem;
  /** Candidate hosts (indices). */
  candidates: readonly number[];
  isCandidate: Uint8Array;
  /** For each member: allowed hosts (candidates only, itself included when a candidate), nearest first. */
  allowed: readonly Int32Array[];
  /** For each candidate host: the members it may serve (itself included), the reverse of `allowed`. */
  servable: readonly Int32Array[];
  /** Isolated municipalities: each an office alone, outside the optimisation. */
  isolated: readonly number[];
  /** isIsolated[i] is 1 for an isolated municipality (the same set, for lookups). */
  isIsolated: Uint8Array;
  /** Hosts that must be open (forced, lock targets). */
  forced: Uint8Array;
  /** Number of offices to choose among candidates (the target minus isolated), or undefined. */
  p?: number;
}>;

export class InfeasibleRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfeasibleRulesError';
  }
}

/** Minutes from i to a host at j as the maximum-travel rule sees them. */
export function reachOf(pr: OptProblem, i: number, j: number): number {
  return i === j ? 0 : (pr.reach ?? pr.cost)[i * pr.n + j]!;
}

/** The population-weighted mean travel of a structure whose `cost` part is `travel` (the base cost added). */
export function meanTravelOf(pr: OptProblem, travel: number): number {
  const total = pr.weight.reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : (travel + (pr.baseCost ?? 0)) / total;
}

/** The FTE the members of an office hosted by j must bring: the minimum less the host's fixed part. */
export function minFteAt(pr: OptProblem, j: number): number {
  return pr.rules.minFte - (pr.hostFixedFte ? pr.hostFixedFte[j]! : 0);
}

export function pairAllowed(pr: OptProblem, i: number, j: number): boolean {
  if (i === j) return true;
  const r = pr.rules;
  const c = pr.cost[i * pr.n + j]!;
  if (!Number.isFinite(c)) return false;
  if (pr.sites) {
    // The sites know which points the travel rule leaves (a full local office beyond the limit).
    if (pr.sites.level[i * pr.n + j]! < 0) return false;
  } else {
    const reach = pr.reach ? pr.reach[i * pr.n + j]! : c;
    if (!(reach <= r.maxTravel)) return false;
  }
  if (r.sameBa && pr.ba[i]! >= 0 && pr.ba[j]! >= 0 && pr.ba[i] !== pr.ba[j]) return false;
  const lock = r.locks.get(i);
  if (lock !== undefined) return lock === j;
  return !smallerHost(pr, i, j);
}

/**
 * Host j has fewer inhabitants than member i, and the rule says a member joins only a host at
 * least its size. The planner's own choices win over it: a member the planner ruled out as a
 * host must join someone, so it may join a smaller one (a lock is exempt in pairAllowed).
 */
export function smallerHost(pr: OptProblem, i: number, j: number): boolean {
  return pr.rules.largestHost === true && pr.weight[j]! < pr.weight[i]! && !pr.rules.forbiddenHosts.includes(i);
}

/**
 * Why an isolated municipality keeps an office of its own, in the planner's words: no host is
 * within the travel limits, or every host within them breaks a rule (the minimum staff, the
 * BA region, a lock or a host the planner ruled out), in the language asked for.
 */
export function whyIsolated(red: Reduced, i: number, maxTravelWithLocalOffice?: number, lang: Language = 'nb'): string {
  const pr = red.problem;
  const r = pr.rules;
  let known = 0;
  let near = 0;
  let farNotRobust = 0;
  let otherBa = 0;
  let forbidden = 0;
  let locked = 0;
  let smaller = 0;
  for (let j = 0; j < pr.n; j++) {
    if (j === i || !Number.isFinite(pr.cost[i * pr.n + j]!)) continue;
    known++;
    const inReach = pr.sites ? pr.sites.level[i * pr.n + j]! >= 0 : reachOf(pr, i, j) <= r.maxTravel;
    if (!inReach) {
      // The reason buildSites recorded: a host within reach of a local office left out because it is not robust alone.
      if (pr.sites?.refused[i * pr.n + j] === SiteRefusal.FarHostNotRobust) farNotRobust++;
      continue;
    }
    near++;
    const lock = r.locks.get(j);
    if (r.sameBa && pr.ba[i]! >= 0 && pr.ba[j]! >= 0 && pr.ba[i] !== pr.ba[j]) otherBa++;
    else if (r.forbiddenHosts.includes(j)) forbidden++;
    else if (lock !== undefined && lock !== j) locked++;
    else if (!r.locks.has(i) && smallerHost(pr, i, j)) smaller++;
  }
  const say = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  if (known === 0) return say('isoUnknown');
  const limit = pr.sites
    ? say('isoLimitLocal', { minutes: r.maxTravel, local: maxTravelWithLocalOffice ?? '–' })
    : say('isoLimit', { minutes: r.maxTravel });
  const parts: string[] = [];
  parts.push(near === 0 ? say('isoNoHost', { limit }) : say('isoNear', { count: near, limit }));
  if (farNotRobust > 0) parts.push(say('isoFarNotRobust', { count: farNotRobust, minutes: r.maxTravel, minFte: r.minFte }));
  if (otherBa > 0) parts.push(say('isoOtherBa', { count: otherBa }));
  if (forbidden > 0) parts.push(say('isoForbidden', { count: forbidden }));
  if (locked > 0) parts.push(say('isoLocked', { count: locked }));
  if (smaller > 0) parts.push(say('isoSmallerHost', { count: smaller }));
  const unexplained = near - otherBa - forbidden - locked - smaller;
  if (unexplained > 0 && r.minFte > 0) parts.push(say('isoUnexplained', { count: unexplained, minFte: r.minFte }));
  return parts.join('; ');
}

/** Prunes pairs and hosts as described on `Reduced`; throws InfeasibleRulesError for contradictory rules. */
export function reduce(pr: OptProblem): Reduced {
  const { n, rules } = pr;
  const forbidden = new Uint8Array(n);
  for (const j of rules.forbiddenHosts) forbidden[j] = 1;
  const forced = new Uint8Array(n);
  for (const j of rules.forcedHosts) forced[j] = 1;
  for (const [i, h] of rules.locks) {
    if (forbidden[h]) throw coded((t) => new InfeasibleRulesError(t), 'optLockedToForbidden', { member: pr.ids[i]!, host: pr.ids[h]! });
    forced[h] = 1;
    if (rules.locks.has(h) && rules.locks.get(h) !== h) {
      throw coded((t) => new InfeasibleRulesError(t), 'optLockedToLocked', {
        member: pr.ids[i]!,
        host: pr.ids[h]!,
        other: pr.ids[rules.locks.get(h)!]!,
      });
    }
    if (i !== h && !pairAllowed(pr, i, h)) {
      throw coded((t) => new InfeasibleRulesError(t), 'optLockedNotAllowed', { member: pr.ids[i]!, host: pr.ids[h]! });
    }
  }
  for (let j = 0; j < n; j++) {
    if (forced[j] && forbidden[j]) throw coded((t) => new InfeasibleRulesError(t), 'optForcedAndForbidden', { host: pr.ids[j]! });
    const lock = rules.locks.get(j);
    if (forced[j] && lock !== undefined && lock !== j) {
      throw coded((t) => new InfeasibleRulesError(t), 'optForcedButLocked', { host: pr.ids[j]!, other: pr.ids[lock]! });
    }
  }
  // Host capability: the FTE it could gather at best (its own plus the largest allowed members).
  const isCandidate = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    if (forbidden[j]) continue;
    const lock = rules.locks.get(j);
    if (lock !== undefined && lock !== j) continue;
    if (rules.minFte > 0) {
      const ftes: number[] = [];
      for (let i = 0; i < n; i++) if (i !== j && pairAllowed(pr, i, j)) ftes.push(pr.fte[i]!);
      ftes.sort((a, b) => b - a);
      const room = Math.min(ftes.length, rules.maxOwners - 1);
      let best = pr.fte[j]!;
      for (let k = 0; k < room; k++) best += ftes[k]!;
      if (best < minFteAt(pr, j) - 1e-9 && !forced[j]) continue;
    }
    isCandidate[j] = 1;
  }
  const allowed: Int32Array[] = [];
  const isolated: number[] = [];
  for (let i = 0; i < n; i++) {
    const hosts: number[] = [];
    for (let j = 0; j < n; j++) if (isCandidate[j] && pairAllowed(pr, i, j)) hosts.push(j);
    // Cheapest first (the radius model's levels and every "nearest open host" rest on it), then nearest.
    hosts.sort((a, b) =>
      i === a ? -1 : i === b ? 1 : pairCost(pr, i, a) - pairCost(pr, i, b) || pr.cost[i * n + a]! - pr.cost[i * n + b]! || a - b,
    );
    allowed.push(Int32Array.from(hosts));
    if (hosts.length === 0) {
      if (rules.locks.has(i)) throw coded((t) => new InfeasibleRulesError(t), 'optLockedWeakHost', { member: pr.ids[i]! });
      isolated.push(i);
    }
  }
  const candidates: number[] = [];
  for (let j = 0; j < n; j++) if (isCandidate[j]) candidates.push(j);
  const serve: number[][] = Array.from({ length: n }, () => []);
  allowed.forEach((hosts, i) => hosts.forEach((j) => serve[j]!.push(i)));
  const servable = serve.map((s) => Int32Array.from(s));
  let p: number | undefined;
  if (rules.offices !== undefined) {
    p = rules.offices - isolated.length;
    const nForced = candidates.filter((j) => forced[j]).length;
    if (p < Math.max(1, nForced)) {
      throw coded((t) => new InfeasibleRulesError(t), 'optTooFewIsolated', {
        offices: rules.offices,
        isolated: isolated.length,
        forced: nForced,
      });
    }
    const members = n - isolated.length;
    if (Number.isFinite(rules.maxOwners) && p * rules.maxOwners < members) {
      throw coded((t) => new InfeasibleRulesError(t), 'optTooFewOwners', {
        offices: rules.offices,
        owners: rules.maxOwners,
        needed: Math.ceil(members / rules.maxOwners) + isolated.length,
      });
    }
    if (p > candidates.length) {
      throw coded((t) => new InfeasibleRulesError(t), 'optTooMany', { offices: rules.offices, hosts: candidates.length + isolated.length });
    }
  } else if (rules.officeCost === undefined) {
    throw coded((t) => new InfeasibleRulesError(t), 'optCountOrCost');
  }
  const isIsolated = new Uint8Array(n);
  for (const i of isolated) isIsolated[i] = 1;
  return { problem: pr, candidates, isCandidate, allowed, servable, isolated, isIsolated, forced, p };
}

/** A structure: the host of every municipality (host[i] === i for hosts). */
export type Assignment = Int32Array;

export type Evaluation = Readonly<{
  objective: number;
  /** Users' travel (weight × minutes, on the days without local service). */
  travel: number;
  /** The service points' yearly cost, in the objective's unit (0 without sites). */
  siteCost: number;
  offices: number;
  baSplits: number;
  /** Sum over offices of FTE missing to the minimum (0 when feasible). */
  fteDeficit: number;
  /** Sum over offices of members beyond the maximum. */
  ownerExcess: number;
  /** Members assigned where the rules do not allow. */
  badPairs: number;
  feasible: boolean;
}>;

/**
 * How far BA regions are split: for each region, the number of offices its municipalities
 * belong to, less one (a region spread over three offices counts 2). Linear, so the exact
 * model penalises exactly what this counts.
 */
export function countBaSplits(pr: OptProblem, host: Assignment): number {
  const pieces = new Set<number>();
  const regions = new Set<number>();
  for (let i = 0; i < pr.n; i++) {
    const b = pr.ba[i]!;
    if (b < 0) continue;
    regions.add(b);
    pieces.add(b * pr.n + host[i]!);
  }
  return pieces.size - regions.size;
}

/** The objective and every rule, checked independently of any solver. */
export function evaluate(red: Reduced, host: Assignment): Evaluation {
  const pr = red.problem;
  const { n, rules } = pr;
  let travel = 0;
  let siteCost = 0;
  let badPairs = 0;
  const fte = new Float64Array(n);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = host[i]!;
    if (h < 0 || h >= n || host[h] !== h) {
      badPairs++;
      continue;
    }
    if (i !== h) {
      if (!red.isCandidate[h] || !pairAllowed(pr, i, h)) badPairs++;
      const t = pairTravel(pr, i, h);
      travel += t;
      siteCost += pairCost(pr, i, h) - t;
    }
    fte[h] = fte[h]! + pr.fte[i]!;
    members[h] = members[h]! + 1;
  }
  let offices = 0;
  let fteDeficit = 0;
  let ownerExcess = 0;
  for (let j = 0; j < n; j++) {
    if (host[j] !== j) {
      if (red.forced[j]) badPairs++;
      continue;
    }
    offices++;
    if (red.isIsolated[j]) {
      if (members[j] !== 1) badPairs++;
      continue;
    }
    if (!red.isCandidate[j]) badPairs++;
    const deficit = minFteAt(pr, j) - fte[j]!;
    if (deficit > 1e-9) fteDeficit += deficit;
    ownerExcess += Math.max(0, members[j]! - rules.maxOwners);
  }
  if (rules.offices !== undefined && offices !== rules.offices) badPairs += Math.abs(offices - rules.offices);
  const baSplits = rules.baSplitPenalty > 0 ? countBaSplits(pr, host) : 0;
  const officeCost = rules.offices === undefined ? (rules.officeCost ?? 0) * offices : 0;
  return {
    objective: travel + siteCost + officeCost + rules.baSplitPenalty * baSplits,
    travel,
    siteCost,
    offices,
    baSplits,
    fteDeficit,
    ownerExcess,
    badPairs,
    feasible: badPairs === 0 && fteDeficit === 0 && ownerExcess === 0,
  };
}
