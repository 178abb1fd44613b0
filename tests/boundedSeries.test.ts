import { describe, expect, it } from 'vitest';
import { BoundedSeries } from '../src/experiments/boundedSeries';
import { DownsampledHistory as ClassifierHistory } from '../src/experiments/downsampledHistory';
import { DownsampledHistory as TransformerHistory } from '../src/experiments/transformer/history';
import { PointRecorder } from '../src/experiments/descent/recorder';
import { CurveRecorder } from '../src/experiments/activations/curve';
import { MetricHistory } from '../src/state/frames';
import { SeriesBuffer } from '../src/components/charts/SeriesBuffer';
import { hashBytes, makeOps, runTrace, type HistoryAdapter, type Trace } from './boundedSeriesTrace';

const num = (v: number | undefined) => v ?? Number.NaN;

// The old classes, each driven through its own API.
const old = {
  classifier: (): HistoryAdapter => {
    const h = new ClassifierHistory();
    return {
      push: (step, v) => h.push(step, num(v[0])),
      snapshot: () => h.snapshot(),
      restore: (s) => h.restore(s as ReturnType<ClassifierHistory['snapshot']>),
      observe: (t) => {
        const s = h.snapshot();
        t.bytes(h.step.slice(0, h.length));
        t.bytes(h.loss.slice(0, h.length));
        t.bytes(s.step);
        t.bytes(s.loss);
        t.numbers(h.length, s.stride, s.skipped);
      },
    };
  },
  transformer: (capacity?: number): HistoryAdapter => {
    const h = new TransformerHistory(['loss', 'acc'], capacity);
    return {
      push: (step, v) => h.push(step, { loss: v[0], acc: v[1] }),
      clear: () => h.clear(),
      observe: (t) => {
        const s = h.snapshot();
        t.bytes(s.step);
        t.bytes(s.loss);
        t.bytes(s.acc);
        t.numbers(h.length);
      },
    };
  },
  point: (capacity?: number): HistoryAdapter => {
    const r = new PointRecorder(capacity);
    let last: [number, number] = [0, 0];
    return {
      push: (step, v) => {
        last = [step, num(v[0])];
        r.push(...last);
      },
      clear: () => r.clear(),
      snapshot: () => r.snapshot(),
      restore: (s) => r.restore(s as ReturnType<PointRecorder['snapshot']>),
      observe: (t) => {
        const s = r.snapshot();
        t.bytes(r.toInterleaved());
        t.bytes(r.toInterleaved(last));
        t.bytes(s.xs);
        t.bytes(s.ys);
        t.numbers(r.length, s.stride, s.seen);
      },
    };
  },
  curve: (capacity?: number): HistoryAdapter => {
    const c = new CurveRecorder(2, capacity);
    return {
      push: (step, v) => c.push(step, num(v[0]), num(v[1])),
      observe: (t) => {
        const view = c.view();
        t.bytes(view.x);
        view.ys.forEach((y) => t.bytes(y));
        t.numbers(c.length, c.capacity);
      },
    };
  },
  metric: (capacity?: number): HistoryAdapter => {
    const h = new MetricHistory(capacity);
    return {
      push: (step, v) => h.record({ step, epoch: 0, loss: num(v[0]), valLoss: v[1], accuracy: v[2] }),
      clear: () => h.clear(),
      observe: (t) => {
        for (const a of [h.step, h.loss, h.valLoss, h.accuracy]) t.bytes(a.slice(0, h.length));
        t.numbers(h.length, h.version, h.capacity);
      },
    };
  },
  buffer: (capacity?: number): HistoryAdapter => {
    const b = new SeriesBuffer(capacity);
    return {
      push: (step, v) => b.push(step, num(v[0])),
      clear: () => b.clear(),
      observe: (t) => {
        t.bytes(b.x.slice(0, b.length));
        t.bytes(b.y.slice(0, b.length));
        t.numbers(b.length, b.version, b.generation, b.capacity, b.recordEvery);
        t.numbers(b.xMin, b.xMax, b.yMin, b.yMax, b.yMinPositive);
      },
    };
  },
};

