import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import {
  BOS,
  EOS,
  PAD,
  Seq2SeqData,
  TASK_IDS,
  decodeIds,
  isTaskId,
  makeTask,
  parseSource,
  toBatch,
  type TaskId,
} from './seq2seq';

const text = (id: TaskId, src: string) => {
  const task = makeTask(id, { maxLen: 8, minLen: 1 });
  const parsed = parseSource(task, src);
  return decodeIds(task.vocab, task.target(parsed.ids));
};

describe('seq2seq tasks: each generator computes the right target', () => {
  it('reverse, copy, sort', () => {
    expect(text('reverse', '31415')).toBe('51413');
    expect(text('copy', '31415')).toBe('31415');
    expect(text('sort', '31415')).toBe('11345');
  });
  it('shift is a Caesar shift by 3 that wraps around', () => {
    expect(text('shift', 'abyz')).toBe('debc');
    expect(text('shift', 'Hello')).toBe('khoor');
  });
  it('add sums two zero-padded 2-digit numbers into 3 digits', () => {
    expect(text('add', '07+35')).toBe('042');
    expect(text('add', '99+99')).toBe('198');
    expect(text('add', '00+00')).toBe('000');
  });
  it('every task: sampled sources have valid ids and lengths, targets match an independent definition', () => {
    const rng = new Rng(11);
    for (const id of TASK_IDS) {
      const task = makeTask(id, { maxLen: 6, minLen: 2 });
      for (let n = 0; n < 200; n++) {
        const src = task.sampleSource(rng);
        expect(src.length).toBeGreaterThanOrEqual(task.minLen);
        expect(src.length).toBeLessThanOrEqual(task.maxLen);
        for (const t of src) {
          expect(t).toBeGreaterThanOrEqual(3);
          expect(t).toBeLessThan(task.vocab.size);
        }
        const s = decodeIds(task.vocab, src);
        const out = decodeIds(task.vocab, task.target(src));
        if (id === 'reverse') expect(out).toBe([...s].reverse().join(''));
        if (id === 'copy') expect(out).toBe(s);
        if (id === 'sort') expect(out).toBe([...s].sort().join(''));
        if (id === 'shift')
          expect(out).toBe(
            [...s].map((c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + 3) % 26))).join(''),
          );
        if (id === 'add') {
          const [a, b] = s.split('+').map(Number);
          expect(Number(out)).toBe(a + b);
          expect(out).toHaveLength(3);
        }
      }
    }
  });
});

describe('Seq2SeqData', () => {
  it('held-out split is disjoint from every training example', () => {
    for (const id of TASK_IDS) {
      // A small space (length 2–3 digits: 1,100 sources) makes collisions likely if the split were leaky.
      const task = makeTask(id, { maxLen: 3, minLen: 2 });
      const data = new Seq2SeqData(task, 5, { heldOut: 200 });
      expect(data.heldOut.length).toBeGreaterThan(0);
      const held = new Set(data.heldOut.map((e) => e.src.join(',')));
      expect(held.size).toBe(data.heldOut.length); // held-out sources are distinct
      for (let n = 0; n < 3000; n++) {
        const ex = data.nextTrainExample();
        expect(held.has(ex.src.join(','))).toBe(false);
      }
    }
  });

  it('caps the held-out set at 20% of a tiny space (so training data remains)', () => {
    const task = makeTask('copy', { maxLen: 2, minLen: 2 }); // 100 sources
    const data = new Seq2SeqData(task, 1, { heldOut: 1000 });
    expect(data.heldOut).toHaveLength(20);
  });

  it('same seed ⇒ same data; different seed ⇒ different data', () => {
    const task = makeTask('reverse');
    const a = new Seq2SeqData(task, 42);
    const b = new Seq2SeqData(task, 42);
    const c = new Seq2SeqData(task, 43);
    expect(a.heldOut).toEqual(b.heldOut);
    expect(a.nextTrainBatch(16)).toEqual(b.nextTrainBatch(16));
    expect(a.heldOut).not.toEqual(c.heldOut);
  });

  it('batches are padded, shifted by one and masked', () => {
    const batch = toBatch([
      { src: [3, 4, 5], tgt: [5, 4, 3] },
      { src: [6], tgt: [6] },
    ]);
    expect(batch.srcLen).toBe(3);
    expect(batch.tgtLen).toBe(4);
    expect(Array.from(batch.src)).toEqual([3, 4, 5, 6, PAD, PAD]);
    expect(Array.from(batch.srcMask)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(Array.from(batch.decoderInput)).toEqual([BOS, 5, 4, 3, BOS, 6, PAD, PAD]);
    expect(Array.from(batch.target)).toEqual([5, 4, 3, EOS, 6, EOS, PAD, PAD]);
    expect(Array.from(batch.targetMask)).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
  });
});

describe('parseSource (typed input never crashes)', () => {
  it('drops and reports unknown characters, ignores spaces, truncates long input', () => {
    const task = makeTask('reverse', { maxLen: 4 });
    const p = parseSource(task, '1 2x3<s>45678');
    expect(decodeIds(task.vocab, p.ids)).toBe('1234');
    expect(p.unknown).toEqual(['x', '<', 's', '>']);
    expect(p.truncated).toBe(true);
    expect(parseSource(task, '').ids).toEqual([]);
  });
  it('out-of-range options are clamped, unknown tasks rejected', () => {
    const task = makeTask('copy', { maxLen: 1e9, minLen: -3 });
    expect(task.maxLen).toBe(12);
    expect(task.minLen).toBe(1);
    expect(makeTask('copy', { maxLen: Number.NaN }).maxLen).toBe(8);
    expect(isTaskId('reverse')).toBe(true);
    expect(isTaskId('constructor')).toBe(false);
  });
});
