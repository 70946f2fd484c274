import { parseArgs } from 'node:util';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';
import {
  estimatedPairsOver,
  keepFor,
  num1,
  optimisedResult,
  pct,
  siteSummary,
  siteSummaryText,
  siteTag,
  statusText,
  travelBasisText,
  type PlanValue,
} from '../app/steps';
import { siteTradeoffSheet, type SiteTradeoffRow } from '../io/optimizeOutput';
import { TRAVEL_TEMPLATE_SHEET, travelTemplateSheet } from '../io/travelOutput';
import type { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';
import { fromPlanningInput, RequestError, type OptimizeRequest } from '../optimize/fromInput';
import { WorkerSolver } from '../optimize/node/exactInWorker';
import { InfeasibleRulesError, meanTravelOf, servicePointOf, whyIsolated, type OptProblem } from '../optimize/problem';
import { hostSet, NoSolutionError, optimize, sweepCounts, type Outcome } from '../optimize/run';
import {
  language,
  number,
  openAndRead,
  parametersFrom,
  RULE_OPTIONS,
  UsageError,
  writeOwnSheets,
  type Io,
  OUTPUT_OPTIONS,
  inputAndOut,
} from './common';

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.padStart(4, '0'));

function parseLocks(v: string | undefined): Map<string, string> {
  const locks = new Map<string, string>();
  for (const part of (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,4})\s*[=:]\s*(\d{1,4})$/.exec(part);
    if (!m) throw new UsageError('lockForm', { value: part });
    locks.set(m[1]!.padStart(4, '0'), m[2]!.padStart(4, '0'));
  }
  return locks;
}

function parseSweep(v: string | undefined): 'none' | [number, number] | undefined {
  if (v === undefined) return undefined;
  if (v === 'none' || v === 'ingen') return 'none';
  const m = /^(\d+)\s*-\s*(\d+)$/.exec(v);
  if (!m || Number(m[1]) > Number(m[2]) || Number(m[1]) < 1) throw new UsageError('sweepForm', { value: v });
  return [Number(m[1]), Number(m[2])];
}

