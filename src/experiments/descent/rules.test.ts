import { describe, expect, it } from 'vitest';
import { Adam, SGD } from '../../core/optim';
import { tensor } from '../../core/tensor';
import { applyRule, newRuleState, type RuleId } from './rules';

/** The lesson's update rules (rules.ts, float64) and the core's optimisers (float32) take the same steps. */
describe('update rules agree with the core optimisers', () => {
  const grads = [
    [0.5, -2],
    [0.3, 1.5],
    [-0.1, 0.2],
    [2, -0.7],
    [0.05, 0.01],
  ];
  for (const rule of ['sgd', 'momentum', 'adam'] as RuleId[]) {
    it(rule, () => {
      const settings = { lr: 0.05, beta: 0.8, beta1: 0.85, beta2: 0.99, eps: 1e-8 };
      const theta = Float64Array.of(1, -1);
      const state = newRuleState(2);
      const p = tensor([1, -1], [2], { requiresGrad: true });
      const opt =
        rule === 'adam'
          ? new Adam([p], { lr: 0.05, beta1: 0.85, beta2: 0.99, eps: 1e-8 })
          : new SGD([p], { lr: 0.05, momentum: rule === 'momentum' ? 0.8 : 0 });
      for (const g of grads) {
        applyRule(rule, theta, g, state, settings);
        p.grad!.set(g);
        opt.step();
        expect(p.data[0]).toBeCloseTo(theta[0], 5);
        expect(p.data[1]).toBeCloseTo(theta[1], 5);
      }
    });
  }
});
