import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** scripts/check-commits.sh on a repository of its own: subjects of at most 72 characters since a base. */

const script = path.resolve(__dirname, '..', '..', 'scripts', 'check-commits.sh');
let dir: string;

const git = (...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=Planner', '-c', 'user.email=planner@example.no', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};
const commit = (subject: string) => git('commit', '-q', '--allow-empty', '-m', subject, '-m', 'Why, in the body.');
const check = (...args: string[]) => spawnSync('bash', [script, ...args], { cwd: dir, encoding: 'utf8' });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kp-commits-'));
  git('init', '-q', '-b', 'main');
  commit('Start');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// 72 characters, 74 bytes in UTF-8: the limit counts characters.
const at72 = 'Kostnadsnøkler: én fordeling per kontor; ingen kommune betaler to ganger';
const at73 = at72 + 'e';

test('subjects of up to 72 characters pass, counted in characters', () => {
  expect([...at72]).toHaveLength(72);
  expect(Buffer.byteLength(at72)).toBeGreaterThan(72);
  git('checkout', '-q', '-b', 'topic');
  commit(at72);
  const r = check();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('1 commits since');
});

test('a subject of 73 characters since the base fails, listed with its length', () => {
  git('checkout', '-q', '-b', 'topic');
  commit('Short subject');
  commit(at73);
  const r = check();
  expect(r.status).toBe(1);
  expect(r.stdout).toContain(`subject of 73 characters (at most 72): ${at73}`);
  expect(r.stdout).not.toContain('Short subject');
  expect(r.stderr).toContain('1 of 2 commits');
});

test('only commits after the base count', () => {
  commit(at73);
  const before = git('rev-parse', 'HEAD');
  commit('Short subject');
  expect(check(before).status).toBe(0);
  expect(check(`${before}~1`).status).toBe(1);
});

test('a base that is not a commit is a usage error', () => {
  const r = check('no-such-branch');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("'no-such-branch' is not a commit here");
});
