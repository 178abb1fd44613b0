/**
 * Adam's update as a WebAssembly function, two parameters at a time in float64 lanes: every value is the float32
 * the JavaScript loop (core/optim.ts, jsKernels.adam) reads, promoted exactly to float64; every operation is the
 * loop's double operation, in its order, with no fused multiply-add; every stored value is rounded to float32 as the
 * loop's typed-array store rounds it. So the bits are the loop's, and a JS-only machine trains the same trajectory.
 *
 *   m ← β₁·m + (1−β₁)·g          (stored as float32, then read back as the loop reads m[i])
 *   v ← β₂·v + ((1−β₂)·g)·g      (the same)
 *   w ← w − (α·(m·c₁)) / (√(v·c₂) + ε),  c₁ = 1/(1−β₁ᵗ), c₂ = 1/(1−β₂ᵗ)
 *
 * adam(pw, pg, pm, pv, n2, β₁, 1−β₁, β₂, 1−β₂, α, c₁, c₂, ε): n2 pairs of float32 at the byte addresses pw, pg, pm,
 * pv (w, g, m, v), updated in place.
 */
import { F64, I32, V128, bodyBuilder, op, uleb } from './wasmAsm';

// params: addresses and pair count (i32), then the hyperparameters (f64)
const [PW, PG, PM, PV, N2] = [0, 1, 2, 3, 4];
const HYPER = [5, 6, 7, 8, 9, 10, 11, 12]; // β₁, 1−β₁, β₂, 1−β₂, α, c₁, c₂, ε
// locals: pair index (i32); the hyperparameters splatted, g, the new m and v, a float32 pair (v128)
const I = 13;
const SPLAT = [14, 15, 16, 17, 18, 19, 20, 21];
const [B1, OMB1, B2, OMB2, LR, C1, C2, EPS] = SPLAT;
const [G, M, V, PAIR] = [22, 23, 24, 25];

/** The function type: 5 × i32 then 8 × f64 → nothing. */
export const ADAM_TYPE = [
  0x60,
  ...uleb(13),
  ...new Array<number>(5).fill(I32),
  ...new Array<number>(8).fill(F64),
  0,
];

/** The locals after the parameters: one i32, twelve v128. */
export const ADAM_LOCALS: [number, number][] = [
  [1, I32],
  [12, V128],
];

/** The body of adam. */
export function adamBody(): number[] {
  const { body, emit } = bodyBuilder();
  /** The float32 pair at `ptr`, promoted to two doubles. */
  const loadPair = (ptr: number) => [op.get(ptr), op.load64Zero, op.f64x2PromoteLow];
  /** Round the doubles on the stack to float32, store them at `ptr` (pushed first), keep the rounded pair in PAIR. */
  const storeRounded = (ptr: number) => [
    op.f32x4DemoteZero,
    op.set(PAIR),
    op.get(ptr),
    op.get(PAIR),
    op.store64Lane0,
  ];
  HYPER.forEach((param, i) => emit(op.get(param), op.f64x2Splat, op.set(SPLAT[i])));
  emit(op.i32(0), op.set(I));
  emit(op.block, op.loop);
  emit(op.get(I), op.get(N2), op.ltU, op.eqz, op.brIf(1));
  emit(...loadPair(PG), op.set(G));
  // m = β₁·m + (1−β₁)·g, rounded; M = that float32 pair as doubles
  emit(op.get(B1), ...loadPair(PM), op.f64x2Mul, op.get(OMB1), op.get(G), op.f64x2Mul, op.f64x2Add);
  emit(...storeRounded(PM), op.get(PAIR), op.f64x2PromoteLow, op.set(M));
  // v = β₂·v + ((1−β₂)·g)·g, rounded; V likewise
  emit(
    op.get(B2),
    ...loadPair(PV),
    op.f64x2Mul,
    op.get(OMB2),
    op.get(G),
    op.f64x2Mul,
    op.get(G),
    op.f64x2Mul,
  );
  emit(op.f64x2Add, ...storeRounded(PV), op.get(PAIR), op.f64x2PromoteLow, op.set(V));
  // w = w − (α·(m·c₁)) / (√(v·c₂) + ε), rounded
  emit(...loadPair(PW), op.get(LR), op.get(M), op.get(C1), op.f64x2Mul, op.f64x2Mul);
  emit(op.get(V), op.get(C2), op.f64x2Mul, op.f64x2Sqrt, op.get(EPS), op.f64x2Add, op.f64x2Div, op.f64x2Sub);
  emit(...storeRounded(PW));
  for (const ptr of [PW, PG, PM, PV]) emit(op.get(ptr), op.i32(8), op.add, op.set(ptr));
  emit(op.get(I), op.i32(1), op.add, op.set(I));
  emit(op.br(0), op.end, op.end);
  emit(op.end); // function
  return body;
}
