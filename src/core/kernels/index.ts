/** The active kernel set. Ops import `kernels` and call through it; `setKernels` swaps the backend. */
import { packedKernels } from './packed';
import type { Kernels } from './types';

export type { Kernels } from './types';
export { jsKernels } from './js';
export { packedKernels } from './packed';

/** Default: packed, register-blocked JS (falls back to the plain loops for tiny products). */
export let kernels: Kernels = packedKernels;

/** Replace the raw loops (e.g. with a WASM SIMD build). Returns the previous set so tests can restore it. */
export function setKernels(next: Kernels): Kernels {
  const prev = kernels;
  kernels = next;
  return prev;
}
