import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as commands from '../../src/app/commands';
import { siteCostOf } from '../../src/app/steps';
import { edit, keepAsScenario, start, whatIfMessage, WhatIfScorer, type Edit, type WhatIfState } from '../../src/app/whatif';
import { reference } from '../../src/cli/common';
import { main } from '../../src/cli/main';
import { capture } from '../builders';
import { embeddedReadOptions } from '../../src/data/embedded';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import type { WorkbookSnapshot } from '../../src/domain/sheets';
import { asMunicipalityNumber as n } from '../../src/domain/types';
import { OWN_SCENARIOS_SHEET } from '../../src/io/optimizeOutput';
import { readWorkbook } from '../../src/io/readWorkbook';
import { scoreAll, type ScenarioScore } from '../../src/scoring/score';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { InputSheetsPort, WorkbookPort } from '../../src/workbook/port';

/**
 * Keeping a what-if: written to Kontorplan's own sheet in the layout of KP Optimerte scenarier,
 * read back as a scenario and scored as the what-if scored it, on the memory adapter and in a
 * real .xlsx file (exceljs, saved and opened again).
 */
const ref = reference();
const p = DEFAULT_PARAMETERS;
const options = embeddedReadOptions(ref.data, ref.network);

const adapters = [
  { name: 'memory', fresh: (): WorkbookPort & InputSheetsPort => new MemoryWorkbook(), reopen: async (wb: WorkbookPort) => wb },
  {
    name: 'exceljs',
    fresh: (): WorkbookPort & InputSheetsPort => ExcelJsWorkbook.create(),
    reopen: async (wb: WorkbookPort) => ExcelJsWorkbook.fromBuffer(await (wb as ExcelJsWorkbook).toBuffer()),
  },
];

const readValue = (s: WorkbookSnapshot) => readWorkbook(s, p, options).value!;

/** A score with its offices and members in number order and its figures to 9 digits: what must survive the sheet. */
function canonical(s: ScenarioScore) {
  const round = (x: unknown): unknown =>
    typeof x === 'number'
      ? Number(x.toPrecision(9))
      : Array.isArray(x)
        ? x.map(round)
        : x && typeof x === 'object'
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]))
          : x;
  const offices = [...s.offices]
    .map((o) => ({ ...o, members: [...o.members].sort((a, b) => a.number.localeCompare(b.number)) }))
    .sort((a, b) => a.host.localeCompare(b.host));
  const byNumber = <T extends { kommunenummer: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer));
  return round({
    offices,
    totals: s.totals,
    admissible: s.admissible,
    breaches: byNumber(s.breaches)
      .map((b) => `${b.kommunenummer} ${b.rule}`)
      .sort(),
    versus: byNumber(s.versus.municipalities),
    consequences: s.consequences,
  });
}

const planners = (s: WorkbookSnapshot) => s.sheets.filter((x) => !s.ownedSheets.includes(x.name));

