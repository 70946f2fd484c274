/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The task pane as a planner uses it (React under jsdom, over the fake Excel): tabs keep what
 * was typed and a running optimisation; a failed run saves nothing; number fields say what is
 * wrong instead of rewriting it; messages stand beside the button that caused them and say
 * what happened; an empty workbook opens as a guide; writes refuse stale data.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webDarkTheme } from '@fluentui/react-components';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { optimize } from '../../src/optimize/run';
import { App } from '../../src/taskpane/App';
import type { Solve } from '../../src/taskpane/components/OptimiseTab';
import { Planner } from '../../src/taskpane/planner';
import { usePane } from '../../src/taskpane/paneContext';
import { CancelledError, OptimiseError } from '../../src/taskpane/solver';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';
import { givePaneABrowser } from './jsdomPane';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };
const scrolled: Element[] = [];

// Each test renders the whole pane over the Nordland sample: 0.4–15 s on a quiet machine, but
// past the default 30 s on a shared 2-core machine under load (a full run there timed five out).
jest.setTimeout(120_000);

beforeAll(() => givePaneABrowser((el) => scrolled.push(el)));

beforeEach(() => localStorage.clear());

async function pane(o: { sample?: boolean; solve?: Solve; language?: 'nb' | 'en'; theme?: 'light' | 'dark'; shownIn?: 'nb' | 'en' } = {}) {
  const excel = new FakeExcel([{ name: 'Mine notater', values: [['Dette arket er mitt']] }]);
  const planner = new Planner(new OfficeWorkbook(excel.run), data);
  if (o.sample) await planner.insertSample('18');
  render(<App planner={planner} solve={o.solve} language={o.language} theme={o.theme} />);
  await screen.findByRole('tab', { name: (o.shownIn ?? o.language) === 'en' ? 'Scenarios' : 'Scenarier' });
  await screen.findByRole('tabpanel', {}, { timeout: 60_000 });
  return { excel, planner };
}

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
const type = (name: string, text: string) => fireEvent.change(field(name), { target: { value: text } });

/** A solver the test releases: it reports a stage at once and finishes (really optimising) when told. */
function gatedSolve() {
  let release!: () => void;
  let fail!: (e: Error) => void;
  const gate = new Promise<void>((resolve, reject) => ((release = resolve), (fail = reject)));
  const started: number[] = [];
  const solve: Solve = (_url, problem, _options, onStage) => {
    started.push(Date.now());
    setTimeout(() => onStage('main', { incumbent: null, bound: null, gap: 0.5 } as never), 0);
    return { done: gate.then(() => optimize(problem, { heuristicSeconds: 0.2, sweep: [] })), cancel: () => undefined };
  };
  return { solve, started, release: () => release(), fail: (e: Error) => fail(e) };
}

describe('the tabs keep their state', () => {
  it('keeps a typed count and a running optimisation across tab changes, and never starts a second run', async () => {
    const run = gatedSolve();
    const { excel } = await pane({ sample: true, solve: run.solve });
    tab('Optimaliser');
    // The default follows the workbook: half of 41.
    expect(field('Antall kontor').value).toBe('21');
    type('Antall kontor', '20');
    fireEvent.click(screen.getByRole('button', { name: 'Optimaliser' }));
    await screen.findByText(/^Optimaliserer/);
    tab('Data');
    tab('Scenarier');
    tab('Optimaliser');
    // Back: the same run, still going, with its cancel; the count as typed.
    expect(screen.getByText(/^Optimaliserer/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Avbryt' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Optimaliser' }) as HTMLButtonElement).disabled).toBe(true);
    expect(field('Antall kontor').value).toBe('20');
    expect(run.started).toHaveLength(1);
    await act(async () => run.release());
    const done = await screen.findByText(/^20 kontor, .*; skrev \d+ ark\.$/, {}, { timeout: 60_000 });
    // The message survives another tab change too.
    tab('Sammenlign');
    tab('Optimaliser');
    expect(done.isConnected).toBe(true);
    expect(excel.sheets.map((x) => x.name)).toContain('KP Optimert 20 kontor');
  });
});

