// Known exceptions to the layering (eslint.config.mjs): the travel estimate's and the checks'
// parameter types live with their code, and the default ratings are built from the metrics.
// eslint-disable-next-line no-restricted-imports
import type { NetworkParameters } from '../travel/network';
// eslint-disable-next-line no-restricted-imports
import type { ValidationOptions } from '../travel/validate';
// eslint-disable-next-line no-restricted-imports
import { defaultRatings } from '../scoring/metrics';

/**
 * User parameters of scoring and estimation, with defaults. Every default's source is in
 * docs/scoring.md; the facts behind them are in DESIGN.md ("Domain facts").
 */

/** A linear rating range: `worst` maps to 0, `best` to 100, clipped outside. */
export type RatingRange = Readonly<{ worst: number; best: number; weight: number }>;

export const METRIC_IDS = [
  'fte',
  'vulnerability',
  'population',
  'weightedTravel',
  'maxTravel',
  'shareOver75',
  'staffTravel',
  'baShareInHostRegion',
  'owners',
  'hostPopulationShare',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * Scoring parameters, plus the travel estimate's (NetworkParameters: routes through
 * neighbouring municipalities and ferries, src/travel/network.ts and docs/travel.md) and the
 * checks of given travel times (ValidationOptions, src/travel/validate.ts).
 */
export type Parameters = NetworkParameters &
  ValidationOptions &
  Readonly<{
    /**
     * Staff estimated where none is given: `staffFixed` per office (carried by its host) plus
     * `staffPer1000` per 1 000 inhabitants of each member (FITTED_STAFFING_PARAMETERS).
     */
    staffFixed: number;
    staffPer1000: number;
    /**
     * Share of staff that is municipal (the rest is state), where the split is not given:
     * estimated staffing, or a total without the split. The research: a third to a half.
     */
    municipalShareOfFte: number;
    /** Vulnerability: an office is vulnerable on days with fewer than k staff present... */
    vulnerabilityK: number;
    /** ...with each staff member absent independently with probability a. */
    vulnerabilityA: number;
    /** Opening days a week that a meeting room is worth to its users. */
    meetingRoomDays: number;
    /** Staff trips from the host per opening day at a branch (round trip each). */
    staffTripsPerOpeningDay: number;
    /** Staff trips per week to a meeting room. */
    meetingRoomTripsPerWeek: number;
    /**
     * Round trips a week from a partner's staffed local office (a full office or a 5-day
     * branch) to the host: local staff come to the host "en gang annenhver eller hver uke"
     * (000 L997). Counted per local office, not per person: an assumption.
     */
    localStaffTripsToHostPerWeek: number;
    /** Premises a year, kr, by kind of service point (a full local office where Bemanning gives none); see SITE_DEFAULTS. */
    sitePremisesKr: Readonly<{ meeting: number; branch: number; full: number }>;
    /** Staff cost per hour of their travel, kr. */
    staffKrPerHour: number;
    /** Working weeks a year in which staff make their trips. */
    workWeeksPerYear: number;
    /** What users' time is worth, kr per minute (the optimiser weighs a service point's cost against the travel it saves). */
    userTimeKrPerMinute: number;
    /** Trips to NAV's office per inhabitant a year (there and back, counted once): turns minutes of travel into users' hours a year. */
    visitsPerInhabitantPerYear: number;
    /** Opening days of the part-time branch the optimiser may propose. */
    optimiserBranchDays: number;
    /** Longest trip to the host the optimiser allows a member with its own full local office (users never make it; staff do weekly). */
    maxTravelWithLocalOffice: number;
    /** The optimiser proposes only offices whose host is their most populous member (a planner's lock is exempt). */
    optimiserLargestHost: boolean;
    /** Travel thresholds (minutes) for the shares of population over them. */
    travelThresholds: readonly [number, number, number];
    /** Hard constraints, shown pass/fail. */
    minFte: number;
    /** Maximum travel to the host for a member without a service point of its own. */
    maxTravelWithoutServicePoint: number;
    maxOwners: number;
    requireSameBaRegion: boolean;
    ratings: Readonly<Record<MetricId, RatingRange>>;
  }>;

/**
 * Fitted by `fitParameters` (src/travel/calibrate.ts) to the 192 TØI pairs (municipality →
 * BA-region centre, the inhabitants' car time) over the overland paths between administrative
 * centres and through a shared neighbour (assets/lenker_2024.csv), with the detour factor held at 1.2 (road km ÷ path km, our
 * assumption) and ferry waiting at half the headway capped at 30 min, within the plausible
 * range: 0–10 fixed minutes, 60–80 km/h on the road km (80 km/h is the general speed limit
 * outside built-up areas; a trip's mean speed above it is not plausible, nor a main road's
 * below 60), on European and national roads too (assets/hovedveger.csv; the trunk speed sits
 * at 80), and 80–110 km/h on their motorway stretches (signed 100–110). A test refits them
 * from the embedded data, so they cannot drift from the data silently. Validated on published
 * drive times, not fitted to them (docs/travel.md).
 */
export const FITTED_TRAVEL_PARAMETERS = {
  estimateFixedMinutes: 4,
  detourFactor: 1.2,
  roadSpeedKmh: 79.2,
  emptyLandSpeedKmh: 60,
  trunkRoadSpeedKmh: 80,
  motorwaySpeedKmh: 91.4,
  countyRoadSpeedKmh: {
    '11': 79.7,
    '15': 79.7,
    '18': 79.7,
    '31': 79.5,
    '32': 78.1,
    '33': 76.5,
    '34': 79.8,
    '39': 79.4,
    '40': 75.4,
    '42': 76.4,
    '46': 67,
    '50': 70.8,
    '55': 68.8,
    '56': 75.2,
  },
} as const;

