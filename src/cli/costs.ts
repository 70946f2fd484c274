import { parseArgs } from 'node:util';
import {
  DEFAULT_COST_PER_FTE,
  keyLabel,
  POOL_KEYS,
  type CostKey,
  type CostOffice,
  type DriverId,
  type PhaseStep,
  type PoolKey,
} from '../app/shared';
import { foldName } from '../io/cells';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import { formatProblem, type Language } from '../io/problems';
import {
  language,
  number,
  openInput,
  printOutcome,
  reference,
  parametersFrom,
  RULE_OPTIONS,
  UsageError,
  type Io,
  OUTPUT_OPTIONS,
  inputAndOut,
  saveWorkbook,
} from './common';
import * as commands from '../app/commands';

const DRIVERS: Record<string, DriverId> = {
  population: 'population',
  folketall: 'population',
  users: 'users',
  mottakere: 'users',
  spending: 'spending',
  utgifter: 'spending',
  fte: 'fte',
  arsverk: 'fte',
  årsverk: 'fte',
};

/** A standard driver by name, or another numeric column of Kommuner by its header. */
function driver(v: string): DriverId {
  return DRIVERS[v.trim().toLowerCase()] ?? `column:${v.trim()}`;
}

/** Column drivers matched to the headers of Kommuner (case-insensitive); a usage error when there is none. */
function resolveColumns(key: CostKey, office: CostOffice): CostKey {
  const headers = [...new Set(office.members.flatMap((m) => Object.keys(m.columns ?? {})))];
  const fix = (d: DriverId): DriverId => {
    if (!d.startsWith('column:')) return d;
    const name = d.slice('column:'.length);
    const hit = headers.find((h) => h.toLowerCase() === name.toLowerCase());
    if (!hit) {
      throw new UsageError('unknownDriver', {
        name,
        columns: headers.length > 0 ? message('driverColumns', { headers: headers.join(', ') }) : '',
      });
    }
    return `column:${hit}`;
  };
  if (key.kind === 'fixed-plus') return { ...key, driver: fix(key.driver) };
  if (key.kind === 'mix') return { ...key, weights: key.weights.map(([d, w]) => [fix(d), w] as const) };
  return key;
}

/** Norwegian names of the keys (folded: lower case, æøå as ae, o, a, no spaces or dashes). */
const NORWEGIAN_KEYS: Record<string, CostKey['kind']> = {
  likedeler: 'equal',
  likt: 'equal',
  perinnbygger: 'per-capita',
  folketall: 'per-capita',
  etterfolketall: 'per-capita',
  permottaker: 'per-user',
  persosialhjelpsmottaker: 'per-user',
  etterutgifter: 'per-spending',
  ettersosialhjelpsutgifter: 'per-spending',
  etterarsverk: 'per-fte',
  perarsverk: 'per-fte',
  etterkommunalearsverk: 'per-fte',
  fastandel: 'fixed-plus',
  fastandelvariabel: 'fixed-plus',
  blandet: 'mix',
  blandetnokkel: 'mix',
  kroneforkrone: 'own-cost',
  fellesbudsjett: 'pooled',
};

/** A key's kind from its English or Norwegian name. */
export function keyKind(v: string): string {
  const english = v.trim().toLowerCase();
  return NORWEGIAN_KEYS[foldName(english)] ?? english;
}

/** The key from the flags. */
export function keyFrom(values: Record<string, string | boolean | undefined>): CostKey {
  const kind = keyKind((values.key as string | undefined) ?? 'per-capita');
  switch (kind) {
    case 'equal':
    case 'per-capita':
    case 'per-user':
    case 'per-spending':
    case 'per-fte':
    case 'own-cost':
    case 'pooled':
      return { kind };
    case 'fixed-plus': {
      const fixed = number('fixed', values.fixed as string | undefined, 0, 1);
      if (fixed === undefined) throw new UsageError('fixedPlusNeedsFixed');
      return { kind, fixed, driver: driver((values.driver as string | undefined) ?? 'population') };
    }
    case 'mix': {
      const raw = values.weights as string | undefined;
      if (!raw) throw new UsageError('mixNeedsWeights');
      const weights = raw.split(',').map((part): [DriverId, number] => {
        const m = /^\s*([^=]+)=\s*([0-9.,]+)\s*$/.exec(part);
        if (!m) throw new UsageError('weightsForm', { value: part });
        return [driver(m[1]!), Number(m[2]!.replace(',', '.'))];
      });
      return { kind, weights };
    }
    default:
      throw new UsageError('unknownKey', { key: values.key as string });
  }
}

