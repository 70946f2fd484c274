import { DEFAULT_COST_PER_FTE } from '../app/shared';
import { DEFAULT_PARAMETERS as D } from '../domain/parameters';
import type { Template } from '../io/messages';
import type { Language } from '../io/problems';

/**
 * The manual of the command line, in Norwegian and English: each command's usage lines and the
 * option sections it takes. `kontorplan CMD --help` prints that command's part, `kontorplan
 * help` all of it. Every text here is a template of the catalogue (test/cli/messages.test.ts).
 */

export type Command = 'sample' | 'plan' | 'travel' | 'optimize' | 'costs';

type Row = readonly [flag: string, text: Template];
type Section = Readonly<{ title: Template; rows: readonly Row[] }>;

const nbNum = (x: number): string => String(x).replace('.', ',');
const sameNum = (x: number): string => String(x);
/** A row whose text has a default: Norwegian decimal comma, English decimal point. */
const t = (nb: (n: (x: number) => string) => string, en: (n: (x: number) => string) => string): Template => ({
  nb: nb(nbNum),
  en: en(sameNum),
});
const kr = (x: number, lang: Language): string => x.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO');

const USAGE: Record<Command, readonly Row[]> = {
  sample: [
    [
      'kontorplan sample --county NN --out FIL.xlsx',
      { nb: 'eksempelarbeidsbok for ett fylke (f.eks. 18 = Nordland)', en: 'sample workbook for one county (e.g. 18 = Nordland)' },
    ],
    ['kontorplan sample --all --out FIL.xlsx', { nb: 'eksempelarbeidsbok for hele landet', en: 'sample workbook for the whole country' }],
  ],
  plan: [
    [
      'kontorplan plan INN.xlsx --out UT.xlsx [valg]',
      { nb: 'vurder alle scenarier i arket Scenarier', en: 'score every scenario in the sheet Scenarier' },
    ],
  ],
  travel: [
    [
      'kontorplan travel INN.xlsx --out UT.xlsx',
      { nb: 'fyll ut reisetid for alle par og kontroller de oppgitte', en: 'fill in travel times for every pair and check the given ones' },
    ],
    [
      'kontorplan travel --accuracy [--json|--markdown]',
      {
        nb: 'hvor godt estimatet treffer TØIs tider og publiserte kjøretider, etter turlengde',
        en: 'how well the estimate meets TØI’s times and published drive times, by trip length',
      },
    ],
  ],
  optimize: [
    [
      'kontorplan optimize INN.xlsx --out UT.xlsx (--offices N | --office-cost MIN) [valg]',
      {
        nb: 'beste kontorstruktur under kravene, med avveiingskurve',
        en: 'the best office structure under the rules, with the trade-off curve',
      },
    ],
  ],
  costs: [
    [
      'kontorplan costs INN.xlsx --scenario NAVN|NR --office VERT --key NØKKEL --out UT.xlsx [valg]',
      { nb: 'hva hver kommune betaler, som formler i arket', en: 'what each municipality pays, as formulas in the sheet' },
    ],
  ],
};

const LANG_ROW: Row = [
  '--lang nb|en',
  { nb: 'språk for meldinger, ark og hjelp (standard nb)', en: 'language of messages, sheets and help (default nb)' },
];
const JSON_ROW: Row = ['--json', { nb: 'skriv resultatet som JSON på standard ut', en: 'write the result as JSON to standard output' }];

