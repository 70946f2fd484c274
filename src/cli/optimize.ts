import { parseArgs } from 'node:util';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';
import { num1, pct, siteTag, statusText } from '../app/steps';
import { optimise, parseLocks, type OfficeOut, type Optimised, type OptimiseOptions, type SolverHandle } from '../app/optimise';
import { meanTravelOf } from '../app/shared';
import { WorkerSolver } from '../optimize/node/exactInWorker';
import {
  inputAndOut,
  saveWorkbook,
  outFits,
  language,
  number,
  openInput,
  OUTPUT_OPTIONS,
  parametersFrom,
  printOutcome,
  reference,
  RULE_OPTIONS,
  UsageError,
  type Io,
} from './common';

/** `kontorplan optimize`: its options parsed, the command of src/app run with a Node worker for HiGHS, and its outcome printed. */

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.padStart(4, '0'));

function parseSweep(v: string | undefined): 'none' | [number, number] | undefined {
  if (v === undefined) return undefined;
  if (v === 'none' || v === 'ingen') return 'none';
  const m = /^(\d+)\s*-\s*(\d+)$/.exec(v);
  if (!m || Number(m[1]) > Number(m[2]) || Number(m[1]) < 1) throw new UsageError('sweepForm', { value: v });
  return [Number(m[1]), Number(m[2])];
}

function parseScales(v: string | undefined): number[] {
  if (v === undefined) return [];
  // Factors apart by commas, semicolons or spaces; decimals with a point (0.5).
  return v
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((part) => {
      const x = Number(part);
      if (!Number.isFinite(x) || x < 0 || x > 100) throw new UsageError('siteCostFactors', { value: v });
      return x;
    });
}

const OPTIONS = {
  ...OUTPUT_OPTIONS,
  offices: { type: 'string' },
  'office-cost': { type: 'string' },
  'ba-penalty': { type: 'string' },
  host: { type: 'string' },
  'not-host': { type: 'string' },
  lock: { type: 'string' },
  'time-limit': { type: 'string' },
  heuristic: { type: 'boolean' },
  alternatives: { type: 'string' },
  within: { type: 'string' },
  sweep: { type: 'string' },
  'sweep-time-limit': { type: 'string' },
  'require-given-over': { type: 'string' },
  'no-service-points': { type: 'boolean' },
  'keep-locations': { type: 'boolean' },
  'keep-existing': { type: 'boolean' },
  'any-host': { type: 'boolean' },
  'sweep-site-cost': { type: 'string' },
  ...RULE_OPTIONS,
} as const;