export async function costsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...OUTPUT_OPTIONS,
      scenario: { type: 'string' },
      office: { type: 'string' },
      key: { type: 'string' },
      fixed: { type: 'string' },
      driver: { type: 'string' },
      weights: { type: 'string' },
      'cost-per-fte': { type: 'string' },
      'pool-social': { type: 'string' },
      'phase-in': { type: 'string' },
      phase: { type: 'string' },
      ...RULE_OPTIONS,
    },
  });
  const { input, out } = inputAndOut(
    'costs',
    'kontorplan costs INN.xlsx --scenario NAVN --office VERT --out UT.xlsx',
    positionals,
    values.out,
  );
  const request = costsRequest(values);
  const lang = language(values.lang);
  const params = parametersFrom(values);
  const wb = await openInput(input, lang, io);
  if (!wb) return 1;
  const r = await commands.costs(wb, params, reference(), request, resolveColumns, lang);
  printOutcome(r, lang, io);
  if (!r.summary) return 1;
  if (!(await saveWorkbook(wb, input, out, io, lang))) return 1;
  if (values.json) io.out(JSON.stringify(costsJson(r.summary, lang), null, 2));
  else printCosts(r.summary, request.costPerFte, lang, io);
  io.err(message('wroteCosts', { file: out, sheet: r.summary.sheet.name }, lang));
  return 0;
}

/** The flags costs reads beside the key's (which keyFrom reads). */
type CostFlags = Readonly<{
  scenario?: string;
  office?: string;
  'cost-per-fte'?: string;
  'pool-social'?: string;
  'phase-in'?: string;
  phase?: string;
}> &
  Record<string, string | boolean | undefined>;

/** What the cost flags ask for: scenario, host, key, cost per FTE, pool and phase-in; a usage error when one is missing or wrong. */
function costsRequest(values: CostFlags): commands.CostsRequest {
  const { scenario, office } = values;
  if (!scenario) throw new UsageError('costsNeedsScenario');
  if (!office) throw new UsageError('costsNeedsOffice');
  const asked = keyFrom(values);
  const socialPool = poolKeyFrom(values['pool-social']);
  const phase = phaseFrom(values['phase-in'], values.phase);
  const costPerFte = number('cost-per-fte', values['cost-per-fte'], 0, 100_000_000) ?? DEFAULT_COST_PER_FTE;
  const typed = office.trim();
  const host = /^\d{1,4}$/.test(typed) ? typed.padStart(4, '0') : typed;
  return {
    scenario,
    host,
    key: asked,
    costPerFte,
    costPerFteGiven: values['cost-per-fte'] !== undefined,
    socialPool,
    phaseIn: phase,
  };
}

/** The split as --json prints it: the shares, what the cost is made of, the pool and the phase-in, and the warnings. */
function costsJson(summary: commands.CostsSummary, lang: Language) {
  const { built, key, split, breakdown, pool, phased, warnings } = summary;
  return {
    office: built.host,
    scenario: built.scenario,
    key: key.kind,
    total: split.total,
    shares: split.shares.map((s) => ({
      kommunenummer: s.number,
      amount: s.amount,
      share: s.share,
      perCapita: s.perCapita,
      standalone: s.standalone,
      change: s.change,
      sensitivityUp: Math.round(s.sensitivityUp),
      sensitivityDown: Math.round(s.sensitivityDown),
    })),
    breakdown: {
      staff: breakdown.staff.map((x) => ({ kommunenummer: x.number, fte: x.fte, costPerFte: x.costPerFte, cost: x.cost })),
      staffTotal: breakdown.staffTotal,
      lines: breakdown.lines,
      stateTotal: breakdown.stateTotal,
      municipalTotal: breakdown.municipalTotal,
    },
    ...(pool ? { socialPool: pool } : {}),
    ...(phased
      ? {
          phaseIn: {
            member: summary.phase!.member,
            years: phased,
          },
        }
      : {}),
    warnings: warnings.map((w) => formatProblem({ severity: 'warning', ...w }, lang)),
  };
}

/** The terminal's formatting of the cost tables in one language: texts, kroner, percentages, the columns' headers. */
type CostsText = Readonly<{
  t: (code: MessageCode, p?: MessageParams) => string;
  locale: string;
  kr: (x: number) => string;
  pct: (x: number) => string;
  lang: Language;
  cMunicipality: string;
}>;

/** The split as text: the headline, each member's share, what the cost is made of, then the pool and the phase-in. */
function printCosts(summary: commands.CostsSummary, costPerFte: number, lang: Language, io: Io): void {
  const t = (code: MessageCode, p: MessageParams = {}) => message(code, p, lang);
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const kr = (x: number) => Math.round(x).toLocaleString(locale);
  const pct = (x: number) => (lang === 'en' ? `${(x * 100).toFixed(1)}%` : `${(x * 100).toFixed(1).replace('.', ',')} %`);
  const { built, key, split, usedDefault } = summary;
  io.out(
    t('costsHeadline', {
      office: built.officeName,
      scenario: built.scenario,
      key: keyLabel(key, lang),
      total: kr(split.total),
      keyed: kr(split.keyed),
    }),
  );
  if (usedDefault) io.out(t('costsDefaultPerFte', { kr: kr(costPerFte) }));
  io.out('');
  const [cMunicipality, cAmount, cShare, cPerCapita, cOwn, cChange] = t('costsColumns').split('|') as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  io.out(
    `${cMunicipality.padEnd(22)} ${cAmount.padStart(13)} ${cShare.padStart(7)} ${cPerCapita.padStart(9)} ${cOwn.padStart(13)} ${cChange.padStart(13)}`,
  );
  for (const s of split.shares) {
    io.out(
      `${s.name.slice(0, 22).padEnd(22)} ${kr(s.amount).padStart(13)} ${pct(s.share).padStart(7)} ${kr(s.perCapita).padStart(9)} ${kr(s.standalone).padStart(13)} ${kr(s.change).padStart(13)}`,
    );
  }
  const x: CostsText = { t, locale, kr, pct, lang, cMunicipality };
  printBreakdown(summary, x, io);
  printPool(summary, x, io);
  printPhaseIn(summary, x, io);
}

