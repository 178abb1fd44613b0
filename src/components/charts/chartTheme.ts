import { useSyncExternalStore } from 'react';

/**
 * Colours and type size for charts, read from the CSS variables in src/styles/global.css, so charts follow the
 * light/dark theme and the projector font scale (`--font-scale`). One shared store for all charts: it re-reads the
 * variables when <html>'s data-theme/style/class change or the system colour scheme changes.
 * Canvas code needs real colour strings (not `var(--x)`), which is why charts take colours from here.
 */
export interface ChartTheme {
  dark: boolean;
  /** Okabe–Ito series colours --series-1..6. */
  series: readonly string[];
  positive: string;
  negative: string;
  fg: string;
  fgMuted: string;
  border: string;
  bg: string;
  bgRaised: string;
  bgSunken: string;
  focus: string;
  fontFamily: string;
  /** The value of --font-scale (1 by default; presenter mode raises it). */
  fontScale: number;
  /** Tick label size in px (already scaled). */
  fontSize: number;
}

const LIGHT_FALLBACK: ChartTheme = {
  dark: false,
  series: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'],
  positive: '#0072b2',
  negative: '#d55e00',
  fg: '#1b1f24',
  fgMuted: '#56606b',
  border: '#d8dce1',
  bg: '#fbfbfa',
  bgRaised: '#ffffff',
  bgSunken: '#f1f2f4',
  focus: '#d55e00',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif",
  fontScale: 1,
  fontSize: 13,
};

const BASE_FONT_PX = 13;

function readTheme(): ChartTheme {
  if (typeof window === 'undefined' || typeof document === 'undefined') return LIGHT_FALLBACK;
  const style = window.getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const scaleRaw = Number.parseFloat(v('--font-scale', '1'));
  const fontScale = Number.isFinite(scaleRaw) && scaleRaw > 0.5 && scaleRaw < 4 ? scaleRaw : 1;
  const attr = document.documentElement.dataset.theme;
  const dark =
    attr === 'dark' ||
    (attr !== 'light' &&
      typeof window.matchMedia === 'function' &&
      window.matchMedia('(prefers-color-scheme: dark)').matches);
  const f = LIGHT_FALLBACK;
  return {
    dark,
    series: f.series.map((c, i) => v(`--series-${i + 1}`, c)),
    positive: v('--positive', f.positive),
    negative: v('--negative', f.negative),
    fg: v('--fg', f.fg),
    fgMuted: v('--fg-muted', f.fgMuted),
    border: v('--border', f.border),
    bg: v('--bg', f.bg),
    bgRaised: v('--bg-raised', f.bgRaised),
    bgSunken: v('--bg-sunken', f.bgSunken),
    focus: v('--focus', f.focus),
    fontFamily: v('--font-body', f.fontFamily),
    fontScale,
    fontSize: Math.round(BASE_FONT_PX * fontScale * 10) / 10,
  };
}

let snapshot: ChartTheme | null = null;
let snapshotKey = '';
const listeners = new Set<() => void>();
let stopWatching: (() => void) | null = null;

function refresh() {
  const next = readTheme();
  const key = JSON.stringify(next);
  if (key === snapshotKey) return;
  snapshot = next;
  snapshotKey = key;
  listeners.forEach((l) => l());
}

function startWatching() {
  if (typeof window === 'undefined') return () => {};
  const observer = typeof MutationObserver === 'function' ? new MutationObserver(refresh) : null;
  observer?.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'style', 'class'],
  });
  const media =
    typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener?.('change', refresh);
  return () => {
    observer?.disconnect();
    media?.removeEventListener?.('change', refresh);
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!stopWatching) stopWatching = startWatching();
  refresh(); // the theme may have changed while nobody listened
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stopWatching) {
      stopWatching();
      stopWatching = null;
    }
  };
}

function getSnapshot(): ChartTheme {
  if (!snapshot) {
    snapshot = readTheme();
    snapshotKey = JSON.stringify(snapshot);
  }
  return snapshot;
}

export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, getSnapshot, () => LIGHT_FALLBACK);
}

/** Series colour i (wraps around the six Okabe–Ito colours). */
export function seriesColor(theme: ChartTheme, i: number): string {
  return theme.series[((i % theme.series.length) + theme.series.length) % theme.series.length];
}