const PLAN: Section = {
  title: { nb: 'Valg for plan', en: 'Options for plan' },
  rows: [
    JSON_ROW,
    ['--min-fte N', { nb: 'minste antall årsverk per kontor (standard 10)', en: 'fewest FTE per office (default 10)' }],
    [
      '--max-travel MIN',
      {
        nb: 'lengste reisetid til verten på dager uten lokal tjeneste (standard 90; et fullt lokalkontor er unntatt)',
        en: 'longest travel to the host on days without a local service (default 90; a full local office is exempt)',
      },
    ],
    ['--max-owners N', { nb: 'flest eierkommuner per kontor (standard 5)', en: 'most owner municipalities per office (default 5)' }],
    [
      '--same-ba',
      {
        nb: 'krev at alle kommuner i et kontor er i vertens BA-region',
        en: 'require every municipality of an office to be in its host’s BA region',
      },
    ],
    [
      '--staff-fixed A',
      t(
        (n) => `bemanning der den mangler: A per kontor (standard ${n(D.staffFixed)})...`,
        (n) => `staffing where it is missing: A per office (default ${n(D.staffFixed)})...`,
      ),
    ],
    [
      '--fte-per-1000 X',
      t(
        (n) => `...pluss X per 1 000 innbyggere (standard ${n(D.staffPer1000)}; alene: flatt X per 1 000)`,
        (n) => `...plus X per 1,000 inhabitants (default ${n(D.staffPer1000)}; alone: a flat X per 1,000)`,
      ),
    ],
    [
      '--municipal-share S',
      t(
        (n) => `kommunal andel der fordelingen mangler (standard ${n(D.municipalShareOfFte)}, antatt)`,
        (n) => `municipal share where the split is missing (default ${n(D.municipalShareOfFte)}, assumed)`,
      ),
    ],
    [
      '--k N --absence A',
      {
        nb: 'sårbarhet: dager med færre enn N til stede, fravær A (standard 2 og 0,15)',
        en: 'vulnerability: days with fewer than N present, absence A (default 2 and 0.15)',
      },
    ],
    [
      '--meeting-room-days D',
      {
        nb: 'hvor mange åpningsdager et møterom er verdt (standard 0,5)',
        en: 'how many opening days a meeting room is worth (default 0.5)',
      },
    ],
    LANG_ROW,
  ],
};

const SITES: Section = {
  title: {
    nb: 'Valg for tjenestesteder (plan regner kostnaden, optimize veier den mot brukernes tid; se docs/scoring.md)',
    en: 'Options for service points (plan computes the cost, optimize weighs it against users’ time; see docs/scoring.md)',
  },
  rows: [
    [
      '--premises-meeting KR',
      t(
        () => `lokaler for et møterom i året (standard ${D.sitePremisesKr.meeting}, antatt)`,
        () => `premises for a meeting room per year (default ${D.sitePremisesKr.meeting}, assumed)`,
      ),
    ],
    [
      '--premises-branch KR',
      t(
        () => `lokaler for en deltidsavdeling i året (standard ${D.sitePremisesKr.branch}, antatt)`,
        () => `premises for a part-time branch per year (default ${D.sitePremisesKr.branch}, assumed)`,
      ),
    ],
    [
      '--premises-office KR',
      t(
        () =>
          `lokaler for et fullt lokalkontor i året (standard ${D.sitePremisesKr.full}, antatt; Bemanningens lokalkostnad gjelder der den er oppgitt)`,
        () =>
          `premises for a full local office per year (default ${D.sitePremisesKr.full}, assumed; Bemanning's premises cost applies where given)`,
      ),
    ],
    [
      '--staff-kr-per-hour KR',
      t(
        () => `ansattes kostnad per reisetime (standard ${D.staffKrPerHour}, antatt)`,
        () => `staff cost per hour of travel (default ${D.staffKrPerHour}, assumed)`,
      ),
    ],
    [
      '--work-weeks N',
      t(
        () => `arbeidsuker i året (standard ${D.workWeeksPerYear}, antatt)`,
        () => `working weeks per year (default ${D.workWeeksPerYear}, assumed)`,
      ),
    ],
    [
      '--user-kr-per-minute KR',
      t(
        (n) => `brukernes tid, kr per minutt (standard ${n(D.userTimeKrPerMinute)}: TØIs 72 kr/t for private bilreiser)`,
        (n) => `users’ time, NOK per minute (default ${n(D.userTimeKrPerMinute)}: TØI’s NOK 72/h for private car trips)`,
      ),
    ],
    [
      '--visits-per-inhabitant N',
      t(
        (n) => `besøk på NAV-kontoret per innbygger i året (standard ${n(D.visitsPerInhabitantPerYear)}, antatt)`,
        (n) => `visits to the NAV office per inhabitant per year (default ${n(D.visitsPerInhabitantPerYear)}, assumed)`,
      ),
    ],
    [
      '--branch-days D',
      t(
        (n) => `åpningsdager for avdelingen optimize kan foreslå (standard ${n(D.optimiserBranchDays)})`,
        (n) => `opening days of the branch optimize may propose (default ${n(D.optimiserBranchDays)})`,
      ),
    ],
    [
      '--max-travel-local MIN',
      t(
        () => `lengste reise til verten for en kommune med fullt lokalkontor (standard ${D.maxTravelWithLocalOffice}, antatt)`,
        () => `longest travel to the host for a municipality with a full local office (default ${D.maxTravelWithLocalOffice}, assumed)`,
      ),
    ],
  ],
};

