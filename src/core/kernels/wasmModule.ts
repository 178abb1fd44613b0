/**
 * The WebAssembly module behind wasm.ts, assembled at load time from the instruction lists below (no binary asset,
 * no toolchain, wasmAsm.ts): the SIMD GEMM micro-kernel `mm`, the row-vector kernels, ReLU and its backward, and
 * Adam's update (wasmAdam.ts), all reading and writing the imported memory.
 */
import { adamBody, ADAM_LOCALS, ADAM_TYPE } from './wasmAdam';
import { LAYER_NORM_DZ_LOCALS, LAYER_NORM_DZ_TYPE, layerNormDzBody } from './wasmLayerNorm';
import { I32, V128, bodyBuilder, code, name, op, section, uleb, type Emit } from './wasmAsm';

/**
 * mm(mp, np, K, pa0, aPanel, aRow, aK, pb0, bPanel, bK, cp, ldc, acc) — all addresses and strides in bytes.
 * For each 4-row panel ip < mp and 8-column panel jp < np:
 *   C[4ip + r, 8jp + c] (+)= Σ_k A(r, k) · B(k, c), where
 *   A(r, k) is the f32 at pa0 + ip·aPanel + r·aRow + k·aK   (row-major A, Aᵀ, or packed: just different strides)
 *   B(k, c) is the f32 at pb0 + jp·bPanel + k·bK + 4c       (8 consecutive floats: row-major B or packed Bᵀ)
 *   C rows are ldc bytes apart; with acc ≠ 0, C is read first and added to.
 */
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

/** Push the address of row r of the C block (pc + r·ldc). */
const cRow = (r: number) => (r === 0 ? [op.get(PC)] : [op.get(PC), op.get(LDC), op.i32(r), op.mul, op.add]);
/** Push the address of A row r (pa + r·aRow). */
const aRow = (r: number) =>
  r === 0
    ? [op.get(PA)]
    : r === 1
      ? [op.get(PA), op.get(AROW), op.add]
      : [op.get(PA), op.get(r === 2 ? R2 : R3), op.add];

/** The 4×8 C block into its eight registers: read from C when accumulating, else zeros. */
function emitLoadBlock(emit: Emit): void {
  emit(op.get(ACC), op.if);
  for (let r = 0; r < 4; r++) for (let h = 0; h < 2; h++) emit(...cRow(r), op.load(16 * h), op.set(C(r, h)));
  emit(op.else);
  for (let r = 0; r < 4; r++) for (let h = 0; h < 2; h++) emit(op.zero, op.set(C(r, h)));
  emit(op.end);
}

/** The k loop: per k, two vector loads of B, four broadcast loads of A and 8 multiply-adds into the block. */
function emitKLoop(emit: Emit): void {
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
}

/** The instructions of mm: the i-panel and j-panel loops around one block's load, k loop and store. */
function mmBody(): number[] {
  const { body, emit } = bodyBuilder();
  emit(op.get(AROW), op.i32(2), op.mul, op.set(R2));
  emit(op.get(AROW), op.i32(3), op.mul, op.set(R3));
  emit(op.i32(0), op.set(IP));
  emit(op.loop); // i-panels
  emit(op.i32(0), op.set(JP));
  emit(op.loop); // j-panels
  // pc = cp + 4·ip·ldc + 32·jp
  emit(op.get(CP), op.get(IP), op.i32(4), op.mul, op.get(LDC), op.mul, op.add);
  emit(op.get(JP), op.i32(32), op.mul, op.add, op.set(PC));
  emitLoadBlock(emit);
  emitKLoop(emit);
  for (let r = 0; r < 4; r++) for (let h = 0; h < 2; h++) emit(...cRow(r), op.get(C(r, h)), op.store(16 * h));
  emit(op.get(JP), op.i32(1), op.add, op.set(JP));
  emit(op.get(JP), op.get(NP), op.ltU, op.brIf(0));
  emit(op.end); // j
  emit(op.get(IP), op.i32(1), op.add, op.set(IP));
  emit(op.get(IP), op.get(MP), op.ltU, op.brIf(0));
  emit(op.end); // i
  emit(op.end); // function
  return body;
}

// ---- row-vector kernels: y[r, :] += b and s += Σ_r g[r, :] -----------------------------------------------------
// Both take (p, rows, n4, q): p the matrix, rows × n4 four-float vectors per row (n = 4·n4, rows dense), q the vector
// [n]. Float32 vector adds round exactly as JavaScript's float32 loops do (a double sum of two float32s rounds to the
// same float32), and the row order of the sums is kept, so results are bit-identical to those loops.
const [VP, VROWS, VN4, VQ] = [0, 1, 2, 3];
const [VR, VJ, VPTR, VQPTR] = [4, 5, 6, 7]; // i32 locals
const VACC = 8; // v128 local

