/**
 * No planner loses data: every sheet the planner made is the same, cell for cell (values,
 * formulas, number formats, merged cells, column widths, visibility), after plan, optimise,
 * costs and a re-run, through the command line and through the add-in; Kontorplan's own
 * sheets are replaced, never duplicated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { main } from '../../src/cli/main';
import { buildSampleWorkbook } from '../../src/data/sample';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import { optimize } from '../../src/optimize/run';
import { Planner } from '../../src/taskpane/planner';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

const municipalities = loadEmbedded();
const network = loadNetwork(municipalities);
const nordland = municipalities.filter((m) => m.county === '18');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-nodataloss-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything about a sheet a planner could have put there. */
function fingerprint(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => cells.push([c.address, c.value, c.numFmt ?? null, c.font?.bold ?? null])),
  );
  return {
    state: ws.state,
    cells,
    merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).sort(),
    widths: ws.columns?.map((c) => c.width ?? null) ?? [],
  };
}

async function userSheets(file: string, names: readonly string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return Object.fromEntries(names.map((n) => [n, fingerprint(wb.getWorksheet(n)!)]));
}

async function sheetNames(file: string): Promise<string[]> {
  return (await (await ExcelJsWorkbook.open(file)).read()).sheets.map((s) => s.name);
}

describe('no data loss through the command line', () => {
  it('keeps every planner sheet identical through plan, optimize, costs and a re-run', async () => {
    // The sample, plus sheets of the planner's own: formulas, formats, merged cells, widths, a hidden sheet.
    const start = path.join(dir, 'start.xlsx');
    const sample = ExcelJsWorkbook.create();
    sample.addInputSheets(buildSampleWorkbook(nordland, DEFAULT_PARAMETERS, 'Nordland', network));
    await sample.save(start);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(start);
    const notes = wb.addWorksheet('Notater');
    notes.getCell('A1').value = 'Budsjett 2027';
    notes.mergeCells('A1:C1');
    notes.getCell('A1').font = { bold: true };
    notes.getCell('A2').value = 1200000;
    notes.getCell('A2').numFmt = '#,##0 "kr"';
    notes.getCell('B2').value = { formula: 'A2*1.03', result: 1236000 };
    notes.getCell('C2').value = { formula: 'Kommuner!D2/1000', result: 53.6 };
    notes.getColumn(1).width = 24;
    const hidden = wb.addWorksheet('Hjelpetall', { state: 'hidden' });
    hidden.getCell('A1').value = 'skjult';
    await wb.xlsx.writeFile(start);

    const planner = ['Kommuner', 'Reisetid', 'Bemanning', 'Scenarier', 'Om dataene', 'Notater', 'Hjelpetall'];
    const before = await userSheets(start, planner);
    // The fingerprint sees what it must keep.
    expect(before.Notater!.merges).toHaveLength(1);
    expect(before.Hjelpetall!.state).toBe('hidden');
    expect(JSON.stringify(before.Notater!.cells)).toContain('A2*1.03');
    expect(before.Kommuner!.cells.length).toBeGreaterThan(41 * 5);
    const io = { out: () => undefined, err: () => undefined };
    const steps: [string, string[]][] = [
      ['plan', ['plan']],
      ['optimize', ['optimize', '--offices', '20', '--heuristic', '--sweep', 'none', '--alternatives', '0']],
      ['costs', ['costs', '--scenario', 'Optimert 20 kontor', '--office', '1804']],
      ['plan-again', ['plan']],
      ['optimize-again', ['optimize', '--offices', '20', '--heuristic', '--sweep', 'none', '--alternatives', '0']],
    ];
    let input = start;
    for (const [name, args] of steps) {
      const out = path.join(dir, `${name}.xlsx`);
      expect(await main([args[0]!, input, ...args.slice(1), '--out', out], io)).toBe(0);
      expect(await userSheets(out, planner)).toEqual(before);
      const names = await sheetNames(out);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      // The input of each step is never touched.
      expect(await userSheets(input, planner)).toEqual(before);
      input = out;
    }
    const last = await sheetNames(input);
    expect(last).toEqual(expect.arrayContaining(['Sammenligning', 'KP Optimerte scenarier', 'KP Kostnader 1804']));
  }, 120_000);
});

describe('no data loss through the add-in', () => {
  it('keeps every planner sheet identical through insert, score, optimise, costs and a re-run', async () => {
    const excel = new FakeExcel([
      {
        name: 'Notater',
        values: [
          ['Budsjett 2027', null, null],
          [1200000, '=A2*1.03', 'tekst'],
        ],
      },
    ]);
    const p = new Planner(new OfficeWorkbook(excel.run), { municipalities, network });
    await p.insertSample('18');
    const planner = excel.sheets.map((s) => s.name);
    const snapshot = () => Object.fromEntries(planner.map((n) => [n, excel.dump(n)]));
    const before = snapshot();
    const own = () => excel.sheets.map((s) => s.name).filter((n) => !planner.includes(n));

    await p.writeScenarios();
    expect(snapshot()).toEqual(before);
    const req = { offices: 20 };
    const pr = p.optimisationProblem(req);
    const result = await p.writeOptimised(req, pr, await optimize(pr, { heuristicSeconds: 0.3, sweep: [] }));
    expect(snapshot()).toEqual(before);
    await p.writeCosts({
      scenario: result.mainName,
      host: '1804',
      key: { kind: 'per-capita' },
      costPerFte: 850_000,
      costPerFteGiven: false,
    });
    expect(snapshot()).toEqual(before);
    const firstRound = own();
    await p.writeScenarios();
    await p.writeOptimised(req, pr, await optimize(pr, { heuristicSeconds: 0.3, sweep: [] }));
    expect(snapshot()).toEqual(before);
    // Replaced, never duplicated: the same own sheets, once each.
    expect(own().sort()).toEqual(firstRound.sort());
    expect(new Set(own()).size).toBe(own().length);
  }, 60_000);
});
