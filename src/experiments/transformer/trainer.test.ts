import { describe, expect, it } from 'vitest';
import { transformerExperiment } from '../transformer';
import { TransformerTrainer } from './trainer';
import { createCoreNet } from './coreNet';
import { readSettings } from './settings';
import type { Metrics } from '../types';

/** Small enough to train in a few seconds on 2 cores. */
const SMALL = { len: 4, dmodel: 16, heads: 2, lr: 0.01, batch: 32 };

function trainUntil(trainer: TransformerTrainer, target: number, maxSteps: number): Metrics {
  let m = trainer.metrics();
  while (m.step < maxSteps && (m.accuracy ?? 0) < target) {
    trainer.step(10); // held-out accuracy is re-evaluated every 10 steps
    m = trainer.metrics();
  }
  return m;
}

describe('transformer experiment learns', () => {
  it('reverse to ≥ 95% held-out token accuracy within 300 steps; cross-attention becomes an anti-diagonal', () => {
    const trainer = new TransformerTrainer({ task: 'reverse', ...SMALL }, 1, createCoreNet);
    const m = trainUntil(trainer, 0.95, 300);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(m.antiDiagonalMass).toBeGreaterThan(m.diagonalMass ?? 1);
    expect(m.antiDiagonalMass).toBeGreaterThan(0.4);

    // Greedy decoding of a typed input gives the reversed sequence (symbol indices 3,1,4,1 → "1413").
    trainer.set('input', [3, 1, 4, 1]);
    trainer.step(40);
    const decode = trainer.views(['decode']).decode as {
      tokens: string[];
      probs: Float32Array[];
      cross: Float32Array[];
    };
    expect(decode.tokens.join('')).toBe('1413</s>');
    expect(decode.probs[0]).toHaveLength(13);
    expect(decode.probs[0].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(decode.cross[0]).toHaveLength(1 * 2 * 4); // [layers, heads, S]
  });

  it('copy to ≥ 95% within 300 steps; its cross-attention is diagonal', () => {
    const trainer = new TransformerTrainer({ task: 'copy', ...SMALL }, 1, createCoreNet);
    const m = trainUntil(trainer, 0.95, 300);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(m.diagonalMass).toBeGreaterThan(m.antiDiagonalMass ?? 1);
  });
});

describe('transformer experiment is reproducible and robust', () => {
  it('same seed ⇒ same losses; another seed ⇒ different ones', () => {
    const losses = (seed: number) => {
      const t = transformerExperiment.create({ task: 'sort', ...SMALL }, seed);
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        t.step(1);
        out.push(t.metrics().loss);
      }
      return out;
    };
    expect(losses(3)).toEqual(losses(3));
    expect(losses(3)).not.toEqual(losses(4));
  });

  it('every task builds and steps; views have the documented shapes', () => {
    for (const task of ['reverse', 'copy', 'sort', 'shift', 'add']) {
      const t = transformerExperiment.create({ task, len: 4, dmodel: 16, heads: 2, enc: 2, dec: 2 }, 1);
      t.step(2);
      const m = t.metrics();
      expect(Number.isFinite(m.loss)).toBe(true);
      const v = t.views(['attention', 'history', 'model']) as Record<string, Record<string, unknown>>;
      const att = v.attention as {
        srcTokens: string[];
        targetTokens: string[];
        cross: Float32Array[];
        encoderSelf: Float32Array[];
      };
      const S = att.srcTokens.length;
      const T = att.targetTokens.length;
      expect(att.cross).toHaveLength(2);
      expect(att.cross[0]).toHaveLength(2 * T * S);
      expect(att.encoderSelf[0]).toHaveLength(2 * S * S);
      expect(att.targetTokens[T - 1]).toBe('</s>');
    }
  });

  it('bad parameter values fall back to defaults; d_model is rounded to a multiple of the heads', () => {
    const s = readSettings({ task: 'constructor', len: Number.NaN, lr: 1e9, input: [99, -1, 2] as number[] });
    expect(s.task).toBe('reverse');
    expect(s.len).toBe(8);
    expect(s.lr).toBe(0.03);
    expect(s.input).toEqual([2]);
    const t = new TransformerTrainer({ heads: 3, dmodel: 32, len: 4 }, 1, createCoreNet);
    expect(t.net.config.dModel % 3).toBe(0);
  });

  it('the default input decodes each task’s own example (digits mean nothing to shift)', () => {
    const t = transformerExperiment.create({ task: 'shift', len: 4, dmodel: 16 }, 1);
    const d = t.views(['decode']).decode as { srcTokens: string[]; expectedTokens: string[] };
    expect(d.srcTokens.join('')).toBe('tran');
    expect(d.expectedTokens.join('')).toBe('wudq');
  });

  it('decoding an empty or foreign input reports instead of crashing', () => {
    const t = transformerExperiment.create({ task: 'add', len: 4, dmodel: 16 }, 1);
    t.set('input', [20, 21]); // letters: not in the add vocabulary
    const d = t.views(['decode']).decode as { tokens: string[]; notes: string[] };
    expect(d.tokens).toEqual([]);
    expect(d.notes.join(' ')).toMatch(/not in the Add vocabulary/);
  });
});
