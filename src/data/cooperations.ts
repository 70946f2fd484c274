import type { LegalForm } from '../domain/types';

/**
 * The NAV offices shared by several municipalities that the research behind Kontorplan
 * documents (DESIGN.md, "Domain facts"; the reports in ../shared/seeds/), exactly as the
 * reports describe them: host, partners, what each partner keeps locally, start year, staff
 * and the passage it comes from. Members by short name; the sample builder looks their
 * numbers up in the embedded data.
 *
 * Report 000 (AFI 2022, Tables 1–2, lines 640–651) gives each office's staff as «Antall
 * ansatte»: employees, not FTE, year not stated; and the population of each member as the
 * report counted it. Report 004 (NAV Nordland's partnership project, 2019) gives the Nordland
 * offices without staff figures.
 */

/** What a partner keeps in its own municipality, in the Scenarier sheet's words. */
export type PartnerPoint = Readonly<{
  name: string;
  /** hovedkontor, avdelingskontor, «åpningsdager N», møterom or ingen. */
  servicePoint: string;
  /** Population as the report gives it, where it does. */
  population?: number;
}>;

export type KnownCooperation = Readonly<{
  name: string;
  /** Counties of the members (two digits); more than one when the office crosses a county line. */
  counties: readonly string[];
  host: string;
  /** The host's population as the report gives it, where it does. */
  hostPopulation?: number;
  partners: readonly PartnerPoint[];
  legalForm: LegalForm;
  /** Year the shared office started (Dalane: the first members; see `note`). */
  started: number;
  /** Employees («Antall ansatte») as the report gives them: not FTE, year not stated. */
  staff?: number;
  /** The office has services only some members put in it (a refugee service): its staff include them. */
  extraServices?: string;
  /** The report and lines: `000 L644`. */
  source: string;
  /** The report's words the entry rests on (localisation, staff), quoted from the cited lines. */
  quote: string;
  note: string;
}>;

