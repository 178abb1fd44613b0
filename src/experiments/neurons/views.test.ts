import { describe, expect, it } from 'vitest';
import { dyingExperiment } from '../activations/dying';
import { maxoutExperiment } from '../activations/maxout';
import { classifier2d } from '../classifier2d';
import { fitExperiment } from './fit';
import { isFitCurveView, isFitLossCurveView } from './views';
import { viewsAfter } from '../testing/viewsAfter';

describe('neurons-fit view shape checks', () => {
  const sent = viewsAfter(fitExperiment, ['fit', 'curves'], 5, { units: 8 });

  it('accept the fit and the loss curve the trainer sends', () => {
    expect(isFitCurveView(sent.fit)).toBe(true);
    expect(isFitLossCurveView(sent.curves)).toBe(true);
    expect((sent.fit as { units: number }).units).toBe(8);
  });

  it('reject the same-named views of the activations steps (fit: maxout’s pieces; curves: dying’s dead fraction)', () => {
    const maxout = viewsAfter(maxoutExperiment, ['fit'], 5);
    const dying = viewsAfter(dyingExperiment, ['curves'], 5);
    expect(maxout.fit).toBeDefined();
    expect(isFitCurveView(maxout.fit)).toBe(false);
    expect(dying.curves).toBeDefined();
    expect(isFitLossCurveView(dying.curves)).toBe(false);
  });

  it('send no view the chapter’s other trained steps (classifier2d) send by the same name', () => {
    const classifier = viewsAfter(classifier2d, ['fit', 'curves'], 1);
    expect(classifier.fit).toBeUndefined();
    expect(classifier.curves).toBeUndefined();
  });

  it('reject absent, malformed and partial values', () => {
    for (const check of [isFitCurveView, isFitLossCurveView]) {
      for (const bad of [undefined, null, 3, 'fit', [], {}, new Float64Array(4)])
        expect(check(bad)).toBe(false);
    }
    const fit = sent.fit as Record<string, unknown>;
    expect(isFitCurveView({ ...fit, y: Float32Array.from(fit.y as Float64Array) })).toBe(false);
    expect(isFitCurveView({ ...fit, x: (fit.x as Float32Array).subarray(1) })).toBe(false);
    expect(isFitCurveView({ ...fit, units: '8' })).toBe(false);
    const curves = sent.curves as Record<string, unknown>;
    expect(isFitLossCurveView({ ...curves, loss: new Float64Array(0), x: new Float64Array(1) })).toBe(false);
  });
});
