import type {
  LegalForm,
  Municipality,
  MunicipalityNumber,
  Office,
  PlanningInput,
  Provenance,
  Scenario,
  ServicePoint,
  WithinSource,
} from '../domain/types';
import { travelMinutes, travelProvenance, travelViaFerry, usersMinutes, withinSourceOf } from '../travel/matrix';
import { METRIC_IDS, type MetricId, type Parameters, type RatingRange } from '../domain/parameters';
import { METRICS, rateMetric } from './metrics';
import { combineRatings } from './rate';
import { weightSensitivity, type WeightChange } from './sensitivity';
import { officeBreaches, rankScenarios, type Breach } from './verdict';
import { consequences, type Consequence } from './consequences';
import { baselineIndex, versusBaseline, type VersusBaseline } from './versus';
import { officeStaffing } from './staffing';
import { computeVulnerability } from './vulnerability';
import { localDays, servedLocallyEveryDay, siteCostKr, staffMinutesPerWeek, staffedOnSite } from './sites';

export { staffedOnSite };

export type MemberScore = Readonly<{
  number: MunicipalityNumber;
  name: string;
  isHost: boolean;
  population: number;
  servicePoint: ServicePoint;
  /** Opening days a week of local service (full office 5, meeting room per parameter). */
  localDays: number;
  /** Minutes from the member to its host. */
  travelToHostMinutes: number;
  travelProvenance: Provenance | undefined;
  /** The trip to the host includes a ferry. */
  travelViaFerry: boolean;
  /** Travel to full service: 0 with a full office or a 5-day branch, else to the host (centre to centre). */
  accessMinutes: number;
  /** The inhabitants' mean minutes to their own centre (where a local service point is), and its source. */
  withinMinutes: number;
  withinSource: WithinSource;
  /** The inhabitants' mean minutes to the host's office (usersMinutes: √(T² + W²); W for the host itself). */
  usersToHostMinutes: number;
  /**
   * The users' mean burden: the trip to the local service point on its opening days and to the
   * host on the others (withinMinutes × days/5 + usersToHostMinutes × (1 − days/5)).
   */
  effectiveMinutes: number;
  /**
   * Staff minutes a week between the host and the member: host staff out to a part-time branch
   * or a meeting room, and local staff of a full office or 5-day branch in to the host.
   */
  staffTravelMinutesPerWeek: number;
  /** The service point's yearly cost, kr: premises and staff travel (src/scoring/sites.ts); 0 for the host and for none. */
  siteCostKr: number;
  fte: number;
  fteEstimated: boolean;
  /**
   * FTE stationed in the municipality: a partner's own staff where it has a full office or a
   * 5-day branch, else none (served from the host); the host keeps the rest of the office's.
   * Our model: where staff sit is not in the data.
   */
  localFte: number;
  baRegion?: string;
  county: string;
}>;

export type ConstraintId = 'minFte' | 'maxTravel' | 'sameBa' | 'maxOwners';

export type ConstraintResult = Readonly<{
  id: ConstraintId;
  /** False when the planner has not asked for it (same BA region is optional). */
  enabled: boolean;
  pass: boolean;
  value: number;
  limit: number;
}>;

export type OfficeScore = Readonly<{
  host: MunicipalityNumber;
  hostName: string;
  members: readonly MemberScore[];
  population: number;
  fte: number;
  stateFte: number;
  municipalFte: number;
  /** Some member's staffing is estimated from population. */
  fteEstimated: boolean;
  vulnerability: number;
  weightedTravelMinutes: number;
  maxTravelMinutes: number;
  /** Population shares with access travel over each threshold (45 / 75 / 90 min by default). */
  shareOverThresholds: readonly number[];
  staffTravelMinutesPerWeek: number;
  /** The members' service points' yearly cost, kr. */
  siteCostKr: number;
  /** Share of the office's population in the host's BA region; null when unknown. */
  baShareInHostRegion: number | null;
  baRegions: number;
  owners: number;
  hostPopulationShare: number;
  countyLineCrossed: boolean;
  /** Shared without a host agreement: legally limited (kommuneloven ch. 20). */
  informal: boolean;
  /** The legal form where the input states it (Kontorer); `ukjent` is shown as unknown, never as an agreement. */
  legalForm?: LegalForm;
  estimatedTravelPairs: number;
  ratings: Readonly<Record<MetricId, number | null>>;
  rating: number;
  constraints: readonly ConstraintResult[];
  pass: boolean;
}>;

