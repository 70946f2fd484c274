/**
 * Every malformed workbook of test/fixtures/bad/ gets its answer: through the command line
 * (exit code, the messages in full, and nothing written when it fails, the input untouched)
 * and through the add-in (the same messages from the task pane's planner, over the fake Excel,
 * and the workbook unchanged).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { main } from '../../src/cli/main';
import { CostKeyError } from '../../src/costkeys/keys';
import type { CellValue } from '../../src/domain/sheets';
import { formatProblem } from '../../src/io/problems';
import { RequestError } from '../../src/optimize/fromInput';
import { InfeasibleRulesError, reduce } from '../../src/optimize/problem';
import { Planner } from '../../src/taskpane/planner';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';
import { CASES, fill, type BadCase } from '../fixtures/bad/corpus';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'bad');
const file = (c: BadCase) => path.join(DIR, `${c.file}.xlsx`);
const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'kontorplan-bad-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('the corpus', () => {
  it('has at least 40 workbooks, each with what is wrong and what Kontorplan answers', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
    for (const c of CASES) {
      expect(c.what.length).toBeGreaterThan(10);
      if (c.exit === 1) expect(c.messages.length).toBeGreaterThan(0);
    }
  });

  it.each(CASES.filter((c) => c.raw === undefined).map((c) => [c.file, c] as const))(
    '%s.xlsx is built from its definition (npm run corpus)',
    async (_, c) => {
      const fresh = new ExcelJS.Workbook();
      fill(fresh, c);
      const built = await ExcelJsWorkbook.fromBuffer(Buffer.from(await fresh.xlsx.writeBuffer()));
      const committed = await ExcelJsWorkbook.open(file(c));
      expect(await committed.read()).toEqual(await built.read());
    },
  );
});

describe.each(CASES.map((c) => [c.file, c] as const))('%s', (_, c) => {
  it(`the command line: exit ${c.exit}${c.messages.length ? ', with the message' : ''}${c.written ? ', the valid scenarios written' : c.exit ? ', nothing written' : ''}`, async () => {
    const target = path.join(out, `${c.file}-ut.xlsx`);
    const before = hash(file(c));
    const stderr: string[] = [];
    const args = c.command ? [c.command[0]!, file(c), ...c.command.slice(1)] : ['plan', file(c)];
    // The optimiser's cases need its answer, not a proof: the heuristic alone.
    const fast = c.command?.[0] === 'optimize' ? ['--heuristic'] : [];
    const code = await main([...args, ...fast, '--out', target], { out: () => undefined, err: (s) => stderr.push(s) });
    for (const m of c.messages) expect(stderr.some((line) => line.includes(m))).toBe(true);
    expect(code).toBe(c.exit);
    expect(existsSync(target)).toBe(c.exit === 0 || c.written === true);
    expect(hash(file(c))).toBe(before);
  });

  if (c.raw !== undefined) return;

  it('the add-in: the same answer in the task pane, and the workbook as it was', async () => {
    const snapshot = await (await ExcelJsWorkbook.open(file(c))).read();
    const excel = new FakeExcel(
      snapshot.sheets.map((s) => ({ name: s.name, values: s.values as CellValue[][], visibility: s.visible ? 'Visible' : 'Hidden' })),
    );
    const before = excel.sheets.map((s) => excel.dump(s.name));
    const planner = new Planner(new OfficeWorkbook(excel.run), data);
    const loaded = await planner.load();
    const shown = loaded.problems.map((p) => `${p.severity === 'error' ? 'Feil' : 'Merk'}: ${formatProblem(p, 'nb')}`);
    if (!c.command) {
      // The command line's closing line on the scenarios it left out is its own.
      for (const m of c.messages.filter((x) => /^(Feil|Merk): /.test(x) || !c.written)) expect(shown).toContain(m);
      // Nothing to show where the command wrote nothing; where it wrote the valid scenarios (a
      // broken one left out), the pane scores them too.
      expect(loaded.value === undefined).toBe(c.exit === 1 && c.written !== true);
    } else {
      // The command's own rules: what the task pane says when the planner asks the same.
      expect(loaded.value).toBeDefined();
      const message = c.messages[0]!.replace(/^Feil: /, '').replace(/\. Ingenting ble skrevet\.$/, '');
      expect(() => ask(planner, c.command!)).toThrow(message);
    }
    expect(excel.sheets.map((s) => excel.dump(s.name))).toEqual(before);
  });
});

/** The task pane's equivalent of an optimize or costs command line (parsed here the way the pane's fields are). */
function ask(planner: Planner, command: readonly string[]): void {
  const flag = (name: string) => {
    const i = command.indexOf(`--${name}`);
    return i < 0 ? undefined : command[i + 1];
  };
  const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.padStart(4, '0')) : []);
  try {
    if (command[0] === 'costs') {
      planner.costs({
        scenario: flag('scenario')!,
        host: flag('office')!,
        key: { kind: 'per-capita' },
        costPerFte: 850_000,
        costPerFteGiven: false,
      });
      return;
    }
    if (flag('max-owners')) planner.settings = { ...planner.settings, rules: { maxOwners: Number(flag('max-owners')) } };
    const locks = new Map(
      (flag('lock') ?? '')
        .split(',')
        .filter(Boolean)
        .map((p) => p.split('=') as [string, string]),
    );
    reduce(
      planner.optimisationProblem({
        offices: Number(flag('offices')),
        forcedHosts: list(flag('host')),
        forbiddenHosts: list(flag('not-host')),
        locks,
      }),
    );
  } catch (e) {
    if (e instanceof RequestError || e instanceof InfeasibleRulesError || e instanceof CostKeyError) throw e;
    throw new Error(`not a message for the planner: ${(e as Error).stack}`);
  }
}
