import type { MetricDef } from './types';

export const maxTravel: MetricDef = {
  id: 'maxTravel',
  label: { nb: 'Lengste reisetid', en: 'Worst travel' },
  unit: { nb: 'min', en: 'min' },
  direction: 'lower',
  definition:
    '(`maxTravelMinutes`) largest access minutes of any member whose users travel on some days: every member with fewer than 5 local days (a 2-day branch leaves 3 days of travel, a meeting room 4.5); a full office or a 5-day branch counts 0',
  range: { worst: 120, best: 30, weight: 1 },
  source: {
    kind: 'assumption',
    passages: ['000 L939'],
    note: "120 and 30 min are ours; TØI's 45/75/90 min draw the BA regions and are no standard for access to NAV",
  },
  format: '#,##0',
  value: (o) => o.maxTravelMinutes,
};
