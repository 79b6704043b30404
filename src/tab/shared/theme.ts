import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from './teams';

const THEMES: Readonly<Record<ThemeName, Theme>> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export function fluentTheme(name: ThemeName): Theme {
  return THEMES[name];
}

const FORCED_COLORS = '(forced-colors: active)';
const PREFERS_DARK = '(prefers-color-scheme: dark)';

/** Outside Teams: the operating system's choice (forced colours → high contrast). */
export function browserTheme(): ThemeName {
  if (window.matchMedia(FORCED_COLORS).matches) return 'contrast';
  return window.matchMedia(PREFERS_DARK).matches ? 'dark' : 'default';
}

/** Outside Teams: follows the operating system's theme as it changes; returns the unsubscribe. */
export function followBrowserTheme(onChange: (theme: ThemeName) => void): () => void {
  const queries = [window.matchMedia(FORCED_COLORS), window.matchMedia(PREFERS_DARK)];
  const listener = (): void => onChange(browserTheme());
  for (const q of queries) q.addEventListener('change', listener);
  return () => {
    for (const q of queries) q.removeEventListener('change', listener);
  };
}
