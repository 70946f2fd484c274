/**
 * The catalogue of what Kontorplan says to a user outside the workbook problems
 * (src/io/problems.ts has those): usage errors, output lines, sheet titles and labels. Each
 * entry is a code with a Norwegian and an English template; `{name}` is filled from the
 * parameters. A test fails when an English template equals its Norwegian one, unless the code
 * is listed in SAME_IN_BOTH (a word both languages spell alike).
 */
import type { Language } from './problems';

export type Template = Readonly<{ nb: string; en: string }>;

/** Fills `{name}` placeholders; a placeholder without a parameter stays visible. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export const MESSAGES = {
  // Usage errors (exit 2): the one line that matters, then how to get help.
  seeHelp: { nb: 'Skriv «kontorplan {command}--help» for bruk.', en: 'Run "kontorplan {command}--help" for usage.' },
  unknownCommand: { nb: 'ukjent kommando «{command}»', en: 'unknown command "{command}"' },
  unknownOption: { nb: 'ukjent valg «{option}»', en: 'unknown option "{option}"' },
  optionNeedsValue: { nb: 'valget {option} trenger en verdi', en: 'the option {option} needs a value' },
  optionValueDash: {
    nb: 'valget {option} fikk en verdi som begynner med «-»; negative tall gjelder ikke her (skriv {option}=VERDI om bindestreken hører til verdien)',
    en: 'the option {option} got a value starting with "-"; negative numbers do not apply here (write {option}=VALUE if the dash belongs to the value)',
  },
  optionTakesNoValue: { nb: 'valget {option} tar ingen verdi', en: 'the option {option} takes no value' },
  unexpectedArgument: { nb: 'uventet argument «{value}»', en: 'unexpected argument "{value}"' },
  badArguments: { nb: 'argumentene kan ikke leses: {detail}', en: 'the arguments cannot be read: {detail}' },
  needsOneInput: { nb: '{command} trenger én inndatafil: {usage}', en: '{command} needs one input file: {usage}' },
  needsOut: { nb: '{command} trenger --out UT.xlsx', en: '{command} needs --out OUT.xlsx' },
  outExtension: {
    nb: '--out må være en arbeidsbok som slutter på .xlsx (eller .xlsm for en arbeidsbok med makroer), ikke «{file}»',
    en: '--out must be a workbook ending in .xlsx (or .xlsm for a workbook with macros), not "{file}"',
  },
  outMacro: {
    nb: 'Feil: {input} er en arbeidsbok med makroer; skriv resultatet til en fil som slutter på .xlsm, ikke «{file}» (Excel åpner ikke en makroarbeidsbok med .xlsx-endelse). Ingenting ble skrevet.',
    en: 'Error: {input} is a workbook with macros; write the result to a file ending in .xlsm, not "{file}" (Excel does not open a macro workbook with an .xlsx ending). Nothing was written.',
  },
  outNotMacro: {
    nb: 'Feil: {input} har ingen makroer; skriv resultatet til en fil som slutter på .xlsx, ikke «{file}» (Excel åpner ikke en vanlig arbeidsbok med .xlsm-endelse). Ingenting ble skrevet.',
    en: 'Error: {input} has no macros; write the result to a file ending in .xlsx, not "{file}" (Excel does not open an ordinary workbook with an .xlsm ending). Nothing was written.',
  },
  cannotWrite: {
    nb: 'Feil: kan ikke skrive {file} ({detail}); er filen åpen i Excel, eller er mappen skrivebeskyttet? Ingenting ble skrevet.',
    en: 'Error: cannot write {file} ({detail}); is the file open in Excel, or is the folder read-only? Nothing was written.',
  },
  notANumberBetween: {
    nb: '--{name} må være et tall mellom {min} og {max}, ikke «{value}»',
    en: '--{name} must be a number between {min} and {max}, not "{value}"',
  },
  langNbOrEn: { nb: '--lang må være nb eller en', en: '--lang must be nb or en' },
  sampleNeedsOut: { nb: 'sample trenger --out FIL.xlsx', en: 'sample needs --out FILE.xlsx' },
  sampleNeedsCounty: {
    nb: 'sample trenger --county NN (f.eks. 18) eller --all',
    en: 'sample needs --county NN (e.g. 18) or --all',
  },
  unknownCounty: {
    nb: 'fylke «{county}» finnes ikke i 2024-inndelingen; velg ett av: {counties}',
    en: 'county "{county}" does not exist in the 2024 division; choose one of: {counties}',
  },
  accuracyTakesNoInput: {
    nb: 'travel --accuracy tar ingen inndatafil: den måler mot de innebygde TØI-tidene',
    en: 'travel --accuracy takes no input file: it measures against the embedded TØI times',
  },
  lockForm: {
    nb: '--lock må være på formen KNR=VERT (f.eks. 1839=1804), ikke «{value}»',
    en: '--lock must have the form MUNICIPALITY=HOST (e.g. 1839=1804), not "{value}"',
  },
  sweepForm: {
    nb: '--sweep må være FRA-TIL (f.eks. 10-30) eller none, ikke «{value}»',
    en: '--sweep must be FROM-TO (e.g. 10-30) or none, not "{value}"',
  },
  officesOrCost: {
    nb: 'optimize trenger enten --offices N (antall kontor) eller --office-cost MIN (kostnad per kontor)',
    en: 'optimize needs either --offices N (number of offices) or --office-cost MIN (cost per office)',
  },
  officesAndCost: {
    nb: 'optimize tar enten --offices N (antall kontor) eller --office-cost MIN (kostnad per kontor), ikke begge',
    en: 'optimize takes either --offices N (number of offices) or --office-cost MIN (cost per office), not both',
  },
  officesInteger: { nb: '--offices må være et heltall, ikke «{value}»', en: '--offices must be a whole number, not "{value}"' },
  siteOptionsNeedSites: {
    nb: '--keep-locations og --sweep-site-cost gjelder tjenestesteder og kan ikke brukes med --no-service-points',
    en: '--keep-locations and --sweep-site-cost concern service points and cannot be used with --no-service-points',
  },
  siteCostFactors: {
    nb: '--sweep-site-cost må være faktorer mellom 0 og 100, f.eks. 0.5,2, ikke «{value}»',
    en: '--sweep-site-cost must be factors between 0 and 100, e.g. 0.5,2, not "{value}"',
  },
  unknownDriver: {
    nb: 'ukjent driver «{name}»; bruk population, users, spending, fte{columns}',
    en: 'unknown driver "{name}"; use population, users, spending, fte{columns}',
  },
  driverColumns: { nb: ' eller en tallkolonne i Kommuner: {headers}', en: ' or a numeric column of Kommuner: {headers}' },
  fixedPlusNeedsFixed: {
    nb: 'fixed-plus trenger --fixed ANDEL (0–1), f.eks. --fixed 0.2',
    en: 'fixed-plus needs --fixed SHARE (0–1), e.g. --fixed 0.2',
  },
  mixNeedsWeights: {
    nb: 'mix trenger --weights, f.eks. --weights population=0.5,users=0.5',
    en: 'mix needs --weights, e.g. --weights population=0.5,users=0.5',
  },
  weightsForm: { nb: '--weights må være DRIVER=VEKT,…, ikke «{value}»', en: '--weights must be DRIVER=WEIGHT,…, not "{value}"' },
  unknownKey: {
    nb: 'ukjent nøkkel «{key}»; velg equal, per-capita, per-user, per-spending, per-fte, fixed-plus, mix, own-cost eller pooled (eller norsk: like-deler, per-innbygger, per-mottaker, etter-utgifter, etter-arsverk, fast-andel, blandet, krone-for-krone, felles-budsjett)',
    en: 'unknown key "{key}"; choose equal, per-capita, per-user, per-spending, per-fte, fixed-plus, mix, own-cost or pooled (or in Norwegian: like-deler, per-innbygger, per-mottaker, etter-utgifter, etter-arsverk, fast-andel, blandet, krone-for-krone, felles-budsjett)',
  },
  costsNeedsScenario: {
    nb: 'costs trenger --scenario NAVN (et scenario fra arket Scenarier)',
    en: 'costs needs --scenario NAME (a scenario from the sheet Scenarier)',
  },
  costsNeedsOffice: {
    nb: 'costs trenger --office VERT (kommunenummeret eller navnet til vertskommunen)',
    en: 'costs needs --office HOST (the number or name of the host municipality)',
  },
  poolKey: {
    nb: '--pool-social må være equal, per-capita eller per-user (like-deler, per-innbygger, per-mottaker), ikke «{value}»',
    en: '--pool-social must be equal, per-capita or per-user (like-deler, per-innbygger, per-mottaker), not "{value}"',
  },
  phaseNeedsBoth: {
    nb: 'innfasing trenger både --phase-in KOMMUNE og --phase ÅR=ANDEL,…, f.eks. --phase 2022=0.5,2023=0.75,2024=1',
    en: 'a phase-in needs both --phase-in MUNICIPALITY and --phase YEAR=SHARE,…, e.g. --phase 2022=0.5,2023=0.75,2024=1',
  },
  phaseForm: {
    nb: '--phase må være ÅR=ANDEL,… med andeler fra 0 til 1 (0.5) eller prosent med tegnet (50%), ikke «{value}»',
    en: '--phase must be YEAR=SHARE,… with shares from 0 to 1 (0.5) or percentages with the sign (50%), not "{value}"',
  },

  // Words in sheets and output.
  yes: { nb: 'ja', en: 'yes' },
  no: { nb: 'nei', en: 'no' },
  given: { nb: 'oppgitt', en: 'given' },
  estimated: { nb: 'estimert', en: 'estimated' },
  estimatedGrid: { nb: 'estimert (SSBs rutenett)', en: 'estimated (SSB grid)' },
  unknownZero: { nb: 'ukjent (0)', en: 'unknown (0)' },
  viaFerry: { nb: '{source}, ferje', en: '{source}, ferry' },
  missing: { nb: 'mangler', en: 'missing' },
  hostSite: { nb: 'hovedkontor', en: 'main office' },
  localOffice: { nb: 'lokalkontor', en: 'local office' },
  branchOffice: { nb: 'avdelingskontor', en: 'branch office' },
  openingDays: { nb: 'åpningsdager {days}', en: 'open {days} days' },
  meetingRoom: { nb: 'møterom', en: 'meeting room' },
  noSite: { nb: 'ingen', en: 'none' },

  // KP Reisetid, KP Reisetidskontroll, KP Reisetid å oppgi.
  travelHeading: {
    nb: 'Reisetid med bil i minutter for alle par, mellom kommunesentrene. Kilde «oppgitt» er fra dine ark; «estimert» er beregnet av Kontorplan langs veien gjennom nabokommuner og med ferje (se docs/travel.md). Under: innbyggernes snittreisetid til sitt eget kommunesenter.',
    en: 'Travel by car in minutes for every pair, between the municipal centres. Source "given" is from your sheets; "estimated" is computed by Kontorplan along the road through neighbouring municipalities and by ferry (see docs/travel.md). Below: the inhabitants\' mean travel to their own municipal centre.',
  },
  withinTitle: {
    nb: 'Reisetid i kommunen: innbyggernes snitt til kommunesenteret',
    en: "Travel within the municipality: the inhabitants' mean to the municipal centre",
  },
  colFrom: { nb: 'Fra', en: 'From' },
  colFromName: { nb: 'Fra navn', en: 'From name' },
  colTo: { nb: 'Til', en: 'To' },
  colToName: { nb: 'Til navn', en: 'To name' },
  colMinutes: { nb: 'Minutter', en: 'Minutes' },
  colFerry: { nb: 'Ferje', en: 'Ferry' },
  colSource: { nb: 'Kilde', en: 'Source' },
  colMunicipality: { nb: 'Kommune', en: 'Municipality' },
  colName: { nb: 'Navn', en: 'Name' },
  colFinding: { nb: 'Avvik', en: 'Finding' },
  colBackOrVia: { nb: 'Motsatt vei / via', en: 'Other way / via' },
  colCell: { nb: 'Celle', en: 'Cell' },
  colVia: { nb: 'Via', en: 'Via' },
  colEstimate: { nb: 'Kontorplans estimat', en: "Kontorplan's estimate" },
  findingZero: { nb: '0 minutter', en: '0 minutes' },
  findingAsymmetric: { nb: 'ulik begge veier', en: 'differs by direction' },
  findingTriangle: { nb: 'lengre enn via en annen kommune', en: 'longer than via another municipality' },
  checkNone: { nb: 'Ingen avvik i de oppgitte reisetidene.', en: 'No findings in the given travel times.' },
  checkSome: {
    nb: '{count} avvik i de oppgitte reisetidene. Sammenlign med cellen i siste kolonne.',
    en: '{count} findings in the given travel times. Compare with the cell in the last column.',
  },
  templateHeading: {
    nb: 'Estimerte reisetider over {limit} min som optimaliseringen kunne bygge på. Fyll inn kolonne E (minutter med bil, fra sentrum til sentrum) og kopier tabellen til et eget ark med navn som begynner på «Reisetid» (f.eks. «Reisetid oppgitt»); Kontorplan leser ikke dette arket.',
    en: 'Estimated travel times over {limit} min the optimisation could rest on. Fill in column E (minutes by car, centre to centre) and copy the table to a sheet of your own whose name starts with "Reisetid" (e.g. "Reisetid oppgitt"); Kontorplan does not read this sheet.',
  },

  // KP Optimerte scenarier, KP Avveiing, KP Avveiing tjenestesteder (read back in either language).
  colScenario: { nb: 'Scenario', en: 'Scenario' },
  colMunicipalityNumber: { nb: 'Kommunenummer', en: 'Municipality number' },
  colMunicipalityName: { nb: 'Kommunenavn', en: 'Municipality name' },
  colHost: { nb: 'Vertskommune', en: 'Host municipality' },
  colHostName: { nb: 'Vertskommunens navn', en: 'Host name' },
  colServicePoint: { nb: 'Tjenestested', en: 'Service point' },
  colAgreement: { nb: 'Vertskommuneavtale', en: 'Host agreement' },
  colSiteCost: { nb: 'Kostnad tjenestested (kr i året)', en: 'Service point cost (NOK a year)' },
  colOffices: { nb: 'Antall kontor', en: 'Number of offices' },
  colMeanTravel: { nb: 'Snittreisetid (min)', en: 'Mean travel (min)' },
  colMaxTravel: { nb: 'Lengste reisetid (min)', en: 'Longest travel (min)' },
  colMinOfficeFte: { nb: 'Minste kontor (årsverk)', en: 'Smallest office (FTE)' },
  colStatus: { nb: 'Status', en: 'Status' },
  colGap: { nb: 'Bevist gap', en: 'Proven gap' },
  colSeconds: { nb: 'Sekunder', en: 'Seconds' },
  colCostScale: { nb: 'Kostnaden ganget med', en: 'Cost multiplied by' },
  colSitesCostMillions: { nb: 'Kostnad tjenestesteder (mill. kr i året)', en: 'Service point cost (NOK million a year)' },
  colFullOffices: { nb: 'Fulle lokalkontor', en: 'Full local offices' },
  colBranches: { nb: 'Avdelinger', en: 'Branches' },
  colMeetingRooms: { nb: 'Møterom', en: 'Meeting rooms' },
  chartTravelByOffices: { nb: 'Snittreisetid etter antall kontor', en: 'Mean travel by number of offices' },
  axisMeanTravel: { nb: 'Befolkningsvektet snittreisetid (min)', en: 'Population-weighted mean travel (min)' },
  chartTravelBySiteCost: { nb: 'Snittreisetid mot kostnad for tjenestesteder', en: 'Mean travel against the cost of service points' },
  axisSiteCost: { nb: 'Kostnad for tjenestesteder (mill. kr i året)', en: 'Cost of service points (NOK million a year)' },

  // The optimiser's result (src/app/steps.ts), on the command line and in its sheets' headings.
  statusOptimal: { nb: 'bevist optimal på disse reisetidene', en: 'proven optimal on these travel times' },
  statusTimeLimit: { nb: 'tidsgrensen nådd', en: 'time limit reached' },
  statusCancelled: { nb: 'avbrutt', en: 'cancelled' },
  statusHeuristic: { nb: 'heuristikk (ikke bevist)', en: 'heuristic (not proven)' },
  noSolution: { nb: 'ingen løsning', en: 'no solution' },
  travelBasis: {
    nb: 'Reisetidene bak strukturen: {estimated} av {assignments} tildelinger bygger på estimert reisetid, {estimatedLong} av dem over {longMinutes} min.',
    en: 'The travel behind the structure: {estimated} of {assignments} assignments rest on an estimated travel time, {estimatedLong} of them over {longMinutes} min.',
  },
  travelLong: { nb: 'Over {longMinutes} min til verten: {list}.', en: 'Over {longMinutes} min to the host: {list}.' },
  travelLongItem: { nb: '{member}–{host} {minutes} min ({source})', en: '{member}–{host} {minutes} min ({source})' },
  sitesNotChosen: {
    nb: 'Tjenestesteder: ikke valgt (alle samarbeidskommuner reiser til verten; --no-service-points).',
    en: 'Service points: not chosen (every partner municipality travels to the host; --no-service-points).',
  },
  sitesSummary: {
    nb: 'Tjenestesteder: {full} fulle lokalkontor, {branch} avdelinger {days} dager, {meeting} møterom, {none} uten; {total} mill. kr i året (lokaler {premises}, ansattes reiser {staff}), veid mot brukernes tid til {perMinute} kr per innbygger-minutt i året.',
    en: "Service points: {full} full local offices, {branch} branches {days} days, {meeting} meeting rooms, {none} without; NOK {total} million a year (premises {premises}, staff travel {staff}), weighed against users' time at NOK {perMinute} per inhabitant-minute a year.",
  },
  rules: { nb: 'Krav: {parts}.', en: 'Rules: {parts}.' },
  ruleOffices: { nb: '{offices} kontor', en: '{offices} offices' },
  ruleOfficeCost: { nb: 'kostnad per kontor {minutes} min snittreisetid', en: 'cost per office {minutes} min of mean travel' },
  ruleMinFte: { nb: 'minst {fte} årsverk per kontor', en: 'at least {fte} FTE per office' },
  ruleMaxTravel: {
    nb: 'høyst {minutes} min reisetid til vertskommunen på dager uten lokal tjeneste',
    en: 'at most {minutes} min travel to the host on days without local service',
  },
  ruleMaxOwners: { nb: 'høyst {owners} eierkommuner', en: 'at most {owners} owner municipalities' },
  ruleSites: {
    nb: 'tjenestesteder velges (ingen, møterom, avdeling {days} dager, fullt lokalkontor; med fullt lokalkontor høyst {local} min til en vert som har minstebemanningen selv)',
    en: 'service points are chosen (none, meeting room, branch {days} days, full local office; with a full local office at most {local} min to a host that has the minimum staffing itself)',
  },
  ruleNoSites: { nb: 'uten tjenestesteder', en: 'without service points' },
  ruleKeepLocations: { nb: 'dagens tjenestesteder beholdes', en: "today's service points are kept" },
  ruleKeepExisting: { nb: 'dagens samarbeid beholdes', en: "today's cooperations are kept" },
  ruleSameBa: { nb: 'samme BA-region', en: 'same BA region' },
  ruleLargestHost: { nb: 'verten er kontorets største kommune', en: 'the host is the office’s most populous municipality' },
  ruleBaPenalty: { nb: 'straff for delt BA-region {minutes} min', en: 'penalty for a split BA region {minutes} min' },
  ruleForced: { nb: 'påkrevde verter: {list}', en: 'required hosts: {list}' },
  ruleForbidden: { nb: 'utelukkede verter: {list}', en: 'excluded hosts: {list}' },
  ruleLocked: { nb: 'låste: {list}', en: 'locked: {list}' },
  optimisedName: { nb: 'Optimert {offices} kontor', en: 'Optimised {offices} offices' },
  alternativeName: { nb: '{name} alt. {k}', en: '{name} alt. {k}' },
  alternativeNote: {
    nb: '{name}: {offices} kontor, {extra} mer reisetid enn den beste, {status}',
    en: '{name}: {offices} offices, {extra} more travel than the best, {status}',
  },
  optimisedTitle: { nb: 'Optimerte kontorstrukturer (Kontorplan)', en: 'Optimised office structures (Kontorplan)' },
  optimisedBest: {
    nb: 'Beste: {status}, bevist gap {gap}, snittreisetid {minutes} min. {sites}',
    en: 'Best: {status}, proven gap {gap}, mean travel {minutes} min. {sites}',
  },
  isolatedKept: {
    nb: 'Beholder eget kontor (ingen vert kan ta dem uten å bryte en regel): {list}.',
    en: 'Keep an office of their own (no host can take them without breaking a rule): {list}.',
  },
  noneIsolated: {
    nb: 'Alle kommuner kan nå en robust vert innen reisetidsgrensene.',
    en: 'Every municipality can reach a robust host within the travel limits.',
  },
  alternativesLine: { nb: 'Alternativer: {list}.', en: 'Alternatives: {list}.' },
  runStopped: {
    nb: 'Kjøringen ble avbrutt: alternativer og avveiingskurven kan mangle.',
    en: 'The run was stopped: alternatives and the trade-off curve may be missing.',
  },
  tradeoffTitle: {
    nb: 'Avveiing: antall kontor mot reisetid og robusthet (Kontorplan)',
    en: 'Trade-off: number of offices against travel and robustness (Kontorplan)',
  },
  siteTradeoffTitle: {
    nb: 'Avveiing: kostnad for tjenestesteder mot reisetid (Kontorplan)',
    en: 'Trade-off: cost of service points against travel (Kontorplan)',
  },

  // The command line's own lines.
  // The cost sheet (src/costkeys/costSheet.ts): titles, headers, labels and notes.
  csTitle: { nb: 'Kostnadsfordeling for {office} – nøkkel: {key} (Kontorplan)', en: 'Cost split for {office} – key: {key} (Kontorplan)' },
  csEditHint: {
    nb: 'Endre de hvite tallene (folketall, årsverk, parametre, linjer, statens andel): alle beløp, sammenligningen og følsomheten regnes om og summerer seg fortsatt til totalen.',
    en: "Change the white numbers (population, FTE, parameters, lines, the state's share): every amount, the comparison and the sensitivity are recalculated and still sum to the total.",
  },
  csStateNote: {
    nb: 'Statlige årsverk er utenfor alle nøkler. Økonomisk sosialhjelp betales av hjemkommunen, med mindre den legges i en felles pott (egen tabell).',
    en: 'State FTE are outside every key. Economic social assistance is paid by the home municipality, unless it is put in a common pool (a table of its own).',
  },
  csParamCost: {
    nb: 'Kostnad per kommunalt årsverk der Bemanning ikke har egen (kr)',
    en: 'Cost per municipal FTE where Bemanning has none of its own (NOK)',
  },
  csParamFixed: {
    nb: 'Fast andel + variabel del: andel likt fordelt (0–1), resten etter {driver}',
    en: 'Fixed share + variable part: share split equally (0–1), the rest by {driver}',
  },
  csParamWeight: { nb: 'Blandet nøkkel: vekt for {driver}', en: 'Mixed key: weight of {driver}' },
  csParamSensitivity: {
    nb: 'Følsomhet: endring i egen driver (0,1 = 10 %)',
    en: "Sensitivity: change in a member's own driver (0.1 = 10%)",
  },
  csParamPhase: {
    nb: 'Innfasing av {member}: andel av full pris {step} (0–1)',
    en: 'Phase-in of {member}: share of the full price {step} (0–1)',
  },
  csParamsTitle: { nb: 'Parametre (endre dem her)', en: 'Parameters (change them here)' },
  csParameter: { nb: 'Parameter', en: 'Parameter' },
  csValue: { nb: 'Verdi', en: 'Value' },
  csNoParams: { nb: '(nøkkelen har ingen parametre)', en: '(the key has no parameters)' },
  csNoLines: { nb: '(ingen felles linjer)', en: '(no shared lines)' },
  csMembersTitle: { nb: 'Hva hver kommune betaler – {key} (kr per år)', en: 'What each municipality pays – {key} (NOK a year)' },
  csMunicipality: { nb: 'Kommune', en: 'Municipality' },
  csAmount: { nb: 'Beløp å betale (kr)', en: 'Amount to pay (NOK)' },
  csShare: { nb: 'Andel', en: 'Share' },
  csPerCapita: { nb: 'Kr per innbygger', en: 'NOK per inhabitant' },
  csChange: { nb: 'Endring mot egen drift (kr)', en: 'Change against its own office (NOK)' },
  csStandalone: { nb: 'Egen drift (kr)', en: 'Own office (NOK)' },
  csNumber: { nb: 'Kommunenr.', en: 'Municipality no.' },
  csPopulation: { nb: 'Folketall', en: 'Population' },
  csUsers: { nb: 'Sosialhjelps­mottakere', en: 'Social assistance recipients' },
  csSpending: { nb: 'Sosialhjelps­utgifter (kr)', en: 'Social assistance spending (NOK)' },
  csFte: { nb: 'Kommunale årsverk', en: 'Municipal FTE' },
  csCostPerFte: { nb: 'Kostnad per årsverk (kr)', en: 'Cost per FTE (NOK)' },
  csStaffCost: { nb: 'Lønn kommunale årsverk (kr)', en: 'Pay of municipal FTE (NOK)' },
  csPremises: { nb: 'Egne lokaler i dag (kr)', en: 'Own premises today (NOK)' },
  csOwnLines: { nb: 'Egne linjer (kr)', en: 'Own lines (NOK)' },
  csRoundFraction: { nb: 'Avrunding: nøkkelandel', en: 'Rounding: key share' },
  csRoundExact: { nb: 'Avrunding: eksakt beløp', en: 'Rounding: exact amount' },
  csRoundWhole: { nb: 'Avrunding: hele kroner', en: 'Rounding: whole kroner' },
  csRoundRest: { nb: 'Avrunding: rest', en: 'Rounding: remainder' },
  csRoundPriority: { nb: 'Avrunding: prioritet ved lik rest', en: 'Rounding: priority on equal remainders' },
  csRoundRank: { nb: 'Avrunding: rang', en: 'Rounding: rank' },
  csHelpShare: { nb: 'Hjelp: andel {key}', en: 'Helper: share {key}' },
  csHelpExact: { nb: 'Hjelp: eksakt {key}', en: 'Helper: exact {key}' },
  csCompareTitle: {
    nb: 'Sammenligning av nøkler (kr per år), og følsomheten for den valgte nøkkelen',
    en: 'Keys compared (NOK a year), and the sensitivity of the chosen key',
  },
  csStandaloneShort: { nb: 'Egen drift', en: 'Own office' },
  csChosen: { nb: 'Valgt: {key}', en: 'Chosen: {key}' },
  csSensUp: { nb: 'Valgt nøkkel: egen driver opp', en: 'Chosen key: own driver up' },
  csSensDown: { nb: 'Valgt nøkkel: egen driver ned', en: 'Chosen key: own driver down' },
  csSum: { nb: 'Sum', en: 'Total' },
  csLinesTitle: {
    nb: 'Kostnadslinjer (tom «Betales av»: fordeles etter nøkkelen; kommunenummer eller navn)',
    en: "Cost lines (an empty 'Paid by' is split by the key; a municipality's number or name)",
  },
  csLine: { nb: 'Linje', en: 'Line' },
  csLineAmount: { nb: 'Beløp i alt (kr)', en: 'Amount in all (NOK)' },
  csStateShare: { nb: 'Statens andel (0–1)', en: "The state's share (0–1)" },
  csStatePays: { nb: 'Staten betaler (kr)', en: 'The state pays (NOK)' },
  csMunicipalitiesPay: { nb: 'Kommunene betaler (kr)', en: 'The municipalities pay (NOK)' },
  csPaidBy: { nb: 'Betales av', en: 'Paid by' },
  csPayer: { nb: 'Betaler (kommunenr.)', en: 'Payer (municipality no.)' },
  csShared: { nb: 'Fordeles (kr)', en: 'Split (NOK)' },
  csOwn: { nb: 'Egen (kr)', en: 'Own (NOK)' },
  csNote: { nb: 'Merknad', en: 'Note' },
  csNameLikeStaff: {
    nb: 'Navnet ligner lønn: er den allerede regnet fra Bemanning? ',
    en: 'The name looks like pay: is it counted from Bemanning already? ',
  },
  csNotInOffice: {
    nb: '«{payer}» er ikke med i kontoret: linjen fordeles etter nøkkelen. ',
    en: "'{payer}' is not in the office: the line is split by the key. ",
  },
  csLikeStaff: {
    nb: 'Beløpet ligger innen {tolerance} av lønnskostnaden fra Bemanning: telles den to ganger?',
    en: 'The amount is within {tolerance} of the pay cost from Bemanning: is it counted twice?',
  },
  csLikeStaffShort: { nb: 'Beløpet ligger innen … av lønnskostnaden', en: 'The amount is within … of the pay cost' },
  csSumStaff: { nb: 'Lønn kommunale årsverk', en: 'Pay of municipal FTE' },
  csSumShared: { nb: 'Felles linjer, kommunenes del', en: "Shared lines, the municipalities' part" },
  csSumKeyed: { nb: 'Fordeles etter nøkkelen (felles budsjett: kostnad i alt)', en: 'Split by the key (pooled budget: the cost in all)' },
  csSumOwned: { nb: 'Betales av én kommune alene', en: 'Paid by one municipality alone' },
  csSumBase: { nb: 'Kostnad i alt for kommunene', en: 'Cost in all for the municipalities' },
  csSumTotal: { nb: 'Kostnad i alt, hele kroner', en: 'Cost in all, whole kroner' },
  csSumLeft: { nb: 'Kroner fordelt etter størst rest', en: 'Kroner given by largest remainder' },
  csSumState: { nb: 'Statens del av linjene (utenfor nøklene)', en: "The state's part of the lines (outside the keys)" },
  csSumPool: { nb: 'Sosialhjelp i felles pott', en: 'Social assistance in a common pool' },
  csSumTitle: { nb: 'Summer: hva kostnaden består av', en: 'Sums: what the cost is made of' },
  csPost: { nb: 'Post', en: 'Item' },
  csKroner: { nb: 'Kroner', en: 'NOK' },
  csPoolTitle: { nb: 'Sosialhjelp i felles pott – {key} (kr per år)', en: 'Social assistance in a common pool – {key} (NOK a year)' },
  csPoolPays: { nb: 'Betaler til potten (kr)', en: 'Pays into the pool (NOK)' },
  csPoolOwn: { nb: 'Eget forbruk (kr)', en: 'Own spending (NOK)' },
  csPoolNet: { nb: 'Netto mot eget forbruk (kr)', en: 'Net against own spending (NOK)' },
  csPoolShare: { nb: 'Andel av potten', en: 'Share of the pool' },
  csPoolExact: { nb: 'Eksakt (kr)', en: 'Exact (NOK)' },
  csPhaseTitle: {
    nb: 'Innfasing av {member}: den betaler en andel av full pris, de andre resten etter sine beløp (kr per år)',
    en: 'Phase-in of {member}: it pays a share of the full price, the others the rest by their amounts (NOK a year)',
  },
  csPhaseExact: { nb: 'Eksakt {step}', en: 'Exact {step}' },
  csKeyHeaderFixed: { nb: 'fast andel likt + {driver}', en: 'fixed share equal + {driver}' },
  csKeyHeaderMix: { nb: 'blandet: {drivers}', en: 'mixed: {drivers}' },
  csAnd: { nb: ' og ', en: ' and ' },
  // The optimiser's refusals (src/optimize): rules no structure can meet, numbers the workbook lacks.
  optUnknownNumber: {
    nb: '{what}: kommunenummer {number} finnes ikke i arket med kommuner',
    en: '{what}: municipality number {number} is not in the sheet of municipalities',
  },
  optOfficeCount: {
    nb: 'antall kontor må være et heltall fra 1 til {max}, ikke {value}',
    en: 'the number of offices must be a whole number from 1 to {max}, not {value}',
  },
  optLockedToForbidden: {
    nb: '{member} er låst til {host}, men {host} er utelukket som vertskommune',
    en: '{member} is locked to {host}, but {host} is ruled out as a host',
  },
  optLockedToLocked: {
    nb: '{member} er låst til {host}, men {host} er selv låst til {other}',
    en: '{member} is locked to {host}, but {host} is itself locked to {other}',
  },
  optLockedNotAllowed: {
    nb: '{member} er låst til {host}, men reglene (reisetid eller BA-region) tillater ikke det',
    en: '{member} is locked to {host}, but the rules (travel time or BA region) do not allow it',
  },
  optForcedAndForbidden: {
    nb: '{host} er både påkrevd og utelukket som vertskommune',
    en: '{host} is both required and ruled out as a host',
  },
  optForcedButLocked: {
    nb: '{host} skal være vertskommune, men er låst til {other}',
    en: '{host} is to be a host, but is locked to {other}',
  },
  optLockedWeakHost: {
    nb: '{member} er låst til en vertskommune som ikke kan nå minste bemanning',
    en: '{member} is locked to a host that cannot reach the minimum staff',
  },
  optTooFewIsolated: {
    nb: '{offices} kontor er for få: {isolated} kommuner må ha eget kontor (ingen robust vert innen rekkevidde) og {forced} verter er påkrevd',
    en: '{offices} offices are too few: {isolated} municipalities must have an office of their own (no robust host within reach) and {forced} hosts are required',
  },
  optTooFewOwners: {
    nb: '{offices} kontor er for få: med høyst {owners} kommuner per kontor trengs minst {needed} kontor',
    en: '{offices} offices are too few: with at most {owners} municipalities per office, at least {needed} offices are needed',
  },
  optTooMany: {
    nb: '{offices} kontor er for mange: bare {hosts} kommuner kan være vert',
    en: '{offices} offices are too many: only {hosts} municipalities can be a host',
  },
  optCountOrCost: {
    nb: 'oppgi enten antall kontor eller en kostnad per kontor',
    en: 'give either a number of offices or a cost per office',
  },
  optNoSolution: {
    nb: 'Ingen kontorstruktur oppfyller alle kravene{count} (minste bemanning, lengste reisetid, flest eiere, BA-region{locked}). For mange kontor kan også være grunnen: da kan ikke alle nå minstebemanningen. Prøv et annet antall kontor, lavere minstebemanning, flere eiere per kontor eller lengre tillatt reisetid.',
    en: 'No office structure meets every rule{count} (minimum staff, longest travel, most owners, BA region{locked}). Too many offices can also be the reason: then not all can reach the minimum staff. Try another number of offices, a lower minimum staff, more owners per office or a longer travel time allowed.',
  },
  optWithOffices: { nb: ' med {offices} kontor', en: ' with {offices} offices' },
  optLockedCount: { nb: ', {count} låste kommuner', en: ', {count} locked municipalities' },
  // The sample's input sheets (src/data/sample.ts): headings and column headers the readers know in both languages.
  sampleAbout: { nb: 'Eksempeldata fra Kontorplan: {title}.', en: 'Sample data from Kontorplan: {title}.' },
  sampleAttribution: {
    nb: 'Befolkning: Statistisk sentralbyrå (tabell 07459 og befolkning på rutenett 2019/2022), CC BY 4.0. Kommunegrenser: © Kartverket, CC BY 4.0. Administrasjonssentre: GeoNames, CC BY 4.0. BA-regioner og reisetider: TØI rapport 1713/2019 for KMD (regjeringen.no).',
    en: 'Population: Statistics Norway (table 07459 and population on a grid 2019/2022), CC BY 4.0. Municipal boundaries: © Kartverket, CC BY 4.0. Administrative centres: GeoNames, CC BY 4.0. BA regions and travel times: TØI report 1713/2019 for KMD (regjeringen.no).',
  },
  samplePoints: {
    nb: 'Kommunenes punkter (Lat, Lon) er administrasjonssentrene (GeoNames, CC BY 4.0); reisetiden er estimert mellom dem.',
    en: "The municipalities' points (Lat, Lon) are the administrative centres (GeoNames, CC BY 4.0); travel is estimated between them.",
  },
  sampleWithin: {
    nb: 'Reisetid i kommunen (innbyggernes snitt til sitt eget senter) er TØIs tall der TØI har dem, ellers estimert fra SSBs befolkningsrutenett (Kilde: Statistisk sentralbyrå); se arket KP Reisetid etter «kontorplan travel».',
    en: "Travel within a municipality (its inhabitants' mean to their own centre) is TØI's figure where TØI has one, else estimated from the population grid (Source: Statistics Norway); see the sheet KP Reisetid after 'kontorplan travel'.",
  },
  sampleEstimates: {
    nb: 'Reisetid og bemanning er estimater (kolonnen Kilde). Scenariene er eksempler; tjenestested merket «antatt» er ikke bekreftet.',
    en: "Travel and staffing are estimates (the Source column). The scenarios are examples; a service point noted 'antatt' (assumed) is not confirmed.",
  },
  sampleTravelHeading: {
    nb: 'Reisetid med bil i minutter, estimert langs veien gjennom nabokommuner og med ferje der kysten krever det (se docs/travel.md). Gjelder begge veier. Erstatt med målte tider der du har dem, og sett kilde til «oppgitt».',
    en: "Travel by car in minutes, estimated along the roads through neighbouring municipalities and by ferry where the coast needs it (see docs/travel.md). It holds both ways. Replace it with measured times where you have them, and set the source to 'given'.",
  },
  sampleStaffHeading: {
    nb: 'Bemanning estimert fra folketall der den ikke er oppgitt: {fixed} per kontor (i vertskommunen) + {per1000} per 1 000 innbyggere, tilpasset seks dokumenterte kontor (AFI 2022; se docs/scoring.md). Radene under er hver kommunes del per innbygger; kontorets faste del legges til der verten har estimert bemanning.',
    en: "Staffing estimated from population where it is not given: {fixed} per office (in the host) + {per1000} per 1,000 inhabitants, fitted to six documented offices (AFI 2022; see docs/scoring.md). The rows below are each municipality's part per inhabitant; the office's fixed part is added where the host has estimated staffing.",
  },
  sampleStaffSplit: {
    nb: 'Fordelt {state} % statlig og {municipal} % kommunalt (antatt; forskningen: en tredel til halvparten kommunalt). Erstatt med egne tall og sett Kilde til «oppgitt».',
    en: "Split {state}% state and {municipal}% municipal (assumed; the research: a third to a half municipal). Replace them with your own numbers and set Source to 'given'.",
  },
  sampleOfficesHeading: {
    nb: 'Dagens NAV-kontor ({proposal}): de dokumenterte samarbeidene fra forskningen og ett kontor per øvrige kommune. Rett opp etter NAV fylke; Kontorplan vurderer arket som «Dagens struktur».',
    en: "Today's NAV offices ({proposal}): the documented cooperations from the research and one office for each other municipality. Correct them with NAV fylke; Kontorplan scores the sheet as the current structure.",
  },
  sampleOfficesProposal: { nb: 'forslag, kontroller mot NAV fylke', en: 'a proposal, to be checked with NAV fylke' },
  sampleOfficesLocations: {
    nb: 'Kontorsteder: kommune og åpningsdager per uke («Evenes 2»), «møterom» for publikumsmottak/møteplass; en kommune som ikke står der, har ikke eget kontorsted. Ansatte fra rapporten er ansatte, ikke årsverk; tomme celler estimeres.',
    en: "Locations: a municipality and its opening days a week ('Evenes 2'), 'møterom' for a reception or meeting place; a municipality not listed has no location of its own. Staff from the report are employees, not FTE; empty cells are estimated.",
  },
  sampleWeightsHeading: {
    nb: 'Vekter og skalaer for den samlede karakteren (0–100): 0 ved verste ende, 100 ved beste, rett linje mellom; et kontor som bryter et krav får 0. Endre vekt eller ender her; tom celle = standard. Kilder: docs/scoring.md.',
    en: 'Weights and scales of the overall grade (0–100): 0 at the worst end, 100 at the best, a straight line between; an office that breaks a rule gets 0. Change a weight or an end here; an empty cell is the default. Sources: docs/scoring.md.',
  },
  sampleHigher: { nb: 'høyere', en: 'higher' },
  // The sample's scenarios (src/data/sample.ts); the first as src/io/readWorkbook.ts names it when there is no Scenarier.
  sampleOneEach: {
    nb: 'Én kommune – ett kontor (teoretisk utgangspunkt)',
    en: 'One municipality – one office (theoretical starting point)',
  },
  sampleKnown: { nb: 'Kjente samarbeid', en: 'Known cooperations' },
  sampleCoopNote: {
    nb: '{name} (fra {started}): {note}; {staff}; kilde {source}',
    en: '{name} (from {started}): {note}; {staff}; source {source}',
  },
  sampleHostElsewhere: {
    nb: 'i dag med i {name} med {host} som vertskommune, utenfor utvalget ({source}); utvalget for hele landet har samarbeidet',
    en: 'today part of {name}, hosted by {host}, outside this selection ({source}); the selection of the whole country has the cooperation',
  },
  sampleCoopPartnerNote: { nb: '{name}; kilde {source}', en: '{name}; source {source}' },
  sampleStaffNotGiven: { nb: 'ansatte ikke oppgitt', en: 'staff not given' },
  sampleStaffGiven: {
    nb: '{staff} ansatte{extra} (ansatte, ikke årsverk; år ikke oppgitt)',
    en: '{staff} employees{extra} (employees, not FTE; year not given)',
  },
  sampleStaffIncluding: { nb: ' inkl. {services}', en: ' incl. {services}' },
  sampleOfficeSource: {
    nb: '{source}: {staff} ansatte (ikke årsverk, år ikke oppgitt)',
    en: '{source}: {staff} employees (not FTE, year not given)',
  },
  sampleOnePerBa: { nb: 'Ett kontor per BA-region', en: 'One office per BA region' },
  sampleLower: { nb: 'lavere', en: 'lower' },
  sampleSourced: { nb: 'kilde', en: 'source' },
  sampleAssumed: { nb: 'antakelse', en: 'assumption' },
  hMunicipalityNumber: { nb: 'Kommunenummer', en: 'Municipality number' },
  hMunicipalityName: { nb: 'Kommunenavn', en: 'Municipality name' },
  hCounty: { nb: 'Fylke', en: 'County' },
  hPopulationAt: { nb: 'Folketall 1.1.2026', en: 'Population 1.1.2026' },
  hFrom: { nb: 'Fra', en: 'From' },
  hTo: { nb: 'Til', en: 'To' },
  hMinutes: { nb: 'Minutter', en: 'Minutes' },
  hFerry: { nb: 'Ferje', en: 'Ferry' },
  hSource: { nb: 'Kilde', en: 'Source' },
  hStateFte: { nb: 'Statlige årsverk', en: 'State FTE' },
  hMunicipalFte: { nb: 'Kommunale årsverk', en: 'Municipal FTE' },
  hHost: { nb: 'Vertskommune', en: 'Host municipality' },
  hMembers: { nb: 'Medlemskommuner', en: 'Members' },
  hLocations: { nb: 'Kontorsteder (åpningsdager)', en: 'Locations (opening days)' },
  hStaff: { nb: 'Ansatte', en: 'Staff' },
  hLegalForm: { nb: 'Juridisk form', en: 'Legal form' },
  hAgreementDate: { nb: 'Avtaledato', en: 'Agreement date' },
  hServicePoint: { nb: 'Tjenestested', en: 'Service point' },
  hHostAgreement: { nb: 'Vertskommuneavtale', en: 'Host agreement' },
  hNote: { nb: 'Merknad', en: 'Note' },
  hMeasure: { nb: 'Mål', en: 'Measure' },
  hName: { nb: 'Navn', en: 'Name' },
  hWeight: { nb: 'Vekt', en: 'Weight' },
  hWorst: { nb: 'Verste ende (0)', en: 'Worst end' },
  hBest: { nb: 'Beste ende (100)', en: 'Best end' },
  hBetterWhen: { nb: 'Bedre når', en: 'Better when' },
  hScaleSource: { nb: 'Kilde for standardskalaen', en: 'Source of the default scale' },
  // Cost keys (src/costkeys): what the planner's choices or the Kostnader sheet leave impossible.
  costDriverMissing: {
    nb: '{name} ({number}) mangler en gyldig verdi for {driver}, som nøkkelen fordeler etter',
    en: '{name} ({number}) has no valid value for {driver}, which the key shares by',
  },
  costDriverZero: {
    nb: 'summen av {driver} er 0 for kontoret; nøkkelen kan ikke fordele etter den',
    en: "the office's total of {driver} is 0; the key cannot share by it",
  },
  costOwnCostNone: {
    nb: 'ingen kommune bidrar med kommunale årsverk; krone for krone kan ikke fordele',
    en: 'no municipality contributes municipal FTE; krone for krone cannot share the cost',
  },
  costFixedShare: {
    nb: 'fast andel må være mellom 0 og 1 (0 % og 100 %), ikke {value}',
    en: 'the fixed share must be between 0 and 1 (0 % and 100 %), not {value}',
  },
  costMixWeights: {
    nb: 'vektene i en blandet nøkkel må være ikke-negative og ha en positiv sum',
    en: 'the weights of a mixed key must be non-negative with a positive sum',
  },
  costNoMembers: {
    nb: 'kontoret har ingen medlemmer',
    en: 'the office has no members',
  },
  costLineAmount: {
    nb: 'kostnadslinjen «{line}» har et ugyldig beløp',
    en: 'the cost line “{line}” has an invalid amount',
  },
  costLineStateShare: {
    nb: 'kostnadslinjen «{line}» har en statlig andel utenfor 0–1 (0 %–100 %): {value}',
    en: 'the cost line “{line}” has a state share outside 0–1 (0 %–100 %): {value}',
  },
  costLineOwner: {
    nb: 'kostnadslinjen «{line}» skal betales av {owner}, som ikke er med i kontoret',
    en: 'the cost line “{line}” is to be paid by {owner}, which is not in the office',
  },
  allocateEmpty: {
    nb: 'driverne er tomme',
    en: 'the drivers are empty',
  },
  allocateTotal: {
    nb: 'totalen må være et tall større enn eller lik 0',
    en: 'the total must be a number greater than or equal to 0',
  },
  allocateFixed: {
    nb: 'fast andel må være mellom 0 og 1',
    en: 'the fixed share must be between 0 and 1',
  },
  allocateWeights: {
    nb: 'vektene må være {count} ikke-negative tall med positiv sum',
    en: 'the weights must be {count} non-negative numbers with a positive sum',
  },
  allocateDrivers: {
    nb: 'driverne må være tall større enn eller lik 0',
    en: 'the drivers must be numbers greater than or equal to 0',
  },
  allocateZeroColumn: {
    nb: 'summen av en driverkolonne med vekt er 0',
    en: 'a weighted driver column sums to 0',
  },
  costPoolSpending: {
    nb: '{name} ({number}) mangler sosialhjelpsutgifter; en felles pott for sosialhjelp trenger dem',
    en: '{name} ({number}) has no social assistance spending; a shared pool for social assistance needs it',
  },
  costPhaseStep: {
    nb: 'innfasing {step}: andelen må være mellom 0 og 1 (0 %–100 %), ikke {value}',
    en: 'phase-in {step}: the share must be between 0 and 1 (0 %–100 %), not {value}',
  },
  costNoScenario: {
    nb: 'scenarioet «{scenario}» finnes ikke; velg ett av: {list} (navn eller nummer)',
    en: 'there is no scenario “{scenario}”; choose one of: {list} (name or number)',
  },
  costHostAmbiguous: {
    nb: '«{host}» kan være flere kommuner ({candidates}); bruk kommunenummeret{shared}',
    en: '“{host}” could be several municipalities ({candidates}); use the municipality number{shared}',
  },
  costHostUnknown: {
    nb: '«{host}» er ikke en kommune i arket Kommuner{shared}',
    en: '“{host}” is not a municipality in the Kommuner sheet{shared}',
  },
  costHostIsMember: {
    nb: '{label} er ikke vertskommune i «{scenario}», men er med i kontoret til {within}{shared}',
    en: '{label} is not a host in “{scenario}”, but is in the office of {within}{shared}',
  },
  costHostNotHost: {
    nb: '{label} er ikke vertskommune i «{scenario}»{shared}',
    en: '{label} is not a host in “{scenario}”{shared}',
  },
  costSharedOffices: {
    nb: '; kontor med flere kommuner: {list}',
    en: '; offices with several municipalities: {list}',
  },
  costPayerNotMember: {
    nb: 'kostnadslinjen «{line}» ({cell}) skal betales av {payer}, som ikke er med i kontoret til {host}',
    en: 'the cost line “{line}” ({cell}) is to be paid by {payer}, which is not in the office of {host}',
  },
  // Why the optimiser leaves a municipality on its own (src/optimize/problem.ts whyIsolated), and a curve's point without a structure.
  isoUnknown: {
    nb: 'reisetiden til alle andre kommuner er ukjent',
    en: 'the travel time to every other municipality is unknown',
  },
  isoLimitLocal: {
    nb: '{minutes} min (eller {local} min med eget lokalkontor)',
    en: '{minutes} min (or {local} min with a local office of its own)',
  },
  isoLimit: {
    nb: '{minutes} min',
    en: '{minutes} min',
  },
  isoNoHost: {
    nb: 'ingen mulig vertskommune innen {limit}',
    en: 'no possible host within {limit}',
  },
  isoNear: {
    nb: '{count} mulige verter innen {limit}',
    en: '{count} possible hosts within {limit}',
  },
  isoFarNotRobust: {
    nb: '{count} lenger unna enn {minutes} min, men uten minste bemanning alene ({minFte} årsverk), som en vert over så lang avstand må ha',
    en: '{count} further than {minutes} min, but without the minimum staff alone ({minFte} FTE), which a host that far away must have',
  },
  isoSmallerHost: {
    nb: '{count} er mindre enn kommunen selv, og verten skal være kontorets største kommune',
    en: '{count} are smaller than the municipality itself, and the host must be the office’s most populous',
  },
  isoOtherBa: {
    nb: '{count} i en annen BA-region',
    en: '{count} in another labour-market region',
  },
  isoForbidden: {
    nb: '{count} utelukket som vert',
    en: '{count} ruled out as host',
  },
  isoLocked: {
    nb: '{count} låst til en annen vert',
    en: '{count} locked to another host',
  },
  isoUnexplained: {
    nb: 'de {count} andre kan ikke nå minste bemanning ({minFte} årsverk) med kommunene de kan ta',
    en: 'the {count} others cannot reach the minimum staff ({minFte} FTE) with the municipalities they can take',
  },
  sweepNoStructure: {
    nb: 'ingen struktur oppfyller kravene med dette antallet kontor',
    en: 'no structure keeps the rules with this number of offices',
  },
  // The custom functions' own refusals (src/functions).
  fnFte: {
    nb: 'årsverk må være et tall større enn eller lik 0, ikke {value}',
    en: 'the FTE must be a number greater than or equal to 0, not {value}',
  },
  fnK: {
    nb: 'k må være et helt tall større enn eller lik 0, ikke {value}',
    en: 'k must be a whole number greater than or equal to 0, not {value}',
  },
  fnAbsence: { nb: 'sannsynligheten a må være mellom 0 og 1, ikke {value}', en: 'the probability a must be between 0 and 1, not {value}' },
  costPhaseNotMember: {
    nb: '{member} er ikke med i {office}, og kan ikke fases inn',
    en: '{member} is not in {office}, and cannot be phased in',
  },
  // What the workbook or Excel refuses (src/workbook): the planner can fix it and try again.
  nothingWasWritten: { nb: 'Ingenting ble skrevet.', en: 'Nothing was written.' },
  sheetConflict: {
    nb: 'Arket «{sheet}» finnes allerede og er ikke laget av Kontorplan; gi det et annet navn eller slett det.',
    en: 'The sheet "{sheet}" already exists and was not made by Kontorplan; rename or delete it.',
  },
  tableConflict: {
    nb: 'Tabellen «{table}» finnes allerede og er ikke laget av Kontorplan; gi den et annet navn i Excel (Tabellutforming › Tabellnavn).',
    en: 'The table "{table}" already exists and was not made by Kontorplan; rename it in Excel (Table Design › Table Name).',
  },
  excelEditMode: {
    nb: 'Excel er i redigeringsmodus: trykk Enter eller Esc i cellen du skriver i, og prøv igjen.',
    en: 'Excel is in cell-edit mode: press Enter or Esc in the cell you are typing in, and try again.',
  },
  excelRequestTooLarge: {
    nb: 'Resultatet er for stort til å skrives i én operasjon i Excel (over 5 MB).',
    en: 'The result is too large to be written in one operation in Excel (over 5 MB).',
  },
  excelResponseTooLarge: {
    nb: 'En rad i arbeidsboken er for stor til å leses fra Excel på nett (over 5 MB). Korte ned svært lange tekster i arkene og prøv igjen.',
    en: 'A row of the workbook is too large to be read from Excel on the web (over 5 MB). Shorten very long texts in the sheets and try again.',
  },
  excelAccessDenied: {
    nb: 'Excel tillater ikke endringer i arbeidsboken nå (den er skrivebeskyttet eller delt med begrensninger).',
    en: 'Excel does not allow changes to the workbook now (it is read-only or shared with restrictions).',
  },
  excelWriteFailed: {
    nb: 'Excel avbrøt skrivingen ({code}: {detail}). Det som var skrevet er fjernet, og arkene dine er urørt; prøv igjen.',
    en: 'Excel stopped the write ({code}: {detail}). What had been written was removed, and your sheets are untouched; try again.',
  },
  excelReadFailed: {
    nb: 'Excel kunne ikke lese arbeidsboken ({code}: {detail}).',
    en: 'Excel could not read the workbook ({code}: {detail}).',
  },
  writeTooLarge: {
    nb: 'Resultatet er for stort til å skrives i én operasjon ({mb} MB; Excel på nett tillater 5 MB). Velg færre scenarier.',
    en: 'The result is too large to be written in one operation ({mb} MB; Excel on the web allows 5 MB). Choose fewer scenarios.',
  },
  workbookProtected: {
    nb: 'Arbeidsboken er beskyttet (Se gjennom > Beskytt arbeidsbok), så Kontorplan kan ikke legge til ark. Opphev beskyttelsen og prøv igjen.',
    en: 'The workbook is protected (Review > Protect Workbook), so Kontorplan cannot add sheets. Remove the protection and try again.',
  },
  sampleTaken: {
    nb: 'Arbeidsboken har allerede arkene {sheets}. Ingenting ble skrevet.',
    en: 'The workbook already has the sheets {sheets}. Nothing was written.',
  },
  nothingWritten: { nb: '{count} feil; ingenting ble skrevet.', en: '{count} error(s); nothing was written.' },
  noScenario: {
    nb: '{count} feil; ingen scenarier å vurdere, ingenting ble skrevet.',
    en: '{count} error(s); no scenario to score, nothing was written.',
  },
  error: { nb: 'Feil: {text} Ingenting ble skrevet.', en: 'Error: {text} Nothing was written.' },
  wrote: { nb: 'Skrev {file}: {sheets}.', en: 'Wrote {file}: {sheets}.' },
  wroteCosts: {
    nb: 'Skrev {file}: {sheet} (formler: endre folketall, årsverk eller parametre i Excel, og alle beløp regnes om).',
    en: 'Wrote {file}: {sheet} (formulas: change population, FTE or parameters in Excel, and every amount is recomputed).',
  },
  wroteSample: { nb: 'Skrev {file}: {title}.', en: 'Wrote {file}: {title}.' },
  sampleCounty: { nb: '{county} (fylke {number}), {count} kommuner', en: '{county} (county {number}), {count} municipalities' },
  sampleCountry: { nb: 'hele landet, {count} kommuner', en: 'the whole country, {count} municipalities' },
  needsBaseline: {
    nb: '--{option} trenger dagens struktur, men arbeidsboka har ikke noe ark «Kontorer».',
    en: '--{option} needs today\'s structure, but the workbook has no sheet "Kontorer".',
  },
  progress: {
    nb: '    {seconds} s: beste {best}, nedre grense {bound}, gap {gap}',
    en: '    {seconds} s: best {best}, lower bound {bound}, gap {gap}',
  },
  cancelling: { nb: 'Avbryter: bruker det beste som er funnet så langt …', en: 'Stopping: using the best found so far …' },
  stoppingCurve: {
    nb: 'Avbryter avveiingen: skriver punktene som er funnet så langt …',
    en: 'Stopping the curve: writing the points found so far …',
  },
  stageMain: { nb: 'finner den beste strukturen', en: 'finding the best structure' },
  stageAlternative: { nb: 'leter etter alternativ {k}', en: 'looking for alternative {k}' },
  stageSweep: { nb: 'avveiing: {offices} kontor', en: 'trade-off: {offices} offices' },
  stageSiteCost: { nb: '  … avveiing: kostnad for tjenestesteder × {factor}', en: '  … trade-off: cost of service points × {factor}' },
  bestLine: { nb: '{name}: {status} (bevist gap {gap}), {seconds} s.', en: '{name}: {status} (proven gap {gap}), {seconds} s.' },
  meanTravelLine: {
    nb: 'Befolkningsvektet snittreisetid (med reisetiden i egen kommune): {minutes} min.',
    en: 'Population-weighted mean travel (with the travel within the own municipality): {minutes} min.',
  },
  isolatedHeader: {
    nb: 'Beholder eget kontor (ingen vert kan ta dem uten å bryte en regel):',
    en: 'Keep an office of their own (no host can take them without breaking a rule):',
  },
  alternativesHeader: {
    nb: '{count} alternativ med andre vertskommuner innen {within} av den beste:',
    en: 'Alternatives with other hosts within {within} of the best ({count}):',
  },
  siteTradeoffHeader: {
    nb: 'Avveiing mot kostnaden for tjenestesteder (kostnad ganget med: snittreisetid, kostnad i året, lokalkontor/avdelinger/møterom):',
    en: 'Trade-off against the cost of service points (cost multiplied by: mean travel, cost a year, local offices/branches/meeting rooms):',
  },
  siteTradeoffRow: {
    nb: '  × {factor}: {minutes} min, {millions} mill. kr, {full}/{branch}/{meeting} ({status})',
    en: '  × {factor}: {minutes} min, NOK {millions} million, {full}/{branch}/{meeting} ({status})',
  },
  tradeoffHeader: {
    nb: 'Avveiing (antall kontor: snittreisetid, minste kontor i årsverk):',
    en: 'Trade-off (number of offices: mean travel, smallest office in FTE):',
  },
  tradeoffRow: {
    nb: '  {offices}: {minutes} min, {fte} årsverk ({status}{gap})',
    en: '  {offices}: {minutes} min, {fte} FTE ({status}{gap})',
  },
  refuseEstimated: {
    nb: 'Feil: optimaliseringen ville bygge på {count} estimerte reisetider over {limit} min. Ingenting ble optimalisert. Fyll inn minuttene i «{sheet}»!E3:E{last} i {file} og kopier tabellen med overskriftene (rad 2) til et eget ark med navn som begynner på «Reisetid» (f.eks. «Reisetid oppgitt»); en oppgitt tid erstatter en estimert for samme par.',
    en: 'Error: the optimisation would rest on {count} estimated travel times over {limit} min. Nothing was optimised. Fill in the minutes in "{sheet}"!E3:E{last} in {file} and copy the table with its headers (row 2) to a sheet of your own whose name starts with "Reisetid" (e.g. "Reisetid oppgitt"); a given time replaces an estimated one for the same pair.',
  },
  refuseEstimatedPair: { nb: '  {from} → {to}: estimert {minutes} min', en: '  {from} → {to}: estimated {minutes} min' },
  andMoreInSheet: { nb: '  … og {count} til (alle i arket).', en: '  … and {count} more (all in the sheet).' },
  planRead: {
    nb: 'Leste {municipalities} kommuner fra «{sheet}», {rest}.',
    en: 'Read {municipalities} municipalities from "{sheet}", {rest}.',
  },
  planBaseline: { nb: 'dagens struktur fra «{sheet}» ({baseline}),\n', en: 'today\'s structure from "{sheet}" ({baseline}),\n' },
  planScenarios: { nb: '{count} scenarier fra «{sheet}»', en: '{count} scenarios from "{sheet}"' },
  planNoScenarioSheet: { nb: 'ingen scenarioark', en: 'no scenario sheet' },
  planNoScenarioSheetOne: {
    nb: 'ingen scenarioark (vurderer én kommune – ett kontor)',
    en: 'no scenario sheet (scoring one municipality – one office)',
  },
  planOptimised: { nb: ' og {count} fra «{sheet}»', en: ' and {count} from "{sheet}"' },
  travelSummary: {
    nb: 'Reisetid for {municipalities} kommuner, {pairs} par:',
    en: 'Travel for {municipalities} municipalities, {pairs} pairs:',
  },
  travelCounts: {
    nb: '  oppgitt: {given}   estimert: {estimated}   med ferje: {viaFerry}   mangler: {missing}',
    en: '  given: {given}   estimated: {estimated}   with ferry: {viaFerry}   missing: {missing}',
  },
  travelChecks: {
    nb: 'Kontroll av de oppgitte: {asymmetric} ulike begge veier (mer enn {asymmetry} min), {triangle} lengre enn via en tredje kommune (mer enn {slack} min), {zero} på 0 minutter.',
    en: 'Check of the given ones: {asymmetric} differ by direction (by more than {asymmetry} min), {triangle} longer than via a third municipality (by more than {slack} min), {zero} of 0 minutes.',
  },

  // The comparison (Sammenligning and plan's table): a measure's label and its unit.
  cmpRank: { nb: 'Rangering', en: 'Rank' },
  cmpAdmissible: { nb: 'Tillatt (alle krav og avtale)', en: 'Admissible (all rules and agreement)' },
  cmpRating: { nb: 'Karakter, befolkningsvektet', en: 'Rating, population-weighted' },
  cmpRatingPerMunicipality: { nb: 'Karakter per kommune', en: 'Rating per municipality' },
  cmpOffices: { nb: 'Antall kontor', en: 'Number of offices' },
  cmpOfficesFailing: { nb: 'Kontor som bryter krav', en: 'Offices breaking a rule' },
  cmpWorseOff: { nb: 'Kommuner verre stilt enn grunnlaget', en: 'Municipalities worse off than the baseline' },
  cmpMinOffice: { nb: 'Minste kontor', en: 'Smallest office' },
  cmpVulnerability: { nb: 'Sårbarhet (snitt)', en: 'Vulnerability (mean)' },
  cmpWeightedTravel: { nb: 'Vektet reisetid', en: 'Weighted travel' },
  cmpMaxTravel: { nb: 'Lengste reisetid', en: 'Worst travel' },
  cmpShareOver: { nb: 'Andel over {minutes} min', en: 'Share over {minutes} min' },
  cmpStaffTravel: { nb: 'Ansattreiser', en: 'Staff travel' },
  cmpBaShare: { nb: 'Andel i vertens BA-region', en: "Share in the host's BA region" },
  cmpBaSplit: { nb: 'BA-regioner delt', en: 'BA regions split' },
  cmpMaxOwners: { nb: 'Flest eiere i ett kontor', en: 'Most owners of one office' },
  cmpCrossingCounty: { nb: 'Kontor over fylkesgrense', en: 'Offices across a county line' },
  cmpInformal: { nb: 'Uformelle samarbeid', en: 'Informal cooperations' },
  cmpUnknownLegalForm: { nb: 'Delte kontor med ukjent juridisk form', en: 'Shared offices of unknown legal form' },
  cmpEstimatedPairs: { nb: 'Estimerte reisetider', en: 'Estimated travel times' },
  cmpEstimatedOver60: { nb: 'Estimerte reisetider over 60 min', en: 'Estimated travel times over 60 min' },
  cmpEstimatedStaffing: { nb: 'Estimert bemanning', en: 'Estimated staffing' },
  unitBest: { nb: '1 = best', en: '1 = best' },
  unitYesNo: { nb: 'ja/nei', en: 'yes/no' },
  unitScale: { nb: '0–100', en: '0–100' },
  unitOffices: { nb: 'kontor', en: 'offices' },
  unitMunicipalities: { nb: 'kommuner', en: 'municipalities' },
  unitFte: { nb: 'årsverk', en: 'FTE' },
  unitShareOfDays: { nb: 'andel dager', en: 'share of days' },
  unitMinutes: { nb: 'min', en: 'min' },
  unitInhabitants: { nb: 'innb.', en: 'inhab.' },
  unitMinutesPerWeek: { nb: 'min/uke', en: 'min/week' },
  unitRegions: { nb: 'regioner', en: 'regions' },
  unitPairs: { nb: 'par', en: 'pairs' },

  // Cost keys and their drivers (src/costkeys), and the costs command's lines.
  keyEqual: { nb: 'like deler', en: 'equal shares' },
  keyPerCapita: { nb: 'per innbygger', en: 'per inhabitant' },
  keyPerUser: { nb: 'per sosialhjelpsmottaker', en: 'per social assistance recipient' },
  keyPerSpending: { nb: 'etter sosialhjelpsutgifter', en: 'by social assistance spending' },
  keyPerFte: { nb: 'etter kommunale årsverk', en: 'by municipal FTE' },
  keyFixedPlus: { nb: 'fast andel + variabel del', en: 'fixed share + variable part' },
  keyMix: { nb: 'blandet nøkkel', en: 'mixed key' },
  keyOwnCost: { nb: 'krone for krone', en: 'krone for krone (each its own cost)' },
  keyPooled: { nb: 'felles budsjett (alt per innbygger)', en: 'common budget (all per inhabitant)' },
  keyFixedPlusLabel: { nb: '{percent} % likt + resten etter {driver}', en: '{percent}% equal + the rest by {driver}' },
  keyMixLabel: { nb: 'blandet: {weights}', en: 'mixed: {weights}' },
  driverPopulation: { nb: 'folketall', en: 'population' },
  driverUsers: { nb: 'sosialhjelpsmottakere', en: 'social assistance recipients' },
  driverSpending: { nb: 'sosialhjelpsutgifter', en: 'social assistance spending' },
  driverFte: { nb: 'kommunale årsverk', en: 'municipal FTE' },
  costsHeadline: {
    nb: '{office} i «{scenario}» – {key}: {total} kr i alt, {keyed} kr fordelt etter nøkkelen.',
    en: '{office} in "{scenario}" – {key}: NOK {total} in all, NOK {keyed} split by the key.',
  },
  costsDefaultPerFte: {
    nb: 'Kostnad per kommunalt årsverk: {kr} kr (antatt; oppgi --cost-per-fte eller en kolonne i Bemanning).',
    en: 'Cost per municipal FTE: NOK {kr} (assumed; give --cost-per-fte or a column in Bemanning).',
  },
  costsColumns: {
    nb: 'Kommune|Beløp (kr)|Andel|Kr/innb.|Egen drift|Endring',
    en: 'Municipality|Amount (NOK)|Share|NOK/inhab.|On its own|Change',
  },
  costsMadeOf: { nb: 'Hva kostnaden består av:', en: 'What the cost is made of:' },
  costsSalary: { nb: 'Lønn {name}', en: 'Salaries {name}' },
  costsSalaryLine: { nb: '({fte} årsverk × {kr})', en: '({fte} FTE × {kr})' },
  costsSalaryTotal: { nb: 'Lønn kommunale årsverk i alt', en: 'Salaries of municipal FTE in all' },
  costsPaidBy: { nb: ' betales av {name}', en: ' paid by {name}' },
  costsStatePart: { nb: ', staten {state} av {amount}', en: ', the state {state} of {amount}' },
  costsMunicipalPart: { nb: '(kommunenes del{state}{who})', en: "(the municipalities' part{state}{who})" },
  costsMunicipalTotal: { nb: 'Kommunene i alt', en: 'The municipalities in all' },
  costsStateTotal: { nb: 'Staten av linjene (utenfor nøklene)', en: "The state's part of the lines (outside the keys)" },
  costsPool: { nb: 'Sosialhjelp i felles pott ({pot} kr, {key}):', en: 'Social assistance in a common pool (NOK {pot}, {key}):' },
  costsPoolRow: {
    nb: '  {name} betaler {pays}, eget forbruk {own}, netto {net}',
    en: '  {name} pays {pays}, own spending {own}, net {net}',
  },
  costsPhaseIn: { nb: 'Innfasing ({steps}):', en: 'Phase-in ({steps}):' },

  // travel --accuracy.
  accuracyToi: {
    nb: 'Reisetidsestimatet mot TØIs bilreisetider ({pairs} par, hvert par spådd av en tilpasning til de andre):',
    en: "The travel estimate against TØI's car travel times ({pairs} pairs, each predicted by a fit to the others):",
  },
  accuracyToiErrors: {
    nb: '  median feil {median} min, 90-persentil {p90} min, median {percent} %',
    en: '  median error {median} min, 90th percentile {p90} min, median {percent}%',
  },
  accuracyWithin: {
    nb: 'Reisetid i kommunen mot TØIs egenregion-tider ({points} kommuner): median feil {median} min, 90-persentil {p90} min',
    en: "Travel within the municipality against TØI's own-region times ({points} municipalities): median error {median} min, 90th percentile {p90} min",
  },
  accuracyPublished: {
    nb: 'Mot publiserte kjøretider (aldri brukt i tilpasningen; mål: median ≤ {median} %, 90-persentil ≤ {p90} %):',
    en: 'Against published drive times (never used in the fit; targets: median ≤ {median}%, 90th percentile ≤ {p90}%):',
  },
  accuracyColumns: {
    nb: '  lengde          par  median min  p90 min  median %  p90 %  skjevhet %  mål',
    en: '  length        pairs  median min  p90 min  median %  p90 %    bias %  target',
  },
  accuracyPrecision: {
    nb: '  Etter hvordan kilden oppgir tallet: hele timer («omtrent en time», «to timer») kan bomme en halvtime hver vei:',
    en: '  By how the source gives the figure: whole hours ("about an hour", "two hours") may be half an hour out either way:',
  },
  accuracyPrecisionColumns: {
    nb: '  lengde       hele timer  median %  p90 %  finere  median %  p90 %',
    en: '  length       whole hours median %  p90 %  finer   median %  p90 %',
  },
  targetMet: { nb: 'nådd', en: 'met' },
  targetMissed: { nb: 'ikke nådd', en: 'not met' },
  accuracyKm: {
    nb: '  vegavstand: {pairs} par, median feil {median} %, 90-persentil {p90} %',
    en: '  road distance: {pairs} pairs, median error {median}%, 90th percentile {p90}%',
  },

  // A scenario's sheet (KP <scenario>) and Sammenligning.
  scTitle: { nb: 'Scenario: {name}', en: 'Scenario: {name}' },
  scTotals: {
    nb: '{offices} kontor, {population} innbyggere. Laget av Kontorplan; arket erstattes ved neste kjøring.',
    en: '{offices} offices, {population} inhabitants. Made by Kontorplan; the sheet is replaced on the next run.',
  },
  scRank: {
    nb: 'Rangering {rank}: {verdict}. Karakter {rating} av 100 befolkningsvektet, {perMunicipality} per kommune (0 for kontor som bryter krav; se Sammenligning for vekter og hva karakteren betyr).',
    en: 'Rank {rank}: {verdict}. Rating {rating} of 100 population-weighted, {perMunicipality} per municipality (0 for offices that break a rule; see Sammenligning for the weights and what the rating means).',
  },
  scUnknownForm: {
    nb: 'tillatt på kravene, men {count} delte kontor har ukjent juridisk form: kontroller at det finnes vertskommuneavtale',
    en: 'admissible on the rules, but {count} shared offices are of unknown legal form: check that there is a host agreement',
  },
  scAdmissible: {
    nb: 'tillatt (alle kontor holder kravene og har vertskommuneavtale der de deles)',
    en: 'admissible (every office meets the rules and has a host agreement where shared)',
  },
  scInadmissible: {
    nb: 'ikke tillatt, {count} brudd (tabellen «Brudd på krav» nedenfor)',
    en: 'not admissible, {count} breaches (the table "Breaches of rules" below)',
  },
  tOffices: { nb: 'Kontor', en: 'Offices' },
  tMembers: { nb: 'Medlemmer', en: 'Members' },
  tVersus: { nb: 'Kommunene mot {baseline}', en: 'The municipalities against {baseline}' },
  tBreachesNone: { nb: 'Brudd på krav: ingen, scenarioet er tillatt', en: 'Breaches of rules: none, the scenario is admissible' },
  tBreaches: { nb: 'Brudd på krav (per kommune)', en: 'Breaches of rules (per municipality)' },
  hFteEstimated: { nb: 'Årsverk estimert', en: 'FTE estimated' },
  hShareOver: { nb: 'Andel over {minutes} min', en: 'Share over {minutes} min' },
  hEstimatedTravel: { nb: 'Estimerte reisetider', en: 'Estimated travel times' },
  hBaRegions: { nb: 'BA-regioner', en: 'BA regions' },
  hCrossesCounty: { nb: 'Krysser fylkesgrense', en: 'Crosses a county line' },
  hAgreement: { nb: 'Avtale', en: 'Agreement' },
  hMinFte: { nb: 'Min. årsverk ({limit})', en: 'Min. FTE ({limit})' },
  hMaxTravel: { nb: 'Maks reisetid uten lokal tjeneste ({limit})', en: 'Max travel without local service ({limit})' },
  hSameBa: { nb: 'Samme BA-region', en: 'Same BA region' },
  hMaxOwners: { nb: 'Maks eiere ({limit})', en: 'Max owners ({limit})' },
  hAllRules: { nb: 'Alle krav', en: 'All rules' },
  hOfficeHost: { nb: 'Kontor (vert)', en: 'Office (host)' },
  hRole: { nb: 'Rolle', en: 'Role' },
  hInhabitants: { nb: 'Innbyggere', en: 'Inhabitants' },
  hTravelToHost: { nb: 'Reisetid til vert (min)', en: 'Travel to host (min)' },
  hTravelSource: { nb: 'Kilde reisetid', en: 'Travel source' },
  hWithin: { nb: 'Reisetid i kommunen (min)', en: 'Travel within the municipality (min)' },
  hWithinSource: { nb: 'Kilde reisetid i kommunen', en: 'Source of travel within' },
  hUserBurden: { nb: 'Brukernes reisebyrde (min)', en: "Users' travel burden (min)" },
  hStaffTravel: { nb: 'Ansattreiser (min/uke)', en: 'Staff travel (min/week)' },
  hFte: { nb: 'Årsverk', en: 'FTE' },
  hFteSource: { nb: 'Kilde årsverk', en: 'FTE source' },
  hBaRegion: { nb: 'BA-region', en: 'BA region' },
  hBaRegionName: { nb: 'BA-regionnavn', en: 'BA region name' },
  hRoleBefore: { nb: 'Rolle før', en: 'Role before' },
  hRoleNow: { nb: 'Rolle nå', en: 'Role now' },
  hHostBefore: { nb: 'Kontor (vert) før', en: 'Office (host) before' },
  hHostNow: { nb: 'Kontor (vert) nå', en: 'Office (host) now' },
  hAccessBefore: { nb: 'Brukernes reisetid før (min)', en: "Users' travel before (min)" },
  hAccessNow: { nb: 'Brukernes reisetid nå (min)', en: "Users' travel now (min)" },
  hChange: { nb: 'Endring (min)', en: 'Change (min)' },
  hFullBefore: { nb: 'Reisetid til fullt kontor før (min)', en: 'Travel to a full office before (min)' },
  hFullNow: { nb: 'Reisetid til fullt kontor nå (min)', en: 'Travel to a full office now (min)' },
  hDaysBefore: { nb: 'Lokale åpningsdager før', en: 'Local opening days before' },
  hDaysNow: { nb: 'Lokale åpningsdager nå', en: 'Local opening days now' },
  hStationedBefore: { nb: 'Årsverk stasjonert før (anslag)', en: 'FTE stationed before (estimate)' },
  hStationedNow: { nb: 'Årsverk stasjonert nå (anslag)', en: 'FTE stationed now (estimate)' },
  hBreaks: { nb: 'Bryter krav', en: 'Breaks rules' },
  hWorseOff: { nb: 'Verre stilt', en: 'Worse off' },
  hOffice: { nb: 'Kontor', en: 'Office' },
  hRule: { nb: 'Krav', en: 'Rule' },
  hValue: { nb: 'Verdi', en: 'Value' },
  hLimit: { nb: 'Grense', en: 'Limit' },
  hExplanation: { nb: 'Forklaring', en: 'Explanation' },
  indexHeader: { nb: 'Samlet karakter (0–100; 0 = bryter krav)', en: 'Overall rating (0–100; 0 = breaks a rule)' },
  informalWord: { nb: 'UFORMELT', en: 'INFORMAL' },
  unknownWord: { nb: 'ukjent', en: 'unknown' },
  mergedWord: { nb: 'sammenslått', en: 'merged' },
  stateOnlyWord: { nb: 'kun statlig', en: 'state only' },
  agreementWord: { nb: 'avtale', en: 'agreement' },

  // The rest of Sammenligning.
  cmpHeading: {
    nb: 'Scenarier side om side. Rangering: først de tillatte (alle kontor holder kravene og har avtale), så de med færrest brudd, deretter etter karakter (0–100, høyere er bedre; se docs/scoring.md). Et scenario som ikke er tillatt, rangeres alltid etter alle tillatte, uansett karakter.',
    en: 'Scenarios side by side. Ranking: first the admissible (every office meets the rules and has an agreement), then those with the fewest breaches, then by rating (0–100, higher is better; see docs/scoring.md). A scenario that is not admissible always ranks after every admissible one, whatever its rating.',
  },
  cmpBaseline: {
    nb: 'Grunnlaget kommunene sammenlignes med: «{baseline}» (verre stilt: brukernes reisetid over {minutes} min lengre eller færre lokale åpningsdager; se hvert scenarios tabell «Kommunene mot …»).',
    en: 'The baseline the municipalities are compared with: "{baseline}" (worse off: users\' travel over {minutes} min longer or fewer local opening days; see each scenario\'s table "The municipalities against …").',
  },
  cmpChart: { nb: 'Scenarier: antall kontor mot reisetid', en: 'Scenarios: number of offices against travel' },
  cmpMeasure: { nb: 'Mål', en: 'Measure' },
  cmpUnit: { nb: 'Enhet', en: 'Unit' },
  cmpPointsTitle: { nb: 'Scenarier som punkter (diagrammet til høyre)', en: 'Scenarios as points (the chart on the right)' },
  cmpRatingBreach: { nb: 'Karakter (0–100; 0 = brudd)', en: 'Rating (0–100; 0 = breach)' },
  cmpAdmissibleShort: { nb: 'Tillatt', en: 'Admissible' },
  cmpRankTitle: {
    nb: 'Rangering: tillatte scenarier først, så færrest brudd, deretter karakter; hvorfor et scenario ikke er tillatt',
    en: 'Ranking: admissible scenarios first, then the fewest breaches, then rating; why a scenario is not admissible',
  },
  cmpMunicipalitiesBreaching: { nb: 'Kommuner med brudd', en: 'Municipalities with breaches' },
  cmpWhyNot: { nb: 'Hvorfor ikke tillatt', en: 'Why not admissible' },
  cmpWeightsTitle: {
    nb: 'Vekter og skalaer: karakteren er 0 ved verste ende og 100 ved beste, rett linje mellom; endre dem i et eget ark «Vekter» (docs/scoring.md)',
    en: 'Weights and scales: the rating is 0 at the worst end and 100 at the best, a straight line between; change them in a sheet of your own named "Vekter" (docs/scoring.md)',
  },
  cmpBetterWhen: { nb: 'Bedre når', en: 'Better when' },
  cmpWorstEnd: { nb: 'Verste ende (0)', en: 'Worst end (0)' },
  cmpBestEnd: { nb: 'Beste ende (100)', en: 'Best end (100)' },
  cmpWeight: { nb: 'Vekt', en: 'Weight' },
  cmpDefaultWeight: { nb: 'Standardvekt', en: 'Default weight' },
  cmpScaleSource: { nb: 'Kilde for skalaen', en: 'Source of the scale' },
  cmpHalved: { nb: 'Vekten halvert: endrer rekkefølgen', en: 'Weight halved: changes the order' },
  cmpDoubled: { nb: 'Vekten doblet: endrer rekkefølgen', en: 'Weight doubled: changes the order' },
  higher: { nb: 'høyere', en: 'higher' },
  lower: { nb: 'lavere', en: 'lower' },
  sourced: { nb: 'kilde', en: 'source' },
  assumption: { nb: 'antakelse', en: 'assumption' },
  rulesLine: { nb: 'Krav: {rules}.', en: 'Rules: {rules}.' },
  rifMinFte: { nb: 'minst {fte} årsverk per kontor', en: 'at least {fte} FTE per office' },
  rifMaxTravel: {
    nb: 'høyst {minutes} min reisetid på dager uten lokal tjeneste',
    en: 'at most {minutes} min travel on days without a local service',
  },
  rifMaxOwners: { nb: 'høyst {owners} eiere', en: 'at most {owners} owners' },
  rifAgreement: { nb: 'vertskommuneavtale der kontoret deles', en: 'a host agreement where the office is shared' },
  cmpId: { nb: 'Id', en: 'Id' },
} as const satisfies Record<string, Template>;

export type MessageCode = keyof typeof MESSAGES;

/** Codes whose English and Norwegian texts are rightly the same. */
export const SAME_IN_BOTH: ReadonlySet<string> = new Set<string>([
  'csParameter',
  'isoLimit',
  'colScenario',
  'colStatus',
  'colVia',
  'travelLongItem',
  'alternativeName',
  'unitBest',
  'unitScale',
  'unitMinutes',
  'scTitle',
  'cmpId',
]);

