import { describe, expect, it } from 'vitest';
import { newLossHistory, type LossHistory } from '../src/experiments/classifierReadouts';
import { DownsampledHistory as TransformerHistory } from '../src/experiments/transformer/history';
import { PointRecorder } from '../src/experiments/descent/recorder';
import { CurveRecorder } from '../src/experiments/activations/curve';
import { MetricHistory } from '../src/state/frames';
import { SeriesBuffer } from '../src/components/charts/SeriesBuffer';
import { hashBytes, makeOps, runTrace, type HistoryAdapter } from './boundedSeriesTrace';

const num = (v: number | undefined) => v ?? Number.NaN;

/** The six bounded histories (all BoundedSeries now), each driven through the API its figures use. */
const histories = {
  classifier: (): HistoryAdapter => {
    const h = newLossHistory();
    return {
      push: (step, v) => h.push(step, num(v[0])),
      stride: () => h.recordEvery,
      snapshot: () => h.snapshot(),
      restore: (s) => h.restore(s as ReturnType<LossHistory['snapshot']>),
      observe: (t) => {
        const s = h.snapshot();
        t.bytes(h.column('step').slice());
        t.bytes(h.column('loss').slice());
        t.bytes(s.columns.step);
        t.bytes(s.columns.loss);
        t.numbers(h.length, s.stride, s.phase);
      },
    };
  },
  transformer: (capacity?: number): HistoryAdapter => {
    const h = new TransformerHistory(['loss', 'acc'], capacity);
    return {
      push: (step, v) => h.pushNamed({ step, loss: v[0], acc: v[1] }),
      stride: () => h.recordEvery,
      clear: () => h.clear(),
      observe: (t) => {
        const s = h.series();
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
      stride: () => r.recordEvery,
      clear: () => r.clear(),
      snapshot: () => r.snapshot(),
      restore: (s) => r.restore(s as ReturnType<PointRecorder['snapshot']>),
      observe: (t) => {
        const s = r.snapshot();
        t.bytes(r.toInterleaved());
        t.bytes(r.toInterleaved(last));
        t.bytes(s.columns.x);
        t.bytes(s.columns.y);
        t.numbers(r.length, s.stride, s.phase);
      },
    };
  },
  curve: (capacity?: number): HistoryAdapter => {
    const c = new CurveRecorder(2, capacity);
    return {
      push: (step, v) => c.push(step, num(v[0]), num(v[1])),
      stride: () => c.recordEvery,
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
      stride: () => h.recordEvery,
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
      stride: () => b.recordEvery,
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

type Kind = keyof typeof histories;
/**
 * Each history at a small capacity (many compactions, every op observed) and at its default (sampled). `golden` is the
 * hash of the trace the six old classes produced (run side by side with BoundedSeries in commit 565a9d3, where the
 * traces matched byte for byte), so any change to what these histories keep fails here.
 */
type Case = {
  kind: Kind;
  capacity?: number;
  ops: number;
  every: number;
  seed: number;
  events: number;
  golden: string;
};
const CASES: Case[] = [
  { kind: 'classifier', ops: 60_000, every: 37, seed: 11, events: 0.02, golden: '50295b74:19176232' },
  {
    kind: 'transformer',
    capacity: 8,
    ops: 20_000,
    every: 1,
    seed: 12,
    events: 1,
    golden: '42aca899:1845136',
  },
  {
    kind: 'transformer',
    capacity: 9,
    ops: 20_000,
    every: 1,
    seed: 13,
    events: 1,
    golden: '917aab83:2170208',
  },
  { kind: 'transformer', ops: 60_000, every: 37, seed: 14, events: 0.02, golden: '075dc74e:7489816' },
  { kind: 'point', capacity: 8, ops: 20_000, every: 1, seed: 15, events: 1, golden: '40edbc02:4166936' },
  { kind: 'point', capacity: 11, ops: 20_000, every: 1, seed: 16, events: 1, golden: '54b1934a:5609896' },
  { kind: 'point', ops: 60_000, every: 37, seed: 17, events: 0.02, golden: '5467b351:38836704' },
  { kind: 'curve', capacity: 8, ops: 20_000, every: 1, seed: 18, events: 1, golden: '22ead3e5:3439088' },
  { kind: 'curve', capacity: 9, ops: 20_000, every: 1, seed: 19, events: 1, golden: '242efcd0:3502520' },
  { kind: 'curve', ops: 60_000, every: 37, seed: 20, events: 0.02, golden: 'f8b9d351:14186816' },
  { kind: 'metric', capacity: 8, ops: 20_000, every: 1, seed: 21, events: 1, golden: '5667aab1:3910784' },
  { kind: 'metric', capacity: 13, ops: 20_000, every: 1, seed: 22, events: 1, golden: 'c86210d9:5771328' },
  { kind: 'metric', ops: 60_000, every: 37, seed: 23, events: 0.02, golden: 'b0b85724:62190480' },
  { kind: 'buffer', capacity: 20, ops: 20_000, every: 1, seed: 24, events: 1, golden: 'c17fa375:6386080' },
  { kind: 'buffer', capacity: 33, ops: 20_000, every: 1, seed: 25, events: 1, golden: '52fb9972:9120480' },
  { kind: 'buffer', ops: 60_000, every: 37, seed: 26, events: 0.02, golden: '33132c7d:76251536' },
];

describe('each bounded history keeps exactly the points the old classes kept', () => {
  for (const c of CASES) {
    it(`${c.kind} (capacity ${c.capacity ?? 'default'}, seed ${c.seed})`, () => {
      const ops = makeOps(c.seed, c.ops, 3, c.events);
      const { bytes, maxStride } = runTrace(histories[c.kind](c.capacity), ops, c.every);
      expect(maxStride).toBeGreaterThanOrEqual(8); // the run outgrew the capacity several times
      expect(hashBytes(bytes)).toBe(c.golden);
    });
  }
});
