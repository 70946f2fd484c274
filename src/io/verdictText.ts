import { message } from './messages';
/**
 * How the verdict reads: the rules' names, a breach's value against its limit, and why a
 * scenario is not admissible. Norwegian by default, English as an option.
 */
import type { Parameters } from '../domain/parameters';
import type { Language } from './problems';
import type { Breach, RuleId } from '../scoring/verdict';
import type { ScenarioScore } from '../scoring/score';
import { WORSE_OFF_MINUTES, type Role, type VersusBaseline } from '../scoring/versus';
import { metric, metricLabel } from '../scoring/metrics';
import type { WeightChange } from '../scoring/sensitivity';

type Words = Readonly<{ nb: string; en: string }>;

/** The rule, named as the sheets and the command line name it. */
export const RULE_LABELS: Readonly<Record<RuleId, Words>> = {
  minFte: { nb: 'minste årsverk', en: 'minimum FTE' },
  maxTravel: { nb: 'lengste reisetid på dager uten lokal tjeneste', en: 'longest travel on days without local service' },
  sameBa: { nb: 'samme BA-region', en: 'same BA region' },
  maxOwners: { nb: 'flest eiere', en: 'most owners' },
  informal: { nb: 'uformelt samarbeid (ingen vertskommuneavtale)', en: 'informal cooperation (no host agreement)' },
};

const TEXT = {
  admissible: { nb: 'tillatt', en: 'admissible' },
  inadmissible: { nb: 'ikke tillatt', en: 'not admissible' },
  yes: { nb: 'ja', en: 'yes' },
  no: { nb: 'nei', en: 'no' },
  rating: { nb: 'karakter', en: 'rating' },
  offices: { nb: 'kontor', en: 'offices' },
  municipalities: { nb: 'kommuner', en: 'municipalities' },
  ranking: {
    nb: 'Rangering (tillatte scenarier først, så de med færrest brudd, deretter etter karakter):',
    en: 'Ranking (admissible scenarios first, then those with the fewest breaches, then by rating):',
  },
} as const satisfies Record<string, Words>;

export function verdictWord(key: keyof typeof TEXT, lang: Language = 'nb'): string {
  return TEXT[key][lang];
}

const num = (x: number, lang: Language) =>
  x.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).replace(/\u00a0/g, ' ');

/** A breach's value against its limit: `1,2 årsverk, krav minst 10`. */
export function breachValueText(b: Breach, lang: Language = 'nb'): string {
  const v = b.value ?? 0;
  const l = b.limit ?? 0;
  const nb = lang === 'nb';
  switch (b.rule) {
    case 'minFte':
      return nb ? `${num(v, lang)} årsverk, krav minst ${num(l, lang)}` : `${num(v, lang)} FTE, at least ${num(l, lang)} required`;
    case 'maxTravel':
      return nb
        ? `${num(v, lang)} min til verten på dager uten lokal tjeneste, krav høyst ${num(l, lang)}`
        : `${num(v, lang)} min to the host on days without local service, at most ${num(l, lang)} allowed`;
    case 'sameBa':
      return nb
        ? `${num(v, lang)} kommune(r) utenfor vertens BA-region, krav ${num(l, lang)}`
        : `${num(v, lang)} municipality(ies) outside the host's BA region, ${num(l, lang)} allowed`;
    case 'maxOwners':
      return nb ? `${num(v, lang)} eiere, krav høyst ${num(l, lang)}` : `${num(v, lang)} owners, at most ${num(l, lang)} allowed`;
    case 'informal':
      return nb ? 'delt uten vertskommuneavtale' : 'shared without a host agreement';
  }
}

/** The rule a breach is of, with its value: `minste årsverk: 1,2 årsverk, krav minst 10`. */
export function breachText(b: Breach, lang: Language = 'nb'): string {
  return `${RULE_LABELS[b.rule][lang]}: ${breachValueText(b, lang)}`;
}

/**
 * Why a scenario is not admissible, rule by rule: how many offices and municipalities break
 * it and the first of them, named. Empty for an admissible scenario.
 */
export function inadmissibleReason(s: ScenarioScore, lang: Language = 'nb', shown = 4): string {
  const byRule = new Map<RuleId, Breach[]>();
  for (const b of s.breaches) byRule.set(b.rule, [...(byRule.get(b.rule) ?? []), b]);
  return [...byRule]
    .map(([rule, list]) => {
      const offices = new Set(list.map((b) => b.office)).size;
      const names = list.slice(0, shown).map((b) => b.name);
      const more = list.length > shown ? ` … (+${list.length - shown})` : '';
      return `${RULE_LABELS[rule][lang]}: ${offices} ${TEXT.offices[lang]}, ${list.length} ${TEXT.municipalities[lang]} (${names.join(', ')}${more})`;
    })
    .join('; ');
}

