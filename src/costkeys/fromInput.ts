import type { PlanningInput } from '../domain/types';
import type { CostLineRead } from '../io/readCosts';
import { foldName } from '../io/cells';
import { MunicipalityResolver } from '../io/resolver';
import { coded, message, type MessageCode, type MessageParams } from '../io/messages';
import { CostKeyError, type CostOffice } from './keys';

/**
 * Cost of one municipal FTE when neither the staffing sheet nor the planner gives one: an
 * assumption (salary with social costs, a round figure for 2024), shown wherever it is used.
 */
export const DEFAULT_COST_PER_FTE = 850_000;

export type OfficeCostsInput = Readonly<{
  scenario: string;
  host: string;
  /** Cost per municipal FTE for members without their own in the staffing sheet. */
  costPerFte: number;
}>;

/** A scenario by its name (any case) or its number in the list (1, 2, …). */
export function findScenario<T extends { name: string }>(scenarios: readonly T[], asked: string): T | undefined {
  const fold = (x: string) => foldName(x);
  const byName =
    scenarios.find((s) => s.name.toLowerCase() === asked.trim().toLowerCase()) ?? scenarios.find((s) => fold(s.name) === fold(asked));
  if (byName) return byName;
  const k = /^\s*\d+\s*$/.test(asked) ? Number(asked) : Number.NaN;
  return Number.isInteger(k) && k >= 1 && k <= scenarios.length ? scenarios[k - 1] : undefined;
}

/**
 * The office of `host` in `scenario` with its members' drivers, staffing and cost lines. The
 * scenario is named or numbered; the host is a municipality number or any official form of
 * its name ("5035", "Stjørdal", "Fauske - Fuossko", "Fuossko").
 */
export function costOffice(
  input: PlanningInput & { costLines: readonly CostLineRead[] },
  o: OfficeCostsInput,
): { office: CostOffice; officeName: string; ownCostPerFte: Set<string>; host: string; scenario: string } {
  const scenario = findScenario(input.scenarios, o.scenario);
  if (!scenario)
    throw coded((t) => new CostKeyError(t), 'costNoScenario', {
      scenario: o.scenario,
      list: input.scenarios.map((s, i) => `${i + 1} «${s.name}»`).join(', '),
    });
  const byNumber = new Map(input.municipalities.map((m) => [m.number as string, m]));
  const resolved = new MunicipalityResolver(input.municipalities).resolve(o.host);
  const host = resolved.ok ? (resolved.number as string) : o.host;
  const office = scenario.offices.find((x) => x.host === host);
  if (!office) {
    const shared = scenario.offices.filter((x) => x.members.length > 1).map((x) => `${x.host} ${byNumber.get(x.host)?.name ?? ''}`.trim());
    const label = resolved.ok ? `${host} ${byNumber.get(host)?.name ?? ''}`.trim() : o.host;
    const within = resolved.ok ? scenario.offices.find((x) => x.members.some((m) => m.number === host)) : undefined;
    const more =
      shared.length > 0
        ? {
            nb: message('costSharedOffices', { list: shared.join(', ') }, 'nb'),
            en: message('costSharedOffices', { list: shared.join(', ') }, 'en'),
          }
        : '';
    const fail = (code: MessageCode, params: MessageParams) => coded((t) => new CostKeyError(t), code, { ...params, shared: more });
    if (!resolved.ok)
      throw resolved.reason === 'ambiguous'
        ? fail('costHostAmbiguous', { host: o.host, candidates: resolved.candidates ?? '' })
        : fail('costHostUnknown', { host: o.host });
    throw within
      ? fail('costHostIsMember', {
          label,
          scenario: scenario.name,
          within: `${within.host} ${byNumber.get(within.host)?.name ?? ''}`.trim(),
        })
      : fail('costHostNotHost', { label, scenario: scenario.name });
  }
  const ownCostPerFte = new Set<string>();
  const members = office.members.map((mem) => {
    const m = byNumber.get(mem.number)!;
    const st = input.staffing.get(mem.number);
    if (st?.costPerFte !== undefined) ownCostPerFte.add(mem.number);
    return {
      number: mem.number as string,
      name: m.name,
      population: m.population,
      users: m.users,
      spending: m.spending,
      municipalFte: st?.municipalFte ?? 0,
      costPerFte: st?.costPerFte ?? o.costPerFte,
      ownPremises: st?.premisesCost,
      columns: m.columns,
    };
  });
  const memberSet = new Set(members.map((m) => m.number));
  const lines = input.costLines
    .filter((l) => l.office === undefined || l.office === host)
    .map((l) => {
      if (l.payer !== undefined && !memberSet.has(l.payer)) {
        throw coded((t) => new CostKeyError(t), 'costPayerNotMember', {
          line: l.name,
          cell: l.cell,
          payer: `${l.payer} ${byNumber.get(l.payer)?.name ?? ''}`.trim(),
          host,
        });
      }
      return { name: l.name, amount: l.amount, owner: l.payer as string | undefined, stateShare: l.stateShare, cell: l.cell };
    });
  return {
    office: { host, members, lines },
    officeName: `NAV ${byNumber.get(host)?.name ?? host}`,
    ownCostPerFte,
    host,
    scenario: scenario.name,
  };
}