const TRAVEL: Section = {
  title: {
    nb: 'Valg for reisetidsestimatet (plan, travel og sample; se docs/travel.md)',
    en: 'Options for the travel-time estimate (plan, travel and sample; see docs/travel.md)',
  },
  rows: [
    [
      '--travel-fixed MIN',
      t(
        (n) => `faste minutter per reise (standard ${n(D.estimateFixedMinutes)})`,
        (n) => `fixed minutes per trip (default ${n(D.estimateFixedMinutes)})`,
      ),
    ],
    [
      '--detour F',
      t(
        (n) => `omvegsfaktor, veglengde mot stien over land (standard ${n(D.detourFactor)})`,
        (n) => `detour factor, road length over the overland path (default ${n(D.detourFactor)})`,
      ),
    ],
    [
      '--road-speed KMH',
      t(
        (n) => `én fart for hele landet i stedet for fylkenes tilpassede (standard ${n(D.roadSpeedKmh)})`,
        (n) => `one speed for the whole country instead of the counties’ fitted ones (default ${n(D.roadSpeedKmh)})`,
      ),
    ],
    [
      '--ferry-wait-share S',
      t(
        (n) => `venting på ferje som andel av tiden mellom avganger (standard ${n(D.ferryWaitShare)})`,
        (n) => `waiting for a ferry as a share of the time between departures (default ${n(D.ferryWaitShare)})`,
      ),
    ],
    [
      '--ferry-wait-cap MIN',
      t(
        (n) => `lengste venting på ferje (standard ${n(D.ferryWaitCapMinutes)})`,
        (n) => `longest wait for a ferry (default ${n(D.ferryWaitCapMinutes)})`,
      ),
    ],
    [
      '--empty-speed KMH',
      t(
        (n) => `fart på veg gjennom ubebodd land: fjell, vidde (standard ${n(D.emptyLandSpeedKmh)})`,
        (n) => `speed on roads through uninhabited land: mountains, plateaus (default ${n(D.emptyLandSpeedKmh)})`,
      ),
    ],
    [
      '--trunk-speed KMH',
      t(
        (n) => `fart på europa- og riksveger gjennom bebodd land (standard ${n(D.trunkRoadSpeedKmh)})`,
        (n) => `speed on European and national roads through inhabited land (default ${n(D.trunkRoadSpeedKmh)})`,
      ),
    ],
    [
      '--motorway-speed KMH',
      t(
        (n) => `fart på motorveg (standard ${n(D.motorwaySpeedKmh)})`,
        (n) => `speed on motorways (default ${n(D.motorwaySpeedKmh)})`,
      ),
    ],
    [
      '--ferry-speed KMH',
      t(
        (n) => `ferjens fart over sjøen, for vegen til og fra kaiene (standard ${n(D.ferrySailingSpeedKmh)})`,
        (n) => `the ferry’s speed at sea, for the way to and from the quays (default ${n(D.ferrySailingSpeedKmh)})`,
      ),
    ],
    [
      '--boat-speed KMH',
      t(
        (n) => `hurtigbåtens fart over sjøen (standard ${n(D.fastBoatSailingSpeedKmh)})`,
        (n) => `the fast boat’s speed at sea (default ${n(D.fastBoatSailingSpeedKmh)})`,
      ),
    ],
    [
      '--within-fixed MIN',
      t(
        (n) => `reisetid i kommunen: faste minutter (standard ${n(D.withinFixedMinutes)})`,
        (n) => `travel within the municipality: fixed minutes (default ${n(D.withinFixedMinutes)})`,
      ),
    ],
    [
      '--within-per-km MIN',
      t(
        (n) => `reisetid i kommunen: minutter per km innbyggerne bor fra senteret (standard ${n(D.withinMinutesPerKm)})`,
        (n) => `travel within the municipality: minutes per km the inhabitants live from the centre (default ${n(D.withinMinutesPerKm)})`,
      ),
    ],
  ],
};

