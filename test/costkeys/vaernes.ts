import type { CostMember, CostOffice } from '../../src/costkeys/keys';

/** A member at 850 000 kr per municipal FTE; the rest as given. */
export const costMember = (
  number: string,
  name: string,
  population: number,
  municipalFte: number,
  rest: Partial<CostMember> = {},
): CostMember => ({
  number,
  name,
  population,
  municipalFte,
  costPerFte: 850_000,
  ...rest,
});

/** Illustrative drivers for Værnes: the given users, spending 1 137 kr and premises 150 000 + 10 kr per inhabitant. */
const member = (number: string, name: string, population: number, municipalFte: number, users: number): CostMember =>
  costMember(number, name, population, municipalFte, { users, spending: population * 1_137, ownPremises: 150_000 + population * 10 });

/** Værnes (DESIGN.md): Stjørdal hosts Selbu, Meråker, Frosta and Tydal; populations from the research, the rest illustrative. */
export const VAERNES: CostOffice = {
  host: '5035',
  members: [
    member('5035', 'Stjørdal', 24_423, 22, 512),
    member('5032', 'Selbu', 4_094, 4, 71),
    member('5034', 'Meråker', 2_396, 2.5, 44),
    member('5036', 'Frosta', 2_628, 2.5, 39),
    member('5033', 'Tydal', 758, 1, 9),
  ],
  lines: [
    { name: 'Husleie', amount: 1_200_000 },
    { name: 'IT og telefoni', amount: 310_000 },
    { name: 'Flyktningtjeneste', amount: 450_000, owner: '5035' },
  ],
};
