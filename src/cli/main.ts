import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { calibrationPairs, embeddedPairRoutes, embeddedValidation, withinPoints } from '../data/network';
import type { Parameters } from '../domain/parameters';
import { staffingAssumption } from '../app/shared';
import { crossValidate } from '../travel/calibrate';
import { BAND_TARGETS, bandLabel, validationMarkdown, type BandAccuracy } from '../travel/validation';
import { crossValidateWithin, fitWithin } from '../travel/within';
import { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';
import {
  consoleIo,
  language,
  loadEmbedded,
  loadNetwork,
  assetsDir,
  parametersFrom,
  RULE_OPTIONS,
  TRAVEL_OPTIONS,
  UsageError,
  usageFromParseArgs,
  openInput,
  printOutcome,
  reference,
  type Io,
  OUTPUT_OPTIONS,
  inputAndOut,
  saveWorkbook,
  checkOutEnding,
} from './common';
import { message, type MessageCode, type MessageParams } from '../io/messages';
import type { Language } from '../io/problems';
import { comparisonTable, indexText, rankingText, versusLines } from './format';
import { num1 } from '../app/steps';
import * as commands from '../app/commands';
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
  checkOutEnding(values.out);
  if (!values.all && !values.county) throw new UsageError('sampleNeedsCounty');
  const county = values.all ? undefined : values.county!.padStart(2, '0');
  const wb = ExcelJsWorkbook.create();
  const r = await commands.sample(wb, county, parametersFrom(values), reference(), [], lang);
  if (!r.summary) {
    if (r.failure?.code === 'unknownCounty') throw new UsageError('unknownCounty', { ...r.failure.params, county: values.county! });
    printOutcome(r, lang, io);
    return 1;
  }
  if (!(await saveWorkbook(wb, values.out, values.out, io, lang))) return 1;
  const s = r.summary;
  const said = s.county
    ? message('sampleCounty', { county: s.countyName ?? '', number: s.county, count: s.municipalities }, lang)
    : message('sampleCountry', { count: s.municipalities }, lang);
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
  const wb = await openInput(input, lang, io);
  if (!wb) return 1;
  const r = await commands.plan(wb, params, reference(), lang);
  printOutcome(r, lang, io, true);
  if (!r.summary) return 1;
  if (!(await saveWorkbook(wb, input, out, io, lang))) return 1;
  const { input: value, scores, scenarioErrors } = r.summary;
  const optimisedNames = new Set(value.sheetsUsed.optimizedScenarioNames ?? []);
  const ownCount = value.sheetsUsed.ownScenarioNames?.length ?? 0;
  if (values.json) io.out(JSON.stringify({ inputs: inputsJson(value), ...planJson(scores) }, null, 2));
  else {
    const used = value.sheetsUsed;
    const t = (code: MessageCode, p: MessageParams = {}) => message(code, p, lang);
    const rest =
      (used.offices ? t('planBaseline', { sheet: used.offices, baseline: used.baseline ?? '' }) : '') +
      (used.scenarios
        ? t('planScenarios', { count: scores.length - optimisedNames.size - ownCount - (used.offices ? 1 : 0), sheet: used.scenarios })
        : t(used.offices ? 'planNoScenarioSheet' : 'planNoScenarioSheetOne')) +
      (optimisedNames.size > 0 ? t('planOptimised', { count: optimisedNames.size, sheet: used.optimizedScenarios ?? '' }) : '') +
      (ownCount > 0 ? t('planOptimised', { count: ownCount, sheet: used.ownScenarios ?? '' }) : '');
    io.out(t('planRead', { municipalities: value.municipalities.length, sheet: used.municipalities, rest }));
    const assumed = staffingAssumption(value.staffing, params, lang);
    if (assumed) io.out(assumed);
    io.out('');
    io.out(comparisonTable(scores, params, 100, lang));
    io.out(rankingText(scores, lang));
    io.out(indexText(scores, params, lang));
    io.out('');
    io.out(versusLines(scores, lang));
  }
  io.err(message('wrote', { file: out, sheets: r.written.join(', ') }, lang));
  if (scenarioErrors > 0) {
    // The valid scenarios are written; exit 1 says that not everything was done.
    const names = (value.sheetsUsed.brokenScenarios ?? []).map((n) => `«${n}»`).join(', ');
    io.err(
      lang === 'en'
        ? `${scenarioErrors} error(s) in ${value.sheetsUsed.scenarios}: ${names ? `${names} not scored` : 'its scenarios not scored'}; the others were written.`
        : `${scenarioErrors} feil i ${value.sheetsUsed.scenarios}: ${names ? `${names} er ikke vurdert` : 'scenarioene er ikke vurdert'}; de andre er skrevet.`,
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
function travelAccuracy(params: Parameters, json: boolean, markdown: boolean, io: Io, lang: Language): number {
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
          validation: {
            bands: validation.bands,
            all: validation.all,
            precision: validation.precision,
            km: validation.km,
            targets: BAND_TARGETS,
          },
          fitted: {
            estimateFixedMinutes: fitted.estimateFixedMinutes,
            detourFactor: fitted.detourFactor,
            roadSpeedKmh: fitted.roadSpeedKmh,
            emptyLandSpeedKmh: fitted.emptyLandSpeedKmh,
            trunkRoadSpeedKmh: fitted.trunkRoadSpeedKmh,
            motorwaySpeedKmh: fitted.motorwaySpeedKmh,
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
  const t = (code: MessageCode, p: MessageParams = {}) => message(code, p, lang);
  const n1 = (x: number) => num1(x, lang);
  io.out(t('accuracyToi', { pairs: l.pairs }));
  io.out(
    t('accuracyToiErrors', { median: n1(l.medianAbsErrorMinutes), p90: n1(l.p90AbsErrorMinutes), percent: n1(l.medianAbsPercentError) }),
  );
  io.out(t('accuracyWithin', { points: within.points, median: n1(within.medianAbsErrorMinutes), p90: n1(within.p90AbsErrorMinutes) }));
  io.out('');
  io.out(t('accuracyPublished', { median: BAND_TARGETS.medianAbsPercentError, p90: BAND_TARGETS.p90AbsPercentError }));
  io.out(t('accuracyColumns'));
  for (const b of [...validation.bands, validation.all]) {
    io.out(
      `  ${bandLabel(b.band, lang).padEnd(14)}${String(b.pairs).padStart(5)}${n1(b.medianAbsErrorMinutes).padStart(12)}${n1(b.p90AbsErrorMinutes).padStart(9)}` +
        `${n1(b.medianAbsPercentError).padStart(10)}${n1(b.p90AbsPercentError).padStart(7)}${n1(b.medianSignedPercentError).padStart(12)}  ${t(b.meetsTargets ? 'targetMet' : 'targetMissed')}`,
    );
  }
  io.out(t('accuracyPrecision'));
  io.out(t('accuracyPrecisionColumns'));
  const pct = (b: BandAccuracy, x: number) => (b.pairs === 0 ? '–' : n1(x));
  for (const { band, wholeHours: h, finer: f } of validation.precision) {
    io.out(
      `  ${bandLabel(band, lang).padEnd(14)}${String(h.pairs).padStart(5)}${pct(h, h.medianAbsPercentError).padStart(10)}${pct(h, h.p90AbsPercentError).padStart(7)}` +
        `${String(f.pairs).padStart(8)}${pct(f, f.medianAbsPercentError).padStart(10)}${pct(f, f.p90AbsPercentError).padStart(7)}`,
    );
  }
  io.out(
    t('accuracyKm', {
      pairs: validation.km.pairs,
      median: n1(validation.km.medianAbsPercentError),
      p90: n1(validation.km.p90AbsPercentError),
    }),
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
    return travelAccuracy(params, values.json === true, values.markdown === true, io, language(values.lang));
  }
  const { input, out } = inputAndOut('travel', 'kontorplan travel INN.xlsx --out UT.xlsx', positionals, values.out);
  const lang = language(values.lang);
  const wb = await openInput(input, lang, io);
  if (!wb) return 1;
  const r = await commands.travel(wb, params, reference(), lang);
  printOutcome(r, lang, io);
  if (!r.summary) return 1;
  if (!(await saveWorkbook(wb, input, out, io, lang))) return 1;
  const { input: value, ...summary } = r.summary;
  if (values.json) io.out(JSON.stringify({ inputs: inputsJson(value), ...summary }, null, 2));
  else {
    io.out(message('travelSummary', summary, lang));
    io.out(message('travelCounts', summary, lang));
    io.out(
      message('travelChecks', { ...summary, asymmetry: params.travelAsymmetryMinutes, slack: params.travelTriangleSlackMinutes }, lang),
    );
  }
  io.err(message('wrote', { file: out, sheets: r.written.join(', ') }, lang));
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
