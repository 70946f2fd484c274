import type { MetricDef } from './types';

export const hostPopulationShare: MetricDef = {
  id: 'hostPopulationShare',
  label: { nb: 'Vertens andel av innbyggerne', en: "Host's share of the inhabitants" },
  unit: { nb: 'innb.', en: 'inhabitants' },
  direction: 'lower',
  definition: "host's share of the office's population (asymmetry); not applicable to an office of one",
  range: { worst: 0.95, best: 0.6, weight: 0.5 },
  source: {
    kind: 'assumption',
    passages: ['000 L1013'],
    note: "partners' weaker political influence (very few name it); 95 % and 60 % are ours",
  },
  format: '0%',
  value: (o) => (o.owners > 1 ? o.hostPopulationShare : null),
};
