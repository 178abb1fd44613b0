import { describe, expect, it } from 'vitest';
import { CHAIN_DEFAULTS, chainRule, forward } from '../../experiments/descent/chain';
import { BACKPROP_CLAIM, chapter } from './chapter';

/** The chain-rule step's predict-then-check prompts, computed from the same chain the figure shows. */
describe('backprop lesson claims', () => {
  const gPrime4 = (p: typeof CHAIN_DEFAULTS) => {
    const a4 = forward(p).a[3];
    return a4 * (1 - a4); // the sigmoid's slope at z₄
  };
  const dw1 = (p: typeof CHAIN_DEFAULTS) => Math.abs(chainRule(p).derivatives.w1);

  it('the prompts use the values the test checks, and the sliders reach them', () => {
    const text = chapter.lessons.find((s) => s.id === 'chain-rule')!.tryThis!.join(' ');
    expect(text).toContain(`w₃ from ${CHAIN_DEFAULTS.w3} to ${BACKPROP_CLAIM.w3}`);
    expect(text).toContain(`b₃ to ${BACKPROP_CLAIM.b3}`);
  });

  it('raising w₃ lowers g′(z₄) yet makes ∂L/∂w₁ larger: w₃ multiplies it', () => {
    const raised = { ...CHAIN_DEFAULTS, w3: BACKPROP_CLAIM.w3 };
    expect(gPrime4(raised)).toBeLessThan(gPrime4(CHAIN_DEFAULTS));
    expect(dw1(raised)).toBeGreaterThan(2 * dw1(CHAIN_DEFAULTS));
  });

  it('pushing b₃ up saturates the last sigmoid and every earlier derivative shrinks', () => {
    const saturated = { ...CHAIN_DEFAULTS, b3: BACKPROP_CLAIM.b3 };
    expect(gPrime4(saturated)).toBeLessThan(gPrime4(CHAIN_DEFAULTS) / 100);
    expect(dw1(saturated)).toBeLessThan(dw1(CHAIN_DEFAULTS) / 100);
  });
});
