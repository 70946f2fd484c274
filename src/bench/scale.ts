/**
 * `npm run bench -- scale`: all 357 municipalities with a full 357 × 357 travel matrix and 20
 * scenarios, read, scored and written by the command line (`kontorplan plan`) under
 * `/usr/bin/time -v`; prints the wall time and the peak memory. The workbook is built first
 * (out/norge-357.xlsx): the embedded sample for the whole country, its travel as a square
 * matrix, and 17 more scenarios (the h most populous municipalities of each county host,
 * h = 1…17, every other municipality goes to its nearest host in the county).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { loadEmbedded, loadNetwork } from '../cli/common';
import { buildSampleWorkbook, estimatedTravel } from '../data/sample';
import { DEFAULT_PARAMETERS } from '../domain/parameters';
import type { CellValue, SheetSpec } from '../domain/sheets';
import { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';

const ROOT = path.resolve(__dirname, '..', '..');

export async function buildScaleWorkbook(file: string): Promise<{ municipalities: number; scenarios: number }> {
  const data = loadEmbedded();
  const network = loadNetwork(data);
  const p = DEFAULT_PARAMETERS;
  const specs = buildSampleWorkbook(data, p, 'hele landet', network);
  const matrix = estimatedTravel(data, p, network);
  const n = data.length;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const reisetid: SheetSpec = {
    name: 'Reisetid',
    heading: ['Reisetid i minutter, full matrise (fra rad til kolonne), estimert av Kontorplan for skalatesten.'],
    tables: [
      {
        name: 'Reisetid',
        startRow: 1,
        columns: [{ header: 'Fra \\ til', format: '@' }, ...data.map((m) => ({ header: m.number, format: '0.0' }))],
        rows: data.map((m, i) => [m.number, ...Array.from({ length: n }, (_, j) => round1(matrix.minutes[i]![j]!))]),
      },
    ],
  };
  const scenarioSheet = specs.find((s) => s.name === 'Scenarier')!;
  const table = scenarioSheet.tables[0]!;
  const extra: CellValue[][] = [];
  const counties = [...new Set(data.map((m) => m.county))];
  for (let h = 1; h <= 17; h++) {
    const name = `${h} ${h === 1 ? 'vert' : 'verter'} per fylke`;
    for (const c of counties) {
      const idx = data.map((m, i) => ({ m, i })).filter((x) => x.m.county === c);
      const hosts = [...idx].sort((a, b) => b.m.population2026 - a.m.population2026).slice(0, h);
      for (const { m, i } of idx) {
        const host = hosts.reduce((best, x) => (matrix.minutes[i]![x.i]! < matrix.minutes[i]![best.i]! ? x : best));
        const isHost = hosts.some((x) => x.i === i);
        const row: CellValue[] = table.columns.map(() => null);
        row[0] = name;
        row[1] = m.number;
        row[2] = m.name;
        row[3] = isHost ? m.number : host.m.number;
        row[4] = isHost ? 'hovedkontor' : 'møterom';
        extra.push(row);
      }
    }
  }
  const scenarios = new Set([...table.rows.map((r) => r[0]), ...extra.map((r) => r[0])]).size;
  const out = specs.map((s) =>
    s.name === 'Reisetid' ? reisetid : s === scenarioSheet ? { ...s, tables: [{ ...table, rows: [...table.rows, ...extra] }] } : s,
  );
  const wb = ExcelJsWorkbook.create();
  wb.addInputSheets(out);
  mkdirSync(path.dirname(file), { recursive: true });
  await wb.save(file);
  return { municipalities: n, scenarios };
}

export async function scale(): Promise<void> {
  const input = path.join(ROOT, 'out', 'norge-357.xlsx');
  const output = path.join(ROOT, 'out', 'norge-357-resultat.xlsx');
  const built = await buildScaleWorkbook(input);
  console.log(
    `Workbook: ${built.municipalities} municipalities, a ${built.municipalities} × ${built.municipalities} travel matrix, ${built.scenarios} scenarios (${(statSync(input).size / 1e6).toFixed(1)} MB): ${path.relative(ROOT, input)}`,
  );
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (apt-get install -y time)');
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(ROOT, 'bin', 'kontorplan.js'), 'plan', input, '--out', output], {
    encoding: 'utf8',
  });
  const field = (label: string) =>
    r.stderr
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.startsWith(label))
      ?.split(': ')
      .pop();
  const notes = r.stderr.split('\n').filter((l) => l.startsWith('Merk:')).length;
  if (r.status !== 0) {
    console.error(r.stderr);
    throw new Error(`kontorplan plan exited ${r.status}`);
  }
  const rssKb = Number(field('Maximum resident set size'));
  console.log(
    `kontorplan plan: wall ${field('Elapsed (wall clock) time')} (m:ss), user ${field('User time')} s, peak memory ${(rssKb / 1024).toFixed(0)} MB (/usr/bin/time -v); ${notes} notes printed`,
  );
  console.log(`Result: ${path.relative(ROOT, output)} (${(statSync(output).size / 1e6).toFixed(1)} MB)`);
}
