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
export { officeBreaches, rankScenarios, type Breach, type RuleId } from './verdict';
export { baselineIndex, versusBaseline, WORSE_OFF_MINUTES, type MunicipalityChange, type Role, type VersusBaseline } from './versus';
export * from './staffing';
export {
  CONSEQUENCES,
  consequences,
  consequenceGrade,
  consequenceValues,
  extentOf,
  gradeText,
  EXTENT_WORDS,
  IMPORTANCE_WORDS,
  type Consequence,
  type ConsequenceDef,
  type ConsequenceId,
  type Importance,
} from './consequences';
