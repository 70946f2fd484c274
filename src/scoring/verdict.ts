import type { MunicipalityNumber } from '../domain/types';
import type { ConstraintId, OfficeScore } from './score';

/**
 * The rules a scenario must keep to be admissible: the enabled hard constraints of every
 * office, and a legal form for every shared office (`informal`: shared without a host
 * agreement; kommuneloven ch. 20, the County Governor of Nordland, 004 L624–651).
 */
export type RuleId = ConstraintId | 'informal';

/** One municipality breaking one rule: which office, which rule, its value against the limit. */
export type Breach = Readonly<{
  kommunenummer: MunicipalityNumber;
  name: string;
  /** The host of the office the municipality belongs to. */
  office: MunicipalityNumber;
  officeName: string;
  rule: RuleId;
  /** The value the rule measures (office FTE, the member's minutes, owners, members outside the BA region); null for `informal`. */
  value: number | null;
  limit: number | null;
}>;

/**
 * Every breach of an office, by municipality. Minimum FTE, maximum owners and the legal form
 * are the office's and count for each of its members; maximum travel counts only the members
 * without a service point of their own that are farther than the limit; the same-BA rule counts
 * the members outside the host's BA region.
 */
export function officeBreaches(o: OfficeScore): Breach[] {
  const out: Breach[] = [];
  const hostBa = o.members.find((m) => m.isHost)?.baRegion;
  const push = (m: OfficeScore['members'][number], rule: RuleId, value: number | null, limit: number | null) =>
    out.push({ kommunenummer: m.number, name: m.name, office: o.host, officeName: o.hostName, rule, value, limit });
  for (const c of o.constraints) {
    if (!c.enabled || c.pass) continue;
    for (const m of o.members) {
      switch (c.id) {
        case 'minFte':
        case 'maxOwners':
          push(m, c.id, c.value, c.limit);
          break;
        case 'maxTravel':
          if (!m.isHost && m.localDays < 5 && m.travelToHostMinutes > c.limit) push(m, c.id, m.travelToHostMinutes, c.limit);
          break;
        case 'sameBa':
          if (m.baRegion !== hostBa) push(m, c.id, c.value, c.limit);
          break;
      }
    }
  }
  if (o.informal) for (const m of o.members) push(m, 'informal', null, null);
  return out;
}

/**
 * Ranks scenarios: every admissible one before every inadmissible one; inadmissible ones by how
 * many breaches they have (fewest first: a scenario that breaks the rules in 25 offices does not
 * outrank one that breaks them in 5 because its other ratings are higher); then by rating,
 * highest first. Ties share a rank (1, 2, 2, 4). Returns the rank of each scenario, in the
 * order given; 1 is best.
 */
export function rankScenarios(scenarios: readonly Readonly<{ admissible: boolean; rating: number; breaches?: number }>[]): number[] {
  type Key = readonly [number, number, number];
  const key = (s: Readonly<{ admissible: boolean; rating: number; breaches?: number }>): Key =>
    s.admissible ? [0, 0, -s.rating] : [1, s.breaches ?? 0, -s.rating];
  const better = (a: Key, b: Key) => a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  return scenarios.map((s) => 1 + scenarios.filter((t) => better(key(t), key(s))).length);
}
