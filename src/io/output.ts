import type { Parameters } from '../domain/parameters';
import { FAIL_TEXT, type CellValue, type SheetSpec, type TableSpec } from '../domain/sheets';
import type { Provenance, WithinSource } from '../domain/types';
import type { ScenarioScore } from '../scoring/score';
import { baselineIndex, WORSE_OFF_MINUTES } from '../scoring/versus';
import { CONSEQUENCE_PREFIX, consequenceSheet } from './consequenceOutput';
import { METRICS, metricHeader, metricLabel, metricRatingHeader } from '../scoring/metrics';
import { message, type MessageCode, type MessageParams } from './messages';
import type { Language } from './problems';
import { servicePointLabel } from './servicePoint';
import {
  breachValueText,
  flipsText,
  inadmissibleReason,
  INDEX_MEANING,
  ROLE_LABELS,
  RULE_LABELS,
  rulesInForce,
  sensitivityText,
  versusText,
} from './verdictText';

/** Characters Excel forbids in sheet names. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/** `prefix + name` made a legal sheet name (≤ 31 characters), unique against `used` (lower case), which it joins. */
function uniqueSheetName(prefix: string, n: string, used: Set<string>): string {
  const full = `${prefix}${n.replace(FORBIDDEN, ' ').replace(/'/g, '')}`.trim();
  // A name too long for a sheet loses a trailing parenthesis before it is cut.
  const base = (full.length > 31 ? full.replace(/\s*\([^()]*\)$/, '') : full).slice(0, 31).trimEnd();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** Kontorplan's result sheet names: "KP <scenario>", ≤ 31 characters, unique. */
export function scenarioSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>(['sammenligning']);
  return names.map((n) => uniqueSheetName('KP ', n, used));
}

/**
 * The scenario sheets' names and, for every scenario but the baseline, its consequence sheet's:
 * "KP Konsekvenser <scenario>", shortened and numbered like the scenario sheets, and never the
 * name of a scenario sheet (a scenario may be called «Konsekvenser …»).
 */
export function resultSheetNames(names: readonly string[], baseline: number): { scenario: string[]; consequences: (string | undefined)[] } {
  const scenario = scenarioSheetNames(names);
  const used = new Set<string>(['sammenligning', ...scenario.map((n) => n.toLowerCase())]);
  return { scenario, consequences: names.map((n, i) => (i === baseline ? undefined : uniqueSheetName(CONSEQUENCE_PREFIX, n, used))) };
}

/**
 * Every sheet `plan` writes for scored scenarios: each scenario's sheet followed by its
 * consequence sheet (none for the baseline), then Sammenligning.
 */
export function resultSheets(scores: readonly ScenarioScore[], p: Parameters, lang: Language = 'nb'): SheetSpec[] {
  const names = resultSheetNames(
    scores.map((s) => s.name),
    baselineIndex(scores.map((s) => s.name)),
  );
  return [
    ...scores.flatMap((s, i) => {
      const own = scenarioSheet(s, names.scenario[i]!, i, p, lang);
      const c = names.consequences[i];
      return c === undefined ? [own] : [own, consequenceSheet(s, c, i, lang)];
    }),
    comparisonSheet(scores, p, lang),
  ];
}

export const COMPARISON_SHEET = 'Sammenligning';

/** The office index's header: what the number means stands beside it. */
export const INDEX_HEADER = message('indexHeader');

const ok = (b: boolean) => (b ? 'OK' : FAIL_TEXT);

/**
 * One scenario's sheet: the offices table (metrics, ratings, pass/fail) and below it the
 * members table (travel with its source, service point, staffing).
 */
