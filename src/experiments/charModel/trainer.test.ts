import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import type { ParamValues } from '../types';
import { CHAR_MODEL_PARAMS } from './params';
import { charModelExperiment, loadCorpus, VALIDATION_EVERY } from './trainer';

const values = (over: ParamValues): ParamValues => ({ ...defaultValues(CHAR_MODEL_PARAMS), ...over });

describe('char-model experiment: learning and validation', () => {
  it('memorises “hello world”: greedy generation reproduces it within 60 steps', () => {
    const trainer = charModelExperiment.create(
      values({ corpus: 'hello', batch: 1, chunk: 10, hidden: 16, lr: 0.02 }),
      1,
    );
    expect(trainer.metrics().memorised).toBe(0);
    let at = -1;
    for (let s = 1; s <= 60 && at < 0; s++) {
      trainer.step(1);
      if (trainer.metrics().memorised === 1) at = s;
    }
    expect(at).toBeGreaterThan(0);
    expect(trainer.divergence()).toBeNull();
  });

  it('learns the bundled corpus: held-out bits per character fall well below the unigram baseline', () => {
    const trainer = charModelExperiment.create(values({ hidden: 32, batch: 8 }), 2);
    const start = trainer.metrics();
    expect(start.unigramBpc).toBeGreaterThan(4);
    expect(start.valBpc).toBeGreaterThan(start.unigramBpc!); // a random model is worse than the baseline
    trainer.step(250);
    const m = trainer.metrics();
    expect(m.valBpc).toBeLessThan(m.unigramBpc! - 0.6);
    expect(m.step).toBe(250);
  }, 60_000);

  it('measures the held-out loss at step 0 and every VALIDATION_EVERY steps, however often the read-outs are asked for', () => {
    const settings = values({ hidden: 16, batch: 4, chunk: 16 });
    const quiet = charModelExperiment.create(settings, 3);
    const chatty = charModelExperiment.create(settings, 3);
    const first = quiet.metrics();
    expect(first.valStep).toBe(0);
    const atEnd = (trainer: typeof quiet, frames: number[]) => {
      for (const n of frames) {
        trainer.step(n);
        trainer.metrics();
      }
      return trainer.metrics();
    };
    // Frames after 7, 13, … steps (a busy page) and one after all of them: the same measurement at the same step.
    const q = atEnd(quiet, [2 * VALIDATION_EVERY + 3]);
    const c = atEnd(chatty, [7, 13, VALIDATION_EVERY, 1, 2 * VALIDATION_EVERY + 3 - 71]);
    expect(q.step).toBe(2 * VALIDATION_EVERY + 3);
    expect(c.step).toBe(q.step);
    expect(q.valStep).toBe(2 * VALIDATION_EVERY);
    expect(c.valStep).toBe(q.valStep);
    expect(c.valLoss).toBe(q.valLoss);
    expect(q.valLoss).not.toBe(first.valLoss);
  }, 60_000);
});

describe('char-model experiment: clipping, live settings and the LSTM cell', () => {
  it('without clipping a large spectral radius blows the weights up; with clipping the same run stays finite', () => {
    const exploding = values({ radius: 3, chunk: 60, optim: 'sgd', lr: 0.1, clip: false });
    const bad = charModelExperiment.create(exploding, 1);
    bad.step(20);
    expect(bad.divergence()).toMatch(/exploded/);
    const good = charModelExperiment.create({ ...exploding, clip: true }, 1);
    good.step(60);
    expect(good.divergence()).toBeNull();
    expect(Number.isFinite(good.metrics().loss)).toBe(true);
    expect(good.metrics().step).toBe(60);
  }, 60_000);

  it('changes p while training and reports the chunk length in use', () => {
    const trainer = charModelExperiment.create(values({ hidden: 8, chunk: 25 }), 1);
    trainer.step(2);
    trainer.set('chunk', 5);
    trainer.step(1);
    expect(trainer.metrics().chunk).toBe(5);
  });

  it('hands out the live weights and a gradient-through-time curve', () => {
    const trainer = charModelExperiment.create(values({ hidden: 8 }), 1);
    const views = trainer.views(['model', 'gradThroughTime']);
    const model = views.model as { vocab: string[]; weights: Record<string, Float32Array> };
    expect(model.vocab.length).toBe(loadCorpus('bundled').vocab.length);
    expect(Object.keys(model.weights).sort()).toEqual(['W_hh', 'W_hy', 'W_xh']);
    const grad = views.gradThroughTime as { norms: Float64Array; sigma: number };
    expect(grad.norms.length).toBe(40);
    expect(grad.sigma).toBeGreaterThan(0);
  });

  it('builds an LSTM with the same settings', () => {
    const trainer = charModelExperiment.create(values({ cell: 'lstm', hidden: 8 }), 1);
    trainer.step(3);
    expect(Number.isFinite(trainer.metrics().loss)).toBe(true);
    const model = trainer.views(['model']).model as { cell: string };
    expect(model.cell).toBe('lstm');
  });
});
