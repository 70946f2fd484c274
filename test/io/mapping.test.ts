import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import { applyMapping, asMapping, describeInputs } from '../../src/io/mapping';
import { readWorkbook } from '../../src/io/readWorkbook';
import { sheet, snapshot } from '../builders';

const planners = () =>
  snapshot(
    sheet('Kommuner', [['Gammel liste'], ['ikke i bruk']]),
    sheet('Ark2', [
      ['Nr', 'Kommunens navn', 'Innb.', 'Folketall 1990'],
      ['1804', 'Bodø', 53638, 40000],
      ['1841', 'Fauske', '9 7x0', 9000],
    ]),
  );
const mapping = { sheets: { municipalities: 'Ark2' }, columns: { Ark2: { number: 'Nr', population: 'Innb.' } } } as const;

describe('the planner’s mapping of sheets and columns', () => {
  it('without it, the odd headers are not understood', () => {
    const r = readWorkbook(planners(), DEFAULT_PARAMETERS);
    expect(r.value).toBeUndefined();
  });

  it('reads the chosen sheet and columns, and reports problems in the planner’s own sheet names', () => {
    const m = applyMapping(planners(), mapping);
    const r = readWorkbook(m.snapshot, DEFAULT_PARAMETERS);
    const problems = r.problems.map(m.restore);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Ark2', cell: 'C3', code: 'notANumber' })]);
    const fixed = planners();
    (fixed.sheets[1]!.values[2] as unknown[])[2] = 9770;
    const ok = readWorkbook(applyMapping(fixed, mapping).snapshot, DEFAULT_PARAMETERS);
    // The chosen column wins over one that would also match («Folketall 1990»).
    expect(ok.value?.municipalities.map((x) => [x.number, x.population])).toEqual([
      ['1804', 53638],
      ['1841', 9770],
    ]);
    expect(m.original(ok.value!.sheetsUsed.municipalities)).toBe('Ark2');
  });

  it('describes what was found in the planner’s headers, the mapping’s choice first', () => {
    const found = describeInputs(planners(), { municipalities: 'Ark2' }, mapping).find((f) => f.kind === 'municipalities')!;
    expect(found.sheet).toBe('Ark2');
    expect(found.fields.find((f) => f.key === 'population')!.header).toBe('Innb.');
    expect(found.fields.find((f) => f.key === 'number')!.header).toBe('Nr');
  });

  it('ignores settings that are not a mapping', () => {
    expect(asMapping('x')).toBeUndefined();
    expect(asMapping({ sheets: { municipalities: 3 } })).toBeUndefined();
    expect(asMapping(mapping)).toEqual(mapping);
  });
});
