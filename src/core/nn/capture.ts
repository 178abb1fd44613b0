/**
 * Introspection on request. A Capture collects named intermediate tensors while a model runs; their gradients are
 * available after backward(). Modules record into it only when one is attached (`model.setCapture(cap)`), so when
 * nobody asks the cost is one `null` check per record call.
 *
 *   const cap = new Capture();
 *   model.setCapture(cap);            // names are prefixed with the module path, e.g. 'layers.0.a'
 *   cap.clear();                      // at the start of each step you want to look at
 *   const loss = …; loss.backward();
 *   const snap = cap.snapshot();      // copies: { 'layers.0.a': [{ shape, value, grad }], … } — safe to keep/post
 *   model.setCapture(null);           // off again
 *
 * Names recorded more than once in a step (an RNN's hidden state per time step, a layer called twice) keep every
 * occurrence in order, so `snap['h'][t]` is the value at time step t.
 */
import type { Tensor } from '../tensor';

export interface CapturedValue {
  shape: number[];
  value: Float32Array;
  /** dLoss/dValue if backward reached it, else null. */
  grad: Float32Array | null;
}

export class Capture {
  private readonly entries = new Map<string, Tensor[]>();
  /** Only names matching this filter are kept (default: all). */
  filter: ((name: string) => boolean) | null = null;
  /** At most this many entries per name: a forgotten clear() cannot grow memory without bound (oldest dropped). */
  maxPerName = 4096;

  record(name: string, t: Tensor): void {
    if (this.filter !== null && !this.filter(name)) return;
    let list = this.entries.get(name);
    if (list === undefined) {
      list = [];
      this.entries.set(name, list);
    }
    if (list.length >= this.maxPerName) list.shift();
    list.push(t);
  }

  clear(): void {
    this.entries.clear();
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Live tensors (valid until the next backward after this step's; see autograd.ts). */
  tensors(name: string): readonly Tensor[] {
    return this.entries.get(name) ?? [];
  }

  /** Copies of every captured value and gradient (plain typed arrays: transferable to the main thread). */
  snapshot(): Record<string, CapturedValue[]> {
    const out: Record<string, CapturedValue[]> = {};
    for (const [name, list] of this.entries) {
      out[name] = list.map((t) => ({
        shape: t.shape.slice(),
        value: t.data.slice(),
        grad: t.grad === null ? null : t.grad.slice(),
      }));
    }
    return out;
  }
}

/** √Σ g² of a gradient buffer (0 for null). */
export function l2norm(values: Float32Array | null): number {
  if (values === null) return 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return Math.sqrt(s);
}
