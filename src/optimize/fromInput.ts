import type { Parameters } from '../domain/parameters';
import type { MunicipalityNumber, Office, PlanningInput, Scenario, ServicePoint } from '../domain/types';
import type { Assignment, OptProblem, OptRules } from './problem';
import { usersMinutesAt } from '../travel/matrix';
import { localDays } from '../scoring/sites';
import { buildSites } from './sites';
import { servicePointOf } from './problem';
import { coded, REQUEST_WHAT_EN } from '../io/messages';

/** What the planner asks of the optimiser, beyond the scoring parameters (minimum FTE, travel, owners, same BA region). */
export type OptimizeRequest = Readonly<{
  offices?: number;
  /**
   * Cost of one office, in minutes of mean travel per inhabitant: an office is worth opening
   * when it cuts the population's mean travel by at least this much.
   */
  officeCostMinutes?: number;
  /** Penalty per extra office a BA region is spread over, in minutes of mean travel per inhabitant. */
  baSplitMinutes?: number;
  forcedHosts?: readonly string[];
  forbiddenHosts?: readonly string[];
  /** Member → host it must belong to. */
  locks?: ReadonlyMap<string, string>;
  /**
   * Choose each member's service point (none, meeting room, part-time branch, full local office)
   * with its cost; default true. False: every member travels to its host (the model before
   * service points, and the p-median benchmarks').
   */
  servicePoints?: boolean;
  /** Today's structure (the baseline scenario): no location it has is closed (`--keep-locations`). */
  keepLocations?: Scenario;
  /**
   * Today's structure: every member of its shared offices locked to its host (`--keep-existing`).
   * Others may join those offices, and service points are chosen afresh (with `keepLocations`, none closed).
   */
  keepExisting?: Scenario;
  /** Multiplies every service point's cost (the trade-off curve over location cost); default 1. */
  siteCostScale?: number;
  /** A member may join a smaller host (`--any-host`); default: the host is the office's most populous member. */
  anyHost?: boolean;
}>;

export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * The optimisation problem over a planner's input: weights are populations, costs the travel
 * matrix (minutes, member to host), staff the given or estimated FTE, and the rules the
 * scoring parameters' hard constraints. Objective unit: inhabitant-minutes.
 */
