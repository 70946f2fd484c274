import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { calibrationPairs, embeddedPairRoutes, embeddedValidation, withinPoints } from '../data/network';
import { buildSampleWorkbook, selectCounty } from '../data/sample';
import type { Parameters } from '../domain/parameters';
import { resultSheets } from '../io/output';
import { travelCheckSheet, travelSheet } from '../io/travelOutput';
import { scoreAll } from '../scoring/score';
import { staffingAssumption } from '../scoring/staffing';
import { crossValidate } from '../travel/calibrate';
import { BAND_TARGETS, validationMarkdown } from '../travel/validation';
import { crossValidateWithin, fitWithin } from '../travel/within';
import { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';
import {
  consoleIo,
  language,
  loadEmbedded,
  loadNetwork,
  assetsDir,
  openAndRead,
  parametersFrom,
  RULE_OPTIONS,
  TRAVEL_OPTIONS,
  UsageError,
  usageFromParseArgs,
  writeOwnSheets,
  type Io,
  OUTPUT_OPTIONS,
  inputAndOut,
} from './common';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';
import { comparisonTable, indexText, rankingText, versusLines } from './format';
import { carriedOver, keepFor, num1 } from '../app/steps';
import { optimizeCommand } from './optimize';
import { costsCommand } from './costs';
import { commandHelp, fullHelp, isCommand, type Command } from './help';
import { inputsJson, planJson } from './json';

export { loadEmbedded, loadNetwork, assetsDir, type Io } from './common';

/** The whole manual in Norwegian (`kontorplan help --lang en` gives it in English). */
export const HELP = fullHelp('nb');

async function sample(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { county: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' }, lang: { type: 'string' }, ...TRAVEL_OPTIONS },
    allowPositionals: false,
  });
  const lang = language(values.lang);
  if (!values.out) throw new UsageError('sampleNeedsOut');
  if (!values.all && !values.county) throw new UsageError('sampleNeedsCounty');
  const data = loadEmbedded();
  const county = values.all ? undefined : values.county!.padStart(2, '0');
  const ms = selectCounty(data, county);
  if (ms.length === 0) {
    const counties = [...new Set(data.map((m) => `${m.county} ${m.countyName}`))].sort().join(', ');
    throw new UsageError('unknownCounty', { county: values.county!, counties });
  }
  const title = county ? `${ms[0]!.countyName} (fylke ${county}), ${ms.length} kommuner` : `hele landet, ${ms.length} kommuner`;
  const said = county
    ? message('sampleCounty', { county: ms[0]!.countyName, number: county, count: ms.length }, lang)
    : message('sampleCountry', { count: ms.length }, lang);
  const wb = ExcelJsWorkbook.create();
  wb.addInputSheets(buildSampleWorkbook(ms, parametersFrom(values), title, loadNetwork(data)));
  await wb.save(values.out);
  io.err(message('wroteSample', { file: values.out, title: said }, lang));
  return 0;
}