export type ScenarioTotals = Readonly<{
  offices: number;
  population: number;
  fte: number;
  minOfficeFte: number;
  /** Population-weighted mean of the offices' vulnerability. */
  vulnerability: number;
  weightedTravelMinutes: number;
  maxTravelMinutes: number;
  shareOverThresholds: readonly number[];
  staffTravelMinutesPerWeek: number;
  /** The service points' yearly cost, kr (premises and staff travel of every member's own point). */
  siteCostKr: number;
  baShareInHostRegion: number | null;
  /** BA regions whose municipalities are spread over more than one office. */
  baRegionsSplit: number;
  maxOwners: number;
  officesCrossingCounty: number;
  informalOffices: number;
  /** Shared offices whose legal form is unknown (a blank in Kontorer): a warning, not a breach; never read as an agreement. */
  unknownLegalForm: number;
  officesFailing: number;
  estimatedTravelPairs: number;
  /** Estimated member-to-host times longer than an hour: the ones a planner should measure first. */
  estimatedTravelOver60: number;
  estimatedStaffing: number;
  /**
   * The single index (0–100), population-weighted: the mean of the offices' index over the
   * inhabitants (an office breaking a rule counts 0). What the average inhabitant is served by.
   */
  rating: number;
  /** The same index per municipality, unweighted: each municipality counts once, however small. */
  ratingPerMunicipality: number;
  pass: boolean;
}>;

export type ScenarioScore = Readonly<{
  name: string;
  offices: readonly OfficeScore[];
  totals: ScenarioTotals;
  /** Every office keeps the enabled hard rules and has a legal form (no informal sharing). */
  admissible: boolean;
  /** Every rule broken, by municipality; empty when admissible. */
  breaches: readonly Breach[];
  /**
   * Place among the scenarios scored together (scoreAll): admissible ones first, then the
   * inadmissible by the municipalities in breach (fewest first), then by rating; 1 is best.
   * A scenario scored alone is 1.
   */
  rank: number;
  /** Every municipality against the baseline scenario (scoreAll: see baselineIndex; alone: itself). */
  versus: VersusBaseline;
  /**
   * The consequence table against the baseline (scoreAll): one row per advantage or disadvantage
   * the research names, graded on DFØ's scale. Empty for the baseline itself and a scenario scored alone.
   */
  consequences: readonly Consequence[];
  /** The rating ranges and weights the index used (the defaults, or the planner's Vekter sheet). */
  weights: Readonly<Record<MetricId, RatingRange>>;
  /**
   * Whether the order of the scenarios scored together survives each weight halved and doubled
   * (scoreAll): one entry per weight and factor, with the pairs that change places. Empty alone.
   */
  sensitivity: readonly WeightChange[];
}>;

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let s = 0;
  let w = 0;
  values.forEach((v, i) => {
    s += v * weights[i]!;
    w += weights[i]!;
  });
  return w === 0 ? 0 : s / w;
}

/** The weight of every metric. */
export function weightsOf(p: Pick<Parameters, 'ratings'>): Record<MetricId, number> {
  return Object.fromEntries(METRIC_IDS.map((id) => [id, p.ratings[id].weight])) as Record<MetricId, number>;
}

/**
 * An office's single index: the weighted mean of the ratings that apply, and 0 for an office
 * that breaks a hard rule or shares case work without a legal form. Non-compensatory: no other
 * measure buys back a breach.
 */
export function officeIndex(
  ratings: Readonly<Record<MetricId, number | null>>,
  weights: Readonly<Record<MetricId, number>>,
  breaks: boolean,
): number {
  return breaks ? 0 : combineRatings(ratings, weights);
}

