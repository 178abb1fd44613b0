import { useEffect, useSyncExternalStore } from 'react';

/** 'system' follows `prefers-color-scheme`; the toggle pins light or dark. The choice is remembered if storage works. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'gradient-lab:theme';
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    if (v === 'light' || v === 'dark' || v === 'system') return v;
  } catch {
    // storage blocked: fall back to the system theme
  }
  return 'system';
}

let choice: ThemeChoice = typeof window === 'undefined' ? 'system' : readChoice();

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function resolve(c: ThemeChoice): Theme {
  if (c !== 'system') return c;
  return media().matches ? 'dark' : 'light';
}

export function setThemeChoice(next: ThemeChoice) {
  choice = next;
  try {
    window.localStorage.setItem(KEY, next);
  } catch {
    // not remembered; still applied
  }
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  const m = media();
  m.addEventListener('change', l);
  return () => {
    listeners.delete(l);
    m.removeEventListener('change', l);
  };
}

/** The effective theme; applies it to <html data-theme>. */
export function useTheme(): { theme: Theme; choice: ThemeChoice; toggle: () => void } {
  const theme = useSyncExternalStore(
    subscribe,
    () => resolve(choice),
    () => 'light' as Theme,
  );
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return { theme, choice, toggle: () => setThemeChoice(theme === 'dark' ? 'light' : 'dark') };
}
