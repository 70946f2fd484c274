/**
 * What every browser test starts from: Debian's Chromium with the project's flags, the built
 * dist/ served on loopback, and the fake Excel host served at Office.js's CDN address (where the
 * production task pane loads it). One place, so the test files cannot drift apart on the flags or
 * on where Office.js comes from.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { buildFakeOffice } from './build';
import { serveDist } from './server';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
/** Where the browser tests put their screenshots. */
export const OUT = path.join(ROOT, 'test-output', 'e2e');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export type Served = Awaited<ReturnType<typeof serveDist>>;

/** The browser, the served add-in and the fake host's script; `context` opens a pane context (320 px by default). */
export type PaneBrowser = Readonly<{
  browser: Browser;
  served: Served;
  fakeJs: string;
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}>;

/** Starts Chromium and serves dist/, the fake Office host built into `fakeDir`. Says what is missing when dist/ or Chromium is. */
export async function launchPane(fakeDir: string): Promise<PaneBrowser> {
  if (!existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/ is not built: run `npm run build:web` (npm run test:e2e does it).');
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM).`);
  const fakeJs = readFileSync(await buildFakeOffice(fakeDir), 'utf8');
  const served = await serveDist(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = async (options: BrowserContextOptions = {}) => {
    const c = await browser.newContext({ viewport: { width: 320, height: 900 }, ...options });
    // Office.js from the CDN, as the production task pane asks for it: here the fake host.
    await c.route(OFFICE_JS_CDN, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeJs }));
    return c;
  };
  const close = async () => {
    await browser.close();
    served.server.close();
  };
  return { browser, served, fakeJs, context, close };
}