const SAMPLE: Section = {
  title: { nb: 'Valg for sample', en: 'Options for sample' },
  rows: [
    ['--county NN', { nb: 'fylkesnummeret i 2024-inndelingen', en: 'the county number in the 2024 division' }],
    ['--all', { nb: 'alle kommuner i landet', en: 'every municipality in the country' }],
    ['--out FIL.xlsx', { nb: 'filen som skrives', en: 'the file written' }],
    LANG_ROW,
  ],
};

const TRAVEL_CMD: Section = {
  title: { nb: 'Valg for travel', en: 'Options for travel' },
  rows: [
    [
      '--accuracy',
      {
        nb: 'mål estimatet mot de innebygde tidene i stedet for å lese en arbeidsbok',
        en: 'measure the estimate against the embedded times instead of reading a workbook',
      },
    ],
    ['--json', { nb: 'skriv tallene som JSON på standard ut', en: 'write the figures as JSON to standard output' }],
    [
      '--markdown',
      { nb: 'skriv målingen som Markdown-tabell (med --accuracy)', en: 'write the measurement as a Markdown table (with --accuracy)' },
    ],
    LANG_ROW,
  ],
};

const OPTIMIZE: Section = {
  title: {
    nb: 'Valg for optimize (i tillegg til --min-fte, --max-travel, --max-owners, --same-ba og reisetidsvalgene)',
    en: 'Options for optimize (besides --min-fte, --max-travel, --max-owners, --same-ba and the travel options)',
  },
  rows: [
    ['--offices N', { nb: 'nøyaktig N kontor', en: 'exactly N offices' }],
    [
      '--office-cost MIN',
      {
        nb: 'la kostnaden avgjøre antallet: et kontor må spare innbyggerne MIN minutter i snitt',
        en: 'let the cost decide the number: an office must save the inhabitants MIN minutes on average',
      },
    ],
    [
      '--ba-penalty MIN',
      {
        nb: 'straff per ekstra kontor en BA-region deles på, i minutter snittreisetid (standard 0)',
        en: 'penalty per extra office a BA region is split across, in minutes of mean travel (default 0)',
      },
    ],
    ['--host KNR,KNR', { nb: 'kommuner som skal være vertskommune', en: 'municipalities that must be hosts' }],
    ['--not-host KNR,KNR', { nb: 'kommuner som ikke kan være vertskommune', en: 'municipalities that cannot be hosts' }],
    [
      '--lock KNR=VERT,…',
      { nb: 'kommuner som skal høre til en bestemt vertskommune', en: 'municipalities that must belong to a given host' },
    ],
    [
      '--time-limit S',
      { nb: 'tidsgrense i sekunder for hver eksakte løsning (standard 60)', en: 'time limit in seconds for each exact solve (default 60)' },
    ],
    [
      '--heuristic',
      { nb: 'bare den raske heuristikken (uten bevis for optimalitet)', en: 'only the fast heuristic (without proof of optimality)' },
    ],
    [
      '--alternatives K',
      { nb: 'finn inntil K andre strukturer nær den beste (standard 2)', en: 'find up to K other structures near the best (default 2)' },
    ],
    [
      '--within PROSENT',
      {
        nb: 'hvor langt fra den beste et alternativ kan være (standard 1)',
        en: 'how far from the best an alternative may be, in per cent (default 1)',
      },
    ],
    [
      '--sweep FRA-TIL|none',
      {
        nb: 'antall kontor i avveiingskurven (standard inntil 9 verdier rundt løsningen)',
        en: 'office counts of the trade-off curve (default up to 9 values around the solution)',
      },
    ],
    [
      '--sweep-time-limit S',
      {
        nb: 'tidsgrense per punkt i kurven (standard den minste av --time-limit og 20)',
        en: 'time limit per point of the curve (default the smaller of --time-limit and 20)',
      },
    ],
    [
      '--no-service-points',
      {
        nb: 'velg ikke tjenestesteder: alle samarbeidskommuner reiser til verten (modellen før tjenestesteder)',
        en: 'choose no service points: every partner municipality travels to the host (the model before service points)',
      },
    ],
    [
      '--keep-locations',
      {
        nb: 'legg ikke ned noe tjenestested dagens struktur har (arket Kontorer): like mange åpningsdager eller flere',
        en: 'close no service point today’s structure has (the sheet Kontorer): as many opening days or more',
      },
    ],
    [
      '--keep-existing',
      {
        nb: 'behold dagens samarbeid (arket Kontorer): hver kommune i et delt kontor låst til sin vertskommune',
        en: 'keep today’s cooperations (the sheet Kontorer): each municipality of a shared office locked to its host',
      },
    ],
    [
      '--any-host',
      {
        nb: 'la en mindre kommune være vert for en større (standard: verten er kontorets største kommune, slik som i alle samarbeidene forskningen beskriver)',
        en: 'let a smaller municipality host a larger one (default: the host is the office’s most populous, as in every cooperation the research describes)',
      },
    ],
    [
      '--sweep-site-cost F,F',
      {
        nb: 'avveiing mot kostnaden for tjenestesteder: løs på nytt med kostnaden ganget med hver F (f.eks. 0.5,2), skrevet til «KP Avveiing tjenestesteder»',
        en: 'trade-off against the cost of service points: solve again with the cost times each F (e.g. 0.5,2), written to "KP Avveiing tjenestesteder"',
      },
    ],
    [
      '--require-given-over MIN',
      {
        nb: 'optimaliser ikke på estimerte reisetider over MIN minutter: skriv parene som må oppgis til arket «KP Reisetid å oppgi» i --out, og avslutt med kode 1',
        en: 'do not optimise on estimated travel times over MIN minutes: write the pairs to be given to the sheet "KP Reisetid å oppgi" in --out, and exit with code 1',
      },
    ],
    [
      '--json',
      {
        nb: 'skriv { status, objective, bound, gap, seconds, travelBasis, siteCost, offices, isolated } på standard ut',
        en: 'write { status, objective, bound, gap, seconds, travelBasis, siteCost, offices, isolated } to standard output',
      },
    ],
    LANG_ROW,
  ],
};

