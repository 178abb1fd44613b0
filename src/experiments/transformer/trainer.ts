/**
 * The live encoder–decoder trainer: seeded data, the model, Adam with optional warm-up, held-out evaluation and the
 * views the chapter's figures ask for. Runs in the worker and in Node tests.
 *
 * Accuracies (all on held-out sequences the model never trains on):
 * - `accuracy`: teacher-forced token accuracy — each target token predicted from the CORRECT previous tokens.
 * - `seqAccuracy`: greedy sequence accuracy — the model decodes on its own; a sequence counts only if every token
 *   and the final </s> are right.
 */
import { crossEntropy } from '../../core/losses';
import { Adam } from '../../core/optim';
import { reshape } from '../../core/ops/shape';
import {
  BOS,
  EOS,
  PAD,
  Seq2SeqData,
  makeTask,
  toBatch,
  tokenLabels,
  type Seq2SeqBatch,
  type Seq2SeqExample,
  type Seq2SeqTask,
} from '../../core/data/seq2seq';
import type { Metrics, ParamValue, ParamValues, Trainer, Views } from '../types';
import { antiDiagonalMass, diagonalMass, largestOtherLineMass } from './attentionMetrics';
import { argmax, decodeSequence } from './decode';
import { DownsampledHistory } from './history';
import type { NetConfig, NetInput, Seq2SeqNet } from './net';
import { scheduledLr } from './params';
import { effectiveModelWidth, inputSourceIds, readSettings, type TransformerSettings } from './settings';

/** Held-out examples used for token accuracy, validation loss and the attention line masses (one forward). */
const EVAL_TOKENS_EXAMPLES = 64;
/** Held-out examples decoded greedily for sequence accuracy. */
const EVAL_GREEDY_EXAMPLES = 32;
/** Re-evaluate token accuracy and attention masses every this many steps; greedy sequence accuracy less often. */
const EVAL_EVERY = 10;
const GREEDY_EVERY = 50;

export type NetFactory = (config: NetConfig, seed: number) => Seq2SeqNet;

export interface EvalResult {
  step: number;
  accuracy: number;
  valLoss: number;
  antiDiagonalMass: number;
  diagonalMass: number;
  otherLineMass: number;
}

const asInput = (b: Seq2SeqBatch): NetInput => ({
  batch: b.size,
  srcLen: b.srcLen,
  tgtLen: b.tgtLen,
  src: b.src,
  decoderInput: b.decoderInput,
});

export class TransformerTrainer implements Trainer {
  readonly settings: TransformerSettings;
  readonly task: Seq2SeqTask;
  readonly data: Seq2SeqData;
  readonly net: Seq2SeqNet;
  private readonly optimizer: Adam;
  private readonly seed: number;
  private readonly evalBatch: Seq2SeqBatch;
  private readonly greedyExamples: readonly Seq2SeqExample[];
  private stepCount = 0;
  private examplesSeen = 0;
  private lastLoss = Number.NaN;
  private diverged: string | null = null;
  private evaluation: EvalResult | null = null;
  private greedy: { step: number; seqAccuracy: number } | null = null;
  private readonly lossHistory = new DownsampledHistory(['loss']);
  private readonly evalHistory = new DownsampledHistory([
    'accuracy',
    'seqAccuracy',
    'valLoss',
    'antiDiagonal',
  ]);
  private decodeCache: { key: string; views: Views } | null = null;
  private attentionCache: { key: string; views: Views } | null = null;

