import type { Parameters } from '../domain/parameters';
import type { CellValue, SheetSpec } from '../domain/sheets';
import { METRICS, metricLabel } from '../scoring/metrics';
import { estimateStaffing } from '../scoring/staffing';
import { buildTravelMatrix } from '../travel/matrix';
import type { TravelNetwork } from '../travel/network';
import { ONE_OFFICE_PER_MUNICIPALITY } from '../io/readWorkbook';
import { KNOWN_COOPERATIONS, type KnownCooperation } from './cooperations';
import { message, type MessageCode } from '../io/messages';
import type { Language } from '../io/problems';
import { parseServicePoint, servicePointLabel } from '../io/servicePoint';
import { asMunicipalities, ATTRIBUTION, type EmbeddedMunicipality } from './embedded';

export type SampleScenarioRow = Readonly<{
  scenario: string;
  number: string;
  name: string;
  host: string;
  servicePoint: string;
  agreement: string;
  note: string;
}>;

export const SAMPLE_SCENARIOS = {
  current: ONE_OFFICE_PER_MUNICIPALITY,
  cooperations: 'Kjente samarbeid',
  ba: 'Ett kontor per BA-region',
} as const;

const round1 = (x: number) => Math.round(x * 10) / 10;
const num = (x: number, lang: Language = 'nb') => (lang === 'en' ? String(x) : String(x).replace('.', ','));

/**
 * The sample's words in a language: headings and headers from the catalogue, and the values the
 * readers take in either language (a service point, yes, estimated). Names, sources' own notes and
 * the scenarios' names stay as they are, as do the sheets' names, so that readers find them.
 */
function words(lang: Language) {
  const t = (code: MessageCode, params = {}) => message(code, params, lang);
  return {
    t,
    header: (code: MessageCode) => t(code),
    servicePoint: (label: string, partner = true) => {
      if (lang === 'nb') return label;
      const sp = parseServicePoint(label);
      return sp ? servicePointLabel(sp, partner, lang) : label;
    },
    yes: t('yes'),
    no: t('no'),
    estimated: t('estimated'),
    scenario: {
      current: lang === 'nb' ? SAMPLE_SCENARIOS.current : t('sampleOneEach'),
      cooperations: t('sampleKnown'),
      ba: t('sampleOnePerBa'),
    },
  };
}

/** The note a documented cooperation's host row carries: what the report says, and where. */
export function cooperationNote(c: KnownCooperation, lang: Language = 'nb'): string {
  const t = (code: MessageCode, params = {}) => message(code, params, lang);
  const staff =
    c.staff === undefined
      ? t('sampleStaffNotGiven')
      : t('sampleStaffGiven', { staff: c.staff, extra: c.extraServices ? t('sampleStaffIncluding', { services: c.extraServices }) : '' });
  return t('sampleCoopNote', { name: c.name, started: c.started, note: c.note, staff, source: c.source });
}

/**
 * Scenario rows for a sample: one office per municipality (a theoretical starting point, not
 * today's structure); the documented cooperations in these municipalities as the research
 * describes them, each partner with its own service point (others alone); one office per BA
 * region, hosted by its centre (the largest centre inside the selection, else the largest
 * member), partners with a meeting room.
 */
