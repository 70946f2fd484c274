import type { FieldSpec } from './headers';

/** Columns of the Kommuner sheet. Aliases are folded (see foldName). */
export const MUNICIPALITY_FIELDS: readonly FieldSpec[] = [
  {
    key: 'number',
    label: 'kommunenummer',
    aliases: [
      'kommunenummer',
      'kommunenr',
      'knr',
      'komnr',
      'kommunekode',
      'municipalitynumber',
      'municipalityno',
      'municipalitycode',
      'nr',
      'number',
      'code',
    ],
    required: true,
  },
  { key: 'name', label: 'navn', aliases: ['kommunenavn', 'navn', 'kommune', 'name', 'municipalityname', 'municipality'], required: false },
  {
    key: 'population',
    label: 'folketall',
    aliases: ['folketall', 'innbyggere', 'befolkning', 'folkemengde', 'antallinnbyggere', 'population', 'inhabitants', 'pop'],
    required: true,
  },
  { key: 'county', label: 'fylke', aliases: ['fylkesnummer', 'fylkesnr', 'fylke', 'county', 'countynumber'], required: false },
  {
    key: 'ba',
    label: 'BA-region',
    aliases: ['baregion', 'banr', 'baregionnr', 'booarbeidsmarkedsregion', 'labourmarketregion', 'labormarketregion', 'ba'],
    required: false,
  },
  {
    key: 'baName',
    label: 'BA-regionnavn',
    aliases: ['baregionnavn', 'banavn', 'baregionname', 'labourmarketregionname', 'labormarketregionname'],
    required: false,
  },
  { key: 'lat', label: 'breddegrad', aliases: ['lat', 'latitude', 'breddegrad', 'punktlat', 'bredde'], required: false },
  { key: 'lon', label: 'lengdegrad', aliases: ['lon', 'lng', 'long', 'longitude', 'lengdegrad', 'punktlon', 'lengde'], required: false },
  {
    key: 'within',
    label: 'reisetid i kommunen',
    aliases: ['reisetidikommunen', 'internreisetid', 'reisetidinternt', 'minutterikommunen', 'withinmunicipalitytravel', 'internaltravel'],
    required: false,
  },
  {
    key: 'users',
    label: 'sosialhjelpsmottakere',
    aliases: ['sosialhjelpsmottakere', 'mottakere', 'brukere', 'users', 'recipients'],
    required: false,
  },
  { key: 'spending', label: 'sosialhjelpsutgifter', aliases: ['sosialhjelpsutgifter', 'utgifter', 'spending'], required: false },
];

/** Long-form travel: fra, til, minutter [, ferje] [, kilde]. */
export const TRAVEL_LONG_FIELDS: readonly FieldSpec[] = [
  { key: 'from', label: 'fra', aliases: ['fra', 'frakommune', 'from', 'origin', 'fraknr'], required: true },
  { key: 'to', label: 'til', aliases: ['til', 'tilkommune', 'to', 'destination', 'tilknr'], required: true },
  {
    key: 'minutes',
    label: 'minutter',
    aliases: ['minutter', 'reisetid', 'reisetidmin', 'reisetidminutter', 'min', 'minutes', 'traveltime', 'tid', 'kjoretid'],
    required: true,
  },
  { key: 'ferry', label: 'ferje', aliases: ['ferje', 'ferge', 'ferry'], required: false },
  { key: 'source', label: 'kilde', aliases: ['kilde', 'source', 'provenance'], required: false },
];

/** Ferry links for estimating travel: fra, til, seiletid, avgangsintervall [, strekning] [, kilde]. */
export const FERRY_FIELDS: readonly FieldSpec[] = [
  { key: 'from', label: 'fra', aliases: ['fra', 'frakommune', 'from', 'fraknr'], required: true },
  { key: 'to', label: 'til', aliases: ['til', 'tilkommune', 'to', 'tilknr'], required: true },
  {
    key: 'sailing',
    label: 'seiletid',
    aliases: ['seiletid', 'seiletidmin', 'overfart', 'overfartstid', 'minutter', 'sailing', 'sailingminutes', 'crossing'],
    required: true,
  },
  {
    key: 'headway',
    label: 'avgangsintervall',
    aliases: ['avgangsintervall', 'intervall', 'intervallmin', 'minuttermellomavganger', 'frekvens', 'headway', 'interval'],
    required: true,
  },
  { key: 'route', label: 'strekning', aliases: ['strekning', 'samband', 'sted', 'navn', 'route', 'name'], required: false },
  { key: 'source', label: 'kilde', aliases: ['kilde', 'source'], required: false },
];

export const STAFFING_FIELDS: readonly FieldSpec[] = [
  {
    key: 'number',
    label: 'kommunenummer',
    aliases: ['kommunenummer', 'kommunenr', 'knr', 'komnr', 'kommune', 'municipalitynumber', 'municipality', 'kontor', 'office', 'nr'],
    required: true,
  },
  {
    key: 'stateFte',
    label: 'statlige årsverk',
    aliases: ['statligearsverk', 'statligarsverk', 'statlig', 'statefte', 'state'],
    required: false,
  },
  {
    key: 'municipalFte',
    label: 'kommunale årsverk',
    aliases: ['kommunalearsverk', 'kommunalarsverk', 'kommunal', 'municipalfte', 'municipal'],
    required: false,
  },
  {
    key: 'totalFte',
    label: 'årsverk',
    aliases: ['arsverk', 'arsverktotalt', 'sumarsverk', 'fte', 'totalfte', 'ansatte', 'staff'],
    required: false,
  },
  {
    key: 'costPerFte',
    label: 'kostnad per årsverk',
    aliases: ['kostnadperarsverk', 'kostperarsverk', 'lonnperarsverk', 'costperfte'],
    required: false,
  },
  {
    key: 'premises',
    label: 'husleie',
    aliases: ['husleie', 'lokaler', 'lokalkostnad', 'premises', 'premisescost', 'rent'],
    required: false,
  },
  { key: 'source', label: 'kilde', aliases: ['kilde', 'source', 'provenance'], required: false },
];