  constructor(values: ParamValues, seed: number, factory: NetFactory) {
    this.settings = readSettings(values);
    this.seed = seed >>> 0;
    const s = this.settings;
    this.task = makeTask(s.task, { maxLen: s.len });
    this.data = new Seq2SeqData(this.task, this.seed, { heldOut: 256 });
    const dModel = effectiveModelWidth(s.dmodel, s.heads);
    this.net = factory(
      {
        vocabSize: this.task.vocab.size,
        dModel,
        heads: s.heads,
        encoderLayers: s.enc,
        decoderLayers: s.dec,
        dFF: 2 * dModel,
        tied: s.tied,
        maxLen: Math.max(this.task.maxLen, this.task.maxTargetLen + 1) + 1,
      },
      this.seed ^ 0x5eed,
    );
    this.optimizer = new Adam(this.net.parameters(), { lr: s.lr, beta1: 0.9, beta2: 0.98, eps: 1e-9 });
    const held = this.data.heldOut;
    this.evalBatch = toBatch(held.slice(0, EVAL_TOKENS_EXAMPLES));
    this.greedyExamples = held.slice(0, EVAL_GREEDY_EXAMPLES);
    this.refreshEvaluation(true);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Training

  step(n: number): void {
    const count = Math.max(0, Math.floor(n));
    for (let i = 0; i < count && this.diverged === null; i++) this.trainOne();
  }

  private trainOne(): void {
    const s = this.settings;
    const batch = this.data.nextTrainBatch(s.batch);
    this.optimizer.lr = scheduledLr(s.lr, this.stepCount, s.warmup);
    const logits = this.net.forward(asInput(batch)); // [B, T, V]
    const V = this.net.config.vocabSize;
    const flat = reshape(logits, [batch.size * batch.tgtLen, V]); // [B·T, V]
    const loss = crossEntropy(flat, batch.target, { ignoreIndex: PAD }); // scalar, mean over real tokens
    const value = loss.item();
    if (!Number.isFinite(value)) {
      this.diverged = `loss became ${value} at step ${this.stepCount + 1}`;
      return;
    }
    this.optimizer.zeroGrad();
    loss.backward();
    this.optimizer.step();
    this.stepCount++;
    this.examplesSeen += batch.size;
    this.lastLoss = value;
    this.lossHistory.push(this.stepCount, { loss: value });
    this.refreshEvaluation(false);
    if (this.stepCount % 25 === 0 && !this.weightsFinite()) {
      this.diverged = `a weight became non-finite at step ${this.stepCount}`;
    }
  }

  private weightsFinite(): boolean {
    for (const p of this.net.parameters())
      for (let i = 0; i < p.size; i++) if (!Number.isFinite(p.data[i])) return false;
    return true;
  }

  divergence(): string | null {
    return this.diverged;
  }

  set(name: string, value: ParamValue): void {
    const s = this.settings as { -readonly [K in keyof TransformerSettings]: TransformerSettings[K] };
    const next = readSettings({ ...this.currentValues(), [name]: value });
    switch (name) {
      case 'lr':
        s.lr = next.lr;
        break;
      case 'batch':
        s.batch = next.batch;
        break;
      case 'warmup':
        s.warmup = next.warmup;
        break;
      case 'example':
        s.example = next.example;
        break;
      case 'input':
        s.input = next.input;
        break;
      case 'decoding':
        s.decoding = next.decoding;
        break;
      case 'temp':
        s.temp = next.temp;
        break;
      default:
        // Structural parameters are handled by the runtime (it rebuilds the trainer); ignore here.
        break;
    }
  }

  private currentValues(): ParamValues {
    return { ...this.settings } as unknown as ParamValues;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Evaluation

  /** Teacher-forced token accuracy, validation loss and cross-attention line masses on held-out data. */
  evaluate(): EvalResult {
    const V = this.net.config.vocabSize;
    const b = this.evalBatch;
    const { logits, attention } = this.net.evaluate(asInput(b), true); // [B, T, V] + maps
    let correct = 0;
    let counted = 0;
    let lossSum = 0;
    for (let r = 0; r < b.size * b.tgtLen; r++) {
      if (b.targetMask[r] === 0) continue;
      const off = r * V;
      const target = b.target[r];
      if (argmax(logits, off, off + V) === target) correct++;
      let m = -Infinity;
      for (let j = 0; j < V; j++) m = Math.max(m, logits[off + j]);
      let sum = 0;
      for (let j = 0; j < V; j++) sum += Math.exp(logits[off + j] - m);
      lossSum += m + Math.log(sum) - logits[off + target];
      counted++;
    }
    const masses = this.lineMasses(b, attention?.cross[attention.cross.length - 1]);
    this.evaluation = {
      step: this.stepCount,
      accuracy: counted > 0 ? correct / counted : 0,
      valLoss: counted > 0 ? lossSum / counted : 0,
      ...masses,
    };
    return this.evaluation;
  }

  /**
   * Cross-attention of the LAST decoder layer, averaged over its heads, summarised over held-out examples: the share
   * of mass on the anti-diagonal (reverse), the diagonal (copy) and the best other straight line.
   */
  private lineMasses(
    b: Seq2SeqBatch,
    cross: Float32Array | undefined,
  ): { antiDiagonalMass: number; diagonalMass: number; otherLineMass: number } {
    if (!cross) return { antiDiagonalMass: 0, diagonalMass: 0, otherLineMass: 0 };
    const T = b.tgtLen;
    const S = b.srcLen;
    const H = cross.length / (b.size * T * S);
    const mean = new Float32Array(T * S);
    let anti = 0;
    let diag = 0;
    let other = 0;
    for (let e = 0; e < b.size; e++) {
      mean.fill(0);
      for (let h = 0; h < H; h++) {
        const base = (e * H + h) * T * S;
        for (let i = 0; i < T * S; i++) mean[i] += cross[base + i] / H;
      }
      let n = 0;
      for (let i = 0; i < S; i++) n += b.srcMask[e * S + i];
      anti += antiDiagonalMass(mean, S, n);
      diag += diagonalMass(mean, S, n);
      other += largestOtherLineMass(mean, S, n);
    }
    return { antiDiagonalMass: anti / b.size, diagonalMass: diag / b.size, otherLineMass: other / b.size };
  }

  /** Greedy decoding of held-out sources, batched: the share of sequences reproduced exactly (with </s>). */
  greedySequenceAccuracy(): number {
    const examples = this.greedyExamples;
    if (examples.length === 0) return 0;
    const V = this.net.config.vocabSize;
    const B = examples.length;
    const batch = toBatch(examples);
    const T = batch.tgtLen;
    const generated = new Int32Array(B * T).fill(PAD);
    for (let e = 0; e < B; e++) generated[e * T] = BOS;
    const output = new Int32Array(B * T).fill(PAD);
    for (let t = 0; t < T; t++) {
      // Decoder input so far: [B, t + 1]
      const decoderInput = new Int32Array(B * (t + 1));
      for (let e = 0; e < B; e++) decoderInput.set(generated.subarray(e * T, e * T + t + 1), e * (t + 1));
      const { logits } = this.net.evaluate(
        { batch: B, srcLen: batch.srcLen, tgtLen: t + 1, src: batch.src, decoderInput },
        false,
      );
      for (let e = 0; e < B; e++) {
        const off = (e * (t + 1) + t) * V;
        // Choose among </s> and the symbols (never <pad> or <s>).
        const token = EOS + argmax(logits, off + EOS, off + V);
        output[e * T + t] = token;
        if (t + 1 < T) generated[e * T + t + 1] = token;
      }
    }
    let right = 0;
    for (let e = 0; e < B; e++) {
      let ok = true;
      for (let t = 0; t < T && ok; t++) {
        if (batch.targetMask[e * T + t] === 0) break;
        ok = output[e * T + t] === batch.target[e * T + t];
      }
      if (ok) right++;
    }
    return right / B;
  }

  /** Held-out evaluation, run inside step() every EVAL_EVERY / GREEDY_EVERY steps (metrics() must stay cheap: the
   * worker calls it around every step call). */
  private refreshEvaluation(force: boolean): void {
    const tokensDue = force || this.stepCount % EVAL_EVERY === 0;
    const greedyDue = force || this.stepCount % GREEDY_EVERY === 0;
    if (tokensDue) this.evaluate();
    if (greedyDue) this.greedy = { step: this.stepCount, seqAccuracy: this.greedySequenceAccuracy() };
    if (tokensDue || greedyDue) {
      this.evalHistory.push(this.stepCount, {
        accuracy: this.evaluation?.accuracy,
        seqAccuracy: this.greedy?.seqAccuracy,
        valLoss: this.evaluation?.valLoss,
        antiDiagonal: this.evaluation?.antiDiagonalMass,
      });
    }
  }

  /** Cheap: reads the last evaluation (held-out numbers are at most EVAL_EVERY steps old). */
  metrics(): Metrics {
    const ev = this.evaluation!;
    const m: Metrics = {
      step: this.stepCount,
      epoch: 0,
      loss: Number.isFinite(this.lastLoss) ? this.lastLoss : ev.valLoss,
      accuracy: ev.accuracy,
      valLoss: ev.valLoss,
      seqAccuracy: this.greedy?.seqAccuracy ?? 0,
      antiDiagonalMass: ev.antiDiagonalMass,
      diagonalMass: ev.diagonalMass,
      otherLineMass: ev.otherLineMass,
      lr: this.optimizer.lr,
      examplesSeen: this.examplesSeen,
    };
    return m;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Views

  views(wanted: readonly string[]): Views {
    const out: Views = {};
    for (const name of wanted) {
      if (name === 'history')
        out.history = { loss: this.lossHistory.snapshot(), eval: this.evalHistory.snapshot() };
      else if (name === 'attention') out.attention = this.attentionView();
      else if (name === 'decode') out.decode = this.decodeView();
      else if (name === 'model') out.model = this.modelView();
    }
    return out;
  }

  private modelView(): Views {
    const c = this.net.config;
    return {
      task: this.task.id,
      taskLabel: this.task.label,
      description: this.task.description,
      vocab: [...this.task.vocab.itos],
      dModel: c.dModel,
      heads: c.heads,
      encoderLayers: c.encoderLayers,
      decoderLayers: c.decoderLayers,
      dFF: c.dFF,
      tied: c.tied,
      parameters: this.net.parameterCount(),
      srcLen: this.task.maxLen,
      exampleText: this.task.exampleText,
    };
  }

  /**
   * Attention maps for one held-out example (teacher-forced), every layer and head:
   * encoderSelf[l] [H, S, S], decoderSelf[l] [H, T, T], cross[l] [H, T, S]; rows of decoder maps are the positions
   * that predict `targetTokens[i]` from `decoderTokens[0..i]`.
   */
  private attentionView(): Views {
    const held = this.data.heldOut;
    const index = Math.min(this.settings.example, Math.max(0, held.length - 1));
    const example = held[index];
    if (!example) return {};
    // Frames come at up to 60/s; the maps only change when the weights do.
    const key = `${this.stepCount}|${index}`;
    if (this.attentionCache?.key === key) return this.attentionCache.views;
    const b = toBatch([example]);
    const { logits, attention } = this.net.evaluate(asInput(b), true);
    const V = this.net.config.vocabSize;
    const predicted: number[] = [];
    for (let t = 0; t < b.tgtLen; t++) predicted.push(argmax(logits, t * V, (t + 1) * V));
    const vocab = this.task.vocab;
    const views: Views = {
      example: index,
      heads: this.net.config.heads,
      srcTokens: tokenLabels(vocab, Array.from(b.src)),
      decoderTokens: tokenLabels(vocab, Array.from(b.decoderInput)),
      targetTokens: tokenLabels(vocab, Array.from(b.target)),
      predictedTokens: tokenLabels(vocab, predicted),
      encoderSelf: attention?.encoderSelf ?? [],
      decoderSelf: attention?.decoderSelf ?? [],
      cross: attention?.cross ?? [],
    };
    this.attentionCache = { key, views };
    return views;
  }

  /** Step-by-step decoding of the typed input (`input`), greedy or sampled; cached until the weights change. */
  private decodeView(): Views {
    const s = this.settings;
    const vocab = this.task.vocab;
    const { ids, dropped } = inputSourceIds(this.task, s.input);
    const key = [this.stepCount, ids.join(','), s.decoding, s.temp].join('|');
    if (this.decodeCache?.key === key) return this.decodeCache.views;
    const steps = decodeSequence(this.net, ids, {
      mode: s.decoding,
      temperature: s.temp,
      maxSteps: this.task.maxTargetLen + 1,
      seed: (this.seed ^ hashIds(ids)) >>> 0,
    });
    const expected = ids.length > 0 ? tokenLabels(vocab, this.task.target(ids)) : [];
    const notes: string[] = [];
    if (dropped > 0)
      notes.push(`${dropped} symbol(s) are not in the ${this.task.label} vocabulary and were dropped.`);
    if (ids.length > 0 && ids.length !== this.task.maxLen)
      notes.push(
        `The model was trained on sequences of length ${this.task.maxLen}; this input has ${ids.length}, so expect mistakes.`,
      );
    const views: Views = {
      vocab: [...vocab.itos],
      srcTokens: tokenLabels(vocab, ids),
      expectedTokens: expected,
      tokens: tokenLabels(
        vocab,
        steps.map((st) => st.token),
      ),
      logits: steps.map((st) => st.logits),
      probs: steps.map((st) => st.probs),
      cross: steps.map((st) => st.cross),
      layers: this.net.config.decoderLayers,
      heads: this.net.config.heads,
      mode: s.decoding,
      temperature: s.temp,
      notes,
      step: this.stepCount,
    };
    this.decodeCache = { key, views };
    return views;
  }
}

function hashIds(ids: readonly number[]): number {
  let h = 2166136261;
  for (const id of ids) h = Math.imul(h ^ id, 16777619);
  return h >>> 0;
}
