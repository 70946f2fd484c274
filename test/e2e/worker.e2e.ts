/**
 * The pane's writes built in its Web Worker, in a real browser (Debian's Chromium, the built
 * dist/, the fake Excel host in place of Office.js, as taskpane.e2e.ts runs it): at 320 px the
 * planner inserts the sample for all of Norway, sees the progress of each sheet, and the pane
 * reads 357 municipalities; writing the scenario sheets shows its progress too. The longest task
 * on the page's thread is printed (measured, not asserted: it depends on the machine).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchPane, OUT, type PaneBrowser } from './browser';

let pane: PaneBrowser;
let page: Page;
const problems: string[] = [];

type TestApi = { sheetNames(): string[]; values(name: string): unknown[][] };
const api = <T>(f: (t: TestApi) => T): Promise<T> => page.evaluate(`(${f.toString()})(globalThis.kontorplanTest)`) as Promise<T>;
const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });

/** Records every spinner label the pane shows, and the page's longest task, from now on. */
const watchProgress = () =>
  page.evaluate(() => {
    const g = globalThis as unknown as { seen: string[]; longest: number };
    g.seen = [];
    g.longest = 0;
    const note = () => {
      for (const e of document.querySelectorAll('.fui-Spinner__label')) {
        const t = e.textContent ?? '';
        if (t && g.seen.at(-1) !== t) g.seen.push(t);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) g.longest = Math.max(g.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
const progressSeen = () => page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen);
const longestTask = () => page.evaluate(() => (globalThis as unknown as { longest: number }).longest);

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pane = await launchPane(path.join(OUT, 'worker'));
  page = await (await pane.context()).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.getByRole('heading', { name: 'Kontorplan' }).waitFor();
}, 120_000);

afterAll(async () => {
  await pane?.close();
});

afterEach(() => expect(problems).toEqual([]));

it('inserts all of Norway from the pane, with progress per sheet, and reads 357 municipalities', async () => {
  await page.getByRole('combobox', { name: 'Fylke' }).click();
  await page.getByRole('option', { name: 'Hele landet' }).click();
  await watchProgress();
  await page.getByRole('button', { name: 'Sett inn eksempeldata' }).click();
  const said = page.locator('[role=status], [role=alert]').first();
  await said.waitFor({ timeout: 120_000 }).catch(async (e: Error) => {
    await shot('w1-hele-landet-feil');
    throw new Error(`${e.message}\nprogress: ${JSON.stringify(await progressSeen())}\nproblems: ${problems.join('\n')}`);
  });
  expect(await said.textContent()).toMatch(/^Satte inn eksempeldata for hele landet \(357 kommuner\) i 7 nye ark: Kommuner, /);
  // The pane's worker built the sheets; the page wrote them one by one, and said so.
  expect(pane.served.requests).toContain('/pane-worker.js');
  const seen = await progressSeen();
  expect(seen).toContain('Lager arkene …');
  expect(seen.some((t) => /^Skriver ark [1-7] av 7 …$/.test(t))).toBe(true);
  expect(seen.indexOf('Lager arkene …')).toBeLessThan(seen.findIndex((t) => t.startsWith('Skriver ark')));
  console.log(
    `insert all of Norway: progress shown ${JSON.stringify(seen)}; the page's longest task ${Math.round(await longestTask())} ms`,
  );
  // Fits the narrowest pane.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot('w1-hele-landet');

  expect(await api((t) => t.values('Kommuner').length)).toBeGreaterThan(357);
  // What the pane read: every municipality of the country, one row each in the what-if table.
  await page.getByRole('tab', { name: 'Hva om' }).click();
  const members = page.getByRole('table', { name: 'Kommunene: før (scenarioet du valgte) og nå' });
  await members.waitFor({ timeout: 60_000 });
  expect(await members.locator('tbody tr').count()).toBe(357);
});

it('writes the scenario sheets for all of Norway with progress per sheet', async () => {
  await page.getByRole('tab', { name: 'Scenarier' }).click();
  await watchProgress();
  await page.getByRole('button', { name: 'Skriv scenarioark og sammenligning' }).click();
  const done = page.getByRole('status').filter({ hasText: /^Skrev \d+ ark/ });
  await done.waitFor({ timeout: 120_000 });
  const seen = await progressSeen();
  expect(seen).toContain('Lager arkene …');
  expect(seen.some((t) => /^Skriver ark \d+ av \d+ …$/.test(t))).toBe(true);
  console.log(
    `write the scenario sheets: progress shown ${JSON.stringify(seen)}; the page's longest task ${Math.round(await longestTask())} ms`,
  );
  expect(await api((t) => t.sheetNames())).toContain('Sammenligning');
  await shot('w2-scenarioark');
});
