import type { Parameters } from '../domain/parameters';
import type { ServicePoint } from '../domain/types';
import { localDays, siteCostKr } from '../scoring/sites';
import { SiteRefusal, type PairSites } from './problem';

/**
 * The service points the optimiser chooses from, and for every (member, host) pair the best
 * one the rules allow (see PairSites: the choice is per pair, so this is exact):
 *
 * - users' travel on the days without local service: weight × extra minutes × (1 − days/5);
 * - the point's yearly cost (premises, staff travel: src/scoring/sites.ts), turned into the
 *   objective's unit at what users' time is worth: visits a year × 2 ways × kr per minute;
 * - the maximum-travel rule binds on every day without local service, so a member beyond it
 *   may only join with a full local office, and then only up to `maxTravelWithLocalOffice`
 *   and only a host whose own staff keep the minimum: staff hours away do not make an office
 *   robust (they cannot cover each other's absence), so an island joins a robust host and
 *   never makes a tiny one look robust;
 * - with `minDays` (keep the locations there are), no point with fewer opening days than the
 *   member has today.
 *
 * `costScale` multiplies every point's cost (the trade-off curve over location cost).
 */
export type SiteInput = Readonly<{
  n: number;
  weight: Float64Array;
  /** Users' extra minutes, member i to host j (the optimiser's `cost`). */
  cost: Float64Array;
  /** Centre-to-centre minutes i → j (the travel rule's, and the staff's). */
  reach: Float64Array;
  /** Premises a year of each member's own office where the input gives them (Bemanning). */
  ownPremisesKr: readonly (number | undefined)[];
  /** Opening days a week each member must keep (keep-locations), or undefined. */
  minDays?: Float64Array;
  /** Each member's service point today (keep-locations): offered beside the standard ones, so a 3-day branch may stay a 3-day branch. */
  todayPoints?: readonly (ServicePoint | undefined)[];
  /** Staff an office hosted by j has from j alone (its own and the estimate's fixed part). */
  hostOwnFte: Float64Array;
  /** The minimum staff of an office (0: none). */
  minFte: number;
}>;

export type SiteOptions = Readonly<{
  costScale?: number;
}>;

/** The points the optimiser proposes: none, a meeting room, a part-time branch, a full local office. */
export function siteLevels(p: Parameters): ServicePoint[] {
  return [{ kind: 'none' }, { kind: 'meeting' }, { kind: 'branch', days: p.optimiserBranchDays }, { kind: 'full' }];
}

/** Kroner a year that one unit of the objective (one inhabitant's minute on one trip) is worth. */
export function krPerObjectiveUnit(p: Parameters): number {
  return p.visitsPerInhabitantPerYear * 2 * p.userTimeKrPerMinute;
}

const standardChoices = new Map<number, number[]>();
/** The indices 0 … count − 1 (the standard levels), one array per count. */
function STANDARD(count: number): number[] {
  let a = standardChoices.get(count);
  if (!a) standardChoices.set(count, (a = Array.from({ length: count }, (_, k) => k)));
  return a;
}

export function buildSites(s: SiteInput, p: Parameters, o: SiteOptions = {}): PairSites {
  const { n } = s;
  const levels = siteLevels(p);
  const standard = levels.length;
  // Today's points that none of the standard ones equals, each offered to its own member only.
  const own = new Int16Array(n).fill(-1);
  (s.todayPoints ?? []).forEach((sp, i) => {
    if (!sp || sp.kind === 'none') return;
    const d = localDays(sp, p);
    // Local service every day (a 5-day branch too) is the full local office's.
    if (d >= 5) return;
    const same = levels.findIndex((l) => l.kind === sp.kind && localDays(l, p) === d);
    if (same >= 0 && same < standard) return;
    if (same < 0) levels.push(sp);
    own[i] = same >= 0 ? same : levels.length - 1;
  });
  const days = levels.map((l) => localDays(l, p));
  const krPerUnit = krPerObjectiveUnit(p);
  if (!(krPerUnit > 0)) throw new RangeError('users’ time must be worth more than 0 kr (userTimeKrPerMinute, visitsPerInhabitantPerYear)');
  const scale = o.costScale ?? 1;
  const level = new Int8Array(n * n).fill(-1);
  const travel = new Float64Array(n * n);
  const site = new Float64Array(n * n);
  const refused = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    const minDays = s.minDays?.[i] ?? 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const k = i * n + j;
      const extra = s.cost[k]!;
      const toHost = s.reach[k]!;
      const fromHost = s.reach[j * n + i]!;
      if (!Number.isFinite(extra) || !Number.isFinite(toHost)) {
        refused[k] = SiteRefusal.OutOfReach;
        continue;
      }
      const beyond = !(toHost <= p.maxTravelWithoutServicePoint);
      if (beyond && !(toHost <= p.maxTravelWithLocalOffice)) {
        refused[k] = SiteRefusal.OutOfReach;
        continue;
      }
      if (beyond && !(s.hostOwnFte[j]! >= s.minFte - 1e-9)) {
        refused[k] = SiteRefusal.FarHostNotRobust;
        continue;
      }
      let best = -1;
      let bestTravel = 0;
      let bestSite = 0;
      const choices = own[i]! >= 0 ? [...STANDARD(standard), own[i]!] : STANDARD(standard);
      for (const l of choices) {
        const d = days[l]!;
        if (beyond && d < 5) continue;
        if (d + 1e-9 < minDays) continue;
        const t = s.weight[i]! * extra * (1 - d / 5);
        const c = (scale * siteCostKr(levels[l]!, fromHost, toHost, p, s.ownPremisesKr[i]).totalKr) / krPerUnit;
        // Ties go to more local service (later levels have more days).
        if (best < 0 || t + c <= bestTravel + bestSite + 1e-9) {
          best = l;
          bestTravel = t;
          bestSite = c;
        }
      }
      // A full local office keeps any day count, so some point always fits; kept for safety.
      if (best < 0) {
        refused[k] = SiteRefusal.OutOfReach;
        continue;
      }
      level[k] = best;
      travel[k] = bestTravel;
      site[k] = bestSite;
    }
  }
  return { levels, level, travel, site, krPerUnit, refused };
}
