import type { Parameters } from '../domain/parameters';
import type { ServicePoint } from '../domain/types';

/**
 * What a member's service point gives its users and costs a year: the one definition the
 * scoring and the optimiser share, so that an optimised structure scores as it was priced.
 *
 * - Users: on the service point's opening days they are served at home (their own centre);
 *   on the other days they travel to the host.
 * - Staff: host staff travel out to a part-time branch on each opening day and to a meeting
 *   room now and then; a full local office (or a 5-day branch) has its own staff, who come to
 *   the host about once a week (000 L997).
 * - Cost a year: premises by kind, plus the staff's travel time at their hourly cost.
 *
 * Every default is in DEFAULT_PARAMETERS with its source or marked as our assumption
 * (docs/scoring.md, "Service points").
 */
export type SiteParameters = Pick<
  Parameters,
  | 'meetingRoomDays'
  | 'staffTripsPerOpeningDay'
  | 'meetingRoomTripsPerWeek'
  | 'localStaffTripsToHostPerWeek'
  | 'sitePremisesKr'
  | 'staffKrPerHour'
  | 'workWeeksPerYear'
>;

/** Opening days a week of local service: full office 5, branch its days, meeting room per parameter, none 0. */
export function localDays(sp: ServicePoint, p: Pick<SiteParameters, 'meetingRoomDays'>): number {
  switch (sp.kind) {
    case 'full':
      return 5;
    case 'branch':
      return Math.min(5, sp.days);
    case 'meeting':
      return p.meetingRoomDays;
    case 'none':
      return 0;
  }
}

/** A full office or a 5-day branch has its own staff on site. */
export function staffedOnSite(sp: ServicePoint): boolean {
  return sp.kind === 'full' || (sp.kind === 'branch' && sp.days >= 5);
}

/** Local service every weekday: the maximum-travel rule does not apply (no day without local service). */
export function servedLocallyEveryDay(sp: ServicePoint, p: Pick<SiteParameters, 'meetingRoomDays'>): boolean {
  return localDays(sp, p) >= 5;
}

/** Staff round trips a week from the host to a part-time branch or a meeting room. */
export function staffTripsFromHost(sp: ServicePoint, p: SiteParameters): number {
  if (sp.kind === 'branch') return sp.days >= 5 ? 0 : sp.days * p.staffTripsPerOpeningDay;
  if (sp.kind === 'meeting') return p.meetingRoomTripsPerWeek;
  return 0;
}

/** Round trips a week of a partner's local staff to the host (000 L997: "en gang annenhver eller hver uke"). */
export function staffTripsToHost(sp: ServicePoint, p: SiteParameters): number {
  return staffedOnSite(sp) ? p.localStaffTripsToHostPerWeek : 0;
}

/** Staff minutes a week between host and member: out to a branch or meeting room, in from a local office. */
export function staffMinutesPerWeek(sp: ServicePoint, fromHostMinutes: number, toHostMinutes: number, p: SiteParameters): number {
  return staffTripsFromHost(sp, p) * 2 * fromHostMinutes + staffTripsToHost(sp, p) * 2 * toHostMinutes;
}

/** Premises a year for a member's service point (the host's own office is not a service point). */
export function premisesKr(sp: ServicePoint, p: SiteParameters, ownPremisesKr?: number): number {
  switch (sp.kind) {
    case 'full':
      return ownPremisesKr ?? p.sitePremisesKr.full;
    case 'branch':
      return sp.days >= 5 ? (ownPremisesKr ?? p.sitePremisesKr.full) : p.sitePremisesKr.branch;
    case 'meeting':
      return p.sitePremisesKr.meeting;
    case 'none':
      return 0;
  }
}

/** What a member's service point costs a year, kr: premises and the staff's travel time. */
export function siteCostKr(
  sp: ServicePoint,
  fromHostMinutes: number,
  toHostMinutes: number,
  p: SiteParameters,
  ownPremisesKr?: number,
): { premisesKr: number; staffTravelKr: number; totalKr: number } {
  const premises = premisesKr(sp, p, ownPremisesKr);
  const staffTravelKr = (staffMinutesPerWeek(sp, fromHostMinutes, toHostMinutes, p) * p.workWeeksPerYear * p.staffKrPerHour) / 60;
  return { premisesKr: premises, staffTravelKr, totalKr: premises + staffTravelKr };
}
