/**
 * One instance of the WebAssembly module (wasmModule.ts): its memory, the exported functions, the call counters.
 * wasm.ts runs the GEMM on it and wasmVectorOps.ts the element-wise kernels.
 */
import { buildModule } from './wasmModule';

/** The slice of the WebAssembly API we use (the core's ES-only tsconfig has no WebAssembly typings). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The exported micro-kernel: see wasmModule.ts for what each argument means (addresses and strides in bytes). */
export type MicroKernel = (
  mp: number,
  np: number,
  K: number,
  pa0: number,
  aPanel: number,
  aRow: number,
  aK: number,
  pb0: number,
  bPanel: number,
  bK: number,
  cp: number,
  ldc: number,
  acc: number,
) => void;

/** The row-vector kernels (wasmModule.ts): matrix address, rows, four-float vectors per row, vector address. */
export type RowVectorKernel = (p: number, rows: number, n4: number, q: number) => void;

/** One instance's mutable state: its memory, a float view of it, the call counters and the swap scratch. */
export interface WasmState {
  memory: WasmMemory;
  /** Replaced whenever the memory grows (growing detaches the old buffer). */
  heap: Float32Array;
  mm: MicroKernel;
  addRows: RowVectorKernel;
  sumRows: RowVectorKernel;
  /** ReLU in place over n4 four-float vectors at p, and its backward (wasmModule.ts). */
  relu: (p: number, n4: number) => void;
  reluBack: (pa: number, pg: number, pgx: number, n4: number) => void;
  /** Adam over n2 float32 pairs at pw, pg, pm, pv, then β₁, 1−β₁, β₂, 1−β₂, α, c₁, c₂, ε (wasmAdam.ts). */
  adam: (pw: number, pg: number, pm: number, pv: number, n2: number, ...hyper: number[]) => void;
  /** LayerNorm's dz pass (wasmLayerNorm.ts): addresses of g, x̂ + r, γ, the means, the targets; rows, D/2, round. */
  layerNormDz: (...args: number[]) => void;
  /** Strided block copy or add (wasmModule.ts, copyBlocks): src, dst, 3 counts, 3 + 3 byte strides, len4, add. */
  copyBlocks: (...args: number[]) => void;
  /** Calls per path (see Kernels.calls): plain = the JS loops (tiny products, or memory could not grow). */
  calls: { plain: number; wasm: number; swapped: number; batched: number };
  /** Scratch for the swapped product Cᵀ (grows on demand). */
  swapped: Float32Array;
}

/** Compiles and instantiates the module; null without WebAssembly SIMD (or under a CSP that blocks it). */
export function instantiate(): WasmState | null {
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (typeof wasm !== 'object') return null;
    const bytes = buildModule();
    if (!wasm.validate(bytes)) return null;
    const memory = new wasm.Memory({ initial: 256 }); // 16 MB, grows on demand
    const instance = new wasm.Instance(new wasm.Module(bytes), { env: { mem: memory } });
    const { mm, addRows, sumRows, relu, reluBack, adam, layerNormDz, copyBlocks } = instance.exports as Pick<
      WasmState,
      'mm' | 'addRows' | 'sumRows' | 'relu' | 'reluBack' | 'adam' | 'layerNormDz' | 'copyBlocks'
    >;
    const calls = { plain: 0, wasm: 0, swapped: 0, batched: 0 };
    const heap = new Float32Array(memory.buffer);
    const fns = { mm, addRows, sumRows, relu, reluBack, adam, layerNormDz, copyBlocks };
    return { memory, heap, ...fns, calls, swapped: new Float32Array(0) };
  } catch {
    return null; // no SIMD, or a CSP without 'wasm-unsafe-eval'
  }
}

/** Make room for n bytes; false if the memory cannot grow that far (the caller then uses the JS loops). */
export function ensureBytes(state: WasmState, n: number): boolean {
  const { memory } = state;
  if (n <= memory.buffer.byteLength) return true;
  try {
    memory.grow(Math.ceil((n - memory.buffer.byteLength) / 65536));
  } catch {
    return false;
  }
  state.heap = new Float32Array(memory.buffer);
  return true;
}
