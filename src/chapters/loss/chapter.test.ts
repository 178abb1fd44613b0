import { describe, expect, it } from 'vitest';
import { decodeQuery, mergeValues, defaultValues } from '../../experiments/params';
import { logisticParams } from '../../experiments/loss/logistic';
import { saturationParams } from '../../experiments/loss/saturation';
import { softmaxParams } from '../../experiments/loss/softmaxClassifier';
import type { ParamTable } from '../../experiments/types';
import { chapter } from './chapter';
import { CHOOSER_PARAMS, EXAMPLE_PARAMS, MSE_PARAMS, SCENARIOS } from './figures/params';
import { INSTRUCTOR_PRESETS } from './presets';

/** The parameter table behind each figure key (experiment or computed figure). */
const TABLES: Record<string, ParamTable> = {
  examples: EXAMPLE_PARAMS,
  mse: MSE_PARAMS,
  softmax: softmaxParams,
  logistic: logisticParams,
  saturation: saturationParams,
  'softmax-sign': softmaxParams,
  chooser: CHOOSER_PARAMS,
};

describe('loss chapter data', () => {
  it('has the seven lesson steps of the issue, in order', () => {
    expect(chapter.id).toBe('loss');
    expect(chapter.lessons.map((s) => s.figure)).toEqual(Object.keys(TABLES));
    expect(new Set(chapter.lessons.map((s) => s.id)).size).toBe(7);
  });

  it('gives every step prose, try-this prompts, a caption and a valid check question; live steps a pace', () => {
    for (const step of chapter.lessons) {
      expect(step.body.length, step.id).toBeGreaterThan(200);
      expect(step.tryThis?.length, step.id).toBeGreaterThan(0);
      expect(step.caption, step.id).toBeTruthy();
      const check = step.check!;
      expect(check.options.length, step.id).toBeGreaterThanOrEqual(2);
      expect(check.answer, step.id).toBeLessThan(check.options.length);
      const trains = ['softmax', 'logistic', 'saturation', 'softmax-sign'].includes(step.figure!);
      if (trains) {
        expect(step.pace, step.id).toBeGreaterThan(0);
        // what the step teaches unfolds over 5–20 s of Play at its pace
        expect(step.stopAt! / step.pace!, step.id).toBeGreaterThanOrEqual(5);
        expect(step.stopAt! / step.pace!, step.id).toBeLessThanOrEqual(20);
      }
    }
  });

  it('uses only preset values its figure’s table accepts unchanged', () => {
    for (const step of chapter.lessons) {
      const table = TABLES[step.figure!];
      const { ignored } = mergeValues(table, defaultValues(table), step.preset ?? null);
      expect(ignored, step.id).toEqual([]);
    }
  });

  it('has instructor presets that are valid links to their step', () => {
    for (const p of INSTRUCTOR_PRESETS) {
      const lesson = Number(p.query.lesson);
      const step = chapter.lessons[lesson - 1];
      expect(step, p.id).toBeDefined();
      const query = new URLSearchParams(p.query);
      const { ignored } = decodeQuery(TABLES[step.figure!], query, { reserved: ['part'] });
      expect(ignored, p.id).toEqual([]);
    }
  });

  it('states cross-entropy with its minus sign and names the slip in the source notes', () => {
    const ce = chapter.lessons.find((s) => s.id === 'cross-entropy')!.body;
    expect(ce).toContain('L = -\\sum_{j=1}^{M} y_j \\log h_j(x)');
    expect(ce).toMatch(/without its minus sign/);
    expect(chapter.lessons.find((s) => s.id === 'bce')!.body).toContain('-y \\log h(x) - (1 - y) \\log');
  });

  it('has a scenario for each kind of loss in the chooser', () => {
    expect(new Set(SCENARIOS.map((s) => s.answer))).toEqual(new Set(['mse', 'mae', 'ce', 'bce']));
  });
});