async function plan(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...OUTPUT_OPTIONS,
      ...RULE_OPTIONS,
    },
  });
  const { input, out } = inputAndOut('plan', 'kontorplan plan INN.xlsx --out UT.xlsx', positionals, values.out);
  const lang = language(values.lang);
  const params = parametersFrom(values);
  const opened = await openAndRead(input, params, lang, io, true);
  if (!opened) return 1;
  const { wb, result, snapshot } = opened;
  if (!result.value) return 1;
  const broken = result.value.sheetsUsed.brokenScenarios;
  const scenarioErrors = result.scenarioProblems.filter((p) => p.severity === 'error').length;
  if (result.value.scenarios.length === 0) {
    io.err(
      lang === 'en'
        ? `${scenarioErrors} error(s); no scenario to score, nothing was written.`
        : `${scenarioErrors} feil; ingen scenarier å vurdere, ingenting ble skrevet.`,
    );
    return 1;
  }
  const scores = scoreAll(result.value, params);
  const optimisedNames = new Set(result.value.sheetsUsed.optimizedScenarioNames ?? []);
  const specs = [
    // Each scenario's sheet, its consequences against the baseline, and Sammenligning.
    ...resultSheets(scores, params),
    // The optimiser's scenarios and trade-off curve stay, written again with their chart.
    ...carriedOver(snapshot, result.value, params, lang),
  ];
  if (!(await writeOwnSheets(wb, specs, out, io, keepFor('plan'), lang))) return 1;
  if (values.json) io.out(JSON.stringify({ inputs: inputsJson(result.value), ...planJson(scores) }, null, 2));
  else {
    const used = result.value.sheetsUsed;
    const t = (code: MessageCode, p: MessageParams = {}) => message(code, p, lang);
    const rest =
      (used.offices ? t('planBaseline', { sheet: used.offices, baseline: used.baseline ?? '' }) : '') +
      (used.scenarios
        ? t('planScenarios', { count: scores.length - optimisedNames.size - (used.offices ? 1 : 0), sheet: used.scenarios })
        : t(used.offices ? 'planNoScenarioSheet' : 'planNoScenarioSheetOne')) +
      (optimisedNames.size > 0 ? t('planOptimised', { count: optimisedNames.size, sheet: used.optimizedScenarios ?? '' }) : '');
    io.out(t('planRead', { municipalities: result.value.municipalities.length, sheet: used.municipalities, rest }));
    const assumed = staffingAssumption(result.value.staffing, params, lang);
    if (assumed) io.out(assumed);
    io.out('');
    io.out(comparisonTable(scores, params, 100, lang));
    io.out(rankingText(scores, lang));
    io.out(indexText(scores, params, lang));
    io.out('');
    io.out(versusLines(scores, lang));
  }
  io.err(message('wrote', { file: out, sheets: specs.map((s) => s.name).join(', ') }, lang));
  if (scenarioErrors > 0) {
    // The valid scenarios are written; exit 1 says that not everything was done.
    const names = (broken ?? []).map((n) => `«${n}»`).join(', ');
    io.err(
      lang === 'en'
        ? `${scenarioErrors} error(s) in ${result.value.sheetsUsed.scenarios}: ${names ? `${names} not scored` : 'its scenarios not scored'}; the others were written.`
        : `${scenarioErrors} feil i ${result.value.sheetsUsed.scenarios}: ${names ? `${names} er ikke vurdert` : 'scenarioene er ikke vurdert'}; de andre er skrevet.`,
    );
    return 1;
  }
  return 0;
}

/**
 * `kontorplan travel --accuracy`: the estimate measured three ways: against the TØI BA-region
 * times on pairs the fit did not see; the within-municipality times against TØI's own-region
 * times (leave-one-out); and against published drive times it was never fitted to, by trip
 * length (assets/validering_reisetid.csv).
 */
