export { computeVulnerability } from './vulnerability';
export { rate, combineRatings } from './rate';
export {
  scoreOffice,
  scoreScenario,
  scoreAll,
  type OfficeScore,
  type MemberScore,
  type ScenarioScore,
  type ScenarioTotals,
  type ConstraintResult,
  type ConstraintId,
} from './score';
export * from './staffing';