function observeColumns<C extends string>(t: Trace, s: BoundedSeries<C, Float32Array | Float64Array>) {
  for (const n of s.names) t.bytes(s.column(n).slice());
}

// The same histories as BoundedSeries with explicit policies, read back in the old classes' shapes.
const bounded = {
  classifier: (): HistoryAdapter => {
    const h = new BoundedSeries<'step' | 'loss', Float32Array>({
      columns: ['step', 'loss'],
      capacity: 1024,
      keep: 'later',
      sampling: 'sinceKept',
      precision: 'f32',
    });
    return {
      push: (step, v) => h.push(step, num(v[0])),
      stride: () => h.recordEvery,
      snapshot: () => h.snapshot(),
      restore: (s) => h.restore(s as ReturnType<typeof h.snapshot>),
      observe: (t) => {
        const s = h.snapshot();
        observeColumns(t, h);
        t.bytes(s.columns.step);
        t.bytes(s.columns.loss);
        t.numbers(h.length, s.stride, s.skipped);
      },
    };
  },
  transformer: (capacity = 400): HistoryAdapter => {
    const h = new BoundedSeries<'step' | 'loss' | 'acc'>({
      columns: ['step', 'loss', 'acc'],
      capacity: Math.max(4, capacity),
      keep: 'earlier',
      sampling: 'sinceKept',
      nonFinite: { loss: 'nan', acc: 'nan' },
    });
    return {
      push: (step, v) => h.pushNamed({ step, loss: v[0], acc: v[1] }),
      stride: () => h.recordEvery,
      clear: () => h.clear(),
      observe: (t) => {
        t.bytes(h.column('step').slice());
        t.bytes(Float32Array.from(h.column('loss')));
        t.bytes(Float32Array.from(h.column('acc')));
        t.numbers(h.length);
      },
    };
  },
  point: (capacity = 1024): HistoryAdapter => {
    const r = new BoundedSeries<'x' | 'y'>({ columns: ['x', 'y'], capacity, keep: 'earlier', sampling: 'indexMultiple' });
    let last: [number, number] = [0, 0];
    return {
      push: (step, v) => {
        last = [step, num(v[0])];
        r.push(...last);
      },
      stride: () => r.recordEvery,
      clear: () => r.clear(),
      snapshot: () => r.snapshot(),
      restore: (s) => r.restore(s as ReturnType<typeof r.snapshot>),
      observe: (t) => {
        const s = r.snapshot();
        t.bytes(r.toInterleaved());
        t.bytes(r.toInterleaved(last));
        t.bytes(s.columns.x);
        t.bytes(s.columns.y);
        t.numbers(r.length, s.stride, s.seen);
      },
    };
  },
  curve: (capacity = 512): HistoryAdapter => {
    const c = new BoundedSeries<'x' | 'y0' | 'y1'>({
      columns: ['x', 'y0', 'y1'],
      capacity,
      keep: 'later',
      sampling: 'sinceKept',
      nonFinite: { y0: 'skipPoint', y1: 'skipPoint' },
    });
    return {
      push: (step, v) => c.push(step, num(v[0]), num(v[1])),
      stride: () => c.recordEvery,
      observe: (t) => {
        observeColumns(t, c);
        t.numbers(c.length, c.capacity);
      },
    };
  },
  metric: (capacity = 2048): HistoryAdapter => {
    const h = new BoundedSeries<'step' | 'loss' | 'valLoss' | 'accuracy'>({
      columns: ['step', 'loss', 'valLoss', 'accuracy'],
      capacity,
      keep: 'later',
      sampling: 'sinceKept',
      rewind: true,
      nonFinite: { step: 'skipPoint', loss: 'skipPoint', valLoss: 'nan', accuracy: 'nan' },
    });
    return {
      push: (step, v) => h.pushNamed({ step, loss: num(v[0]), valLoss: v[1], accuracy: v[2] }),
      stride: () => h.recordEvery,
      clear: () => h.clear(),
      observe: (t) => {
        observeColumns(t, h);
        t.numbers(h.length, h.version, h.capacity);
      },
    };
  },
  buffer: (capacity = 4096): HistoryAdapter => {
    const b = new BoundedSeries<'x' | 'y'>({
      columns: ['x', 'y'],
      capacity: Math.max(16, Math.floor(capacity / 2) * 2),
      keep: 'later',
      sampling: 'sinceKept',
    });
    return {
      push: (step, v) => b.push(step, num(v[0])),
      stride: () => b.recordEvery,
      clear: () => b.clear(),
      observe: (t) => {
        observeColumns(t, b);
        t.numbers(b.length, b.version, b.generation, b.capacity, b.recordEvery);
        const x = b.extent('x');
        const y = b.extent('y');
        t.numbers(x.min, x.max, y.min, y.max, y.minPositive);
      },
    };
  },
};

