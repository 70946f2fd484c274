/**
 * The pane's theme: Office's own where the host tells it (Office.context.officeTheme, whose
 * body background is dark in Office's dark and black themes), the system's otherwise
 * (prefers-color-scheme), light when neither says.
 */
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