const KEYS: Section = {
  title: { nb: 'Nøkler (--key, engelsk eller norsk)', en: 'Keys (--key, English or Norwegian)' },
  rows: [
    ['equal', { nb: 'like-deler: like store deler', en: 'like-deler: equal shares' }],
    ['per-capita', { nb: 'per-innbygger: etter folketall', en: 'per-innbygger: by population' }],
    ['per-user', { nb: 'per-mottaker: etter sosialhjelpsmottakere', en: 'per-mottaker: by social assistance recipients' }],
    ['per-spending', { nb: 'etter-utgifter: etter sosialhjelpsutgifter', en: 'etter-utgifter: by social assistance spending' }],
    ['per-fte', { nb: 'etter-arsverk: etter kommunale årsverk', en: 'etter-arsverk: by municipal FTE' }],
    ['fixed-plus', { nb: 'fast-andel: --fixed 0.2 --driver population', en: 'fast-andel (fixed share): --fixed 0.2 --driver population' }],
    ['mix', { nb: 'blandet: --weights population=0.5,users=0.5', en: 'blandet (mixed): --weights population=0.5,users=0.5' }],
    ['own-cost', { nb: 'krone-for-krone: hver betaler sitt', en: 'krone-for-krone: each pays its own' }],
    ['pooled', { nb: 'felles-budsjett: ett felles budsjett', en: 'felles-budsjett: one common budget' }],
  ],
};