/** One line of the ranked list: `2. Kjente samarbeid – ikke tillatt, karakter 82: minste årsverk: …`. */
export function rankedLine(s: ScenarioScore, lang: Language = 'nb'): string {
  const head = `${s.rank}. ${s.name} – ${s.admissible ? TEXT.admissible[lang] : TEXT.inadmissible[lang]}, ${TEXT.rating[lang]} ${s.totals.rating}`;
  return s.admissible ? head : `${head}: ${inadmissibleReason(s, lang)}`;
}

/** The scenarios in rank order, each with why it is not admissible where it is not. */
export function rankedList(scores: readonly ScenarioScore[], lang: Language = 'nb'): string[] {
  const ordered = [...scores].sort((a, b) => a.rank - b.rank);
  return [TEXT.ranking[lang], ...ordered.map((s) => `  ${rankedLine(s, lang)}`)];
}

/** The rules in force, for headings: `minst 10 årsverk per kontor, …`. */
export function rulesInForce(p: Parameters, lang: Language = 'nb'): string {
  return [
    message('rifMinFte', { fte: p.minFte }, lang),
    message('rifMaxTravel', { minutes: p.maxTravelWithoutServicePoint }, lang),
    message('rifMaxOwners', { owners: p.maxOwners }, lang),
    ...(p.requireSameBaRegion ? [message('ruleSameBa', {}, lang)] : []),
    message('rifAgreement', {}, lang),
  ].join(', ');
}

/** A municipality's place in governance, as the sheets write it. */
export const ROLE_LABELS: Readonly<Record<Role, Words>> = {
  alone: { nb: 'eget kontor', en: 'own office' },
  host: { nb: 'vertskommune', en: 'host' },
  partner: { nb: 'samarbeidskommune', en: 'partner' },
};

/**
 * How many municipalities are worse off than in the baseline, and the worst off, named:
 * `Mot «Dagens struktur»: 12 av 41 kommuner er verre stilt …; verst: Røst (+95,2 min).`
 */
export function versusText(v: VersusBaseline, lang: Language = 'nb'): string {
  const nb = lang === 'nb';
  const total = v.municipalities.length;
  const worst = v.worstOff
    .map((m) => {
      const rise = m.accessMinutesAfter - m.accessMinutesBefore;
      const days =
        m.localDaysAfter < m.localDaysBefore
          ? `, ${num(m.localDaysBefore, lang)} → ${num(m.localDaysAfter, lang)} ${nb ? 'dager' : 'days'}`
          : '';
      return `${m.name} (+${num(rise, lang)} min${days})`;
    })
    .join(', ');
  const head = nb
    ? `Mot «${v.baseline}»: ${v.worseOff} av ${total} kommuner er verre stilt (brukernes reisetid over ${num(WORSE_OFF_MINUTES, lang)} min lengre, eller færre lokale åpningsdager)`
    : `Against "${v.baseline}": ${v.worseOff} of ${total} municipalities are worse off (users' travel more than ${num(WORSE_OFF_MINUTES, lang)} min longer, or fewer local opening days)`;
  return worst ? `${head}; ${nb ? 'verst' : 'worst'}: ${worst}.` : `${head}.`;
}

/** What the single index means, said wherever it is shown. */
export const INDEX_MEANING: Words = {
  nb: 'Karakteren (0–100) er et vektet snitt av målenes karakterer (100 = best på hvert mål; vekter og skalaer i tabellen «Vekter og skalaer»), og 0 for et kontor som bryter et krav: et brudd kan ikke veies opp. Befolkningsvektet: kontoret den gjennomsnittlige innbygger betjenes av; per kommune: hver kommune teller likt. Den avgjør bare rekkefølgen innen de tillatte (og innen like mange brudd).',
  en: 'The rating (0–100) is a weighted mean of the measures’ ratings (100 = best on each; weights and scales in the table "Weights and scales"), and 0 for an office that breaks a rule: a breach cannot be made up for. Population-weighted: the office the average inhabitant is served by; per municipality: each municipality counts once. It orders scenarios only among the admissible (and among equal breaches).',
};

const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? `${s.charAt(0).toLowerCase()}${s.slice(1)}` : s);

