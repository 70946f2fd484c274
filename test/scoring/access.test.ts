/**
 * Users' access measured before it is aggregated: members without local service every day
 * count in the worst travel and the shares over thresholds, and more local service is never
 * worse for users' access.
 */
import fc from 'fast-check';
import { withParameters, type Parameters } from '../../src/domain/parameters';
import { asMunicipalityNumber, type PlanningInput, type ServicePoint, type Staffing } from '../../src/domain/types';
import { scoreScenario } from '../../src/scoring/score';

/** One office: member 0 hosts members 1…n−1, with the given travel (both ways), within-times and populations. */
function oneOffice(
  members: readonly Readonly<{ toHost: number; fromHost: number; within: number; population: number; sp: ServicePoint }>[],
): PlanningInput {
  const numbers = members.map((_, i) => asMunicipalityNumber(String(9001 + i)));
  const n = numbers.length;
  const minutes = numbers.map((_, i) =>
    Float64Array.from(numbers, (_, j) => (i === j ? 0 : i === 0 ? members[j]!.fromHost : j === 0 ? members[i]!.toHost : 60)),
  );
  const staffing = new Map<(typeof numbers)[number], Staffing>(
    numbers.map((k) => [k, { stateFte: 5, municipalFte: 5, provenance: 'given' }]),
  );
  return {
    municipalities: members.map((m, i) => ({
      number: numbers[i]!,
      name: `K${i}`,
      population: m.population,
      county: '90',
      baRegion: '1',
      row: i + 1,
    })),
    travel: {
      numbers,
      minutes,
      provenance: numbers.map(() => numbers.map(() => 'given' as const)),
      viaFerry: numbers.map(() => new Uint8Array(n)),
      within: Float64Array.from(members, (m) => m.within),
      withinSource: numbers.map(() => 'given' as const),
    },
    staffing,
    scenarios: [
      {
        name: 'S',
        offices: [
          {
            host: numbers[0]!,
            members: members.map((m, i) => ({ number: numbers[i]!, servicePoint: i === 0 ? { kind: 'full' } : m.sp })),
            hostAgreement: true,
          },
        ],
      },
    ],
  };
}

const score = (input: PlanningInput, p: Parameters) => scoreScenario(input.scenarios[0]!, input, p);

describe('worst travel and the shares over thresholds', () => {
  const p = withParameters();
  const office = (sp: ServicePoint) =>
    score(
      oneOffice([
        { toHost: 0, fromHost: 0, within: 5, population: 9000, sp: { kind: 'full' } },
        { toHost: 100, fromHost: 100, within: 5, population: 1000, sp },
      ]),
      p,
    ).offices[0]!;

  it('count a member whose users travel on some days: a 2-day branch leaves 3 days of travel', () => {
    for (const sp of [
      { kind: 'branch', days: 2 },
      { kind: 'branch', days: 4.5 },
      { kind: 'meeting' },
      { kind: 'none' },
    ] as ServicePoint[]) {
      const o = office(sp);
      expect(o.maxTravelMinutes).toBe(100);
      // 1 000 of 10 000 inhabitants over 45, 75 and 90 minutes.
      expect(o.shareOverThresholds).toEqual([0.1, 0.1, 0.1]);
    }
  });

  it('leave out a member with local service every day', () => {
    for (const sp of [{ kind: 'branch', days: 5 }, { kind: 'full' }] as ServicePoint[]) {
      const o = office(sp);
      expect(o.maxTravelMinutes).toBe(0);
      expect(o.shareOverThresholds).toEqual([0, 0, 0]);
    }
  });
});