export const KNOWN_COOPERATIONS: readonly KnownCooperation[] = [
  {
    name: 'NAV Indre Namdal',
    counties: ['50'],
    host: 'Grong',
    hostPopulation: 2287,
    partners: [
      { name: 'Lierne', servicePoint: 'avdelingskontor', population: 1307 },
      { name: 'Namsskogan', servicePoint: 'avdelingskontor', population: 818 },
      { name: 'Røyrvik', servicePoint: 'avdelingskontor', population: 441 },
    ],
    legalForm: 'vertskommune',
    started: 2020,
    staff: 14,
    source: '000 L643',
    quote: 'Antall ansatte: 14. Lokalisering: Lokalkontor i alle kommuner.',
    note: 'lokalkontor i alle kommuner; minst én time mellom tettstedene (000 L631)',
  },
  {
    name: 'NAV Værnes',
    counties: ['50'],
    host: 'Stjørdal',
    hostPopulation: 24423,
    partners: [
      { name: 'Selbu', servicePoint: 'avdelingskontor', population: 4094 },
      { name: 'Meråker', servicePoint: 'avdelingskontor', population: 2396 },
      { name: 'Frosta', servicePoint: 'avdelingskontor', population: 2628 },
      { name: 'Tydal', servicePoint: 'avdelingskontor', population: 758 },
    ],
    legalForm: 'vertskommune',
    started: 2016,
    staff: 65,
    source: '000 L644',
    quote: 'Antall ansatte: 65. Lokalisering: Lokalkontor i alle kommuner.',
    note: 'lokalkontor i alle kommuner (også 003 L137: hvert kontor beholdt som avdeling)',
  },
  {
    name: 'NAV Inn-Trøndelag',
    counties: ['50'],
    host: 'Steinkjer',
    hostPopulation: 24152,
    partners: [
      { name: 'Inderøy', servicePoint: 'avdelingskontor', population: 6764 },
      { name: 'Snåsa', servicePoint: 'avdelingskontor', population: 2054 },
    ],
    legalForm: 'vertskommune',
    started: 2018,
    staff: 67,
    source: '000 L645',
    quote: 'Antall ansatte: 67. Lokalisering: Lokalkontor i alle kommuner.',
    note: 'lokalkontor i alle kommuner',
  },
  {
    name: 'NAV Dalane',
    counties: ['11'],
    host: 'Eigersund',
    hostPopulation: 14944,
    partners: [
      { name: 'Bjerkreim', servicePoint: 'møterom', population: 2831 },
      { name: 'Sokndal', servicePoint: 'møterom', population: 3284 },
    ],
    legalForm: 'vertskommune',
    started: 2019,
    staff: 42,
    extraServices: 'flyktningetjenesten, bare for Eigersund',
    source: '000 L649',
    quote: 'Antall ansatte: 42. Lokalisering: Kun kontor i vertskommunen, og publikumsmottak/møteplass i samarbeidskommunene.',
    note: 'Sokndal med fra 2022; kontor bare i vertskommunen, publikumsmottak/møteplass i samarbeidskommunene',
  },
  {
    name: 'NAV Haugesund-Utsira',
    counties: ['11'],
    host: 'Haugesund',
    hostPopulation: 36686,
    partners: [{ name: 'Utsira', servicePoint: 'ingen', population: 201 }],
    legalForm: 'vertskommune',
    started: 2017,
    staff: 84,
    extraServices: 'flyktningetjenesten, bare for Haugesund',
    source: '000 L650',
    quote: 'Antall ansatte: 84. Lokalisering: Kun kontor i vertskommunen.',
    note: 'kontor bare i vertskommunen; værutsatt ferje over én time (000 L631)',
  },
  {
    name: 'NAV Klepp-Time',
    counties: ['11'],
    host: 'Klepp',
    hostPopulation: 20436,
    partners: [{ name: 'Time', servicePoint: 'ingen', population: 19542 }],
    legalForm: 'vertskommune',
    started: 2019,
    staff: 85,
    source: '000 L651',
    quote: 'Antall ansatte: 85. Lokalisering: Kun kontor i vertskommunen.',
    note: 'kontor bare i vertskommunen; 5–10 minutter mellom kommunesentrene (000 L631)',
  },
  {
    name: 'NAV Narvik',
    counties: ['18', '55'],
    host: 'Narvik',
    partners: [
      // «en lokasjon ved rådhuset i Bogen, hvor det vil være NAV-tjenester tilgjengelig for
      // publikum flere ganger i uken»: several days a week; 2 is our lower reading.
      { name: 'Evenes', servicePoint: 'åpningsdager 2' },
      // «NAV Narvik har da kontorsteder i Narvik, Evenes og Gratangen»; «likelydende avtaler
      // med tilstedeværelse i kommunene»: the same presence as Evenes.
      { name: 'Gratangen', servicePoint: 'åpningsdager 2' },
    ],
    legalForm: 'vertskommune',
    started: 2019,
    source: '004 L141, L157, L165, L169',
    quote: 'NAV Narvik har da kontorsteder i Narvik, Evenes og Gratangen.',
    note:
      'Narvik er sammenslått av Narvik, Ballangen og del av Tysfjord (2020) og vertskommune for Evenes og Gratangen fra 1.1.2019; ' +
      'Evenes: lokasjon i Bogen åpen «flere ganger i uken» (004 L157), 2 dager antatt; Gratangen (Troms) har likelydende avtale (004 L169), ' +
      'så kontoret krysser en fylkesgrense',
  },
  {
    name: 'NAV Indre Salten',
    counties: ['18'],
    host: 'Fauske',
    partners: [
      { name: 'Sørfold', servicePoint: 'avdelingskontor' },
      { name: 'Hamarøy', servicePoint: 'avdelingskontor' },
      { name: 'Beiarn', servicePoint: 'avdelingskontor' },
      { name: 'Saltdal', servicePoint: 'avdelingskontor' },
    ],
    legalForm: 'vertskommune',
    started: 2020,
    source: '004 L40, L279, L373, L479',
    quote: 'heller enn nedleggelse av eksisterende lokasjoner',
    note:
      'Fauske vertskommune for Sørfold, Hamarøy, Beiarn og Saltdal; nytt kontor formelt etablert våren 2020 (004 L373); ' +
      'eksisterende lokasjoner beholdes (004 L279, L479), åpningsdager ikke oppgitt: avdelingskontor antatt',
  },
];

/** The whole office's population as the report counted it, when it gives every member's. */
export function reportedPopulation(c: KnownCooperation): number | undefined {
  if (c.hostPopulation === undefined || c.partners.some((p) => p.population === undefined)) return undefined;
  return c.hostPopulation + c.partners.reduce((s, p) => s + p.population!, 0);
}
