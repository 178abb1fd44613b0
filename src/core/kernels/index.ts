/** The active kernel set. Ops import `kernels` and call through it; `setKernels` swaps the backend. */
import { packedKernels } from './packed';
import type { Kernels } from './types';
import { createWasmKernels } from './wasm';

export type { Kernels } from './types';
export { jsKernels } from './js';
import { jsKernels } from './js';
export { packedKernels } from './packed';
export { createWasmKernels } from './wasm';

/**
 * Default: WebAssembly SIMD where available (Node ≥ 16, every current browser), else packed, register-blocked JS.
 * Both fall back to the plain JS loops for tiny products. All are deterministic: same inputs, same bits.
 */
export let kernels: Kernels = createWasmKernels() ?? packedKernels;

/** Which kernel set is active ('wasm-simd', 'js-packed', 'js', or 'custom' after setKernels). */
export function kernelName(): string {
  return kernels === packedKernels ? 'js-packed' : kernels === jsKernels ? 'js' : (kernels.name ?? 'custom');
}

/** Replace the raw loops (e.g. with a WASM SIMD build). Returns the previous set so tests can restore it. */
export function setKernels(next: Kernels): Kernels {
  const prev = kernels;
  kernels = next;
  return prev;
}

/** The kernels a set may leave out: the element-wise ones (types.ts). */
type OptionalKernel =
  'addRowVector' | 'addColumnSums' | 'relu' | 'reluBackward' | 'adam' | 'layerNormDz' | 'copyBlocks';

/**
 * The active set's kernel `name`, or the plain JS loop when the set has none — the one place ops fall back. Every
 * optional kernel must give its JS loop's bits, so which one runs never changes a result.
 */
export function kernel<K extends OptionalKernel>(name: K): NonNullable<Kernels[K]> {
  return (kernels[name] ?? jsKernels[name]) as NonNullable<Kernels[K]>;
}
