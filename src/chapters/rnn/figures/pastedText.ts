import { create } from 'zustand';

/**
 * The text the student pasted and trains on (already cleaned by preparePastedText), kept for this tab only: it
 * survives moving between lesson steps (the experiment is reloaded with it) but never goes into a link.
 */
interface PastedTextState {
  text: string | null;
  setText(text: string | null): void;
}

export const usePastedText = create<PastedTextState>((set) => ({
  text: null,
  setText: (text) => set({ text }),
}));

/** A short line of the pasted text for the figures (its first non-blank line, at most `max` characters). */
export function firstLine(text: string, max: number): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return [...line.trim()].slice(0, max).join('');
}
