import type { CellValue, ChartSpec, ColumnSpec, SheetSpec } from '../domain/sheets';
import type { Scenario } from '../domain/types';
import { message as m, MESSAGES } from './messages';
import type { Language } from './problems';
import { servicePointLabel } from './servicePoint';

/** Kontorplan's sheet of optimised scenarios, in the Scenarier layout so that `plan` scores them. */
export const OPTIMIZED_SCENARIOS_SHEET = 'KP Optimerte scenarier';
/** Kontorplan's sheet of the planner's own what-if scenarios (src/app/whatif.ts), in the same layout. */
export const OWN_SCENARIOS_SHEET = 'KP Egne scenarier';
/** The trade-off between the number of offices, travel and robustness, with its chart. */
export const TRADEOFF_SHEET = 'KP Avveiing';

export function optimizedScenariosSheet(
  scenarios: readonly Scenario[],
  names: ReadonlyMap<string, string>,
  heading: readonly string[],
  /** A partner's service point's yearly cost, kr (src/scoring/sites.ts), or undefined for the host. */
  siteCost: (scenario: Scenario, member: string, host: string) => number | undefined = () => undefined,
  lang: Language = 'nb',
): SheetSpec {
  const rows: CellValue[][] = [];
  for (const s of scenarios) {
    for (const o of s.offices) {
      for (const mb of o.members) {
        rows.push([
          s.name,
          mb.number,
          names.get(mb.number) ?? '',
          o.host,
          names.get(o.host) ?? '',
          servicePointLabel(mb.servicePoint, mb.number !== o.host, lang),
          m(o.hostAgreement ? 'yes' : 'no', {}, lang),
          mb.number === o.host ? null : (siteCost(s, mb.number, o.host) ?? null),
        ]);
      }
    }
  }
  const startRow = heading.length + 1;
  return {
    name: OPTIMIZED_SCENARIOS_SHEET,
    heading,
    freezeRows: startRow + 1,
    tables: [
      {
        name: 'KP_Optimerte_scenarier',
        startRow,
        columns: [
          // Headers the reader of Scenarier knows in both languages (src/io/fields.ts).
          { header: m('colScenario', {}, lang), width: 30 },
          { header: m('colMunicipalityNumber', {}, lang), width: 15 },
          { header: m('colMunicipalityName', {}, lang), width: 22 },
          { header: m('colHost', {}, lang), width: 14 },
          { header: m('colHostName', {}, lang), width: 22 },
          { header: m('colServicePoint', {}, lang), width: 14 },
          { header: m('colAgreement', {}, lang), width: 12 },
          { header: m('colSiteCost', {}, lang), format: '# ##0', width: 16 },
        ],
        rows,
      },
    ],
  };
}

/** One point of the trade-off curve as written and read back. */
export type TradeoffRow = Readonly<{
  offices: number;
  meanTravel: number | null;
  maxTravel: number | null;
  minOfficeFte: number | null;
  /** optimal, time-limit, heuristic, or the reason there is no structure. */
  status: string;
  gap: number | null;
  seconds: number | null;
}>;

export const TRADEOFF_TABLE = 'KP_Avveiing';

export function tradeoffSheet(points: readonly TradeoffRow[], heading: readonly string[], lang: Language = 'nb'): SheetSpec {
  return curveSheet({
    name: TRADEOFF_SHEET,
    table: TRADEOFF_TABLE,
    heading,
    columns: [
      { header: m('colOffices', {}, lang), format: '0', width: 10 },
      { header: m('colMeanTravel', {}, lang), format: '0.0', width: 12 },
      { header: m('colMaxTravel', {}, lang), format: '0', width: 12 },
      { header: m('colMinOfficeFte', {}, lang), format: '0.0', width: 12 },
      { header: m('colStatus', {}, lang), width: 18 },
      { header: m('colGap', {}, lang), format: '0.00%', width: 10 },
      { header: m('colSeconds', {}, lang), format: '0.0', width: 10 },
    ],
    rows: points.map((p) => [p.offices, p.meanTravel, p.maxTravel, p.minOfficeFte, p.status, p.gap, p.seconds]),
    chart: {
      title: m('chartTravelByOffices', {}, lang),
      x: 0,
      y: [1],
      xTitle: m('colOffices', {}, lang),
      yTitle: m('axisMeanTravel', {}, lang),
    },
  });
}

