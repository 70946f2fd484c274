/**
 * The engine's public surface, for the CLI, the task pane and custom functions alike. Pure:
 * plain values in, plain values out; no Office.js, exceljs or Node.
 */
export * from './domain/types';
export * from './domain/parameters';
export type * from './domain/sheets';
export {
  readWorkbook,
  estimateStaffing,
  ONE_OFFICE_PER_MUNICIPALITY,
  type ReadResult,
  type ReadOptions,
  type SheetsUsed,
  type TravelReport,
} from './io/readWorkbook';
export { formatProblem, problemMessage, hasErrors, type Problem, type Language } from './io/problems';
export {
  scenarioSheet,
  scenarioSheetNames,
  resultSheetNames,
  resultSheets,
  comparisonSheet,
  comparisonRows,
  COMPARISON_SHEET,
} from './io/output';
export { consequenceSheet, CONSEQUENCE_PREFIX } from './io/consequenceOutput';
export { parseServicePoint, servicePointLabel } from './io/servicePoint';
export * from './travel';
export * from './scoring';
export { parseEmbeddedMunicipalities, referenceMap, extraNames, ATTRIBUTION, type EmbeddedMunicipality } from './data/embedded';
export { embeddedNetwork, calibrationPairs, parseNeighbours, parseCrossings } from './data/network';
export { travelSheet, travelCheckSheet, TRAVEL_SHEET, TRAVEL_CHECK_SHEET } from './io/travelOutput';
export { buildSampleWorkbook, sampleScenarios, selectCounty, SAMPLE_SCENARIOS } from './data/sample';
export { KNOWN_COOPERATIONS, reportedPopulation, type KnownCooperation } from './data/cooperations';
