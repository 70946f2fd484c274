import type { Municipality, MunicipalityNumber, Provenance, TravelMatrix } from '../domain/types';
import { estimateMinutes, type EstimateParameters } from './estimate';

/** One travel time as read from a sheet. */
export type TravelEntry = Readonly<{
  from: MunicipalityNumber;
  to: MunicipalityNumber;
  minutes: number;
  provenance: Provenance;
}>;

/** A pair that could be neither read nor estimated. */
export type MissingPair = Readonly<{ from: MunicipalityNumber; to: MunicipalityNumber }>;

/**
 * The full matrix over `municipalities`: given entries first; a pair given one way only is
 * used for the other way too; the rest estimated from coordinates where both ends have
 * them (provenance "estimated"); what remains is NaN and listed as missing.
 */
export function buildTravelMatrix(
  municipalities: readonly Municipality[],
  entries: readonly TravelEntry[],
  params: EstimateParameters,
): { matrix: TravelMatrix; missing: MissingPair[] } {
  const n = municipalities.length;
  const numbers = municipalities.map((m) => m.number);
  const index = new Map(numbers.map((num, i) => [num, i]));
  const minutes = Array.from({ length: n }, () => new Float64Array(n).fill(Number.NaN));
  const provenance: (Provenance | undefined)[][] = Array.from({ length: n }, () => new Array<Provenance | undefined>(n));
  for (let i = 0; i < n; i++) {
    minutes[i]![i] = 0;
    provenance[i]![i] = 'given';
  }
  for (const e of entries) {
    const i = index.get(e.from);
    const j = index.get(e.to);
    if (i === undefined || j === undefined || i === j) continue;
    minutes[i]![j] = e.minutes;
    provenance[i]![j] = e.provenance;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (Number.isNaN(minutes[i]![j]!) && !Number.isNaN(minutes[j]![i]!)) {
        minutes[i]![j] = minutes[j]![i]!;
        provenance[i]![j] = provenance[j]![i];
      }
    }
  }
  const missing: MissingPair[] = [];
  for (let i = 0; i < n; i++) {
    const a = municipalities[i]!;
    for (let j = 0; j < n; j++) {
      if (!Number.isNaN(minutes[i]![j]!)) continue;
      const b = municipalities[j]!;
      if (a.lat !== undefined && a.lon !== undefined && b.lat !== undefined && b.lon !== undefined) {
        minutes[i]![j] = estimateMinutes(a.lat, a.lon, b.lat, b.lon, params);
        provenance[i]![j] = 'estimated';
      } else {
        missing.push({ from: a.number, to: b.number });
      }
    }
  }
  return { matrix: { numbers, minutes, provenance }, missing };
}

// Index of each number per matrix, built once: scoring looks pairs up for every member.
const indexes = new WeakMap<TravelMatrix, ReadonlyMap<string, number>>();
function indexIn(matrix: TravelMatrix, n: MunicipalityNumber): number {
  let index = indexes.get(matrix);
  if (!index) {
    index = new Map(matrix.numbers.map((num, i) => [num as string, i]));
    indexes.set(matrix, index);
  }
  return index.get(n) ?? -1;
}

/** Minutes from one municipality to another, NaN when unknown or not in the matrix. */
export function travelMinutes(matrix: TravelMatrix, from: MunicipalityNumber, to: MunicipalityNumber): number {
  const i = indexIn(matrix, from);
  const j = indexIn(matrix, to);
  if (i < 0 || j < 0) return Number.NaN;
  return matrix.minutes[i]![j]!;
}

export function travelProvenance(matrix: TravelMatrix, from: MunicipalityNumber, to: MunicipalityNumber): Provenance | undefined {
  const i = indexIn(matrix, from);
  const j = indexIn(matrix, to);
  if (i < 0 || j < 0) return undefined;
  return matrix.provenance[i]![j];
}
