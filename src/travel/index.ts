export { greatCircleKm } from './geo';
export {
  buildTravelMatrix,
  countPairs,
  travelMinutes,
  travelProvenance,
  travelViaFerry,
  type TravelEntry,
  type MissingPair,
  type TravelBuild,
} from './matrix';
export {
  RoadGraph,
  ferryMinutes,
  minutesPerKm,
  pairKey,
  type NetworkLink,
  type NetworkParameters,
  type TravelNetwork,
  type LinkKind,
} from './network';
export { fitParameters, crossValidate, predict, accuracyOf, PairRoutes, type Accuracy, type CalibrationPair } from './calibrate';
export { validateTravel, type TravelFinding } from './validate';
