import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { extraNames, parseEmbeddedMunicipalities, referenceMap, type EmbeddedMunicipality } from '../data/embedded';
import { buildSampleWorkbook, selectCounty } from '../data/sample';
import { withParameters, type Parameters } from '../domain/parameters';
import { comparisonSheet, scenarioSheet, scenarioSheetNames } from '../io/output';
import { formatProblem, hasErrors, type Language } from '../io/problems';
import { readWorkbook } from '../io/readWorkbook';
import { scoreAll } from '../scoring/score';
import { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';
import { SheetConflictError } from '../workbook/port';
import { comparisonTable } from './format';
import { planJson } from './json';

export const HELP = `Kontorplan – planlegging av NAV-kontorstruktur

Bruk:
  kontorplan sample --county NN --out FIL.xlsx   eksempelarbeidsbok for ett fylke (f.eks. 18 = Nordland)
  kontorplan sample --all --out FIL.xlsx          eksempelarbeidsbok for hele landet
  kontorplan plan INN.xlsx --out UT.xlsx [valg]   vurder alle scenarier i arket Scenarier

Valg for plan:
  --json                  skriv resultatet som JSON på standard ut
  --min-fte N             minste antall årsverk per kontor (standard 10)
  --max-travel MIN        lengste reisetid for en kommune uten eget tjenestested (standard 90)
  --max-owners N          flest eierkommuner per kontor (standard 5)
  --same-ba               krev at alle kommuner i et kontor er i vertens BA-region
  --fte-per-1000 X        årsverk per 1 000 innbyggere der bemanning mangler (standard 2,3)
  --k N --absence A       sårbarhet: dager med færre enn N til stede, fravær A (standard 2 og 0,15)
  --meeting-room-days D   hvor mange åpningsdager et møterom er verdt (standard 0,5)
  --lang nb|en            språk for meldinger (standard nb)

Kontorplan skriver bare ark den selv har laget, og bare til filen i --out.`;

export type Io = { out: (s: string) => void; err: (s: string) => void };
const consoleIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

class UsageError extends Error {}

export function assetsDir(): string {
  // lib/cli/main.js and src/cli/main.ts both sit two levels below the package root.
  return path.resolve(__dirname, '..', '..', 'assets');
}

export function loadEmbedded(): EmbeddedMunicipality[] {
  return parseEmbeddedMunicipalities(readFileSync(path.join(assetsDir(), 'kommuner_2024.csv'), 'utf8'));
}

function number(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v.replace(',', '.'));
  if (!Number.isFinite(x) || x < min || x > max) throw new UsageError(`--${name} må være et tall mellom ${min} og ${max}, ikke «${v}»`);
  return x;
}