export function sampleScenarios(ms: readonly EmbeddedMunicipality[], lang: Language = 'nb'): SampleScenarioRow[] {
  const w = words(lang);
  const rows: SampleScenarioRow[] = [];
  for (const m of ms) {
    rows.push({
      scenario: w.scenario.current,
      number: m.number,
      name: m.name,
      host: m.number,
      servicePoint: w.servicePoint('hovedkontor', false),
      agreement: '',
      note: '',
    });
  }
  const byShort = new Map(ms.map((m) => [m.shortName, m]));
  const cooperations = KNOWN_COOPERATIONS.filter((c) => byShort.has(c.host) && c.partners.some((p) => byShort.has(p.name)));
  if (cooperations.length > 0) {
    const hostOf = new Map<string, { host: string; sp: string; note: string }>();
    for (const c of cooperations) {
      const host = byShort.get(c.host)!;
      hostOf.set(host.number, { host: host.number, sp: 'hovedkontor', note: cooperationNote(c, lang) });
      for (const p of c.partners) {
        const partner = byShort.get(p.name);
        if (partner)
          hostOf.set(partner.number, {
            host: host.number,
            sp: p.servicePoint,
            note: w.t('sampleCoopPartnerNote', { name: c.name, source: c.source }),
          });
      }
    }
    for (const m of ms) {
      const h = hostOf.get(m.number);
      rows.push({
        scenario: w.scenario.cooperations,
        number: m.number,
        name: m.name,
        host: h?.host ?? m.number,
        servicePoint: w.servicePoint(h?.sp ?? 'hovedkontor', h !== undefined && h.host !== m.number),
        agreement: h && h.host !== m.number ? w.yes : '',
        note: h?.note ?? '',
      });
    }
  }
  const regions = new Map<string, EmbeddedMunicipality[]>();
  for (const m of ms) regions.set(m.baRegion, [...(regions.get(m.baRegion) ?? []), m]);
  const hostOfRegion = new Map<string, EmbeddedMunicipality>();
  for (const [id, members] of regions) {
    const byPop = [...members].sort((a, b) => b.population2026 - a.population2026);
    hostOfRegion.set(id, byPop.find((m) => m.baCentre) ?? byPop[0]!);
  }
  for (const m of ms) {
    const host = hostOfRegion.get(m.baRegion)!;
    const isHost = host.number === m.number;
    rows.push({
      scenario: w.scenario.ba,
      number: m.number,
      name: m.name,
      host: host.number,
      servicePoint: w.servicePoint(isHost ? 'hovedkontor' : 'møterom', !isHost),
      agreement: isHost ? '' : w.yes,
      note: isHost ? `BA-region ${m.baRegion} ${m.baRegionName}` : '',
    });
  }
  return rows;
}

/**
 * A realistic input workbook for some municipalities of the embedded data: Kommuner,
 * Reisetid (estimated over the road and ferry network, every row marked `estimert`), Bemanning (estimated
 * from population, marked), Scenarier, and Om dataene (sources and attribution).
 */
/** Travel between the embedded municipalities, every pair estimated over the road and ferry network. */
export function estimatedTravel(ms: readonly EmbeddedMunicipality[], p: Parameters, network?: TravelNetwork) {
  return buildTravelMatrix(asMunicipalities(ms), [], p, network).matrix;
}

/** The sample's proposal for today's offices: a planner checks it against NAV fylke rather than typing it. */
export const OFFICES_PROPOSAL = message('sampleOfficesProposal');

/**
 * Kontorer for a sample: each documented cooperation with members here (host, members,
 * locations, employees from the report, legal form, start, source) and one office per
 * remaining municipality, every row marked as a proposal.
 */
