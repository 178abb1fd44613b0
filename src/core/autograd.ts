/**
 * Reverse-mode autodiff on a tape (micrograd's idea, with tensors).
 *
 * Every op that has an input requiring grad pushes its output onto the tape together with a tiny backward closure
 * that ADDS into its inputs' gradients. Because ops run in order, the tape is already topologically sorted:
 * `backward()` seeds the root's gradient and walks the tape in reverse, no graph search needed.
 *
 * Lifetime rule (the price of zero per-step allocation): the data and gradient buffers of tensors produced by recorded
 * ops belong to the tape. They stay valid through this step's `backward()` and until the END of the NEXT
 * `backward()`, then they are recycled. So: read losses, outputs and captured values right after the step; keep
 * anything longer with `t.detach()` / `t.toArray()`, or compute it under `noGrad()` (never recycled).
 * Carry recurrent state across steps with `h.detach()`.
 */
import { acquireZeroed, release } from './pool';
import type { Tensor } from './tensor';

/** Whether ops record onto the tape. */
let gradEnabled = true;
/** Tensors produced by recorded ops since the last backward, in creation order. */
let tape: Tensor[] = [];
/** The graph of the previous backward, kept alive one more step, then recycled. */
let previous: Tensor[] = [];

/** Guard against a forgotten noGrad() in an evaluation loop growing the tape without bound (ops, floats). */
const MAX_TAPE = 2_000_000;
const MAX_TAPE_FLOATS = 64 * 1024 * 1024;
let tapeFloats = 0;
/** Incremented by every backward() / releaseGraph(): tensors of older generations can no longer be backpropagated. */
let generation = 0;

export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Run fn without recording (evaluation, figures, optimizer updates). Its tensors are plain, never recycled. */
export function noGrad<T>(fn: () => T): T {
  const prev = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = prev;
  }
}

/** True if an op on these inputs must be recorded. */
export function tracks(a: Tensor, b?: Tensor, c?: Tensor): boolean {
  return (
    gradEnabled &&
    (a.requiresGrad || (b !== undefined && b.requiresGrad) || (c !== undefined && c.requiresGrad))
  );
}

/** Put an op's output on the tape with its backward closure. */
export function record(out: Tensor, op: string, parents: Tensor[], backwardFn: () => void): Tensor {
  out.op = op;
  out.parents = parents;
  out.backwardFn = backwardFn;
  out.onTape = true;
  out.generation = generation;
  tape.push(out);
  tapeFloats += out.size;
  if (tape.length > MAX_TAPE || tapeFloats > MAX_TAPE_FLOATS) {
    const n = tape.length;
    releaseGraph();
    throw new Error(
      `autograd: ${n} ops recorded without backward(); wrap evaluation code in noGrad(() => …)`,
    );
  }
  return out;
}

/** The gradient buffer of t, created (zeroed) on first use. Returns null if t does not require grad. */
export function gradOf(t: Tensor): Float32Array | null {
  if (!t.requiresGrad) return null;
  if (t.grad === null) t.grad = t.onTape ? acquireZeroed(t.size) : new Float32Array(t.size);
  return t.grad;
}

/**
 * Backpropagate from `root`. A scalar root is seeded with 1; otherwise pass `seed` (same size as root).
 * One backward per graph: sum several losses first.
 */
export function backward(root: Tensor, seed?: ArrayLike<number>): void {
  if (!root.requiresGrad) {
    throw new Error(
      'backward(): this tensor does not require grad (built from constants only, or under noGrad)',
    );
  }
  if (seed === undefined && root.size !== 1) {
    throw new Error(
      `backward(): root has shape [${root.shape.join(', ')}]; reduce it to a scalar or pass a seed`,
    );
  }
  if (seed !== undefined && seed.length !== root.size) {
    throw new Error(`backward(): seed has ${seed.length} values, root has ${root.size}`);
  }
  if (root.onTape && root.generation !== generation) {
    throw new Error(
      'backward(): this graph was already backpropagated; add the losses and call backward() once',
    );
  }
  const g = gradOf(root)!;
  if (seed === undefined) g[0] = 1;
  else for (let i = 0; i < g.length; i++) g[i] = seed[i];

  for (let i = tape.length - 1; i >= 0; i--) {
    const node = tape[i];
    if (node.grad !== null && node.backwardFn !== null) node.backwardFn();
  }

  // Recycle the graph before this one; keep this one readable until the next backward.
  const old = previous;
  releaseNodes(old);
  previous = tape;
  tape = old;
  tapeFloats = 0;
  generation++;
}

function releaseNodes(nodes: Tensor[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const t = nodes[i];
    if (t.ownsData) release(t.data);
    if (t.grad !== null) release(t.grad);
    if (t.aux !== null) release(t.aux);
    t.release();
  }
  nodes.length = 0;
}

/**
 * Recycle every recorded tensor now (current and previous graph). Call when tearing down or resetting a model, or
 * after a forward pass whose backward you decided not to run.
 */
export function releaseGraph(): void {
  releaseNodes(previous);
  releaseNodes(tape);
  tapeFloats = 0;
  generation++;
}

/** Number of ops recorded since the last backward (tests use it to check that evaluation records nothing). */
export function tapeLength(): number {
  return tape.length;
}
