/**
 * A tiny WebAssembly assembler: LEB128 numbers, the few instructions the kernels use, sections, names and function
 * code entries. wasmModule.ts and wasmAdam.ts write their functions with it.
 */

export function uleb(n: number): number[] {
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

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  else: [0x05],
  end: [0x0b],
  br: (label: number) => [0x0c, ...uleb(label)],
  brIf: (label: number) => [0x0d, ...uleb(label)],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  add: [0x6a],
  sub: [0x6b],
  mul: [0x6c],
  ltU: [0x49],
  eqz: [0x45],
  ne: [0x47],
  eq: [0x46],
  // SIMD (prefix 0xfd); memarg = align (log2), offset
  load: (offset: number) => [0xfd, 0x00, 4, ...uleb(offset)],
  loadSplat32: (offset: number) => [0xfd, 0x09, 2, ...uleb(offset)],
  store: (offset: number) => [0xfd, 0x0b, 4, ...uleb(offset)],
  zero: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  f32x4Add: [0xfd, 0xe4, 0x01],
  f32x4Mul: [0xfd, 0xe6, 0x01],
  f32x4Gt: [0xfd, 0x44],
  v128And: [0xfd, 0x4e],
  // scalar loads (memarg: align log2, offset) and float32 → float64
  f32Load: (offset: number) => [0x2a, 2, ...uleb(offset)],
  f64Load: (offset: number) => [0x2b, 3, ...uleb(offset)],
  f64PromoteF32: [0xbb],
  // two-double lanes, and moving between float32 pairs and them (memarg of the 64-bit loads: align 3, offset 0)
  load64Zero: [0xfd, 0x5d, 3, 0],
  store64Lane0: [0xfd, 0x5b, 3, 0, 0],
  f64x2PromoteLow: [0xfd, 0x5f],
  f32x4DemoteZero: [0xfd, 0x5e],
  f64x2Splat: [0xfd, 0x14],
  f64x2Sqrt: [0xfd, 0xef, 0x01],
  f64x2Add: [0xfd, 0xf0, 0x01],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01],
  f64x2Div: [0xfd, 0xf3, 0x01],
};

/** Appends instructions (arrays of bytes, or single bytes) to a function body. */
export type Emit = (...parts: (number[] | number)[]) => void;

/** A body to emit into, and the emitter. */
export function bodyBuilder(): { body: number[]; emit: Emit } {
  const body: number[] = [];
  const emit: Emit = (...parts) => {
    for (const p of parts) {
      if (typeof p === 'number') body.push(p);
      else body.push(...p);
    }
  };
  return { body, emit };
}

export function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

export function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

/** A function's code entry: its locals (runs of [count, type]) and body, prefixed by its size. */
export function code(locals: [number, number][], body: number[]): number[] {
  const decl = [...uleb(locals.length), ...locals.flatMap(([n, t]) => [...uleb(n), t])];
  const all = [...decl, ...body];
  return [...uleb(all.length), ...all];
}
