import { useEffect, useRef, useState } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { SeriesBuffer } from '../../components/charts/SeriesBuffer';
import { Rng } from '../../core';
import { liveLoss } from './samples';

/**
 * A LineChart fed like a training run: `updatesPerSecond` frames per second, each appending `pointsPerUpdate`
 * points to each of two series. `capacity` bounds memory (SeriesBuffer). Deterministic: seeded noise, and the
 * initial `prefill` points are the same every time, so a paused demo is a stable screenshot.
 */
export interface LiveLineDemoProps {
  paused: boolean;
  capacity?: number;
  prefill?: number;
  pointsPerUpdate?: number;
  updatesPerSecond?: number;
  yScale?: 'linear' | 'log';
  title?: string;
}

export function LiveLineDemo({
  paused,
  capacity = 4096,
  prefill = 400,
  pointsPerUpdate = 1,
  updatesPerSecond = 60,
  yScale = 'log',
  title = 'Live loss (60 updates/s)',
}: LiveLineDemoProps) {
  const state = useRef<{ train: SeriesBuffer; val: SeriesBuffer; step: number; rand: () => number } | null>(
    null,
  );
  if (state.current === null) {
    const rng = new Rng(11);
    const rand = () => rng.next();
    const train = new SeriesBuffer(capacity);
    const val = new SeriesBuffer(capacity);
    let step = 0;
    for (; step < prefill; step++) {
      train.push(step, liveLoss(step * 10, rand));
      if (step % 10 === 0) val.push(step, liveLoss(step * 10, rand, 0.08));
    }
    state.current = { train, val, step, rand };
  }
  const [version, setVersion] = useState(0);
  const [updates, setUpdates] = useState(0);

  useEffect(() => {
    if (paused) return;
    const s = state.current!;
    const rate = Math.max(1, updatesPerSecond);
    // Timers fire late when the page is busy drawing, so updates are scheduled by elapsed time: each tick applies
    // every update that is due. The data arrives at `rate` per second, as it would from a worker. (Applying them in
    // requestAnimationFrame instead was measured to be worse: the chart then draws a frame behind the data.)
    const start = performance.now();
    let applied = 0;
    const timer = setInterval(
      () => {
        const due = Math.floor(((performance.now() - start) * rate) / 1000);
        if (due <= applied) return;
        const fresh = due - applied;
        for (; applied < due; applied++) {
          for (let k = 0; k < pointsPerUpdate; k++) {
            s.train.push(s.step, liveLoss(s.step * 10, s.rand));
            if (s.step % 10 === 0) s.val.push(s.step, liveLoss(s.step * 10, s.rand, 0.08));
            s.step++;
          }
        }
        setVersion((v) => v + 1);
        setUpdates((u) => u + fresh);
      },
      1000 / (2 * rate),
    );
    return () => clearInterval(timer);
  }, [paused, pointsPerUpdate, updatesPerSecond]);

  const s = state.current;
  return (
    <div data-testid="live-line" data-updates={updates} data-points={s.train.length}>
      <LineChart
        title={title}
        series={[
          { label: 'train loss', buffer: s.train },
          { label: 'validation loss', buffer: s.val, dashed: true },
        ]}
        version={version}
        yScale={yScale}
        xLabel="step"
        yLabel="loss"
        height={260}
        stepOptions
      />
    </div>
  );
}
