import { configure } from '@testing-library/react';

/**
 * What the pane needs of a browser that jsdom lacks: the map file fetched from the repository's
 * assets, a ResizeObserver that never fires, and scrollIntoView (jsdom has no layout; `onScroll`
 * may record what was scrolled into view). Called in a test file's beforeAll. The queries that
 * wait (findBy…, waitFor) wait up to 15 s instead of 1: the pane reads and scores a county on
 * the page here, which under the full suite's load takes seconds. They assert what appears, not
 * how fast.
 */
export function givePaneABrowser(onScroll: (el: Element) => void = () => undefined): void {
  configure({ asyncUtilTimeout: 15_000 });
  globalThis.fetch = (async (url: string) => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${__dirname}/../../assets/${url}`, 'utf8');
    return { ok: true, status: 200, json: async () => JSON.parse(text) };
  }) as never;
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as never;
  Element.prototype.scrollIntoView = function (this: Element) {
    onScroll(this);
  };
}
