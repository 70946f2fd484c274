import type { MetricDef } from './types';

export const baShareInHostRegion: MetricDef = {
  id: 'baShareInHostRegion',
  label: { nb: 'Andel i vertens BA-region', en: "Share in the host's BA region" },
  unit: { nb: 'innb.', en: 'inhabitants' },
  direction: 'higher',
  definition: "share of the office's population in the host's BA region; not applicable when the host's region is unknown",
  range: { worst: 0.5, best: 1, weight: 1 },
  source: {
    kind: 'assumption',
    passages: ['003 L131'],
    note: 'offices should cover natural labour-market areas (the BA regions, TØI 2019); 50 % and 100 % are ours',
  },
  format: '0%',
  value: (o) => o.baShareInHostRegion,
};
