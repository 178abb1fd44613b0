/**
 * Fused LSTM gate ops. From the pre-activations z [B, 4H] (gate blocks in the order i, f, g, o) and the previous
 * cell state:
 *
 *   op              forward                                   backward (gc = dL/dcₜ, gh = dL/dhₜ)
 *   lstmCellState   cₜ = σ(z_f)⊙cₜ₋₁ + σ(z_i)⊙tanh(z_g)        dz_i += gc·g·i(1−i)   dz_f += gc·cₜ₋₁·f(1−f)
 *                                                             dz_g += gc·i·(1−g²)   dcₜ₋₁ += gc·f
 *   lstmHidden      hₜ = σ(z_o)⊙tanh(cₜ)                       dz_o += gh·tanh(cₜ)·o(1−o)   dcₜ += gh·o·(1−tanh²cₜ)
 *
 * Two ops instead of thirteen (4 slices, 3 sigmoids, 2 tanh, 3 products, a sum), with no intermediate tensors. Every
 * intermediate is rounded to float32 where the composite ops store it, in the same order, so results are bit-for-bit
 * those of the composite (rnn.test.ts checks it); the gate values are kept in the op's pooled `aux` for backward.
 */
import { gradOf, record, tracks } from '../autograd';
import { acquire } from '../pool';
import { outTensor, type Tensor } from '../tensor';
import { sigmoidScalar } from './activations';

const f32 = Math.fround;

function gateShape(z: Tensor, c: Tensor, op: string): [number, number] {
  const [B, H4] = z.shape;
  const H = H4 / 4;
  if (z.ndim !== 2 || c.ndim !== 2 || !Number.isInteger(H) || c.shape[0] !== B || c.shape[1] !== H) {
    throw new Error(
      `${op}: z [${z.shape.join(', ')}] and c [${c.shape.join(', ')}] are not [B, 4H] and [B, H]`,
    );
  }
  return [B, H];
}

/** cₜ = σ(z_f)⊙cₜ₋₁ + σ(z_i)⊙tanh(z_g): z [B, 4H], cPrev [B, H] → [B, H]. */
export function lstmCellState(z: Tensor, cPrev: Tensor): Tensor {
  const [B, H] = gateShape(z, cPrev, 'lstmCellState');
  const tracked = tracks(z, cPrev);
  const out = outTensor([B, H], tracked);
  const c = out.data;
  const zd = z.data;
  const cp = cPrev.data;
  const gates = tracked ? acquire(3 * B * H) : null; // i, f, g per element, for backward
  for (let b = 0; b < B; b++) {
    const zo = b * 4 * H;
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const i = f32(sigmoidScalar(zd[zo + j]));
      const f = f32(sigmoidScalar(zd[zo + H + j]));
      const g = f32(Math.tanh(zd[zo + 2 * H + j]));
      c[k] = f32(f * cp[k]) + f32(i * g);
      if (gates !== null) {
        gates[3 * k] = i;
        gates[3 * k + 1] = f;
        gates[3 * k + 2] = g;
      }
    }
  }
  if (gates !== null) {
    out.aux = gates;
    record(out, 'lstmCellState', [z, cPrev], () => {
      const gc = out.grad!;
      const gz = gradOf(z);
      const gcp = gradOf(cPrev);
      for (let b = 0; b < B; b++) {
        const zo = b * 4 * H;
        for (let j = 0; j < H; j++) {
          const k = b * H + j;
          const i = gates[3 * k];
          const f = gates[3 * k + 1];
          const g = gates[3 * k + 2];
          const gk = gc[k];
          if (gcp) gcp[k] += gk * f;
          if (gz) {
            const gi = f32(gk * g); // dL/di, as the product's gradient buffer holds it
            const gf = f32(gk * cp[k]);
            const gg = f32(gk * i);
            gz[zo + j] += f32(gi * i * (1 - i));
            gz[zo + H + j] += f32(gf * f * (1 - f));
            gz[zo + 2 * H + j] += f32(gg * (1 - g * g));
          }
        }
      }
    });
  }
  return out;
}

/** hₜ = σ(z_o)⊙tanh(cₜ): z [B, 4H], c [B, H] → [B, H]. */
export function lstmHidden(z: Tensor, c: Tensor): Tensor {
  const [B, H] = gateShape(z, c, 'lstmHidden');
  const tracked = tracks(z, c);
  const out = outTensor([B, H], tracked);
  const h = out.data;
  const zd = z.data;
  const cd = c.data;
  const saved = tracked ? acquire(2 * B * H) : null; // o, tanh(c) per element
  for (let b = 0; b < B; b++) {
    const zo = b * 4 * H + 3 * H;
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const o = f32(sigmoidScalar(zd[zo + j]));
      const tc = f32(Math.tanh(cd[k]));
      h[k] = o * tc;
      if (saved !== null) {
        saved[2 * k] = o;
        saved[2 * k + 1] = tc;
      }
    }
  }
  if (saved !== null) {
    out.aux = saved;
    record(out, 'lstmHidden', [z, c], () => {
      const gh = out.grad!;
      const gz = gradOf(z);
      const gc = gradOf(c);
      for (let b = 0; b < B; b++) {
        const zo = b * 4 * H + 3 * H;
        for (let j = 0; j < H; j++) {
          const k = b * H + j;
          const o = saved[2 * k];
          const tc = saved[2 * k + 1];
          const gk = gh[k];
          if (gz) {
            const go = f32(gk * tc);
            gz[zo + j] += f32(go * o * (1 - o));
          }
          if (gc) gc[k] += f32(gk * o) * (1 - tc * tc);
        }
      }
    });
  }
  return out;
}
