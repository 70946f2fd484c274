import type { MetricDef } from './types';

export const owners: MetricDef = {
  id: 'owners',
  label: { nb: 'Eiere', en: 'Owners' },
  unit: { nb: 'kommuner', en: 'municipalities' },
  direction: 'lower',
  definition: 'municipalities per office (1 + partners); above `--max-owners` it rates 0',
  range: { worst: 7, best: 3, weight: 0.5 },
  source: {
    kind: 'assumption',
    passages: ['001 L1321', '000 L1252'],
    note: "7: Agder planned host offices of seven municipalities; 3 is ours. A NAV leader in 'fire-fem styringslinjer' is a description, not a limit",
  },
  format: '0',
  value: (o) => o.owners,
  hardLimit: (p) => p.maxOwners,
};
