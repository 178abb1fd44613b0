/**
 * The student's painting on step 2's copy h, as a short URL value (`paint=`), so a share link reopens it.
 *
 * Each of the IMAGE_SIZE² cells is untouched (0), inked (1) or erased (2); three cells make one base-27 digit
 * written with the characters 0–9 a–q, in row-major order; trailing untouched cells are left off. A 12×12 painting
 * is at most 48 characters, a few strokes near the top far fewer. Nothing from a link is trusted: any other
 * character, a value too long, or an empty painting is rejected as a whole (the page shows a notice).
 */

/** URL name of the painting. */
export const PAINT_PARAM = 'paint';

const DIGITS = '0123456789abcdefghijklmnopq';
const CELLS_PER_DIGIT = 3;
const INK = 1;
const ERASE = 2;

/** Painted cells: index → value (1 ink, 0 erase). */
export type Painting = ReadonlyMap<number, number>;

export function encodePainting(cells: Painting, cellCount: number): string {
  const states = new Array<number>(cellCount).fill(0);
  for (const [i, v] of cells)
    if (Number.isInteger(i) && i >= 0 && i < cellCount) states[i] = v > 0 ? INK : ERASE;
  let text = '';
  for (let d = 0; d < Math.ceil(cellCount / CELLS_PER_DIGIT); d++) {
    let digit = 0;
    for (let k = CELLS_PER_DIGIT - 1; k >= 0; k--) digit = digit * 3 + (states[d * CELLS_PER_DIGIT + k] ?? 0);
    text += DIGITS[digit];
  }
  return text.replace(/0+$/, '');
}

export type DecodedPainting =
  { cells: Map<number, number>; problem: null } | { cells: null; problem: string };

export function decodePainting(text: string, cellCount: number): DecodedPainting {
  const maxLength = Math.ceil(cellCount / CELLS_PER_DIGIT);
  if (text.length > maxLength) return { cells: null, problem: `longer than a ${cellCount}-pixel painting` };
  const cells = new Map<number, number>();
  for (let d = 0; d < text.length; d++) {
    let digit = DIGITS.indexOf(text[d]);
    if (digit < 0) return { cells: null, problem: 'not a painting (only 0–9 and a–q are used)' };
    for (let k = 0; k < CELLS_PER_DIGIT; k++, digit = Math.floor(digit / 3)) {
      const state = digit % 3;
      const i = d * CELLS_PER_DIGIT + k;
      if (state === 0) continue;
      if (i >= cellCount) return { cells: null, problem: `paints outside the ${cellCount} pixels` };
      cells.set(i, state === INK ? 1 : 0);
    }
  }
  if (cells.size === 0) return { cells: null, problem: 'paints no pixel' };
  return { cells, problem: null };
}
