import type { PlanningInput } from '../domain/types';
import type { CostLineRead } from '../io/readCosts';
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

/** The office of `host` in `scenario` with its members' drivers, staffing and cost lines. */
export function costOffice(
  input: PlanningInput & { costLines: readonly CostLineRead[] },
  o: OfficeCostsInput,
): { office: CostOffice; officeName: string; ownCostPerFte: Set<string> } {
  const scenario = input.scenarios.find((s) => s.name.toLowerCase() === o.scenario.toLowerCase());
  if (!scenario)
    throw new CostKeyError(`scenarioet «${o.scenario}» finnes ikke; velg ett av: ${input.scenarios.map((s) => s.name).join(', ')}`);
  const office = scenario.offices.find((x) => x.host === o.host);
  const byNumber = new Map(input.municipalities.map((m) => [m.number as string, m]));
  if (!office) {
    const shared = scenario.offices.filter((x) => x.members.length > 1).map((x) => `${x.host} ${byNumber.get(x.host)?.name ?? ''}`.trim());
    throw new CostKeyError(
      `${o.host} er ikke vertskommune i «${scenario.name}»${shared.length > 0 ? `; kontor med flere kommuner: ${shared.join(', ')}` : ''}`,
    );
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
    .filter((l) => l.office === undefined || l.office === o.host)
    .map((l) => {
      if (l.payer !== undefined && !memberSet.has(l.payer)) {
        throw new CostKeyError(
          `kostnadslinjen «${l.name}» (${l.cell}) skal betales av ${l.payer}, som ikke er med i kontoret til ${o.host}`,
        );
      }
      return { name: l.name, amount: l.amount, owner: l.payer as string | undefined };
    });
  return { office: { host: o.host, members, lines }, officeName: `NAV ${byNumber.get(o.host)?.name ?? o.host}`, ownCostPerFte };
}