describe.each(adapters)('keeping a what-if as a scenario ($name)', ({ fresh, reopen }) => {
  let wb: WorkbookPort;
  let before: WorkbookSnapshot;
  let state: WhatIfState;
  let whatIf: ScenarioScore;

  beforeAll(async () => {
    const w = fresh();
    expect((await commands.sample(w, '18', p, ref)).failure).toBeUndefined();
    wb = await reopen(w);
    before = await wb.read();
    const value = readValue(before);
    // Today's structure (Kontorer, with its legal forms), Beiarn moved to Bodø and Sørfold given a meeting room.
    const base = value.scenarios.find((s) => s.name.startsWith('Dagens struktur'))!;
    const ctx = { input: value, params: p, municipalitiesSheet: 'Kommuner' };
    const edits: Edit[] = [
      { kind: 'move', member: n('1839'), host: n('1804') },
      { kind: 'servicePoint', member: n('1845'), servicePoint: { kind: 'meeting' } },
    ];
    state = start(base);
    for (const e of edits) {
      const r = edit(state, e, ctx);
      if (!r.state) throw new Error(whatIfMessage(r.error, 'en'));
      state = r.state;
    }
    whatIf = new WhatIfScorer(ctx).rescore(state).score;
    const kept = await keepAsScenario(wb, value, state.scenario, '  Mitt forslag ', siteCostOf(value, p));
    expect(kept).toEqual({ sheet: OWN_SCENARIOS_SHEET, scenario: 'Mitt forslag' });
    wb = await reopen(wb);
  }, 60_000);

  it('writes only its own sheet: every sheet of the planner (Scenarier too) is as it was', async () => {
    const after = await wb.read();
    expect(after.ownedSheets).toEqual([OWN_SCENARIOS_SHEET]);
    expect(planners(after)).toEqual(planners(before));
  });

  it('reads it back as a scenario of its own that scores as the what-if did', async () => {
    const value = readValue(await wb.read());
    expect(value.sheetsUsed.ownScenarioNames).toEqual(['Mitt forslag']);
    const scores = scoreAll(value, p);
    const kept = scores.find((s) => s.name === 'Mitt forslag')!;
    expect(canonical(kept)).toEqual(canonical(whatIf));
    // The moves made it: Beiarn in Bodø's office, Sørfold with a meeting room.
    const beiarn = kept.offices.find((o) => o.members.some((m) => m.number === '1839'))!;
    expect(beiarn.host).toBe('1804');
    expect(kept.offices.flatMap((o) => o.members).find((m) => m.number === '1845')!.servicePoint).toEqual({ kind: 'meeting' });
  });

  it('is scored by plan like the planner\u2019s scenarios, and plan keeps the sheet', async () => {
    const r = await commands.plan(wb, p, ref);
    expect(r.failure).toBeUndefined();
    expect(r.summary!.scores.map((s) => s.name)).toContain('Mitt forslag');
    const after = await (await reopen(wb)).read();
    expect(after.ownedSheets).toContain(OWN_SCENARIOS_SHEET);
    expect(readValue(after).sheetsUsed.ownScenarioNames).toEqual(['Mitt forslag']);
  });

  it('adds a second one beside the first, and refuses a name already taken, writing nothing', async () => {
    let value = readValue(await wb.read());
    const second = await keepAsScenario(wb, value, state.base, 'Forslag 2', siteCostOf(value, p));
    expect(second).toEqual({ sheet: OWN_SCENARIOS_SHEET, scenario: 'Forslag 2' });
    wb = await reopen(wb);
    const snap = await wb.read();
    value = readValue(snap);
    expect(value.sheetsUsed.ownScenarioNames).toEqual(['Mitt forslag', 'Forslag 2']);
    for (const name of ['mitt forslag', 'Kjente samarbeid', ' ']) {
      const r = await keepAsScenario(wb, value, state.scenario, name, siteCostOf(value, p));
      expect('code' in r && r.code).toBe(name.trim() === '' ? 'whatIfNameMissing' : 'whatIfNameTaken');
    }
    expect(await wb.read()).toEqual(snap);
  });
});

it('refuses to write over a sheet of the planner\u2019s own named KP Egne scenarier, changing nothing', async () => {
  const wb = new MemoryWorkbook();
  await commands.sample(wb, '18', p, ref);
  wb.addInputSheets([
    { name: OWN_SCENARIOS_SHEET, tables: [{ name: 'Mine', startRow: 0, columns: [{ header: 'Notat' }], rows: [['mitt']] }] },
  ]);
  const before = await wb.read();
  const value = readValue(before);
  const r = await keepAsScenario(wb, value, value.scenarios[0]!, 'Nytt', siteCostOf(value, p));
  expect(r).toEqual({ code: 'whatIfSheetTaken', params: { sheet: OWN_SCENARIOS_SHEET } });
  expect(whatIfMessage(r as never, 'en')).toMatch(
    /^the sheet "KP Egne scenarier" already exists and was not made by Kontorplan, so nothing was written/,
  );
  expect(await wb.read()).toEqual(before);
});

it('is counted apart by the command line: the Scenarier sheet is not credited with it', async () => {
  const wb = ExcelJsWorkbook.create();
  await commands.sample(wb, '18', p, ref);
  const value = readValue(await wb.read());
  expect(await keepAsScenario(wb, value, value.scenarios[0]!, 'Mitt forslag', siteCostOf(value, p))).toMatchObject({
    scenario: 'Mitt forslag',
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-whatif-'));
  try {
    const file = path.join(dir, 'egne.xlsx');
    writeFileSync(file, await wb.toBuffer());
    const io = capture();
    expect(await main(['plan', file, '--out', path.join(dir, 'ut.xlsx')], io)).toBe(0);
    // The sample's Scenarier has 3 scenarios; the fourth is the planner's own what-if.
    expect(io.stdout.join('\n')).toContain('3 scenarier fra «Scenarier» og 1 fra «KP Egne scenarier»');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