/** p[r, j] += q[j] for every row: the bias of a linear layer, added to its product. */
function addRowsBody(): number[] {
  const { body: b, emit } = bodyBuilder();
  emit(op.get(VP), op.set(VPTR));
  emit(op.get(VROWS), op.set(VR));
  emit(op.block, op.get(VR), op.i32(0), op.eq, op.brIf(0));
  emit(op.loop); // rows
  emit(op.i32(0), op.set(VJ));
  emit(op.get(VQ), op.set(VQPTR));
  emit(op.loop); // 4-float vectors of the row
  emit(op.get(VPTR), op.get(VPTR), op.load(0), op.get(VQPTR), op.load(0), op.f32x4Add, op.store(0));
  emit(op.get(VPTR), op.i32(16), op.add, op.set(VPTR));
  emit(op.get(VQPTR), op.i32(16), op.add, op.set(VQPTR));
  emit(op.get(VJ), op.i32(1), op.add, op.set(VJ));
  emit(op.get(VJ), op.get(VN4), op.ltU, op.brIf(0));
  emit(op.end); // vectors
  emit(op.get(VR), op.i32(1), op.sub, op.set(VR));
  emit(op.get(VR), op.i32(0), op.ne, op.brIf(0));
  emit(op.end, op.end); // rows, block
  emit(op.end); // function
  return b;
}

/** q[j] += Σ_r p[r, j], rows in order: the gradient of a bias. */
function sumRowsBody(): number[] {
  const { body: b, emit } = bodyBuilder();
  emit(op.i32(0), op.set(VJ));
  emit(op.block, op.get(VN4), op.i32(0), op.eq, op.brIf(0));
  emit(op.loop); // 4-float vectors (columns)
  emit(op.get(VQ), op.get(VJ), op.i32(16), op.mul, op.add, op.set(VQPTR));
  emit(op.get(VQPTR), op.load(0), op.set(VACC));
  emit(op.get(VP), op.get(VJ), op.i32(16), op.mul, op.add, op.set(VPTR));
  emit(op.get(VROWS), op.set(VR));
  emit(op.block, op.get(VR), op.i32(0), op.eq, op.brIf(0));
  emit(op.loop); // rows
  emit(op.get(VACC), op.get(VPTR), op.load(0), op.f32x4Add, op.set(VACC));
  emit(op.get(VPTR), op.get(VN4), op.i32(16), op.mul, op.add, op.set(VPTR));
  emit(op.get(VR), op.i32(1), op.sub, op.set(VR));
  emit(op.get(VR), op.i32(0), op.ne, op.brIf(0));
  emit(op.end, op.end); // rows, block
  emit(op.get(VQPTR), op.get(VACC), op.store(0));
  emit(op.get(VJ), op.i32(1), op.add, op.set(VJ));
  emit(op.get(VJ), op.get(VN4), op.ltU, op.brIf(0));
  emit(op.end, op.end); // vectors, block
  emit(op.end); // function
  return b;
}

// ---- ReLU: x ← x > 0 ? x : +0 in place, and gx += a > 0 ? g : 0 ------------------------------------------------
// f32x4.gt gives all-one lanes where a > 0 (false for NaN), and `and` keeps those lanes' bits: the same bits as the
// JavaScript loops' integer mask. The backward adds in float32, which rounds as JavaScript's double sum of two
// float32s does. Both work on whole four-float vectors; the caller pads its regions to a multiple of four.

/** relu(p, n4): n4 vectors at p, in place. */
function reluBody(): number[] {
  const [RP, RN4, RI, RX] = [0, 1, 2, 3]; // params p, n4; locals i (i32), x (v128)
  const { body: b, emit } = bodyBuilder();
  emit(op.i32(0), op.set(RI));
  emit(op.block, op.loop);
  emit(op.get(RI), op.get(RN4), op.ltU, op.eqz, op.brIf(1));
  emit(op.get(RP), op.load(0), op.set(RX));
  emit(op.get(RP), op.get(RX), op.get(RX), op.zero, op.f32x4Gt, op.v128And, op.store(0));
  emit(op.get(RP), op.i32(16), op.add, op.set(RP));
  emit(op.get(RI), op.i32(1), op.add, op.set(RI));
  emit(op.br(0), op.end, op.end);
  emit(op.end); // function
  return b;
}

/** reluBack(pa, pg, pgx, n4): gx += (a > 0 ? g : 0) over n4 vectors. */
function reluBackBody(): number[] {
  const [PA_, PG, PGX, N4, I] = [0, 1, 2, 3, 4]; // params; local i
  const { body: b, emit } = bodyBuilder();
  emit(op.i32(0), op.set(I));
  emit(op.block, op.loop);
  emit(op.get(I), op.get(N4), op.ltU, op.eqz, op.brIf(1));
  emit(op.get(PGX), op.get(PGX), op.load(0));
  emit(op.get(PG), op.load(0), op.get(PA_), op.load(0), op.zero, op.f32x4Gt, op.v128And);
  emit(op.f32x4Add, op.store(0));
  for (const ptr of [PA_, PG, PGX]) emit(op.get(ptr), op.i32(16), op.add, op.set(ptr));
  emit(op.get(I), op.i32(1), op.add, op.set(I));
  emit(op.br(0), op.end, op.end);
  emit(op.end); // function
  return b;
}

