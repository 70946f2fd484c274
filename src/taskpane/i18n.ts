/** The task pane's words: Norwegian (bokmål) by default, English on request. */
import { createContext, useContext } from 'react';
import { INPUT_SHEET_NAMES } from '../io/mapping';
import type { Language } from '../io/problems';

const nb = {
  appTitle: 'Kontorplan',
  language: 'Language: English',
  tabData: 'Data',
  tabScenarios: 'Scenarier',
  tabOptimise: 'Optimaliser',
  tabCompare: 'Sammenlign',
  tabCosts: 'Kostnadsnøkler',
  reading: 'Leser arbeidsboken …',
  dataChanged: 'Dataene i arbeidsboken er endret: Kontorplan har lest dem på nytt.',
  reread: 'Les arbeidsboken på nytt',
  sheetsFound: 'Ark og kolonner',
  inputKind: INPUT_SHEET_NAMES as Readonly<Record<string, string>>,
  notFound: 'ikke funnet',
  chooseSheet: 'Velg ark',
  chooseColumn: 'Velg kolonne',
  automatic: '(finn selv)',
  saveMapping: 'Bruk og lagre i arbeidsboken',
  problems: 'Problemer',
  noProblems: 'Ingen problemer: arbeidsboken kan brukes.',
  moreProblems: (n: number) => `… og ${n} til. Rett de første (ofte forklarer de resten), og les arbeidsboken på nytt.`,
  goTo: 'Gå til',
  error: 'Feil',
  note: 'Merk',
  sample: 'Eksempeldata',
  sampleHelp: 'Bygger arkene Kommuner, Reisetid, Bemanning og Scenarier for et fylke fra innebygde data (SSB, Kartverket).',
  county: 'Fylke',
  insertSample: 'Sett inn eksempeldata',
  needData: 'Les inn data først (fanen Data).',
  brokenScenarios: (names: string) => `${names} har feil i arket (se fanen Data) og er ikke vurdert; de andre scenarioene er det.`,
  scenario: 'Scenario',
  offices: 'kontor',
  rating: 'Karakter',
  perMunicipality: 'per kommune',
  ratingMeaning: 'av 100, befolkningsvektet; 0 for kontor som bryter krav',
  rank: 'Rangering',
  admissible: 'tillatt',
  inadmissible: 'ikke tillatt',
  failing: 'bryter krav',
  host: 'Vert',
  members: 'Kommuner',
  fte: 'Årsverk',
  travel: 'Reisetid (min)',
  pass: 'Krav',
  ok: 'OK',
  fails: 'Brudd',
  writeScenarios: 'Skriv scenarioark og sammenligning',
  written: 'Skrev',
  map: 'Kart: kommunene farget etter kontor (over 15 kontor også med mønster); vertskommuner med prikk.',
  mapLegend: 'Kontorene på kartet (velg et for detaljer)',
  officeDetails: 'Kontoret',
  officeOf: (host: string) => `Kontoret i ${host}`,
  mapTable: 'Kommunene og kontoret deres',
  showMapTable: 'Vis kartet som tabell',
  hideMapTable: 'Skjul tabellen',
  municipality: 'Kommune',
  travelToHost: 'Til vert (min)',
  mapLoading: 'Laster kart …',
  rules: 'Krav',
  minFte: 'Minste årsverk per kontor',
  maxTravel: 'Lengste reisetid på dager uten lokal tjeneste (min)',
  maxOwners: 'Flest eierkommuner per kontor',
  sameBa: 'Samme BA-region i hvert kontor',
  countMode: 'Antall kontor',
  byCount: 'Fast antall',
  byCost: 'Kostnad per kontor (min snittreisetid)',
  officeCount: 'Antall kontor',
  officeCost: 'Kostnad per kontor (minutter)',
  forcedHosts: 'Må være vertskommune (kommunenummer, komma)',
  forbiddenHosts: 'Kan ikke være vertskommune (kommunenummer, komma)',
  locks: 'Låste kommuner (KNR=VERT, komma)',
  badLock: (part: string) => `Låste kommuner må skrives KNR=VERT, for eksempel 1839=1804, ikke «${part}».`,
  timeLimit: 'Tidsgrense (sekunder)',
  servicePoints: 'Velg tjenestesteder (møterom, avdeling, lokalkontor) med kostnaden deres',
  keepLocations: 'Behold dagens tjenestesteder',
  keepExisting: 'Behold dagens samarbeid',
  needsOffices: 'trenger arket Kontorer',
  run: 'Optimaliser',
  cancel: 'Avbryt',
  running: 'Optimaliserer',
  incumbent: 'Beste',
  bound: 'Nedre grense',
  gap: 'Gap',
  minutes: 'min',
  result: 'Resultat',
  cancelledNote: 'Avbrutt: viser den beste strukturen som var funnet.',
  compareTitle: 'Scenarier side om side',
  measure: 'Mål',
  writeComparison: 'Skriv sammenligningsark',
  office: 'Kontor (vertskommune)',
  key: 'Nøkkel',
  fixedShare: 'Fast andel (0–1)',
  driver: 'Fordeles etter',
  mixPopulation: 'Vekt på folketall (resten på sosialhjelpsmottakere), 0–1',
  costPerFte: 'Kostnad per kommunalt årsverk (kr)',
  amount: 'Beløp (kr)',
  share: 'Andel',
  perCapita: 'Kr/innb.',
  standalone: 'Egen drift',
  change: 'Endring',
  total: 'I alt',
  writeCosts: 'Skriv kostnadsark med formler',
  assumedCost: 'Kostnad per årsverk er antatt (ingen i Bemanning).',
  busy: 'Arbeider …',
  notANumber: (t: string) => (t === '' ? 'Skriv et tall.' : `«${t}» er ikke et tall: skriv for eksempel 7,5.`),
  notInteger: 'Skriv et helt tall.',
  outOfRange: (min: string, max: string) => `Må være fra ${min} til ${max}.`,
  fixFields: 'Rett feltene som er merket med feil først.',
  wroteSheets: (names: readonly string[]) =>
    names.length === 1
      ? `Skrev arket ${names[0]}.`
      : `Skrev ${names.length} ark${names.includes('Sammenligning') ? ': scenarioene og Sammenligning' : ''}.`,
  stageOf: { reading: 'Leser arbeidsboken …', checking: 'Kontrollerer dataene …', writing: 'Skriver arkene …' },
  welcome: 'Kom i gang',
  welcomeText:
    'Arbeidsboken har ingen kommunedata ennå. Sett inn eksempeldata for et fylke eller hele landet, eller velg arket med kommunene dine og folketallet.',
  mapOwn: 'Velg arkene mine selv',
  allOfNorway: 'Hele landet',
  sampleInserted: (place: string, n: number, sheets: readonly string[]) =>
    `Satte inn eksempeldata for ${place} (${n} kommuner) i ${sheets.length} nye ark: ${sheets.join(', ')}. Arkene er dine nå.`,
  sampleTaken: (names: readonly string[]) =>
    `Arbeidsboken har allerede ${names.length === 1 ? 'arket' : 'arkene'} ${names.join(', ')}, og Kontorplan endrer aldri dine ark. Slett eller gi nytt navn til ${names.length === 1 ? 'det' : 'dem'} for å sette inn et annet fylke, eller bruk en ny arbeidsbok. Ingenting ble skrevet.`,
  optimisedOutcome: (offices: number, status: string, sheets: number) => `${offices} kontor, ${status}; skrev ${sheets} ark.`,
  status: {
    optimal: 'bevist optimal',
    'time-limit': 'tidsgrensen nådd (ikke bevist)',
    cancelled: 'avbrutt',
    heuristic: 'heuristikk (ikke bevist)',
  },
  rulesKept: 'Reglene er ikke lagret: arbeidsboken er som før.',
  cancelledBeforeAny: 'Avbrutt før noen kontorstruktur var funnet.',
  workerStopped: 'Optimeringen stoppet uventet.',
  staleData: 'Arbeidsboken er endret siden den ble lest, så ingenting ble skrevet. Kontorplan har lest den på nytt: se over og prøv igjen.',
  notRead: 'Arbeidsboken er ikke lest, eller har feil som må rettes først.',
  dataSources: 'Data: SSB, NAV, Kartverket (CC BY 4.0).',
  keyLabels: {
    equal: 'like deler',
    'per-capita': 'per innbygger',
    'per-user': 'per sosialhjelpsmottaker',
    'per-spending': 'etter sosialhjelpsutgifter',
    'per-fte': 'etter kommunale årsverk',
    'fixed-plus': 'fast andel + variabel del',
    mix: 'blandet nøkkel',
    'own-cost': 'krone for krone',
    pooled: 'felles budsjett (alt per innbygger)',
  } as Readonly<Record<string, string>>,
  driverLabels: {
    population: 'folketall',
    users: 'sosialhjelpsmottakere',
    spending: 'sosialhjelpsutgifter',
    fte: 'kommunale årsverk',
  } as Readonly<Record<string, string>>,
  phase: {
    best: (offices: number | undefined) =>
      offices ? `Finner den beste strukturen med ${offices} kontor` : 'Finner det beste antallet kontor',
    alternative: 'Ser etter et nesten like godt alternativ',
    curve: (index: number, of: number, offices: number) =>
      `Avveiningskurven: ${offices ? `${offices} kontor, ` : ''}punkt ${index} av ${of}`,
    writing: 'Skriver arkene',
  },
  remaining: (seconds: string) => `høyst ${seconds} igjen`,
  elapsed: (seconds: string) => `${seconds} brukt`,
  seconds: (s: number) => (s >= 90 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`),
  runProgress: 'Fremdrift for hele kjøringen',
  formLocked: 'Innstillingene kan ikke endres mens optimeringen går.',
  cancelling: 'Avbryter …',
  /** The input fields' names (src/io/fields.ts) by key, or sheet kind and key; Norwegian uses the engine's own. */
  fieldLabels: {} as Readonly<Record<string, string>>,
  quote: (x: string) => `«${x}»`,
  stepHint: (step: string) => `Piltastene opp og ned endrer tallet med ${step}.`,
  nothingWritten: 'Ingenting ble skrevet.',
};

export type Words = typeof nb;

const en: Words = {
  appTitle: 'Kontorplan',
  language: 'Språk: norsk',
  tabData: 'Data',
  tabScenarios: 'Scenarios',
  tabOptimise: 'Optimise',
  tabCompare: 'Compare',
  tabCosts: 'Cost keys',
  reading: 'Reading the workbook …',
  dataChanged: 'The data in the workbook changed: Kontorplan has read it again.',
  reread: 'Read the workbook again',
  sheetsFound: 'Sheets and columns',
  inputKind: {
    municipalities: 'Municipalities',
    travel: 'Travel',
    ferries: 'Ferries',
    staffing: 'Staffing',
    scenarios: 'Scenarios',
    costs: 'Costs',
  },
  notFound: 'not found',
  chooseSheet: 'Choose sheet',
  chooseColumn: 'Choose column',
  automatic: '(find it)',
  saveMapping: 'Apply and save in the workbook',
  problems: 'Problems',
  noProblems: 'No problems: the workbook can be used.',
  moreProblems: (n: number) => `… and ${n} more. Fix the first ones (they often explain the rest), and read the workbook again.`,
  goTo: 'Go to',
  error: 'Error',
  note: 'Note',
  sample: 'Sample data',
  sampleHelp:
    'Builds the sheets Kommuner, Reisetid, Bemanning and Scenarier for a county from embedded data (Statistics Norway, Kartverket).',
  county: 'County',
  insertSample: 'Insert sample data',
  needData: 'Read data first (the Data tab).',
  brokenScenarios: (names: string) => `${names} has errors in the sheet (see the Data tab) and is not scored; the other scenarios are.`,
  scenario: 'Scenario',
  offices: 'offices',
  rating: 'Rating',
  perMunicipality: 'per municipality',
  ratingMeaning: 'of 100, weighted by inhabitants; 0 for an office that breaks a rule',
  rank: 'Rank',
  admissible: 'admissible',
  inadmissible: 'not admissible',
  failing: 'failing',
  host: 'Host',
  members: 'Members',
  fte: 'FTE',
  travel: 'Travel (min)',
  pass: 'Rules',
  ok: 'OK',
  fails: 'Fails',
  writeScenarios: 'Write scenario sheets and comparison',
  written: 'Wrote',
  map: 'Map: municipalities coloured by office (beyond 15 offices also patterned); hosts dotted.',
  mapLegend: 'The offices on the map (choose one for details)',
  officeDetails: 'The office',
  officeOf: (host: string) => `The office in ${host}`,
  mapTable: 'The municipalities and their office',
  showMapTable: 'Show the map as a table',
  hideMapTable: 'Hide the table',
  municipality: 'Municipality',
  travelToHost: 'To host (min)',
  mapLoading: 'Loading map …',
  rules: 'Rules',
  minFte: 'Minimum FTE per office',
  maxTravel: 'Maximum travel on days without local service (min)',
  maxOwners: 'Maximum owners per office',
  sameBa: 'Same BA region in each office',
  countMode: 'Number of offices',
  byCount: 'Fixed number',
  byCost: 'Cost per office (min mean travel)',
  officeCount: 'Number of offices',
  officeCost: 'Cost per office (minutes)',
  forcedHosts: 'Must host (municipality numbers, comma)',
  forbiddenHosts: 'Cannot host (municipality numbers, comma)',
  locks: 'Locked municipalities (NUMBER=HOST, comma)',
  badLock: (part: string) => `Locked municipalities are written NUMBER=HOST, e.g. 1839=1804, not "${part}".`,
  timeLimit: 'Time limit (seconds)',
  servicePoints: 'Choose service points (meeting room, branch, local office) with their cost',
  keepLocations: 'Keep today’s service points',
  keepExisting: 'Keep today’s cooperations',
  needsOffices: 'needs the Kontorer sheet',
  run: 'Optimise',
  cancel: 'Cancel',
  running: 'Optimising',
  incumbent: 'Best',
  bound: 'Bound',
  gap: 'Gap',
  minutes: 'min',
  result: 'Result',
  cancelledNote: 'Cancelled: showing the best structure found.',
  compareTitle: 'Scenarios side by side',
  measure: 'Measure',
  writeComparison: 'Write comparison sheet',
  office: 'Office (host)',
  key: 'Key',
  fixedShare: 'Fixed share (0–1)',
  driver: 'Driver',
  mixPopulation: 'Weight on population (the rest on social-assistance users), 0–1',
  costPerFte: 'Cost per municipal FTE (NOK)',
  amount: 'Amount (NOK)',
  share: 'Share',
  perCapita: 'NOK/inhab.',
  standalone: 'Standalone',
  change: 'Change',
  total: 'Total',
  writeCosts: 'Write cost sheet with formulas',
  assumedCost: 'Cost per FTE is assumed (none in Bemanning).',
  busy: 'Working …',
  notANumber: (t: string) => (t === '' ? 'Type a number.' : `"${t}" is not a number: type, for example, 7.5.`),
  notInteger: 'Type a whole number.',
  outOfRange: (min: string, max: string) => `Must be from ${min} to ${max}.`,
  fixFields: 'Correct the fields marked with an error first.',
  wroteSheets: (names: readonly string[]) =>
    names.length === 1
      ? `Wrote the sheet ${names[0]}.`
      : `Wrote ${names.length} sheets${names.includes('Sammenligning') ? ': the scenarios and Sammenligning' : ''}.`,
  stageOf: { reading: 'Reading the workbook …', checking: 'Checking the data …', writing: 'Writing the sheets …' },
  welcome: 'Getting started',
  welcomeText:
    'The workbook has no municipality data yet. Insert sample data for a county or all of Norway, or choose the sheet with your municipalities and their population.',
  mapOwn: 'Choose my own sheets',
  allOfNorway: 'All of Norway',
  sampleInserted: (place: string, n: number, sheets: readonly string[]) =>
    `Inserted sample data for ${place} (${n} municipalities) in ${sheets.length} new sheets: ${sheets.join(', ')}. The sheets are yours now.`,
  sampleTaken: (names: readonly string[]) =>
    `The workbook already has the sheet${names.length === 1 ? '' : 's'} ${names.join(', ')}, and Kontorplan never changes your sheets. Delete or rename ${names.length === 1 ? 'it' : 'them'} to insert another county, or use a new workbook. Nothing was written.`,
  optimisedOutcome: (offices: number, status: string, sheets: number) => `${offices} offices, ${status}; wrote ${sheets} sheets.`,
  status: {
    optimal: 'proven optimal',
    'time-limit': 'time limit reached (not proven)',
    cancelled: 'cancelled',
    heuristic: 'heuristic (not proven)',
  },
  rulesKept: 'The rules were not saved: the workbook is as it was.',
  cancelledBeforeAny: 'Cancelled before any office structure was found.',
  workerStopped: 'The optimisation stopped unexpectedly.',
  staleData: 'The workbook changed since it was read, so nothing was written. Kontorplan has read it again: look it over and try again.',
  notRead: 'The workbook has not been read, or has errors to correct first.',
  dataSources: 'Data: Statistics Norway, NAV, Kartverket (CC BY 4.0).',
  keyLabels: {
    equal: 'equal shares',
    'per-capita': 'per inhabitant',
    'per-user': 'per social-assistance user',
    'per-spending': 'by social-assistance spending',
    'per-fte': 'by municipal FTE',
    'fixed-plus': 'fixed share + variable part',
    mix: 'mixed key',
    'own-cost': 'each pays its own',
    pooled: 'pooled budget (all per inhabitant)',
  },
  driverLabels: {
    population: 'population',
    users: 'social-assistance users',
    spending: 'social-assistance spending',
    fte: 'municipal FTE',
  },
  phase: {
    best: (offices: number | undefined) =>
      offices ? `Finding the best structure with ${offices} offices` : 'Finding the best number of offices',
    alternative: 'Looking for a nearly as good alternative',
    curve: (index: number, of: number, offices: number) =>
      `Trade-off curve: ${offices ? `${offices} offices, ` : ''}point ${index} of ${of}`,
    writing: 'Writing the sheets',
  },
  remaining: (seconds: string) => `at most ${seconds} left`,
  elapsed: (seconds: string) => `${seconds} so far`,
  seconds: (s: number) => (s >= 90 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`),
  runProgress: 'Progress of the whole run',
  formLocked: 'The settings cannot be changed while the optimisation runs.',
  cancelling: 'Cancelling …',
  fieldLabels: {
    number: 'municipality number',
    name: 'name',
    'offices.name': 'office',
    population: 'population',
    county: 'county',
    ba: 'BA region',
    baName: 'BA region name',
    lat: 'latitude',
    lon: 'longitude',
    within: 'travel within the municipality',
    users: 'social-assistance users',
    spending: 'social-assistance spending',
    from: 'from',
    to: 'to',
    minutes: 'minutes',
    ferry: 'ferry',
    source: 'source',
    sailing: 'sailing time',
    headway: 'departure interval',
    route: 'route',
    stateFte: 'state FTE',
    municipalFte: 'municipal FTE',
    totalFte: 'total FTE',
    'offices.totalFte': 'employees',
    costPerFte: 'cost per FTE',
    premises: 'rent',
    scenario: 'scenario',
    host: 'host municipality',
    servicePoint: 'service point',
    agreement: 'host-municipality agreement',
    line: 'line',
    amount: 'amount',
    payer: 'paid by',
    office: 'office',
    stateShare: 'the state’s share',
    members: 'member municipalities',
    locations: 'office locations',
    legalForm: 'legal form',
    date: 'agreement date',
  },
  quote: (x: string) => `“${x}”`,
  stepHint: (step: string) => `The up and down arrow keys change the number by ${step}.`,
  nothingWritten: 'Nothing was written.',
};

export const WORDS: Readonly<Record<Language, Words>> = { nb, en };

export const LanguageContext = createContext<Language>('nb');

export function useWords(): Words {
  return WORDS[useContext(LanguageContext)];
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** Numbers as planners read them: Norwegian grouping and decimal comma in Norwegian. */
export function fmt(lang: Language, x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(lang: Language, x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? '–' : `${fmt(lang, x * 100, digits)} %`;
}

/** Where the planner's choice of language is kept (the pane's own origin's localStorage). */
const LANGUAGE_KEY = 'kontorplan.language';

type Store = Pick<Storage, 'getItem' | 'setItem'>;
const storage = (): Store | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage refused (private mode, sandboxed frame)
  }
};

/** The language the planner chose last time, if any. */
export function rememberedLanguage(s: Store | undefined = storage()): Language | undefined {
  try {
    const v = s?.getItem(LANGUAGE_KEY);
    return v === 'nb' || v === 'en' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLanguage(language: Language, s: Store | undefined = storage()): void {
  try {
    s?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not kept: the pane still works in the language chosen.
  }
}
