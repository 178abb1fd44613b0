// @jax-js/jax peer on its Wasm device. The whole train step — valueAndGrad of the loss plus the optimiser update —
// is one jit-compiled function, as a JAX user would write it (the strongest fair form of this peer).
//
// jax-js uses move semantics: every function CONSUMES its Array arguments, so an Array used twice needs `.ref` on all
// but its last use. To keep that readable, the loss functions read parameters through `param(name)` (always `.ref`) and
// dispose the parameter tree once at the end.
//
// Embedding lookups are written as one-hot matmuls: under jit, the gradient of np.take (a scatter) fails in
// jax-js 0.1.25 ("routine primitive scatter input is not imm"). The one-hot inputs are the same data every engine gets.
import '../shims';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defaultDevice, init, jit, numpy as np, nn, tree, valueAndGrad } from '@jax-js/jax';
import { w3Logits } from './jaxW3Model';
import type {
  AdamConfig,
  Engine,
  MatmulCase,
  MatmulRunner,
  Params,
  Trainer,
  W1Data,
  W2Data,
  W3Data,
} from '../types';

type JArray = np.Array;
type Tree = Record<string, JArray>;

export async function createJaxEngine(): Promise<Engine> {
  const devices = await init('wasm');
  if (!devices.includes('wasm'))
    throw new Error(`jax-js: wasm device unavailable (got ${devices.join(', ')})`);
  defaultDevice('wasm');
  return {
    name: 'jax-js',
    description: `@jax-js/jax ${jaxVersion()}, wasm device (1 thread: Node has no global Worker), jit(valueAndGrad + update)`,
    async activate() {
      defaultDevice('wasm');
    },
    createTrainer(w) {
      switch (w.id) {
        case 'W1':
          return trainerW1(w);
        case 'W2':
          return trainerW2(w);
        case 'W3':
          return trainerW3(w);
      }
    },
    createMatmul: (c) => createMatmul(c),
  };
}

/** The installed version (its package.json is not exported, so read it next to the resolved entry point). */
function jaxVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@jax-js/jax');
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

function toArrays(params: Params): Tree {
  const out: Tree = {};
  for (const [name, p] of Object.entries(params)) out[name] = np.array(p.data.slice()).reshape(p.shape);
  return out;
}

function zerosLike(params: Params): Tree {
  const out: Tree = {};
  for (const [name, p] of Object.entries(params)) out[name] = np.zeros(p.shape);
  return out;
}

/** A float32 array from a typed-array view (copied: jax-js may keep the buffer). */
function arr(data: Float32Array, shape: number[]): JArray {
  return np.array(data.slice()).reshape(shape);
}

/** Reads a parameter without consuming the tree's reference. */
function reader(p: Tree): (name: string) => JArray {
  return (name) => p[name].ref;
}

/** Mean softmax cross-entropy of logits [N, V] against one-hot targets [N, V]. */
function softmaxCrossEntropy(logits: JArray, targetOneHot: JArray): JArray {
  const n = logits.shape[0];
  return nn
    .logSoftmax(logits, -1)
    .mul(targetOneHot)
    .sum()
    .mul(-1 / n);
}

/** Adam with bias correction; bc1 = 1 − β1^t and bc2 = 1 − β2^t arrive as traced scalars so one compile serves all t. */
function adamUpdate(cfg: AdamConfig, p: Tree, g: Tree, m: Tree, v: Tree, bc1: JArray, bc2: JArray) {
  const [np1, nm, nv]: [Tree, Tree, Tree] = [{}, {}, {}];
  for (const k of Object.keys(p)) {
    const gk = g[k];
    const m1 = m[k].mul(cfg.beta1).add(gk.ref.mul(1 - cfg.beta1));
    const v1 = v[k].mul(cfg.beta2).add(gk.ref.mul(gk).mul(1 - cfg.beta2));
    const mHat = m1.ref.div(bc1.ref);
    const vHat = v1.ref.div(bc2.ref);
    np1[k] = p[k].sub(mHat.div(np.sqrt(vHat).add(cfg.eps)).mul(cfg.lr));
    nm[k] = m1;
    nv[k] = v1;
  }
  bc1.dispose();
  bc2.dispose();
  return [np1, nm, nv] as const;
}

