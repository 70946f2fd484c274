/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane in English: every tab's text, the planner's own data (municipality, scenario and
 * sheet names, their column headers) left out, has no Norwegian word.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { App } from '../../src/taskpane/App';
import { Planner } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';
import { givePaneABrowser } from './jsdomPane';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

beforeAll(() => givePaneABrowser());

const NORWEGIAN =
  /[æøåÆØÅ]|\b(og|ikke|eller|arket|arkene|kontor|kommune|kommuner|skriv|les|velg|antall|fylke|feil|merk|av|med|til|per år|innbyggere|reisetid|karakter)\b/i;

it('says nothing in Norwegian on any tab, but for the planner’s own names', async () => {
  localStorage.clear();
  const excel = new FakeExcel([]);
  const planner = new Planner(new OfficeWorkbook(excel.run), data);
  await planner.insertSample('18');
  render(<App planner={planner} language="en" />);
  await screen.findByRole('tabpanel', {}, { timeout: 20_000 });
  const names = [
    ...municipalities.flatMap((m) => [m.name, ...m.name.split(' - ')]),
    ...planner.loaded!.value!.scenarios.map((s) => s.name),
    ...excel.sheets.map((s) => s.name),
    // The headers of the planner's sheets, shown as found in the column choice.
    ...planner.loaded!.found.flatMap((f) => f.fields.flatMap((x) => (x.header ? [x.header] : []))),
    'Nordland',
  ].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const name of ['Data', 'Scenarios', 'Optimise', 'Compare', 'Cost keys']) {
    fireEvent.click(screen.getByRole('tab', { name }));
    await screen.findByRole('tabpanel', { name });
    const panel = screen.getByRole('tabpanel', { name });
    // Each element's own text, one at a time, so a Norwegian string is reported as it stands.
    const texts = [...panel.querySelectorAll('*')]
      .flatMap((e) => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? ''))
      .concat([...panel.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')!))
      .map((t) => names.reduce((x, n) => x.split(n).join(''), t))
      .filter((t) => NORWEGIAN.test(t));
    found.push(...texts.map((t) => `${name}: ${t}`));
  }
  expect([...new Set(found)]).toEqual([]);
}, 120_000);