/** All metrics, ratings and constraints of one office. */
export function scoreOffice(office: Office, input: PlanningInput, byNumber: ReadonlyMap<string, Municipality>, p: Parameters): OfficeScore {
  const host = byNumber.get(office.host)!;
  const staffingOf = officeStaffing(office, input.staffing, p);
  const drafts = office.members.map((m) => {
    const mun = byNumber.get(m.number)!;
    const isHost = m.number === office.host;
    const sp: ServicePoint = isHost ? { kind: 'full' } : m.servicePoint;
    const days = localDays(sp, p);
    const toHost = isHost ? 0 : travelMinutes(input.travel, m.number, office.host);
    const fromHost = isHost ? 0 : travelMinutes(input.travel, office.host, m.number);
    const access = days >= 5 ? 0 : toHost;
    const withinMinutes = usersMinutes(input.travel, m.number, m.number);
    const usersToHost = isHost ? withinMinutes : usersMinutes(input.travel, m.number, office.host);
    const staffing = staffingOf.get(m.number)!;
    return {
      number: m.number,
      name: mun.name,
      isHost,
      population: mun.population,
      servicePoint: sp,
      localDays: days,
      travelToHostMinutes: toHost,
      travelProvenance: isHost ? 'given' : travelProvenance(input.travel, m.number, office.host),
      travelViaFerry: !isHost && travelViaFerry(input.travel, m.number, office.host),
      accessMinutes: access,
      withinMinutes,
      withinSource: withinSourceOf(input.travel, m.number) ?? 'unknown',
      usersToHostMinutes: usersToHost,
      effectiveMinutes: days >= 5 ? withinMinutes : (withinMinutes * days) / 5 + usersToHost * (1 - days / 5),
      staffTravelMinutesPerWeek: isHost ? 0 : staffMinutesPerWeek(sp, fromHost, toHost, p),
      siteCostKr: isHost ? 0 : siteCostKr(sp, fromHost, toHost, p, input.staffing.get(m.number)?.premisesCost).totalKr,
      fte: staffing.stateFte + staffing.municipalFte,
      fteEstimated: staffing.provenance === 'estimated',
      baRegion: mun.baRegion,
      county: mun.county,
    };
  });
  const draftFte = drafts.reduce((a, m) => a + m.fte, 0);
  const onSite = drafts.filter((m) => !m.isHost && staffedOnSite(m.servicePoint)).reduce((a, m) => a + m.fte, 0);
  const members: MemberScore[] = drafts.map((m) => ({
    ...m,
    localFte: m.isHost ? draftFte - onSite : staffedOnSite(m.servicePoint) ? m.fte : 0,
  }));
  const pops = members.map((m) => m.population);
  const population = pops.reduce((a, b) => a + b, 0);
  const stateFte = office.members.reduce((s, m) => s + staffingOf.get(m.number)!.stateFte, 0);
  // A state-only service area shares the state's staff; each municipality keeps its own municipal
  // services, so only the host's municipal staff work in the office.
  const stateOnly = office.legalForm === 'statlig';
  const municipalFte = office.members.reduce(
    (s, m) => s + (stateOnly && m.number !== office.host ? 0 : staffingOf.get(m.number)!.municipalFte),
    0,
  );
  const fte = stateFte + municipalFte;
  const vulnerability = computeVulnerability(fte, p.vulnerabilityK, p.vulnerabilityA);
  const weightedTravelMinutes = weightedMean(
    members.map((m) => m.effectiveMinutes),
    pops,
  );
  const maxTravelMinutes = Math.max(0, ...members.map((m) => m.accessMinutes));
  const shareOverThresholds = p.travelThresholds.map((t) =>
    population === 0 ? 0 : members.filter((m) => m.accessMinutes > t).reduce((s, m) => s + m.population, 0) / population,
  );
  const staffTravelMinutesPerWeek = members.reduce((s, m) => s + m.staffTravelMinutesPerWeek, 0);
  const officeSiteCostKr = members.reduce((s, m) => s + m.siteCostKr, 0);
  const baShareInHostRegion =
    host.baRegion === undefined || population === 0
      ? null
      : members.filter((m) => m.baRegion === host.baRegion).reduce((s, m) => s + m.population, 0) / population;
  const baRegions = new Set(members.map((m) => m.baRegion ?? `?${m.number}`)).size;
  // A merger is one municipality: one owner, however many numbers its parts had.
  const owners = office.legalForm === 'sammenslått' ? 1 : members.length;
  const hostPopulationShare = population === 0 ? 1 : host.population / population;
  const countyLineCrossed = new Set(members.map((m) => m.county)).size > 1;
  // A stated legal form decides; an unknown one is neither an agreement nor known to be informal.
  const informal = owners > 1 && (office.legalForm !== undefined ? office.legalForm === 'uformelt' : !office.hostAgreement);
  const estimatedTravelPairs = members.filter((m) => !m.isHost && m.travelProvenance === 'estimated').length;

  const measures = {
    fte,
    vulnerability,
    population,
    weightedTravelMinutes,
    maxTravelMinutes,
    shareOverThresholds,
    staffTravelMinutesPerWeek,
    baShareInHostRegion,
    owners,
    hostPopulationShare,
  };
  // One rating per declared metric (src/scoring/metrics): null where it does not apply, 0 beyond a hard rule.
  const ratings = Object.fromEntries(METRICS.map((m) => [m.id, rateMetric(m, measures, p.ratings[m.id], p)])) as Record<
    MetricId,
    number | null
  >;

  // The travel rule binds on every day without local service: only a full local office (or a 5-day branch) is exempt.
  const withoutServicePoint = members.filter((m) => !m.isHost && !servedLocallyEveryDay(m.servicePoint, p));
  const worstWithout = Math.max(0, ...withoutServicePoint.map((m) => m.travelToHostMinutes));
  const outsideBa = members.filter((m) => m.baRegion !== host.baRegion).length;
  const constraints: ConstraintResult[] = [
    { id: 'minFte', enabled: true, pass: fte >= p.minFte, value: fte, limit: p.minFte },
    {
      id: 'maxTravel',
      enabled: true,
      pass: worstWithout <= p.maxTravelWithoutServicePoint,
      value: worstWithout,
      limit: p.maxTravelWithoutServicePoint,
    },
    { id: 'sameBa', enabled: p.requireSameBaRegion, pass: !p.requireSameBaRegion || outsideBa === 0, value: outsideBa, limit: 0 },
    { id: 'maxOwners', enabled: true, pass: owners <= p.maxOwners, value: owners, limit: p.maxOwners },
  ];
  const pass = constraints.every((c) => c.pass);
  const rating = officeIndex(ratings, weightsOf(p), !pass || informal);
  return {
    host: office.host,
    hostName: host.name,
    members,
    population,
    fte,
    stateFte,
    municipalFte,
    fteEstimated: members.some((m) => m.fteEstimated),
    vulnerability,
    weightedTravelMinutes,
    maxTravelMinutes,
    shareOverThresholds,
    staffTravelMinutesPerWeek,
    siteCostKr: officeSiteCostKr,
    baShareInHostRegion,
    baRegions,
    owners,
    hostPopulationShare,
    countyLineCrossed,
    informal,
    ...(office.legalForm !== undefined ? { legalForm: office.legalForm } : {}),
    estimatedTravelPairs,
    ratings,
    rating,
    constraints,
    pass,
  };
}

