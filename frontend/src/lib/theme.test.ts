import { describe, expect, it } from 'vitest';
import firstPaintScript from '../../public/theme.js?raw';
import { flippedChoice, parseThemeChoice, resolveTheme, THEME_CHOICES, THEME_KEY, type ThemeChoice } from './theme';

/** Runs public/theme.js as the browser does before the first paint, with this stored value and system setting. */
function firstPaintTheme(stored: string | null, systemDark: boolean, storageThrows = false): string | undefined {
  const dataset: Record<string, string> = {};
  const globals = {
    localStorage: {
      getItem: (key: string) => {
        if (storageThrows) throw new Error('SecurityError');
        return key === THEME_KEY ? stored : null;
      },
    },
    window: { matchMedia: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && systemDark }) },
    document: { documentElement: { dataset } },
  };
  new Function(...Object.keys(globals), firstPaintScript)(...Object.values(globals));
  return dataset.theme;
}

describe('theme', () => {
  it('reads a stored choice, anything else being the system’s', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });

  it('follows the system unless a theme was chosen', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('flips what shows, back to following the system when that is what it says', () => {
    expect(flippedChoice('light', false)).toBe('dark');
    expect(flippedChoice('dark', false)).toBe('system');
    expect(flippedChoice('light', true)).toBe('system');
    expect(flippedChoice('dark', true)).toBe('light');
  });

  it('sets the same theme before the first paint as the app does after', () => {
    for (const stored of [...THEME_CHOICES, null, 'purple'] as (ThemeChoice | null)[]) {
      for (const systemDark of [false, true]) {
        expect(firstPaintTheme(stored, systemDark), `${stored}, system dark ${systemDark}`).toBe(
          resolveTheme(parseThemeChoice(stored), systemDark),
        );
      }
    }
  });

  it('follows the system before the first paint when storage is refused', () => {
    expect(firstPaintTheme(null, true, true)).toBe('dark');
  });
});
