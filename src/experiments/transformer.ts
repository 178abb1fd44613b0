/**
 * 'transformer': a small encoder–decoder Transformer (Vaswani et al. 2017, post-LN) trained live on toy
 * sequence-to-sequence tasks (reverse, copy, sort, shift, add). Parameter table: ./transformer/params.ts.
 *
 * Metrics (besides step / loss): accuracy = held-out TEACHER-FORCED token accuracy; valLoss = held-out loss;
 * seqAccuracy = held-out GREEDY sequence accuracy; antiDiagonalMass / diagonalMass / otherLineMass = share of the
 * last decoder layer's cross-attention (mean over heads and 64 held-out examples) on the anti-diagonal, the
 * diagonal and the best other line; lr = the current (warmed-up) learning rate.
 *
 * Views (ask only for what the page shows):
 * - 'history'   { loss: {step, loss}, eval: {step, accuracy, seqAccuracy, valLoss, antiDiagonal} } (bounded)
 * - 'attention' one held-out example (param `example`): tokens and per-layer maps encoderSelf [H,S,S],
 *               decoderSelf [H,T,T], cross [H,T,S] (see trainer.ts)
 * - 'decode'    the typed input (param `input`) decoded token by token: logits / probs [V] and the new token's
 *               cross-attention [L,H,S] per step (see decode.ts)
 *
 * Decoding as request/response through the ordinary runtime, with no new message type: the page writes the typed
 * sequence into the LIVE list parameter `input` (symbol indices: digits as themselves, a–z as 0–25, '+' as 10;
 * while it is the default, each task decodes its own example), and `decoding` / `temp` choose greedy or sampling;
 * the worker answers in the next frame's 'decode' view (cached until the weights or the request change).
 * - 'model'     task, vocabulary and sizes
 */
import type { Experiment } from './types';
import { TRANSFORMER_PARAMS } from './transformer/params';
import { TransformerTrainer } from './transformer/trainer';
import { createCoreNet } from './transformer/coreNet';

export const transformerExperiment: Experiment = {
  id: 'transformer',
  title: 'Transformer (encoder–decoder) on toy sequence tasks',
  params: TRANSFORMER_PARAMS,
  create: (params, seed) => new TransformerTrainer(params, seed, createCoreNet),
};
