import type { Parameters } from '../domain/parameters';
import { FAIL_TEXT, type CellValue, type SheetSpec } from '../domain/sheets';
import type { Provenance, WithinSource } from '../domain/types';
import type { ScenarioScore } from '../scoring/score';
import { servicePointLabel } from './servicePoint';

/** Characters Excel forbids in sheet names. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/** Kontorplan's result sheet names: "KP <scenario>", ≤ 31 characters, unique. */
export function scenarioSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>(['sammenligning']);
  return names.map((n) => {
    const full = `KP ${n.replace(FORBIDDEN, ' ').replace(/'/g, '')}`.trim();
    // A name too long for a sheet loses a trailing parenthesis before it is cut.
    const base = (full.length > 31 ? full.replace(/\s*\([^()]*\)$/, '') : full).slice(0, 31);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export const COMPARISON_SHEET = 'Sammenligning';

const yes = (b: boolean) => (b ? 'ja' : 'nei');
const ok = (b: boolean) => (b ? 'OK' : FAIL_TEXT);

/**
 * One scenario's sheet: the offices table (metrics, ratings, pass/fail) and below it the
 * members table (travel with its source, service point, staffing).
 */
export function scenarioSheet(score: ScenarioScore, sheetName: string, index: number, p: Parameters): SheetSpec {
  const [t1, t2, t3] = p.travelThresholds;
  const officeRows: CellValue[][] = score.offices.map((o) => {
    const c = Object.fromEntries(o.constraints.map((x) => [x.id, x]));
    return [
      o.host,
      o.hostName,
      o.owners,
      o.population,
      o.fte,
      yes(o.fteEstimated),
      o.vulnerability,
      o.weightedTravelMinutes,
      o.maxTravelMinutes,
      o.shareOverThresholds[0] ?? 0,
      o.shareOverThresholds[1] ?? 0,
      o.shareOverThresholds[2] ?? 0,
      o.staffTravelMinutesPerWeek,
      o.estimatedTravelPairs,
      o.baShareInHostRegion,
      o.baRegions,
      o.hostPopulationShare,
      yes(o.countyLineCrossed),
      o.informal
        ? 'UFORMELT'
        : o.owners === 1
          ? '–'
          : o.legalForm === 'ukjent'
            ? 'ukjent'
            : o.legalForm === 'sammenslått'
              ? 'sammenslått'
              : 'avtale',
      o.rating,
      ok(c.minFte!.pass),
      ok(c.maxTravel!.pass),
      c.sameBa!.enabled ? ok(c.sameBa!.pass) : '–',
      ok(c.maxOwners!.pass),
      ok(o.pass),
    ];
  });
  const memberRows: CellValue[][] = score.offices.flatMap((o) =>
    o.members.map((m) => [
      o.host,
      m.number,
      m.name,
      m.isHost ? 'vertskommune' : 'samarbeidskommune',
      servicePointLabel(m.servicePoint),
      m.population,
      m.travelToHostMinutes,
      m.isHost ? '–' : travelSourceLabel(m.travelProvenance, m.travelViaFerry),
      Math.round(m.withinMinutes * 10) / 10,
      WITHIN_SOURCE_LABEL[m.withinSource],
      m.effectiveMinutes,
      m.staffTravelMinutesPerWeek,
      m.fte,
      m.fteEstimated ? 'estimert' : 'oppgitt',
      m.baRegion ?? '',
    ]),
  );
  const officeStart = 3;
  const memberStart = officeStart + officeRows.length + 3;
  const min = '#,##0';
  const pct = '0%';
  return {
    name: sheetName,
    heading: [
      `Scenario: ${score.name}`,
      `${score.totals.offices} kontor, ${score.totals.population.toLocaleString('nb-NO')} innbyggere. Laget av Kontorplan; arket erstattes ved neste kjøring.`,
    ],
    freezeRows: officeStart + 1,
    tables: [
      {
        name: `KP_Kontor_${index + 1}`,
        startRow: officeStart,
        title: 'Kontor',
        columns: [
          { header: 'Vertskommune', format: '@', width: 13 },
          { header: 'Navn', width: 22 },
          { header: 'Eiere', format: '0', width: 7 },
          { header: 'Innbyggere', format: '#,##0', width: 11 },
          { header: 'Årsverk', format: '0.0', width: 9 },
          { header: 'Årsverk estimert', width: 9 },
          { header: 'Sårbarhet', format: '0.0%', width: 10 },
          { header: 'Vektet reisetid (min)', format: min, width: 11 },
          { header: 'Lengste reisetid (min)', format: min, width: 11 },
          { header: `Andel over ${t1} min`, format: pct, width: 10 },
          { header: `Andel over ${t2} min`, format: pct, width: 10 },
          { header: `Andel over ${t3} min`, format: pct, width: 10 },
          { header: 'Ansattreiser (min/uke)', format: min, width: 11 },
          { header: 'Estimerte reisetider', format: '0', width: 10 },
          { header: 'Andel i vertens BA-region', format: pct, width: 11 },
          { header: 'BA-regioner', format: '0', width: 9 },
          { header: 'Vertens andel av innbyggerne', format: pct, width: 11 },
          { header: 'Krysser fylkesgrense', width: 9 },
          { header: 'Avtale', width: 10 },
          { header: 'Karakter (0–100)', format: '0', width: 10, highlight: 'rating' },
          { header: `Min. årsverk (${p.minFte})`, width: 10, highlight: 'fail' },
          { header: `Maks reisetid uten tjenestested (${p.maxTravelWithoutServicePoint})`, width: 12, highlight: 'fail' },
          { header: 'Samme BA-region', width: 9, highlight: 'fail' },
          { header: `Maks eiere (${p.maxOwners})`, width: 9, highlight: 'fail' },
          { header: 'Alle krav', width: 9, highlight: 'fail' },
        ],
        rows: officeRows,
      },
      {
        name: `KP_Medlemmer_${index + 1}`,
        startRow: memberStart,
        title: 'Medlemmer',
        columns: [
          { header: 'Kontor (vert)', format: '@' },
          { header: 'Kommunenummer', format: '@' },
          { header: 'Kommune' },
          { header: 'Rolle' },
          { header: 'Tjenestested' },
          { header: 'Innbyggere', format: '#,##0' },
          { header: 'Reisetid til vert (min)', format: min },
          { header: 'Kilde reisetid' },
          { header: 'Reisetid i kommunen (min)', format: '0.0' },
          { header: 'Kilde reisetid i kommunen' },
          { header: 'Brukernes reisebyrde (min)', format: '0.0' },
          { header: 'Ansattreiser (min/uke)', format: min },
          { header: 'Årsverk', format: '0.0' },
          { header: 'Kilde årsverk' },
          { header: 'BA-region', format: '@' },
        ],
        rows: memberRows,
      },
    ],
  };
}

type Row = Readonly<{ label: string; unit: string; format: string; value: (s: ScenarioScore) => CellValue }>;

/** The comparison rows, shared by the Sammenligning sheet and the terminal table. */
export function comparisonRows(p: Parameters): Row[] {
  const [t1, t2, t3] = p.travelThresholds;
  return [
    { label: 'Karakter (0–100)', unit: 'poeng', format: '0', value: (s) => s.totals.rating },
    { label: 'Antall kontor', unit: 'kontor', format: '0', value: (s) => s.totals.offices },
    { label: 'Kontor som bryter krav', unit: 'kontor', format: '0', value: (s) => s.totals.officesFailing },
    { label: 'Minste kontor', unit: 'årsverk', format: '0.0', value: (s) => s.totals.minOfficeFte },
    { label: 'Sårbarhet (snitt)', unit: 'andel dager', format: '0.0%', value: (s) => s.totals.vulnerability },
    { label: 'Vektet reisetid', unit: 'min', format: '0.0', value: (s) => s.totals.weightedTravelMinutes },
    { label: 'Lengste reisetid', unit: 'min', format: '0', value: (s) => s.totals.maxTravelMinutes },
    { label: `Andel over ${t1} min`, unit: 'innb.', format: '0.0%', value: (s) => s.totals.shareOverThresholds[0] ?? 0 },
    { label: `Andel over ${t2} min`, unit: 'innb.', format: '0.0%', value: (s) => s.totals.shareOverThresholds[1] ?? 0 },
    { label: `Andel over ${t3} min`, unit: 'innb.', format: '0.0%', value: (s) => s.totals.shareOverThresholds[2] ?? 0 },
    { label: 'Ansattreiser', unit: 'min/uke', format: '#,##0', value: (s) => s.totals.staffTravelMinutesPerWeek },
    { label: 'Andel i vertens BA-region', unit: 'innb.', format: '0%', value: (s) => s.totals.baShareInHostRegion },
    { label: 'BA-regioner delt', unit: 'regioner', format: '0', value: (s) => s.totals.baRegionsSplit },
    { label: 'Flest eiere i ett kontor', unit: 'kommuner', format: '0', value: (s) => s.totals.maxOwners },
    { label: 'Kontor over fylkesgrense', unit: 'kontor', format: '0', value: (s) => s.totals.officesCrossingCounty },
    { label: 'Uformelle samarbeid', unit: 'kontor', format: '0', value: (s) => s.totals.informalOffices },
    { label: 'Estimerte reisetider', unit: 'par', format: '0', value: (s) => s.totals.estimatedTravelPairs },
    { label: 'Estimerte reisetider over 60 min', unit: 'par', format: '0', value: (s) => s.totals.estimatedTravelOver60 },
    { label: 'Estimert bemanning', unit: 'kommuner', format: '0', value: (s) => s.totals.estimatedStaffing },
  ];
}

/** Sammenligning: one row per measure, one column per scenario. */
export function comparisonSheet(scores: readonly ScenarioScore[], p: Parameters): SheetSpec {
  const rows = comparisonRows(p);
  const pointsStart = 2 + rows.length + 4;
  return {
    name: COMPARISON_SHEET,
    charts: [
      {
        title: 'Scenarier: antall kontor mot reisetid',
        table: 'KP_Scenariopunkter',
        x: 1,
        y: [2],
        xTitle: 'Antall kontor',
        yTitle: 'Vektet reisetid (min)',
        pointPerRow: 0,
      },
    ],
    heading: [
      'Scenarier side om side. Karakter: 0–100, høyere er bedre (se docs/scoring.md).',
      `Krav: minst ${p.minFte} årsverk per kontor, høyst ${p.maxTravelWithoutServicePoint} min reisetid uten eget tjenestested, høyst ${p.maxOwners} eiere.`,
    ],
    freezeRows: 3,
    tables: [
      {
        name: 'KP_Sammenligning',
        startRow: 2,
        columns: [
          { header: 'Mål', width: 28 },
          { header: 'Enhet', width: 12 },
          ...scores.map((s, i) => ({ header: uniqueHeader(s.name, i, scores), width: Math.max(14, Math.min(30, s.name.length + 2)) })),
        ],
        rows: rows.map((r) => [r.label, r.unit, ...scores.map((s) => r.value(s))]),
        rowFormats: rows.map((r) => r.format),
      },
      {
        name: 'KP_Scenariopunkter',
        startRow: pointsStart,
        title: 'Scenarier som punkter (diagrammet til høyre)',
        columns: [
          { header: 'Scenario', width: 28 },
          { header: 'Antall kontor', format: '0', width: 12 },
          { header: 'Vektet reisetid (min)', format: '0.0' },
          { header: 'Minste kontor (årsverk)', format: '0.0' },
          { header: 'Karakter (0–100)', format: '0', highlight: 'rating' },
        ],
        rows: scores.map((s, i) => [
          uniqueHeader(s.name, i, scores),
          s.totals.offices,
          s.totals.weightedTravelMinutes,
          s.totals.minOfficeFte,
          s.totals.rating,
        ]),
      },
    ],
  };
}

function uniqueHeader(name: string, i: number, all: readonly ScenarioScore[]): string {
  const clash = all.some((s, j) => j < i && s.name.toLowerCase() === name.toLowerCase());
  return clash ? `${name} (${i + 1})` : name;
}

/** Where a municipality's within-municipality travel comes from, as shown in sheets. */
export const WITHIN_SOURCE_LABEL: Readonly<Record<WithinSource, string>> = {
  given: 'oppgitt',
  toi: 'TØI 2019',
  estimated: 'estimert (SSBs rutenett)',
  unknown: 'ukjent (0)',
};

/** The `kilde` of a travel time as shown in sheets: oppgitt / estimert, and whether it includes a ferry. */
export function travelSourceLabel(provenance: Provenance | undefined, viaFerry: boolean): string {
  const base = provenance === 'estimated' ? 'estimert' : 'oppgitt';
  return viaFerry ? `${base}, ferje` : base;
}
