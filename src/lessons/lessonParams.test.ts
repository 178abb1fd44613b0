import { describe, expect, it } from 'vitest';
import type { LessonStep } from './types';
import { hasExperimentParams, parseLessonParam, queryForStep, withLesson } from './lessonParams';

const step = (preset?: LessonStep['preset']): LessonStep => ({ id: 's', title: 'S', body: '', preset });

describe('parseLessonParam', () => {
  it('reads a 1-based step', () => {
    expect(parseLessonParam('3', 8)).toEqual({ index: 2, notice: null });
    expect(parseLessonParam(' 8 ', 8)).toEqual({ index: 7, notice: null });
  });

  it('uses the fallback when the parameter is missing, clamped to the chapter', () => {
    expect(parseLessonParam(null, 8, 5).index).toBe(5);
    expect(parseLessonParam(null, 3, 9).index).toBe(2);
    expect(parseLessonParam(null, 3, -1).index).toBe(0);
    expect(parseLessonParam(null, 3).notice).toBeNull();
  });

  it('clamps out-of-range values with a notice', () => {
    const high = parseLessonParam('99', 8);
    expect(high.index).toBe(7);
    expect(high.notice).toMatch(/out of range.*showing step 8/);
    const low = parseLessonParam('0', 8);
    expect(low.index).toBe(0);
    expect(low.notice).toMatch(/showing step 1/);
    expect(parseLessonParam('-4', 8).index).toBe(0);
  });

  it('rejects garbage with a notice, quoting it shortened', () => {
    for (const bad of ['', 'abc', '2.5', 'NaN', 'Infinity', '1e3', '<script>', '__proto__']) {
      const r = parseLessonParam(bad, 8);
      expect(r.index).toBe(0);
      expect(r.notice).toMatch(/showing step 1/);
    }
    expect(parseLessonParam('x'.repeat(500), 8).notice!.length).toBeLessThan(120);
  });
});

describe('queryForStep', () => {
  const q = (s: string) => new URLSearchParams(s);

  it("drops the previous step's experiment parameters, keeps page parameters and seed", () => {
    const next = queryForStep(
      q('lesson=2&lr=0.3&act=relu&present=1&seed=7&embed=1'),
      step({ act: 'tanh' }),
      2,
    );
    expect(next.toString()).toBe('present=1&seed=7&embed=1&lesson=3');
  });

  it('drops seed when the new step presets its own', () => {
    expect(queryForStep(q('seed=7&lesson=1'), step({ seed: 3 }), 1).toString()).toBe('lesson=2');
  });

  it('keeps chapter-wide parameters listed by the chapter', () => {
    expect(queryForStep(q('task=reverse&lr=1'), step(), 0, { keep: ['task'] }).toString()).toBe(
      'task=reverse&lesson=1',
    );
  });
});

describe('helpers', () => {
  it('withLesson changes only the lesson', () => {
    expect(withLesson(new URLSearchParams('lr=1&lesson=abc'), 0).toString()).toBe('lr=1&lesson=1');
  });
  it('hasExperimentParams ignores page parameters', () => {
    expect(hasExperimentParams(new URLSearchParams('lesson=2&present=1'))).toBe(false);
    expect(hasExperimentParams(new URLSearchParams('lesson=2&lr=1'))).toBe(true);
  });
});