export const SCENARIO_FIELDS: readonly FieldSpec[] = [
  { key: 'scenario', label: 'scenario', aliases: ['scenario', 'scenarionavn', 'alternativ', 'scenarioname'], required: true },
  {
    key: 'number',
    label: 'kommunenummer',
    aliases: ['kommunenummer', 'kommunenr', 'knr', 'komnr', 'kommune', 'municipalitynumber', 'municipality', 'medlem', 'member'],
    required: true,
  },
  { key: 'host', label: 'vertskommune', aliases: ['vertskommune', 'vert', 'vertskommunenr', 'host', 'hostmunicipality'], required: true },
  {
    key: 'servicePoint',
    label: 'tjenestested',
    aliases: ['tjenestested', 'tjenestetilbud', 'lokaltilbud', 'kontortype', 'servicepoint', 'service'],
    required: false,
  },
  {
    key: 'agreement',
    label: 'vertskommuneavtale',
    aliases: ['vertskommuneavtale', 'avtale', 'hostagreement', 'agreement'],
    required: false,
  },
];

/** Kostnader: one row per cost line of an office; who pays blank (or «felles») = shared by the key. */
export const COST_FIELDS: readonly FieldSpec[] = [
  {
    key: 'line',
    label: 'linje',
    aliases: ['linje', 'kostnadslinje', 'post', 'kostnad', 'beskrivelse', 'navn', 'line', 'item', 'cost'],
    required: true,
  },
  { key: 'amount', label: 'beløp', aliases: ['belop', 'belopkr', 'kroner', 'kr', 'nok', 'sum', 'amount'], required: true },
  {
    key: 'payer',
    label: 'betales av',
    aliases: ['betalesav', 'betaler', 'hvembetaler', 'eier', 'kommune', 'kommunenummer', 'payer', 'paidby', 'owner'],
    required: false,
  },
  { key: 'office', label: 'kontor', aliases: ['kontor', 'vertskommune', 'vert', 'office', 'host'], required: false },
  {
    key: 'stateShare',
    label: 'statens andel',
    aliases: ['statensandel', 'statligandel', 'andelstat', 'statensdel', 'stateshare', 'statepart'],
    required: false,
  },
];

/** Kontorer: one row per NAV office today (the baseline every scenario is compared with). */
export const OFFICE_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'kontor', aliases: ['kontor', 'kontornavn', 'navkontor', 'navn', 'office', 'officename', 'name'], required: true },
  { key: 'host', label: 'vertskommune', aliases: ['vertskommune', 'vert', 'vertskommunenr', 'host', 'hostmunicipality'], required: true },
  {
    key: 'members',
    label: 'medlemskommuner',
    aliases: ['medlemskommuner', 'medlemmer', 'kommuner', 'eierkommuner', 'members', 'municipalities'],
    required: true,
  },
  {
    key: 'locations',
    label: 'kontorsteder',
    aliases: ['kontorsteder', 'kontorstederapningsdager', 'lokasjoner', 'kontorsted', 'locations', 'locationsopeningdays'],
    required: false,
  },
  { key: 'stateFte', label: 'statlige årsverk', aliases: ['statligearsverk', 'statligarsverk', 'statefte'], required: false },
  { key: 'municipalFte', label: 'kommunale årsverk', aliases: ['kommunalearsverk', 'kommunalarsverk', 'municipalfte'], required: false },
  {
    key: 'totalFte',
    label: 'ansatte',
    aliases: ['ansatte', 'ansattetotalt', 'arsverk', 'arsverktotalt', 'staff', 'fte', 'totalfte'],
    required: false,
  },
  {
    key: 'legalForm',
    label: 'juridisk form',
    aliases: ['juridiskform', 'organisering', 'samarbeidsform', 'form', 'legalform'],
    required: false,
  },
  { key: 'date', label: 'avtaledato', aliases: ['avtaledato', 'dato', 'fra', 'fradato', 'agreementdate', 'date'], required: false },
  { key: 'source', label: 'kilde', aliases: ['kilde', 'source'], required: false },
];

/**
 * Bemanning per NAV office: the office, its municipalities in one cell, and its FTE
 * («NAV Indre Salten | Fauske, Sørfold, Hamarøy, Beiarn, Saltdal | 24 | 18,5»).
 */
export const OFFICE_STAFFING_FIELDS: readonly FieldSpec[] = [
  {
    key: 'office',
    label: 'NAV-kontor',
    aliases: ['navkontor', 'kontor', 'kontornavn', 'office', 'officename', 'navoffice'],
    required: true,
  },
  {
    key: 'members',
    label: 'kommuner',
    aliases: ['kommuner', 'medlemskommuner', 'medlemmer', 'eierkommuner', 'members', 'municipalities'],
    required: true,
  },
  ...STAFFING_FIELDS.filter((f) => ['stateFte', 'municipalFte', 'totalFte', 'source'].includes(f.key)),
];
