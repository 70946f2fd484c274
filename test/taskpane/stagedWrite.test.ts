/**
 * The pane's writes built off the page: with the pane's worker (offload.ts), every command that
 * writes (the sample, the scenario sheets and comparison, the cost sheet, the optimiser's result)
 * runs there against a staging port, and the Office port on the page only applies the sheets it
 * sent back, with progress per sheet. Refusals and a write Excel stops half-way leave the
 * planner's sheets as they were.
 */
import * as commands from '../../src/app/commands';
import * as optimiseCommands from '../../src/app/optimise';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import type { SheetSpec } from '../../src/domain/sheets';
import { optimize } from '../../src/optimize/run';
import { inProcess, type CommandRequest, type Offload, type Staged } from '../../src/taskpane/offload';
import { Planner, type Progress, type Stage } from '../../src/taskpane/planner';
import { StagingWorkbook } from '../../src/taskpane/staging';
import { OfficeWorkbook, sheetGrids, type LaidOutSheet } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

/** The worker as the page sees it, with every command asked of it and every answer it gave. */
function recorded(): { offload: Offload; asked: CommandRequest[]; answers: Staged[] } {
  const inner = inProcess(data);
  const asked: CommandRequest[] = [];
  const answers: Staged[] = [];
  return {
    asked,
    answers,
    offload: {
      read: (s, p, l) => inner.read(s, p, l),
      command: async (r) => {
        asked.push(r);
        const a = await inner.command(r);
        answers.push(a);
        return a;
      },
    },
  };
}

/** What the Office port was asked to write: sheets it lays out itself (`specs`), and sheets laid out elsewhere. */
function spied(wb: OfficeWorkbook) {
  const calls = { specs: [] as SheetSpec[][], own: [] as LaidOutSheet[][], input: [] as LaidOutSheet[][] };
  const own = wb.replaceOwnSheets.bind(wb);
  const input = wb.addInputSheets.bind(wb);
  const ownLaid = wb.replaceLaidOut.bind(wb);
  const inputLaid = wb.addLaidOut.bind(wb);
  wb.replaceOwnSheets = (specs, keep) => (calls.specs.push([...specs]), own(specs, keep));
  wb.addInputSheets = (specs) => (calls.specs.push([...specs]), input(specs));
  wb.replaceLaidOut = (sheets, keep) => (calls.own.push([...sheets]), ownLaid(sheets, keep));
  wb.addLaidOut = (sheets) => (calls.input.push([...sheets]), inputLaid(sheets));
  return calls;
}

/** The sheets a worker's answer carries, as the page parses them. */
const carried = (a: Staged | undefined) => (a?.writes ?? []).flatMap((w) => w.sheets.map((t) => JSON.parse(t) as LaidOutSheet));

const ports = { plan: [] as unknown[], sample: [] as unknown[], costs: [] as unknown[], optimised: [] as unknown[] };
beforeEach(() => {
  for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = [];
  const through = <K extends keyof typeof ports>(k: K, mod: Record<string, unknown>, name: string) => {
    const real = mod[name] as (...a: unknown[]) => unknown;
    jest.spyOn(mod as Record<string, (...a: unknown[]) => unknown>, name).mockImplementation((...a: unknown[]) => {
      ports[k].push(a[0]);
      return real(...a);
    });
  };
  through('plan', commands as unknown as Record<string, unknown>, 'plan');
  through('sample', commands as unknown as Record<string, unknown>, 'sample');
  through('costs', commands as unknown as Record<string, unknown>, 'costs');
  through('optimised', optimiseCommands as unknown as Record<string, unknown>, 'writeOptimised');
});
afterEach(() => jest.restoreAllMocks());

