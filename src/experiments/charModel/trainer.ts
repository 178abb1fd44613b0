/**
 * 'char-model': a character-level language model trained with truncated backpropagation through time.
 * Every step reads one chunk of p characters from each of B streams, predicts each next character (softmax of yₜ,
 * cross-entropy, averaged per character), backpropagates through the chunk and updates the weights.
 *
 * Metrics (besides step, epoch = passes over the text, loss = this step's nats per character):
 *   bpc         training loss in bits per character, moving average over ~20 steps
 *   valLoss     held-out loss, nats per character (the last 10 % of the text; not for 'hello' or texts < 1000 chars),
 *               measured at step 0 and every VALIDATION_EVERY steps
 *   valBpc      the same in bits
 *   valStep     the step valLoss was measured at
 *   unigramBpc  entropy of the character frequencies: the best a model without context can do
 *   gradNorm    global gradient norm before clipping
 *   chunk       the chunk length in use (p, capped by the segment length)
 *   vocab       V
 *   textChars   characters of the training text (training + held-out part)
 *   pastedMissing  1 when 'pasted' was asked for without a usable text (the bundled stories are used instead)
 *   memorised   1 when greedy generation from the first character reproduces the whole text ('hello' only)
 *
 * Views (typed arrays; shapes where built):
 *   model           { cell, hidden, vocab: string[], weights: { path: Float32Array } }: the live weights, so the page
 *                   can trace, sample and draw heatmaps on its own copy (inference only, no training)
 *   gradThroughTime { norms: Float64Array [T], loss, sigma }: ‖∂L_T/∂h_{T−k}‖ on a fixed 40-character probe line,
 *                   and the largest singular value of W_hh (W_h for the LSTM)
 */
import { noGrad } from '../../core/autograd';
import { oneHotSequence } from '../../core/data/text';
import { crossEntropy } from '../../core/losses';
import { LSTMCell } from '../../core/nn/rnn';
import { Adam, SGD, gradNorm, type Optimizer } from '../../core/optim';
import { Rng } from '../../core/random';
import type { Experiment, ExperimentData, Metrics, ParamValue, ParamValues, Trainer } from '../types';
import type { CharModelViews, GradThroughTimeView, ModelWeightsView } from './views';
import { BUNDLED_CORPUS, HELLO_WORLD } from './corpus';
import {
  createCell,
  detachState,
  generate,
  gradientThroughTime,
  largestSingularValue,
  runCell,
  type CellKind,
  type CharCell,
  type RecurrentState,
} from './model';
import { CHAR_MODEL_PARAMS } from './params';
import { preparePastedText } from './pasted';
import { ChunkSchedule, chunkIds, charVocab, encodeChars, unigramBits } from './text';
import { liveLearningRate } from '../params';

/** Largest vocabulary: rarer characters share one unknown symbol. */
export const MAX_VOCAB = 96;
/** Length of the line the gradient-through-time view probes. */
export const PROBE_LENGTH = 40;
/** A loss per character this many times the uniform guess (ln V) means the weights have blown up. */
const DIVERGENCE_FACTOR = 20;
/** Weights beyond this magnitude mean an update blew the model up (NaN compares false, so it counts too). */
const MAX_WEIGHT = 1000;
/** Steps between held-out measurements (each reads the whole held-out text, so not every step). */
export const VALIDATION_EVERY = 50;

/** Texts shorter than this are trained on whole, with no held-out part (10 % of them would say little). */
const MIN_HELD_OUT_TEXT = 1000;

export interface CharCorpus {
  text: string;
  vocab: string[];
  train: Int32Array;
  /** Held-out ids (empty for 'hello' and short pasted texts). */
  validation: Int32Array;
  /** 'pasted' was asked for but no usable text came with the load: the bundled stories are used instead. */
  fallback: boolean;
}

/**
 * The training text by name: 'hello', 'bundled', or 'pasted' (the `text` the page sent, checked again here; without
 * a usable one — e.g. a share link opened in a new tab, since links never carry pasted text — the bundled stories).
 * The vocabulary is built from the text itself.
 */
export function loadCorpus(name: string, pasted?: string): CharCorpus {
  const own = name === 'pasted' ? preparePastedText(pasted, MAX_VOCAB) : null;
  const fallback = own !== null && own.error !== null;
  const text = name === 'hello' ? HELLO_WORLD : own && !fallback ? own.text : BUNDLED_CORPUS;
  const vocab = charVocab(text, MAX_VOCAB);
  const ids = encodeChars(vocab, text);
  const whole = { text, vocab: [...vocab.itos], train: ids, validation: new Int32Array(0), fallback };
  if (name === 'hello' || ids.length < MIN_HELD_OUT_TEXT) return whole;
  const cut = Math.floor(ids.length * 0.9);
  return { ...whole, train: ids.slice(0, cut), validation: ids.slice(cut) };
}

