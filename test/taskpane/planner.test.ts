import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { optimize } from '../../src/optimize/run';
import { Planner, SampleTakenError } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

function planner(excel: FakeExcel): Planner {
  return new Planner(new OfficeWorkbook(excel.run), data);
}

describe('the task pane’s planner, against the fake Excel', () => {
  it('says what is missing in an empty workbook', async () => {
    const p = planner(new FakeExcel([{ name: 'Ark1', values: [] }]));
    const loaded = await p.load();
    expect(loaded.value).toBeUndefined();
    expect(loaded.problems[0]).toMatchObject({ severity: 'error', code: 'sheetMissing' });
  });

  it('inserts the Nordland sample, scores it, optimises, splits costs, and never touches the planner’s sheet', async () => {
    const excel = new FakeExcel([{ name: 'Notater', values: [['Mitt eget ark'], [42]] }]);
    const before = excel.dump('Notater');
    const p = planner(excel);
    const added = await p.insertSample('18');
    expect(added).toEqual({
      sheets: ['Kommuner', 'Reisetid', 'Bemanning', 'Kontorer', 'Scenarier', 'Om dataene', 'Vekter'],
      municipalities: 41,
    });
    let loaded = p.loaded!;
    expect(loaded.value?.municipalities).toHaveLength(41);
    expect(loaded.found.find((f) => f.kind === 'municipalities')).toMatchObject({ sheet: 'Kommuner' });
    expect(loaded.found.find((f) => f.kind === 'municipalities')!.fields.find((f) => f.key === 'population')!.header).toBe(
      'Folketall 1.1.2026',
    );
    // A second insert (another county) would overwrite the planner's (now own) input sheets:
    // refused, naming every sheet in the way, with the workbook as it was.
    const names = excel.sheets.map((x) => x.name);
    const second = p.insertSample('03').catch((e: unknown) => e);
    await expect(second).resolves.toBeInstanceOf(SampleTakenError);
    expect(((await second) as SampleTakenError).sheets).toEqual([
      'Kommuner',
      'Reisetid',
      'Bemanning',
      'Kontorer',
      'Scenarier',
      'Om dataene',
      'Vekter',
    ]);
    expect(excel.sheets.map((x) => x.name)).toEqual(names);

    const scores = p.scores();
    expect(scores.length).toBeGreaterThan(1);
    const written = await p.writeScenarios();
    expect(written).toContain('Sammenligning');

    const req = { offices: 20 };
    const pr = p.optimisationProblem(req);
    const outcome = await optimize(pr, { heuristicSeconds: 0.3, sweep: [] });
    const result = await p.writeOptimised(req, pr, outcome);
    loaded = p.loaded!;
    expect(loaded.value!.scenarios.map((s) => s.name)).toContain(result.mainName);

    const office = loaded.value!.scenarios.find((s) => s.name === result.mainName)!.offices.find((o) => o.members.length > 2)!;
    const sheet = await p.writeCosts({
      scenario: result.mainName,
      host: office.host,
      key: { kind: 'per-capita' },
      costPerFte: 850_000,
      costPerFteGiven: false,
    });
    expect(excel.sheet(sheet)).toBeDefined();
    // The cost sheet's shares are live formulas in Excel.
    expect(
      excel
        .values(sheet)
        .flat()
        .some((v) => typeof v === 'string' && v.startsWith('=')),
    ).toBe(true);
    // Everything Kontorplan wrote is its own; a re-score keeps the cost sheet and writes each sheet once.
    await p.writeScenarios();
    expect(excel.sheets.filter((s) => s.name === sheet)).toHaveLength(1);
    expect(excel.sheets.filter((s) => s.name === 'Sammenligning')).toHaveLength(1);
    expect(excel.dump('Notater')).toEqual(before);
  });

  it('still shows which sheets it found when the data has errors', async () => {
    const excel = new FakeExcel([
      {
        name: 'Kommuner',
        values: [
          ['Kommunenummer', 'Folketall'],
          ['1804', '12 3x'],
        ],
      },
      { name: 'Scenarier', values: [['Scenario', 'Kommunenummer', 'Vertskommune']] },
    ]);
    const loaded = await planner(excel).load();
    expect(loaded.value).toBeUndefined();
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ sheet: 'Kommuner', cell: 'B2', code: 'notANumber' }),
    ]);
    expect(loaded.found.find((f) => f.kind === 'municipalities')).toMatchObject({ sheet: 'Kommuner' });
    expect(loaded.found.find((f) => f.kind === 'scenarios')).toMatchObject({ sheet: 'Scenarier' });
  });

  it('keeps the rules and the column mapping in the workbook', async () => {
    const excel = new FakeExcel([
      {
        name: 'Ark2',
        values: [
          ['Nr', 'Innb.'],
          ['1804', 53638],
          ['1841', 9770],
        ],
      },
    ]);
    const p = planner(excel);
    expect((await p.load()).value).toBeUndefined();
    const loaded = await p.saveSettings({
      mapping: { sheets: { municipalities: 'Ark2' }, columns: { Ark2: { number: 'Nr', population: 'Innb.' } } },
      rules: { minFte: 12 },
    });
    expect(loaded.value?.municipalities.map((m) => m.population)).toEqual([53638, 9770]);
    const again = planner(excel);
    await again.load();
    expect(again.rules.minFte).toBe(12);
  });
});

describe('partial results in the pane, as on the command line', () => {
  it('scores the valid scenarios while a broken one is listed with its cell', async () => {
    const excel = new FakeExcel([{ name: 'Ark1', values: [] }]);
    const p = planner(excel);
    await p.insertSample('18');
    const values = excel.values('Scenarier');
    const header = values.findIndex((r) => r.some((v) => typeof v === 'string' && /tjenestested/i.test(v)));
    const spCol = values[header]!.findIndex((v) => typeof v === 'string' && /tjenestested/i.test(v));
    const first = values[header + 1]![0] as string;
    // A branch open 7 days, in the first scenario's first row.
    const cell = `${String.fromCharCode(65 + spCol)}${header + 2}`;
    excel.edit('Scenarier', cell, [['åpningsdager 7']]);
    const loaded = await p.load();
    expect(loaded.value).toBeDefined();
    expect(loaded.value!.sheetsUsed.brokenScenarios).toEqual([first]);
    expect(loaded.problems.some((x) => x.severity === 'error' && x.sheet === 'Scenarier' && x.cell === cell)).toBe(true);
    const names = p.scores().map((s) => s.name);
    expect(names).not.toContain(first);
    expect(names.length).toBeGreaterThan(1);
  });
});
