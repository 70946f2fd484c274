/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The what-if tab as a planner uses it (React under jsdom, over the fake Excel with the Nordland
 * sample): a host and a service point chosen per row by labelled selects, every figure, the
 * verdict and the per-municipality block following at once (checked against the engine), undo
 * and redo, a municipality picked on the map, and keeping the result in Kontorplan's own sheet
 * without a byte of the planner's changing.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { WhatIfScorer, start, edit } from '../../src/app/whatif';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { asMunicipalityNumber as n } from '../../src/domain/types';
import { OWN_SCENARIOS_SHEET } from '../../src/io/optimizeOutput';
import { App } from '../../src/taskpane/App';
import { WhatIfTab } from '../../src/taskpane/components/WhatIf';
import { LanguageContext } from '../../src/taskpane/i18n';
import { Planner } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';
import { givePaneABrowser } from './jsdomPane';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

beforeAll(() => givePaneABrowser());

let planner: Planner;
let excel: FakeExcel;
beforeAll(async () => {
  excel = new FakeExcel([{ name: 'Mine notater', values: [['Dette arket er mitt']] }]);
  planner = new Planner(new OfficeWorkbook(excel.run), data);
  await planner.insertSample('18');
}, 60_000);

async function tab(lang: 'nb' | 'en' = 'nb') {
  let version = 0;
  const onLoaded = jest.fn(() => version++);
  const ui = render(
    <LanguageContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme}>
        <WhatIfTab planner={planner} version={version} onLoaded={onLoaded} />
      </FluentProvider>
    </LanguageContext.Provider>,
  );
  // The map loads after the first render: wait for it, so every update happens inside the test.
  await waitFor(() => expect(ui.container.querySelector('svg')).not.toBeNull());
  return { ...ui, onLoaded };
}

const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
const metric = (id: string) => {
  const cells = document.querySelector(`[data-metric="${id}"]`)!.querySelectorAll('td');
  return { before: cells[1]!.textContent, now: cells[2]!.textContent };
};
const row = (number: string) => document.querySelector<HTMLElement>(`[data-municipality="${number}"]`)!;

/** The engine's own answer for the same edits, to check the view against. */
function engine(...edits: Parameters<typeof edit>[1][]) {
  const value = planner.loaded!.value!;
  const ctx = { input: value, params: planner.params, municipalitiesSheet: value.sheetsUsed.municipalities };
  let s = start(value.scenarios[0]!);
  for (const e of edits) s = edit(s, e, ctx).state!;
  return new WhatIfScorer(ctx).score(s.scenario);
}

