import { create } from 'zustand';

/**
 * The text the student pasted and trains on (already cleaned by preparePastedText), kept for this tab only: it
 * survives moving between lesson steps (the experiment is reloaded with it) but never goes into a link.
 */
interface PastedTextState {
  text: string | null;
  /** The student trains on it: every live step (3–6) then uses it, whatever its preset says, until they pick another. */
  active: boolean;
  adopt(text: string): void;
  setActive(active: boolean): void;
}

export const usePastedText = create<PastedTextState>((set) => ({
  text: null,
  active: false,
  adopt: (text) => set({ text, active: true }),
  setActive: (active) => set({ active }),
}));

/**
 * A short line of the pasted text for the figures: its first non-blank line, at most `max` characters, cut after a
 * whole word when there is one in the second half.
 */
export function firstLine(text: string, max: number): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  const chars = [...line.trim()];
  if (chars.length <= max) return chars.join('');
  const space = chars.slice(0, max + 1).lastIndexOf(' ');
  return chars.slice(0, space > max / 2 ? space : max).join('');
}