describe('writing from the pane’s worker', () => {
  it('runs every writing command over a staging port; the Office port only applies what came back', async () => {
    const excel = new FakeExcel([{ name: 'Notater', values: [['Mitt eget ark'], [42]] }]);
    const notes = excel.dump('Notater');
    const wb = new OfficeWorkbook(excel.run);
    const calls = spied(wb);
    const w = recorded();
    const p = new Planner(wb, data);
    p.offload = w.offload;
    await p.load();

    const stages: [Stage, Progress | undefined][] = [];
    const added = await p.insertSample('18', (s, pr) => stages.push([s, pr]));
    expect(added.municipalities).toBe(41);
    expect(w.asked.map((r) => r.command)).toEqual(['sample']);
    // The sample's sheets were built and laid out over there: the page added exactly those.
    expect(calls.input).toEqual([carried(w.answers[0])]);
    expect(calls.input[0]!.map((s) => s.spec.name)).toEqual(added.sheets);
    expect(calls.input[0]!.every((s) => s.grid.formulas.length > 0 && s.grid.formats.length === s.grid.formulas.length)).toBe(true);
    // Progress: building, then every sheet in turn, then reading it back.
    const n = added.sheets.length;
    expect(stages[0]).toEqual(['building', undefined]);
    const writing = stages.filter(([s]) => s === 'writing').map(([, pr]) => pr);
    expect(writing).toEqual(Array.from({ length: n }, (_, i) => ({ sheet: i + 1, of: n })));
    expect(stages.at(-1)?.[0]).toBe('checking');

    const sheets = await p.writeScenarios({ check: true });
    expect(sheets).toContain('Sammenligning');
    expect(calls.own.at(-1)).toEqual(carried(w.answers.at(-1)));

    const req = { offices: 12 };
    const pr = p.optimisationProblem(req);
    const outcome = await optimize(pr, { heuristicSeconds: 0.3, sweep: [] });
    const result = await p.writeOptimised(req, pr, outcome);
    expect(calls.own.at(-1)).toEqual(carried(w.answers.at(-1)));
    expect(calls.own.at(-1)!.map((s) => s.spec.name)).toEqual(result.specs.map((s) => s.name));

    const scenario = p.loaded!.value!.scenarios.find((s) => s.offices.some((o) => o.members.length > 1))!;
    const host = scenario.offices.find((o) => o.members.length > 1)!.host;
    const name = await p.writeCosts({
      scenario: scenario.name,
      host,
      key: { kind: 'per-capita' },
      costPerFte: 900_000,
      costPerFteGiven: false,
    });
    expect(calls.own.at(-1)![0]!.spec.name).toBe(name);
    expect(excel.sheet(name)).toBeDefined();

    expect(w.asked.map((r) => r.command)).toEqual(['sample', 'plan', 'optimised', 'costs']);
    // Every command ran against the staging port, never against the page's Office port.
    for (const list of Object.values(ports)) {
      expect(list.length).toBeGreaterThan(0);
      for (const port of list) expect(port).toBeInstanceOf(StagingWorkbook);
    }
    // The page never laid a sheet out itself.
    expect(calls.specs).toEqual([]);
    expect(excel.dump('Notater')).toEqual(notes);
  }, 120_000);

  it('writes the same sheets as the command run on the page', async () => {
    const run = async (offload: boolean) => {
      const excel = new FakeExcel([]);
      const p = new Planner(new OfficeWorkbook(excel.run), data);
      if (offload) p.offload = inProcess(data);
      const sample = await p.insertSample('34');
      const written = await p.writeScenarios({ check: true });
      return { excel, written: [...sample.sheets, ...written] };
    };
    const [here, there] = [await run(false), await run(true)];
    expect(there.written).toEqual(here.written);
    expect(here.written).toEqual(expect.arrayContaining(['Kommuner', 'Reisetid', 'Om dataene', 'Sammenligning']));
    for (const name of here.written) expect(JSON.stringify(there.excel.dump(name))).toBe(JSON.stringify(here.excel.dump(name)));
  }, 120_000);

  it('leaves the planner’s sheets as they were when Excel stops the write half-way', async () => {
    const excel = new FakeExcel([{ name: 'Notater', values: [['Mitt eget ark']] }]);
    const p = new Planner(new OfficeWorkbook(excel.run), data);
    p.offload = inProcess(data);
    await p.insertSample('18');
    const names = excel.sheets.map((s) => s.name);
    const mine = names.map((n) => excel.dump(n));
    // The write's batch fails after a few of its steps (Excel applies those: the adapter cleans up).
    excel.failAfterSteps = 25;
    await expect(p.writeScenarios({ check: true })).rejects.toThrow(/Excel avbrøt skrivingen.*arkene dine er urørt/);
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(names.map((n) => excel.dump(n))).toEqual(mine);

    // The sample, stopped half-way, leaves none of its sheets behind.
    const empty = new FakeExcel([{ name: 'Ark1', values: [] }]);
    const q = new Planner(new OfficeWorkbook(empty.run), data);
    q.offload = inProcess(data);
    await q.load();
    empty.failAfterSteps = 10;
    await expect(q.insertSample('18')).rejects.toThrow(/Excel avbrøt skrivingen/);
    expect(empty.sheets.map((s) => s.name)).toEqual(['Ark1']);
  }, 120_000);

  it('refuses, writing nothing, when a sheet of the planner’s has the name of one it writes', async () => {
    const excel = new FakeExcel([{ name: 'Sammenligning', values: [['Min egen sammenligning']] }]);
    const p = new Planner(new OfficeWorkbook(excel.run), data);
    p.offload = inProcess(data);
    await p.load();
    await p.insertSample('18');
    const w = recorded();
    p.offload = w.offload;
    await p.load();
    const names = excel.sheets.map((s) => s.name);
    const rejected = p.writeScenarios({ check: true }).catch((e: Error) => e);
    expect(((await rejected) as Error).message).toMatch(/Sammenligning/);
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(excel.values('Sammenligning')).toEqual([['Min egen sammenligning']]);
    // Refused over there, from what the page read: nothing was sent to Excel.
    expect(w.answers[0]!.result.failure?.sheets).toEqual(['Sammenligning']);
    expect(w.answers[0]!.writes).toEqual([]);
  }, 120_000);

  it('runs the command on the page when the worker no longer has the reading (started again)', async () => {
    const excel = new FakeExcel([]);
    const p = new Planner(new OfficeWorkbook(excel.run), data);
    p.offload = inProcess(data);
    await p.insertSample('18');
    const w = recorded();
    p.offload = w.offload;
    const written = await p.writeScenarios();
    expect(written).toContain('Sammenligning');
    expect(w.asked.map((r) => r.command)).toEqual(['plan']);
    expect(w.answers).toEqual([]);
    // It ran here, over the page's port.
    expect(ports.plan.some((port) => !(port instanceof StagingWorkbook))).toBe(true);
  }, 120_000);

  it('lays out a sheet with more rows than a stack takes as arguments (all of Norway’s Reisetid in a Web Worker)', () => {
    const rows = Array.from({ length: 400_000 }, (_, i) => [i]);
    const spec: SheetSpec = { name: 'KP Lang', tables: [{ name: 'KP_Lang', startRow: 0, columns: [{ header: 'n' }], rows }] };
    const grid = sheetGrids(spec);
    expect(grid.width).toBe(1);
    expect(grid.formulas).toHaveLength(400_001);
    expect(grid.formulas[400_000]).toEqual([399_999]);
  });
});