export function scenarioSheet(score: ScenarioScore, sheetName: string, index: number, p: Parameters, lang: Language = 'nb'): SheetSpec {
  const t = texts(lang);
  const officeRows = score.offices.map((o) => officeRow(o, t));
  const memberRows = score.offices.flatMap((o) => officeMemberRows(o, lang, t));
  const versusRows = municipalityRows(score, lang, t);
  const heading = scenarioHeading(score, lang, t);
  // The offices' title goes in the row below the heading, their header in the next.
  const officeStart = heading.length + 1;
  const memberStart = officeStart + officeRows.length + 3;
  const versusStart = memberStart + memberRows.length + 3;
  const breachStart = versusStart + versusRows.length + 3;
  return {
    name: sheetName,
    heading,
    freezeRows: officeStart + 1,
    tables: [
      officesTable(officeRows, officeStart, index, p, lang, t),
      membersTable(memberRows, memberStart, index, t),
      municipalitiesTable(versusRows, versusStart, index, score.versus.baseline, t),
      breachesTable(breachRows(score, lang), breachStart, index, score.admissible, t),
    ],
  };
}

type OfficeResult = ScenarioScore['offices'][number];

/** The scenario sheet's texts in one language: a message by code, and yes or no. */
type Texts = Readonly<{ t: (code: MessageCode, params?: MessageParams) => string; yes: (b: boolean) => string }>;

/** The message and yes/no texts of the scenario sheet in `lang`. */
function texts(lang: Language): Texts {
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  return { t, yes: (b: boolean) => t(b ? 'yes' : 'no') };
}

