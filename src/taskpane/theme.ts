/**
 * The pane's theme: Office's own where the host tells it (Office.context.officeTheme, whose
 * body background is dark in Office's dark and black themes), the system's otherwise
 * (prefers-color-scheme), light when neither says.
 *
 * Excel raises no event when its theme changes: Office.EventType.OfficeThemeChanged is
 * Outlook's alone ("Occurs when the OfficeTheme is changed in Outlook", Mailbox requirement set
 * 1.14, @types/office-js and Microsoft's Office.OfficeThemeChangedEventArgs page), while
 * Office.context.officeTheme itself is supported in Excel on the web, Windows, Mac and iPad
 * (Office.OfficeTheme, "Supported applications, by platform"). So the pane reads it again
 * whenever the theme may have changed: when the pane is shown again, when its window gains
 * focus or becomes visible, and when the system's colour scheme changes.
 */
import { useCallback, useEffect, useState } from 'react';

export type ThemeName = 'light' | 'dark';

/** Relative luminance of a #rrggbb colour (WCAG 2.x); undefined for anything else. */
export function luminance(colour: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Office's theme as light or dark: by its body background (dark below the luminance midpoint of black and white text's contrast). */
export function themeOfOffice(officeTheme: { bodyBackgroundColor?: string } | undefined): ThemeName | undefined {
  const l = officeTheme?.bodyBackgroundColor === undefined ? undefined : luminance(officeTheme.bodyBackgroundColor);
  if (l === undefined) return undefined;
  // Equal contrast against black and white text: (l + 0.05)^2 = 1.05 * 0.05, l ≈ 0.179.
  return l < 0.179 ? 'dark' : 'light';
}

export function themeOfSystem(matchMedia: ((q: string) => { matches: boolean }) | undefined): ThemeName {
  try {
    return matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/** The theme as given: a fixed one, or how to read Office's now (undefined when Office does not say). */
export type ThemeSource = ThemeName | (() => ThemeName | undefined) | undefined;

const systemMedia = () => (typeof matchMedia === 'function' ? matchMedia : undefined);

/** The theme to show now: Office's when it says, else the system's. */
export function currentTheme(source: ThemeSource): ThemeName {
  let office: ThemeName | undefined;
  try {
    office = typeof source === 'function' ? source() : source;
  } catch {
    office = undefined;
  }
  return office ?? themeOfSystem(systemMedia());
}

/**
 * Calls `update` whenever the theme may have changed (Excel tells no one): the system's colour
 * scheme changed, the pane's window gained focus or became visible, or the pane was shown again
 * (`shown`, Office.addin.onVisibilityModeChanged through the pane's events). Returns the unsubscribe.
 */
export function watchTheme(update: () => void, shown?: (listener: () => void) => () => void): () => void {
  const offs: (() => void)[] = [];
  const media = systemMedia()?.('(prefers-color-scheme: dark)') as Partial<MediaQueryList> | undefined;
  if (typeof media?.addEventListener === 'function') {
    media.addEventListener('change', update);
    offs.push(() => media.removeEventListener?.('change', update));
  }
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('focus', update);
    offs.push(() => window.removeEventListener('focus', update));
  }
  if (typeof document !== 'undefined' && typeof document.addEventListener === 'function') {
    const visible = () => document.visibilityState === 'visible' && update();
    document.addEventListener('visibilitychange', visible);
    offs.push(() => document.removeEventListener('visibilitychange', visible));
  }
  if (shown) offs.push(shown(update));
  return () => offs.forEach((off) => off());
}

/** The theme shown, followed as it changes (see watchTheme). */
export function useShownTheme(source: ThemeSource, shown?: (listener: () => void) => () => void): ThemeName {
  const read = useCallback(() => currentTheme(source), [source]);
  const [theme, setTheme] = useState<ThemeName>(read);
  useEffect(() => {
    const update = () => setTheme(read());
    update();
    return watchTheme(update, shown);
  }, [read, shown]);
  return theme;
}
