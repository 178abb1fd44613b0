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
  PAD,
  Seq2SeqData,
  makeTask,
  toBatch,
  type Seq2SeqBatch,
  type Seq2SeqExample,
  type Seq2SeqTask,
} from '../../core/data/seq2seq';
import type { Metrics, ParamValue, ParamValues, Trainer } from '../types';
import { asInput, evaluateHeldOut, greedySequenceAccuracy, type EvalResult } from './evaluation';
import { DownsampledHistory } from './history';
import type { NetConfig, Seq2SeqNet } from './net';
import { scheduledLr } from './params';
import {
  attentionView,
  decodeView,
  modelView,
  type AttentionView,
  type DecodeView,
  type TransformerViews,
} from './trainerViews';
import { effectiveModelWidth, inputSourceIds, readSettings, type TransformerSettings } from './settings';

/** Held-out examples used for token accuracy, validation loss and the attention line masses (one forward). */
const EVAL_TOKENS_EXAMPLES = 64;
/** Held-out examples decoded greedily for sequence accuracy. */
const EVAL_GREEDY_EXAMPLES = 32;
/** Re-evaluate token accuracy and attention masses every this many steps; greedy sequence accuracy less often. */
const EVAL_EVERY = 10;
const GREEDY_EVERY = 50;

export type NetFactory = (config: NetConfig, seed: number) => Seq2SeqNet;
export type { EvalResult };

/** The settings a running trainer takes from `set` (the table's live parameters); the rest rebuild it. */
const LIVE_SETTINGS = ['lr', 'batch', 'warmup', 'example', 'input', 'decoding', 'temp'] as const;
type LiveSetting = (typeof LIVE_SETTINGS)[number];

function isLiveSetting(name: string): name is LiveSetting {
  return (LIVE_SETTINGS as readonly string[]).includes(name);
}

export class TransformerTrainer implements Trainer<TransformerViews> {
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
  private decodeCache: { key: string; views: DecodeView } | null = null;
  private attentionCache: { key: string; views: AttentionView } | null = null;

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
    this.lossHistory.pushNamed({ step: this.stepCount, loss: value });
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
    // Structural parameters are handled by the runtime (it rebuilds the trainer); ignore them here.
    if (!isLiveSetting(name)) return;
    const s = this.settings as { -readonly [K in keyof TransformerSettings]: TransformerSettings[K] };
    const next = readSettings({ ...this.currentValues(), [name]: value });
    const take = <K extends LiveSetting>(key: K) => {
      s[key] = next[key];
    };
    take(name);
  }

  private currentValues(): ParamValues {
    return { ...this.settings } as unknown as ParamValues;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Evaluation (evaluation.ts)

  /** Held-out evaluation, run inside step() every EVAL_EVERY / GREEDY_EVERY steps (metrics() must stay cheap: the
   * worker calls it around every step call). */
  private refreshEvaluation(force: boolean): void {
    const tokensDue = force || this.stepCount % EVAL_EVERY === 0;
    const greedyDue = force || this.stepCount % GREEDY_EVERY === 0;
    if (tokensDue) this.evaluation = evaluateHeldOut(this.net, this.evalBatch, this.stepCount);
    if (greedyDue) {
      this.greedy = {
        step: this.stepCount,
        seqAccuracy: greedySequenceAccuracy(this.net, this.greedyExamples),
      };
    }
    if (tokensDue || greedyDue) {
      this.evalHistory.pushNamed({
        step: this.stepCount,
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

  views(wanted: readonly string[]): Partial<TransformerViews> {
    const out: Partial<TransformerViews> = {};
    for (const name of wanted) {
      if (name === 'history')
        out.history = { loss: this.lossHistory.series(), eval: this.evalHistory.series() };
      else if (name === 'attention') {
        const attention = this.attentionView();
        if (attention) out.attention = attention;
      } else if (name === 'decode') out.decode = this.decodeView();
      else if (name === 'model') out.model = modelView(this.net, this.task);
    }
    return out;
  }

  /** One held-out example's attention maps (trainerViews.ts), cached until the weights or the example change. */
  private attentionView(): AttentionView | undefined {
    const held = this.data.heldOut;
    const index = Math.min(this.settings.example, Math.max(0, held.length - 1));
    const example = held[index];
    if (!example) return undefined;
    // Frames come at up to 60/s; the maps only change when the weights do.
    const key = `${this.stepCount}|${index}`;
    if (this.attentionCache?.key !== key) {
      this.attentionCache = { key, views: attentionView(this.net, this.task, example, index) };
    }
    return this.attentionCache.views;
  }

  /** Step-by-step decoding of the typed input (trainerViews.ts); cached until the weights or the input change. */
  private decodeView(): DecodeView {
    const s = this.settings;
    const input = inputSourceIds(this.task, s.input);
    const key = [this.stepCount, input.ids.join(','), s.decoding, s.temp].join('|');
    if (this.decodeCache?.key !== key) {
      const run = { seed: this.seed, step: this.stepCount };
      this.decodeCache = { key, views: decodeView(this.net, this.task, s, input, run) };
    }
    return this.decodeCache.views;
  }
}