type Kind = keyof typeof old;
/** Each history at a small capacity (many compactions, every op observed) and at its default (sampled). */
const CASES: { kind: Kind; capacity?: number; ops: number; every: number; seed: number; events: number }[] = [
  { kind: 'classifier', ops: 60_000, every: 37, seed: 11, events: 0.02 },
  { kind: 'transformer', capacity: 8, ops: 20_000, every: 1, seed: 12, events: 1 },
  { kind: 'transformer', capacity: 9, ops: 20_000, every: 1, seed: 13, events: 1 },
  { kind: 'transformer', ops: 60_000, every: 37, seed: 14, events: 0.02 },
  { kind: 'point', capacity: 8, ops: 20_000, every: 1, seed: 15, events: 1 },
  { kind: 'point', capacity: 11, ops: 20_000, every: 1, seed: 16, events: 1 },
  { kind: 'point', ops: 60_000, every: 37, seed: 17, events: 0.02 },
  { kind: 'curve', capacity: 8, ops: 20_000, every: 1, seed: 18, events: 1 },
  { kind: 'curve', capacity: 9, ops: 20_000, every: 1, seed: 19, events: 1 },
  { kind: 'curve', ops: 60_000, every: 37, seed: 20, events: 0.02 },
  { kind: 'metric', capacity: 8, ops: 20_000, every: 1, seed: 21, events: 1 },
  { kind: 'metric', capacity: 13, ops: 20_000, every: 1, seed: 22, events: 1 },
  { kind: 'metric', ops: 60_000, every: 37, seed: 23, events: 0.02 },
  { kind: 'buffer', capacity: 20, ops: 20_000, every: 1, seed: 24, events: 1 },
  { kind: 'buffer', capacity: 33, ops: 20_000, every: 1, seed: 25, events: 1 },
  { kind: 'buffer', ops: 60_000, every: 37, seed: 26, events: 0.02 },
];

describe('BoundedSeries reproduces each old history bit for bit', () => {
  for (const c of CASES) {
    it(`${c.kind} (capacity ${c.capacity ?? 'default'}, seed ${c.seed})`, () => {
      const ops = makeOps(c.seed, c.ops, 3, c.events);
      const expected = runTrace(old[c.kind](c.capacity), ops, c.every).bytes;
      const { bytes: actual, maxStride } = runTrace(bounded[c.kind](c.capacity), ops, c.every);
      expect(maxStride).toBeGreaterThanOrEqual(8); // the run outgrew the capacity several times
      expect(actual.length).toBe(expected.length);
      expect(hashBytes(actual)).toBe(hashBytes(expected));
      expect(Buffer.compare(Buffer.from(actual), Buffer.from(expected))).toBe(0);
      console.log(`GOLDEN ${c.kind} ${c.capacity ?? 'default'} ${c.seed} ${hashBytes(expected)}`);
    });
  }
});
