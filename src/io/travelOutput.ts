import type { CellValue, SheetSpec } from '../domain/sheets';
import type { MunicipalityNumber, TravelMatrix } from '../domain/types';
import type { TravelFinding } from '../travel/validate';
import { travelSourceLabel } from './output';

export const TRAVEL_SHEET = 'KP Reisetid';
export const TRAVEL_CHECK_SHEET = 'KP Reisetidskontroll';

type Label = (n: MunicipalityNumber) => string;

/**
 * The complete travel matrix in long form, every ordered pair once, with its source:
 * `oppgitt` (from the planner's sheets), `estimert`, and `, ferje` when the trip includes a
 * ferry. The same columns the reader takes, so the sheet can be copied into Reisetid.
 */
export function travelSheet(matrix: TravelMatrix, label: Label): SheetSpec {
  const rows: CellValue[][] = [];
  const n = matrix.numbers.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const minutes = matrix.minutes[i]![j]!;
      rows.push([
        matrix.numbers[i]!,
        label(matrix.numbers[i]!),
        matrix.numbers[j]!,
        label(matrix.numbers[j]!),
        Number.isNaN(minutes) ? null : Math.round(minutes * 10) / 10,
        matrix.viaFerry[i]![j] ? 'ja' : 'nei',
        Number.isNaN(minutes) ? 'mangler' : travelSourceLabel(matrix.provenance[i]![j], false),
      ]);
    }
  }
  return {
    name: TRAVEL_SHEET,
    heading: [
      'Reisetid med bil i minutter for alle par. Kilde «oppgitt» er fra dine ark; «estimert» er beregnet av Kontorplan langs veien gjennom nabokommuner og med ferje (se docs/travel.md).',
    ],
    freezeRows: 2,
    tables: [
      {
        name: 'KP_Reisetid',
        startRow: 1,
        columns: [
          { header: 'Fra', format: '@', width: 8 },
          { header: 'Fra navn', width: 22 },
          { header: 'Til', format: '@', width: 8 },
          { header: 'Til navn', width: 22 },
          { header: 'Minutter', format: '0.0', width: 10 },
          { header: 'Ferje', width: 7 },
          { header: 'Kilde', width: 10 },
        ],
        rows,
      },
    ],
  };
}

const KIND_LABEL: Record<TravelFinding['kind'], string> = {
  missing: 'mangler',
  zero: '0 minutter',
  asymmetric: 'ulik begge veier',
  triangle: 'lengre enn via en annen kommune',
};

/** The checks of the planner's own times, one row per finding, with the cell it is about. */
export function travelCheckSheet(findings: readonly TravelFinding[], label: Label): SheetSpec {
  const rows: CellValue[][] = findings.map((f) => [
    KIND_LABEL[f.kind],
    label(f.from),
    label(f.to),
    'minutes' in f ? f.minutes : null,
    f.kind === 'asymmetric' ? f.back : f.kind === 'triangle' ? f.viaMinutes : null,
    f.kind === 'triangle' ? label(f.via) : '',
    'sheet' in f && f.sheet ? `${f.sheet}!${f.cell ?? ''}` : '',
  ]);
  return {
    name: TRAVEL_CHECK_SHEET,
    heading: [
      findings.length === 0
        ? 'Ingen avvik i de oppgitte reisetidene.'
        : `${findings.length} avvik i de oppgitte reisetidene. Sammenlign med cellen i siste kolonne.`,
    ],
    freezeRows: 2,
    tables: [
      {
        name: 'KP_Reisetidskontroll',
        startRow: 1,
        columns: [
          { header: 'Avvik', width: 30 },
          { header: 'Fra', width: 22 },
          { header: 'Til', width: 22 },
          { header: 'Minutter', format: '0.0', width: 10 },
          { header: 'Motsatt vei / via', format: '0.0', width: 16 },
          { header: 'Via', width: 22 },
          { header: 'Celle', width: 18 },
        ],
        rows,
      },
    ],
  };
}
