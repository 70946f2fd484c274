import type { MetricDef } from './types';

export const weightedTravel: MetricDef = {
  id: 'weightedTravel',
  label: { nb: 'Vektet reisetid', en: 'Weighted travel' },
  unit: { nb: 'min', en: 'min' },
  direction: 'lower',
  definition:
    "population-weighted mean of the members' users' burden (`weightedTravelMinutes`): local days at home, the other days to the host",
  range: { worst: 60, best: 0, weight: 2 },
  source: {
    kind: 'assumption',
    passages: ['000 L205', '000 L939'],
    note: 'reduced physical access is the main disadvantage of sharing an office, so it weighs double; 60 min and the double weight are ours',
  },
  format: '0.0',
  value: (o) => o.weightedTravelMinutes,
};
