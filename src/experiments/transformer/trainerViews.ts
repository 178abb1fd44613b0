/**
 * The views the transformer chapter's figures draw, built from a trained net: the model's shape, one held-out
 * example's attention maps, and the step-by-step decoding of a typed input.
 */
import { toBatch, tokenLabels, type Seq2SeqExample, type Seq2SeqTask } from '../../core/data/seq2seq';
import type { HistorySeries } from './history';
import { argmax } from '../../core/sampling';
import { decodeSequence } from './decode';
import { asInput } from './evaluation';
import type { NetConfig, Seq2SeqNet } from './net';
import type { TransformerSettings } from './settings';

/**
 * The views this experiment sends, declared once: the trainer builds them, the chapter's figures import the types.
 * Type literals (not interfaces), so each is a ViewValue.
 */
export type TransformerViews = {
  model: ModelView;
  history: HistoryView;
  attention: AttentionView;
  decode: DecodeView;
};

/** The model's shape (its architecture fields are the net's own NetConfig), the task and the parameter count. */
export type ModelView = Pick<
  NetConfig,
  'dModel' | 'heads' | 'encoderLayers' | 'decoderLayers' | 'dFF' | 'tied'
> & {
  task: string;
  taskLabel: string;
  description: string;
  vocab: string[];
  parameters: number;
  srcLen: number;
  exampleText: string;
};

/** Loss per step, and the held-out evaluation every few steps. */
export type HistoryView = {
  loss: HistorySeries<'loss'>;
  eval: HistorySeries<'accuracy' | 'seqAccuracy' | 'valLoss' | 'antiDiagonal'>;
};

/** Attention maps of one held-out example: per layer, [heads, rows, cols] flattened (see attentionView). */
export type AttentionView = {
  example: number;
  heads: number;
  srcTokens: string[];
  decoderTokens: string[];
  targetTokens: string[];
  predictedTokens: string[];
  encoderSelf: Float32Array[];
  decoderSelf: Float32Array[];
  cross: Float32Array[];
};

/** One decoding of the typed input: per generated token its logits, probabilities and cross-attention. */
export type DecodeView = {
  vocab: string[];
  srcTokens: string[];
  expectedTokens: string[];
  tokens: string[];
  logits: Float32Array[];
  probs: Float32Array[];
  cross: Float32Array[];
  layers: number;
  heads: number;
  mode: 'greedy' | 'sample';
  temperature: number;
  notes: string[];
  step: number;
};

export function modelView(net: Seq2SeqNet, task: Seq2SeqTask): ModelView {
  const c = net.config;
  return {
    task: task.id,
    taskLabel: task.label,
    description: task.description,
    vocab: [...task.vocab.itos],
    dModel: c.dModel,
    heads: c.heads,
    encoderLayers: c.encoderLayers,
    decoderLayers: c.decoderLayers,
    dFF: c.dFF,
    tied: c.tied,
    parameters: net.parameterCount(),
    srcLen: task.maxLen,
    exampleText: task.exampleText,
  };
}

/**
 * Attention maps for held-out example number `index` (teacher-forced), every layer and head:
 * encoderSelf[l] [H, S, S], decoderSelf[l] [H, T, T], cross[l] [H, T, S]; rows of decoder maps are the positions
 * that predict `targetTokens[i]` from `decoderTokens[0..i]`.
 */
export function attentionView(
  net: Seq2SeqNet,
  task: Seq2SeqTask,
  example: Seq2SeqExample,
  index: number,
): AttentionView {
  const b = toBatch([example]);
  const { logits, attention } = net.evaluate(asInput(b), true);
  const V = net.config.vocabSize;
  const predicted: number[] = [];
  for (let t = 0; t < b.tgtLen; t++) predicted.push(argmax(logits, t * V, V));
  const vocab = task.vocab;
  return {
    example: index,
    heads: net.config.heads,
    srcTokens: tokenLabels(vocab, Array.from(b.src)),
    decoderTokens: tokenLabels(vocab, Array.from(b.decoderInput)),
    targetTokens: tokenLabels(vocab, Array.from(b.target)),
    predictedTokens: tokenLabels(vocab, predicted),
    encoderSelf: attention?.encoderSelf ?? [],
    decoderSelf: attention?.decoderSelf ?? [],
    cross: attention?.cross ?? [],
  };
}

/** Step-by-step decoding of the typed input (`input`), greedy or sampled (seeded by the run's seed and the input). */
export function decodeView(
  net: Seq2SeqNet,
  task: Seq2SeqTask,
  s: Pick<TransformerSettings, 'decoding' | 'temp'>,
  input: { ids: number[]; dropped: number },
  run: { seed: number; step: number },
): DecodeView {
  const vocab = task.vocab;
  const { ids, dropped } = input;
  const steps = decodeSequence(net, ids, {
    mode: s.decoding,
    temperature: s.temp,
    maxSteps: task.maxTargetLen + 1,
    seed: (run.seed ^ hashIds(ids)) >>> 0,
  });
  const expected = ids.length > 0 ? tokenLabels(vocab, task.target(ids)) : [];
  const notes: string[] = [];
  if (dropped > 0)
    notes.push(`${dropped} symbol(s) are not in the ${task.label} vocabulary and were dropped.`);
  if (ids.length > 0 && ids.length !== task.maxLen)
    notes.push(
      `The model was trained on sequences of length ${task.maxLen}; this input has ${ids.length}, so expect mistakes.`,
    );
  return {
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
    layers: net.config.decoderLayers,
    heads: net.config.heads,
    mode: s.decoding,
    temperature: s.temp,
    notes,
    step: run.step,
  };
}

function hashIds(ids: readonly number[]): number {
  let h = 2166136261;
  for (const id of ids) h = Math.imul(h ^ id, 16777619);
  return h >>> 0;
}
