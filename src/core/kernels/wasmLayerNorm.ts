/**
 * The last pass of LayerNorm's backward as a WebAssembly function: with each row's two means already known, every
 * element's dz is independent, so it runs two elements at a time in float64 lanes — the JS loop's double operations
 * in its order, float32 values promoted exactly, stores rounded to float32 as typed arrays round them. The same bits
 * as jsKernels.layerNormDz.
 *
 *   dz = r·((g·γ − m₁) − x̂·m₂),  r = 1/√(σ² + ε) of the row,  m₁ = mean(ĝ), m₂ = mean(ĝ·x̂)
 *   g₀ += dz (and g₁ += dz), with dz first rounded to float32 when `round` is set
 *
 * layerNormDz(pg, px, pgm, pm, pg0, pg1, rows, d2, round): g [rows, D] at pg; x̂ [rows, D] then r [rows] at px;
 * γ [D] at pgm; (m₁, m₂) per row as float64 at pm; the targets at pg0 and pg1 (0: none); D = 2·d2.
 */
import { I32, V128, bodyBuilder, op, uleb } from './wasmAsm';

const [PG, PX, PGM, PM, PG0, PG1, ROWS, D2, ROUND] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const [R, P, XR, GMP, HAS1] = [9, 10, 11, 12, 13]; // i32 locals
const [RSTD, M1, M2, V] = [14, 15, 16, 17]; // v128 locals

/** The function type: 9 × i32 → nothing. */
export const LAYER_NORM_DZ_TYPE = [0x60, ...uleb(9), ...new Array<number>(9).fill(I32), 0];

/** The locals after the parameters: five i32, four v128. */
export const LAYER_NORM_DZ_LOCALS: [number, number][] = [
  [5, I32],
  [4, V128],
];

/** The body of layerNormDz. */
export function layerNormDzBody(): number[] {
  const { body, emit } = bodyBuilder();
  const pair = (ptr: number) => [op.get(ptr), op.load64Zero, op.f64x2PromoteLow];
  /** target pair ← float32(promote(target) + V) */
  const addInto = (ptr: number) => [
    op.get(ptr),
    ...pair(ptr),
    op.get(V),
    op.f64x2Add,
    op.f32x4DemoteZero,
    op.store64Lane0,
  ];
  emit(op.get(PG1), op.i32(0), op.ne, op.set(HAS1));
  // r of row 0 sits behind x̂: px + rows·D floats
  emit(op.get(PX), op.get(ROWS), op.get(D2), op.mul, op.i32(8), op.mul, op.add, op.set(XR));
  emit(op.i32(0), op.set(R));
  emit(op.block, op.loop); // rows
  emit(op.get(R), op.get(ROWS), op.ltU, op.eqz, op.brIf(1));
  emit(op.get(XR), op.f32Load(0), op.f64PromoteF32, op.f64x2Splat, op.set(RSTD));
  emit(op.get(PM), op.f64Load(0), op.f64x2Splat, op.set(M1));
  emit(op.get(PM), op.f64Load(8), op.f64x2Splat, op.set(M2));
  emit(op.get(PGM), op.set(GMP));
  emit(op.i32(0), op.set(P));
  emit(op.block, op.loop); // pairs of the row
  emit(op.get(P), op.get(D2), op.ltU, op.eqz, op.brIf(1));
  // V = r·((g·γ − m₁) − x̂·m₂)
  emit(op.get(RSTD), ...pair(PG), ...pair(GMP), op.f64x2Mul, op.get(M1), op.f64x2Sub);
  emit(...pair(PX), op.get(M2), op.f64x2Mul, op.f64x2Sub, op.f64x2Mul, op.set(V));
  emit(op.get(ROUND), op.if, op.get(V), op.f32x4DemoteZero, op.f64x2PromoteLow, op.set(V), op.end);
  emit(...addInto(PG0));
  emit(op.get(HAS1), op.if, ...addInto(PG1), op.end);
  for (const ptr of [PG, PX, GMP, PG0, PG1]) emit(op.get(ptr), op.i32(8), op.add, op.set(ptr));
  emit(op.get(P), op.i32(1), op.add, op.set(P));
  emit(op.br(0), op.end, op.end); // pairs
  emit(op.get(PM), op.i32(16), op.add, op.set(PM));
  emit(op.get(XR), op.i32(4), op.add, op.set(XR));
  emit(op.get(R), op.i32(1), op.add, op.set(R));
  emit(op.br(0), op.end, op.end); // rows
  emit(op.end); // function
  return body;
}
