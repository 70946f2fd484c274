#!/usr/bin/env node
/**
 * npm run corpus: writes the malformed workbooks of test/fixtures/bad/corpus.ts to
 * test/fixtures/bad/<file>.xlsx, and the index test/fixtures/bad/README.md (what is wrong in
 * each, and what Kontorplan answers). test/reliability/corpus.test.ts checks that the files
 * match the definitions and that every answer is the one listed.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const ExcelJS = require('exceljs');

// Load the TypeScript definitions directly (the corpus lives with the tests, not in lib/).
require.extensions['.ts'] = (module, file) => {
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  });
  module._compile(out.outputText, file);
};
const dir = path.join(__dirname, '..', 'test', 'fixtures', 'bad');
const { CASES, fill } = require(path.join(dir, 'corpus.ts'));

(async () => {
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.xlsx')) fs.rmSync(path.join(dir, f));
  for (const c of CASES) {
    const file = path.join(dir, `${c.file}.xlsx`);
    if (c.raw !== undefined) fs.writeFileSync(file, c.raw);
    else {
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Kontorplan test corpus';
      // Fixed dates, so the files only change when a case does.
      wb.created = wb.modified = new Date('2026-01-01T00:00:00Z');
      fill(wb, c);
      await wb.xlsx.writeFile(file);
    }
  }
  const cmd = (c) => (c.command ? `kontorplan ${c.command[0]} FIL ${c.command.slice(1).join(' ')}` : 'kontorplan plan FIL');
  const lines = [
    '# Malformed workbooks',
    '',
    'Built by `npm run corpus` from `corpus.ts`; checked by `test/reliability/corpus.test.ts` through the',
    'command line and through the add-in (the fake Excel host). Each row: the file, what is wrong, the',
    'command, the exit code, and what Kontorplan says (every line must appear in full). Exit 1 means',
    'nothing was written, but for a broken scenario (exit 1*): it is left out and the valid ones are written.',
    '',
    '| file | what is wrong | command | exit | messages |',
    '| --- | --- | --- | --- | --- |',
    ...CASES.map(
      (c) =>
        `| \`${c.file}.xlsx\` | ${c.what} | \`${cmd(c)}\` | ${c.exit}${c.written ? '*' : ''} | ${c.messages.map((m) => m.replace(/\|/g, '\\|')).join('<br>') || '(a correct result)'} |`,
    ),
    '',
  ];
  fs.writeFileSync(path.join(dir, 'README.md'), lines.join('\n'));
  console.log(`${CASES.length} workbooks in ${path.relative(process.cwd(), dir)}`);
})();
