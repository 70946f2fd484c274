import type { CellValue, SheetSpec } from '../domain/sheets';
import type { MunicipalityNumber, TravelMatrix } from '../domain/types';
import type { TravelFinding } from '../travel/validate';
import { message as m, type MessageCode } from './messages';
import { travelSourceLabel, withinSourceLabel } from './output';
import type { Language } from './problems';

export const TRAVEL_SHEET = 'KP Reisetid';
export const TRAVEL_CHECK_SHEET = 'KP Reisetidskontroll';

type Label = (n: MunicipalityNumber) => string;

/** The two ends of a pair, by number and name: the first columns of every pair table (and what the reader takes). */
const pairColumns = (lang: Language) =>
  [
    { header: m('colFrom', {}, lang), format: '@', width: 8 },
    { header: m('colFromName', {}, lang), width: 22 },
    { header: m('colTo', {}, lang), format: '@', width: 8 },
    { header: m('colToName', {}, lang), width: 22 },
  ] as const;

/**
 * The complete travel matrix in long form, every ordered pair once, with its source:
 * `oppgitt` (from the planner's sheets), `estimert`, and `, ferje` when the trip includes a
 * ferry. The same columns the reader takes, so the sheet can be copied into Reisetid.
 */
export function travelSheet(matrix: TravelMatrix, label: Label, lang: Language = 'nb'): SheetSpec {
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
        m(matrix.viaFerry[i]![j] ? 'yes' : 'no', {}, lang),
        Number.isNaN(minutes) ? m('missing', {}, lang) : travelSourceLabel(matrix.provenance[i]![j], false, lang),
      ]);
    }
  }
  const withinRows: CellValue[][] = matrix.numbers.map((num, i) => [
    num,
    label(num),
    Math.round(matrix.within[i]! * 10) / 10,
    withinSourceLabel(matrix.withinSource[i]!, lang),
  ]);
  const withinStart = 1 + rows.length + 3;
  return {
    name: TRAVEL_SHEET,
    heading: [m('travelHeading', {}, lang)],
    freezeRows: 2,
    tables: [
      {
        name: 'KP_Reisetid',
        startRow: 1,
        columns: [
          ...pairColumns(lang),
          { header: m('colMinutes', {}, lang), format: '0.0', width: 10 },
          { header: m('colFerry', {}, lang), width: 7 },
          { header: m('colSource', {}, lang), width: 10 },
        ],
        rows,
      },
      {
        name: 'KP_Reisetid_i_kommunen',
        startRow: withinStart,
        title: m('withinTitle', {}, lang),
        columns: [
          { header: m('colMunicipality', {}, lang), format: '@', width: 8 },
          { header: m('colName', {}, lang), width: 22 },
          { header: m('colMinutes', {}, lang), format: '0.0', width: 10 },
          { header: m('colSource', {}, lang), width: 22 },
        ],
        rows: withinRows,
      },
    ],
  };
}

const KIND_LABEL: Record<TravelFinding['kind'], MessageCode> = {
  missing: 'missing',
  zero: 'findingZero',
  asymmetric: 'findingAsymmetric',
  triangle: 'findingTriangle',
};

/** The checks of the planner's own times, one row per finding, with the cell it is about. */
export function travelCheckSheet(findings: readonly TravelFinding[], label: Label, lang: Language = 'nb'): SheetSpec {
  const rows: CellValue[][] = findings.map((f) => [
    m(KIND_LABEL[f.kind], {}, lang),
    label(f.from),
    label(f.to),
    // A zero is the finding: the cell shows it.
    f.kind === 'zero' ? 0 : 'minutes' in f ? f.minutes : null,
    f.kind === 'asymmetric' ? f.back : f.kind === 'triangle' ? f.viaMinutes : null,
    f.kind === 'triangle' ? label(f.via) : '',
    'sheet' in f && f.sheet ? `${f.sheet}!${f.cell ?? ''}` : '',
  ]);
  return {
    name: TRAVEL_CHECK_SHEET,
    heading: [findings.length === 0 ? m('checkNone', {}, lang) : m('checkSome', { count: findings.length }, lang)],
    freezeRows: 2,
    tables: [
      {
        name: 'KP_Reisetidskontroll',
        startRow: 1,
        columns: [
          { header: m('colFinding', {}, lang), width: 30 },
          { header: m('colFrom', {}, lang), width: 22 },
          { header: m('colTo', {}, lang), width: 22 },
          { header: m('colMinutes', {}, lang), format: '0.0', width: 10 },
          { header: m('colBackOrVia', {}, lang), format: '0.0', width: 16 },
          { header: m('colVia', {}, lang), width: 22 },
          { header: m('colCell', {}, lang), width: 18 },
        ],
        rows,
      },
    ],
  };
}

export const TRAVEL_TEMPLATE_SHEET = 'KP Reisetid å oppgi';

/**
 * The pairs a planner must give before optimising on measured travel only: the reader's long
 * form (fra, til, minutter) with the estimate beside the blank minutes, to fill in and copy,
 * headers and all, to a sheet of her own whose name starts with Reisetid.
 */
export function travelTemplateSheet(
  pairs: readonly { from: string; to: string; minutes: number }[],
  label: Label,
  limit: number,
  lang: Language = 'nb',
): SheetSpec {
  return {
    name: TRAVEL_TEMPLATE_SHEET,
    heading: [m('templateHeading', { limit }, lang)],
    freezeRows: 2,
    tables: [
      {
        name: 'KP_Reisetid_aa_oppgi',
        startRow: 1,
        columns: [
          ...pairColumns(lang),
          { header: m('colMinutes', {}, lang), format: '0', width: 10 },
          { header: m('colEstimate', {}, lang), format: '0.0', width: 12 },
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
