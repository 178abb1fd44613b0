import { useEffect, useSyncExternalStore } from 'react';
import { getRoute, navigate } from './router';

/**
 * Keyboard contract (docs/CONTRACTS.md). The runtime owns Space / `.` / R (training); the lesson page owns the arrows and
 * PageUp/PageDown (lesson steps); this module owns the global keys: P presenter mode, F full screen, ? help,
 * Escape (close help, else leave presenter mode). Every handler asks `shouldIgnoreKey` first.
 */

/** Input types whose keys (letters, arrows, space) belong to the control itself. */
const KEY_OWNING_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'range',
  'radio',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
  'color',
]);

/** ARIA roles of composite widgets that use letter or arrow keys themselves. */
const KEY_OWNING_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'slider',
  'spinbutton',
  'radiogroup',
  'radio',
  'listbox',
  'option',
  'menu',
  'menuitem',
  'tablist',
  'tab',
  'grid',
  'tree',
]);

/** True when the focused element uses keys itself (text fields, selects, sliders, radio groups, editable text). */
export function isKeyOwningTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return KEY_OWNING_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  if (el.isContentEditable) return true;
  const owner = el.closest('[role]');
  const role = owner?.getAttribute('role');
  return role ? KEY_OWNING_ROLES.has(role) : false;
}

/**
 * True when the focused element is a box that scrolls sideways (a wide table, a long formula, made focusable so the
 * keyboard can scroll it): ← and → scroll it then, rather than turning the lesson's page.
 */
export function scrollsSideways(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.tabIndex >= 0 && el.scrollWidth > el.clientWidth + 1;
}

/**
 * True when a page-level shortcut must NOT act on this event: focus is in a control that uses keys (or, for ← and →,
 * in a box that scrolls sideways), Ctrl/Alt/Meta is held (browser and OS shortcuts), the key repeats from being held
 * down, or another handler already took it. Shift is allowed only where the key needs it (`?`).
 */
export function shouldIgnoreKey(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.isComposing) return true;
  if (e.ctrlKey || e.altKey || e.metaKey) return true;
  if (e.shiftKey && e.key !== '?') return true;
  if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && scrollsSideways(e.target)) return true;
  return isKeyOwningTarget(e.target);
}

// --- help overlay state (tiny external store: the overlay is mounted once, in App) -----------------------------

let helpOpen = false;
const helpListeners = new Set<() => void>();

export function setHelpOpen(open: boolean) {
  if (helpOpen === open) return;
  helpOpen = open;
  helpListeners.forEach((l) => l());
}

export function isHelpOpen(): boolean {
  return helpOpen;
}

export function useHelpOpen(): boolean {
  return useSyncExternalStore(
    (l) => (helpListeners.add(l), () => void helpListeners.delete(l)),
    () => helpOpen,
    () => false,
  );
}

// --- presenter / embed flags live in the URL ---------------------------------------------------------------------

/** `present=1` (also `true`) turns presenter mode on. */
export function isOn(value: string | null): boolean {
  return value === '1' || value === 'true';
}

/** Turn presenter mode on or off by writing `present` to the URL (no new history entry). */
export function setPresenterMode(on: boolean) {
  const { path, query } = getRoute();
  const next = new URLSearchParams(query);
  if (on) next.set('present', '1');
  else next.delete('present');
  navigate(path, next, { replace: true });
}

export function toggleFullscreen() {
  try {
    if (document.fullscreenElement) {
      document.exitFullscreen?.().catch((err: unknown) => console.warn('Could not leave full screen:', err));
    } else {
      const req = document.documentElement.requestFullscreen?.();
      if (!req) console.warn('Full screen is not available in this browser.');
      else req.catch((err: unknown) => console.warn('Full screen was refused:', err));
    }
  } catch (err) {
    console.warn('Full screen failed:', err);
  }
}

/** The global shortcuts. Mounted once by App. */
export function handleGlobalKey(e: KeyboardEvent) {
  if (e.key === 'Escape') {
    // Escape is safe everywhere except inside a control that uses it (e.g. an open select).
    if (e.defaultPrevented) return;
    if (helpOpen) {
      setHelpOpen(false);
      e.preventDefault();
    } else if (isOn(getRoute().query.get('present'))) {
      setPresenterMode(false);
      e.preventDefault();
    }
    return;
  }
  if (shouldIgnoreKey(e) || e.repeat) return;
  switch (e.key) {
    case '?':
      setHelpOpen(!helpOpen);
      break;
    case 'p':
    case 'P':
      setPresenterMode(!isOn(getRoute().query.get('present')));
      break;
    case 'f':
    case 'F':
      toggleFullscreen();
      break;
    default:
      return;
  }
  e.preventDefault();
}

export function useGlobalKeys() {
  useEffect(() => {
    window.addEventListener('keydown', handleGlobalKey);
    return () => window.removeEventListener('keydown', handleGlobalKey);
  }, []);
}

/** Every key the course answers to, for the help overlay. */
export const KEY_HELP: readonly { keys: readonly string[]; action: string }[] = [
  { keys: ['Space'], action: 'Play / pause training' },
  { keys: ['.'], action: 'One training step' },
  { keys: [','], action: 'One step back (timeline)' },
  { keys: ['R'], action: 'Reset the experiment' },
  { keys: ['→', 'Page Down'], action: 'Next lesson step' },
  { keys: ['←', 'Page Up'], action: 'Previous lesson step' },
  { keys: ['P'], action: 'Presenter mode on / off' },
  { keys: ['F'], action: 'Full screen on / off' },
  { keys: ['?'], action: 'Show / hide this help' },
  { keys: ['Esc'], action: 'Close help, leave presenter mode' },
];