export function fromPlanningInput(input: PlanningInput, params: Parameters, req: OptimizeRequest): OptProblem {
  const ms = input.municipalities;
  const n = ms.length;
  const index = new Map<string, number>(ms.map((m, i) => [m.number, i]));
  const tIndex = new Map<string, number>(input.travel.numbers.map((num, i) => [num, i]));
  // The objective is the inhabitants' travel to their office (usersMinutes): inside their own
  // municipality W, elsewhere √(T² + W²). Every structure pays Σ population × W, so the solver
  // sees only the extra minutes over W (0 at home) and the constant is carried as baseCost.
  const cost = new Float64Array(n * n);
  const reach = new Float64Array(n * n);
  let baseCost = 0;
  for (let i = 0; i < n; i++) {
    const ti = tIndex.get(ms[i]!.number);
    const w = ti === undefined ? 0 : input.travel.within[ti]!;
    baseCost += ms[i]!.population * w;
    for (let j = 0; j < n; j++) {
      const tj = tIndex.get(ms[j]!.number);
      if (i === j) continue;
      if (ti === undefined || tj === undefined) {
        cost[i * n + j] = reach[i * n + j] = Number.NaN;
        continue;
      }
      reach[i * n + j] = input.travel.minutes[ti]![tj]!;
      cost[i * n + j] = usersMinutesAt(input.travel, ti, tj) - w;
    }
  }
  const regions = new Map<string, number>();
  const ba = new Int32Array(n).fill(-1);
  ms.forEach((m, i) => {
    if (m.baRegion === undefined) return;
    if (!regions.has(m.baRegion)) regions.set(m.baRegion, regions.size);
    ba[i] = regions.get(m.baRegion)!;
  });
  const fte = Float64Array.from(ms, (m) => {
    const s = input.staffing.get(m.number);
    return s ? s.stateFte + s.municipalFte : 0;
  });
  const weight = Float64Array.from(ms, (m) => m.population);
  const totalPopulation = weight.reduce((a, b) => a + b, 0);
  const at = (num: string, what: string): number => {
    const i = index.get(num);
    if (i === undefined)
      throw coded((t) => new RequestError(t), 'optUnknownNumber', { what: { nb: what, en: REQUEST_WHAT_EN[what] ?? what }, number: num });
    return i;
  };
  if (req.offices !== undefined && (!Number.isInteger(req.offices) || req.offices < 1 || req.offices > n)) {
    throw coded((t) => new RequestError(t), 'optOfficeCount', { max: n, value: req.offices });
  }
  const locks = new Map<number, number>();
  for (const [m, h] of req.locks ?? []) locks.set(at(m, 'låst kommune'), at(h, 'vertskommune for låst kommune'));
  // Today's cooperations kept: every member of a shared office locked to its host (a planner's own lock wins).
  for (const o of req.keepExisting?.offices ?? []) {
    if (o.members.length < 2) continue;
    for (const m of o.members) {
      const i = index.get(m.number);
      const h = index.get(o.host);
      // The host itself needs no lock: a lock's target is forced open, so it hosts.
      if (i !== undefined && h !== undefined && i !== h && !locks.has(i)) locks.set(i, h);
    }
  }
  // An office whose host has estimated staffing gets the estimate's fixed part once, as the
  // scoring counts it (officeStaffing): the solver sees it per host.
  const hostFixedFte = Float64Array.from(ms, (m) => (input.staffing.get(m.number)?.provenance === 'estimated' ? params.staffFixed : 0));
  const rules: OptRules = {
    offices: req.offices,
    officeCost: req.offices === undefined ? (req.officeCostMinutes ?? 0) * totalPopulation : undefined,
    minFte: params.minFte,
    maxTravel: params.maxTravelWithoutServicePoint,
    sameBa: params.requireSameBaRegion,
    maxOwners: params.maxOwners,
    baSplitPenalty: (req.baSplitMinutes ?? 0) * totalPopulation,
    forcedHosts: (req.forcedHosts ?? []).map((h) => at(h, 'påkrevd vertskommune')),
    forbiddenHosts: (req.forbiddenHosts ?? []).map((h) => at(h, 'utelukket vertskommune')),
    locks,
    largestHost: params.optimiserLargestHost && req.anyHost !== true,
  };
  let minDays: Float64Array | undefined;
  let todayPoints: (ServicePoint | undefined)[] | undefined;
  if (req.keepLocations) {
    minDays = new Float64Array(n);
    todayPoints = new Array<ServicePoint | undefined>(n);
    for (const o of req.keepLocations.offices) {
      for (const m of o.members) {
        const i = index.get(m.number);
        if (i === undefined) continue;
        minDays[i] = m.number === o.host ? 5 : localDays(m.servicePoint, params);
        if (m.number !== o.host) todayPoints[i] = m.servicePoint;
      }
    }
  }
  const sites =
    req.servicePoints === false
      ? undefined
      : buildSites(
          {
            n,
            weight,
            cost,
            reach,
            ownPremisesKr: ms.map((m) => input.staffing.get(m.number)?.premisesCost),
            minDays,
            todayPoints,
            hostOwnFte: Float64Array.from(fte, (f, j) => f + hostFixedFte[j]!),
            minFte: params.minFte,
          },
          params,
          { costScale: req.siteCostScale },
        );
  return { n, ids: ms.map((m) => m.number), weight, cost, reach, baseCost, fte, hostFixedFte, ba, rules, ...(sites ? { sites } : {}) };
}

/**
 * A structure as a scenario: one office per host, members nearest first, each with the service
 * point the optimiser chose for it (none where it chose none, or without service points).
 */
export function toScenario(name: string, pr: OptProblem, host: Assignment): Scenario {
  const offices: Office[] = [];
  for (let j = 0; j < pr.n; j++) {
    if (host[j] !== j) continue;
    const members: number[] = [];
    for (let i = 0; i < pr.n; i++) if (host[i] === j && i !== j) members.push(i);
    members.sort((a, b) => pr.cost[a * pr.n + j]! - pr.cost[b * pr.n + j]!);
    offices.push({
      host: pr.ids[j] as MunicipalityNumber,
      hostAgreement: true,
      members: [
        { number: pr.ids[j] as MunicipalityNumber, servicePoint: { kind: 'full' } },
        ...members.map((i) => ({ number: pr.ids[i] as MunicipalityNumber, servicePoint: servicePointOf(pr, i, j) })),
      ],
    });
  }
  return { name, offices };
}