export async function optimizeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const { input, out } = inputAndOut('optimize', 'kontorplan optimize INN.xlsx --out UT.xlsx --offices N', positionals, values.out);
  const offices = number('offices', values.offices, 1, 10000);
  const officeCost = number('office-cost', values['office-cost'], 0, 10000);
  if (offices === undefined && officeCost === undefined) throw new UsageError('officesOrCost');
  if (offices !== undefined && officeCost !== undefined) throw new UsageError('officesAndCost');
  if (offices !== undefined && !Number.isInteger(offices)) throw new UsageError('officesInteger', { value: values.offices! });
  const timeLimit = number('time-limit', values['time-limit'], 0.1, 86400) ?? 60;
  const sweepTimeLimit = number('sweep-time-limit', values['sweep-time-limit'], 0.1, 86400) ?? Math.min(timeLimit, 20);
  const alternatives = number('alternatives', values.alternatives, 0, 20) ?? 2;
  const within = (number('within', values.within, 0, 100) ?? 1) / 100;
  const sweep = parseSweep(values.sweep);
  const lang = language(values.lang);
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  const params = parametersFrom(values);
  const siteCostScales = parseScales(values['sweep-site-cost']);
  if (values['no-service-points'] && (values['keep-locations'] || siteCostScales.length > 0)) throw new UsageError('siteOptionsNeedSites');
  const request = {
    offices,
    officeCostMinutes: officeCost,
    baSplitMinutes: number('ba-penalty', values['ba-penalty'], 0, 10000) ?? 0,
    forcedHosts: list(values.host),
    forbiddenHosts: list(values['not-host']),
    locks: parseLocks(values.lock ?? '', (part) => new UsageError('lockForm', { value: part })),
    servicePoints: !values['no-service-points'],
    keepLocations: values['keep-locations'] === true,
    keepExisting: values['keep-existing'] === true,
    // A member may join a smaller host (the optimiser's default is the most populous).
    anyHost: values['any-host'] === true,
    requireGivenOver: number('require-given-over', values['require-given-over'], 0, 1440),
    siteCostScales,
  };

  const wb = await openInput(input, lang, io);
  // Before the solve, which may take minutes: a result that could not be written is lost.
  if (!wb || !(await outFits(wb, input, out, io, lang))) return 1;
  // Ctrl-C: the main run stops with the best found so far; the site-cost curve keeps the points found.
  let current: { phase: 'main' | 'curve'; solver?: SolverHandle } = { phase: 'main' };
  let curveStopped = false;
  const onSignal = () => {
    if (current.phase === 'main') io.err(t('cancelling'));
    else {
      io.err(t('stoppingCurve'));
      curveStopped = true;
    }
    current.solver?.cancel();
  };
  let lastProgress = 0;
  const options: OptimiseOptions = {
    solver: (phase, pr) => {
      // Progress of long exact solves, at most every two seconds: incumbent and bound as mean minutes.
      const minutes = (x: number | null) => (x === null ? '–' : `${num1(meanTravelOf(pr, x), lang)} min`);
      const solver = values.heuristic
        ? undefined
        : new WorkerSolver((p) => {
            if (phase !== 'main' || values.json || p.seconds - lastProgress < 2) return;
            lastProgress = p.seconds;
            io.err(
              t('progress', {
                seconds: num1(p.seconds, lang),
                best: minutes(p.incumbent),
                bound: minutes(p.bound),
                gap: pct(p.gap, 2, lang),
              }),
            );
          });
      current = { phase, solver };
      return solver;
    },
    timeLimitSeconds: timeLimit,
    sweepTimeLimitSeconds: sweepTimeLimit,
    alternatives,
    within,
    sweep,
    onStage: (stage) => {
      lastProgress = 0;
      if (!values.json) io.err(`  … ${stageText(stage, lang)}`);
    },
    onSiteScale: (scale) => {
      if (!values.json) io.err(t('stageSiteCost', { factor: factor(scale, lang) }));
    },
    stopCurve: () => curveStopped,
  };
  process.on('SIGINT', onSignal);
  let r;
  try {
    r = await optimise(wb, params, reference(), request, options, lang);
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  printOutcome(r, lang, io);
  const s = r.summary;
  if (!s) return 1;
  if (!(await saveWorkbook(wb, input, out, io, lang))) return 1;
  if (s.kind === 'refused') {
    const names = new Map<string, string>(s.input.municipalities.map((m) => [m.number, m.name]));
    io.err(t('refuseEstimated', { count: s.pairs.length, limit: s.limit, sheet: s.sheet, last: s.pairs.length + 2, file: out }));
    for (const p of s.pairs.slice(0, 20))
      io.err(t('refuseEstimatedPair', { from: names.get(p.from) ?? p.from, to: names.get(p.to) ?? p.to, minutes: num1(p.minutes, lang) }));
    if (s.pairs.length > 20) io.err(t('andMoreInSheet', { count: s.pairs.length - 20 }));
    return 1;
  }
  if (values.json) io.out(JSON.stringify(optimisedJson(s), null, 2));
  else for (const line of optimisedText(s, within, lang)) io.out(line);
  io.err(t('wrote', { file: out, sheets: r.written.join(', ') }));
  return 0;
}

