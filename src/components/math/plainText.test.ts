import { describe, expect, it } from 'vitest';
import { proseToPlainText } from './parseProse';

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