function parametersFrom(values: Record<string, string | boolean | undefined>): Parameters {
  const s = (k: string) => values[k] as string | undefined;
  const o: Record<string, unknown> = {
    minFte: number('min-fte', s('min-fte'), 0, 10000),
    maxTravelWithoutServicePoint: number('max-travel', s('max-travel'), 0, 10000),
    maxOwners: number('max-owners', s('max-owners'), 1, 1000),
    requireSameBaRegion: values['same-ba'] === true ? true : undefined,
    ftePer1000: number('fte-per-1000', s('fte-per-1000'), 0, 100),
    vulnerabilityK: number('k', s('k'), 0, 1000),
    vulnerabilityA: number('absence', s('absence'), 0, 1),
    meetingRoomDays: number('meeting-room-days', s('meeting-room-days'), 0, 5),
  };
  return withParameters(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

async function sample(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { county: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' } },
    allowPositionals: false,
  });
  if (!values.out) throw new UsageError('sample trenger --out FIL.xlsx');
  if (!values.all && !values.county) throw new UsageError('sample trenger --county NN (f.eks. 18) eller --all');
  const data = loadEmbedded();
  const county = values.all ? undefined : values.county!.padStart(2, '0');
  const ms = selectCounty(data, county);
  if (ms.length === 0) {
    const counties = [...new Set(data.map((m) => `${m.county} ${m.countyName}`))].sort().join(', ');
    throw new UsageError(`fylke «${values.county}» finnes ikke i 2024-inndelingen; velg ett av: ${counties}`);
  }
  const title = county ? `${ms[0]!.countyName} (fylke ${county}), ${ms.length} kommuner` : `hele landet, ${ms.length} kommuner`;
  const wb = ExcelJsWorkbook.create();
  wb.addInputSheets(buildSampleWorkbook(ms, withParameters(), title));
  await wb.save(values.out);
  io.err(`Skrev ${values.out}: ${title}.`);
  return 0;
}

async function plan(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      'min-fte': { type: 'string' },
      'max-travel': { type: 'string' },
      'max-owners': { type: 'string' },
      'same-ba': { type: 'boolean' },
      'fte-per-1000': { type: 'string' },
      k: { type: 'string' },
      absence: { type: 'string' },
      'meeting-room-days': { type: 'string' },
    },
  });
  const input = positionals[0];
  if (!input || positionals.length > 1) throw new UsageError('plan trenger én inndatafil: kontorplan plan INN.xlsx --out UT.xlsx');
  if (!values.out) throw new UsageError('plan trenger --out UT.xlsx');
  const lang: Language = values.lang === 'en' ? 'en' : 'nb';
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'nb') throw new UsageError('--lang må være nb eller en');
  const params = parametersFrom(values);
  if (!existsSync(input)) {
    io.err(lang === 'en' ? `File not found: ${input}` : `Fant ikke filen ${input}`);
    return 1;
  }
  let wb: ExcelJsWorkbook;
  try {
    wb = await ExcelJsWorkbook.open(input);
  } catch (e) {
    io.err(
      lang === 'en'
        ? `${input} is not an .xlsx workbook that can be read (${(e as Error).message})`
        : `${input} er ikke en .xlsx-arbeidsbok som kan leses (${(e as Error).message})`,
    );
    return 1;
  }
  const data = loadEmbedded();
  const snapshot = await wb.read();
  const result = readWorkbook(snapshot, params, { reference: referenceMap(data), extraNames: extraNames(data) });
  for (const p of result.problems) {
    io.err(`${p.severity === 'error' ? (lang === 'en' ? 'Error' : 'Feil') : lang === 'en' ? 'Note' : 'Merk'}: ${formatProblem(p, lang)}`);
  }
  if (hasErrors(result.problems) || !result.value) {
    const n = result.problems.filter((p) => p.severity === 'error').length;
    io.err(lang === 'en' ? `${n} error(s); nothing was written.` : `${n} feil; ingenting ble skrevet.`);
    return 1;
  }
  const scores = scoreAll(result.value, params);
  const names = scenarioSheetNames(scores.map((s) => s.name));
  const specs = [...scores.map((s, i) => scenarioSheet(s, names[i]!, i, params)), comparisonSheet(scores, params)];
  try {
    await wb.replaceOwnSheets(specs);
  } catch (e) {
    if (e instanceof SheetConflictError) {
      io.err(`Feil: ${e.message} Ingenting ble skrevet.`);
      return 1;
    }
    throw e;
  }
  await wb.save(values.out);
  if (values.json) io.out(JSON.stringify(planJson(scores), null, 2));
  else {
    const used = result.value.sheetsUsed;
    io.out(
      `Leste ${result.value.municipalities.length} kommuner fra «${used.municipalities}», ` +
        `${used.scenarios ? `${scores.length} scenarier fra «${used.scenarios}»` : 'ingen scenarioark (vurderer dagens struktur)'}.`,
    );
    io.out('');
    io.out(comparisonTable(scores, params));
  }
  io.err(`Skrev ${values.out}: ${specs.map((s) => s.name).join(', ')}.`);
  return 0;
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sample':
        return await sample(rest, io);
      case 'plan':
        return await plan(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`ukjent kommando «${command}»`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`kontorplan: ${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
}
