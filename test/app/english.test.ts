import * as commands from '../../src/app/commands';
import { optimise } from '../../src/app/optimise';
import { buildSampleWorkbook, selectCounty } from '../../src/data/sample';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import type { CellValue, WorkbookSnapshot } from '../../src/domain/sheets';
import { reference } from '../../src/cli/common';
import { message } from '../../src/io/messages';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { norwegian } from './giveAway';

/**
 * Every command run in English writes English: no give-away Norwegian word in the sheets it
 * writes (their text, after taking out the names a workbook holds: municipalities, offices,
 * scenarios, sheets) nor in what it says. The sample's input sheets are checked in their
 * headings and headers (their cells are the planner's data).
 */

const ref = reference();
const p = DEFAULT_PARAMETERS;

const strings = (values: readonly (readonly CellValue[])[]): string[] =>
  values.flat().filter((v): v is string => typeof v === 'string' && !v.startsWith('='));

let wb: MemoryWorkbook;
let names: string[];
beforeAll(async () => {
  wb = new MemoryWorkbook();
  expect((await commands.sample(wb, '50', p, ref, [], 'en')).failure).toBeUndefined();
  const snapshot = await wb.read();
  const value = (await commands.travel(wb, p, ref, 'en')).summary!.input;
  names = [
    ...snapshot.sheets.map((s) => s.name),
    ...value.municipalities.flatMap((m) => [m.name, m.number as string]),
    // Today's structure's name is Kontorplan's, not the planner's: it must be English too.
    ...value.scenarios.flatMap((s) => [...(s.name === value.sheetsUsed.baseline ? [] : [s.name]), ...s.offices.map((o) => o.name ?? '')]),
    ...strings(snapshot.sheets.find((s) => s.name === 'Kontorer')!.values),
    ...strings(snapshot.sheets.find((s) => s.name === 'Scenarier')!.values),
    'NAV',
  ];
});

/** The text of the sheets a command wrote. */
const written = async (sheets: readonly string[]): Promise<string[]> => {
  const snapshot: WorkbookSnapshot = await wb.read();
  return snapshot.sheets.filter((s) => sheets.includes(s.name)).flatMap((s) => strings(s.values));
};

it('sample: headings, titles and headers in English, the sheets under the names readers look for', () => {
  const ms = selectCounty(ref.data, '50');
  const specs = buildSampleWorkbook(
    ms,
    p,
    message('sampleCounty', { county: 'Trøndelag', number: '50', count: ms.length }, 'en'),
    ref.network,
    'en',
  );
  expect(specs.map((s) => s.name)).toEqual(['Kommuner', 'Reisetid', 'Bemanning', 'Kontorer', 'Scenarier', 'Om dataene', 'Vekter']);
  const texts = specs.flatMap((s) => [
    ...(s.heading ?? []),
    ...s.tables.flatMap((t) => [t.title ?? '', ...t.columns.map((c) => c.header)]),
  ]);
  expect(norwegian(texts, names)).toEqual([]);
  expect(texts).toEqual(
    expect.arrayContaining(['Municipality number', 'Population 1.1.2026', 'BA region name', 'Host municipality', 'Service point']),
  );
});

it('sample in English reads back as the Norwegian one does, and scores the same', async () => {
  const scored = async (lang: 'nb' | 'en') => {
    const fresh = new MemoryWorkbook();
    await commands.sample(fresh, '50', p, ref, [], lang);
    const r = await commands.plan(fresh, p, ref, lang);
    expect(r.failure).toBeUndefined();
    return {
      problems: r.problems.map((x) => [x.sheet, x.cell, x.code]),
      // The same scenarios, in the same order, under the names of the language.
      scores: r.summary!.scores.map((s) => [s.rank, s.totals.rating, s.totals.weightedTravelMinutes, s.admissible]),
      fte: r.summary!.input.municipalities.map((m) => r.summary!.input.staffing.get(m.number)),
      travel: r.summary!.input.travelReport.estimated,
    };
  };
  expect(await scored('en')).toEqual(await scored('nb'));
}, 60_000);

it.each([
  ['plan', () => commands.plan(wb, p, ref, 'en')],
  ['travel', () => commands.travel(wb, p, ref, 'en')],
  [
    'costs',
    () =>
      commands.costs(
        wb,
        p,
        ref,
        {
          scenario: 'Known cooperations',
          host: '5035',
          key: {
            kind: 'mix',
            weights: [
              ['population', 0.5],
              ['fte', 0.5],
            ],
          },
          costPerFte: 850_000,
          costPerFteGiven: false,
          phaseIn: { member: 'Tydal', steps: [{ label: '2027', share: 0.5 }] },
        },
        undefined,
        'en',
      ),
  ],
  ['optimise', () => optimise(wb, p, ref, { offices: 12 }, { timeLimitSeconds: 0.3, alternatives: 1, sweep: [11, 12] }, 'en')],
])(
  '%s writes English sheets',
  async (_, run) => {
    const r = await run();
    expect(r.failure).toBeUndefined();
    expect(norwegian(await written(r.written), names)).toEqual([]);
  },
  60_000,
);

it.each([
  ['a host that is not one', { host: 'Tydal' }, /is not a host in “Known cooperations”/],
  ['a scenario that is not there', { scenario: 'Nowhere' }, /there is no scenario “Nowhere”; choose one of/],
  [
    'a fixed share over 100 %',
    { key: { kind: 'fixed-plus', fixed: 1.5, driver: 'population' } },
    /the fixed share must be between 0 and 1/,
  ],
  [
    'a phase-in share over 100 %',
    { phaseIn: { member: 'Tydal', steps: [{ label: '2027', share: 2 }] } },
    /phase-in 2027: the share must be/,
  ],
] as const)('costs refuses %s in English', async (_, change, expected) => {
  const before = JSON.stringify(await wb.read());
  const r = await commands.costs(
    wb,
    p,
    ref,
    {
      scenario: 'Known cooperations',
      host: '5035',
      key: { kind: 'per-capita' },
      costPerFte: 850_000,
      costPerFteGiven: false,
      ...change,
    } as never,
    undefined,
    'en',
  );
  expect(r.failure).toBeDefined();
  const text = message(r.failure!.code, r.failure!.params, 'en');
  expect(text).toMatch(expected);
  expect(norwegian([text], [...names, 'Tydal', 'Stjørdal'])).toEqual([]);
  // Refused: nothing written.
  expect(JSON.stringify(await wb.read())).toBe(before);
});
