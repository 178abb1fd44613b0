/**
 * The run's keys while an experiment is mounted: Space play/pause, `.` one step, `,` one step back, R reset — never in
 * text fields or with Ctrl/Alt/Meta (platform/keyboard.ts). One per runtime hub.
 */
import { shouldIgnoreKey } from '../platform/keyboard';

export interface RunKeyActions {
  togglePlay(): void;
  step(n: number): void;
  stepBack(): void;
  reset(): void;
}

/**
 * Elements where Space toggles something of their own (checkboxes, radios, switches, disclosure summaries): the key
 * stays theirs. On buttons and links Space means Play/Pause, as everywhere else on the page (presentation clickers
 * send it wherever focus happens to be); Enter still activates the focused button.
 */
function spaceIsNative(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (
    (target as Element).closest(
      'input[type="checkbox"], input[type="radio"], summary, [role="checkbox"], [role="switch"], [role="radio"]',
    ) !== null
  );
}

export class RunKeys {
  /** Space's keydown acted: its keyup must not click the focused button as well. */
  private swallowSpaceUp = false;

  constructor(private readonly actions: RunKeyActions) {}

  /** Arrows: installed as event listeners as they are. */
  readonly onKeyDown = (e: KeyboardEvent) => {
    if (shouldIgnoreKey(e)) return;
    if (e.key === ' ' || e.key === 'Spacebar') {
      if (spaceIsNative(e.target)) return;
      e.preventDefault(); // no page scroll, and no click of a focused button
      if (e.repeat) return;
      this.swallowSpaceUp = true;
      this.actions.togglePlay();
    } else if (e.key === '.') {
      e.preventDefault();
      this.actions.step(1);
    } else if (e.key === ',') {
      e.preventDefault();
      this.actions.stepBack();
    } else if (e.key === 'r' || e.key === 'R') {
      if (e.repeat) return;
      e.preventDefault();
      this.actions.reset();
    }
  };

  /** A focused button would click on Space's keyup; the keydown already acted. */
  readonly onKeyUp = (e: KeyboardEvent) => {
    if ((e.key === ' ' || e.key === 'Spacebar') && this.swallowSpaceUp) {
      this.swallowSpaceUp = false;
      e.preventDefault();
    }
  };
}
