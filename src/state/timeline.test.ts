import { describe, expect, it } from 'vitest';
import { MetricHistory } from './frames';
import { FrameStore } from './frameStore';
import { SeekTracker } from './timeline';

const frame = (step: number, running = false) => ({
  step,
  epoch: 0,
  metrics: { step, epoch: 0, loss: 1 / (1 + step) },
  views: {},
  running,
  stepsPerSecond: 0,
});

describe('MetricHistory on a rewound timeline', () => {
  it('drops the points after the step the run went back to, and carries on from there', () => {
    const h = new MetricHistory(16);
    for (let s = 1; s <= 10; s++) h.record({ step: s, epoch: 0, loss: s });
    h.record({ step: 4, epoch: 0, loss: 40 });
    expect(Array.from(h.step.subarray(0, h.length))).toEqual([1, 2, 3, 4]);
    expect(h.loss[3]).toBe(40);
    h.record({ step: 0, epoch: 0, loss: 1 }); // a reset
    expect(h.length).toBe(1);
  });
});

describe('the , key', () => {
  it('steps back one step from the step shown, and twice when pressed again before the frame arrives', () => {
    const frames = new FrameStore();
    const sent: number[] = [];
    const seeks = new SeekTracker(frames, (s) => void sent.push(s));
    seeks.stepBack(); // nothing shown yet: step 0, nothing to do
    expect(sent).toEqual([]);
    frames.publish(frame(50));
    seeks.stepBack();
    seeks.stepBack();
    expect(sent).toEqual([49, 48]);
    frames.publish(frame(48)); // the worker got there
    seeks.stepBack();
    expect(sent.at(-1)).toBe(47);
    frames.publish(frame(47));
    frames.publish(frame(0));
    seeks.stepBack();
    expect(sent).toHaveLength(3); // at step 0 there is nothing behind
  });
});
