/**
 * Problems a planner's workbook can have. Each names the sheet and cell, carries a message
 * key and its parameters, and renders in Norwegian (default) or English. Only programmer
 * errors throw; everything a user can cause becomes a Problem.
 */

export type Language = 'nb' | 'en';

export type ProblemCode = keyof typeof MESSAGES;

export type Problem = Readonly<{
  severity: 'error' | 'warning';
  sheet: string;
  /** A1 address, or undefined when the problem is about a whole (missing) sheet. */
  cell?: string;
  code: ProblemCode;
  params: Readonly<Record<string, string | number>>;
}>;

type Template = Readonly<{ nb: string; en: string }>;

export const MESSAGES = {
  sheetMissing: {
    nb: 'fant ikke arket med {what} (ventet et ark som heter for eksempel «{expected}»)',
    en: 'no sheet with {what} found (expected a sheet named e.g. "{expected}")',
  },
  sheetIgnored: {
    nb: 'arket er ikke lest: det har en kolonne «{column}», men verken navnet eller overskriftene viser at det er Kommuner, Reisetid, Bemanning, Kontorer, Scenarier eller Kostnader (gi arket et slikt navn for å bruke det)',
    en: 'the sheet is not read: it has a column "{column}", but neither its name nor its headers show that it is Kommuner, Reisetid, Bemanning, Kontorer, Scenarier or Kostnader (name it so to use it)',
  },
  sheetEmpty: { nb: 'arket er tomt', en: 'the sheet is empty' },
  columnMissing: {
    nb: 'mangler kolonnen «{column}» (fant overskriftene: {found})',
    en: 'missing the column "{column}" (headers found: {found})',
  },
  columnChosen: {
    nb: 'flere kolonner passer til «{column}»; bruker «{header}»',
    en: 'several columns match "{column}"; using "{header}"',
  },
  ssbYearChosen: {
    nb: 'tabellen fra SSB{table} har tall for årene {years}; bruker {year} for «{column}»',
    en: 'the SSB table{table} has figures for the years {years}; using {year} for "{column}"',
  },
  ssbSymbol: {
    nb: '«{value}» er SSBs tegn for at tallet mangler eller ikke vises; last ned et år som har tall, eller skriv inn folketallet',
    en: '"{value}" is SSB\'s symbol for a figure that is missing or not shown; download a year that has figures, or type in the population',
  },
  ssbSummed: {
    nb: 'tabellen har flere rader per kommune ({columns}); tallene er summert per kommune',
    en: 'the table has several rows per municipality ({columns}); the figures are summed per municipality',
  },
  notANumber: { nb: '"{value}" er ikke et tall', en: '"{value}" is not a number' },
  notADuration: {
    nb: '"{value}" er ikke en reisetid (minutter, f.eks. 85, «85 min», «1 t 25 min» eller «1:25»)',
    en: '"{value}" is not a travel time (minutes, e.g. 85, "85 min", "1 h 25 min" or "1:25")',
  },
  moreOfTheSame: {
    nb: 'og {count} celler til i arket med samme slags feil som over («{example}»); de 20 første er vist',
    en: 'and {count} more cells in the sheet with the same kind of problem as above ("{example}"); the first 20 are shown',
  },
  negative: { nb: '{value} er negativt', en: '{value} is negative' },
  zeroPopulation: {
    nb: 'folketallet er 0; en kommune har innbyggere (tom celle eller feil kolonne?)',
    en: 'the population is 0; a municipality has inhabitants (an empty cell or the wrong column?)',
  },
  implausible: {
    nb: '{value} er urimelig stort for {what} (høyst {max}); sjekk tallet',
    en: '{value} is implausibly large for {what} (at most {max}); check the number',
  },
  noMunicipalities: {
    nb: 'arket har ingen kommuner under overskriften',
    en: 'the sheet has no municipalities below its header',
  },
  totalsRowSkipped: {
    nb: 'raden «{value}» ser ut som en sumrad og er hoppet over',
    en: 'the row "{value}" looks like a totals row and was skipped',
  },
  notInDivision: {
    nb: '{number} er ikke et kommunenummer i 2024-inndelingen{hint}; uten koordinater må all reisetid til og fra den oppgis',
    en: '{number} is not a municipality number in the 2024 division{hint}; without coordinates all travel to and from it must be given',
  },
  travelFindingsMore: {
    nb: 'og {count} par til med samme merknad ({kind}); «kontorplan travel» lister alle i arket KP Reisetidskontroll',
    en: 'and {count} more pairs with the same note ({kind}); "kontorplan travel" lists them all in the sheet KP Reisetidskontroll',
  },
  matrixShifted: {
    nb: 'matrisen ser ut til å være forskjøvet: det står tall til høyre for siste kolonne med kommune ({value}); lim den inn på nytt slik at hver kolonne har sin kommune øverst',
    en: 'the matrix looks shifted: there are numbers right of the last column with a municipality ({value}); paste it again so that each column has its municipality on top',
  },
  cellError: {
    nb: 'cellen inneholder feilverdien {value}',
    en: 'the cell holds the error value {value}',
  },
  badMunicipalityNumber: {
    nb: '"{value}" er ikke et kommunenummer (fire sifre, f.eks. 0301)',
    en: '"{value}" is not a municipality number (four digits, e.g. 0301)',
  },
  duplicateMunicipality: {
    nb: 'kommune {number} står to ganger (også i {other})',
    en: 'municipality {number} appears twice (also in {other})',
  },
  unknownMunicipality: {
    nb: '"{value}" er ikke en kommune i arket {sheetName}',
    en: '"{value}" is not a municipality in the sheet {sheetName}',
  },
  unknownMunicipalityName: {
    nb: '"{value}" er ikke navnet på en kommune i 2024-inndelingen; skriv kommunenummeret i en egen kolonne «Kommunenummer»',
    en: '"{value}" is not the name of a municipality in the 2024 division; give its number in a column "Kommunenummer"',
  },
  ambiguousName: {
    nb: '"{value}" passer til flere kommuner ({candidates}); bruk kommunenummer',
    en: '"{value}" matches several municipalities ({candidates}); use the number',
  },
  badCoordinate: {
    nb: '"{value}" er ikke en gyldig koordinat',
    en: '"{value}" is not a valid coordinate',
  },
  missingTravel: {
    nb: 'reisetid mangler for {count} par med {name} (f.eks. til {example}), og kommunen har ingen koordinater å estimere fra',
    en: 'travel time missing for {count} pairs with {name} (e.g. to {example}), and the municipality has no coordinates to estimate from',
  },
  travelConflict: {
    nb: 'reisetiden {from}–{to} er oppgitt to ganger med ulike verdier ({value} og {other}); bruker {value}',
    en: 'travel time {from}–{to} is given twice with different values ({value} and {other}); using {value}',
  },
  travelEstimateConflict: {
    nb: 'reisetiden {from}–{to} står to ganger som estimert med ulike verdier ({value} og {other}); bruker {value}',
    en: 'travel time {from}–{to} appears twice as estimated with different values ({value} and {other}); using {value}',
  },
  travelAsymmetric: {
    nb: 'reisetiden fra {from} til {to} er {minutes} min, men {back} min motsatt vei; sjekk at begge er riktige',
    en: 'travel time from {from} to {to} is {minutes} min, but {back} min the other way; check that both are right',
  },
  travelTriangle: {
    nb: 'reisetiden fra {from} til {to} er {minutes} min, men via {via} er den bare {viaMinutes} min; sjekk tallet',
    en: 'travel time from {from} to {to} is {minutes} min, but only {viaMinutes} min via {via}; check the number',
  },
  travelZero: {
    nb: 'reisetiden fra {from} til {to} er 0 minutter; mellom to kommuner er det neppe riktig',
    en: 'travel time from {from} to {to} is 0 minutes; between two municipalities that is unlikely to be right',
  },
  travelStraightLine: {
    nb: 'Kontorplan kjenner ingen vei eller ferje til {name}; {count} reisetider til og fra kommunen er estimert i luftlinje. Legg til en ferje i arket Ferjer eller oppgi tidene',
    en: 'Kontorplan knows no road or ferry to {name}; {count} travel times to and from it are estimated in a straight line. Add a ferry in the Ferjer sheet or give the times',
  },
  matrixNotSquare: {
    nb: 'matrisen har {rows} rader og {cols} kolonner med kommuner; den må være kvadratisk med de samme kommunene',
    en: 'the matrix has {rows} rows and {cols} columns of municipalities; it must be square with the same municipalities',
  },
  memberTwice: {
    nb: 'kommune {number} er med to ganger i scenario «{scenario}» (også i {other})',
    en: 'municipality {number} is listed twice in scenario "{scenario}" (also in {other})',
  },
  memberMissing: {
    nb: 'scenario «{scenario}» mangler {count} kommune(r): {list}; hver kommune må høre til nøyaktig ett kontor',
    en: 'scenario "{scenario}" lacks {count} municipality(ies): {list}; every municipality must belong to exactly one office',
  },
  hostNotMember: {
    nb: 'vertskommunen {host} er ikke med i sitt eget kontor i scenario «{scenario}»: den har selv vertskommune {other} ({otherCell})',
    en: 'the host {host} is not a member of its own office in scenario "{scenario}": it has the host {other} itself ({otherCell})',
  },
  hostWithoutRow: {
    nb: 'vertskommunen {host} er ikke med i sitt eget kontor i scenario «{scenario}»: den har ingen rad i scenarioet',
    en: 'the host {host} is not a member of its own office in scenario "{scenario}": it has no row in the scenario',
  },
  badServicePoint: {
    nb: '"{value}" er ikke et tjenestested (hovedkontor, avdelingskontor, åpningsdager N, møterom, ingen)',
    en: '"{value}" is not a service point (hovedkontor, avdelingskontor, åpningsdager N, møterom, ingen)',
  },
  badYesNo: { nb: '"{value}" er verken ja eller nei', en: '"{value}" is neither yes nor no' },
  badAgreement: {
    nb: '"{value}" er verken ja, nei eller en juridisk form (vertskommune, sammenslått, kun statlig, uformelt)',
    en: '"{value}" is neither yes, no nor a legal form (vertskommune, merger, state-only, informal)',
  },
  scenarioNameMissing: {
    nb: 'raden har kommune, men ikke navn på scenario',
    en: 'the row has a municipality but no scenario name',
  },
  filledFromEmbedded: {
    nb: 'kolonnen «{column}» mangler eller er tom for {count} kommuner; bruker Kontorplans innebygde data for dem',
    en: 'the column "{column}" is missing or blank for {count} municipalities; using Kontorplan\'s embedded data for them',
  },
  staffingColumns: {
    nb: 'fant ingen kolonne med årsverk (statlige årsverk, kommunale årsverk eller årsverk); fant: {found}',
    en: 'no FTE column found (statlige årsverk, kommunale årsverk or årsverk); found: {found}',
  },
  valueMissing: {
    nb: 'cellen er tom; {column} må fylles ut',
    en: 'the cell is empty; {column} is required',
  },
  numberMissing: {
    nb: 'raden har data, men mangler kommunenummer',
    en: 'the row has data but no municipality number',
  },
  staffingUnknown: {
    nb: 'bemanning for {value}, som ikke er en kommune i arket {sheetName}',
    en: 'staffing for {value}, which is not a municipality in the sheet {sheetName}',
  },
  officeStaffingSpread: {
    nb: '«{office}» har {fte} årsverk for {count} kommuner; de er fordelt på kommunene etter folketall, slik at kontoret har nøyaktig sine egne årsverk når det vurderes med de samme kommunene',
    en: '"{office}" has {fte} FTE for {count} municipalities; they are spread over them by population, so that the office has exactly its own FTE when scored with the same municipalities',
  },
  officeMemberTwice: {
    nb: 'kommune {number} er med i to kontor: «{office}» og «{other}» ({otherCell}); hver kommune hører til ett kontor',
    en: 'municipality {number} is in two offices: "{office}" and "{other}" ({otherCell}); each municipality belongs to one office',
  },
  officeHostNotMember: {
    nb: 'vertskommunen {host} er ikke blant medlemskommunene i «{office}» ({members})',
    en: 'the host {host} is not among the member municipalities of "{office}" ({members})',
  },
  officeLocationNotMember: {
    nb: 'kontorstedet i {name} er ikke i en medlemskommune av «{office}»',
    en: 'the location in {name} is not in a member municipality of "{office}"',
  },
  badOpeningDays: {
    nb: '"{value}" er ikke et kontorsted med åpningsdager (f.eks. «Evenes 2; Gratangen 2», dager 1–5)',
    en: '"{value}" is not a location with opening days (e.g. "Evenes 2; Gratangen 2", days 1–5)',
  },
  badLegalForm: {
    nb: '"{value}" er ikke en juridisk form (vertskommune, sammenslått, uformelt, ukjent)',
    en: '"{value}" is not a legal form (vertskommune, sammenslått, uformelt, ukjent)',
  },
  officeNoMembers: {
    nb: 'kontoret «{office}» har ingen medlemskommuner',
    en: 'the office "{office}" has no member municipalities',
  },
  officesMissing: {
    nb: '{count} kommune(r) står ikke i noe kontor: {list}; de regnes som egne kontor i dagens struktur',
    en: "{count} municipality(ies) are in no office: {list}; they count as offices of their own in today's structure",
  },
  stateShareRange: {
    nb: '"{value}" er ikke en statlig andel; skriv 0–1 (0,3) eller en prosent (30 %)',
    en: '"{value}" is not a state share; write 0–1 (0.3) or a percentage (30 %)',
  },
  costLineLikeStaff: {
    nb: 'linjen «{line}» ({amount} kr) ligner lønnskostnaden som allerede er regnet fra Bemanning ({staff} kr); står den med, telles lønna to ganger',
    en: 'the line "{line}" ({amount} kr) looks like the staff cost already counted from Bemanning ({staff} kr); if kept, staff are counted twice',
  },
  staffingSplitAssumed: {
    nb: 'arket gir bare årsverk i alt for {list}; {share} regnes som kommunale (en antakelse; forskningen sier en tredjedel til halvparten), og den andelen driver hver nøkkel; oppgi kommunale årsverk, så blir fordelingen riktig',
    en: 'the sheet gives only total FTE for {list}; {share} are taken as municipal (an assumption; the research says a third to a half), and that share drives every key; give the municipal FTE for a correct split',
  },
  unknownMetric: {
    nb: '«{value}» er ikke et mål Kontorplan gir karakter for; bruk ett av: {known}',
    en: '"{value}" is not a measure Kontorplan rates; use one of: {known}',
  },
  metricTwice: {
    nb: '«{value}» står allerede i {cell}; hvert mål én gang',
    en: '"{value}" is already listed at {cell}; each measure once',
  },
  shareOverOne: {
    nb: '{value} er over 100 % for {metric}, som er en andel; skriv 0,5, eller 50 % i en celle med prosentformat',
    en: '{value} is over 100 % for {metric}, which is a share; write 0.5, or 50 % in a cell formatted as a percentage',
  },
  scaleFlat: {
    nb: 'verste og beste ende for {metric} er like ({value}); skalaen trenger to ulike ender',
    en: 'the worst and best ends for {metric} are equal ({value}); the scale needs two different ends',
  },
  scaleReversed: {
    nb: 'skalaen for {metric} går feil vei (verste {worst}, beste {best}); for dette målet er {better} bedre',
    en: 'the scale for {metric} runs the wrong way (worst {worst}, best {best}); for this measure {betterEn} is better',
  },
  allWeightsZero: {
    nb: 'alle vekter er 0, så ingen mål teller i karakteren; gi minst ett mål en vekt over 0',
    en: 'every weight is 0, so no measure counts in the rating; give at least one measure a weight above 0',
  },
  // What-if in place (src/app/whatif.ts): an edit the pane refuses, and keeping the result.
  whatIfUnknownMunicipality: {
    nb: '{number} er ikke en kommune i arket {sheetName}',
    en: '{number} is not a municipality in the sheet {sheetName}',
  },
  whatIfNotInScenario: {
    nb: '{name} er ikke med i scenarioet «{scenario}»',
    en: '{name} is not in the scenario "{scenario}"',
  },
  whatIfNotAHost: {
    nb: '{host} er ikke vertskommune i «{scenario}» (den hører til kontoret i {office}); velg en vertskommune, eller gjør {host} til eget kontor først',
    en: '{host} is not a host in "{scenario}" (it belongs to the office in {office}); choose a host, or make {host} an office of its own first',
  },
  whatIfSameHost: {
    nb: '{name} hører allerede til kontoret i {host}',
    en: '{name} already belongs to the office in {host}',
  },
  whatIfHostServicePoint: {
    nb: '{name} er vertskommune og har alltid hovedkontoret; flytt kommunen for å endre tjenestestedet',
    en: '{name} is the host and always has the main office; move it to change its service point',
  },
  whatIfSameServicePoint: {
    nb: '{name} har allerede {servicePoint}',
    en: '{name} already has {servicePointEn}',
  },
  whatIfBadDays: {
    nb: '{days} er ikke et antall åpningsdager; velg 1–5 dager i uka',
    en: '{days} is not a number of opening days; choose 1–5 days a week',
  },
  whatIfNameMissing: {
    nb: 'gi scenarioet et navn før det lagres',
    en: 'give the scenario a name before it is kept',
  },
  whatIfNameTaken: {
    nb: 'det finnes allerede et scenario som heter «{scenario}»; velg et annet navn',
    en: 'there is already a scenario named "{scenario}"; choose another name',
  },
  whatIfSheetTaken: {
    nb: 'arket «{sheet}» finnes allerede og er ikke laget av Kontorplan, så ingenting ble skrevet; gi arket et annet navn eller slett det',
    en: 'the sheet "{sheet}" already exists and was not made by Kontorplan, so nothing was written; rename or delete it',
  },
  whatIfSheetTitle: {
    nb: 'Egne scenarier fra «Hva om» i oppgavepanelet; Kontorplan vurderer dem som scenarioene i Scenarier',
    en: 'Own scenarios from "What if" in the task pane; Kontorplan scores them like the scenarios in Scenarier',
  },
} as const satisfies Record<string, Template>;

