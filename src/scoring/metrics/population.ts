import type { MetricDef } from './types';

export const population: MetricDef = {
  id: 'population',
  label: { nb: 'Innbyggere', en: 'Inhabitants' },
  unit: { nb: 'innbyggere', en: 'inhabitants' },
  direction: 'higher',
  definition: 'inhabitants served',
  range: { worst: 4853, best: 21059, weight: 1 },
  source: {
    kind: 'sourced',
    passages: ['000 L629', '000 L643', '000 L649'],
    note: "4 853: the inhabitants of the research's small office (Indre Namdal, 14 employees); 21 059: those of its smallest medium-sized office (Dalane, 42 employees). The former 27 000 (our division of the population by ~200 offices) is no longer used",
  },
  format: '#,##0',
  value: (o) => o.population,
};
