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
  if: [0x04, 0x40],
  else: [0x05],
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
 * mm(mp, np, K, pa0, aPanel, aRow, aK, pb0, bPanel, bK, cp, ldc, acc) — all addresses and strides in bytes.
 * For each 4-row panel ip < mp and 8-column panel jp < np:
 *   C[4ip + r, 8jp + c] (+)= Σ_k A(r, k) · B(k, c), where
 *   A(r, k) is the f32 at pa0 + ip·aPanel + r·aRow + k·aK   (row-major A, Aᵀ, or packed: just different strides)
 *   B(k, c) is the f32 at pb0 + jp·bPanel + k·bK + 4c       (8 consecutive floats: row-major B or packed Bᵀ)
 *   C rows are ldc bytes apart; with acc ≠ 0, C is read first and added to.
 */
function buildModule(): Uint8Array {
  // params 0..12
  const [MP, NP, K, PA0, APANEL, AROW, AK, PB0, BPANEL, BK, CP, LDC, ACC] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
  ];
  // i32 locals 13..20
  const [IP, JP, KK, PA, PB, PC, R2, R3] = [13, 14, 15, 16, 17, 18, 19, 20];
  // v128 locals 21..31: c[r][h] (row r, half h), b0, b1, a
  const C = (r: number, h: number) => 21 + 2 * r + h;
  const B0 = 29;
  const B1 = 30;
  const A = 31;

  const body: number[] = [];
  const emit = (...parts: (number[] | number)[]) => {
    for (const p of parts) {
      if (typeof p === 'number') body.push(p);
      else body.push(...p);
    }
  };
  /** Push the address of row r of the C block (pc + r·ldc). */
  const cRow = (r: number) => (r === 0 ? [op.get(PC)] : [op.get(PC), op.get(LDC), op.i32(r), op.mul, op.add]);
  /** Push the address of A row r (pa + r·aRow). */
  const aRow = (r: number) =>
    r === 0
      ? [op.get(PA)]
      : r === 1
        ? [op.get(PA), op.get(AROW), op.add]
        : [op.get(PA), op.get(r === 2 ? R2 : R3), op.add];

  emit(op.get(AROW), op.i32(2), op.mul, op.set(R2));
  emit(op.get(AROW), op.i32(3), op.mul, op.set(R3));
  emit(op.i32(0), op.set(IP));
  emit(op.loop); // i-panels
  emit(op.i32(0), op.set(JP));
  emit(op.loop); // j-panels
  // pc = cp + 4·ip·ldc + 32·jp
  emit(op.get(CP), op.get(IP), op.i32(4), op.mul, op.get(LDC), op.mul, op.add);
  emit(op.get(JP), op.i32(32), op.mul, op.add, op.set(PC));
  emit(op.get(ACC), op.if);
  for (let r = 0; r < 4; r++) for (let h = 0; h < 2; h++) emit(...cRow(r), op.load(16 * h), op.set(C(r, h)));
  emit(op.else);
  for (let r = 0; r < 4; r++) for (let h = 0; h < 2; h++) emit(op.zero, op.set(C(r, h)));
  emit(op.end);
  emit(op.get(PA0), op.get(IP), op.get(APANEL), op.mul, op.add, op.set(PA));
  emit(op.get(PB0), op.get(JP), op.get(BPANEL), op.mul, op.add, op.set(PB));
  emit(op.get(K), op.set(KK));
  emit(op.loop); // k
  emit(op.get(PB), op.load(0), op.set(B0));
  emit(op.get(PB), op.load(16), op.set(B1));
  for (let r = 0; r < 4; r++) {
    emit(...aRow(r), op.loadSplat32(0), op.set(A));
    for (let h = 0; h < 2; h++) {
      emit(op.get(C(r, h)), op.get(A), op.get(h === 0 ? B0 : B1), op.f32x4Mul, op.f32x4Add, op.set(C(r, h)));
    }
  }
  emit(op.get(PA), op.get(AK), op.add, op.set(PA));
  emit(op.get(PB), op.get(BK), op.add, op.set(PB));
  emit(op.get(KK), op.i32(1), op.sub, op.set(KK));
  emit(op.get(KK), op.i32(0), op.ne, op.brIf(0));
  emit(op.end); // k
  for (let r = 0; r < 4; r++) for (let h = 0; h < 2; h++) emit(...cRow(r), op.get(C(r, h)), op.store(16 * h));
  emit(op.get(JP), op.i32(1), op.add, op.set(JP));
  emit(op.get(JP), op.get(NP), op.ltU, op.brIf(0));
  emit(op.end); // j
  emit(op.get(IP), op.i32(1), op.add, op.set(IP));
  emit(op.get(IP), op.get(MP), op.ltU, op.brIf(0));
  emit(op.end); // i
  emit(op.end); // function

  const locals = [...uleb(2), ...uleb(8), I32, ...uleb(11), V128];
  const func = [...locals, ...body];
  const nParams = 13;
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [...uleb(1), 0x60, ...uleb(nParams), ...new Array<number>(nParams).fill(I32), ...uleb(0)]),
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
  let mm: (
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
  /** Calls per path (see Kernels.calls): plain = the JS loops (tiny products, or memory could not grow). */
  const calls = { plain: 0, wasm: 0, swapped: 0, batched: 0 };
  /** Scratch for the swapped product Cᵀ (grows on demand). */
  let swapped = new Float32Array(0);

  /** Make room for n bytes; false if the memory cannot grow that far (the caller then uses the JS loops). */
  function ensureBytes(n: number): boolean {
    if (n <= memory.buffer.byteLength) return true;
    try {
      memory.grow(Math.ceil((n - memory.buffer.byteLength) / 65536));
    } catch {
      return false;
    }
    heap = new Float32Array(memory.buffer);
    return true;
  }

  /** batches × C[M,N] (+)= op(A)·op(B) with dense batch strides; see types.ts. */
  function run(
    batches: number,
    transA: boolean,
    transB: boolean,
    M: number,
    N: number,
    K: number,
    A: Float32Array,
    aOff: number,
    B: Float32Array,
    bOff: number,
    C: Float32Array,
    cOff: number,
    accumulate: boolean,
  ): void {
    const mp = (M + 3) >> 2;
    const np = (N + 7) >> 3;
    // Layout in wasm memory (float offsets). Regions are padded so edge panels read in bounds; whatever they read
    // past the real data (the next batch, or padding) only reaches C rows ≥ M or columns ≥ N, never copied out.
    const ldc = N % 8 === 0 ? N : np * 8; // C row stride (floats)
    const aBatch = M * K;
    const bBatch = transB ? np * K * 8 : K * N;
    const cBatch = mp * 4 * ldc;
    const aPtr = 0;
    const bPtr = aPtr + batches * aBatch + Math.max(mp * 4 * K - aBatch, 4) + 8;
    const cPtr = bPtr + batches * bBatch + 8;
    if (!ensureBytes((cPtr + batches * cBatch + 8) * 4)) {
      calls.plain++;
      for (let t = 0; t < batches; t++) {
        const [ao, bo, co] = [aOff + t * M * K, bOff + t * K * N, cOff + t * M * N];
        jsKernels.gemm(transA, transB, M, N, K, A, ao, B, bo, C, co, accumulate);
      }
      return;
    }
    const h = heap;
    // A is copied as is: row-major A (row stride K, k stride 1) or Aᵀ stored [K, M] (row stride 1, k stride M).
    h.set(A.subarray(aOff, aOff + batches * aBatch), aPtr);
    // B [K, N] is copied as is (8 consecutive floats of a row are a panel row); Bᵀ stored [N, K] is packed into
    // 8-column panels h[bPtr + t·bBatch + (jp·K + k)·8 + c].
    if (!transB) h.set(B.subarray(bOff, bOff + batches * K * N), bPtr);
    else {
      for (let t = 0; t < batches; t++) {
        const src0 = bOff + t * N * K;
        for (let jp = 0; jp < np; jp++) {
          const base = bPtr + t * bBatch + jp * K * 8;
          for (let c = 0; c < 8; c++) {
            const j = jp * 8 + c;
            if (j >= N) {
              for (let k = 0; k < K; k++) h[base + k * 8 + c] = 0;
              continue;
            }
            const src = src0 + j * K;
            for (let k = 0; k < K; k++) h[base + k * 8 + c] = B[src + k];
          }
        }
      }
    }
    const mn = M * N;
    if (accumulate) {
      for (let t = 0; t < batches; t++) {
        const dst = cPtr + t * cBatch;
        const src = cOff + t * mn;
        if (ldc === N) h.set(C.subarray(src, src + mn), dst);
        else
          for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) h[dst + i * ldc + j] = C[src + i * N + j];
      }
    }
    const aPanel = transA ? 16 : 16 * K; // bytes to the next 4-row panel
    const aRow = transA ? 4 : 4 * K; // … to the next row
    const aK = transA ? 4 * M : 4; // … to the next k
    const bPanel = transB ? 32 * K : 32; // … to the next 8-column panel
    const bK = transB ? 32 : 4 * N; // … to the next k
    for (let t = 0; t < batches; t++) {
      mm(
        mp,
        np,
        K,
        (aPtr + t * aBatch) * 4,
        aPanel,
        aRow,
        aK,
        (bPtr + t * bBatch) * 4,
        bPanel,
        bK,
        (cPtr + t * cBatch) * 4,
        ldc * 4,
        accumulate ? 1 : 0,
      );
    }
    for (let t = 0; t < batches; t++) {
      const src = cPtr + t * cBatch;
      const dst = cOff + t * mn;
      if (ldc === N) C.set(h.subarray(src, src + mn), dst);
      else for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) C[dst + i * N + j] = h[src + i * ldc + j];
    }
  }

  return {
    name: 'wasm-simd',
    calls,
    gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) {
      if (M * N * K < WASM_THRESHOLD || K === 0) {
        calls.plain++;
        jsKernels.gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      } else if (transB && !transA && M * 4 <= N) {
        // A few rows times a big Bᵀ (an RNN step: h [16, 128] · W_hᵀ): packing Bᵀ would cost about as much as the
        // product. Compute Cᵀ = B·Aᵀ instead (B read in place, only the small A packed), then transpose into C.
        calls.swapped++;
        if (swapped.length < M * N) swapped = new Float32Array(M * N);
        const D = swapped; // [N, M]
        run(1, false, true, N, M, K, B, bOff, A, aOff, D, 0, false);
        for (let i = 0; i < M; i++) {
          const row = cOff + i * N;
          if (accumulate) for (let j = 0; j < N; j++) C[row + j] += D[j * M + i];
          else for (let j = 0; j < N; j++) C[row + j] = D[j * M + i];
        }
      } else {
        calls.wasm++;
        run(1, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      }
    },
    gemmBatched(batches, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) {
      if (batches * M * N * K < WASM_THRESHOLD || K === 0) {
        calls.plain += batches;
        for (let t = 0; t < batches; t++) {
          jsKernels.gemm(
            transA,
            transB,
            M,
            N,
            K,
            A,
            aOff + t * M * K,
            B,
            bOff + t * K * N,
            C,
            cOff + t * M * N,
            accumulate,
          );
        }
      } else {
        calls.batched++;
        run(batches, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      }
    },
  };
}