export async function optimizeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
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
      'sweep-site-cost': { type: 'string' },
      ...RULE_OPTIONS,
    },
  });
  const { input, out } = inputAndOut('optimize', 'kontorplan optimize INN.xlsx --out UT.xlsx --offices N', positionals, values.out);
  const offices = number('offices', values.offices, 1, 10000);
  const officeCost = number('office-cost', values['office-cost'], 0, 10000);
  if ((offices === undefined) === (officeCost === undefined)) {
    throw new UsageError('officesOrCost');
  }
  if (offices !== undefined && !Number.isInteger(offices)) throw new UsageError('officesInteger', { value: values.offices! });
  const timeLimit = number('time-limit', values['time-limit'], 0.1, 86400) ?? 60;
  const sweepTimeLimit = number('sweep-time-limit', values['sweep-time-limit'], 0.1, 86400) ?? Math.min(timeLimit, 20);
  const alternatives = number('alternatives', values.alternatives, 0, 20) ?? 2;
  const within = (number('within', values.within, 0, 100) ?? 1) / 100;
  const sweep = parseSweep(values.sweep);
  const lang = language(values.lang);
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  const params = parametersFrom(values);
  const req: OptimizeRequest & Record<string, unknown> = {
    offices,
    officeCostMinutes: officeCost,
    baSplitMinutes: number('ba-penalty', values['ba-penalty'], 0, 10000) ?? 0,
    forcedHosts: list(values.host),
    forbiddenHosts: list(values['not-host']),
    locks: parseLocks(values.lock),
  };

  const siteScales = parseScales(values['sweep-site-cost']);
  if (values['no-service-points'] && (values['keep-locations'] || siteScales.length > 0)) {
    throw new UsageError('siteOptionsNeedSites');
  }

  const opened = await openAndRead(input, params, lang, io);
  if (!opened?.result.value) return 1;
  const { wb, result } = opened;
  const value = result.value!;
  const baseline = value.scenarios.find((s) => s.name === value.sheetsUsed.baseline);
  if ((values['keep-locations'] || values['keep-existing']) && !baseline) {
    io.err(t('error', { text: t('needsBaseline', { option: values['keep-locations'] ? 'keep-locations' : 'keep-existing' }) }));
    return 1;
  }
  Object.assign(req, {
    servicePoints: !values['no-service-points'],
    ...(values['keep-locations'] ? { keepLocations: baseline } : {}),
    ...(values['keep-existing'] ? { keepExisting: baseline } : {}),
  });
  let pr: OptProblem;
  try {
    pr = fromPlanningInput(value, params, req);
  } catch (e) {
    // The rules name municipalities the workbook does not have: the planner's data, not the usage.
    if (e instanceof RequestError) {
      io.err(t('error', { text: `${e.message.replace(/\.$/, '')}.` }));
      return 1;
    }
    throw e;
  }

  const requireGiven = number('require-given-over', values['require-given-over'], 0, 1440);
  if (requireGiven !== undefined) {
    const pairs = estimatedPairsOver(value, pr, requireGiven);
    if (pairs.length > 0) return refuseEstimated(value, pairs, requireGiven, wb, out, io, lang);
  }

  // Progress of long exact solves, at most every two seconds: incumbent and bound as mean minutes.
  const population = pr.weight.reduce((a, b) => a + b, 0);
  let lastProgress = 0;
  const solver = values.heuristic
    ? undefined
    : new WorkerSolver((p) => {
        if (values.json || p.seconds - lastProgress < 2) return;
        lastProgress = p.seconds;
        const minutes = (x: number | null) => (x === null ? '–' : `${num1((x + (pr.baseCost ?? 0)) / population, lang)} min`);
        io.err(
          t('progress', { seconds: num1(p.seconds, lang), best: minutes(p.incumbent), bound: minutes(p.bound), gap: pct(p.gap, 2, lang) }),
        );
      });
  const onSignal = () => {
    io.err(t('cancelling'));
    solver?.cancel();
  };
  process.once('SIGINT', onSignal);
  let outcome: Outcome;
  const started = Date.now();
  try {
    const maxOwners = Number.isFinite(params.maxOwners) ? params.maxOwners : 1;
    const lowest = Math.max(1, Math.ceil(pr.n / maxOwners));
    outcome = await optimize(pr, {
      exact: solver?.solve,
      timeLimitSeconds: timeLimit,
      sweepTimeLimitSeconds: sweepTimeLimit,
      heuristicSeconds: Math.min(2, timeLimit),
      alternatives,
      within,
      sweep:
        sweep === 'none'
          ? []
          : sweep
            ? Array.from({ length: sweep[1] - sweep[0] + 1 }, (_, k) => sweep[0] + k)
            : offices !== undefined
              ? sweepCounts(offices, lowest, pr.n)
              : undefined,
      sweepAround: sweep === undefined && offices === undefined ? (n) => sweepCounts(n, lowest, pr.n) : undefined,
      onProgress: (stage) => {
        lastProgress = 0;
        if (!values.json) io.err(`  … ${stageText(stage, lang)}`);
      },
    });
  } catch (e) {
    if (e instanceof InfeasibleRulesError || e instanceof NoSolutionError) {
      io.err(t('error', { text: `${e.message.replace(/\.$/, '')}.` }));
      return 1;
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    await solver?.close();
  }
  const premises = (id: string) => value.staffing.get(id as never)?.premisesCost;
  const siteRows: SiteTradeoffRow[] = [];
  if (siteScales.length > 0) {
    const scales = [...new Set([1, ...siteScales])].sort((a, b) => a - b);
    const curveSolver = values.heuristic ? undefined : new WorkerSolver(() => undefined);
    // Ctrl-C here stops the curve: the points solved so far are written with the best structure.
    let stopped = false;
    const onCurveSignal = () => {
      io.err(
        lang === 'en'
          ? 'Stopping the curve: writing the points found so far …'
          : 'Avbryter avveiingen: skriver punktene som er funnet så langt …',
      );
      stopped = true;
      curveSolver?.cancel();
    };
    process.once('SIGINT', onCurveSignal);
    try {
      for (const scale of scales) {
        if (stopped) break;
        if (!values.json) io.err(t('stageSiteCost', { factor: factor(scale, lang) }));
        const prS = scale === 1 ? pr : fromPlanningInput(value, params, { ...req, siteCostScale: scale });
        let o: Outcome | undefined = scale === 1 ? outcome : undefined;
        let reason = '';
        if (!o) {
          try {
            o = await optimize(prS, {
              exact: curveSolver?.solve,
              timeLimitSeconds: sweepTimeLimit,
              heuristicSeconds: Math.min(2, sweepTimeLimit),
              alternatives: 0,
              sweep: [],
            });
          } catch (e) {
            if (!(e instanceof InfeasibleRulesError || e instanceof NoSolutionError)) throw e;
            reason = e.message;
          }
        }
        if (!o) {
          siteRows.push({
            scale,
            meanTravel: null,
            siteCostKr: null,
            full: null,
            branch: null,
            meeting: null,
            offices: null,
            status: reason,
            gap: null,
          });
          continue;
        }
        // Its own service points, priced at the real cost (siteSummary uses the parameters, not the scale).
        const sum = siteSummary(prS, o.best.host, params, premises);
        siteRows.push({
          scale,
          meanTravel: meanTravelOf(prS, o.best.evaluation.travel),
          siteCostKr: sum.totalKr,
          full: sum.counts.full,
          branch: sum.counts.branch,
          meeting: sum.counts.meeting,
          offices: o.best.evaluation.offices,
          status: statusText(o.best, lang),
          gap: o.best.gap,
        });
      }
    } finally {
      process.removeListener('SIGINT', onCurveSignal);
      await curveSolver?.close();
    }
  }
  const seconds = (Date.now() - started) / 1000;

  const composed = optimisedResult(value, params, req, pr, outcome, lang);
  const { specs, mainName, altNotes, rulesLine, isolatedNames, rows, names, basis } = composed;
  const best = outcome.best;
  const sites = siteSummary(pr, best.host, params, premises);
  const sitesLine = siteSummaryText(sites, pr, params, lang);
  if (siteRows.length > 0) specs.push(siteTradeoffSheet(siteRows, [t('siteTradeoffTitle'), rulesLine], lang));
  if (!(await writeOwnSheets(wb, specs, out, io, keepFor('plan'), lang))) return 1;

  if (values.json) {
    io.out(
      JSON.stringify(
        {
          status: best.status,
          objective: best.objective,
          bound: best.bound,
          gap: best.gap,
          seconds,
          method: best.method,
          meanTravelMinutes: meanTravelOf(pr, best.evaluation.travel),
          travelBasis: {
            assignments: basis.assignments,
            estimated: basis.estimated,
            estimatedOver60Minutes: basis.estimatedLong,
            over60Minutes: basis.long,
          },
          siteCost: pr.sites
            ? { totalKr: sites.totalKr, premisesKr: sites.premisesKr, staffTravelKr: sites.staffTravelKr, counts: sites.counts }
            : null,
          offices: officesJson(pr, best.host),
          isolated: outcome.reduced.isolated.map((i) => pr.ids[i]),
          isolatedBecause: Object.fromEntries(
            outcome.reduced.isolated.map((i) => [pr.ids[i], whyIsolated(outcome.reduced, i, params.maxTravelWithLocalOffice)]),
          ),
          ...(siteRows.length > 0 ? { siteCostSweep: siteRows } : {}),
          alternatives: outcome.alternatives.map((a) => ({
            status: a.status,
            objective: a.objective,
            gap: a.gap,
            offices: officesJson(pr, a.host),
          })),
          sweep: rows,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(t('bestLine', { name: mainName, status: statusText(best, lang), gap: pct(best.gap, 2, lang), seconds: num1(seconds, lang) }));
    io.out(rulesLine);
    io.out(t('meanTravelLine', { minutes: num1(meanTravelOf(pr, best.evaluation.travel), lang) }));
    io.out(sitesLine);
    for (const line of travelBasisText(basis, names, lang)) io.out(line);
    if (isolatedNames.length > 0) {
      io.out(t('isolatedHeader'));
      outcome.reduced.isolated.forEach((i, k) =>
        io.out(`  ${isolatedNames[k]}: ${whyIsolated(outcome.reduced, i, params.maxTravelWithLocalOffice)}`),
      );
    }
    io.out('');
    for (const j of hostSet(best.host)) {
      const members = [];
      for (let i = 0; i < pr.n; i++)
        if (best.host[i] === j && i !== j) members.push((names.get(pr.ids[i]!) ?? pr.ids[i]) + siteTag(servicePointOf(pr, i, j), lang));
      io.out(`  ${names.get(pr.ids[j]!) ?? pr.ids[j]}${members.length > 0 ? ': ' + members.join(', ') : ''}`);
    }
    if (outcome.alternatives.length > 0) {
      io.out(`\n${t('alternativesHeader', { count: outcome.alternatives.length, within: pct(within, 1, lang) })}`);
      for (const a of altNotes) io.out(`  ${a}`);
    }
    if (siteRows.length > 0) {
      io.out(`\n${t('siteTradeoffHeader')}`);
      for (const r of siteRows)
        io.out(
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
    if (rows.length > 1) {
      io.out(`\n${t('tradeoffHeader')}`);
      for (const r of rows) {
        io.out(
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
    }
  }
  io.err(t('wrote', { file: out, sheets: specs.map((s) => s.name).join(', ') }));
  return 0;
}

/**
 * `--require-given-over MIN`: the optimiser could rest on estimated pairs longer than MIN.
 * Nothing is optimised; the pairs go to a template sheet in --out (the planner fills in the
 * minutes and copies the rows to a sheet of her own named Reisetid) and are listed.
 */
async function refuseEstimated(
  value: PlanValue,
  pairs: readonly { from: string; to: string; minutes: number }[],
  limit: number,
  wb: ExcelJsWorkbook,
  out: string,
  io: Io,
  lang: Language,
): Promise<number> {
  const t = (code: MessageCode, params: MessageParams = {}) => message(code, params, lang);
  const names = new Map<string, string>(value.municipalities.map((m) => [m.number, m.name]));
  const sheet = travelTemplateSheet(pairs, (n) => names.get(n) ?? n, limit, lang);
  if (!(await writeOwnSheets(wb, [sheet], out, io, keepFor('travel'), lang))) return 1;
  io.err(t('refuseEstimated', { count: pairs.length, limit, sheet: TRAVEL_TEMPLATE_SHEET, last: pairs.length + 2, file: out }));
  for (const p of pairs.slice(0, 20))
    io.err(t('refuseEstimatedPair', { from: names.get(p.from) ?? p.from, to: names.get(p.to) ?? p.to, minutes: num1(p.minutes, lang) }));
  if (pairs.length > 20) io.err(t('andMoreInSheet', { count: pairs.length - 20 }));
  return 1;
}

function stageText(stage: string, lang: Language): string {
  if (stage === 'main') return message('stageMain', {}, lang);
  if (stage.startsWith('alternative')) return message('stageAlternative', { k: stage.split(' ')[1] ?? '' }, lang);
  if (stage.startsWith('sweep')) return message('stageSweep', { offices: stage.split(' ')[1] ?? '' }, lang);
  return stage;
}

function officesJson(pr: OptProblem, host: Int32Array) {
  return hostSet(host).map((j) => {
    const members = pr.ids.filter((_, i) => host[i] === j);
    return {
      host: pr.ids[j],
      members,
      servicePoints: Object.fromEntries(
        members.filter((id) => id !== pr.ids[j]).map((id) => [id, servicePointOf(pr, pr.ids.indexOf(id), j)]),
      ),
    };
  });
}

const factor = (x: number, lang: Language) => (lang === 'en' ? String(x) : String(x).replace('.', ','));

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
