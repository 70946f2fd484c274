import { withParameters } from '../../src/domain/parameters';
import { readWorkbook } from '../../src/io/readWorkbook';
import { fromPlanningInput } from '../../src/optimize/fromInput';
import { minFteAt } from '../../src/optimize/problem';
import { scoreAll } from '../../src/scoring';
import { sheet, snapshot, TOY_BEMANNING, TOY_KOMMUNER, TOY_REISETID } from '../builders';

describe('the fixed part of estimated staffing in the optimiser', () => {
  // Avik and Bø give their staffing; the others are estimated (a fixed part per office at the host).
  const params = withParameters({ minFte: 10 });
  const input = readWorkbook(
    snapshot(sheet('Kommuner', TOY_KOMMUNER), sheet('Reisetid', TOY_REISETID), sheet('Bemanning', TOY_BEMANNING)),
    params,
  ).value!;
  const pr = fromPlanningInput(input, params, { offices: 3 });
  const at = (knr: string) => pr.ids.indexOf(knr);

  it('is carried by each host whose staffing is estimated, and by no other', () => {
    expect(pr.hostFixedFte![at('9001')]).toBe(0);
    expect(pr.hostFixedFte![at('9003')]).toBe(params.staffFixed);
    expect(minFteAt(pr, at('9003'))).toBeCloseTo(params.minFte - params.staffFixed, 10);
  });

  it('counts an office the way the scoring does', () => {
    // Hamn hosting Pe and Qu: what the solver sees as the office's staff is what the scoring shows.
    const host = Int32Array.from(pr.ids, (id, i) => (['9004', '9005'].includes(id) ? at('9003') : i));
    const members = [at('9003'), at('9004'), at('9005')];
    const solverFte = members.reduce((s, i) => s + pr.fte[i]!, 0) + pr.hostFixedFte![at('9003')]!;
    const scenario = {
      name: 'Hamn vert',
      offices: pr.ids
        .map((_id, i) => i)
        .filter((i) => host[i] === i)
        .map((j) => ({
          host: pr.ids[j] as never,
          hostAgreement: true,
          members: pr.ids
            .map((_, i) => i)
            .filter((i) => host[i] === j)
            .map((i) => ({ number: pr.ids[i] as never, servicePoint: { kind: 'none' as const } })),
        })),
    };
    const [score] = scoreAll({ ...input, scenarios: [scenario] }, params);
    const hamn = score!.offices.find((o) => o.host === '9003')!;
    expect(hamn.fte).toBeCloseTo(solverFte, 9);
  });
});