/** What the cost is made of: each member's salaries, then the lines with the state's part and who pays, and the totals. */
function printBreakdown({ built, breakdown }: commands.CostsSummary, { t, locale, kr }: CostsText, io: Io): void {
  io.out('');
  io.out(t('costsMadeOf'));
  for (const x of breakdown.staff)
    io.out(
      `  ${t('costsSalary', { name: x.name }).slice(0, 36).padEnd(36)} ${kr(x.cost).padStart(13)}  ${t('costsSalaryLine', { fte: x.fte.toLocaleString(locale, { maximumFractionDigits: 2 }), kr: kr(x.costPerFte) })}`,
    );
  io.out(`  ${t('costsSalaryTotal').padEnd(36)} ${kr(breakdown.staffTotal).padStart(13)}`);
  for (const l of breakdown.lines) {
    const who = l.owner ? t('costsPaidBy', { name: built.office.members.find((m) => m.number === l.owner)?.name ?? l.owner }) : '';
    const state = l.state > 0 ? t('costsStatePart', { state: kr(l.state), amount: kr(l.amount) }) : '';
    io.out(`  ${l.name.slice(0, 36).padEnd(36)} ${kr(l.municipal).padStart(13)}  ${t('costsMunicipalPart', { state, who })}`);
  }
  io.out(`  ${t('costsMunicipalTotal').padEnd(36)} ${kr(breakdown.municipalTotal).padStart(13)}`);
  if (breakdown.stateTotal > 0) io.out(`  ${t('costsStateTotal').padEnd(36)} ${kr(breakdown.stateTotal).padStart(13)}`);
}

/** The social-assistance pool, when asked for: the pot and what each pays in, spends and nets. */
function printPool({ pool }: commands.CostsSummary, { t, kr }: CostsText, io: Io): void {
  if (!pool) return;
  io.out('');
  io.out(t('costsPool', { pot: kr(pool.pot), key: pool.key }));
  for (const p of pool.shares)
    io.out(
      t('costsPoolRow', {
        name: p.name.slice(0, 22).padEnd(22),
        pays: kr(p.pays).padStart(13),
        own: kr(p.own).padStart(13),
        net: kr(p.net).padStart(12),
      }),
    );
}

/** The phase-in, when asked for: its steps, then each member's amount per step. */
function printPhaseIn({ phased, split }: commands.CostsSummary, { t, kr, lang, cMunicipality }: CostsText, io: Io): void {
  if (!phased) return;
  io.out('');
  io.out(
    t('costsPhaseIn', { steps: phased.map((y) => `${y.label}: ${Math.round(y.share * 100)}${lang === 'en' ? '%' : ' %'}`).join(', ') }),
  );
  io.out(`  ${cMunicipality.padEnd(22)} ${phased.map((y) => y.label.padStart(13)).join(' ')}`);
  split.shares.forEach((s, i) =>
    io.out(`  ${s.name.slice(0, 22).padEnd(22)} ${phased.map((y) => kr(y.amounts[i]!).padStart(13)).join(' ')}`),
  );
}

/** The key of a social-assistance pool, English or Norwegian; undefined: no pool. */
export function poolKeyFrom(v: string | undefined): PoolKey | undefined {
  if (v === undefined) return undefined;
  const kind = keyKind(v);
  if (!(POOL_KEYS as readonly string[]).includes(kind)) throw new UsageError('poolKey', { value: v });
  return kind as PoolKey;
}

/** The phase-in from --phase-in KOMMUNE --phase 2022=0.5,2023=1 (shares 0–1 or percentages). */
export function phaseFrom(member: string | undefined, raw: string | undefined): { member: string; steps: PhaseStep[] } | undefined {
  if (member === undefined && raw === undefined) return undefined;
  if (member === undefined || raw === undefined) throw new UsageError('phaseNeedsBoth');
  const steps = raw.split(',').map((part): PhaseStep => {
    const m = /^\s*([^=]+?)\s*=\s*([0-9.,]+)\s*(%?)\s*$/.exec(part);
    const x = m ? Number(m[2]!.replace(',', '.')) : Number.NaN;
    // A share is 0–1, a percentage carries its sign: read "1.5" as 1.5 % and the joining member
    // would pay a hundredth of what was meant, so a bare number above 1 is refused.
    const share = m && m[3] === '%' ? x / 100 : x;
    if (!m || !(share >= 0 && share <= 1)) throw new UsageError('phaseForm', { value: part });
    return { label: m[1]!, share };
  });
  return { member: member.trim(), steps };
}