/** The message alone: `"12 3x" er ikke et tall`. */
export function problemMessage(p: Problem, lang: Language = 'nb'): string {
  const template: string = MESSAGES[p.code][lang];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(p.params[k] ?? `{${k}}`));
}

/** Sheet-qualified reference: `Kommuner!C14`, quoting sheet names with spaces. */
export function cellRef(sheet: string, cell?: string): string {
  const quoted = /^[A-Za-z0-9_ÆØÅæøå]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell ? `${quoted}!${cell}` : quoted;
}

/** `Kommuner!C14: "12 3x" er ikke et tall` */
export function formatProblem(p: Problem, lang: Language = 'nb'): string {
  return `${cellRef(p.sheet, p.cell)}: ${problemMessage(p, lang)}`;
}

export type Result<T> = Readonly<{ value: T | undefined; problems: readonly Problem[] }>;

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** How many problems of one kind in one sheet are listed before the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * Problems of one kind (severity and message) in one sheet, listed up to `max`; the rest are
 * counted in one line after them. A 21 × 21 matrix of «85 min» pasted where numbers were
 * expected gives 20 messages and «og 421 celler til …», not 441 lines.
 */
export function summarizeProblems(problems: readonly Problem[], max = MAX_LISTED_PROBLEMS): Problem[] {
  const count = new Map<string, number>();
  const more = new Map<string, { at: Problem; count: number; example: string }>();
  const out: Problem[] = [];
  for (const p of problems) {
    const key = `${p.severity}|${p.sheet}|${p.code}`;
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    if (p.cell === undefined || n <= max) {
      out.push(p);
      continue;
    }
    const m = more.get(key);
    if (m) m.count++;
    else {
      const summary = { at: p, count: 1, example: String(p.params.value ?? p.cell) };
      more.set(key, summary);
      out.push(p); // placeholder, replaced below
    }
  }
  const firstDropped = new Map([...more.values()].map((m) => [m.at, m]));
  return out.map((p) => {
    const m = firstDropped.get(p);
    return m ? { severity: p.severity, sheet: p.sheet, code: 'moreOfTheSame' as const, params: { count: m.count, example: m.example } } : p;
  });
}

/** Collects problems for one sheet. */
export class ProblemLog {
  readonly problems: Problem[] = [];
  error(sheet: string, cell: string | undefined, code: ProblemCode, params: Problem['params'] = {}): void {
    this.problems.push({ severity: 'error', sheet, cell, code, params });
  }
  warn(sheet: string, cell: string | undefined, code: ProblemCode, params: Problem['params'] = {}): void {
    this.problems.push({ severity: 'warning', sheet, cell, code, params });
  }
}