/** A parameter: a value, or a text of its own in both languages. */
export type MessageParam = string | number | Template;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export function message(code: MessageCode, params: MessageParams = {}, lang: Language = 'nb'): string {
  const resolved = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return fill(MESSAGES[code][lang], resolved);
}

/** An error whose text is a catalogue message: a shell says it in the user's language with `textOf`. */
export type Coded = Readonly<{ code: MessageCode; params: MessageParams }>;

/**
 * An error of the engine's own class (so callers still catch it by class) whose message is the
 * catalogue's `code` in Norwegian, carrying the code and parameters for the user's language.
 */
export function coded<E extends Error>(make: (text: string) => E, code: MessageCode, params: MessageParams = {}): E & Coded {
  return Object.assign(make(message(code, params, 'nb')), { code, params });
}

/** An error's text in the user's language: its catalogue message when it has one, else its own. */
export function textOf(e: Error, lang: Language): string {
  const c = e as Partial<Coded>;
  return typeof c.code === 'string' && c.code in MESSAGES ? message(c.code, c.params ?? {}, lang) : e.message;
}

/** The optimiser's names for what a municipality number was given for, in English. */
export const REQUEST_WHAT_EN: Readonly<Record<string, string>> = {
  'låst kommune': 'locked municipality',
  'vertskommune for låst kommune': 'host of a locked municipality',
  'påkrevd vertskommune': 'required host',
  'utelukket vertskommune': 'ruled-out host',
};
