/**
 * What the pane needs of a browser that jsdom lacks: the map file fetched from the repository's
 * assets, a ResizeObserver that never fires, and scrollIntoView (jsdom has no layout; `onScroll`
 * may record what was scrolled into view). Called in a test file's beforeAll.
 */
export function givePaneABrowser(onScroll: (el: Element) => void = () => undefined): void {
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
