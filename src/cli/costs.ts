import { parseArgs } from 'node:util';
import { keyLabel } from '../costkeys/costSheet';
import { DEFAULT_COST_PER_FTE } from '../costkeys/fromInput';
import { CostKeyError, type CostKey, type CostOffice, type DriverId } from '../costkeys/keys';
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
import { carriedOver, costsResult, keepFor } from '../app/steps';

export const COSTS_USAGE = `  kontorplan costs INN.xlsx --scenario NAVN --office VERT --key NØKKEL --out UT.xlsx [valg]
                                                  hva hver kommune betaler, som formler i arket`;

export const COSTS_OPTIONS = `Nøkler (--key): equal (like deler), per-capita, per-user, per-spending, per-fte,
  fixed-plus (--fixed 0.2 --driver population), mix (--weights population=0.5,users=0.5),
  own-cost (krone for krone), pooled (felles budsjett)
Valg for costs:
  --cost-per-fte KR       kostnad per kommunalt årsverk der Bemanning ikke har egen (standard ${DEFAULT_COST_PER_FTE.toLocaleString('nb-NO')})
  --json                  skriv { office, key, total, shares } på standard ut`;

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
      throw new UsageError(
        `ukjent driver «${name}»; bruk population, users, spending, fte${headers.length > 0 ? ` eller en tallkolonne i Kommuner: ${headers.join(', ')}` : ''}`,
      );
    }
    return `column:${hit}`;
  };
  if (key.kind === 'fixed-plus') return { ...key, driver: fix(key.driver) };
  if (key.kind === 'mix') return { ...key, weights: key.weights.map(([d, w]) => [fix(d), w] as const) };
  return key;
}

/** The key from the flags. */
export function keyFrom(values: Record<string, string | boolean | undefined>): CostKey {
  const kind = (values.key as string | undefined) ?? 'per-capita';
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
      if (fixed === undefined) throw new UsageError('fixed-plus trenger --fixed ANDEL (0–1), f.eks. --fixed 0.2');
      return { kind, fixed, driver: driver((values.driver as string | undefined) ?? 'population') };
    }
    case 'mix': {
      const raw = values.weights as string | undefined;
      if (!raw) throw new UsageError('mix trenger --weights, f.eks. --weights population=0.5,users=0.5');
      const weights = raw.split(',').map((part): [DriverId, number] => {
        const m = /^\s*([^=]+)=\s*([0-9.,]+)\s*$/.exec(part);
        if (!m) throw new UsageError(`--weights må være DRIVER=VEKT,…, ikke «${part}»`);
        return [driver(m[1]!), Number(m[2]!.replace(',', '.'))];
      });
      return { kind, weights };
    }
    default:
      throw new UsageError(
        `ukjent nøkkel «${kind}»; velg equal, per-capita, per-user, per-spending, per-fte, fixed-plus, mix, own-cost eller pooled`,
      );
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
      ...RULE_OPTIONS,
    },
  });
  const { input, out } = inputAndOut(
    'costs',
    'kontorplan costs INN.xlsx --scenario NAVN --office VERT --out UT.xlsx',
    positionals,
    values.out,
  );
  if (!values.scenario) throw new UsageError('costs trenger --scenario NAVN (et scenario fra arket Scenarier)');
  if (!values.office) throw new UsageError('costs trenger --office VERT (kommunenummeret til vertskommunen)');
  const asked = keyFrom(values);
  const costPerFte = number('cost-per-fte', values['cost-per-fte'], 0, 100_000_000) ?? DEFAULT_COST_PER_FTE;
  const lang = language(values.lang);
  const params = parametersFrom(values);
  const opened = await openAndRead(input, params, lang, io);
  if (!opened?.result.value) return 1;
  const { wb, result } = opened;
  const host = values.office.padStart(4, '0');
  let composed: ReturnType<typeof costsResult>;
  try {
    composed = costsResult(
      result.value!,
      { scenario: values.scenario, host, key: asked, costPerFte, costPerFteGiven: values['cost-per-fte'] !== undefined },
      resolveColumns,
    );
  } catch (e) {
    if (e instanceof CostKeyError) {
      io.err(`Feil: ${e.message}. Ingenting ble skrevet.`);
      return 1;
    }
    throw e;
  }
  const { built, key, split, sheet, usedDefault } = composed;
  if (!(await writeOwnSheets(wb, [sheet, ...carriedOver(opened.snapshot, result.value!)], out, io, keepFor('costs')))) return 1;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          office: host,
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
        },
        null,
        2,
      ),
    );
  } else {
    const kr = (x: number) => Math.round(x).toLocaleString('nb-NO');
    io.out(
      `${built.officeName} i «${values.scenario}» – ${keyLabel(key)}: ${kr(split.total)} kr i alt, ${kr(split.keyed)} kr fordelt etter nøkkelen.`,
    );
    if (usedDefault)
      io.out(`Kostnad per kommunalt årsverk: ${kr(costPerFte)} kr (antatt; oppgi --cost-per-fte eller en kolonne i Bemanning).`);
    io.out('');
    io.out(
      `${'Kommune'.padEnd(22)} ${'Beløp (kr)'.padStart(13)} ${'Andel'.padStart(7)} ${'Kr/innb.'.padStart(9)} ${'Egen drift'.padStart(13)} ${'Endring'.padStart(13)}`,
    );
    for (const s of split.shares) {
      io.out(
        `${s.name.slice(0, 22).padEnd(22)} ${kr(s.amount).padStart(13)} ${`${(s.share * 100).toFixed(1).replace('.', ',')} %`.padStart(7)} ${kr(s.perCapita).padStart(9)} ${kr(s.standalone).padStart(13)} ${kr(s.change).padStart(13)}`,
      );
    }
  }
  io.err(`Skrev ${out}: ${sheet.name} (formler: endre folketall, årsverk eller parametre i Excel, og alle beløp regnes om).`);
  return 0;
}
