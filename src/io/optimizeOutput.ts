import type { CellValue, SheetSpec } from '../domain/sheets';
import type { Scenario } from '../domain/types';
import { servicePointLabel } from './servicePoint';

/** Kontorplan's sheet of optimised scenarios, in the Scenarier layout so that `plan` scores them. */
export const OPTIMIZED_SCENARIOS_SHEET = 'KP Optimerte scenarier';
/** The trade-off between the number of offices, travel and robustness, with its chart. */
export const TRADEOFF_SHEET = 'KP Avveiing';

export function optimizedScenariosSheet(
  scenarios: readonly Scenario[],
  names: ReadonlyMap<string, string>,
  heading: readonly string[],
  /** A partner's service point's yearly cost, kr (src/scoring/sites.ts), or undefined for the host. */
  siteCost: (scenario: Scenario, member: string, host: string) => number | undefined = () => undefined,
): SheetSpec {
  const rows: CellValue[][] = [];
  for (const s of scenarios) {
    for (const o of s.offices) {
      for (const m of o.members) {
        rows.push([
          s.name,
          m.number,
          names.get(m.number) ?? '',
          o.host,
          names.get(o.host) ?? '',
          servicePointLabel(m.servicePoint, m.number !== o.host),
          o.hostAgreement ? 'ja' : 'nei',
          m.number === o.host ? null : (siteCost(s, m.number, o.host) ?? null),
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
          { header: 'Scenario', width: 30 },
          { header: 'Kommunenummer', width: 15 },
          { header: 'Kommunenavn', width: 22 },
          { header: 'Vertskommune', width: 14 },
          { header: 'Vertskommunens navn', width: 22 },
          { header: 'Tjenestested', width: 14 },
          { header: 'Vertskommuneavtale', width: 12 },
          { header: 'Kostnad tjenestested (kr i året)', format: '# ##0', width: 16 },
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

export function tradeoffSheet(points: readonly TradeoffRow[], heading: readonly string[]): SheetSpec {
  const startRow = heading.length + 1;
  return {
    name: TRADEOFF_SHEET,
    heading,
    freezeRows: startRow + 1,
    tables: [
      {
        name: TRADEOFF_TABLE,
        startRow,
        columns: [
          { header: 'Antall kontor', format: '0', width: 10 },
          { header: 'Snittreisetid (min)', format: '0.0', width: 12 },
          { header: 'Lengste reisetid (min)', format: '0', width: 12 },
          { header: 'Minste kontor (årsverk)', format: '0.0', width: 12 },
          { header: 'Status', width: 18 },
          { header: 'Bevist gap', format: '0.00%', width: 10 },
          { header: 'Sekunder', format: '0.0', width: 10 },
        ],
        rows: points.map((p) => [p.offices, p.meanTravel, p.maxTravel, p.minOfficeFte, p.status, p.gap, p.seconds]),
      },
    ],
    charts: [
      {
        title: 'Snittreisetid etter antall kontor',
        table: TRADEOFF_TABLE,
        x: 0,
        y: [1],
        xTitle: 'Antall kontor',
        yTitle: 'Befolkningsvektet snittreisetid (min)',
      },
    ],
  };
}

/** The curve read back from Kontorplan's own sheet (so a later `plan` can write it again). */
export function readTradeoffRows(values: readonly (readonly CellValue[])[]): { heading: string[]; rows: TradeoffRow[] } {
  const headerRow = values.findIndex((r) => r[0] === 'Antall kontor');
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

export function siteTradeoffSheet(points: readonly SiteTradeoffRow[], heading: readonly string[]): SheetSpec {
  const startRow = heading.length + 1;
  return {
    name: SITE_TRADEOFF_SHEET,
    heading,
    freezeRows: startRow + 1,
    tables: [
      {
        name: SITE_TRADEOFF_TABLE,
        startRow,
        columns: [
          { header: 'Kostnaden ganget med', format: '0.00', width: 12 },
          { header: 'Kostnad tjenestesteder (mill. kr i året)', format: '0.00', width: 16 },
          { header: 'Snittreisetid (min)', format: '0.0', width: 12 },
          { header: 'Fulle lokalkontor', format: '0', width: 10 },
          { header: 'Avdelinger', format: '0', width: 10 },
          { header: 'Møterom', format: '0', width: 10 },
          { header: 'Antall kontor', format: '0', width: 10 },
          { header: 'Status', width: 18 },
          { header: 'Bevist gap', format: '0.00%', width: 10 },
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
      },
    ],
    charts: [
      {
        title: 'Snittreisetid mot kostnad for tjenestesteder',
        table: SITE_TRADEOFF_TABLE,
        x: 1,
        y: [2],
        xTitle: 'Kostnad for tjenestesteder (mill. kr i året)',
        yTitle: 'Befolkningsvektet snittreisetid (min)',
      },
    ],
  };
}