/** Scores every office of a scenario and the scenario as a whole. */
export function scoreScenario(
  scenario: Scenario,
  input: PlanningInput,
  p: Parameters,
  /** How an office is scored: scoreOffice, or a what-if's cache of offices it scored before (src/app/whatif.ts). */
  office?: (o: Office) => OfficeScore,
): ScenarioScore {
  const byNumber = new Map(input.municipalities.map((m) => [m.number as string, m]));
  const offices = scenario.offices.map(office ?? ((o) => scoreOffice(o, input, byNumber, p)));
  const members = offices.flatMap((o) => o.members);
  const pops = members.map((m) => m.population);
  const population = pops.reduce((a, b) => a + b, 0);
  const officePops = offices.map((o) => o.population);

  const officeOf = new Map<string, MunicipalityNumber>();
  for (const o of offices) for (const m of o.members) officeOf.set(m.number, o.host);
  const officesPerBa = new Map<string, Set<string>>();
  for (const m of members) {
    if (m.baRegion === undefined) continue;
    const set = officesPerBa.get(m.baRegion) ?? new Set<string>();
    set.add(officeOf.get(m.number)!);
    officesPerBa.set(m.baRegion, set);
  }
  const baKnown = offices.filter((o) => o.baShareInHostRegion !== null);
  const totals: ScenarioTotals = {
    offices: offices.length,
    population,
    fte: offices.reduce((s, o) => s + o.fte, 0),
    minOfficeFte: Math.min(...offices.map((o) => o.fte)),
    vulnerability: weightedMean(
      offices.map((o) => o.vulnerability),
      officePops,
    ),
    weightedTravelMinutes: weightedMean(
      members.map((m) => m.effectiveMinutes),
      pops,
    ),
    maxTravelMinutes: Math.max(0, ...offices.map((o) => o.maxTravelMinutes)),
    shareOverThresholds: p.travelThresholds.map((t) =>
      population === 0 ? 0 : members.filter((m) => m.accessMinutes > t).reduce((s, m) => s + m.population, 0) / population,
    ),
    staffTravelMinutesPerWeek: offices.reduce((s, o) => s + o.staffTravelMinutesPerWeek, 0),
    siteCostKr: offices.reduce((s, o) => s + o.siteCostKr, 0),
    baShareInHostRegion:
      baKnown.length === 0
        ? null
        : weightedMean(
            baKnown.map((o) => o.baShareInHostRegion!),
            baKnown.map((o) => o.population),
          ),
    baRegionsSplit: [...officesPerBa.values()].filter((s) => s.size > 1).length,
    maxOwners: Math.max(...offices.map((o) => o.owners)),
    officesCrossingCounty: offices.filter((o) => o.countyLineCrossed).length,
    informalOffices: offices.filter((o) => o.informal).length,
    unknownLegalForm: offices.filter((o) => o.owners > 1 && o.legalForm === 'ukjent').length,
    // As the verdict counts them: a hard rule broken, or shared without a legal form (informal).
    officesFailing: offices.filter((o) => !o.pass || o.informal).length,
    estimatedTravelPairs: offices.reduce((s, o) => s + o.estimatedTravelPairs, 0),
    estimatedTravelOver60: members.filter((m) => !m.isHost && m.travelProvenance === 'estimated' && m.travelToHostMinutes > 60).length,
    estimatedStaffing: members.filter((m) => m.fteEstimated).length,
    rating: Math.round(
      weightedMean(
        offices.map((o) => o.rating),
        officePops,
      ),
    ),
    ratingPerMunicipality: Math.round(
      weightedMean(
        offices.map((o) => o.rating),
        offices.map((o) => o.members.length),
      ),
    ),
    pass: offices.every((o) => o.pass),
  };
  const breaches = offices.flatMap(officeBreaches);
  const versus = versusBaseline({ offices, breaches }, { name: scenario.name, offices });
  return {
    name: scenario.name,
    offices,
    totals,
    admissible: breaches.length === 0,
    breaches,
    rank: 1,
    versus,
    consequences: [],
    weights: p.ratings,
    sensitivity: [],
  };
}