/** A trade-off curve: one table under the heading, frozen at its header, with a native chart over it. */
function curveSheet(c: {
  name: string;
  table: string;
  heading: readonly string[];
  columns: readonly ColumnSpec[];
  rows: CellValue[][];
  chart: Omit<ChartSpec, 'table'>;
}): SheetSpec {
  const startRow = c.heading.length + 1;
  return {
    name: c.name,
    heading: c.heading,
    freezeRows: startRow + 1,
    tables: [{ name: c.table, startRow, columns: c.columns, rows: c.rows }],
    charts: [{ ...c.chart, table: c.table }],
  };
}

/** The curve read back from Kontorplan's own sheet (so a later `plan` can write it again). */
export function readTradeoffRows(values: readonly (readonly CellValue[])[]): { heading: string[]; rows: TradeoffRow[] } {
  // The first header in either language: a curve written with --lang en is read back by a Norwegian plan and vice versa.
  const first = Object.values(MESSAGES.colOffices) as string[];
  const headerRow = values.findIndex((r) => typeof r[0] === 'string' && first.includes(r[0]));
  if (headerRow < 0) return { heading: [], rows: [] };
  const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : null);
  const heading = values.slice(0, Math.max(0, headerRow - 1)).map((r) => (typeof r[0] === 'string' ? r[0] : ''));
  const rows = values
    .slice(headerRow + 1)
    .filter((r) => typeof r[0] === 'number')
    .map((r) => ({
      offices: r[0] as number,
      meanTravel: num(r[1]),
      maxTravel: num(r[2]),
      minOfficeFte: num(r[3]),
      status: typeof r[4] === 'string' ? r[4] : '',
      gap: num(r[5]),
      seconds: num(r[6]),
    }));
  return { heading, rows };
}

/** One point of the trade-off over location cost: the structure chosen with every service point's cost × scale, priced at the real cost. */
export type SiteTradeoffRow = Readonly<{
  scale: number;
  meanTravel: number | null;
  siteCostKr: number | null;
  full: number | null;
  branch: number | null;
  meeting: number | null;
  offices: number | null;
  status: string;
  gap: number | null;
}>;

export const SITE_TRADEOFF_SHEET = 'KP Avveiing tjenestesteder';
export const SITE_TRADEOFF_TABLE = 'KP_Avveiing_tjenestesteder';

export function siteTradeoffSheet(points: readonly SiteTradeoffRow[], heading: readonly string[], lang: Language = 'nb'): SheetSpec {
  return curveSheet({
    name: SITE_TRADEOFF_SHEET,
    table: SITE_TRADEOFF_TABLE,
    heading,
    columns: [
      { header: m('colCostScale', {}, lang), format: '0.00', width: 12 },
      { header: m('colSitesCostMillions', {}, lang), format: '0.00', width: 16 },
      { header: m('colMeanTravel', {}, lang), format: '0.0', width: 12 },
      { header: m('colFullOffices', {}, lang), format: '0', width: 10 },
      { header: m('colBranches', {}, lang), format: '0', width: 10 },
      { header: m('colMeetingRooms', {}, lang), format: '0', width: 10 },
      { header: m('colOffices', {}, lang), format: '0', width: 10 },
      { header: m('colStatus', {}, lang), width: 18 },
      { header: m('colGap', {}, lang), format: '0.00%', width: 10 },
    ],
    rows: points.map((p) => [
      p.scale,
      p.siteCostKr === null ? null : p.siteCostKr / 1e6,
      p.meanTravel,
      p.full,
      p.branch,
      p.meeting,
      p.offices,
      p.status,
      p.gap,
    ]),
    chart: {
      title: m('chartTravelBySiteCost', {}, lang),
      x: 1,
      y: [2],
      xTitle: m('axisSiteCost', {}, lang),
      yTitle: m('axisMeanTravel', {}, lang),
    },
  });
}