/** Mean held-out loss (nats per character) over `streams` equal segments read in parallel from h₀ = 0. */
export function validationLoss(cell: CharCell, ids: Int32Array, V: number, streams = 8): number {
  const T = Math.floor(ids.length / streams) - 1;
  if (T < 1) return NaN;
  const schedule = new ChunkSchedule(ids.length, { streams, chunk: T });
  const { inputs, targets } = chunkIds(ids, schedule.next());
  return noGrad(() => {
    const out = runCell(cell, oneHotSequence(inputs, [schedule.streams, schedule.chunk], V)); // [B, T, V]
    return crossEntropy(out.outputs, targets).item();
  });
}

/** Whether greedy generation from the first character reproduces the rest of the text exactly. */
export function reproduces(cell: CharCell, ids: Int32Array, V: number): boolean {
  const gen = generate(cell, V, ids.subarray(0, 1), ids.length - 1, { greedy: true }, new Rng(0));
  return gen.ids.every((id, i) => id === ids[i + 1]);
}

class CharModelTrainer implements Trainer<CharModelViews> {
  private readonly corpus: CharCorpus;
  private readonly V: number;
  private readonly cell: CharCell;
  private readonly opt: Optimizer;
  private readonly schedule: ChunkSchedule;
  private readonly unigram: number;
  private readonly probe: Int32Array;
  private state: RecurrentState | null = null;
  private clip: boolean;
  private clipNorm: number;
  private steps = 0;
  private lastLoss: number;
  private emaBits = NaN;
  private lastGradNorm = 0;
  private valLoss = NaN;
  private valAt = -1;
  private failure: string | null = null;
  private gradView: { step: number; view: GradThroughTimeView } | null = null;

  constructor(
    private readonly params: ParamValues,
    seed: number,
    data?: ExperimentData,
  ) {
    this.corpus = loadCorpus(String(params.corpus), data?.text);
    this.V = this.corpus.vocab.length;
    this.cell = createCell(
      {
        cell: params.cell as CellKind,
        vocabSize: this.V,
        hidden: Number(params.hidden),
        radius: Number(params.radius),
      },
      seed,
    );
    const lr = Number(params.lr);
    const weights = this.cell.parameters();
    this.opt = params.optim === 'sgd' ? new SGD(weights, { lr }) : new Adam(weights, { lr });
    this.clip = params.clip === true;
    this.clipNorm = Number(params.clipNorm);
    this.applyClip();
    this.schedule = new ChunkSchedule(this.corpus.train.length, {
      streams: Number(params.batch),
      chunk: Number(params.chunk),
    });
    this.unigram = unigramBits(this.corpus.train, this.V);
    this.lastLoss = this.firstChunkLoss();
    this.probe = Int32Array.from(
      { length: PROBE_LENGTH + 1 },
      (_, t) => this.corpus.train[t % this.corpus.train.length],
    );
  }

  /** The loss before any training, on the chunk the first step will read (read-outs start from a real number). */
  private firstChunkLoss(): number {
    const peek = new ChunkSchedule(this.corpus.train.length, {
      streams: this.schedule.streams,
      chunk: this.schedule.chunk,
    });
    const chunk = peek.next();
    const { inputs, targets } = chunkIds(this.corpus.train, chunk);
    return noGrad(() => {
      const out = runCell(this.cell, oneHotSequence(inputs, [chunk.starts.length, chunk.length], this.V));
      return crossEntropy(out.outputs, targets).item();
    });
  }

  private applyClip(): void {
    this.opt.clipNorm = this.clip ? this.clipNorm : Infinity;
  }

  step(n: number): void {
    for (let i = 0; i < n && this.failure === null; i++) this.trainChunk();
  }

  private trainChunk(): void {
    const chunk = this.schedule.next();
    if (chunk.fresh) this.state = null;
    const B = chunk.starts.length;
    const T = chunk.length;
    const { inputs, targets } = chunkIds(this.corpus.train, chunk);
    this.opt.zeroGrad();
    const out = runCell(this.cell, oneHotSequence(inputs, [B, T], this.V), this.state); // outputs [B, T, V]
    const loss = crossEntropy(out.outputs, targets); // mean over B·T characters
    const value = loss.item();
    loss.backward();
    this.lastGradNorm = gradNorm(this.opt.params);
    this.steps++;
    this.lastLoss = value;
    if (!Number.isFinite(value) || !Number.isFinite(this.lastGradNorm)) {
      this.failure = `the loss or the gradient became infinite at step ${this.steps}`;
      return;
    }
    this.opt.step();
    this.state = detachState(out);
    const bits = value / Math.LN2;
    this.emaBits = Number.isNaN(this.emaBits) ? bits : 0.95 * this.emaBits + 0.05 * bits;
    if (value > DIVERGENCE_FACTOR * Math.log(this.V)) {
      this.failure = `the loss per character reached ${value.toFixed(1)} (a uniform guess scores ${Math.log(this.V).toFixed(2)})`;
    } else {
      const largest = this.largestWeight();
      // A char model's weights stay within a few units; one huge update (an exploded gradient) wrecks them for good.
      if (!(largest <= MAX_WEIGHT))
        this.failure = `the weights exploded at step ${this.steps} (largest |w| = ${Number.isFinite(largest) ? largest.toExponential(1) : 'infinite'})`;
    }
    if (this.steps % VALIDATION_EVERY === 0) this.validate();
  }

