import type { MunicipalityNumber } from '../domain/types';
import type { OfficeScore } from './score';
import type { Breach, RuleId } from './verdict';

/** A municipality's place in governance: an office of its own, the host of partners, or a partner. */
export type Role = 'alone' | 'host' | 'partner';

/** One municipality in a scenario against the baseline scenario. */
export type MunicipalityChange = Readonly<{
  kommunenummer: MunicipalityNumber;
  name: string;
  officeBefore: MunicipalityNumber;
  officeAfter: MunicipalityNumber;
  roleBefore: Role;
  roleAfter: Role;
  /** The users' mean burden over the week (MemberScore.effectiveMinutes): local days at home, the others to the host. */
  accessMinutesBefore: number;
  accessMinutesAfter: number;
  /** Minutes from where the inhabitants live to the office that gives full service (MemberScore.usersToHostMinutes). */
  hostMinutesBefore: number;
  hostMinutesAfter: number;
  localDaysBefore: number;
  localDaysAfter: number;
  /** FTE stationed in the municipality (MemberScore.localFte: our model of where staff sit). */
  localFteBefore: number;
  localFteAfter: number;
  /** The rules it breaks in this scenario (its office's, or its own travel). */
  breaks: readonly RuleId[];
  /** Longer access (more than WORSE_OFF_MINUTES) or fewer local opening days than in the baseline. */
  worseOff: boolean;
}>;

export type VersusBaseline = Readonly<{
  /** The name of the scenario everything is compared with. */
  baseline: string;
  municipalities: readonly MunicipalityChange[];
  worseOff: number;
  /** The municipalities whose access minutes rise the most (ties all named); empty when none is worse off. */
  worstOff: readonly MunicipalityChange[];
}>;

/**
 * A rise in access minutes that counts as worse off. Our assumption: half a minute, so that
 * rounding differences between two structures that serve a municipality alike do not count.
 */
export const WORSE_OFF_MINUTES = 0.5;

const BASELINE_PREFIXES = ['dagens struktur', 'current structure', 'en kommune - ett kontor'];
const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ');

/** The baseline: the first scenario named «Dagens struktur…» («Current structure…») or «Én kommune – ett kontor…», else the first. */
export function baselineIndex(names: readonly string[]): number {
  const i = names.findIndex((n) => BASELINE_PREFIXES.some((p) => fold(n).startsWith(p)));
  return Math.max(0, i);
}

type Place = Readonly<{ office: OfficeScore; member: OfficeScore['members'][number] }>;

function places(offices: readonly OfficeScore[]): Map<string, Place> {
  const map = new Map<string, Place>();
  for (const office of offices) for (const member of office.members) map.set(member.number, { office, member });
  return map;
}

const roleOf = ({ office, member }: Place): Role => (office.owners === 1 ? 'alone' : member.isHost ? 'host' : 'partner');

/** Every municipality of a scenario against the baseline, in the scenario's order, with the count and the worst off. */
export function versusBaseline(
  scenario: Readonly<{ offices: readonly OfficeScore[]; breaches: readonly Breach[] }>,
  baseline: Readonly<{ name: string; offices: readonly OfficeScore[] }>,
): VersusBaseline {
  const before = places(baseline.offices);
  const municipalities: MunicipalityChange[] = [];
  for (const place of places(scenario.offices).values()) {
    const { member, office } = place;
    const was = before.get(member.number);
    if (!was) continue;
    const breaks = [...new Set(scenario.breaches.filter((b) => b.kommunenummer === member.number).map((b) => b.rule))];
    const worseOff = member.effectiveMinutes > was.member.effectiveMinutes + WORSE_OFF_MINUTES || member.localDays < was.member.localDays;
    municipalities.push({
      kommunenummer: member.number,
      name: member.name,
      officeBefore: was.office.host,
      officeAfter: office.host,
      roleBefore: roleOf(was),
      roleAfter: roleOf(place),
      accessMinutesBefore: was.member.effectiveMinutes,
      accessMinutesAfter: member.effectiveMinutes,
      hostMinutesBefore: was.member.usersToHostMinutes,
      hostMinutesAfter: member.usersToHostMinutes,
      localDaysBefore: was.member.localDays,
      localDaysAfter: member.localDays,
      localFteBefore: was.member.localFte,
      localFteAfter: member.localFte,
      breaks,
      worseOff,
    });
  }
  const worse = municipalities.filter((m) => m.worseOff);
  const rise = (m: MunicipalityChange) => m.accessMinutesAfter - m.accessMinutesBefore;
  const most = Math.max(...worse.map(rise));
  return {
    baseline: baseline.name,
    municipalities,
    worseOff: worse.length,
    worstOff: worse.filter((m) => rise(m) === most),
  };
}
