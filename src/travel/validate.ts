import type { MunicipalityNumber, TravelMatrix } from '../domain/types';
import type { MissingPair, TravelEntry } from './matrix';

export type TravelFinding = Readonly<
  | { kind: 'missing'; from: MunicipalityNumber; to: MunicipalityNumber }
  | { kind: 'zero'; from: MunicipalityNumber; to: MunicipalityNumber; sheet?: string; cell?: string }
  | {
      kind: 'asymmetric';
      from: MunicipalityNumber;
      to: MunicipalityNumber;
      minutes: number;
      back: number;
      sheet?: string;
      cell?: string;
    }
  | {
      kind: 'triangle';
      from: MunicipalityNumber;
      to: MunicipalityNumber;
      minutes: number;
      via: MunicipalityNumber;
      viaMinutes: number;
      sheet?: string;
      cell?: string;
    }
>;

export type ValidationOptions = Readonly<{
  /** Given times that differ more than this between the two ways are reported... */
  travelAsymmetryMinutes: number;
  /** ...and a direct time longer than a two-leg path by more than this. */
  travelTriangleSlackMinutes: number;
}>;

/**
 * Checks of the planner's own times (estimates are consistent by construction):
 * - zero: 0 minutes between two different municipalities;
 * - asymmetric: given both ways and differing by more than `travelAsymmetryMinutes`
 *   (reported once, at the first of the two; a zero is reported as a zero instead);
 * - triangle: a given direct time longer, by more than `travelTriangleSlackMinutes`, than
 *   going through a third municipality on given times (the worst such detour is named);
 * - missing: pairs neither given nor estimable (from buildTravelMatrix).
 */
export function validateTravel(
  matrix: TravelMatrix,
  entries: readonly TravelEntry[],
  missing: readonly MissingPair[],
  options: ValidationOptions,
): TravelFinding[] {
  const findings: TravelFinding[] = missing.map((p) => ({ kind: 'missing', from: p.from, to: p.to }));
  const n = matrix.numbers.length;
  const index = new Map(matrix.numbers.map((num, i) => [num as string, i]));
  const given = new Map<string, TravelEntry>();
  for (const e of entries) if (e.provenance === 'given' && e.from !== e.to) given.set(`${e.from}>${e.to}`, e);
  const where = (e: TravelEntry): { sheet?: string; cell?: string } => ({
    ...(e.sheet !== undefined ? { sheet: e.sheet } : {}),
    ...(e.cell !== undefined ? { cell: e.cell } : {}),
  });

  // Given minutes only (buildTravelMatrix has already used a one-way time both ways), for the triangle check.
  const g = matrix.minutes.map((row, i) => row.map((m, j) => (matrix.provenance[i]![j] === 'given' ? m : Number.NaN)));
  for (const e of given.values()) {
    if (e.minutes === 0) {
      findings.push({ kind: 'zero', from: e.from, to: e.to, ...where(e) });
      continue;
    }
    const back = given.get(`${e.to}>${e.from}`);
    if (back && back.minutes > 0 && e.from < e.to && Math.abs(back.minutes - e.minutes) > options.travelAsymmetryMinutes) {
      findings.push({ kind: 'asymmetric', from: e.from, to: e.to, minutes: e.minutes, back: back.minutes, ...where(e) });
    }
    const i = index.get(e.from);
    const j = index.get(e.to);
    if (i === undefined || j === undefined) continue;
    const gi = g[i]!;
    let best = Number.POSITIVE_INFINITY;
    let via = -1;
    for (let k = 0; k < n; k++) {
      if (k === i || k === j) continue;
      const legs = gi[k]! + g[k]![j]!;
      if (legs < best) {
        best = legs;
        via = k;
      }
    }
    if (via >= 0 && e.minutes > best + options.travelTriangleSlackMinutes) {
      findings.push({
        kind: 'triangle',
        from: e.from,
        to: e.to,
        minutes: e.minutes,
        via: matrix.numbers[via]!,
        viaMinutes: best,
        ...where(e),
      });
    }
  }
  return findings;
}
