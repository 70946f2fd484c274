/** Office's theme read as light or dark, against WCAG 2.x relative luminance. */
import { currentTheme, luminance, themeOfOffice, themeOfSystem, watchTheme } from '../../src/taskpane/theme';

describe('the theme', () => {
  it('computes relative luminance as WCAG defines it', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
    expect(luminance('#000000')).toBe(0);
    // #767676 is the darkest grey with 4.5:1 on white (WCAG's AA figure): (1.05 / (L + 0.05)) ≈ 4.54.
    expect(1.05 / (luminance('#767676')! + 0.05)).toBeCloseTo(4.54, 2);
    expect(luminance('red')).toBeUndefined();
  });

  it('reads Office’s body background: dark for the dark grey and black themes, light for white and colourful', () => {
    expect(themeOfOffice({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeOfOffice({ bodyBackgroundColor: '#000000' })).toBe('dark');
    expect(themeOfOffice({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeOfOffice({ bodyBackgroundColor: '#E6E6E6' })).toBe('light');
    expect(themeOfOffice(undefined)).toBeUndefined();
    expect(themeOfOffice({})).toBeUndefined();
  });

  it('falls back to the system’s colour scheme, light when it cannot be asked', () => {
    expect(themeOfSystem((q) => ({ matches: q === '(prefers-color-scheme: dark)' }))).toBe('dark');
    expect(themeOfSystem(() => ({ matches: false }))).toBe('light');
    expect(themeOfSystem(undefined)).toBe('light');
    expect(
      themeOfSystem(() => {
        throw new Error('no');
      }),
    ).toBe('light');
  });

  it('prefers Office’s theme to the system’s, and the system’s when Office says nothing or cannot be asked', () => {
    const g = globalThis as { matchMedia?: unknown };
    g.matchMedia = (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' });
    try {
      expect(currentTheme('light')).toBe('light');
      expect(currentTheme(() => 'light')).toBe('light');
      expect(currentTheme(() => undefined)).toBe('dark');
      expect(currentTheme(undefined)).toBe('dark');
      expect(
        currentTheme(() => {
          throw new Error('Office.context is not ready');
        }),
      ).toBe('dark');
    } finally {
      delete g.matchMedia;
    }
  });

  it('is told to read again on each event that may carry a change (Excel has no theme event), and no more once stopped', () => {
    const g = globalThis as { matchMedia?: unknown; window?: unknown; document?: unknown };
    const media = new EventTarget();
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    g.matchMedia = () => media;
    g.window = win;
    g.document = doc;
    let shownListener: (() => void) | undefined;
    let reads = 0;
    try {
      const stop = watchTheme(
        () => (reads += 1),
        (l) => ((shownListener = l), () => (shownListener = undefined)),
      );
      media.dispatchEvent(new Event('change'));
      expect(reads).toBe(1);
      win.dispatchEvent(new Event('focus'));
      expect(reads).toBe(2);
      // Hidden is no reason to read; visible again is.
      doc.dispatchEvent(new Event('visibilitychange'));
      expect(reads).toBe(2);
      doc.visibilityState = 'visible';
      doc.dispatchEvent(new Event('visibilitychange'));
      expect(reads).toBe(3);
      shownListener!();
      expect(reads).toBe(4);
      stop();
      for (const t of [media, win]) t.dispatchEvent(new Event(t === media ? 'change' : 'focus'));
      doc.dispatchEvent(new Event('visibilitychange'));
      expect(reads).toBe(4);
      expect(shownListener).toBeUndefined();
    } finally {
      delete g.matchMedia;
      delete g.window;
      delete g.document;
    }
  });
});
