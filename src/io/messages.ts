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
  optionTakesNoValue: { nb: 'valget {option} tar ingen verdi', en: 'the option {option} takes no value' },
  unexpectedArgument: { nb: 'uventet argument «{value}»', en: 'unexpected argument "{value}"' },
  badArguments: { nb: 'argumentene kan ikke leses: {detail}', en: 'the arguments cannot be read: {detail}' },
  needsOneInput: { nb: '{command} trenger én inndatafil: {usage}', en: '{command} needs one input file: {usage}' },
  needsOut: { nb: '{command} trenger --out UT.xlsx', en: '{command} needs --out OUT.xlsx' },
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
    nb: 'optimize trenger enten --offices N (antall kontor) eller --office-cost MIN (kostnad per kontor), ikke begge',
    en: 'optimize needs either --offices N (number of offices) or --office-cost MIN (cost per office), not both',
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
    nb: '--phase må være ÅR=ANDEL,… med andeler 0–1 (eller prosent), ikke «{value}»',
    en: '--phase must be YEAR=SHARE,… with shares 0–1 (or percentages), not "{value}"',
  },
} as const satisfies Record<string, Template>;

export type MessageCode = keyof typeof MESSAGES;

/** Codes whose English and Norwegian texts are rightly the same. */
export const SAME_IN_BOTH: ReadonlySet<string> = new Set<string>([]);

/** A parameter: a value, or a text of its own in both languages. */
export type MessageParam = string | number | Template;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export function message(code: MessageCode, params: MessageParams = {}, lang: Language = 'nb'): string {
  const resolved = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return fill(MESSAGES[code][lang], resolved);
}
