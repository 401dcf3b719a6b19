/** The theme's controls: the header's light/dark toggle, and the choice in Settings (the system's, light or dark). */
import { flippedChoice, setThemeChoice, THEME_CHOICES, useTheme, type ThemeChoice } from '../lib/theme';

const CHOICE_LABELS: Record<ThemeChoice, string> = { system: 'As the system', light: 'Light', dark: 'Dark' };

export function ThemeToggle() {
  const { theme, systemDark } = useTheme();
  return (
    <button
      type="button"
      className="icon-only theme-toggle"
      aria-pressed={theme === 'dark'}
      title="Dark theme"
      onClick={() => setThemeChoice(flippedChoice(theme, systemDark))}
    >
      {theme === 'dark' ? <MoonIcon /> : <SunIcon />}
      <span className="visually-hidden">Dark theme</span>
    </button>
  );
}

export function ThemeSettings() {
  const { choice, systemDark } = useTheme();
  return (
    <fieldset className="theme-settings">
      <legend>Theme</legend>
      {THEME_CHOICES.map((each) => (
        <label key={each} className="check-label">
          <input type="radio" name="theme" value={each} checked={choice === each} onChange={() => setThemeChoice(each)} />
          {CHOICE_LABELS[each]}
          {each === 'system' && <span className="hint">(now {systemDark ? 'dark' : 'light'})</span>}
        </label>
      ))}
    </fieldset>
  );
}

function SunIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </svg>
  );
}

function MoonIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
    </svg>
  );
}
