/**
 * Real host cooperations (vertskommunesamarbeid) for NAV offices named in the research
 * behind Kontorplan (DESIGN.md, "Domain facts"). Members by short name; the sample builder
 * looks their numbers up in the embedded data. `partnerServicePoint` is what the research
 * says the partners keep locally; where it says nothing, a meeting room is assumed and the
 * note says so.
 */
export type KnownCooperation = Readonly<{
  name: string;
  county: string;
  host: string;
  partners: readonly string[];
  partnerServicePoint: string;
  note: string;
}>;

export const KNOWN_COOPERATIONS: readonly KnownCooperation[] = [
  {
    name: 'NAV Indre Salten',
    county: '18',
    host: 'Fauske',
    partners: ['Sørfold', 'Hamarøy', 'Beiarn', 'Saltdal'],
    partnerServicePoint: 'møterom',
    note: 'Vertskommunesamarbeid; tjenestested i partnerkommunene antatt (møterom)',
  },
  {
    name: 'NAV Ofoten',
    county: '18',
    host: 'Narvik',
    partners: ['Evenes'],
    partnerServicePoint: 'møterom',
    note: 'Vertskommunesamarbeid; tjenestested i Evenes antatt (møterom)',
  },
  {
    name: 'NAV Indre Namdal',
    county: '50',
    host: 'Grong',
    partners: ['Lierne', 'Namsskogan', 'Røyrvik'],
    partnerServicePoint: 'avdelingskontor',
    note: '14 ansatte; lokalt kontor i hver kommune',
  },
  {
    name: 'NAV Værnes',
    county: '50',
    host: 'Stjørdal',
    partners: ['Selbu', 'Meråker', 'Frosta', 'Tydal'],
    partnerServicePoint: 'møterom',
    note: '65 ansatte; tjenestested i partnerkommunene antatt (møterom)',
  },
  {
    name: 'NAV Inn-Trøndelag',
    county: '50',
    host: 'Steinkjer',
    partners: ['Inderøy', 'Snåsa'],
    partnerServicePoint: 'møterom',
    note: '67 ansatte; tjenestested i partnerkommunene antatt (møterom)',
  },
  {
    name: 'NAV Dalane',
    county: '11',
    host: 'Eigersund',
    partners: ['Bjerkreim', 'Sokndal'],
    partnerServicePoint: 'møterom',
    note: '42 ansatte; møterom i partnerkommunene',
  },
  {
    name: 'NAV Haugesund-Utsira',
    county: '11',
    host: 'Haugesund',
    partners: ['Utsira'],
    partnerServicePoint: 'møterom',
    note: '84 ansatte; ferje over 1 time; tjenestested på Utsira antatt (møterom)',
  },
];
