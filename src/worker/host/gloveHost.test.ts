import { describe, expect, it } from 'vitest';
import type { GloveResponse } from '../gloveProtocol';
import { GloveHost } from './gloveHost';

function harness() {
  const out: GloveResponse[] = [];
  let clock = 0;
  const host = new GloveHost(
    (m) => out.push(m),
    () => (clock += 200), // every read looks 200 ms later, so progress messages appear
  );
  const last = () => out[out.length - 1];
  return { host, out, last };
}

const file = (text: string | Uint8Array) => new Blob([text as BlobPart]);
const GOOD = ['king 1 0 1', 'queen 1 1 1', 'man 0 0 1', 'woman 0 1 1', 'paris 5 5 0', 'france 5 5 -1'].join(
  '\n',
);

describe('GloVe loader host: loading and bad files', () => {
  it('loads a file and answers neighbours, analogies, look-ups and a projection', async () => {
    const { host, last } = harness();
    await host.handle({ type: 'load', id: 1, file: file(GOOD), name: 'good.txt' });
    expect(last()).toMatchObject({
      type: 'loaded',
      summary: { words: 6, dim: 3, problemCount: 0, truncated: null },
    });
    await host.handle({ type: 'analogy', id: 2, a: 'man', b: 'woman', c: 'King', k: 1 });
    expect(last()).toMatchObject({ type: 'scored', id: 2, items: [{ word: 'queen' }] });
    await host.handle({ type: 'neighbours', id: 3, word: 'paris', k: 1 });
    expect(last()).toMatchObject({ items: [{ word: 'france' }] });
    await host.handle({ type: 'neighbours', id: 4, word: 'nowhere', k: 3 });
    expect(last()).toMatchObject({ items: [], missing: ['nowhere'] });
    await host.handle({ type: 'lookup', id: 5, word: 'man' });
    expect(last()).toMatchObject({ word: 'man', index: 2, vector: [0, 0, 1] });
    await host.handle({ type: 'lookup', id: 6, index: 99 });
    expect(last()).toMatchObject({ word: null, index: null });
    await host.handle({ type: 'projection', id: 7, n: 4 });
    const p = last();
    expect(p.type === 'projection' && p.words).toEqual(['king', 'queen', 'man', 'woman']);
  });

  it('rejects empty, binary and non-UTF-8 files with a message, then loads a good one', async () => {
    const { host, last } = harness();
    await host.handle({ type: 'load', id: 1, file: file(''), name: 'empty.txt' });
    expect(last()).toMatchObject({ type: 'failed', message: '“empty.txt” is empty.' });
    await host.handle({
      type: 'load',
      id: 2,
      file: file(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2])),
      name: 'a.bin',
    });
    expect(last()).toMatchObject({ type: 'failed', message: expect.stringMatching(/binary/) });
    await host.handle({
      type: 'load',
      id: 3,
      file: file(Uint8Array.from([0x61, 0x20, 0x31, 0x0a, 0xff, 0xfe, 0x20, 0x32])),
      name: 'latin1.txt',
    });
    expect(last()).toMatchObject({ type: 'failed', message: expect.stringMatching(/not UTF-8/) });
    await host.handle({ type: 'load', id: 4, file: file(GOOD), name: 'good.txt' });
    expect(last()).toMatchObject({ type: 'loaded', summary: { words: 6 } });
  });

  it('keeps good lines of a file with bad ones, reporting line numbers', async () => {
    const { host, last } = harness();
    const text = 'a 1 2\nb 1\nc NaN 2\na 3 4\nd 5 6\n';
    await host.handle({ type: 'load', id: 1, file: file(text), name: 'bad.txt' });
    const m = last();
    expect(m.type).toBe('loaded');
    if (m.type !== 'loaded') return;
    expect(m.summary.words).toBe(2);
    expect(m.summary.problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });

  it('a file with nothing usable fails but says why, line by line', async () => {
    const { host, last } = harness();
    await host.handle({
      type: 'load',
      id: 1,
      file: file('just some prose\nwithout numbers'),
      name: 'prose.txt',
    });
    const m = last();
    expect(m.type).toBe('failed');
    if (m.type !== 'failed') return;
    expect(m.message).toMatch(/No word vectors/);
    expect(m.summary?.problemCount).toBe(2);
  });
});

describe('GloVe loader host: caps and early questions', () => {
  it('stops at the byte, word and number caps, reporting progress on the way', async () => {
    const { host, out, last } = harness();
    const big = Array.from({ length: 5000 }, (_, i) => `w${i} ${i % 7} ${i % 5}`).join('\n');
    await host.handle({ type: 'load', id: 1, file: file(big), name: 'big.txt', limits: { maxWords: 1000 } });
    expect(last()).toMatchObject({
      type: 'loaded',
      summary: { words: 1000, truncated: 'kept the first 1,000 words' },
    });
    await host.handle({ type: 'load', id: 2, file: file(big), name: 'big.txt', limits: { maxBytes: 2000 } });
    const m = last();
    expect(m.type === 'loaded' && m.summary.truncated).toMatch(/read only the first/);
    expect(m.type === 'loaded' && m.summary.bytesRead).toBe(2000);
    expect(out.some((x) => x.type === 'progress')).toBe(true);
  });

  it('questions before any file get a clear answer', async () => {
    const { host, last } = harness();
    await host.handle({ type: 'neighbours', id: 1, word: 'king', k: 3 });
    expect(last()).toMatchObject({ type: 'failed', message: 'No vectors are loaded yet.' });
  });
});
