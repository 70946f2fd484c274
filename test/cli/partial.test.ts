import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';

/**
 * A workbook with one valid and one broken scenario (test/fixtures/inputs/
 * scenario-delvis-feil.xlsx): plan scores and writes the valid one, lists the broken one with
 * its cells and exits 1; optimize and travel do not use Scenarier and are not held up by it.
 */
const input = path.join(__dirname, '..', 'fixtures', 'inputs', 'scenario-delvis-feil.xlsx');
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-partial-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe('partial results', () => {
  it('plan writes the valid scenario, lists the broken one with its cells and exits 1', async () => {
    const out = path.join(dir, 'plan.xlsx');
    const io = capture();
    expect(await main(['plan', input, '--out', out, '--json'], io)).toBe(1);
    expect(io.stderr).toEqual(
      expect.arrayContaining([
        'Feil: Scenarier!C10: "9999" er ikke en kommune i arket Kommuner',
        'Feil: Scenarier!B12: kommune 1840 er med to ganger i scenario «To kontor» (også i Scenarier!B8)',
        '2 feil i Scenarier: «To kontor» er ikke vurdert; de andre er skrevet.',
      ]),
    );
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.inputs.scenarios).toEqual({ sheet: 'Scenarier', scored: ['Indre Salten samlet'], notScored: ['To kontor'] });
    expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(['Indre Salten samlet']);
    const names = await sheetNames(out);
    expect(names).toEqual(expect.arrayContaining(['Kommuner', 'Scenarier']));
    expect(names.some((n) => n.includes('Indre Salten samlet'))).toBe(true);
    expect(names.some((n) => n.includes('To kontor'))).toBe(false);
  });

  it.each([
    ['travel', []],
    ['optimize', ['--offices', '2', '--max-travel', '600', '--min-fte', '0', '--alternatives', '0', '--sweep', 'none']],
  ])('%s does not depend on Scenarier: it runs, and notes the scenario problems', async (command, extra) => {
    const out = path.join(dir, `${command}.xlsx`);
    const io = capture();
    expect(await main([command, input, '--out', out, ...extra], io)).toBe(0);
    expect(io.stderr).toContain('Merk: Scenarier!C10: "9999" er ikke en kommune i arket Kommuner');
    expect(existsSync(out)).toBe(true);
  });
});
