import type { CellValue, SheetSpec } from '../domain/sheets';
import type { MunicipalityNumber, TravelMatrix } from '../domain/types';
import type { TravelFinding } from '../travel/validate';
import { travelSourceLabel, WITHIN_SOURCE_LABEL } from './output';

export const TRAVEL_SHEET = 'KP Reisetid';
export const TRAVEL_CHECK_SHEET = 'KP Reisetidskontroll';

type Label = (n: MunicipalityNumber) => string;

/** The two ends of a pair, by number and name: the first columns of every pair table (and what the reader takes). */
const PAIR_COLUMNS = [
  { header: 'Fra', format: '@', width: 8 },
  { header: 'Fra navn', width: 22 },
  { header: 'Til', format: '@', width: 8 },
  { header: 'Til navn', width: 22 },
] as const;

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
  const withinRows: CellValue[][] = matrix.numbers.map((num, i) => [
    num,
    label(num),
    Math.round(matrix.within[i]! * 10) / 10,
    WITHIN_SOURCE_LABEL[matrix.withinSource[i]!],
  ]);
  const withinStart = 1 + rows.length + 3;
  return {
    name: TRAVEL_SHEET,
    heading: [
      'Reisetid med bil i minutter for alle par, mellom kommunesentrene. Kilde «oppgitt» er fra dine ark; «estimert» er beregnet av Kontorplan langs veien gjennom nabokommuner og med ferje (se docs/travel.md). Under: innbyggernes snittreisetid til sitt eget kommunesenter.',
    ],
    freezeRows: 2,
    tables: [
      {
        name: 'KP_Reisetid',
        startRow: 1,
        columns: [
          ...PAIR_COLUMNS,
          { header: 'Minutter', format: '0.0', width: 10 },
          { header: 'Ferje', width: 7 },
          { header: 'Kilde', width: 10 },
        ],
        rows,
      },
      {
        name: 'KP_Reisetid_i_kommunen',
        startRow: withinStart,
        title: 'Reisetid i kommunen: innbyggernes snitt til kommunesenteret',
        columns: [
          { header: 'Kommune', format: '@', width: 8 },
          { header: 'Navn', width: 22 },
          { header: 'Minutter', format: '0.0', width: 10 },
          { header: 'Kilde', width: 22 },
        ],
        rows: withinRows,
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

export const TRAVEL_TEMPLATE_SHEET = 'KP Reisetid å oppgi';

/**
 * The pairs a planner must give before optimising on measured travel only: the reader's long
 * form (fra, til, minutter) with the estimate beside the blank minutes, to fill in and copy to
 * a sheet of her own named Reisetid.
 */
export function travelTemplateSheet(
  pairs: readonly { from: string; to: string; minutes: number }[],
  label: Label,
  limit: number,
): SheetSpec {
  return {
    name: TRAVEL_TEMPLATE_SHEET,
    heading: [
      `Estimerte reisetider over ${limit} min som optimaliseringen kunne bygge på. Fyll inn kolonne E (minutter med bil, fra sentrum til sentrum) og kopier tabellen til et eget ark «Reisetid»; Kontorplan leser ikke dette arket.`,
    ],
    freezeRows: 2,
    tables: [
      {
        name: 'KP_Reisetid_aa_oppgi',
        startRow: 1,
        columns: [
          ...PAIR_COLUMNS,
          { header: 'Minutter', format: '0', width: 10 },
          { header: 'Kontorplans estimat', format: '0.0', width: 12 },
        ],
        rows: pairs.map((p) => [
          p.from,
          label(p.from as MunicipalityNumber),
          p.to,
          label(p.to as MunicipalityNumber),
          null,
          Math.round(p.minutes * 10) / 10,
        ]),
      },
    ],
  };
}
