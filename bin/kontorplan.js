#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('Kontorplan er ikke bygget ennå: kjør «npm run build:cli» (npm ci gjør det automatisk).\n');
  process.exit(2);
}
// Output piped into a command that stops reading (`| head`): stop quietly, as other tools do.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`kontorplan: uventet feil: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 3;
  });