  private largestWeight(): number {
    let m = 0;
    for (const p of this.opt.params) for (const v of p.data) m = Math.max(m, Math.abs(v));
    return Number.isNaN(m) ? Infinity : m;
  }

  /**
   * The held-out loss of the weights after `steps` steps. Measured at step 0 and after every VALIDATION_EVERY-th step,
   * inside the training loop: a read-out at "step 100" is then the loss at step 100, the same in every run of a seed
   * (it was measured when a frame happened to be sent, so at a step that depended on the wall clock).
   */
  private validate(): void {
    if (this.corpus.validation.length === 0 || this.failure !== null) return;
    this.valLoss = validationLoss(this.cell, this.corpus.validation, this.V);
    this.valAt = this.steps;
  }

  metrics(): Metrics {
    if (this.valAt < 0 && this.steps === 0) this.validate();
    const m: Metrics = {
      step: this.steps,
      epoch: this.schedule.passes,
      loss: this.lastLoss,
      unigramBpc: this.unigram,
      gradNorm: this.lastGradNorm,
      chunk: this.schedule.chunk,
      vocab: this.V,
      textChars: this.corpus.train.length + this.corpus.validation.length,
    };
    if (this.corpus.fallback) m.pastedMissing = 1;
    if (Number.isFinite(this.emaBits)) m.bpc = this.emaBits;
    if (Number.isFinite(this.valLoss)) {
      m.valLoss = this.valLoss;
      m.valBpc = this.valLoss / Math.LN2;
      m.valStep = this.valAt;
    }
    if (this.params.corpus === 'hello' && this.failure === null)
      m.memorised = reproduces(this.cell, this.corpus.train, this.V) ? 1 : 0;
    return m;
  }

  views(wanted: readonly string[]): Partial<CharModelViews> {
    const views: Partial<CharModelViews> = {};
    if (wanted.includes('model')) views.model = this.modelView();
    if (wanted.includes('gradThroughTime') && this.failure === null)
      views.gradThroughTime = this.gradientView();
    return views;
  }

  private modelView(): ModelWeightsView {
    const weights: Record<string, Float32Array> = {};
    for (const [name, p] of this.cell.namedParameters()) weights[name] = p.data;
    return {
      cell: this.cell instanceof LSTMCell ? 'lstm' : 'rnn',
      hidden: this.cell.hiddenSize,
      vocab: this.corpus.vocab,
      weights,
      step: this.steps,
    };
  }

  /** Recomputed only when the weights changed since the last frame. */
  private gradientView(): GradThroughTimeView {
    if (this.gradView?.step === this.steps) return this.gradView.view;
    const { norms, loss } = gradientThroughTime(this.cell, this.probe, this.V);
    this.opt.zeroGrad(); // the probe's gradients must not leak into a training step
    const W = this.cell instanceof LSTMCell ? this.cell.W_h : this.cell.W_hh;
    const sigma = largestSingularValue(W.data, W.shape[0], W.shape[1]);
    const view = { norms, loss, sigma, step: this.steps };
    this.gradView = { step: this.steps, view };
    return view;
  }

  set(name: string, value: ParamValue): void {
    const lr = liveLearningRate(CHAR_MODEL_PARAMS, name, value);
    if (lr !== null) this.opt.lr = lr;
    else if (name === 'clip' && typeof value === 'boolean') this.clip = value;
    else if (name === 'clipNorm' && typeof value === 'number') this.clipNorm = value;
    else if (name === 'chunk' && typeof value === 'number') this.schedule.setChunk(value);
    this.applyClip();
  }

  divergence(): string | null {
    return this.failure;
  }
}

export function createCharModel(params: ParamValues, seed: number, data?: ExperimentData): Trainer {
  return new CharModelTrainer(params, seed, data);
}

export const charModelExperiment: Experiment = {
  id: 'char-model',
  title: 'Char-level language model (RNN / LSTM)',
  params: CHAR_MODEL_PARAMS,
  create: createCharModel,
};
