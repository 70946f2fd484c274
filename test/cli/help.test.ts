import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-help-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS = ['sample', 'plan', 'travel', 'optimize', 'costs'] as const;

describe('kontorplan CMD --help', () => {
  test.each(COMMANDS.flatMap((c) => [[c, '--help'] as const, [c, '-h'] as const]))(
    '%s %s prints its own usage and exits 0',
    async (c, flag) => {
      const io = capture();
      // Help wins over everything else on the line, even a missing --out or a bad value.
      expect(await main([c, 'x.xlsx', '--min-fte', 'mange', flag], io)).toBe(0);
      const text = io.stdout.join('\n');
      expect(text.startsWith('Bruk:')).toBe(true);
      expect(text).toContain(`kontorplan ${c} `);
      for (const other of COMMANDS.filter((o) => o !== c)) expect(text).not.toContain(`kontorplan ${other} `);
      expect(io.stderr).toEqual([]);
    },
  );

  it('speaks English with --lang en, placeholders included', async () => {
    const io = capture();
    expect(await main(['plan', '--help', '--lang', 'en'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text.startsWith('Usage:')).toBe(true);
    expect(text).toContain('kontorplan plan IN.xlsx --out OUT.xlsx [options]');
    expect(text).toContain('Options for plan:');
    expect(text).not.toMatch(/Valg for|standard \d|INN\.xlsx/);
  });

  it('lists, in each command’s help, the options its parser accepts that the help names', async () => {
    const io = capture();
    await main(['optimize', '--help'], io);
    const flags = [...io.stdout.join('\n').matchAll(/^ {2}(--[a-z0-9-]+)/gm)].map((m) => m[1]!);
    expect(flags).toEqual(
      expect.arrayContaining(['--offices', '--office-cost', '--lock', '--sweep-site-cost', '--min-fte', '--travel-fixed']),
    );
    // Every flag optimize's help names is one its parser takes: none of them is an unknown option.
    for (const flag of new Set(flags)) {
      const e = capture();
      await main(['optimize', flag, '--out'], e);
      expect(e.stderr.join('\n')).not.toContain('ukjent valg');
    }
  });

  it('prints the whole manual for help, and one command’s for help CMD', async () => {
    const all = capture();
    expect(await main(['help'], all)).toBe(0);
    for (const c of COMMANDS) expect(all.stdout.join('\n')).toContain(`kontorplan ${c} `);
    const one = capture();
    expect(await main(['help', 'costs', '--lang', 'en'], one)).toBe(0);
    expect(one.stdout.join('\n')).toContain('Keys (--key, English or Norwegian):');
  });
});

describe('usage errors', () => {
  test.each([
    [['plan', 'x.xlsx', '--out', 'y.xlsx', '--frob'], 'kontorplan: ukjent valg «--frob»', 'Skriv «kontorplan plan --help» for bruk.'],
    [['plan', 'x.xlsx', '--out'], 'kontorplan: valget --out trenger en verdi', 'Skriv «kontorplan plan --help» for bruk.'],
    [
      ['plan', 'x.xlsx', '--json=ja', '--out', 'y.xlsx'],
      'kontorplan: valget --json tar ingen verdi',
      'Skriv «kontorplan plan --help» for bruk.',
    ],
    [['sample', 'x.xlsx', '--out', 'y.xlsx'], 'kontorplan: uventet argument «x.xlsx»', 'Skriv «kontorplan sample --help» for bruk.'],
    [
      ['optimize', 'x.xlsx', '--frob', '--lang', 'en'],
      'kontorplan: unknown option "--frob"',
      'Run "kontorplan optimize --help" for usage.',
    ],
    [
      ['plan', '--lang=en'],
      'kontorplan: plan needs one input file: kontorplan plan IN.xlsx --out OUT.xlsx',
      'Run "kontorplan plan --help" for usage.',
    ],
    [['frobnicate', '--lang', 'en'], 'kontorplan: unknown command "frobnicate"', 'Run "kontorplan --help" for usage.'],
  ])('%p: the one line that matters and where help is', async (args, line, hint) => {
    const io = capture();
    expect(await main([...args], io)).toBe(2);
    // Two lines, not the manual, and never Node's own text.
    expect(io.stderr.join('\n').split('\n')).toEqual([line, hint]);
    expect(io.stdout).toEqual([]);
  });

  it('sample takes --lang and rejects a language it does not have', async () => {
    const file = path.join(dir, 'oslo.xlsx');
    const io = capture();
    expect(await main(['sample', '--county', '03', '--out', file, '--lang', 'en'], io)).toBe(0);
    expect(existsSync(file)).toBe(true);
    const bad = capture();
    expect(await main(['sample', '--county', '03', '--out', file, '--lang', 'se'], bad)).toBe(2);
    expect(bad.stderr.join('\n').split('\n')[0]).toBe('kontorplan: --lang må være nb eller en');
  });
});
