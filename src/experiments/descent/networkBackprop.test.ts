import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy } from '../../core/losses';
import { MLP } from '../../core/nn/linear';
import { tensor } from '../../core/tensor';
import { sampleBackprop } from './networkBackprop';

describe('single-sample backprop written out by hand', () => {
  for (const act of ['tanh', 'sigmoid', 'leakyRelu'] as const) {
    it(`δ·a equals the core autodiff gradient of every weight (${act})`, () => {
      const sizes = [2, 4, 3, 1];
      const model = new MLP({ sizes, activation: act }, 7);
      const x = [0.3, -0.8];
      const y = 1;
      const loss = binaryCrossEntropy(model.forward(tensor(x, [1, 2])), [y]);
      const coreLoss = loss.item();
      loss.backward();
      const layers = model.layers.map((l) => ({ w: l.weight.data, b: l.bias!.data }));
      const r = sampleBackprop(sizes, layers, act, x, y);
      expect(r.loss).toBeCloseTo(coreLoss, 5);
      model.layers.forEach((layer, li) => {
        const nIn = sizes[li];
        for (let j = 0; j < sizes[li + 1]; j++) {
          expect(r.delta[li][j]).toBeCloseTo(layer.bias!.grad![j], 5);
          for (let k = 0; k < nIn; k++) {
            expect(r.delta[li][j] * r.a[li][k]).toBeCloseTo(layer.weight.grad![j * nIn + k], 5);
          }
        }
      });
    });
  }
});