function travelAccuracy(params: Parameters, json: boolean, markdown: boolean, io: Io): number {
  const data = loadEmbedded();
  const network = loadNetwork(data);
  const pairs = calibrationPairs(data, params);
  const cv = crossValidate(embeddedPairRoutes(data, network, params), pairs, params);
  const within = crossValidateWithin(withinPoints(data));
  const validation = embeddedValidation(data, network, readFileSync(path.join(assetsDir(), 'validering_reisetid.csv'), 'utf8'), params);
  const fitted = cv.fitted;
  if (markdown) {
    io.out(validationMarkdown(validation));
    return 0;
  }
  if (json) {
    io.out(
      JSON.stringify(
        {
          ...cv.leaveOneOut,
          method:
            'leave-one-out: each of the TØI 2019 municipality-to-BA-centre car times is predicted by parameters fitted to all the other pairs',
          leaveOneCountyOut: cv.leaveOneCountyOut,
          inSample: cv.inSample,
          within,
          validation: { bands: validation.bands, all: validation.all, km: validation.km, targets: BAND_TARGETS },
          fitted: {
            estimateFixedMinutes: fitted.estimateFixedMinutes,
            detourFactor: fitted.detourFactor,
            roadSpeedKmh: fitted.roadSpeedKmh,
            emptyLandSpeedKmh: fitted.emptyLandSpeedKmh,
            countyRoadSpeedKmh: fitted.countyRoadSpeedKmh,
            ferryWaitShare: fitted.ferryWaitShare,
            ferryWaitCapMinutes: fitted.ferryWaitCapMinutes,
            ...fitWithin(withinPoints(data)),
          },
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const l = cv.leaveOneOut;
  io.out(`Reisetidsestimatet mot TØIs bilreisetider (${l.pairs} par, hvert par spådd av en tilpasning til de andre):`);
  io.out(
    `  median feil ${num1(l.medianAbsErrorMinutes)} min, 90-persentil ${num1(l.p90AbsErrorMinutes)} min, median ${num1(l.medianAbsPercentError)} %`,
  );
  io.out(
    `Reisetid i kommunen mot TØIs egenregion-tider (${within.points} kommuner): median feil ${num1(within.medianAbsErrorMinutes)} min, 90-persentil ${num1(within.p90AbsErrorMinutes)} min`,
  );
  io.out('');
  io.out(
    `Mot publiserte kjøretider (aldri brukt i tilpasningen; mål: median ≤ ${BAND_TARGETS.medianAbsPercentError} %, 90-persentil ≤ ${BAND_TARGETS.p90AbsPercentError} %):`,
  );
  io.out('  lengde          par  median min  p90 min  median %  p90 %  skjevhet %  mål');
  for (const b of [...validation.bands, validation.all]) {
    io.out(
      `  ${b.band.padEnd(14)}${String(b.pairs).padStart(5)}${num1(b.medianAbsErrorMinutes).padStart(12)}${num1(b.p90AbsErrorMinutes).padStart(9)}` +
        `${num1(b.medianAbsPercentError).padStart(10)}${num1(b.p90AbsPercentError).padStart(7)}${num1(b.medianSignedPercentError).padStart(12)}  ${b.meetsTargets ? 'nådd' : 'ikke nådd'}`,
    );
  }
  io.out(
    `  vegavstand: ${validation.km.pairs} par, median feil ${num1(validation.km.medianAbsPercentError)} %, 90-persentil ${num1(validation.km.p90AbsPercentError)} %`,
  );
  return 0;
}

async function travel(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      accuracy: { type: 'boolean' },
      markdown: { type: 'boolean' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      ...TRAVEL_OPTIONS,
    },
  });
  const params = parametersFrom(values);
  if (values.accuracy) {
    if (positionals.length > 0) throw new UsageError('accuracyTakesNoInput');
    return travelAccuracy(params, values.json === true, values.markdown === true, io);
  }
  const { input, out } = inputAndOut('travel', 'kontorplan travel INN.xlsx --out UT.xlsx', positionals, values.out);
  const lang = language(values.lang);
  const opened = await openAndRead(input, params, lang, io);
  if (!opened?.result.value) return 1;
  const { wb, result, snapshot } = opened;
  const value = result.value!;
  const names = new Map(value.municipalities.map((m) => [m.number as string, m.name]));
  const label = (n: string): string => names.get(n) ?? n;
  const report = value.travelReport;
  const specs = [
    travelSheet(value.travel, label, lang),
    travelCheckSheet(report.findings, label, lang),
    ...carriedOver(snapshot, value, params, lang),
  ];
  if (!(await writeOwnSheets(wb, specs, out, io, keepFor('travel'), lang))) return 1;
  const count = (k: string): number => report.findings.filter((f) => f.kind === k).length;
  const summary = {
    municipalities: value.municipalities.length,
    pairs: value.municipalities.length * (value.municipalities.length - 1),
    given: report.given,
    estimated: report.estimated,
    viaFerry: report.viaFerry,
    missing: count('missing'),
    asymmetric: count('asymmetric'),
    triangle: count('triangle'),
    zero: count('zero'),
  };
  if (values.json) io.out(JSON.stringify({ inputs: inputsJson(value), ...summary }, null, 2));
  else {
    io.out(message('travelSummary', summary, lang));
    io.out(message('travelCounts', summary, lang));
    io.out(
      message('travelChecks', { ...summary, asymmetry: params.travelAsymmetryMinutes, slack: params.travelTriangleSlackMinutes }, lang),
    );
  }
  io.err(message('wrote', { file: out, sheets: specs.map((s) => s.name).join(', ') }, lang));
  return 0;
}

/** The language a command line asks for (`--lang en`, `--lang=en`), read before parsing so that usage errors speak it too. */
export function requestedLanguage(args: readonly string[]): Language {
  const end = args.indexOf('--');
  const scan = end < 0 ? args : args.slice(0, end);
  for (let i = 0; i < scan.length; i++) {
    if (scan[i] === '--lang' && scan[i + 1] === 'en') return 'en';
    if (scan[i] === '--lang=en') return 'en';
  }
  return 'nb';
}

/** Whether the command line asks for help (`--help` or `-h` before any `--`). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

const COMMANDS: Record<Command, (args: string[], io: Io) => Promise<number>> = {
  sample,
  plan,
  travel,
  optimize: optimizeCommand,
  costs: costsCommand,
};

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  const lang = requestedLanguage(argv);
  const command = name === undefined ? undefined : isCommand(name);
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const about = name === 'help' && rest[0] !== undefined ? isCommand(rest[0]) : undefined;
      io.out(about ? commandHelp(about, lang) : fullHelp(lang));
      return name === undefined ? 2 : 0;
    }
    if (!command) throw new UsageError('unknownCommand', { command: name });
    if (asksForHelp(rest)) {
      io.out(commandHelp(command, lang));
      return 0;
    }
    try {
      return await COMMANDS[command](rest, io);
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw usageFromParseArgs(e as Error);
      throw e;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      // The one line that matters, and where the rest is: not the whole manual.
      io.err(`kontorplan: ${e.text(lang)}\n${message('seeHelp', { command: command ? `${command} ` : '' }, lang)}`);
      return 2;
    }
    throw e;
  }
}
