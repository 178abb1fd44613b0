/**
 * A WebAssembly SIMD GEMM, assembled at load time from the instruction list below (no binary asset, no toolchain).
 *
 * Same recipe as packed.ts — op(A) packed into 4-row panels, op(B) into 8-column panels, both k-major — but the
 * micro-kernel keeps a 4×8 block of C in eight f32x4 registers: per k, two vector loads of B, four broadcast loads
 * of A and 8 vector multiply-adds (64 flops). Results land in a padded C scratch in wasm memory and are copied (or
 * added) into the caller's array. Accumulation is in float32, like other engines' kernels.
 *
 * `createWasmKernels()` returns null where WebAssembly SIMD is unavailable (or blocked by a CSP); callers keep the
 * JS kernels then. Tiny products go to the JS loops, whose fixed cost is lower.
 */
import { jsKernels } from './js';
import type { Kernels } from './types';

// ---- a tiny assembler -------------------------------------------------------------------------------------------

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (label: number) => [0x0d, ...uleb(label)],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  add: [0x6a],
  sub: [0x6b],
  mul: [0x6c],
  ltU: [0x49],
  ne: [0x47],
  // SIMD (prefix 0xfd); memarg = align (log2), offset
  load: (offset: number) => [0xfd, 0x00, 4, ...uleb(offset)],
  loadSplat32: (offset: number) => [0xfd, 0x09, 2, ...uleb(offset)],
  store: (offset: number) => [0xfd, 0x0b, 4, ...uleb(offset)],
  zero: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  f32x4Add: [0xfd, 0xe4, 0x01],
  f32x4Mul: [0xfd, 0xe6, 0x01],
};

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

/**
 * mm(mp, np, K, ap, bp, cp): for every 4-row panel ip < mp of Ap and 8-column panel jp < np of Bp,
 * Cpad[4ip + r, 8jp + c] = Σ_k Ap[ip][k][r] · Bp[jp][k][c]. Cpad rows are np·8 floats wide. Byte addresses.
 */
function buildModule(): Uint8Array {
  // params 0..5: mp, np, K, ap, bp, cp; i32 locals 6..11: ip, jp, k, pa, pb, pc; 12: ldc (bytes per C row)
  const [MP, NP, K, AP, BP, CP, IP, JP, KK, PA, PB, PC, LDC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  // v128 locals 13..20: c[r][h] (row r, half h), 21, 22: b0, b1, 23: a
  const C = (r: number, h: number) => 13 + 2 * r + h;
  const B0 = 21;
  const B1 = 22;
  const A = 23;

  const body: number[] = [];
  const emit = (...parts: (number[] | number)[]) => {
    for (const p of parts) {
      if (typeof p === 'number') body.push(p);
      else body.push(...p);
    }
  };
  emit(op.get(NP), op.i32(32), op.mul, op.set(LDC));
  emit(op.i32(0), op.set(IP));
  emit(op.loop); // i-panels
  emit(op.i32(0), op.set(JP));
  emit(op.loop); // j-panels
  for (let r = 0; r < 4; r++) for (let h = 0; h < 2; h++) emit(op.zero, op.set(C(r, h)));
  emit(op.get(AP), op.get(IP), op.get(K), op.mul, op.i32(16), op.mul, op.add, op.set(PA));
  emit(op.get(BP), op.get(JP), op.get(K), op.mul, op.i32(32), op.mul, op.add, op.set(PB));
  emit(op.get(K), op.set(KK));
  emit(op.loop); // k
  emit(op.get(PB), op.load(0), op.set(B0));
  emit(op.get(PB), op.load(16), op.set(B1));
  for (let r = 0; r < 4; r++) {
    emit(op.get(PA), op.loadSplat32(4 * r), op.set(A));
    for (let h = 0; h < 2; h++) {
      emit(op.get(C(r, h)), op.get(A), op.get(h === 0 ? B0 : B1), op.f32x4Mul, op.f32x4Add, op.set(C(r, h)));
    }
  }
  emit(op.get(PA), op.i32(16), op.add, op.set(PA));
  emit(op.get(PB), op.i32(32), op.add, op.set(PB));
  emit(op.get(KK), op.i32(1), op.sub, op.set(KK));
  emit(op.get(KK), op.i32(0), op.ne, op.brIf(0));
  emit(op.end); // k
  // pc = cp + 4·ip·ldc + 32·jp
  emit(op.get(CP), op.get(IP), op.i32(4), op.mul, op.get(LDC), op.mul, op.add);
  emit(op.get(JP), op.i32(32), op.mul, op.add, op.set(PC));
  for (let r = 0; r < 4; r++) {
    emit(op.get(PC), op.get(C(r, 0)), op.store(0));
    emit(op.get(PC), op.get(C(r, 1)), op.store(16));
    if (r < 3) emit(op.get(PC), op.get(LDC), op.add, op.set(PC));
  }
  emit(op.get(JP), op.i32(1), op.add, op.set(JP));
  emit(op.get(JP), op.get(NP), op.ltU, op.brIf(0));
  emit(op.end); // j
  emit(op.get(IP), op.i32(1), op.add, op.set(IP));
  emit(op.get(IP), op.get(MP), op.ltU, op.brIf(0));
  emit(op.end); // i
  emit(op.end); // function

  const locals = [...uleb(2), ...uleb(7), I32, ...uleb(11), V128];
  const func = [...locals, ...body];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [...uleb(1), 0x60, ...uleb(6), ...new Array<number>(6).fill(I32), ...uleb(0)]),
    ...section(2, [...uleb(1), ...name('env'), ...name('mem'), 0x02, 0x00, ...uleb(1)]),
    ...section(3, [...uleb(1), ...uleb(0)]),
    ...section(7, [...uleb(1), ...name('mm'), 0x00, ...uleb(0)]),
    ...section(10, [...uleb(1), ...uleb(func.length), ...func]),
  ];
  return Uint8Array.from(bytes);
}

