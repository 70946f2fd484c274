/**
 * The add-in in a real browser: Debian's Chromium, driven by playwright-core, against the built
 * dist/ served on loopback, with the fake Excel host in place of office.js (served at Microsoft's
 * CDN address, where the production task pane loads it, under the page's own CSP). It inserts the
 * Nordland sample, reads it, optimises (HiGHS in the Web Worker), compares, computes a cost
 * key, and checks what was written to the fake workbook. Each numbered item of issue 24 has a
 * check here that fails on the behaviour the issue describes (docs/addin.md has the table), at
 * 320 px and, where layout matters, at 150 % (213 CSS px; the last test at device scale 1.5).
 * Screenshots of each step, and of every tab in each state, go to test-output/e2e/. Any console
 * error, page error or request leaving the add-in's origin (but for Office.js itself) fails it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, launchPane, OFFICE_JS_CDN, OUT, type PaneBrowser, type Served } from './browser';

let pane: PaneBrowser;
let served: Served;
let page: Page;
const problems: string[] = [];
const foreign: string[] = [];
const blocked: string[] = [];

type TestApi = {
  sheetNames(): string[];
  values(name: string): unknown[][];
  dump(name: string): string;
  functions: Record<string, unknown>;
  actions: Record<string, unknown>;
};
/** Runs `f` in the page on the fake host's test handle. */
const api = <T>(f: (t: TestApi) => T): Promise<T> => page.evaluate(`(${f.toString()})(globalThis.kontorplanTest)`) as Promise<T>;
const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // This run's screenshots only.
  for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(path.join(OUT, f));
  pane = await launchPane(OUT);
  served = pane.served;
  page = await (await pane.context()).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== served.url && r.url() !== OFFICE_JS_CDN && !u.protocol.startsWith('data') && !u.protocol.startsWith('blob'))
      foreign.push(r.url());
  });
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByRole('heading', { name: 'Kontorplan' }).waitFor();
}, 120_000);

afterAll(async () => {
  await pane?.close();
});

