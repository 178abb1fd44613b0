/**
 * Module: a bag of parameters and sub-modules (found by walking the object's own fields, PyTorch-style), a
 * train/eval flag, and an optional Capture for introspection.
 */
import { asParameter, initTensor, zeros, type InitKind, type Shape, type Tensor } from '../tensor';
import { Tensor as TensorClass } from '../tensor';
import type { Rng } from '../random';
import { l2norm, type Capture } from './capture';

export abstract class Module {
  /** Training mode (dropout active, batch norm uses batch statistics). */
  training = true;
  /** Where intermediate values go; null = off. Set through setCapture(). */
  protected capture: Capture | null = null;
  protected capturePrefix = '';

  /** Record an intermediate value under this module's path (no-op when no capture is attached). */
  protected record(name: string, t: Tensor): void {
    if (this.capture !== null) this.capture.record(this.capturePrefix + name, t);
  }

  /** Direct children: [field name, module]. Arrays of modules are named field.0, field.1, … */
  children(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const [key, v] of Object.entries(this)) {
      if (key === 'capture') continue;
      if (v instanceof Module) out.push([key, v]);
      else if (Array.isArray(v)) v.forEach((m, i) => m instanceof Module && out.push([`${key}.${i}`, m]));
    }
    return out;
  }

  /** Parameters with dotted path names, each tensor once (tied weights appear under their first name). */
  namedParameters(): [string, Tensor][] {
    const seen = new Set<Tensor>();
    const out: [string, Tensor][] = [];
    const walk = (m: Module, prefix: string): void => {
      for (const [key, v] of Object.entries(m)) {
        if (v instanceof TensorClass && v.isParameter && !seen.has(v)) {
          seen.add(v);
          out.push([prefix + key, v]);
        } else if (Array.isArray(v)) {
          v.forEach((p, i) => {
            if (p instanceof TensorClass && p.isParameter && !seen.has(p)) {
              seen.add(p);
              out.push([`${prefix}${key}.${i}`, p]);
            }
          });
        }
      }
      for (const [key, child] of m.children()) walk(child, `${prefix}${key}.`);
    };
    walk(this, '');
    return out;
  }

  /** Non-trained state this module itself keeps (e.g. BatchNorm's running statistics). Override to declare. */
  protected ownBuffers(): [string, Float32Array][] {
    return [];
  }

  /** Buffers of this module and its children, with dotted path names (saved and loaded with the parameters). */
  namedBuffers(): [string, Float32Array][] {
    const out: [string, Float32Array][] = [];
    const seen = new Set<Module>();
    const walk = (m: Module, prefix: string): void => {
      if (seen.has(m)) return;
      seen.add(m);
      for (const [key, buf] of m.ownBuffers()) out.push([prefix + key, buf]);
      for (const [key, child] of m.children()) walk(child, `${prefix}${key}.`);
    };
    walk(this, '');
    return out;
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Total number of trainable values. */
  parameterCount(): number {
    return this.parameters().reduce((s, p) => s + p.size, 0);
  }

  /** Training mode on/off for this module and all children. */
  train(on = true): this {
    this.training = on;
    for (const [, c] of this.children()) c.train(on);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** Attach (or with null, detach) a capture to this module and all children; names get dotted path prefixes. */
  setCapture(capture: Capture | null, prefix = ''): this {
    this.capture = capture;
    this.capturePrefix = prefix;
    for (const [key, c] of this.children()) c.setCapture(capture, `${prefix}${key}.`);
    return this;
  }

  /** Zero every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /** ‖∂L/∂θ‖₂ per parameter, by name (for "gradient norm per layer" figures). */
  gradNorms(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, p] of this.namedParameters()) out[name] = l2norm(p.grad);
    return out;
  }
}

/** Create a parameter with an init scheme (weights are [fanOut, fanIn]). */
export function param(
  shape: Shape,
  init: InitKind,
  rng: Rng,
  name: string,
  options: { fanIn?: number; fanOut?: number; std?: number; decay?: boolean } = {},
): Tensor {
  const fanIn = options.fanIn ?? shape[shape.length - 1] ?? 1;
  const fanOut = options.fanOut ?? shape[0] ?? 1;
  const t = init === 'zeros' ? zeros(shape) : initTensor(shape, init, rng, fanIn, fanOut, options.std);
  return asParameter(t, name, options.decay ?? true);
}