/** One weight change's effect: `«A» og «B» bytter plass`, or empty when the order holds. */
export function flipsText(c: WeightChange, lang: Language = 'nb'): string {
  const nb = lang === 'nb';
  return c.flips
    .map((f) =>
      f.kind === 'swap'
        ? nb
          ? `«${f.behind}» går foran «${f.ahead}»`
          : `"${f.behind}" moves ahead of "${f.ahead}"`
        : f.kind === 'tie'
          ? nb
            ? `«${f.ahead}» og «${f.behind}» blir like`
            : `"${f.ahead}" and "${f.behind}" become level`
          : nb
            ? `«${f.ahead}» går foran «${f.behind}», som den var lik`
            : `"${f.ahead}" moves ahead of "${f.behind}", which it was level with`,
    )
    .join('; ');
}

/** A weight as typed: up to three decimals, none trailing (0,25, not 0,3). */
const weightText = (x: number, lang: Language) => {
  const t = String(Math.round(x * 1000) / 1000);
  return lang === 'nb' ? t.replace('.', ',') : t;
};

/**
 * The sensitivity line: does the order survive each weight halved or doubled, and if not, which
 * weight changes which pair. Scenarios that only become level, or were level and only come
 * apart (none passing one that was ahead of it), are said once per pair, with how many changes
 * do it: listing every such change drowned the real ones when the optimiser's alternatives are
 * a point apart or tie.
 */
export function sensitivityText(changes: readonly WeightChange[], p: Pick<Parameters, 'travelThresholds'>, lang: Language = 'nb'): string {
  const nb = lang === 'nb';
  const q = (n: string) => (nb ? `«${n}»` : `"${n}"`);
  const tried = new Set(changes.map((c) => c.metric)).size;
  const swapsOnly = changes.map((c) => ({ ...c, flips: c.flips.filter((f) => f.kind === 'swap') }));
  const moved = swapsOnly.filter((c) => c.flips.length > 0);
  const parting = changes.filter((c) => c.flips.some((f) => f.kind === 'split')).length;
  const level = [...new Set(changes.flatMap((c) => c.flips.filter((f) => f.kind === 'split').flatMap((f) => [f.ahead, f.behind])))];
  const quoted = level.map(q);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${nb ? 'og' : 'and'} ${quoted.at(-1)}` : (quoted[0] ?? '');
  const apart =
    parting === 0
      ? ''
      : nb
        ? ` Scenarier som står likt (${list}) skilles av ${parting} av endringene, uten at noen går forbi en som var foran.`
        : ` Scenarios that are level (${list}) come apart under ${parting} of the changes, none passing one that was ahead.`;
  // Pairs that become level, each with how many changes make them so, in the order first met.
  const ties = new Map<string, { ahead: string; behind: string; changes: number }>();
  for (const c of changes)
    for (const f of c.flips.filter((x) => x.kind === 'tie')) {
      const k = `${f.ahead}\u0000${f.behind}`;
      const t = ties.get(k) ?? { ahead: f.ahead, behind: f.behind, changes: 0 };
      t.changes++;
      ties.set(k, t);
    }
  const tieText = [...ties.values()]
    .map((t) =>
      nb
        ? `${q(t.ahead)} og ${q(t.behind)} blir like ved ${t.changes} av endringene`
        : `${q(t.ahead)} and ${q(t.behind)} become level under ${t.changes} of the changes`,
    )
    .join('; ');
  const becomeLevel =
    tieText === ''
      ? ''
      : ` ${tieText.charAt(0).toUpperCase()}${tieText.slice(1)}, ${nb ? 'uten at den ene går forbi den andre' : 'neither passing the other'}.`;
  if (moved.length === 0)
    return nb
      ? `Følsomhet: ${ties.size === 0 ? 'rekkefølgen står seg' : 'ingen scenario går forbi et som var foran'} når hver av de ${tried} vektene halveres eller dobles.${becomeLevel}${apart}`
      : `Sensitivity: ${ties.size === 0 ? 'the order holds' : 'no scenario passes one that was ahead'} when each of the ${tried} weights is halved or doubled.${becomeLevel}${apart}`;
  const parts = moved.map((c) => {
    const name = lowerFirst(metricLabel(metric(c.metric), p, lang));
    const how = nb ? (c.factor < 1 ? 'halvert' : 'doblet') : c.factor < 1 ? 'halved' : 'doubled';
    return `${nb ? 'vekten for' : 'the weight of'} ${name} ${how} (${weightText(c.from, lang)} → ${weightText(c.weight, lang)}): ${flipsText(c, lang)}`;
  });
  return nb
    ? `Følsomhet: rekkefølgen endres når ${parts.join('; ')}. De andre ${2 * tried - moved.length} endringene (hver vekt halvert eller doblet) flytter ingen forbi en som var foran.${becomeLevel}${apart}`
    : `Sensitivity: the order changes when ${parts.join('; ')}. The other ${2 * tried - moved.length} changes (each weight halved or doubled) move none past one that was ahead.${becomeLevel}${apart}`;
}
