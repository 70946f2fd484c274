import { costMember } from './vaernes';
import type { CostOffice } from '../../src/costkeys/keys';

/**
 * NAV Dalane as docs/cost-keys.md states it. From the research (000 L649): Eigersund
 * (14 944 inhabitants) hosts Bjerkreim (2 831) and Sokndal (3 284, joined in 2022), 42 staff,
 * a refugee service for Eigersund only, an office only in the host with reception or a meeting
 * place in the partners. Everything else is illustrative, not real figures: the municipal FTE
 * (15.5 of the 42), the users, the spending, the premises and the cost lines.
 */
export const DALANE: CostOffice = {
  host: '1101',
  members: [
    costMember('1101', 'Eigersund', 14_944, 11, { users: 420, spending: 19_000_000, ownPremises: 900_000 }),
    costMember('1114', 'Bjerkreim', 2_831, 2, { users: 45, spending: 1_600_000, ownPremises: 250_000 }),
    costMember('1111', 'Sokndal', 3_284, 2.5, { users: 70, spending: 2_700_000, ownPremises: 280_000 }),
  ],
  lines: [
    { name: 'Husleie, lokaler i Egersund', amount: 1_500_000, stateShare: 0.5 },
    { name: 'Publikumsmottak og møteplass i Bjerkreim og Sokndal', amount: 240_000 },
    { name: 'IT og telefoni', amount: 250_000 },
    { name: 'Flyktningtjeneste (bare Eigersund)', amount: 1_400_000, owner: '1101' },
  ],
};

/** Sokndal joined in 2022 (000 L649); the steps are illustrative. */
export const SOKNDAL_PHASE_IN = {
  member: '1111',
  steps: [
    { label: '2022', share: 0.5 },
    { label: '2023', share: 0.75 },
    { label: '2024', share: 1 },
  ],
} as const;