/**
 * Scores every scenario, ranks them together (admissible first, then fewest breaches, then by rating) and compares
 * each municipality with the baseline: the scenario named «Dagens struktur…» or «Én kommune –
 * ett kontor…», else the first; and grades every other scenario's consequences against it.
 */
export function scoreAll(input: PlanningInput, params: Parameters): ScenarioScore[] {
  const p = withRatings(params, input.ratings);
  const scores = input.scenarios.map((s) => scoreScenario(s, input, p));
  if (scores.length === 0) return [];
  const ranks = rankScenarios(scores.map((s) => rankKey(s)));
  const sensitivity = weightSensitivity(scores, p);
  const b = baselineIndex(scores.map((s) => s.name));
  const baseline = scores[b]!;
  return scores.map((s, i) => ({
    ...s,
    rank: ranks[i]!,
    versus: versusBaseline(s, baseline),
    consequences: i === b ? [] : consequences(s, baseline, p.minFte),
    sensitivity,
  }));
}

/**
 * What the rank reads of a scenario. Breaches count municipalities, as the docs and the
 * Rangering table do (a member may break two rules).
 */
export function rankKey(s: Pick<ScenarioScore, 'admissible' | 'breaches' | 'totals'>, rating = s.totals.rating) {
  return { admissible: s.admissible, rating, breaches: new Set(s.breaches.map((b) => b.kommunenummer)).size };
}

/** The parameters with the planner's own ranges and weights (the Vekter sheet) over them. */
export function withRatings(p: Parameters, own: PlanningInput['ratings']): Parameters {
  if (!own) return p;
  const ratings = { ...p.ratings };
  for (const id of METRIC_IDS) if (own[id]) ratings[id] = { ...ratings[id], ...own[id] };
  return { ...p, ratings };
}