/** The heading above the tables: the scenario's name, its totals, its rank and verdict, and how it compares to the baseline. */
function scenarioHeading(score: ScenarioScore, lang: Language, { t }: Texts): string[] {
  return [
    t('scTitle', { name: score.name }),
    t('scTotals', { offices: score.totals.offices, population: score.totals.population.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO') }),
    t('scRank', {
      rank: score.rank,
      verdict: score.admissible
        ? score.totals.unknownLegalForm > 0
          ? t('scUnknownForm', { count: score.totals.unknownLegalForm })
          : t('scAdmissible')
        : t('scInadmissible', { count: score.breaches.length }),
      rating: score.totals.rating,
      perMunicipality: score.totals.ratingPerMunicipality,
    }),
    versusText(score.versus, lang),
  ];
}

/** How an office's municipalities work together: informal, merged, alone, unknown, state only, or by agreement. */
function agreementText(o: OfficeResult, { t }: Texts): string {
  return o.informal
    ? t('informalWord')
    : o.legalForm === 'sammenslått' && o.members.length > 1
      ? t('mergedWord')
      : o.owners === 1
        ? '–'
        : o.legalForm === 'ukjent'
          ? t('unknownWord')
          : o.legalForm === 'statlig'
            ? t('stateOnlyWord')
            : t('agreementWord');
}

/** An office's row: its host, metrics, what is shown but not rated, ratings and pass/fail per rule. */
function officeRow(o: OfficeResult, x: Texts): CellValue[] {
  const { yes } = x;
  const c = Object.fromEntries(o.constraints.map((k) => [k.id, k]));
  return [
    o.host,
    o.hostName,
    // The rated metrics, as declared (src/scoring/metrics), then what is shown but not rated.
    ...METRICS.map((m) => m.value(o)),
    yes(o.fteEstimated),
    o.shareOverThresholds[0] ?? 0,
    o.shareOverThresholds[2] ?? 0,
    o.estimatedTravelPairs,
    o.baRegions,
    yes(o.countyLineCrossed),
    agreementText(o, x),
    ...METRICS.map((m) => o.ratings[m.id]),
    o.rating,
    ok(c.minFte!.pass),
    ok(c.maxTravel!.pass),
    c.sameBa!.enabled ? ok(c.sameBa!.pass) : '–',
    ok(c.maxOwners!.pass),
    ok(o.pass),
  ];
}

/** An office's members, one row each: role, service point, travel with its source, staffing. */
function officeMemberRows(o: OfficeResult, lang: Language, { t }: Texts): CellValue[][] {
  return o.members.map((m) => [
    o.host,
    m.number,
    m.name,
    ROLE_LABELS[m.isHost ? 'host' : 'partner'][lang],
    servicePointLabel(m.servicePoint, !m.isHost, lang),
    m.population,
    m.travelToHostMinutes,
    m.isHost ? '–' : travelSourceLabel(m.travelProvenance, m.travelViaFerry, lang),
    Math.round(m.withinMinutes * 10) / 10,
    withinSourceLabel(m.withinSource, lang),
    m.effectiveMinutes,
    m.staffTravelMinutesPerWeek,
    m.fte,
    t(m.fteEstimated ? 'estimated' : 'given'),
    m.baRegion ?? '',
  ]);
}

/** The scenario's breaches of the rules, one row each, with the rule and an explanation. */
function breachRows(score: ScenarioScore, lang: Language): CellValue[][] {
  return score.breaches.map((b) => [
    b.kommunenummer,
    b.name,
    b.office,
    b.officeName,
    RULE_LABELS[b.rule][lang],
    b.value,
    b.limit,
    breachValueText(b, lang),
  ]);
}

/** Every municipality before (the baseline) and now: role, host, access, days and staff, what it breaks, whether worse off. */
function municipalityRows(score: ScenarioScore, lang: Language, { yes }: Texts): CellValue[][] {
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return score.versus.municipalities.map((m) => [
    m.kommunenummer,
    m.name,
    ROLE_LABELS[m.roleBefore][lang],
    ROLE_LABELS[m.roleAfter][lang],
    m.officeBefore,
    m.officeAfter,
    round1(m.accessMinutesBefore),
    round1(m.accessMinutesAfter),
    round1(m.accessMinutesAfter - m.accessMinutesBefore),
    round1(m.hostMinutesBefore),
    round1(m.hostMinutesAfter),
    m.localDaysBefore,
    m.localDaysAfter,
    round1(m.localFteBefore),
    round1(m.localFteAfter),
    m.breaks.map((r) => RULE_LABELS[r][lang]).join(', '),
    yes(m.worseOff),
  ]);
}

/** The offices table (KP_Kontor_n): metrics, ratings and rules, with the rating and failures highlighted. */
function officesTable(rows: CellValue[][], startRow: number, index: number, p: Parameters, lang: Language, { t }: Texts): TableSpec {
  const [t1, , t3] = p.travelThresholds;
  const pct = '0%';
  return {
    name: `KP_Kontor_${index + 1}`,
    startRow,
    title: t('tOffices'),
    columns: [
      { header: t('colHost'), format: '@', width: 13 },
      { header: t('colName'), width: 22 },
      ...METRICS.map((m) => ({ header: metricHeader(m, p, lang), format: m.format, width: 11 })),
      { header: t('hFteEstimated'), width: 9 },
      { header: t('hShareOver', { minutes: t1 }), format: pct, width: 10 },
      { header: t('hShareOver', { minutes: t3 }), format: pct, width: 10 },
      { header: t('hEstimatedTravel'), format: '0', width: 10 },
      { header: t('hBaRegions'), format: '0', width: 9 },
      { header: t('hCrossesCounty'), width: 9 },
      { header: t('hAgreement'), width: 10 },
      ...METRICS.map((m) => ({ header: metricRatingHeader(m, p, lang), format: '0', width: 10 })),
      { header: t('indexHeader'), format: '0', width: 12, highlight: 'rating' },
      { header: t('hMinFte', { limit: p.minFte }), width: 10, highlight: 'fail' },
      { header: t('hMaxTravel', { limit: p.maxTravelWithoutServicePoint }), width: 12, highlight: 'fail' },
      { header: t('hSameBa'), width: 9, highlight: 'fail' },
      { header: t('hMaxOwners', { limit: p.maxOwners }), width: 9, highlight: 'fail' },
      { header: t('hAllRules'), width: 9, highlight: 'fail' },
    ],
    rows,
  };
}

/** The members table (KP_Medlemmer_n). */
function membersTable(rows: CellValue[][], startRow: number, index: number, { t }: Texts): TableSpec {
  const min = '#,##0';
  return {
    name: `KP_Medlemmer_${index + 1}`,
    startRow,
    title: t('tMembers'),
    columns: [
      { header: t('hOfficeHost'), format: '@' },
      { header: t('colMunicipalityNumber'), format: '@' },
      { header: t('colMunicipality') },
      { header: t('hRole') },
      { header: t('colServicePoint') },
      { header: t('hInhabitants'), format: '#,##0' },
      { header: t('hTravelToHost'), format: min },
      { header: t('hTravelSource') },
      { header: t('hWithin'), format: '0.0' },
      { header: t('hWithinSource') },
      { header: t('hUserBurden'), format: '0.0' },
      { header: t('hStaffTravel'), format: min },
      { header: t('hFte'), format: '0.0' },
      { header: t('hFteSource') },
      { header: t('hBaRegion'), format: '@' },
    ],
    rows,
  };
}

/** The municipalities against the baseline (KP_Kommuner_n). */
function municipalitiesTable(rows: CellValue[][], startRow: number, index: number, baseline: string, { t }: Texts): TableSpec {
  return {
    name: `KP_Kommuner_${index + 1}`,
    startRow,
    title: t('tVersus', { baseline }),
    columns: [
      { header: t('colMunicipalityNumber'), format: '@' },
      { header: t('colMunicipality'), width: 20 },
      { header: t('hRoleBefore'), width: 16 },
      { header: t('hRoleNow'), width: 16 },
      { header: t('hHostBefore'), format: '@' },
      { header: t('hHostNow'), format: '@' },
      { header: t('hAccessBefore'), format: '0.0' },
      { header: t('hAccessNow'), format: '0.0' },
      { header: t('hChange'), format: '+0.0;-0.0;0.0' },
      { header: t('hFullBefore'), format: '0.0' },
      { header: t('hFullNow'), format: '0.0' },
      { header: t('hDaysBefore'), format: '0.0' },
      { header: t('hDaysNow'), format: '0.0' },
      { header: t('hStationedBefore'), format: '0.0' },
      { header: t('hStationedNow'), format: '0.0' },
      { header: t('hBreaks'), width: 24 },
      { header: t('hWorseOff'), width: 9 },
    ],
    rows,
  };
}

/** The breaches table (KP_Brudd_n), titled as empty when the scenario is admissible. */
function breachesTable(rows: CellValue[][], startRow: number, index: number, admissible: boolean, { t }: Texts): TableSpec {
  return {
    name: `KP_Brudd_${index + 1}`,
    startRow,
    title: admissible ? t('tBreachesNone') : t('tBreaches'),
    columns: [
      { header: t('colMunicipalityNumber'), format: '@' },
      { header: t('colMunicipality') },
      { header: t('hOfficeHost'), format: '@' },
      { header: t('hOffice') },
      { header: t('hRule'), width: 24 },
      { header: t('hValue'), format: '0.0' },
      { header: t('hLimit'), format: '0.0' },
      { header: t('hExplanation'), width: 40 },
    ],
    rows,
  };
}

type Row = Readonly<{ label: string; unit: string; format: string; value: (s: ScenarioScore) => CellValue }>;

/** The comparison rows, shared by the Sammenligning sheet and the terminal table. */
export function comparisonRows(p: Parameters, lang: Language = 'nb'): Row[] {
  const [t1, t2, t3] = p.travelThresholds;
  const row = (label: MessageCode, unit: MessageCode, format: string, value: Row['value'], params: MessageParams = {}): Row => ({
    label: message(label, params, lang),
    unit: message(unit, {}, lang),
    format,
    value,
  });
  const yn = (b: boolean) => message(b ? 'yes' : 'no', {}, lang);
  return [
    row('cmpRank', 'unitBest', '0', (s) => s.rank),
    row('cmpAdmissible', 'unitYesNo', '@', (s) => yn(s.admissible)),
    row('cmpRating', 'unitScale', '0', (s) => s.totals.rating),
    row('cmpRatingPerMunicipality', 'unitScale', '0', (s) => s.totals.ratingPerMunicipality),
    row('cmpOffices', 'unitOffices', '0', (s) => s.totals.offices),
    row('cmpOfficesFailing', 'unitOffices', '0', (s) => s.totals.officesFailing),
    row('cmpWorseOff', 'unitMunicipalities', '0', (s) => s.versus.worseOff),
    row('cmpMinOffice', 'unitFte', '0.0', (s) => s.totals.minOfficeFte),
    row('cmpVulnerability', 'unitShareOfDays', '0.0%', (s) => s.totals.vulnerability),
    row('cmpWeightedTravel', 'unitMinutes', '0.0', (s) => s.totals.weightedTravelMinutes),
    row('cmpMaxTravel', 'unitMinutes', '0', (s) => s.totals.maxTravelMinutes),
    row('cmpShareOver', 'unitInhabitants', '0.0%', (s) => s.totals.shareOverThresholds[0] ?? 0, { minutes: t1 }),
    row('cmpShareOver', 'unitInhabitants', '0.0%', (s) => s.totals.shareOverThresholds[1] ?? 0, { minutes: t2 }),
    row('cmpShareOver', 'unitInhabitants', '0.0%', (s) => s.totals.shareOverThresholds[2] ?? 0, { minutes: t3 }),
    row('cmpStaffTravel', 'unitMinutesPerWeek', '#,##0', (s) => s.totals.staffTravelMinutesPerWeek),
    row('cmpBaShare', 'unitInhabitants', '0%', (s) => s.totals.baShareInHostRegion),
    row('cmpBaSplit', 'unitRegions', '0', (s) => s.totals.baRegionsSplit),
    row('cmpMaxOwners', 'unitMunicipalities', '0', (s) => s.totals.maxOwners),
    row('cmpCrossingCounty', 'unitOffices', '0', (s) => s.totals.officesCrossingCounty),
    row('cmpInformal', 'unitOffices', '0', (s) => s.totals.informalOffices),
    row('cmpUnknownLegalForm', 'unitOffices', '0', (s) => s.totals.unknownLegalForm),
    row('cmpEstimatedPairs', 'unitPairs', '0', (s) => s.totals.estimatedTravelPairs),
    row('cmpEstimatedOver60', 'unitPairs', '0', (s) => s.totals.estimatedTravelOver60),
    row('cmpEstimatedStaffing', 'unitMunicipalities', '0', (s) => s.totals.estimatedStaffing),
  ];
}

/** Sammenligning: one row per measure, one column per scenario. */
export function comparisonSheet(scores: readonly ScenarioScore[], p: Parameters, lang: Language = 'nb'): SheetSpec {
  const rows = comparisonRows(p, lang);
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  const yes = (b: boolean) => t(b ? 'yes' : 'no');
  const pointsStart = 5 + rows.length + 4;
  const rankStart = pointsStart + scores.length + 4;
  const weightsStart = rankStart + scores.length + 4;
  const sensitivity = scores[0]?.sensitivity ?? [];
  const ranges = scores[0]?.weights ?? p.ratings;
  const ranked = scores.map((s, i) => ({ s, header: uniqueHeader(s.name, i, scores) })).sort((a, b) => a.s.rank - b.s.rank);
  return {
    name: COMPARISON_SHEET,
    charts: [
      {
        title: t('cmpChart'),
        table: 'KP_Scenariopunkter',
        x: 1,
        y: [2],
        xTitle: t('cmpOffices'),
        yTitle: `${t('cmpWeightedTravel')} (min)`,
        pointPerRow: 0,
      },
    ],
    heading: [
      t('cmpHeading'),
      t('rulesLine', { rules: rulesInForce(p, lang) }),
      INDEX_MEANING[lang],
      sensitivityText(sensitivity, p, lang),
      t('cmpBaseline', {
        baseline: scores[0]?.versus.baseline ?? '',
        minutes: lang === 'en' ? String(WORSE_OFF_MINUTES) : String(WORSE_OFF_MINUTES).replace('.', ','),
      }),
    ],
    freezeRows: 6,
    tables: [
      {
        name: 'KP_Sammenligning',
        startRow: 5,
        columns: [
          { header: t('cmpMeasure'), width: 28 },
          { header: t('cmpUnit'), width: 12 },
          ...scores.map((s, i) => ({ header: uniqueHeader(s.name, i, scores), width: Math.max(14, Math.min(30, s.name.length + 2)) })),
        ],
        rows: rows.map((r) => [r.label, r.unit, ...scores.map((s) => r.value(s))]),
        rowFormats: rows.map((r) => r.format),
      },
      {
        name: 'KP_Scenariopunkter',
        startRow: pointsStart,
        title: t('cmpPointsTitle'),
        columns: [
          { header: t('colScenario'), width: 28 },
          { header: t('cmpOffices'), format: '0', width: 12 },
          { header: `${t('cmpWeightedTravel')} (min)`, format: '0.0' },
          { header: t('colMinOfficeFte'), format: '0.0' },
          { header: t('cmpRatingBreach'), format: '0', highlight: 'rating' },
          { header: t('cmpRank'), format: '0' },
          { header: t('cmpAdmissibleShort'), width: 9 },
        ],
        rows: scores.map((s, i) => [
          uniqueHeader(s.name, i, scores),
          s.totals.offices,
          s.totals.weightedTravelMinutes,
          s.totals.minOfficeFte,
          s.totals.rating,
          s.rank,
          yes(s.admissible),
        ]),
      },
      {
        name: 'KP_Rangering',
        startRow: rankStart,
        title: t('cmpRankTitle'),
        columns: [
          { header: t('cmpRank'), format: '0', width: 10 },
          { header: t('colScenario'), width: 28 },
          { header: t('cmpAdmissible'), width: 12 },
          { header: t('cmpRatingBreach'), format: '0', width: 10 },
          { header: t('cmpOfficesFailing'), format: '0', width: 10 },
          { header: t('cmpMunicipalitiesBreaching'), format: '0', width: 10 },
          { header: t('cmpWhyNot'), width: 80 },
        ],
        rows: ranked.map(({ s, header }) => [
          s.rank,
          header,
          yes(s.admissible),
          s.totals.rating,
          new Set(s.breaches.map((b) => b.office)).size,
          new Set(s.breaches.map((b) => b.kommunenummer)).size,
          s.admissible ? '' : inadmissibleReason(s, lang),
        ]),
      },
      {
        name: 'KP_Vekter',
        startRow: weightsStart,
        title: t('cmpWeightsTitle'),
        columns: [
          { header: t('cmpMeasure'), width: 28 },
          { header: t('cmpId'), width: 18 },
          { header: t('cmpUnit'), width: 12 },
          { header: t('cmpBetterWhen'), width: 10 },
          { header: t('cmpWorstEnd'), width: 11 },
          { header: t('cmpBestEnd'), width: 11 },
          { header: t('cmpWeight'), format: '0.0#', width: 8 },
          { header: t('cmpDefaultWeight'), format: '0.0#', width: 8 },
          { header: t('cmpScaleSource'), width: 60 },
          { header: t('cmpHalved'), width: 40 },
          { header: t('cmpDoubled'), width: 40 },
        ],
        rows: METRICS.map((m) => {
          const r = ranges[m.id];
          const change = (factor: number) => {
            const c = sensitivity.find((x) => x.metric === m.id && x.factor === factor);
            return c === undefined ? '–' : c.flips.length === 0 ? t('no') : flipsText(c, lang);
          };
          return [
            metricLabel(m, p, lang),
            m.id,
            m.unit[lang],
            t(m.direction === 'higher' ? 'higher' : 'lower'),
            r.worst,
            r.best,
            r.weight,
            m.range.weight,
            `${t(m.source.kind === 'sourced' ? 'sourced' : 'assumption')}${m.source.passages.length > 0 ? ` (${m.source.passages.join(', ')})` : ''}`,
            change(0.5),
            change(2),
          ];
        }),
        rowFormats: METRICS.map((m) => m.format),
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

/** Where a municipality's travel within itself comes from, in the language asked for. */
export function withinSourceLabel(source: WithinSource, lang: Language = 'nb'): string {
  if (source === 'toi') return WITHIN_SOURCE_LABEL.toi;
  return message(source === 'given' ? 'given' : source === 'estimated' ? 'estimatedGrid' : 'unknownZero', {}, lang);
}

/** The `kilde` of a travel time as shown in sheets: oppgitt / estimert, and whether it includes a ferry. */
export function travelSourceLabel(provenance: Provenance | undefined, viaFerry: boolean, lang: Language = 'nb'): string {
  const base = message(provenance === 'estimated' ? 'estimated' : 'given', {}, lang);
  return viaFerry ? message('viaFerry', { source: base }, lang) : base;
}