/** Holds params + Adam state across steps and feeds the jitted step its bias-correction scalars. */
function adamTrainer(
  params: Params,
  cfg: AdamConfig,
  jitted: ((
    p: Tree,
    m: Tree,
    v: Tree,
    bc1: JArray,
    bc2: JArray,
    batchIndex: number,
  ) => [JArray, Tree, Tree, Tree]) & {
    dispose(): void;
  },
  extraDispose: () => void = () => {},
): Trainer {
  let p = toArrays(params);
  let m = zerosLike(params);
  let v = zerosLike(params);
  let t = 0;
  return {
    step() {
      t++;
      const bc1 = np.array([1 - Math.pow(cfg.beta1, t)]);
      const bc2 = np.array([1 - Math.pow(cfg.beta2, t)]);
      const [loss, p1, m1, v1] = jitted(p, m, v, bc1, bc2, t - 1);
      [p, m, v] = [p1, m1, v1];
      return loss.item();
    },
    dispose() {
      tree.dispose(p);
      tree.dispose(m);
      tree.dispose(v);
      jitted.dispose();
      extraDispose();
    },
  };
}

// W1: SGD. The step is jit(p, x, y) ↦ [loss, p − lr·∇loss].
function trainerW1(w: W1Data): Trainer {
  const layers = w.sizes.length - 1;
  const lossFn = (p: Tree, x: JArray, y: JArray): JArray => {
    let h = x; // [B, 2]
    for (let l = 0; l < layers; l++) {
      const z = np.matmul(h, p[`w${l}`]).add(p[`b${l}`]); // [B, out]
      h = l + 1 < layers ? np.tanh(z) : z;
    }
    // Stable BCE from logits: max(z, 0) − z·y + log(1 + e^{−|z|}).
    const z = h; // [B, 1]
    const perPoint = np
      .maximum(z.ref, 0)
      .sub(z.ref.mul(y))
      .add(np.log1p(np.exp(np.abs(z).neg())));
    return perPoint.mean();
  };
  const step = jit((p: Tree, x: JArray, y: JArray) => {
    const [loss, g] = valueAndGrad(lossFn)(tree.ref(p), x, y);
    const next: Tree = {};
    for (const k of Object.keys(p)) next[k] = p[k].sub(g[k].mul(w.lr));
    return [loss, next] as [JArray, Tree];
  });
  let p = toArrays(w.params);
  // The batches become device arrays once, untimed (the other engines also hold their batches ready); each step
  // passes a reference, so jit does not consume them.
  const xs = w.batches.map((batch) => arr(batch.x, [w.batchSize, 2]));
  const ys = w.batches.map((batch) => arr(batch.y, [w.batchSize, 1]));
  let i = 0;
  return {
    step() {
      const k = i++ % w.batches.length;
      const [loss, next] = step(p, xs[k].ref, ys[k].ref);
      p = next;
      return loss.item();
    },
    dispose() {
      tree.dispose(p);
      step.dispose();
      for (const a of [...xs, ...ys]) a.dispose();
    },
  };
}