export function kontorerSheet(ms: readonly EmbeddedMunicipality[], lang: Language = 'nb'): SheetSpec {
  const { t } = words(lang);
  const byShort = new Map(ms.map((m) => [m.shortName, m]));
  const rows: CellValue[][] = [];
  const placed = new Set<string>();
  // Names where they are unambiguous and cannot be read as two («Evje og Hornnes»), else the number.
  const count = new Map<string, number>();
  for (const m of ms) for (const n of new Set([m.name, m.shortName])) count.set(n, (count.get(n) ?? 0) + 1);
  const label = (m: EmbeddedMunicipality) =>
    count.get(m.name) === 1 && count.get(m.shortName) === 1 && !/\s(og|and)\s|[,;]/i.test(m.name) ? m.name : m.number;
  for (const c of KNOWN_COOPERATIONS) {
    const host = byShort.get(c.host);
    const partners = c.partners.filter((p) => byShort.has(p.name));
    if (!host || partners.length === 0) continue;
    const all = [host, ...partners.map((p) => byShort.get(p.name)!)];
    for (const m of all) placed.add(m.number);
    const locations = partners
      .map((p) => {
        const name = label(byShort.get(p.name)!);
        if (p.servicePoint === 'avdelingskontor' || p.servicePoint === 'hovedkontor') return `${name} 5`;
        if (p.servicePoint === 'møterom') return `${name} møterom`;
        const days = /åpningsdager\s+(\d+)/.exec(p.servicePoint)?.[1];
        return days ? `${name} ${days}` : '';
      })
      .filter(Boolean)
      .join('; ');
    // Staff only where the report's count covers the members here (the whole office).
    const whole = partners.length === c.partners.length;
    rows.push([
      c.name,
      label(host),
      all.map(label).join('; '),
      locations,
      null,
      null,
      whole && c.staff !== undefined ? c.staff : null,
      c.legalForm,
      String(c.started),
      `${c.staff !== undefined ? t('sampleOfficeSource', { source: c.source, staff: c.staff }) : c.source}; ${t('sampleOfficesProposal')}`,
    ]);
  }
  // A member whose documented host lies outside the sample (Gratangen in Troms, served by NAV
  // Narvik in Nordland) keeps an office of its own here, and its row says so.
  const hostElsewhere = new Map<string, KnownCooperation>(
    KNOWN_COOPERATIONS.filter((c) => !byShort.has(c.host)).flatMap((c) =>
      c.partners.filter((p) => byShort.has(p.name)).map((p) => [byShort.get(p.name)!.number, c] as const),
    ),
  );
  for (const m of ms) {
    if (placed.has(m.number)) continue;
    const c = hostElsewhere.get(m.number);
    const source = c ? `${t('sampleHostElsewhere', { name: c.name, host: c.host, source: c.source })}; ` : '';
    rows.push([`NAV ${m.shortName}`, label(m), label(m), '', null, null, null, '', '', `${source}${t('sampleOfficesProposal')}`]);
  }
  return {
    name: 'Kontorer',
    heading: [t('sampleOfficesHeading', { proposal: t('sampleOfficesProposal') }), t('sampleOfficesLocations')],
    freezeRows: 3,
    tables: [
      {
        name: 'Kontorer',
        startRow: 2,
        columns: [
          { header: t('hOffice'), width: 24 },
          { header: t('hHost'), width: 20 },
          { header: t('hMembers'), width: 50 },
          { header: t('hLocations'), width: 40 },
          { header: t('hStateFte'), format: '0.0', width: 16 },
          { header: t('hMunicipalFte'), format: '0.0', width: 18 },
          { header: t('hStaff'), format: '0', width: 10 },
          { header: t('hLegalForm'), width: 14 },
          { header: t('hAgreementDate'), format: '@', width: 12 },
          { header: t('hSource'), width: 60 },
        ],
        rows,
      },
    ],
  };
}

