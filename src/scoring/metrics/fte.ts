import type { MetricDef } from './types';

export const fte: MetricDef = {
  id: 'fte',
  label: { nb: 'Årsverk', en: 'FTE' },
  unit: { nb: 'årsverk', en: 'FTE' },
  direction: 'higher',
  definition:
    'state + municipal staff of all members (given in Bemanning, else estimated with scale, see _Staffing estimate_, and marked); below `--min-fte` it rates 0',
  range: { worst: 3, best: 42, weight: 1 },
  source: {
    kind: 'sourced',
    passages: ['003 L141–145', '000 L629', '000 L649'],
    note: '3: the state staffing guarantee kept offices of three or fewer staff, abolished in 2017; 42: the smallest of the medium-sized offices in the research (Dalane, 42 employees; the size classes: 14 small, 42–67 medium, 84–85 large). Employees, not FTE',
  },
  format: '0.0',
  value: (o) => o.fte,
  hardLimit: (p) => p.minFte,
};
