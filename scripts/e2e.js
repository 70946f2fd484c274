#!/usr/bin/env node
/**
 * npm run test:e2e: the browser tests. Builds dist/ first when it is missing or older than
 * anything it is built from, then runs them in Debian's Chromium (CHROMIUM, default
 * /usr/bin/chromium). Without Chromium they are skipped with a notice, except under CI
 * (CI set, as .ci/run does), where a missing browser fails the run.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execSync, spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const msg = `Browser tests need Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM).`;
  if (process.env.CI) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`SKIPPED the browser tests. ${msg}`);
  process.exit(0);
}

const built = path.join(root, 'dist', 'taskpane.js');
function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}
const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package-lock.json'].map((f) => path.join(root, f));
if (!fs.existsSync(built) || sources.some((s) => newest(s) > fs.statSync(built).mtimeMs)) {
  console.log('dist/ is missing or older than its sources: building it (npm run build:web) …');
  execSync('npm run --silent build:web', { cwd: root, stdio: 'inherit' });
}
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '-c', 'jest.e2e.config.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(jest.status ?? 1);
