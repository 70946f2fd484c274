/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * How long one what-if edit takes in the pane, the engine and React's render together (jsdom,
 * which is slower than a browser at building the DOM): Nordland (41 municipalities) and all of
 * Norway (357), from today's structure: 20 partners moved to their nearest other host and 20 made
 * offices of their own. Not part of `npm test`: run it with
 * `npx jest --testMatch '**\/whatIfPane.measure.tsx' test/taskpane` and read the figures it
 * prints (they depend on the machine). The engine alone: `npm run bench -- whatif`.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, cleanup } from '@testing-library/react';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { WhatIfTab } from '../../src/taskpane/components/WhatIf';
import { LanguageContext } from '../../src/taskpane/i18n';
import { Planner } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

beforeAll(() => {
  // No map: it is drawn once, not per edit (fetch fails, MapView draws nothing).
  globalThis.fetch = (async () => ({ ok: false, status: 404 })) as never;
  Element.prototype.scrollIntoView = function () {};
});

async function measure(county: string | undefined): Promise<void> {
  const planner = new Planner(new OfficeWorkbook(new FakeExcel().run), data);
  await planner.insertSample(county);
  const t0 = performance.now();
  render(
    <LanguageContext.Provider value="nb">
      <FluentProvider theme={webLightTheme}>
        <WhatIfTab planner={planner} version={0} onLoaded={() => undefined} />
      </FluentProvider>
    </LanguageContext.Provider>,
  );
  const firstMs = performance.now() - t0;
  const selects = screen.getAllByRole('combobox').filter((s) => s.getAttribute('aria-label')?.startsWith('Vert for '));
  // Two kinds of edit: a partner moved to its nearest other host (the hosts stay the same), and a
  // partner made an office of its own (a new host: every row's choice of hosts may change).
  const kinds = { between: [] as number[], newHost: [] as number[] };
  for (let k = 0; kinds.between.length + kinds.newHost.length < 40 && k < selects.length * 40; k++) {
    const sel = selects[(k * 7) % selects.length] as HTMLSelectElement;
    const own = sel.getAttribute('aria-label')!.slice('Vert for '.length);
    const partner = !sel.options[0]!.text.includes('(eget kontor)');
    if (!partner) continue;
    const kind = kinds.between.length < 20 ? 'between' : 'newHost';
    const to =
      kind === 'between'
        ? sel.options[2]
        : [...sel.options].find((o) => o.text.startsWith(own.split(' - ')[0]!) && o.text.includes('(eget kontor)'));
    if (!to) continue;
    const t = performance.now();
    fireEvent.change(sel, { target: { value: to.value } });
    kinds[kind].push(performance.now() - t);
  }
  const f = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    if (s.length === 0) return 'none';
    return `${s.length} edits: median ${s[Math.floor((s.length - 1) / 2)]!.toFixed(0)} ms, worst ${s[s.length - 1]!.toFixed(0)} ms`;
  };
  const n = planner.loaded!.value!.municipalities.length;
  console.log(
    `${county === undefined ? 'Norge' : `fylke ${county}`}: ${n} municipalities; first render ${firstMs.toFixed(0)} ms; to another host: ${f(kinds.between)}; to an office of its own: ${f(kinds.newHost)}`,
  );
  cleanup();
}

it('measures an edit in the pane, Nordland and Norway', async () => {
  await measure('18');
  await measure(undefined);
}, 600_000);
