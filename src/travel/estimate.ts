import type { Minutes } from '../domain/types';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two WGS84 points (haversine). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type EstimateParameters = Readonly<{ estimateFixedMinutes: number; estimateMinutesPerKm: number }>;

/**
 * Car minutes estimated from two points: a fixed part (getting onto the main road, local
 * driving) plus minutes per straight-line km. The defaults (10 min + 0.72 min/km) are
 * fitted to the TØI car minutes from each municipality to its BA-region centre (192 pairs
 * in the embedded data; median absolute error 5.7 min on those pairs). The points are
 * interior points of the municipality, not its centre, and there are no ferries here:
 * an island municipality's estimate is too short.
 */
export function estimateMinutes(lat1: number, lon1: number, lat2: number, lon2: number, p: EstimateParameters): Minutes {
  const km = greatCircleKm(lat1, lon1, lat2, lon2);
  if (km === 0) return 0;
  return p.estimateFixedMinutes + p.estimateMinutesPerKm * km;
}
