import type { MetricDef } from './types';

export const shareOver75: MetricDef = {
  id: 'shareOver75',
  label: { nb: 'Andel over {t2} min', en: 'Share over {t2} min' },
  unit: { nb: 'innb.', en: 'inhabitants' },
  direction: 'lower',
  definition:
    'population share whose access minutes exceed the middle travel threshold (default 75; thresholds 45 / 75 / 90, `travelThresholds`); the same members as worst travel',
  range: { worst: 0.5, best: 0, weight: 1 },
  source: {
    kind: 'assumption',
    passages: [],
    note: "50 % is ours; the thresholds are TØI's rules for drawing the BA regions, used here as round numbers, not as standards",
  },
  format: '0%',
  value: (o) => o.shareOverThresholds[1] ?? 0,
};
