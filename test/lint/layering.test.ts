import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The layering lint rule (eslint.config.mjs) against imports it must refuse and allow, each with its reason. */

const root = path.resolve(__dirname, '..', '..');

const REFUSED: [string, string, string][] = [
  ['src/domain/x.ts', "import { scoreAll } from '../scoring/score';", 'src/domain is the bottom layer'],
  ['src/domain/x.ts', "import type { WorkbookPort } from '../workbook/port';", 'src/domain is the bottom layer'],
  ['src/io/x.ts', "import ExcelJS from 'exceljs';", 'Only the exceljs adapter'],
  ['src/app/x.ts', "import { readFileSync } from 'node:fs';", 'no Node built-ins'],
  ['src/app/x.ts', "import { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';", 'through src/workbook/port.ts only'],
  ['src/scoring/x.ts', "import { main } from '../cli/main';", 'The command line is a shell'],
  ['src/workbook/office/x.ts', "import { layoutSheet } from '../memory/memoryWorkbook';", 'Adapters do not import each other'],
  ['src/workbook/exceljs/x.ts', "import { OfficeWorkbook } from '../office/officeWorkbook';", 'Adapters do not import each other'],
  ['src/workbook/memory/x.ts', "import { plan } from '../../app/commands';", 'below the commands and the shells'],
  [
    'src/scoring/metrics/x.ts',
    "import { MemoryWorkbook } from '../../workbook/memory/memoryWorkbook';",
    'through src/workbook/port.ts only',
  ],
  ['src/cli/x.ts', "import { optimize } from '../optimize/run';", 'A shell calls the engine through src/app'],
  ['src/taskpane/x.ts', "import { scoreAll } from '../scoring/score';", 'A shell calls the engine through src/app'],
  ['src/functions/x.ts', "import { allocate } from '../costkeys/keys';", 'A shell calls the engine through src/app'],
  ['src/taskpane/components/x.tsx', "import { KEY_LABELS } from '../../costkeys/costSheet';", 'A shell calls the engine through src/app'],
  ['src/cli/x.ts', "import { fromPlanningInput } from '../optimize/fromInput';", 'A shell calls the engine through src/app'],
];
const ALLOWED: [string, string][] = [
  ['src/domain/x.ts', "import type { SheetSpec } from './sheets';"],
  ['src/app/x.ts', "import type { WorkbookPort } from '../workbook/port';"],
  ['src/workbook/office/x.ts', "import { layoutSheet } from '../../domain/layout';"],
  ['src/cli/x.ts', "import { ExcelJsWorkbook } from '../workbook/exceljs/exceljsWorkbook';"],
  ['src/cli/x.ts', "import { optimise } from '../app/optimise';"],
  ['src/functions/x.ts', "import { allocate } from '../app/shared';"],
  ['src/cli/x.ts', "import { optimizeCommand } from './optimize';"],
  ['src/cli/x.ts', "import { WorkerSolver } from '../optimize/node/exactInWorker';"],
  ['src/taskpane/x.ts', "import type { OptProblem } from '../optimize/problem';"],
];

/** ESLint in a process of its own (its flat config is an ES module, which Jest's VM cannot load). */
function lint(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      // The files here are not on disk, so the typed rules (which need them in a TypeScript
      // project) are off: this checks the import rules only.
      const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: require('typescript-eslint').configs.disableTypeChecked });
      const out = [];
      for (const [file, source] of cases) {
        const [r] = await eslint.lintText(source, { filePath: require('path').join(process.cwd(), file) });
        out.push(r.messages.filter((m) => (m.ruleId ?? '').endsWith('no-restricted-imports')).map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(cases), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

let refused: string[][];
let allowed: string[][];
beforeAll(() => {
  const all = lint([...REFUSED.map(([f, s]) => [f, s] as const), ...ALLOWED]);
  refused = all.slice(0, REFUSED.length);
  allowed = all.slice(REFUSED.length);
}, 120_000);

test.each(REFUSED.map((c, i) => [...c, i] as const))('%s: %s is refused', (_file, _source, reason, i) => {
  expect(refused[i]).toHaveLength(1);
  expect(refused[i]![0]).toContain(reason);
});

test.each(ALLOWED.map((c, i) => [...c, i] as const))('%s: %s is allowed', (_file, _source, i) => {
  expect(allowed[i]).toEqual([]);
});
