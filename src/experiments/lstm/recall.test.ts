import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import { RECALL_CHANCE } from './recallTask';
import { SOLVED_ACCURACY, createRecall, recallParams } from './recall';

const withDefaults = (over: Record<string, number | string>) => ({ ...defaultValues(recallParams), ...over });

/** Step bound for the LSTM to solve the default recall task (it needs 30–150 with seeds 1–3). */
const STEP_BOUND = 400;

describe('lstm-recall experiment', () => {
  it('side by side at the default gap: the LSTM solves the task, the RNN stays near chance', () => {
    const t = createRecall(withDefaults({}), 1);
    while (t.metrics().step < STEP_BOUND && !((t.metrics().lstmSolvedAt ?? -1) >= 0)) t.step(10);
    const m = t.metrics();
    expect(m.lstmSolvedAt).toBeGreaterThan(0);
    expect(m.lstmAccuracy).toBeGreaterThanOrEqual(SOLVED_ACCURACY);
    expect(m.rnnSolvedAt).toBe(-1);
    expect(Math.abs((m.rnnAccuracy ?? 0) - RECALL_CHANCE)).toBeLessThan(0.12);
    expect(t.divergence()).toBeNull();
  }, 240_000);

  it('at a short gap (k = 5) the RNN learns the task too', () => {
    const t = createRecall(withDefaults({ models: 'rnn', gap: 5 }), 1);
    while (t.metrics().step < STEP_BOUND && !((t.metrics().rnnSolvedAt ?? -1) >= 0)) t.step(10);
    expect(t.metrics().rnnSolvedAt).toBeGreaterThan(0);
  }, 120_000);
});
