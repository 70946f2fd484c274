export { greatCircleKm, estimateMinutes, type EstimateParameters } from './estimate';
export { buildTravelMatrix, travelMinutes, travelProvenance, type TravelEntry, type MissingPair } from './matrix';
