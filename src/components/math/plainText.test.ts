import { describe, expect, it } from 'vitest';
import { proseToPlainText, texIn } from './parseProse';

describe('proseToPlainText (accessible names of formula-only options)', () => {
  it('reads a formula-only option as its number', () => {
    expect(proseToPlainText('$6$')).toBe('6');
  });
  it('keeps the words around a formula and names TeX commands', () => {
    expect(proseToPlainText('$0$, because every input is zero')).toBe('0, because every input is zero');
    expect(proseToPlainText('The learning rate $\\alpha$')).toBe('The learning rate alpha');
    expect(proseToPlainText('**bold** $\\frac{a}{b}$')).toBe('bold a / b');
  });
});

describe('texIn (the TeX a chapter test hands to KaTeX)', () => {
  it('finds display, inline, bold and list formulas in reading order', () => {
    const text = 'Say $a$ and **$b$**.\n\n$$c$$\n\n- $d$\n- none';
    expect(texIn(text)).toEqual(['a', 'b', 'c', 'd']);
  });
});
