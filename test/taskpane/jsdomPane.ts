import { configure } from '@testing-library/react';

/**
 * jsdom computes an element's style by matching every rule of every sheet against it, through a
 * selector engine (nwsapi) that keeps the last 1000 compiled selectors. Once the pane's Fluent
 * rules pass a thousand, as they do a few tests into a file, every rule misses that cache in turn
 * and is compiled again: a style then costs 45 ms, and a role query by name, which asks for the
 * style of every element under every candidate, seconds. The pane's test file took twelve
 * minutes, mostly here. This keeps every compiled selector instead. The cache holds query plans,
 * never results, so what a query finds is the same.
 */
function keepEveryCompiledSelector(): void {
  getComputedStyle(document.body); // jsdom makes the engine on first use
  const impl = Object.getOwnPropertySymbols(document).find((s) => s.description === 'impl');
  const engine =
    impl &&
    (document as unknown as Record<symbol, { _nwsapiDontThrow?: { matchResolvers?: Record<string, unknown> } }>)[impl]?._nwsapiDontThrow;
  const cache = engine?.matchResolvers;
  if (!cache) throw new Error('jsdom no longer keeps its selector engine where this expects it: see keepEveryCompiledSelector');
  const kept = new Map<string, unknown>();
  Object.assign(cache, {
    get: (key: string) => kept.get(key),
    has: (key: string) => kept.has(key),
    set: (key: string, value: unknown) => (kept.set(key, value), value),
    clear: () => kept.clear(),
    size: () => kept.size,
  });
}

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
  keepEveryCompiledSelector();
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