describe('the state above the tabs', () => {
  it('is shared with a tab hooked in later: it sees what was typed and the run under way', async () => {
    const run = gatedSolve();
    const excel = new FakeExcel([]);
    const planner = new Planner(new OfficeWorkbook(excel.run), data);
    await planner.insertSample('18');
    function Peek() {
      const { state, controller } = usePane();
      return <p>{`${state.form.offices ?? '-'} ${state.run.running ? 'running' : 'idle'} ${controller.busy}`}</p>;
    }
    render(
      <App planner={planner} solve={run.solve} extraTabs={[{ id: 'peek', title: { nb: 'Titt', en: 'Peek' }, panel: () => <Peek /> }]} />,
    );
    await screen.findByRole('tabpanel', {}, { timeout: 60_000 });
    tab('Optimaliser');
    type('Antall kontor', '20');
    fireEvent.click(screen.getByRole('button', { name: 'Optimaliser' }));
    await screen.findByText(/^Optimaliserer/);
    tab('Titt');
    expect(screen.getByRole('tabpanel', { name: 'Titt' }).textContent).toBe('20 running true');
    await act(async () => run.release());
    await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'Titt' }).textContent).toBe('20 idle false'), { timeout: 60_000 });
  });
});

describe('a failed run', () => {
  it('saves nothing into the workbook and says so beside the button', async () => {
    const run = gatedSolve();
    const { excel, planner } = await pane({ sample: true, solve: run.solve });
    const settings = JSON.stringify([...excel.settings]);
    const sheets = excel.sheets.map((x) => x.name);
    tab('Optimaliser');
    type('Minste årsverk per kontor', '500');
    fireEvent.click(screen.getByRole('button', { name: 'Optimaliser' }));
    await screen.findByText(/^Optimaliserer/);
    await act(async () => run.fail(new OptimiseError('Ingen kontorstruktur oppfyller reglene.')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ingen kontorstruktur oppfyller reglene. Reglene er ikke lagret');
    expect(JSON.stringify([...excel.settings])).toBe(settings);
    expect(excel.sheets.map((x) => x.name)).toEqual(sheets);
    expect(planner.rules.minFte).not.toBe(500);
    // The message is next to the button that caused it, and was scrolled into view.
    const buttons = screen.getByRole('button', { name: 'Optimaliser' }).parentElement!;
    expect(buttons.nextElementSibling?.nextElementSibling?.contains(alert) || buttons.nextElementSibling?.contains(alert)).toBe(true);
    expect(scrolled.some((e) => e.contains(alert))).toBe(true);
  });
});

describe('number fields', () => {
  it('show what was typed and why it cannot be used, and hold the action until it is fixed', async () => {
    const { planner } = await pane({ sample: true, solve: gatedSolve().solve });
    tab('Optimaliser');
    const runButton = () => screen.getByRole('button', { name: 'Optimaliser' }) as HTMLButtonElement;
    for (const [name, text, message] of [
      ['Minste årsverk per kontor', '-5', 'Må være fra 0 til 1000.'],
      ['Antall kontor', '500', 'Må være fra 1 til 41.'],
      ['Tidsgrense (sekunder)', '999 999', 'Må være fra 1 til 3600.'],
      ['Antall kontor', '7,5', 'Skriv et helt tall.'],
      ['Flest eierkommuner per kontor', 'mange', '«mange» er ikke et tall: skriv for eksempel 7,5.'],
    ] as const) {
      type(name, text);
      expect(field(name).value).toBe(text);
      expect(field(name).getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText(message)).toBeTruthy();
      expect(runButton().disabled).toBe(true);
      expect(screen.getByText('Rett feltene som er merket med feil først.')).toBeTruthy();
      type(name, name === 'Antall kontor' ? '20' : name.startsWith('Tids') ? '30' : '5');
    }
    expect(runButton().disabled).toBe(false);
    // A decimal stays as typed, in Norwegian, and shows so after leaving the field.
    type('Minste årsverk per kontor', '7,5');
    fireEvent.blur(field('Minste årsverk per kontor'));
    expect(field('Minste årsverk per kontor').value).toBe('7,5');
    // Arrow keys step within the limits.
    fireEvent.keyDown(field('Minste årsverk per kontor'), { key: 'ArrowUp' });
    expect(field('Minste årsverk per kontor').value).toBe('8,5');
    expect(planner.rules.minFte).not.toBe(8.5);
  });
});

describe('the first run is a guide', () => {
  it('opens an empty workbook with the sample on offer, no error, no "ikke funnet", then inserts it and says what it added', async () => {
    const { excel } = await pane();
    expect(screen.getByRole('heading', { name: 'Kom i gang' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toContain('ikke funnet');
    expect(document.body.textContent).not.toContain('fant ikke arket');
    expect(screen.queryByRole('button', { name: 'Bruk og lagre i arbeidsboken' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sett inn eksempeldata' }));
    const said = await screen.findByText(/^Satte inn eksempeldata/, {}, { timeout: 60_000 });
    expect(said.textContent).toBe(
      'Satte inn eksempeldata for Nordland (41 kommuner) i 7 nye ark: Kommuner, Reisetid, Bemanning, Kontorer, Scenarier, Om dataene, Vekter. Arkene er dine nå.',
    );
    expect(said.textContent).not.toContain('Mine notater');
    await screen.findByText('Ingen problemer: arbeidsboken kan brukes.');
    // A second county: refused, truly, and nothing written.
    const names = excel.sheets.map((x) => x.name);
    fireEvent.click(screen.getByRole('combobox', { name: 'Fylke' }));
    fireEvent.click(await screen.findByRole('option', { name: /^03 / }));
    fireEvent.click(screen.getByRole('button', { name: 'Sett inn eksempeldata' }));
    const refused = await screen.findByRole('alert', {}, { timeout: 60_000 });
    expect(refused.textContent).toContain(
      'Arbeidsboken har allerede arkene Kommuner, Reisetid, Bemanning, Kontorer, Scenarier, Om dataene',
    );
    expect(refused.textContent).toContain('Ingenting ble skrevet.');
    expect(excel.sheets.map((x) => x.name)).toEqual(names);
  });

  it('lets the planner choose their own sheet instead, asking for the municipalities only', async () => {
    await pane();
    fireEvent.click(screen.getByRole('button', { name: 'Velg arkene mine selv' }));
    expect(screen.getByRole('combobox', { name: 'Velg ark: Kommuner' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Velg ark: Bemanning' })).toBeNull();
    expect(document.body.textContent).not.toContain('ikke funnet');
  });
});

describe('waits', () => {
  it('show that the workbook is being read again, from the Data tab', async () => {
    const { planner } = await pane({ sample: true });
    let finish!: () => void;
    const load = planner.load.bind(planner);
    planner.load = (...a) => new Promise<void>((r) => (finish = r)).then(() => load(...a));
    fireEvent.click(screen.getByRole('button', { name: 'Les arbeidsboken på nytt' }));
    const panel = screen.getByRole('tabpanel', { name: 'Data' });
    expect(within(panel).getByText('Leser arbeidsboken …')).toBeTruthy();
    await act(async () => finish());
    await waitFor(() => expect(within(panel).queryByText('Leser arbeidsboken …')).toBeNull(), { timeout: 60_000 });
    expect(within(panel).getByText('Ingen problemer: arbeidsboken kan brukes.')).toBeTruthy();
  });
});

describe('writes', () => {
  it('write nothing from stale data: a Scenarier sheet deleted since the read is noticed', async () => {
    const { excel } = await pane({ sample: true });
    tab('Scenarier');
    await screen.findByRole('table', { name: /^Scenario / });
    excel.sheets = excel.sheets.filter((x) => x.name !== 'Scenarier');
    fireEvent.click(screen.getByRole('button', { name: 'Skriv scenarioark og sammenligning' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 60_000 });
    expect(alert.textContent).toContain('Arbeidsboken er endret siden den ble lest, så ingenting ble skrevet.');
    expect(excel.sheets.some((x) => x.name.startsWith('KP '))).toBe(false);
  });

  it('keep focus on the button that writes while it works, and refuse a second press', async () => {
    const { planner } = await pane({ sample: true });
    let writes = 0;
    const write = planner.writeScenarios.bind(planner);
    planner.writeScenarios = (o) => (writes++, write(o));
    tab('Sammenlign');
    const button = await screen.findByRole('button', { name: 'Skriv sammenligningsark' });
    button.focus();
    fireEvent.click(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    await screen.findByText(/^Skrev \d+ ark/, {}, { timeout: 60_000 });
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(writes).toBe(1);
  });

  it('say what they wrote, beside the button', async () => {
    await pane({ sample: true });
    tab('Sammenlign');
    const button = await screen.findByRole('button', { name: 'Skriv sammenligningsark' });
    fireEvent.click(button);
    const status = await screen.findByText(/^Skrev \d+ ark: scenarioene og Sammenligning\.$/, {}, { timeout: 60_000 });
    expect(button.closest('div')!.parentElement!.contains(status)).toBe(true);
  });
});

describe('English', () => {
  it('says why a run ended without a structure, in English, and that nothing was saved', async () => {
    const run = gatedSolve();
    const { excel } = await pane({ sample: true, solve: run.solve, language: 'en' });
    const settings = JSON.stringify([...excel.settings]);
    tab('Optimise');
    fireEvent.click(screen.getByRole('button', { name: 'Optimise' }));
    await screen.findByText(/^Optimising/);
    await act(async () => run.fail(new CancelledError()));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Cancelled before any office structure was found. The rules were not saved: the workbook is as it was.');
    expect(JSON.stringify([...excel.settings])).toBe(settings);
  });

  it('shows the Data tab and the first-run guide in English only', async () => {
    await pane({ language: 'en' });
    const text = within(screen.getByRole('main')).getByRole('tabpanel').textContent ?? '';
    expect(text).toContain('Getting started');
    expect(text).not.toMatch(/[æøåÆØÅ]/);
    expect(screen.getByText('Data: Statistics Norway, NAV, Kartverket (CC BY 4.0).')).toBeTruthy();
  });
});

describe('the host rule', () => {
  it('reaches the optimiser on by default, and the planner can lift it', async () => {
    const seen: (boolean | undefined)[] = [];
    const solve: Solve = (_url, problem) => {
      seen.push(problem.rules.largestHost);
      return { done: Promise.resolve(optimize(problem, { heuristicSeconds: 0.2, sweep: [] })), cancel: () => undefined };
    };
    await pane({ sample: true, solve });
    tab('Optimaliser');
    type('Antall kontor', '20');
    const button = screen.getByRole('button', { name: 'Optimaliser' });
    fireEvent.click(button);
    await waitFor(() => expect(seen).toEqual([true]));
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false), { timeout: 60_000 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'La en mindre kommune være vert for en større' }));
    fireEvent.click(button);
    await waitFor(() => expect(seen).toEqual([true, false]));
  });
});

describe('progress', () => {
  it('speaks the planner’s words over one bar for the whole run, locks the form and keeps focus on a usable button', async () => {
    const run = gatedSolve();
    await pane({ sample: true, solve: run.solve });
    tab('Optimaliser');
    type('Antall kontor', '20');
    const start = screen.getByRole('button', { name: 'Optimaliser' });
    start.focus();
    fireEvent.click(start);
    const label = await screen.findByText(/^Optimaliserer: /);
    expect(label.textContent).toBe('Optimaliserer: Finner den beste strukturen med 20 kontor');
    const panel = screen.getByRole('tabpanel', { name: 'Optimaliser' });
    expect(panel.textContent).not.toMatch(/\b(main|sweep|alternative)\b/);
    // One bar, determinate, over the whole run; the time it may still take; the gap HiGHS gave, no "–" for what it did not.
    const bars = within(panel).getAllByRole('progressbar');
    expect(bars).toHaveLength(1);
    expect(bars[0]!.getAttribute('aria-label')).toBe('Fremdrift for hele kjøringen');
    expect(bars[0]!.getAttribute('aria-valuenow')).not.toBeNull();
    await screen.findByText(/Gap 50,00 %/);
    expect(panel.textContent).toMatch(/høyst \d+ (s|min) igjen/);
    expect(panel.textContent).not.toContain('Nedre grense –');
    // Read-only mid-run, and said so.
    expect(field('Antall kontor').disabled).toBe(true);
    expect(field('Minste årsverk per kontor').disabled).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Samme BA-region i hvert kontor' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Innstillingene kan ikke endres mens optimeringen går.')).toBeTruthy();
    // Focus moved to Cancel when Optimise disabled, and back when the run ended.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Avbryt' }));
    await act(async () => run.release());
    await screen.findByText(/^20 kontor, .*; skrev \d+ ark\.$/, {}, { timeout: 60_000 });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Optimaliser' }));
    expect(field('Antall kontor').disabled).toBe(false);
  });
});

describe('Office integration', () => {
  it('remembers the language the planner chose, over Office’s display language, and sets the page’s language', async () => {
    await pane({ language: 'nb' });
    expect(document.documentElement.lang).toBe('nb');
    fireEvent.click(screen.getByRole('button', { name: 'Language: English' }));
    expect(document.documentElement.lang).toBe('en');
    cleanup();
    await pane({ language: 'nb', shownIn: 'en' });
    expect(screen.getByRole('tab', { name: 'Optimise' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('names today’s structure in the pane’s language, and again when the planner switches', async () => {
    await pane({ sample: true, language: 'en' });
    tab('Scenarios');
    expect((await screen.findAllByText(/Current structure \(as of /, {}, { timeout: 60_000 })).length).toBeGreaterThan(0);
    expect(screen.queryAllByText(/Dagens struktur/)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /^Språk/ }));
    expect((await screen.findAllByText(/Dagens struktur \(per /, {}, { timeout: 60_000 })).length).toBeGreaterThan(0);
    expect(screen.queryAllByText(/Current structure/)).toEqual([]);
    // Two reads of the workbook, each given 60 s above: the test's own limit covers both.
  }, 180_000);

  it('names each tab panel by its tab, and tells what the arrow keys do in the pane’s language', async () => {
    await pane({ sample: true, language: 'en' });
    tab('Optimise');
    expect(screen.getByRole('tabpanel', { name: 'Optimise' })).toBeTruthy();
    // The hidden one too: labelled by its tab.
    expect(document.getElementById('panel-data')!.getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Data' }).id);
    expect(field('Maximum travel on days without local service (min)').getAttribute('aria-description')).toBe(
      'The up and down arrow keys change the number by 5.',
    );
  });

  it('follows a dark theme: Office’s when given, the system’s otherwise', async () => {
    const dark = (css: string) => css.includes(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    // Fluent's theme is CSS variables on the provider's class, inserted as CSSOM rules.
    const styles = () =>
      [...document.styleSheets].flatMap((x) => [...x.cssRules].map((r) => r.cssText)).join('\n') +
      [...document.querySelectorAll('style')].map((x) => x.textContent ?? '').join('\n');
    await pane({ theme: 'dark' });
    expect(screen.getByRole('main').getAttribute('data-theme')).toBe('dark');
    expect(dark(styles())).toBe(true);
    cleanup();
    const before = globalThis.matchMedia;
    globalThis.matchMedia = ((q: string) => ({ matches: q === '(prefers-color-scheme: dark)' })) as never;
    try {
      await pane();
      expect(screen.getByRole('main').getAttribute('data-theme')).toBe('dark');
      cleanup();
      await pane({ theme: 'light' });
      expect(screen.getByRole('main').getAttribute('data-theme')).toBe('light');
    } finally {
      globalThis.matchMedia = before;
    }
  });
});
