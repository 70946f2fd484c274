#!/usr/bin/env node
/** Builds dist/ (npm run build:web) when it is missing or older than anything it is built from. */
const fs = require('node:fs');
const path = require('node:path');
const { execSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'taskpane.js');
function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}
const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package-lock.json'].map((f) => path.join(root, f));
const stale = !fs.existsSync(built) || sources.some((s) => newest(s) > fs.statSync(built).mtimeMs);
if (stale) {
  console.log('dist/ is missing or older than the sources: building it (npm run build:web) …');
  execSync('npm run --silent build:web', { cwd: root, stdio: 'inherit' });
} else console.log('dist/ is up to date.');