const COSTS = (): Section => ({
  title: { nb: 'Valg for costs', en: 'Options for costs' },
  rows: [
    ['--scenario NAVN|NR', { nb: 'scenarioet, ved navn eller nummer i listen', en: 'the scenario, by name or number in the list' }],
    [
      '--office VERT',
      {
        nb: 'vertskommunen, ved kommunenummer eller navn (alle offisielle former)',
        en: 'the host municipality, by number or name (every official form)',
      },
    ],
    ['--key NØKKEL', { nb: 'kostnadsnøkkelen (se over; standard per-capita)', en: 'the cost key (see above; default per-capita)' }],
    [
      '--cost-per-fte KR',
      {
        nb: `kostnad per kommunalt årsverk der Bemanning ikke har egen (standard ${kr(DEFAULT_COST_PER_FTE, 'nb')})`,
        en: `cost per municipal FTE where Bemanning has none of its own (default ${kr(DEFAULT_COST_PER_FTE, 'en')})`,
      },
    ],
    [
      '--pool-social NØKKEL',
      {
        nb: 'sosialhjelp i felles pott, fordelt equal, per-capita eller per-user',
        en: 'social assistance in a common pool, split equal, per-capita or per-user',
      },
    ],
    ['--phase-in KOMMUNE', { nb: 'en kommune som fases inn ...', en: 'a municipality phased in ...' }],
    [
      '--phase ÅR=ANDEL,...',
      {
        nb: '... og andelen av full pris den betaler hvert år, 0–1 eller prosent med tegnet, f.eks. 2022=0.5,2023=75%,2024=1',
        en: '... and the share of the full price it pays each year, 0–1 or a percentage with its sign, e.g. 2022=0.5,2023=75%,2024=1',
      },
    ],
    [
      '--json',
      { nb: 'skriv { office, key, total, shares } på standard ut', en: 'write { office, key, total, shares } to standard output' },
    ],
    LANG_ROW,
  ],
});

/** The sections each command's --help shows, after its usage. */
const SECTIONS: Record<Command, () => readonly Section[]> = {
  sample: () => [SAMPLE, TRAVEL],
  plan: () => [PLAN, SITES, TRAVEL],
  travel: () => [TRAVEL_CMD, TRAVEL],
  optimize: () => [OPTIMIZE, PLAN, SITES, TRAVEL],
  costs: () => [KEYS, COSTS(), PLAN, TRAVEL],
};

const COMMANDS: readonly Command[] = ['sample', 'plan', 'travel', 'optimize', 'costs'];

/** Every template of the manual, for the catalogue's test. */
export function helpTemplates(): Template[] {
  const rows = [
    ...COMMANDS.flatMap((c) => USAGE[c]),
    ...[PLAN, SITES, TRAVEL, SAMPLE, TRAVEL_CMD, OPTIMIZE, KEYS, COSTS()].flatMap((s) => s.rows),
  ];
  const titles = [PLAN, SITES, TRAVEL, SAMPLE, TRAVEL_CMD, OPTIMIZE, KEYS, COSTS()].map((s) => s.title);
  return [...rows.map((r) => r[1]), ...titles, TITLE, FOOTER, USAGE_WORD];
}

