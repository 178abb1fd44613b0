import { describe, expect, it } from 'vitest';
import { decodeQuery, defaultValues } from '../../experiments/params';
import { CLIP_NORM, EVAL_EVERY, recallParams } from '../../experiments/lstm/recall';
import { LSTM_HIDDEN } from '../../experiments/lstm/recallModel';
import { CHAR_MODEL_PARAMS } from '../../experiments/charModel/params';
import { chapter } from './chapter';
import { INSTRUCTOR_PRESETS } from './presets';

const step = (figure: string) => chapter.lessons.find((s) => s.figure === figure)!;
const defaults = defaultValues(recallParams);

describe('lstm chapter', () => {
  it('every step has a figure, check question, try-this prompts, caption, pace and presets', () => {
    chapter.lessons.forEach((s, i) => {
      expect(s.figure).toBeTruthy();
      expect(s.check && s.check.answer < s.check.options.length).toBe(true);
      expect(s.tryThis?.length).toBeGreaterThan(0);
      expect(s.caption).toBeTruthy();
      expect(s.pace).toBeGreaterThan(0);
      expect(INSTRUCTOR_PRESETS.some((p) => p.lesson === i + 1)).toBe(true);
    });
  });

  it('presets and preset links use only valid parameter values', () => {
    for (const p of INSTRUCTOR_PRESETS) {
      const table = p.lesson === 6 ? CHAR_MODEL_PARAMS : recallParams;
      const query = new URLSearchParams(p.query);
      const { ignored } = decodeQuery(table, query, { base: defaultValues(table) });
      expect(
        ignored.filter((x) => x.name !== 'lesson'),
        p.id,
      ).toEqual([]);
    }
  });

  it('the settings the prose names are the experiment’s', () => {
    const text = (figure: string) => `${step(figure).body} ${step(figure).caption}`;
    expect(text('cell')).toContain(`(${LSTM_HIDDEN} units)`);
    expect(text('gates')).toContain(`all ${LSTM_HIDDEN} units`);
    expect(text('gates')).toContain(`a gap of ${step('gates').preset!.gap}`);
    expect(text('gates')).toContain(`starts it at ${defaults.fbias}`);
    expect(text('forget')).toContain(`across ${step('forget').preset!.gap} distracting`);
    expect(text('forget')).toContain(`\\rVert_2 = ${defaults.rnnnorm}`);
    expect(text('recall')).toContain(`\\alpha = ${defaults.lr}`);
    expect(text('recall')).toContain(`clipping at norm ${CLIP_NORM}`);
    expect(text('recall')).toContain(`b_f = ${defaults.fbias}`);
    expect(text('recall')).toContain(`every ${EVAL_EVERY} steps`);
  });
});