/**
 * Travel inside a municipality: fitted by `fitWithin` (src/travel/within.ts) to TØI's
 * own-region times of the 162 centre and own-region municipalities against the SSB grid's mean
 * straight-line km from the inhabitants to the centre. A test refits them.
 */
export const FITTED_WITHIN_PARAMETERS = {
  withinFixedMinutes: 1.78,
  withinMinutesPerKm: 1.61,
} as const;

/**
 * Staffing where the workbook gives none: staff = staffFixed + staffPer1000 × inhabitants /
 * 1 000, fitted by `fitStaffing` (src/scoring/staffing.ts: least absolute error) to the six
 * offices of AFI 2022 with staff and every member's population (000 L643–651; the points and
 * each office's error in docs/scoring.md). The staff are employees, not FTE, year not stated.
 * A test refits them from the points, so they cannot drift from the report silently.
 */
export const FITTED_STAFFING_PARAMETERS = {
  staffFixed: 4.85,
  staffPer1000: 1.885,
} as const;

/**
 * Municipal share where the split is not given: the research finds municipal staff a third to
 * a half of an office (001 L1375: Ringerike about half; 001 L2640: Grimstad 12.6 of 37.9); 0.4,
 * near the middle of that range, is our choice.
 */
export const DEFAULT_MUNICIPAL_SHARE = 0.4;

/**
 * Service points (src/scoring/sites.ts): what they cost and what users' time is worth. The
 * research names premises and staff travel as the costs of keeping locations (000 L931–933,
 * L997, L1003) but gives no figures; every figure here but one is our assumption, for the
 * planner to set:
 * - premises a year: meeting room 20 000 kr (a room rented by the day), part-time branch
 *   100 000 kr, full local office 250 000 kr (about 100–150 m² at 1 700–2 500 kr/m², an
 *   assumption); Bemanning's premises cost, where given, replaces the full office's;
 * - staff travel at 500 kr an hour: 850 000 kr per FTE (the cost sheet's default, an
 *   assumption) over 1 700 working hours;
 * - 46 working weeks a year (52 less holidays, an assumption);
 * - users' time 1.2 kr a minute: 72 kr an hour, TØI's value of time saved on private car trips
 *   under 70 km (TØI rapport 1389/2015, www.toi.no "Så stor er verdien av din sparte
 *   reisetid"; sourced);
 * - 1 visit per inhabitant a year (an assumption: NAV publishes no visits per office);
 * - a part-time branch open 2 days (Evenes and Gratangen's locations, 004 L157: sourced as a
 *   practice, not a norm);
 * - a member with its own full local office may be up to 300 min from its host (an assumption,
 *   chosen so that every island municipality reaches a host that keeps the rules: Træna to Rana
 *   is 258 min on the estimate);
 * - the host of a proposed office is its most populous member (our assumption, as the practice
 *   the research documents: in every cooperation it describes the largest municipality hosts,
 *   000 L640–651, DESIGN's list; without it the optimiser, indifferent to which member of an
 *   office with a full local office in each hosts, proposed Nittedal hosting Oslo). Plan's
 *   pass/fail does not check it: a planner's own smaller host is not a breach.
 */
export const SITE_DEFAULTS = {
  sitePremisesKr: { meeting: 20_000, branch: 100_000, full: 250_000 },
  staffKrPerHour: 500,
  workWeeksPerYear: 46,
  userTimeKrPerMinute: 1.2,
  visitsPerInhabitantPerYear: 1,
  optimiserBranchDays: 2,
  maxTravelWithLocalOffice: 300,
  optimiserLargestHost: true,
} as const;

export const DEFAULT_PARAMETERS: Parameters = {
  ...FITTED_STAFFING_PARAMETERS,
  municipalShareOfFte: DEFAULT_MUNICIPAL_SHARE,
  vulnerabilityK: 2,
  vulnerabilityA: 0.15,
  meetingRoomDays: 0.5,
  staffTripsPerOpeningDay: 1,
  meetingRoomTripsPerWeek: 0.5,
  localStaffTripsToHostPerWeek: 1,
  ...SITE_DEFAULTS,
  travelThresholds: [45, 75, 90],
  minFte: 10,
  maxTravelWithoutServicePoint: 90,
  maxOwners: 5,
  requireSameBaRegion: false,
  // Each metric's default range and weight, with its source: src/scoring/metrics/<id>.ts.
  ratings: defaultRatings(),
  ...FITTED_TRAVEL_PARAMETERS,
  ...FITTED_WITHIN_PARAMETERS,
  ferryWaitShare: 0.5,
  ferryWaitCapMinutes: 30,
  ferrySailingSpeedKmh: 25,
  fastBoatSailingSpeedKmh: 50,
  travelAsymmetryMinutes: 10,
  travelTriangleSlackMinutes: 5,
};

/** Merge a partial override into the defaults (ratings merged per metric). */
export function withParameters(
  overrides: Partial<Omit<Parameters, 'ratings'>> & {
    ratings?: Partial<Record<MetricId, Partial<RatingRange>>>;
  } = {},
): Parameters {
  const ratings = { ...DEFAULT_PARAMETERS.ratings };
  for (const id of METRIC_IDS) {
    const o = overrides.ratings?.[id];
    if (o) ratings[id] = { ...ratings[id], ...o };
  }
  return { ...DEFAULT_PARAMETERS, ...overrides, ratings };
}