export function buildSampleWorkbook(
  ms: readonly EmbeddedMunicipality[],
  p: Parameters,
  title: string,
  network?: TravelNetwork,
  lang: Language = 'nb',
): SheetSpec[] {
  const w = words(lang);
  const { t } = w;
  const kommuner: SheetSpec = {
    name: 'Kommuner',
    freezeRows: 1,
    tables: [
      {
        name: 'Kommuner',
        startRow: 0,
        columns: [
          { header: t('hMunicipalityNumber'), format: '@', width: 15 },
          { header: t('hMunicipalityName'), width: 26 },
          { header: t('hCounty'), format: '@', width: 7 },
          { header: t('hPopulationAt'), format: '#,##0', width: 18 },
          { header: t('hBaRegion'), format: '@', width: 10 },
          { header: t('hBaRegionName'), width: 22 },
          { header: 'Lat', format: '0.00000', width: 10 },
          { header: 'Lon', format: '0.00000', width: 10 },
        ],
        rows: ms.map((m) => [m.number, m.name, m.county, m.population2026, m.baRegion, m.baRegionName, m.lat, m.lon]),
      },
    ],
  };
  const matrix = estimatedTravel(ms, p, network);
  const travelRows: CellValue[][] = [];
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      const ferry = matrix.viaFerry[i]![j] === 1;
      travelRows.push([ms[i]!.number, ms[j]!.number, round1(matrix.minutes[i]![j]!), ferry ? w.yes : w.no, w.estimated]);
    }
  }
  const reisetid: SheetSpec = {
    name: 'Reisetid',
    heading: [t('sampleTravelHeading')],
    freezeRows: 2,
    tables: [
      {
        name: 'Reisetid',
        startRow: 1,
        columns: [
          { header: t('hFrom'), format: '@', width: 10 },
          { header: t('hTo'), format: '@', width: 10 },
          { header: t('hMinutes'), format: '0.0', width: 10 },
          { header: t('hFerry'), width: 8 },
          { header: t('hSource'), width: 10 },
        ],
        rows: travelRows,
      },
    ],
  };
  const bemanning: SheetSpec = {
    name: 'Bemanning',
    heading: [
      t('sampleStaffHeading', { fixed: num(p.staffFixed, lang), per1000: num(p.staffPer1000, lang) }),
      t('sampleStaffSplit', { state: Math.round((1 - p.municipalShareOfFte) * 100), municipal: Math.round(p.municipalShareOfFte * 100) }),
    ],
    freezeRows: 2,
    tables: [
      {
        name: 'Bemanning',
        startRow: 1,
        columns: [
          { header: t('hMunicipalityNumber'), format: '@', width: 15 },
          { header: t('hMunicipalityName'), width: 26 },
          { header: t('hStateFte'), format: '0.0', width: 16 },
          { header: t('hMunicipalFte'), format: '0.0', width: 18 },
          { header: t('hSource'), width: 10 },
        ],
        rows: ms.map((m) => {
          const part = estimateStaffing({ population: m.population2026 }, p);
          return [m.number, m.name, round1(part.stateFte), round1(part.municipalFte), w.estimated];
        }),
      },
    ],
  };
  const scenarier: SheetSpec = {
    name: 'Scenarier',
    freezeRows: 1,
    tables: [
      {
        name: 'Scenarier',
        startRow: 0,
        columns: [
          { header: t('colScenario'), width: 30 },
          { header: t('hMunicipalityNumber'), format: '@', width: 15 },
          { header: t('hMunicipalityName'), width: 26 },
          { header: t('hHost'), format: '@', width: 14 },
          { header: t('hServicePoint'), width: 16 },
          { header: t('hHostAgreement'), width: 19 },
          { header: t('hNote'), width: 60 },
        ],
        rows: sampleScenarios(ms, lang).map((r) => [r.scenario, r.number, r.name, r.host, r.servicePoint, r.agreement, r.note]),
      },
    ],
  };
  const om: SheetSpec = {
    name: 'Om dataene',
    heading: [
      t('sampleAbout', { title }),
      lang === 'nb' ? ATTRIBUTION : t('sampleAttribution'),
      t('samplePoints'),
      t('sampleWithin'),
      t('sampleEstimates'),
    ],
    tables: [],
  };
  return [kommuner, reisetid, bemanning, kontorerSheet(ms, lang), scenarier, om, weightsSheet(p, lang)];
}

/**
 * Vekter: the index's weights and scales, the defaults, for the planner to change (read back by
 * readWeights). Each row says which way is better and where its default scale comes from.
 */
function weightsSheet(p: Parameters, lang: Language): SheetSpec {
  const { t } = words(lang);
  return {
    name: 'Vekter',
    heading: [t('sampleWeightsHeading')],
    freezeRows: 2,
    tables: [
      {
        name: 'Vekter',
        startRow: 1,
        columns: [
          { header: t('hMeasure'), width: 20 },
          { header: t('hName'), width: 30 },
          { header: t('hWeight'), format: '0.0#', width: 8 },
          { header: t('hWorst'), width: 14 },
          { header: t('hBest'), width: 14 },
          { header: t('hBetterWhen'), width: 10 },
          { header: t('hScaleSource'), width: 60 },
        ],
        rows: METRICS.map((m) => [
          m.id,
          metricLabel(m, p, lang),
          p.ratings[m.id].weight,
          p.ratings[m.id].worst,
          p.ratings[m.id].best,
          t(m.direction === 'higher' ? 'sampleHigher' : 'sampleLower'),
          `${t(m.source.kind === 'sourced' ? 'sampleSourced' : 'sampleAssumed')}${m.source.passages.length > 0 ? ` (${m.source.passages.join(', ')})` : ''}`,
        ]),
        rowFormats: METRICS.map((m) => m.format),
      },
    ],
  };
}

/** Municipalities of one county (two digits, e.g. "18"), or all when county is undefined. */
export function selectCounty(data: readonly EmbeddedMunicipality[], county?: string): EmbeddedMunicipality[] {
  if (county === undefined) return [...data];
  const c = county.padStart(2, '0');
  return data.filter((m) => m.county === c);
}
