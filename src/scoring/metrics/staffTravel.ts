import type { MetricDef } from './types';

export const staffTravel: MetricDef = {
  id: 'staffTravel',
  label: { nb: 'Ansattreiser', en: 'Staff travel' },
  unit: { nb: 'min/uke', en: 'min/week' },
  direction: 'lower',
  definition:
    'minutes a week between the host and its members, both ways the research describes: host staff out to part-time branches and meeting rooms (000 L1003, L1244): branch _N_ < 5 days × `staffTripsPerOpeningDay` (**1**) × 2 × minutes from the host; meeting room `meetingRoomTripsPerWeek` (**0.5**) × 2 × minutes; and local staff of a full office or 5-day branch in to the host `localStaffTripsToHostPerWeek` (**1**) × 2 × minutes to the host ("en gang annenhver eller hver uke", 000 L997; per local office, not per person: an assumption)',
  range: { worst: 600, best: 0, weight: 0.5 },
  source: {
    kind: 'assumption',
    passages: ['000 L997', '000 L1003'],
    note: '600 min = 10 hours a week, more than a full working day; ours',
  },
  format: '#,##0',
  value: (o) => o.staffTravelMinutesPerWeek,
};
