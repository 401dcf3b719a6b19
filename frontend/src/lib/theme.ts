/**
 * Light or dark: the system's choice unless the user picked one (kept in localStorage). The page carries the theme in
 * effect as `<html data-theme="light|dark">`; public/theme.js sets it before the first paint, and startTheme() keeps
 * it current when the choice or the system's setting changes.
 */
import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** The key public/theme.js reads too. */
export const THEME_KEY = 'kadence.theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const DARK_QUERY = '(prefers-color-scheme: dark)';
const CHANGED = 'kadence-theme-change';

export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** The choice to store when the header's toggle flips what shows now: back to the system's when that matches. */
export function flippedChoice(shown: Theme, systemDark: boolean): ThemeChoice {
  const wanted: Theme = shown === 'dark' ? 'light' : 'dark';
  return resolveTheme('system', systemDark) === wanted ? 'system' : wanted;
}

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_KEY));
  } catch {
    return 'system'; // storage refused (a private window's policy): the system's choice
  }
}

const systemDark = () => window.matchMedia(DARK_QUERY).matches;

function apply() {
  document.documentElement.dataset.theme = resolveTheme(storedChoice(), systemDark());
  window.dispatchEvent(new Event(CHANGED));
}

export function setThemeChoice(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // not kept, but shown for this page all the same
  }
  apply();
}

/** Follows the system's setting and other tabs' choices. */
export function startTheme() {
  apply();
  window.matchMedia(DARK_QUERY).addEventListener('change', apply);
  window.addEventListener('storage', (event) => event.key === THEME_KEY && apply());
}

/** The stored choice and the theme in effect, kept current. */
export function useTheme(): { choice: ThemeChoice; theme: Theme; systemDark: boolean } {
  const read = () => {
    const choice = storedChoice();
    const dark = systemDark();
    return { choice, theme: resolveTheme(choice, dark), systemDark: dark };
  };
  const [state, setState] = useState(read);
  useEffect(() => {
    const update = () => setState(read);
    window.addEventListener(CHANGED, update);
    return () => window.removeEventListener(CHANGED, update);
  }, []);
  return state;
}