// ---- the kernel set ---------------------------------------------------------------------------------------------

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

/** Below this many multiply-adds the JS loops win (packing and copying cost more than they save). */
const WASM_THRESHOLD = 8192;

export function createWasmKernels(): Kernels | null {
  let memory: WasmMemory;
  let mm: (mp: number, np: number, K: number, ap: number, bp: number, cp: number) => void;
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (typeof wasm !== 'object') return null;
    const bytes = buildModule();
    if (!wasm.validate(bytes)) return null;
    memory = new wasm.Memory({ initial: 16 }); // 1 MB, grows on demand
    const instance = new wasm.Instance(new wasm.Module(bytes), { env: { mem: memory } });
    mm = instance.exports.mm as typeof mm;
  } catch {
    return null; // no SIMD, or a CSP without 'wasm-unsafe-eval'
  }
  let heap = new Float32Array(memory.buffer);

  function ensureBytes(n: number): void {
    if (n <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((n - memory.buffer.byteLength) / 65536));
    heap = new Float32Array(memory.buffer);
  }

  return {
    name: 'wasm-simd',
    gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) {
      if (M * N * K < WASM_THRESHOLD || K === 0) {
        jsKernels.gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
        return;
      }
      const mp = (M + 3) >> 2;
      const np = (N + 7) >> 3;
      const ldc = np * 8; // floats per padded C row
      const ap = 0; // float offsets in heap
      const bp = ap + mp * K * 4;
      const cp = bp + np * K * 8;
      ensureBytes((cp + mp * 4 * ldc) * 4);
      const h = heap;
      // Pack op(A) [M, K] into 4-row panels: h[ap + (ip·K + k)·4 + r].
      const aRow = transA ? 1 : K;
      const aK = transA ? M : 1;
      for (let ip = 0; ip < mp; ip++) {
        const base = ap + ip * K * 4;
        for (let r = 0; r < 4; r++) {
          const i = ip * 4 + r;
          if (i >= M) {
            for (let k = 0; k < K; k++) h[base + k * 4 + r] = 0;
            continue;
          }
          const src = aOff + i * aRow;
          for (let k = 0; k < K; k++) h[base + k * 4 + r] = A[src + k * aK];
        }
      }
      // Pack op(B) [K, N] into 8-column panels: h[bp + (jp·K + k)·8 + c].
      for (let jp = 0; jp < np; jp++) {
        const base = bp + jp * K * 8;
        const j0 = jp * 8;
        const cols = Math.min(8, N - j0);
        if (!transB) {
          for (let k = 0; k < K; k++) {
            const src = bOff + k * N + j0;
            const dst = base + k * 8;
            let c = 0;
            for (; c < cols; c++) h[dst + c] = B[src + c];
            for (; c < 8; c++) h[dst + c] = 0;
          }
        } else {
          for (let c = 0; c < 8; c++) {
            if (c >= cols) {
              for (let k = 0; k < K; k++) h[base + k * 8 + c] = 0;
              continue;
            }
            const src = bOff + (j0 + c) * K;
            for (let k = 0; k < K; k++) h[base + k * 8 + c] = B[src + k];
          }
        }
      }
      mm(mp, np, K, ap * 4, bp * 4, cp * 4);
      for (let i = 0; i < M; i++) {
        const src = cp + i * ldc;
        const dst = cOff + i * N;
        if (accumulate) for (let j = 0; j < N; j++) C[dst + j] += h[src + j];
        else for (let j = 0; j < N; j++) C[dst + j] = h[src + j];
      }
    },
  };
}
