/**
 * What the shells use of the engine besides the commands: the constants, labels and helpers
 * their forms and output show, and the types of what the commands return. Re-exported here so
 * that the command line and the task pane depend on src/app alone (eslint.config.mjs states it).
 */
export { KEY_LABELS, keyLabel } from '../costkeys/costSheet';
export { POOL_KEYS, type PhaseStep, type PoolKey } from '../costkeys/extras';
export { DEFAULT_COST_PER_FTE } from '../costkeys/fromInput';
export { allocate, type CostKey, type CostOffice, type DriverId } from '../costkeys/keys';
export type { Progress } from '../optimize/exact';
export type { OptimizeRequest } from '../optimize/fromInput';
export { meanTravelOf, type OptProblem } from '../optimize/problem';
export type { OutcomeSummary, Solution } from '../optimize/run';
export { METRICS } from '../scoring/metrics';
export { gradeText } from '../scoring/consequences';
export type { ScenarioScore } from '../scoring/score';
export { staffingAssumption } from '../scoring/staffing';
export { computeVulnerability } from '../scoring/vulnerability';
