/** The classifier's decision-boundary view (classifier2d.ts): the model's P(class 1) over the plane. */
import { noGrad } from '../core/autograd';
import type { MLP } from '../core/nn/linear';
import { sigmoid } from '../core/scalar';
import { Tensor } from '../core/tensor';
import type { BoundaryView } from './classifierViews';

export const BOUNDARY_SIZE = 40;
export const PLANE: [number, number] = [-1.5, 1.5];

/** P(class 1) on a BOUNDARY_SIZE² grid over PLANE²: values[j·nx + i], row j = 0 at the bottom (smallest y). */
export function boundaryGrid(model: MLP): BoundaryView {
  const nx = BOUNDARY_SIZE;
  const ny = BOUNDARY_SIZE;
  const [lo, hi] = PLANE;
  const xy = new Float32Array(nx * ny * 2); // [nx·ny, 2]
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      xy[2 * k] = lo + ((hi - lo) * i) / (nx - 1);
      xy[2 * k + 1] = lo + ((hi - lo) * j) / (ny - 1);
    }
  }
  const values = noGrad(() => {
    const logits = model.forward(new Tensor(xy, [nx * ny, 2])).data; // [nx·ny, 1]
    const p = new Float32Array(nx * ny);
    for (let k = 0; k < p.length; k++) p[k] = sigmoid(logits[k]);
    return p;
  });
  return { values, nx, ny, xDomain: [lo, hi], yDomain: [lo, hi] };
}