describe('staff travel', () => {
  it('counts host staff out to part-time service points and local staff in to the host', () => {
    const p = withParameters({ staffTripsPerOpeningDay: 1, meetingRoomTripsPerWeek: 0.5, localStaffTripsToHostPerWeek: 1 });
    const staff = (sp: ServicePoint) =>
      score(
        oneOffice([
          { toHost: 0, fromHost: 0, within: 5, population: 9000, sp: { kind: 'full' } },
          // Asymmetric on purpose: 40 min out from the host, 30 min in to it.
          { toHost: 30, fromHost: 40, within: 5, population: 1000, sp },
        ]),
        p,
      ).offices[0]!.members[1]!.staffTravelMinutesPerWeek;
    expect(staff({ kind: 'none' })).toBe(0);
    expect(staff({ kind: 'meeting' })).toBe(0.5 * 2 * 40);
    expect(staff({ kind: 'branch', days: 2 })).toBe(2 * 2 * 40);
    expect(staff({ kind: 'branch', days: 5 })).toBe(1 * 2 * 30);
    expect(staff({ kind: 'full' })).toBe(1 * 2 * 30);
  });
});

/** Local opening days a service point gives, as docs/scoring.md defines them. */
const daysOf = (sp: ServicePoint, p: Parameters) =>
  sp.kind === 'full' ? 5 : sp.kind === 'branch' ? Math.min(5, sp.days) : sp.kind === 'meeting' ? p.meetingRoomDays : 0;
const kindOrder = { none: 0, meeting: 1, branch: 2, full: 3 } as const;

const servicePoint: fc.Arbitrary<ServicePoint> = fc.oneof(
  fc.constant<ServicePoint>({ kind: 'none' }),
  fc.constant<ServicePoint>({ kind: 'meeting' }),
  fc.constant<ServicePoint>({ kind: 'full' }),
  fc.integer({ min: 1, max: 10 }).map<ServicePoint>((half) => ({ kind: 'branch', days: half / 2 })),
);
const member = fc.record({
  toHost: fc.integer({ min: 0, max: 300 }),
  fromHost: fc.integer({ min: 0, max: 300 }),
  within: fc.double({ min: 0, max: 60, noNaN: true }),
  population: fc.integer({ min: 1, max: 50_000 }),
  sp: servicePoint,
});

describe('more local service', () => {
  it('is never worse for users’ access (property over service points)', () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 2, maxLength: 6 }),
        fc.nat(),
        servicePoint,
        servicePoint,
        fc.double({ min: 0, max: 5, noNaN: true }),
        (members, pick, a, b, meetingRoomDays) => {
          const p = withParameters({ meetingRoomDays });
          const k = 1 + (pick % (members.length - 1));
          // `less` gives no more local days than `more` (equal days: the lesser kind first).
          const [less, more] =
            daysOf(a, p) < daysOf(b, p) || (daysOf(a, p) === daysOf(b, p) && kindOrder[a.kind] <= kindOrder[b.kind]) ? [a, b] : [b, a];
          const before = score(oneOffice(members.map((m, i) => (i === k ? { ...m, sp: less } : m))), p);
          const after = score(oneOffice(members.map((m, i) => (i === k ? { ...m, sp: more } : m))), p);
          const [o0, o1] = [before.offices[0]!, after.offices[0]!];
          const [m0, m1] = [o0.members[k]!, o1.members[k]!];
          const eps = 1e-9;
          expect(m1.effectiveMinutes).toBeLessThanOrEqual(m0.effectiveMinutes + eps);
          expect(m1.accessMinutes).toBeLessThanOrEqual(m0.accessMinutes);
          expect(o1.weightedTravelMinutes).toBeLessThanOrEqual(o0.weightedTravelMinutes + eps);
          expect(o1.maxTravelMinutes).toBeLessThanOrEqual(o0.maxTravelMinutes);
          o1.shareOverThresholds.forEach((s, i) => expect(s).toBeLessThanOrEqual(o0.shareOverThresholds[i]!));
          for (const id of ['weightedTravel', 'maxTravel', 'shareOver75'] as const)
            expect(o1.ratings[id]!).toBeGreaterThanOrEqual(o0.ratings[id]!);
          const travelRule = (o: typeof o0) => o.constraints.find((c) => c.id === 'maxTravel')!.pass;
          if (travelRule(o0)) expect(travelRule(o1)).toBe(true);
          expect(after.totals.weightedTravelMinutes).toBeLessThanOrEqual(before.totals.weightedTravelMinutes + eps);
        },
      ),
      { numRuns: 300 },
    );
  });
});
