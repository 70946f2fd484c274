// Times writing `plan`'s sheets into a workbook: open, replace Kontorplan's sheets, save; the
// median of N runs, wall and CPU time (the CPU time is steadier on a shared machine). Usage: node scripts/time-write.js LIB_DIR INPUT.xlsx [N]
// (LIB_DIR: a built lib/ directory, so two builds can be compared on the same input).
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const [lib, input, runs = '3'] = process.argv.slice(2);
const req = (m) => require(path.resolve(lib, m));
const { ExcelJsWorkbook } = req('workbook/exceljs/exceljsWorkbook');
const { readWorkbook } = req('io/readWorkbook');
const { embeddedReadOptions } = req('data/embedded');
const { loadEmbedded, loadNetwork } = req('cli/common');
const { DEFAULT_PARAMETERS } = req('domain/parameters');
const { scoreAll } = req('scoring/score');
const { resultSheets } = req('io/output');

(async () => {
  const data = loadEmbedded();
  const wb0 = await ExcelJsWorkbook.open(input);
  const value = readWorkbook(await wb0.read(), DEFAULT_PARAMETERS, embeddedReadOptions(data, loadNetwork(data))).value;
  const specs = resultSheets(scoreAll(value, DEFAULT_PARAMETERS), DEFAULT_PARAMETERS);
  const times = [];
  const out = path.join(os.tmpdir(), `time-write-${process.pid}.xlsx`);
  for (let i = 0; i < Number(runs); i++) {
    const t0 = process.hrtime.bigint();
    const wb = await ExcelJsWorkbook.open(input);
    await wb.read();
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage();
    await wb.replaceOwnSheets(specs);
    await wb.save(out);
    const c2 = process.cpuUsage(c1);
    const t2 = process.hrtime.bigint();
    times.push({ open: Number(t1 - t0) / 1e6, write: Number(t2 - t1) / 1e6, cpu: (c2.user + c2.system) / 1e3 });
  }
  const med = (k) => times.map((t) => t[k]).sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(
    `${lib}: ${specs.length} sheets, open+read median ${med('open').toFixed(0)} ms, write median ${med('write').toFixed(0)} ms (CPU ${med('cpu').toFixed(0)} ms), ` +
      `output ${(fs.statSync(out).size / 1024).toFixed(0)} KiB (${runs} runs)`,
  );
  fs.rmSync(out, { force: true });
})();
