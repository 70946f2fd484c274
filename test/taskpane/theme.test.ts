/** Office's theme read as light or dark, against WCAG 2.x relative luminance. */
import { luminance, themeOfOffice, themeOfSystem } from '../../src/taskpane/theme';

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
});