afterEach(() => {
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

const tab = (name: string) => page.getByRole('tab', { name }).click();
const status = () => page.getByRole('status').first();
const TABS = {
  nb: ['Data', 'Scenarier', 'Hva om', 'Optimaliser', 'Sammenlign', 'Kostnadsnøkler'],
  en: ['Data', 'Scenarios', 'What if', 'Optimise', 'Compare', 'Cost keys'],
};
/** A screenshot of every tab in the pane's state now (`state`-1-data.png …), then back to the tab that was open. */
async function shotTabs(state: string, lang: 'nb' | 'en' = 'nb', target: Page = page) {
  const open = await target.getByRole('tab', { selected: true }).textContent();
  for (const [i, name] of TABS[lang].entries()) {
    await target.getByRole('tab', { name }).click();
    await target.getByRole('tabpanel', { name }).waitFor();
    await target.screenshot({ path: path.join(OUT, `${state}-${i + 1}-${name.toLowerCase().replace(/ /g, '-')}.png`), fullPage: true });
  }
  await target.getByRole('tab', { name: TABS[lang].find((t) => open?.startsWith(t)) ?? TABS[lang][0]! }).click();
}
/** The solver workers the page has started (one per optimisation). */
const solverRuns = () => api((t) => (t as never as { workers: string[] }).workers.filter((u) => u.includes('solver-worker')).length);

it('serves every file the manifest names, and loads Office.js from the CDN and no other script', async () => {
  const manifest = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
  const paths = [...manifest.matchAll(/DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]!);
  expect(paths).toEqual(expect.arrayContaining(['taskpane.html', 'taskpane.js', 'functions.json']));
  for (const p of [...paths, 'solver-worker.js', 'pane-worker.js', 'highs.wasm', 'kommuner_kart.json']) {
    expect(existsSync(path.join(DIST, p))).toBe(true);
  }
  // The build carries no copy of Office.js: the page takes it from Microsoft's CDN.
  expect(existsSync(path.join(DIST, 'office'))).toBe(false);
  const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  expect(html).toContain(`<script src=${OFFICE_JS_CDN}></script>`);
  // The page's CSP lets that script in (the page runs) and refuses a script from anywhere else.
  const refused = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`), { once: true });
        const s = document.createElement('script');
        s.src = 'https://cdn.example.org/other.js';
        document.head.appendChild(s);
      }),
  );
  expect(refused).toBe('script-src-elem https://cdn.example.org/other.js');
  // Chromium reports the refusal on the console too: that one message is expected here.
  await page.waitForTimeout(100);
  const expected = problems.filter((p) => p.includes('cdn.example.org'));
  expect(expected.length).toBeLessThanOrEqual(1);
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('cdn.example.org')));
  // Playwright sees the attempt; the browser never sends it (blocked by the CSP, not by the network).
  expect(blocked).toContain('https://cdn.example.org/other.js csp');
  foreign.splice(0, foreign.length, ...foreign.filter((u) => !u.includes('cdn.example.org')));
  const functions = JSON.parse(readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
  expect(functions.functions.map((f) => f.id).sort()).toEqual(['FORDEL', 'VULNERABILITY']);
  expect(html).toMatch(/Content-Security-Policy[\s\S]*default-src 'self'; script-src 'self' https:\/\/appsforoffice.microsoft.com;/);
});

it('opens in an empty workbook as a guide, and registers the custom functions and ribbon command', async () => {
  // A first run is no error: it offers the sample (a county or all of Norway) or the planner's own sheets.
  await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.getByText('ikke funnet', { exact: false }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Bruk og lagre i arbeidsboken' }).count()).toBe(0);
  expect(await api((t) => Object.keys(t.functions).sort())).toEqual(['FORDEL', 'VULNERABILITY']);
  expect(await api((t) => Object.keys(t.actions))).toEqual(['scoreScenarios']);
  // The ribbon button on a workbook with problems opens the pane to show them, and writes nothing.
  const shown = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t = (
          globalThis as never as {
            kontorplanTest: { actions: Record<string, (e: { completed(): void }) => void>; shown: { count: number } };
          }
        ).kontorplanTest;
        t.actions.scoreScenarios!({ completed: () => resolve(t.shown.count) });
      }),
  );
  expect(shown).toBe(1);
  expect(await api((t) => t.sheetNames())).toEqual(['Mine notater']);
  // The page's Content-Security-Policy stops a request to any other origin before it is made.
  expect(
    await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'sent',
        () => 'blocked',
      ),
    ),
  ).toBe('blocked');
  const isRefusal = (p: string) => p.includes('Content Security Policy') && p.includes('example.com');
  for (let i = 0; i < 40 && !problems.some(isRefusal); i++) await page.waitForTimeout(50);
  await page.waitForTimeout(300);
  // Chromium reports the refusal (once or more): expected here, and only here.
  expect(problems.some(isRefusal)).toBe(true);
  problems.splice(0, problems.length, ...problems.filter((p) => !isRefusal(p)));
  expect(foreign).toEqual([]);
  // Fits the narrowest task pane: nothing runs off to the side.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // All of Norway is offered beside the counties (item 5).
  await page.getByRole('combobox', { name: 'Fylke', exact: true }).click();
  await page.getByRole('option', { name: 'Hele landet' }).waitFor();
  expect(await page.getByRole('option').count()).toBeGreaterThan(10);
  await page.keyboard.press('Escape');
  await shot('1-tom-arbeidsbok');
  await shotTabs('1-tom');
});

it('inserts the Nordland sample and reads it', async () => {
  await page.getByRole('button', { name: 'Sett inn eksempeldata' }).click();
  await status().waitFor();
  // What happened, beside the button, and never a claim to have written the planner's own sheet.
  expect(await status().textContent()).toBe(
    'Satte inn eksempeldata for Nordland (41 kommuner) i 7 nye ark: Kommuner, Reisetid, Bemanning, Kontorer, Scenarier, Om dataene, Vekter. Arkene er dine nå.',
  );
  // Scrolled into view: within the 900 px window.
  await page.waitForFunction(() => {
    const r = document.querySelector('[role=status]')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  expect(await api((t) => t.sheetNames())).toEqual(
    expect.arrayContaining(['Mine notater', 'Kommuner', 'Reisetid', 'Bemanning', 'Scenarier']),
  );
  await page.getByText('Ingen problemer', { exact: false }).waitFor();
  await shot('2-eksempeldata');
  await shotTabs('2-eksempel');
});

it('refuses a second county truthfully: it names the sheets in the way, which are there, and writes nothing', async () => {
  const before = await api((t) => t.sheetNames());
  await page.getByRole('combobox', { name: 'Fylke', exact: true }).click();
  await page.getByRole('option', { name: /Troms/ }).first().click();
  await page.getByRole('button', { name: 'Sett inn eksempeldata' }).click();
  const refusal = page.getByText(/^Arbeidsboken har allerede arkene /);
  await refusal.waitFor();
  const named = /arkene (.+), og Kontorplan/.exec((await refusal.textContent())!)![1]!.split(', ');
  // Every sheet it names is in the workbook: no false claim.
  expect(named.length).toBeGreaterThan(0);
  for (const n of named) expect(before).toContain(n);
  expect(await api((t) => t.sheetNames())).toEqual(before);
  await shot('2a-annet-fylke-avvist');
  await page.getByRole('combobox', { name: 'Fylke', exact: true }).click();
  await page
    .getByRole('option', { name: /Nordland/ })
    .first()
    .click();
});

it('lists a problem in the planner’s data with a link that selects the cell, and reads the fix', async () => {
  type Cells = { excel: { sheet(n: string): { cells: Map<string, { value: unknown; format: string }> } } };
  const setPopulation = (v: unknown) =>
    page.evaluate(
      (value) =>
        (globalThis as never as { kontorplanTest: Cells }).kontorplanTest.excel
          .sheet('Kommuner')!
          .cells.set('4,3', { value, format: 'General' }),
      v,
    );
  // Text from a cell is shown as text, never run as HTML.
  const html = '<img src="x" onerror="globalThis.pwned = 1">';
  await setPopulation(html);
  await page.getByRole('button', { name: 'Les arbeidsboken på nytt' }).click();
  await page.getByText(`"${html}" er ikke et tall`).waitFor();
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
  await setPopulation('12 3x');
  await page.getByRole('button', { name: 'Les arbeidsboken på nytt' }).click();
  await page.getByText('"12 3x" er ikke et tall').waitFor();
  // The problems come first: above the sheets-and-columns form and within the window (item 8).
  const problem = (await page.getByText('"12 3x" er ikke et tall').boundingBox())!;
  const form = (await page.getByRole('heading', { name: 'Ark og kolonner' }).boundingBox())!;
  expect(problem.y).toBeLessThan(form.y);
  expect(problem.y + problem.height).toBeLessThanOrEqual(900);
  await shot('2b-problem');
  await shotTabs('2b-problem');
  await page.getByRole('button', { name: 'Gå til Kommuner!D5' }).click();
  await page.waitForFunction(
    () => (globalThis as never as { kontorplanTest: { excel: { selection?: string } } }).kontorplanTest.excel.selection === 'Kommuner!D5',
  );
  await setPopulation(4321);
  await page.getByRole('button', { name: 'Les arbeidsboken på nytt' }).click();
  await page.getByText('Ingen problemer', { exact: false }).waitFor();
});

it('reads the workbook again when the planner edits an input sheet, and when the pane is shown again', async () => {
  type Host = {
    kontorplanTest: {
      edit(sheet: string, address: string, values: unknown[][]): void;
      reopen(): void;
      excel: { sheet(n: string): { cells: Map<string, { value: unknown; format: string }> } };
    };
  };
  const notice = page.getByText('Dataene i arbeidsboken er endret', { exact: false });
  // Typing a wrong population (Worksheet.onChanged): the pane reads again by itself and shows the problem.
  await page.evaluate(() => (globalThis as never as Host).kontorplanTest.edit('Kommuner', 'D5', [['mange']]));
  await notice.waitFor();
  await page.getByText('"mange" er ikke et tall').waitFor();
  await shot('2c-endret');
  await page.evaluate(() => (globalThis as never as Host).kontorplanTest.edit('Kommuner', 'D5', [[4321]]));
  await page.getByText('Ingen problemer', { exact: false }).waitFor();
  // A tab change puts the notice away; shown again with nothing changed, it stays away.
  await tab('Scenarier');
  await tab('Data');
  await notice.waitFor({ state: 'detached' });
  await page.evaluate(() => (globalThis as never as Host).kontorplanTest.reopen());
  await page.waitForTimeout(800);
  expect(await notice.count()).toBe(0);
  // Changed while the pane was closed (no event reaches a closed pane's sheet watchers here): read when shown again.
  await page.evaluate(() =>
    (globalThis as never as Host).kontorplanTest.excel.sheet('Kommuner').cells.set('4,3', { value: 4322, format: 'General' }),
  );
  await page.evaluate(() => (globalThis as never as Host).kontorplanTest.reopen());
  await notice.waitFor();
});

it('scores every scenario from the ribbon button, without the pane', async () => {
  const done = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) =>
        (globalThis as never as { kontorplanTest: { actions: Record<string, (e: { completed(): void }) => void> } }).kontorplanTest.actions
          .scoreScenarios!({
          completed: () => resolve(true),
        }),
      ),
  );
  expect(done).toBe(true);
  expect(await api((t) => t.sheetNames())).toEqual(expect.arrayContaining(['KP Én kommune – ett kontor', 'Sammenligning']));
});

it('scores the scenarios and draws the map of the chosen one', async () => {
  await tab('Scenarier');
  await page.getByRole('img', { name: /Kart/ }).waitFor();
  expect(await page.locator('[role=tabpanel]:not([hidden]) svg[role=img] path[data-office]').count()).toBe(41);
  expect(await page.locator('[role=tabpanel]:not([hidden]) svg[role=img] circle.kp-host').count()).toBeGreaterThan(0);
  // A legend of every office by host; each a button that shows the office's details, so nothing is on hover only.
  const legend = page.getByRole('list', { name: /^Kontorene på kartet/ });
  const offices = await legend.getByRole('button').count();
  expect(offices).toBe(await page.locator('[role=tabpanel]:not([hidden]) svg[role=img] circle.kp-host').count());
  await legend.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: /^Kontoret: / }).waitFor();
  // Host markers a few pixels across, not rings covering the map.
  const marker = await page.locator('[role=tabpanel]:not([hidden]) svg[role=img] circle.kp-host').first().boundingBox();
  expect(marker!.width).toBeLessThanOrEqual(8);
  // The same facts as a table, reached with the keyboard.
  await page.getByRole('button', { name: 'Vis kartet som tabell' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: 'Kommunene og kontoret deres' }).waitFor();
  expect(await page.getByRole('table', { name: 'Kommunene og kontoret deres' }).locator('tbody tr').count()).toBe(41);
  await shot('3b-kart-detaljer-og-tabell');
  await page.getByRole('button', { name: 'Skjul tabellen' }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // Pass/fail beside the office, in view at 320 px without scrolling.
  const pass = page.getByRole('table', { name: /^Scenario / }).getByRole('columnheader', { name: 'Krav' });
  expect((await pass.boundingBox())!.x + (await pass.boundingBox())!.width).toBeLessThanOrEqual(320);
  await shot('3-scenarier');
});

it('edits a scenario in place: a municipality made its own office, the figures follow, and undo', async () => {
  await tab('Hva om');
  const members = page.getByRole('table', { name: 'Kommunene: før (scenarioet du valgte) og nå' });
  await members.waitFor();
  const metrics = page.getByRole('table', { name: 'Nøkkeltall' });
  // Unedited, every key figure now is the figure before.
  const changed = () =>
    document.querySelectorAll('table[aria-label="Nøkkeltall"] tr[data-metric]').length > 0 &&
    [...document.querySelectorAll('table[aria-label="Nøkkeltall"] tr[data-metric]')].some((tr) => {
      const [, before, now] = [...tr.querySelectorAll('td')].map((td) => td.textContent);
      return before !== now;
    });
  await metrics.locator('tr[data-metric]').first().waitFor();
  expect(await page.evaluate(changed)).toBe(false);
  // A partner (its host select names another municipality) made its own office.
  const rows = members.locator('tr[data-municipality]');
  let partner: string | undefined;
  for (let i = 0; i < (await rows.count()) && !partner; i++) {
    const number = (await rows.nth(i).getAttribute('data-municipality'))!;
    if ((await rows.nth(i).locator('select').first().inputValue()) !== number) partner = number;
  }
  expect(partner).toBeDefined();
  const hostSelect = members.locator(`tr[data-municipality="${partner}"] select`).first();
  const started = Date.now();
  await hostSelect.selectOption(partner!);
  await page.waitForFunction(changed);
  // The figures follow at once (the target is < 200 ms; here the browser's round trip is included).
  expect(Date.now() - started).toBeLessThan(2000);
  expect(await hostSelect.inputValue()).toBe(partner);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot('3c-hva-om');
  await page.getByRole('button', { name: 'Angre' }).click();
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('table[aria-label="Nøkkeltall"] tr[data-metric]')].some((tr) => {
        const [, before, now] = [...tr.querySelectorAll('td')].map((td) => td.textContent);
        return before !== now;
      }),
  );
  expect(await hostSelect.inputValue()).not.toBe(partner);
});

it('number fields say what cannot be used, in place, and never rewrite it; their arrows speak Norwegian', async () => {
  await tab('Optimaliser');
  const run = page.getByRole('button', { name: 'Optimaliser', exact: true });
  const field = (name: string) => page.getByRole('spinbutton', { name });
  const message = (name: string) =>
    field(name)
      .locator('xpath=ancestor::div[contains(@class,"fui-Field")][1]')
      .locator('[id$="__validationMessage"], .fui-Field__validationMessage');
  const kept: Record<string, string> = {};
  for (const [name, typed, why] of [
    ['Minste årsverk per kontor', '-5', 'Må være fra 0 til 1000.'],
    ['Antall kontor', '500', 'Må være fra 1 til 41.'],
    ['Tidsgrense (sekunder)', '999 999', 'Må være fra 1 til 3600.'],
    ['Antall kontor', '7,5', 'Skriv et helt tall.'],
  ] as const) {
    kept[name] ??= await field(name).inputValue();
    await field(name).fill(typed);
    // Shown as typed after leaving the field, with the reason beside it and the field marked.
    await field(name).press('Tab');
    expect(await field(name).inputValue()).toBe(typed);
    expect(await message(name).textContent()).toBe(why);
    expect(await field(name).getAttribute('aria-invalid')).toBe('true');
    expect(await run.isDisabled()).toBe(true);
    await page.getByText('Rett feltene som er merket med feil først.').waitFor();
    if (name === 'Antall kontor' && typed === '500') {
      // A tab change keeps what was typed and the reason (item 1).
      await tab('Data');
      await tab('Optimaliser');
      expect(await field(name).inputValue()).toBe('500');
      expect(await message(name).textContent()).toBe(why);
      await shot('4a-feil-i-felt');
    }
    await field(name).fill(kept[name]!);
  }
  expect(await run.isDisabled()).toBe(false);
  // A decimal stays as typed, in Norwegian (not 8), and the arrow keys step it from there.
  const fte = field('Minste årsverk per kontor');
  await fte.fill('7,5');
  await fte.press('Tab');
  expect(await fte.inputValue()).toBe('7,5');
  expect(await fte.getAttribute('aria-invalid')).toBeNull();
  await fte.press('ArrowUp');
  expect(await fte.inputValue()).toBe('8,5');
  await fte.press('ArrowDown');
  await fte.press('ArrowDown');
  expect(await fte.inputValue()).toBe('6,5');
  // The spin button's arrows, named in the pane's language (Fluent's own names are English).
  const count = field('Antall kontor');
  const box = count.locator('xpath=..');
  expect(await box.getByRole('button').evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')))).toEqual(['Øk med 1', 'Senk med 1']);
  await count.fill('20');
  await box.getByRole('button', { name: 'Øk med 1' }).click();
  expect(await count.inputValue()).toBe('21');
  await box.getByRole('button', { name: 'Senk med 1' }).click();
  expect(await count.inputValue()).toBe('20');
  expect(await page.getByRole('button', { name: /^(Increment|Decrement) value$/ }).count()).toBe(0);
  await fte.fill(kept['Minste årsverk per kontor']!);
});

it('optimises in the Web Worker and writes the result as a scenario with its trade-off curve', async () => {
  await tab('Optimaliser');
  // Service points are chosen by default; keeping today's structure is offered (the sample has a Kontorer sheet).
  expect(await page.getByRole('checkbox', { name: /Velg tjenestesteder/ }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: 'Behold dagens samarbeid' }).isEnabled()).toBe(true);
  const count = page.getByRole('spinbutton', { name: 'Antall kontor' });
  await count.fill('20');
  await count.press('Tab');
  const runsBefore = await solverRuns();
  // What the progress says and how far its one bar is, every 50 ms of the run (items 1 and 11).
  await page.evaluate(() => {
    const seen = { texts: [] as string[], values: [] as number[] };
    (globalThis as never as { progressSeen: typeof seen }).progressSeen = seen;
    // Stop when the run's result is said. A status shown before the bar appears, or on the Data
    // tab while the run goes on (its bar hidden), must not stop the sampling.
    const t = setInterval(() => {
      const bar = document.querySelector('[role=tabpanel]:not([hidden]) [role=progressbar][aria-valuenow]');
      if (bar) seen.values.push(Number(bar.getAttribute('aria-valuenow')));
      const field = bar?.closest('.fui-Field');
      if (field) seen.texts.push(field.textContent ?? '');
      const said = [...document.querySelectorAll('[role=status]')].some((e) => /skrev \d+ ark\.$/.test(e.textContent ?? ''));
      if (said && !bar) clearInterval(t);
    }, 50);
  });
  await page.getByRole('button', { name: 'Optimaliser', exact: true }).focus();
  await page.keyboard.press('Enter');
  // Progress in the planner's words, one bar for the whole run, the form read-only, focus on Cancel.
  await page.getByText('Optimaliserer: Finner den beste strukturen med 20 kontor').waitFor({ timeout: 60_000 });
  expect(await page.getByRole('progressbar').count()).toBe(1);
  await page.getByText(/høyst \d+ (s|min) igjen/).waitFor();
  expect(await count.isDisabled()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
  await shot('4c-kjoring-fremdrift');
  // A tab change mid-run keeps the run: back, its progress and cancel are there, and no second run can start.
  await tab('Data');
  await shot('4c-kjoring-data');
  await tab('Optimaliser');
  expect(await page.getByRole('button', { name: 'Avbryt' }).isEnabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Optimaliser', exact: true }).isDisabled()).toBe(true);
  expect(await count.inputValue()).toBe('20');
  // Its progress is still shown, and a second click starts no second run.
  await page.getByText(/^Optimaliserer: /).waitFor();
  expect(await page.getByRole('progressbar').count()).toBe(1);
  await page.getByRole('button', { name: 'Optimaliser', exact: true }).click({ force: true });
  await shot('4-kjoring-etter-fanebytte');
  const said = page.getByRole('status').filter({ hasText: /^20 kontor, .+; skrev \d+ ark\.$/ });
  await said.waitFor({ timeout: 120_000 });
  expect(await said.isVisible()).toBe(true);
  expect(await solverRuns()).toBe(runsBefore + 1);
  // Focus stayed on a button that can be used, never on the page.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
  // The progress spoke the planner's words, never the optimiser's stages, and its bar never went back.
  const seen = await page.evaluate(() => (globalThis as never as { progressSeen: { texts: string[]; values: number[] } }).progressSeen);
  expect(seen.texts.length).toBeGreaterThan(3);
  expect(seen.texts.filter((t) => /\b(main|sweep|alternative|curve|stage)\b|–/.test(t))).toEqual([]);
  expect(seen.values.filter((v, i) => i > 0 && v < seen.values[i - 1]!)).toEqual([]);
  expect(seen.values.at(-1)!).toBeGreaterThan(seen.values[0]!);
  const names = await api((t) => t.sheetNames());
  expect(names).toEqual(expect.arrayContaining(['KP Optimerte scenarier', 'KP Avveiing', 'Sammenligning']));
  expect(await page.getByText('bevist optimal', { exact: false }).count()).toBeGreaterThan(0);
  const chart = await page.evaluate(
    () =>
      (globalThis as never as { kontorplanTest: { excel: { sheet(n: string): { charts: unknown[] } } } }).kontorplanTest.excel.sheet(
        'KP Avveiing',
      )!.charts.length,
  );
  expect(chart).toBe(1);
  await shot('4-optimalisert');
  await shotTabs('4-ferdig');
});

it('cancels a run and keeps the best structure it had found', async () => {
  // Any host: the larger models take about a second a solve here, so the run is still on its
  // alternatives or curve when Avbryt is pressed (with the host rule each solve of Nordland takes
  // some 50 ms, and the run could end before the click).
  const anyHost = page.getByRole('checkbox', { name: 'La en mindre kommune være vert for en større' });
  await anyHost.check();
  await page.getByRole('button', { name: 'Optimaliser', exact: true }).click();
  // Once the best structure is in and the alternatives or the curve are being worked on.
  await page.getByText(/Optimaliserer: (Ser etter et nesten like godt alternativ|Avveiningskurven)/).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByText('Avbrutt: viser den beste strukturen som var funnet.').waitFor({ timeout: 30_000 });
  expect(await api((t) => t.sheetNames())).toEqual(expect.arrayContaining(['KP Optimert 20 kontor', 'KP Optimerte scenarier']));
  // The structure found before the cancel, said as it is: its proof and its service points (the
  // islands join robust hosts with local offices: nobody keeps an office alone).
  await page.getByText('Kjøringen ble avbrutt', { exact: false }).waitFor();
  await page.getByText('Beste: bevist optimal', { exact: false }).waitFor();
  await page.getByText(/Tjenestesteder: \d+ fulle lokalkontor/).waitFor();
  await page.getByText('Alle kommuner kan nå en robust vert', { exact: false }).waitFor();
  await shot('4b-avbrutt');
  await anyHost.uncheck();
});

it('saves nothing when a run fails, and says why beside the button', async () => {
  type Settings = { kontorplanTest: { excel: { settings: Map<string, unknown> } } };
  const settings = await page.evaluate(() => JSON.stringify([...(globalThis as never as Settings).kontorplanTest.excel.settings]));
  const sheets = await api((t) => t.sheetNames());
  const scenarios = JSON.stringify(await api((t) => t.values('KP Optimerte scenarier')));
  // Rules no structure can meet: one office, two hosts it must have.
  const count = page.getByRole('spinbutton', { name: 'Antall kontor' });
  const forced = page.getByRole('textbox', { name: /^Må være vertskommune/ });
  await count.fill('1');
  await forced.fill('1804, 1806');
  const fte = page.getByRole('spinbutton', { name: 'Minste årsverk per kontor' });
  const fteBefore = await fte.inputValue();
  await fte.fill('3');
  await page.getByRole('button', { name: 'Optimaliser', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Reglene er ikke lagret: arbeidsboken er som før.' });
  await alert.waitFor({ timeout: 60_000 });
  // Beside the button, and scrolled into view.
  await page.waitForFunction(() => {
    const r = document.querySelector('[role=tabpanel]:not([hidden]) [role=alert]')?.getBoundingClientRect();
    return r !== undefined && r.top >= 0 && r.bottom <= window.innerHeight;
  });
  const button = (await page.getByRole('button', { name: 'Optimaliser', exact: true }).boundingBox())!;
  const box = (await alert.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(button.y);
  expect(box.y - (button.y + button.height)).toBeLessThan(80);
  await shot('4d-feilet');
  await shotTabs('4d-feilet');
  // Nothing written: the rules kept in the workbook, its sheets and the scenarios as they were.
  expect(await page.evaluate(() => JSON.stringify([...(globalThis as never as Settings).kontorplanTest.excel.settings]))).toBe(settings);
  expect(await api((t) => t.sheetNames())).toEqual(sheets);
  expect(JSON.stringify(await api((t) => t.values('KP Optimerte scenarier')))).toBe(scenarios);
  await forced.fill('');
  await fte.fill(fteBefore);
  await count.fill('20');
});

it('compares the scenarios side by side, the optimised one among them', async () => {
  await tab('Sammenlign');
  const table = page.getByRole('table', { name: 'Scenarier side om side' });
  await table.waitFor();
  expect(await table.getByRole('columnheader', { name: /Optimert 20 kontor/ }).count()).toBeGreaterThan(0);
  // At 320 px the measures stay in view when the scenarios are scrolled sideways, and two scenarios show beside them.
  const scroller = table.locator('xpath=..');
  await scroller.evaluate((e) => (e.scrollLeft = e.scrollWidth));
  const key = await table.locator('tbody tr').nth(1).locator('td').first().boundingBox();
  const view = await scroller.boundingBox();
  expect(key!.x).toBeGreaterThanOrEqual(view!.x - 1);
  const widths = await table.locator('thead th').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
  expect(widths[0]! + widths[1]! + widths[2]!).toBeLessThanOrEqual(view!.width + 1);
  await scroller.evaluate((e) => (e.scrollLeft = 0));
  // What the write button shows while it works, as the page draws it (item 5: it showed nothing).
  await page.evaluate(() => {
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      for (const e of document.querySelectorAll('[role=tabpanel]:not([hidden]) .fui-Spinner')) seen.push(e.textContent ?? '');
    });
    Object.assign(globalThis, { spinnerSeen: seen, spinnerWatch: watch });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Skriv sammenligningsark' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Skrev \d+ ark: scenarioene og Sammenligning\.$/ })
    .waitFor();
  const stages = await page.evaluate(() => {
    const g = globalThis as never as { spinnerSeen: string[]; spinnerWatch: MutationObserver };
    g.spinnerWatch.disconnect();
    return g.spinnerSeen;
  });
  expect(stages.filter((t) => /^(Leser arbeidsboken|Kontrollerer dataene|Skriver arkene|Arbeider)/.test(t)).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Skriv sammenligningsark' }).and(page.locator(':enabled')).waitFor();
  await shot('5-sammenligning');
});

it('splits an office’s costs by a key, live, and writes the sheet with formulas', async () => {
  await tab('Kostnadsnøkler');
  const table = page.getByRole('table', { name: 'Nøkkel' });
  await table.waitFor();
  // The shares follow the key at once: equal parts give every member the same (to the krone).
  const amounts = async () =>
    (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent ?? '')))
      .slice(0, -1)
      .map((t) => Number(t.replace(/\D/g, '')));
  const perCapita = await amounts();
  await page.getByRole('combobox', { name: 'Nøkkel' }).click();
  await page.getByRole('option', { name: 'like deler' }).click();
  for (let i = 0; i < 40 && JSON.stringify(await amounts()) === JSON.stringify(perCapita); i++) await page.waitForTimeout(50);
  const equal = await amounts();
  expect(Math.max(...equal) - Math.min(...equal)).toBeLessThanOrEqual(1);
  expect(equal.reduce((a, b) => a + b, 0)).toBe(perCapita.reduce((a, b) => a + b, 0));
  await page.getByRole('button', { name: 'Skriv kostnadsark med formler' }).click();
  const done = page.getByRole('status').filter({ hasText: 'KP Kostnader' });
  await done.waitFor();
  const sheet = ((await done.textContent()) ?? '').replace(/^.*(KP Kostnader \d{4}).*$/, '$1');
  const values = await page.evaluate((n) => (globalThis as never as { kontorplanTest: TestApi }).kontorplanTest.values(n), sheet);
  expect(values.flat().some((v) => typeof v === 'string' && v.startsWith('=') && v.includes('SUMPRODUCT'))).toBe(true);
  await shot('6-kostnader');
});

it('lets the planner choose the sheet and columns Kontorplan reads, and keeps the choice in the workbook', async () => {
  // A sheet whose name and headers Kontorplan cannot recognise on its own.
  await page.evaluate(() =>
    (globalThis as never as { kontorplanTest: { excel: { addSheet(n: string, v: unknown[][]): void } } }).kontorplanTest.excel.addSheet(
      'Ark2',
      [
        ['Nr', 'Innb.'],
        ['1804', 53638],
        ['1841', 9770],
      ],
    ),
  );
  await tab('Data');
  await page.getByRole('button', { name: 'Les arbeidsboken på nytt' }).click();
  await page.getByRole('combobox', { name: 'Velg ark: Kommuner' }).click();
  await page.getByRole('option', { name: 'Ark2' }).click();
  await page.getByRole('button', { name: 'Bruk og lagre i arbeidsboken' }).click();
  await page.getByRole('combobox', { name: 'Velg kolonne (Kommuner): folketall' }).click();
  await page.getByRole('option', { name: 'Innb.' }).click();
  await page.getByRole('combobox', { name: 'Velg kolonne (Kommuner): kommunenummer' }).click();
  await page.getByRole('option', { name: 'Nr' }).click();
  await page.getByRole('button', { name: 'Bruk og lagre i arbeidsboken' }).click();
  await page.waitForFunction(() =>
    JSON.stringify(
      (globalThis as never as { kontorplanTest: { excel: { settings: Map<string, unknown> } } }).kontorplanTest.excel.settings.get(
        'kontorplan',
      ) ?? '',
    ).includes('Innb.'),
  );
  const settings = await page.evaluate(() =>
    JSON.parse(
      String(
        (globalThis as never as { kontorplanTest: { excel: { settings: Map<string, unknown> } } }).kontorplanTest.excel.settings.get(
          'kontorplan',
        ),
      ),
    ),
  );
  expect(settings.mapping).toEqual({ sheets: { municipalities: 'Ark2' }, columns: { Ark2: { population: 'Innb.', number: 'Nr' } } });
  // Read with the choice: Ark2's two municipalities, so the other 39 are now unknown: the first 20
  // of a kind in a sheet, then a count.
  await page.getByText('"1806" er ikke en kommune i arket Ark2', { exact: false }).first().waitFor();
  await page.getByText('celler til i arket med samme slags feil som over', { exact: false }).first().waitFor();
  await page.getByText('… og ', { exact: false }).waitFor();
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      // The tab bar scrolls sideways within itself (one row): its tabs may lie beyond its edge.
      .filter((e) => !e.closest('[role=tablist]') || e.getAttribute('role') === 'tablist')
      .filter((e) => e.getBoundingClientRect().right > 321)
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${e.textContent?.slice(0, 60)}`),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot('8-kolonnevalg');
  // And back: Kontorplan finds the Kommuner sheet itself again.
  await page.getByRole('combobox', { name: 'Velg ark: Kommuner' }).click();
  await page.getByRole('option', { name: '(finn selv)' }).click();
  await page.getByRole('button', { name: 'Bruk og lagre i arbeidsboken' }).click();
  await page.getByText('Ingen problemer', { exact: false }).waitFor();
});

it('never changed the planner’s own sheet, and switches to English', async () => {
  expect(JSON.parse(await api((t) => t.dump('Mine notater')))).toMatchObject({ name: 'Mine notater', visibility: 'Visible' });
  const cells = JSON.parse(await api((t) => t.dump('Mine notater'))).cells as [string, { value: unknown }][];
  expect(cells.map(([k, c]) => [k, c.value])).toEqual([
    ['0,0', 'Dette arket er mitt'],
    ['1,0', 1],
    ['1,1', 2],
    ['1,2', 3],
  ]);
  // Keyboard: the tabs are one tab stop, moved through with the arrow keys.
  await page.getByRole('tab', { name: 'Kostnadsnøkler' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: 'Scenarier side om side' }).waitFor();
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('tab', { name: 'Cost keys' }).waitFor();
  await page.getByRole('tab', { name: 'Data' }).click();
  // The pane's own words are English (the problems and sheet names come from the engine and the workbook).
  const words = await page.locator('main').evaluate((m) => {
    const c = m.cloneNode(true) as HTMLElement;
    c.querySelectorAll('[hidden], ul, [role=combobox], button[role=tab]').forEach((e) => e.remove());
    return c.textContent ?? '';
  });
  expect(words).toContain('Sheets and columns');
  expect(words.replace(/Kostnadsnøkler|Nordland|Sámi/g, '')).not.toMatch(/ikke|arbeidsboken|Skriv /);
  await shot('7-english');
  // Every tab in English, as a planner reads it: no Norwegian word (the same test as
  // test/taskpane/english.test.tsx, here in the browser), but for the planner's own names: the
  // workbook's sheet names, its municipalities and scenarios, and its column headers.
  const names = await page.evaluate(() => {
    const t = (globalThis as never as { kontorplanTest: TestApi }).kontorplanTest;
    return t.sheetNames().flatMap((n) => {
      const rows = t.values(n);
      const own = [...(rows[0] ?? []), ...rows.flatMap((r) => r.slice(0, 2))].filter((v): v is string => typeof v === 'string');
      return [n, ...own, ...own.flatMap((x) => x.split(' - '))];
    });
  });
  // The map's source names its repository: a name too.
  const own = [...new Set([...names, 'Nordland', 'robhop/fylker-og-kommuner'])]
    .filter((n) => n.length > 1)
    .sort((a, b) => b.length - a.length);
  const NORWEGIAN =
    /[æøåÆØÅ]|\b(og|ikke|eller|arket|arkene|kontor|kommune|kommuner|skriv|les|velg|antall|fylke|feil|merk|av|med|til|per år|innbyggere|reisetid|karakter)\b/i;
  const found: string[] = [];
  for (const name of TABS.en) {
    await page.getByRole('tab', { name }).click();
    const panel = page.getByRole('tabpanel', { name });
    await panel.waitFor();
    const texts = await panel.evaluate((p) =>
      [...p.querySelectorAll('*')]
        .filter((e) => !e.closest('[hidden]'))
        .flatMap((e) => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? ''))
        .concat(
          [...p.querySelectorAll('[aria-label], [aria-description], [placeholder], [title]')].flatMap((e) =>
            ['aria-label', 'aria-description', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
          ),
        ),
    );
    found.push(
      ...texts
        .map((t) => own.reduce((x, n) => x.split(n).join(''), t))
        .filter((t) => NORWEGIAN.test(t))
        .map((t) => `${name}: ${t}`),
    );
  }
  // The optimiser's reason for a run that failed before the language changed included.
  expect([...new Set(found)]).toEqual([]);
  // A field's reason and its arrows, in English.
  await page.getByRole('tab', { name: 'Optimise' }).click();
  const fte = page.getByRole('spinbutton', { name: 'Minimum FTE per office' });
  const before = await fte.inputValue();
  await fte.fill('-5');
  await page.getByText('Must be from 0 to 1000.').waitFor();
  expect(await fte.inputValue()).toBe('-5');
  expect(
    await fte
      .locator('xpath=..')
      .getByRole('button')
      .evaluateAll((b) => b.map((x) => x.getAttribute('aria-label'))),
  ).toEqual(['Increase by 1', 'Decrease by 1']);
  await fte.fill(before);
  await shotTabs('7-english', 'en');
  await page.getByRole('tab', { name: 'Data' }).click();
});

it('at 150 % zoom (a 320 px pane is 213 CSS px wide) keeps the key column in view and amounts apart', async () => {
  await page.setViewportSize({ width: 213, height: 900 });
  try {
    await page
      .getByRole('button', { name: 'Language: Norwegian' })
      .or(page.getByRole('button', { name: 'Språk: norsk' }))
      .click();
    await tab('Sammenlign');
    const table = page.getByRole('table', { name: 'Scenarier side om side' });
    await table.waitFor();
    const scroller = table.locator('xpath=..');
    await scroller.evaluate((e) => (e.scrollLeft = e.scrollWidth));
    const key = await table.locator('tbody tr').nth(2).locator('td').first().boundingBox();
    const view = await scroller.boundingBox();
    expect(key!.x).toBeGreaterThanOrEqual(view!.x - 1);
    // No amount runs into the next: every number fits its cell.
    const overflowing = await table
      .locator('tbody td')
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
    expect(overflowing).toEqual([]);
    await scroller.evaluate((e) => (e.scrollLeft = 0));
    // The outcome stands beside the button that caused it, in view, at the foot of a long tab (item 2).
    const write = page.getByRole('button', { name: 'Skriv sammenligningsark' });
    await write.click();
    const said = page.getByRole('status').filter({ hasText: /^Skrev \d+ ark: scenarioene og Sammenligning\.$/ });
    await said.waitFor();
    await page.waitForTimeout(200);
    const b = (await write.boundingBox())!;
    const m = (await said.boundingBox())!;
    expect(m.y).toBeGreaterThanOrEqual(b.y);
    expect(m.y - (b.y + b.height)).toBeLessThan(80);
    expect(m.y).toBeGreaterThanOrEqual(0);
    expect(m.y + m.height).toBeLessThanOrEqual(900);
    await shot('9-sammenligning-150-prosent');
    await tab('Kostnadsnøkler');
    const costs = page.getByRole('table', { name: 'Nøkkel' });
    await costs.waitFor();
    const amounts = await costs
      .locator('tbody td')
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
    expect(amounts).toEqual([]);
    await shot('9-kostnader-150-prosent');
  } finally {
    await page.setViewportSize({ width: 320, height: 900 });
  }
});

it('keeps the tab bar to one row at 320 px and at 150 %, every tab reachable', async () => {
  for (const width of [320, 213]) {
    await page.setViewportSize({ width, height: 900 });
    try {
      const bar = (await page.getByRole('tablist').boundingBox())!;
      const first = (await page.getByRole('tab').first().boundingBox())!;
      expect(bar.height).toBeLessThan(first.height * 1.5);
      expect(bar.x + bar.width).toBeLessThanOrEqual(width + 1);
      const names = await page.getByRole('tab').allTextContents();
      for (const t of await page.getByRole('tab').all()) {
        await t.click();
        const box = (await t.boundingBox())!;
        expect(box.y).toBeLessThan(first.y + 2);
      }
      // Every tab, the what-if tab too (Fluent repeats a tab's text to reserve its bold width).
      expect(names).toHaveLength(6);
      expect(names.some((n) => n.startsWith('Hva om'))).toBe(true);
      await page.getByRole('tab').first().click();
      await shot(`10-faner-${width}px`);
    } finally {
      await page.setViewportSize({ width: 320, height: 900 });
    }
  }
});

/** WCAG 2.x contrast of two CSS colours (rgb()/rgba() as the browser reports them). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((x) => {
        const v = Number(x) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

it('follows the system’s dark theme, readable on every tab', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    await page.locator('main[data-theme=dark]').waitFor();
    for (const name of TABS.nb) {
      await page.getByRole('tab', { name }).click();
      const colours = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const panel = document.querySelector('[role=tabpanel]:not([hidden])')!;
        const texts = [...panel.querySelectorAll('p, span, label, td, th, h2')].filter((e) => e.textContent?.trim()).slice(0, 40);
        return { background: getComputedStyle(main).backgroundColor, texts: texts.map((e) => getComputedStyle(e).color) };
      });
      expect(contrast(colours.background, 'rgb(0, 0, 0)')).toBeLessThan(3);
      for (const c of colours.texts) expect(contrast(c, colours.background)).toBeGreaterThanOrEqual(4.5);
      await shot(`11-mork-${name.toLowerCase().replace(/ /g, '-')}`);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
});

it('follows Office’s own theme, read again when the pane gains focus or is shown (Excel sends no theme event)', async () => {
  type Host = { kontorplanTest: { setOfficeTheme(c: string | undefined): void; reopen(): void } };
  const setOffice = (c: string | undefined) => page.evaluate((x) => (globalThis as never as Host).kontorplanTest.setOfficeTheme(x), c);
  try {
    await page.locator('main[data-theme=light]').waitFor();
    // Office's Dark Gray theme chosen while the pane is open: seen when the pane's window gains focus.
    await setOffice('#262626');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('main[data-theme=dark]').waitFor();
    await tab('Optimaliser');
    await shot('11-office-mork-optimaliser');
    // Office's White theme, seen when the system's scheme changes: Office's outranks the system's dark.
    await setOffice('#FFFFFF');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('main[data-theme=light]').waitFor();
    // Office's Black theme, seen when the pane is shown again.
    await setOffice('#000000');
    await page.evaluate(() => (globalThis as never as Host).kontorplanTest.reopen());
    await page.locator('main[data-theme=dark]').waitFor();
    // Office says nothing: the system's scheme.
    await setOffice(undefined);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('main[data-theme=light]').waitFor();
  } finally {
    await setOffice(undefined);
    await page.emulateMedia({ colorScheme: 'light' });
    await tab('Data');
  }
});

it('writes nothing from stale data: a Scenarier sheet deleted since the read is noticed (item 7)', async () => {
  type Host = {
    kontorplanTest: { excel: { run(b: (ctx: never) => Promise<unknown>): Promise<unknown>; addSheet(n: string, v: unknown[][]): void } };
  };
  // The pane reads again 300 ms after it is shown (the theme test showed it): let that settle
  // first, so the deletion below is found by the check before the write, not by a read.
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: 'Les arbeidsboken på nytt' }).click();
  await page.getByText('Ingen problemer', { exact: false }).waitFor();
  await tab('Sammenlign');
  const before = await api((t) => t.dump('Sammenligning'));
  const scenarios = await api((t) => t.values('Scenarier'));
  await page.evaluate(() =>
    (globalThis as never as Host).kontorplanTest.excel.run(async (ctx: never) => {
      const c = ctx as { workbook: { worksheets: { getItem(n: string): { delete(): void } } }; sync(): Promise<void> };
      c.workbook.worksheets.getItem('Scenarier').delete();
      await c.sync();
    }),
  );
  await page.getByRole('button', { name: 'Skriv sammenligningsark' }).click();
  await page.getByRole('alert').filter({ hasText: 'Arbeidsboken er endret siden den ble lest, så ingenting ble skrevet.' }).waitFor();
  expect(await api((t) => t.dump('Sammenligning'))).toBe(before);
  expect(await api((t) => t.sheetNames())).not.toContain('Scenarier');
  await shot('12-endret-arbeidsbok-ikke-skrevet');
  // The sheet back as it was, and read again.
  await page.evaluate((v) => (globalThis as never as Host).kontorplanTest.excel.addSheet('Scenarier', v), scenarios);
  await tab('Data');
  await page.getByRole('button', { name: 'Les arbeidsboken på nytt' }).click();
  await page.getByText('Ingen problemer', { exact: false }).waitFor();
});

it('remembers the language chosen when the pane opens again', async () => {
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('tab', { name: 'Optimise' }).waitFor();
  // A new page (the pane opened again, Office's display language Norwegian) starts in English.
  const again = await page.context().newPage();
  try {
    await again.goto(`${served.url}/taskpane.html`);
    await again.getByRole('tab', { name: 'Optimise' }).waitFor();
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
  } finally {
    await again.close();
  }
});

it('at 150 % zoom (device scale 1.5, 213 CSS px): the outcome beside its button, one row of tabs, every tab shot', async () => {
  const context = await pane.context({ viewport: { width: 213, height: 900 }, deviceScaleFactor: 1.5 });
  const zoomed = await context.newPage();
  const errors: string[] = [];
  zoomed.on('pageerror', (e) => errors.push(e.message));
  try {
    await zoomed.addInitScript(() => localStorage.setItem('kontorplan.language', 'nb'));
    await zoomed.goto(`${served.url}/taskpane.html`);
    await zoomed.getByRole('heading', { name: 'Kom i gang' }).waitFor();
    expect(await zoomed.evaluate(() => window.devicePixelRatio)).toBe(1.5);
    await shotTabs('13-150-prosent-tom', 'nb', zoomed);
    const insert = zoomed.getByRole('button', { name: 'Sett inn eksempeldata' });
    await insert.click();
    const said = zoomed.getByRole('status').filter({ hasText: /^Satte inn eksempeldata for Nordland/ });
    await said.waitFor();
    await zoomed.waitForTimeout(200);
    // In view and below the button that caused it (not 358 px above the view).
    const m = (await said.boundingBox())!;
    expect(m.y).toBeGreaterThanOrEqual(0);
    expect(m.y + m.height).toBeLessThanOrEqual(900);
    expect(m.y).toBeGreaterThanOrEqual((await insert.boundingBox())!.y);
    // The tab bar is one row; nothing runs off to the side.
    const bar = (await zoomed.getByRole('tablist').boundingBox())!;
    expect(bar.height).toBeLessThan((await zoomed.getByRole('tab').first().boundingBox())!.height * 1.5);
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(213);
    await zoomed.getByText('Ingen problemer', { exact: false }).waitFor();
    await shotTabs('13-150-prosent', 'nb', zoomed);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