function optimisedJson(s: Optimised) {
  const { best, basis, sites } = s;
  return {
    status: best.status,
    objective: best.objective,
    bound: best.bound,
    gap: best.gap,
    seconds: s.seconds,
    method: best.method,
    meanTravelMinutes: s.meanTravelMinutes,
    travelBasis: {
      assignments: basis.assignments,
      estimated: basis.estimated,
      estimatedOver60Minutes: basis.estimatedLong,
      over60Minutes: basis.long,
    },
    siteCost: s.withSites
      ? { totalKr: sites.totalKr, premisesKr: sites.premisesKr, staffTravelKr: sites.staffTravelKr, counts: sites.counts }
      : null,
    offices: s.offices,
    isolated: s.isolated.map((x) => x.id),
    isolatedBecause: Object.fromEntries(s.isolated.map((x) => [x.id, x.why])),
    ...(s.siteTradeoff.length > 0 ? { siteCostSweep: s.siteTradeoff } : {}),
    alternatives: s.alternatives,
    sweep: s.tradeoff,
  };
}

function optimisedText(s: Optimised, within: number, lang: Language): string[] {
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  const name = (id: string) => s.names.get(id) ?? id;
  const office = (o: OfficeOut) => {
    const members = o.members.filter((m) => m !== o.host).map((m) => name(m) + siteTag(o.servicePoints[m]!, lang));
    return `  ${name(o.host)}${members.length > 0 ? ': ' + members.join(', ') : ''}`;
  };
  const out = [
    t('bestLine', { name: s.mainName, status: statusText(s.best, lang), gap: pct(s.best.gap, 2, lang), seconds: num1(s.seconds, lang) }),
    s.rulesLine,
    t('meanTravelLine', { minutes: num1(s.meanTravelMinutes, lang) }),
    s.sitesLine,
    ...s.basisLines,
  ];
  if (s.isolated.length > 0) out.push(t('isolatedHeader'), ...s.isolated.map((x) => `  ${x.name}: ${x.why}`));
  out.push('', ...s.offices.map(office));
  if (s.alternatives.length > 0) {
    out.push(`\n${t('alternativesHeader', { count: s.alternatives.length, within: pct(within, 1, lang) })}`);
    out.push(...s.altNotes.map((a) => `  ${a}`));
  }
  if (s.siteTradeoff.length > 0) {
    out.push(`\n${t('siteTradeoffHeader')}`);
    for (const r of s.siteTradeoff)
      out.push(
        r.meanTravel === null
          ? `  × ${factor(r.scale, lang)}: ${r.status}`
          : t('siteTradeoffRow', {
              factor: factor(r.scale, lang),
              minutes: num1(r.meanTravel, lang),
              millions: num1((r.siteCostKr ?? 0) / 1e6, lang),
              full: r.full ?? 0,
              branch: r.branch ?? 0,
              meeting: r.meeting ?? 0,
              status: r.status,
            }),
      );
  }
  if (s.tradeoff.length > 1) {
    out.push(`\n${t('tradeoffHeader')}`);
    for (const r of s.tradeoff)
      out.push(
        r.meanTravel === null
          ? `  ${r.offices}: ${r.status}`
          : t('tradeoffRow', {
              offices: r.offices,
              minutes: num1(r.meanTravel, lang),
              fte: num1(r.minOfficeFte ?? 0, lang),
              status: r.status,
              gap: r.gap !== null ? `, gap ${pct(r.gap, 2, lang)}` : '',
            }),
      );
  }
  return out;
}

function stageText(stage: string, lang: Language): string {
  if (stage === 'main') return message('stageMain', {}, lang);
  if (stage.startsWith('alternative')) return message('stageAlternative', { k: stage.split(' ')[1] ?? '' }, lang);
  if (stage.startsWith('sweep')) return message('stageSweep', { offices: stage.split(' ')[1] ?? '' }, lang);
  return stage;
}

const factor = (x: number, lang: Language) => (lang === 'en' ? String(x) : String(x).replace('.', ','));