describe('the what-if tab', () => {
  it('has a labelled host select per municipality and a service-point select per partner, keyboard reachable', async () => {
    await tab();
    const value = planner.loaded!.value!;
    expect(document.querySelectorAll('[data-municipality]')).toHaveLength(value.municipalities.length);
    const host = select('Vert for Beiarn');
    // Native selects: in the tab order, changed with the arrow keys.
    expect(host.tabIndex).toBe(0);
    expect(host.value).toBe(engine().offices.find((o) => o.members.some((m) => m.number === '1839'))!.host);
    // A host has the main office, no select; a partner has one.
    expect(screen.queryByRole('combobox', { name: 'Tjenestested i Bodø' })).toBeNull();
    expect(within(row('1804')).getByText('hovedkontor (vert)')).toBeTruthy();
    // Its own office and the nearest hosts are offered, with their minutes.
    const options = [...host.options].map((o) => o.textContent);
    expect(options).toContain('Beiarn (eget kontor)');
    expect(options.some((o) => /^Bodø \(\d+ min unna\)$/.test(o!))).toBe(true);
  });

  it('moves Beiarn to Bodø: figures, verdict and its row follow at once, as the engine scores it; undo and redo', async () => {
    await tab();
    const was = engine();
    const want = engine({ kind: 'move', member: n('1839'), host: n('1804') });
    expect(metric('offices').now).toBe(String(was.totals.offices));
    fireEvent.change(select('Vert for Beiarn'), { target: { value: '1804' } });
    expect(select('Vert for Beiarn').value).toBe('1804');
    expect(screen.getByText('1 endring.')).toBeTruthy();
    expect(metric('offices')).toEqual({ before: String(was.totals.offices), now: String(want.totals.offices) });
    expect(metric('rating').now).toBe(String(want.totals.rating));
    // The row: travel to the host, before → now, the matrix entry Beiarn → Bodø.
    const to = [...row('1839').querySelectorAll('td')][3]!.textContent!;
    const mine = want.offices.flatMap((o) => o.members).find((m) => m.number === '1839')!;
    expect(to.endsWith(`→ ${Math.round(mine.travelToHostMinutes)}`)).toBe(true);
    // The verdict says what the engine says.
    const verdict = screen.getByRole('region', { name: 'Vurdering' });
    expect(within(verdict).getByText(want.admissible ? /Tillatt/ : /Ikke tillatt/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Angre' }));
    expect(select('Vert for Beiarn').value).toBe(was.offices.find((o) => o.members.some((m) => m.number === '1839'))!.host);
    expect(metric('offices').now).toBe(String(was.totals.offices));
    fireEvent.click(screen.getByRole('button', { name: 'Gjør om' }));
    expect(select('Vert for Beiarn').value).toBe('1804');
    expect((screen.getByRole('button', { name: 'Gjør om' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('takes a partner\u2019s service point away and names the broken rule in its row', async () => {
    await tab();
    // Røst, an island with an office of its own today, joins Bodø (keeping a local office), then loses it:
    // its trip to Bodø is over the 90-minute rule on every day without local service.
    fireEvent.change(select('Vert for Røst'), { target: { value: '1804' } });
    expect(select('Tjenestested i Røst').value).toBe('full');
    fireEvent.change(select('Tjenestested i Røst'), { target: { value: 'none' } });
    const want = engine(
      { kind: 'move', member: n('1856'), host: n('1804') },
      { kind: 'servicePoint', member: n('1856'), servicePoint: { kind: 'none' } },
    );
    expect(want.breaches.filter((b) => b.kommunenummer === '1856').map((b) => b.rule)).toContain('maxTravel');
    expect(within(row('1856')).getByText(/lengste reisetid på dager uten lokal tjeneste/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Vurdering' })).getByText(/Ikke tillatt/)).toBeTruthy();
  });

  it('picks a municipality on the map: its row is marked and its host select has the focus', async () => {
    const { container } = await tab();
    const path = await screen.findByText(/^Beiarn →/, { selector: 'title' }).then((t) => t.parentElement!);
    expect(container.contains(path)).toBe(true);
    fireEvent.click(path);
    expect(document.activeElement).toBe(select('Vert for Beiarn'));
    expect(screen.getByText('Valgt på kartet: Beiarn')).toBeTruthy();
  });

  it('speaks English in English', async () => {
    await tab('en');
    expect(select('Host for Beiarn')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Keep as a new scenario' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Verdict' })).toBeTruthy();
  });

  it('keeps the what-if in KP Egne scenarier, changing none of the planner\u2019s sheets; a blank name is refused', async () => {
    const { onLoaded } = await tab();
    const planners = () =>
      JSON.stringify(excel.sheets.filter((s) => !s.name.startsWith('KP ') && !s.name.startsWith('_')).map((s) => [s.name, [...s.cells]]));
    const before = planners();
    fireEvent.change(select('Vert for Beiarn'), { target: { value: '1804' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre som nytt scenario' }));
    expect(await screen.findByText(/gi scenarioet et navn/)).toBeTruthy();
    expect(excel.sheets.map((s) => s.name)).not.toContain(OWN_SCENARIOS_SHEET);

    fireEvent.change(screen.getByRole('textbox', { name: 'Navn på det nye scenarioet' }), { target: { value: 'Beiarn til Bodø' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lagre som nytt scenario' }));
    });
    expect(await screen.findByText(/Lagret «Beiarn til Bodø» i arket KP Egne scenarier/)).toBeTruthy();
    expect(excel.sheets.map((s) => s.name)).toContain(OWN_SCENARIOS_SHEET);
    expect(planners()).toBe(before);
    expect(onLoaded).toHaveBeenCalled();
    // Read back as a scenario, scored as the what-if scored it.
    const kept = planner.scores().find((s) => s.name === 'Beiarn til Bodø')!;
    const want = engine({ kind: 'move', member: n('1839'), host: n('1804') });
    expect(kept.totals.offices).toBe(want.totals.offices);
    expect(kept.totals.rating).toBe(want.totals.rating);
    expect(kept.admissible).toBe(want.admissible);
  });
});

it('is a tab of the pane', async () => {
  render(<App planner={planner} />);
  const t = await screen.findByRole('tab', { name: 'Hva om' }, { timeout: 20_000 });
  fireEvent.click(t);
  expect(await screen.findByRole('combobox', { name: 'Vert for Beiarn' })).toBeTruthy();
});