const TITLE: Template = { nb: 'Kontorplan – planlegging av NAV-kontorstruktur', en: 'Kontorplan – planning the structure of NAV offices' };
const USAGE_WORD: Template = { nb: 'Bruk:', en: 'Usage:' };
const FOOTER: Template = {
  nb: 'Kontorplan skriver bare ark den selv har laget, og bare til filen i --out.',
  en: 'Kontorplan writes only sheets it made itself, and only to the file given in --out.',
};

/** The placeholders of the usage lines, in English. */
const PLACEHOLDERS: Record<string, string> = {
  INN: 'IN',
  UT: 'OUT',
  FIL: 'FILE',
  '[valg]': '[options]',
  NAVN: 'NAME',
  NR: 'NO',
  VERT: 'HOST',
  NØKKEL: 'KEY',
  KNR: 'MUNI',
  PROSENT: 'PERCENT',
  'FRA-TIL': 'FROM-TO',
  ÅR: 'YEAR',
  ANDEL: 'SHARE',
  KOMMUNE: 'MUNICIPALITY',
  KR: 'NOK',
};

/** A command line written with Norwegian placeholders (`INN.xlsx`, `[valg]`), in the language asked for. */
export function placeholders(s: string, lang: Language): string {
  if (lang === 'nb') return s;
  return s.replace(/\[valg\]|FRA-TIL|[A-ZÆØÅ]{2,}/g, (w) => PLACEHOLDERS[w] ?? w);
}

/** A usage line as a text in both languages. */
export const usageTemplate = (s: string): Template => ({ nb: s, en: placeholders(s, 'en') });

/** A flag and its text as two columns; a flag too long for the first column gets a line of its own... */
function rowLines(row: Row, lang: Language, width: number): string[] {
  const [rawFlag, text] = row;
  const flag = placeholders(rawFlag, lang);
  const indent = ' '.repeat(2 + width);
  const wrapped = wrap(text[lang], 110 - indent.length);
  const head = flag.length < width - 1 ? `  ${flag.padEnd(width)}${wrapped[0]}` : `  ${flag}\n${indent}${wrapped[0]}`;
  return [head, ...wrapped.slice(1).map((l) => indent + l)];
}

function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

function sectionLines(s: Section, lang: Language): string[] {
  return [`${s.title[lang]}:`, ...s.rows.flatMap((r) => rowLines(r, lang, 24))];
}

const usageLines = (c: Command, lang: Language): string[] => USAGE[c].flatMap((r) => rowLines(r, lang, 48));

/** `kontorplan CMD --help`: the command's usage and its options. */
export function commandHelp(command: Command, lang: Language): string {
  return [USAGE_WORD[lang], ...usageLines(command, lang), '', ...SECTIONS[command]().flatMap((s) => [...sectionLines(s, lang), ''])]
    .join('\n')
    .trimEnd();
}

/** `kontorplan help`: every command's usage, then each section once. */
export function fullHelp(lang: Language): string {
  const seen = new Set<string>();
  const sections = COMMANDS.flatMap((c) => SECTIONS[c]()).filter((s) => !seen.has(s.title.nb) && seen.add(s.title.nb));
  return [
    TITLE[lang],
    '',
    USAGE_WORD[lang],
    ...COMMANDS.flatMap((c) => usageLines(c, lang)),
    '',
    ...sections.flatMap((s) => [...sectionLines(s, lang), '']),
    FOOTER[lang],
  ].join('\n');
}

export function isCommand(c: string): Command | undefined {
  if (c === 'optimer') return 'optimize';
  if (c === 'kostnader') return 'costs';
  return (COMMANDS as readonly string[]).includes(c) ? (c as Command) : undefined;
}