// W2: gates = x_t·Wx + b + h·Wh (order i, f, g, o); logits = h_t·Wy + by; mean CE over T·B. As in the core, the input
// projection of all T steps is one [T·B, V]·[V, 4H] product and the output projection one [T·B, H]·[H, V] product;
// only h·Wh runs step by step.
function trainerW2(w: W2Data): Trainer {
  const { vocab: V, hidden: H, seqLen: T, batchSize: B } = w;
  const lossFn = (p: Tree, xs: JArray, ys: JArray): JArray => {
    const param = reader(p);
    let h = np.zeros([B, H]);
    let c = np.zeros([B, H]);
    const zx = np
      .matmul(xs.reshape([T * B, V]), param('wx'))
      .add(param('b'))
      .reshape([T, B, 4 * H]); // [T, B, 4H]
    const hs: JArray[] = [];
    for (let t = 0; t < T; t++) {
      const z = zx.ref.slice(t).add(np.matmul(h, param('wh'))); // [B, 4H]
      const zi = z.ref.slice([], [0, H]);
      const zf = z.ref.slice([], [H, 2 * H]);
      const zg = z.ref.slice([], [2 * H, 3 * H]);
      const zo = z.slice([], [3 * H, 4 * H]);
      c = nn
        .sigmoid(zf)
        .mul(c)
        .add(nn.sigmoid(zi).mul(np.tanh(zg))); // [B, H]
      h = nn.sigmoid(zo).mul(np.tanh(c.ref)); // [B, H]
      hs.push(h.ref);
    }
    h.dispose();
    c.dispose();
    zx.dispose();
    const logits = np.matmul(np.concatenate(hs, 0), param('wy')).add(param('by')); // [T·B, V]
    tree.dispose(p);
    return softmaxCrossEntropy(logits, ys.reshape([T * B, V]));
  };
  const jitted = jit((p: Tree, m: Tree, v: Tree, bc1: JArray, bc2: JArray, xs: JArray, ys: JArray) => {
    const [loss, g] = valueAndGrad(lossFn)(tree.ref(p), xs, ys);
    const [p1, m1, v1] = adamUpdate(w.adam, p, g, m, v, bc1, bc2);
    return [loss, p1, m1, v1] as [JArray, Tree, Tree, Tree];
  });
  const inputs = w.batches.map((batch) => arr(batch.inputOneHot, [T, B, V])); // built once, untimed
  const targets = w.batches.map((batch) => arr(batch.targetOneHot, [T, B, V]));
  const call = Object.assign(
    (p: Tree, m: Tree, v: Tree, bc1: JArray, bc2: JArray, batchIndex: number) => {
      const k = batchIndex % w.batches.length;
      return jitted(p, m, v, bc1, bc2, inputs[k].ref, targets[k].ref);
    },
    { dispose: () => jitted.dispose() },
  );
  return adamTrainer(w.params, w.adam, call, () => {
    for (const a of [...inputs, ...targets]) a.dispose();
  });
}

// W3: see W3Data in types.ts. Embeddings are one-hot matmuls (see the note at the top).
function trainerW3(w: W3Data): Trainer {
  const { vocab: V, seqLen: L, batchSize: B } = w;
  const posEnc = arr(w.posEnc, [L, w.dModel]);
  const mask = arr(w.causalMask, [L, L]);
  const lossFn = (p: Tree, src: JArray, decIn: JArray, target: JArray, pe: JArray, causal: JArray) => {
    const logits = w3Logits(w, reader(p), src, decIn, pe, causal);
    tree.dispose(p);
    return softmaxCrossEntropy(logits, target);
  };
  const jitted = jit(
    (
      p: Tree,
      m: Tree,
      v: Tree,
      bc1: JArray,
      bc2: JArray,
      src: JArray,
      decIn: JArray,
      target: JArray,
      pe: JArray,
      causal: JArray,
    ) => {
      const [loss, g] = valueAndGrad(lossFn)(tree.ref(p), src, decIn, target, pe, causal);
      const [p1, m1, v1] = adamUpdate(w.adam, p, g, m, v, bc1, bc2);
      return [loss, p1, m1, v1] as [JArray, Tree, Tree, Tree];
    },
  );
  // Batches as device arrays once, untimed: [src, decIn, target] one-hots [B·L, V] per batch.
  const batches = w.batches.map((batch) =>
    [batch.srcOneHot, batch.decInOneHot, batch.targetOneHot].map((x) => arr(x, [B * L, V])),
  );
  const call = Object.assign(
    (p: Tree, m: Tree, v: Tree, bc1: JArray, bc2: JArray, batchIndex: number) => {
      const [src, decIn, target] = batches[batchIndex % batches.length];
      return jitted(p, m, v, bc1, bc2, src.ref, decIn.ref, target.ref, posEnc.ref, mask.ref);
    },
    { dispose: () => jitted.dispose() },
  );
  return adamTrainer(w.params, w.adam, call, () => {
    posEnc.dispose();
    mask.dispose();
    for (const a of batches.flat()) a.dispose();
  });
}

function createMatmul(c: MatmulCase): MatmulRunner {
  const a = arr(c.a, c.transA ? [c.batch, c.k, c.m] : [c.batch, c.m, c.k]);
  const b = arr(c.b, c.transB ? [c.batch, c.n, c.k] : [c.batch, c.k, c.n]);
  const product = jit((x: JArray, y: JArray) =>
    np.matmul(c.transA ? x.transpose([0, 2, 1]) : x, c.transB ? y.transpose([0, 2, 1]) : y),
  );
  return {
    run() {
      return product(a.ref, b.ref).dataSync() as Float32Array;
    },
    dispose() {
      a.dispose();
      b.dispose();
      product.dispose();
    },
  };
}
