/** Dead-unit count: a hidden unit is dead when its pre-activation z is ≤ 0 for every training example. */
import { noGrad, tensor, type Tensor } from '../../core';
import type { ActivationNet } from './net';
import type { Split } from './task';

export interface DeadUnits {
  /** Per hidden layer, 1 where the unit is dead, [width] each. */
  perLayer: Uint8Array[];
  dead: number;
  total: number;
  fraction: number;
}

export function countDeadUnits(model: ActivationNet, split: Split, inDim: number): DeadUnits {
  return noGrad(() => {
    const zs: Tensor[] = [];
    model.forward(tensor(split.x, [split.n, inDim]), zs); // each z: [n, width]
    let dead = 0;
    let total = 0;
    const perLayer = zs.map((z) => {
      const width = z.shape[1];
      const mask = new Uint8Array(width).fill(1);
      for (let r = 0; r < split.n; r++) {
        const off = r * width;
        for (let u = 0; u < width; u++) if (z.data[off + u] > 0) mask[u] = 0;
      }
      for (let u = 0; u < width; u++) dead += mask[u];
      total += width;
      return mask;
    });
    return { perLayer, dead, total, fraction: total > 0 ? dead / total : 0 };
  });
}