// ---- copyBlocks: blocks of four-float vectors between two 3-level strided layouts (attention heads) -------------
// copyBlocks(src, dst, n0, n1, n2, s0, s1, s2, d0, d1, d2, len4, add): for i0 < n0, i1 < n1, i2 < n2, the len4
// vectors at src + i0·s0 + i1·s1 + i2·s2 are written (add = 0) or added in float32 (add ≠ 0) at dst + i0·d0 + …
// (byte strides). It shares mm's type (13 × i32).

function copyBlocksBody(): number[] {
  const [SRC, DST, N0, N1, N2, S0, S1, S2, D0, D1, D2, LEN4, ADD] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
  ];
  const [I0, I1, I2, KV, PS, PD, VEC] = [13, 14, 15, 16, 17, 18, 19]; // i32 locals, then one v128
  const { body, emit } = bodyBuilder();
  /** A counted loop: `index` from 0 while below `count`, around `inner`. */
  const counted = (index: number, count: number, inner: () => void) => {
    emit(op.i32(0), op.set(index), op.block, op.loop);
    emit(op.get(index), op.get(count), op.ltU, op.eqz, op.brIf(1));
    inner();
    emit(op.get(index), op.i32(1), op.add, op.set(index), op.br(0), op.end, op.end);
  };
  /** base + i0·s0 + i1·s1 + i2·s2 into `target`. */
  const address = (base: number, strides: number[], target: number) => {
    emit(op.get(base));
    [I0, I1, I2].forEach((i, k) => emit(op.get(i), op.get(strides[k]), op.mul, op.add));
    emit(op.set(target));
  };
  counted(I0, N0, () =>
    counted(I1, N1, () =>
      counted(I2, N2, () => {
        address(SRC, [S0, S1, S2], PS);
        address(DST, [D0, D1, D2], PD);
        counted(KV, LEN4, () => {
          emit(op.get(PS), op.load(0), op.set(VEC));
          emit(op.get(ADD), op.if, op.get(PD), op.load(0), op.get(VEC), op.f32x4Add, op.set(VEC), op.end);
          emit(op.get(PD), op.get(VEC), op.store(0));
          emit(op.get(PS), op.i32(16), op.add, op.set(PS), op.get(PD), op.i32(16), op.add, op.set(PD));
        });
      }),
    ),
  );
  emit(op.end); // function
  return body;
}

/**
 * The whole module: five function types (13, 4 and 2 × i32 → nothing; Adam's; layerNormDz's), the imported memory
 * env.mem, and mm, addRows, sumRows, relu, reluBack, adam, layerNormDz and copyBlocks exported.
 */
export function buildModule(): Uint8Array {
  const fnType = (nParams: number) => [
    0x60,
    ...uleb(nParams),
    ...new Array<number>(nParams).fill(I32),
    ...uleb(0),
  ];
  const exported = (s: string, index: number) => [...name(s), 0x00, ...uleb(index)];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [
      ...uleb(5),
      ...fnType(13),
      ...fnType(4),
      ...fnType(2),
      ...ADAM_TYPE,
      ...LAYER_NORM_DZ_TYPE,
    ]),
    ...section(2, [...uleb(1), ...name('env'), ...name('mem'), 0x02, 0x00, ...uleb(1)]),
    ...section(3, [...uleb(8), ...[0, 1, 1, 2, 1, 3, 4, 0].flatMap((type) => uleb(type))]),
    ...section(7, [
      ...uleb(8),
      ...exported('mm', 0),
      ...exported('addRows', 1),
      ...exported('sumRows', 2),
      ...exported('relu', 3),
      ...exported('reluBack', 4),
      ...exported('adam', 5),
      ...exported('layerNormDz', 6),
      ...exported('copyBlocks', 7),
    ]),
    ...section(10, [
      ...uleb(8),
      ...code(
        [
          [8, I32],
          [11, V128],
        ],
        mmBody(),
      ),
      ...code(
        [
          [4, I32],
          [1, V128],
        ],
        addRowsBody(),
      ),
      ...code(
        [
          [4, I32],
          [1, V128],
        ],
        sumRowsBody(),
      ),
      ...code(
        [
          [1, I32],
          [1, V128],
        ],
        reluBody(),
      ),
      ...code([[1, I32]], reluBackBody()),
      ...code(ADAM_LOCALS, adamBody()),
      ...code(LAYER_NORM_DZ_LOCALS, layerNormDzBody()),
      ...code(
        [
          [6, I32],
          [1, V128],
        ],
        copyBlocksBody(),
      ),
    ]),
  ];
  return Uint8Array.from(bytes);
}
