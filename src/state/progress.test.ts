import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  createProgressStore,
  decodeProgress,
  encodeProgress,
  summarizeChapter,
} from './progress';

/** An in-memory Storage; `failWrites` makes setItem throw like a full or blocked localStorage. */
class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.has(key) ? this.map.get(key)! : null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
}

const withRaw = (raw: string) => {
  const s = new MemoryStorage();
  s.map.set(PROGRESS_KEY, raw);
  return s;
};

afterEach(() => vi.restoreAllMocks());

describe('decodeProgress', () => {
  it('loads valid current-version data unchanged', () => {
    const data = {
      version: PROGRESS_VERSION,
      chapters: {
        activations: {
          seen: ['neuron', 'sigmoid'],
          checks: { neuron: { choice: 0, correct: true } },
          last: 1,
        },
      },
    };
    const r = decodeProgress(JSON.stringify(data));
    expect(r.kind).toBe('ok');
    expect(r.data).toEqual(data);
    expect(decodeProgress(encodeProgress(r.data)).data).toEqual(data);
  });

  it('treats missing data as empty', () => {
    expect(decodeProgress(null)).toEqual({
      kind: 'empty',
      data: { version: PROGRESS_VERSION, chapters: {} },
    });
  });

  it('migrates the unversioned v0 shape', () => {
    const r = decodeProgress(
      JSON.stringify({ seen: { backprop: ['chain', 'gd'] }, last: { backprop: 1, rnn: 0 } }),
    );
    expect(r.kind).toBe('migrated');
    expect(r.data.chapters.backprop).toEqual({ seen: ['chain', 'gd'], checks: {}, last: 1 });
    expect(r.data.chapters.rnn).toEqual({ seen: [], checks: {}, last: 0 });
  });

  it('reports corrupt JSON and wrong shapes as corrupt', () => {
    for (const raw of [
      '{not json',
      '[]',
      '42',
      '"text"',
      'null',
      '{"version":"one"}',
      '{"version":0}',
      '{}',
    ]) {
      expect(decodeProgress(raw).kind, raw).toBe('corrupt');
    }
  });

  it('reports a newer version as future', () => {
    expect(decodeProgress(JSON.stringify({ version: PROGRESS_VERSION + 1, chapters: {} })).kind).toBe(
      'future',
    );
  });

  it('keeps valid parts of a partly damaged record and flags it', () => {
    const raw = JSON.stringify({
      version: 1,
      chapters: {
        lstm: {
          seen: ['gates', 7, 'gates', '<b>'],
          checks: { gates: { choice: -1, correct: 'yes' } },
          last: 2.5,
        },
        __proto__: { seen: ['x'] },
        'Bad Id': { seen: [] },
      },
    });
    const r = decodeProgress(raw);
    expect(r.kind).toBe('partial');
    expect(r.data.chapters.lstm).toEqual({ seen: ['gates'], checks: {}, last: 0 });
    expect(Object.keys(r.data.chapters)).toEqual(['lstm']);
    expect(Object.getPrototypeOf(r.data.chapters)).toBe(Object.prototype);
  });
});

describe('summarizeChapter', () => {
  it('counts only steps that still exist', () => {
    const data = decodeProgress(
      JSON.stringify({
        version: 1,
        chapters: {
          rnn: {
            seen: ['a', 'b', 'gone'],
            checks: { a: { choice: 1, correct: true }, b: { choice: 0, correct: false } },
            last: 1,
          },
        },
      }),
    ).data;
    expect(summarizeChapter(data, 'rnn', ['a', 'b', 'c'])).toEqual({
      seen: 2,
      total: 3,
      answered: 2,
      correct: 1,
    });
    expect(summarizeChapter(data, 'lstm', ['a'])).toEqual({ seen: 0, total: 1, answered: 0, correct: 0 });
  });
});

describe('progress store', () => {
  it('records steps and answers and persists them', () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(() => storage);
    store.getState().markSeen('activations', 'neuron', 0);
    store.getState().markSeen('activations', 'sigmoid', 1);
    store.getState().answerCheck('activations', 'neuron', 2, false);
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(saved).toEqual({
      version: 1,
      chapters: {
        activations: {
          seen: ['neuron', 'sigmoid'],
          checks: { neuron: { choice: 2, correct: false } },
          last: 1,
        },
      },
    });
    // a second store (a reload) sees the same data
    expect(createProgressStore(() => storage).getState().data).toEqual(saved);
    expect(store.getState().saveFailed).toBe(false);
  });

  it('a migration writes the new shape and keeps the old text as a backup', () => {
    const old = JSON.stringify({ seen: { rnn: ['cell'] }, last: { rnn: 0 } });
    const storage = withRaw(old);
    const store = createProgressStore(() => storage);
    expect(store.getState().notice).toBeNull();
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).version).toBe(1);
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBe(old);
  });

  it('sets corrupt JSON aside with a notice, never wiping it silently', () => {
    const storage = withRaw('{"version":1,"chap');
    const store = createProgressStore(() => storage);
    expect(store.getState().notice).toMatch(/could not be read.*kept aside/);
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBe('{"version":1,"chap');
    store.getState().markSeen('rnn', 'cell', 0);
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBe('{"version":1,"chap');
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).chapters.rnn.seen).toEqual(['cell']);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('sets data from a future version aside and does not overwrite an older, different backup', () => {
    const future = JSON.stringify({ version: 99, chapters: { x: 'new format' } });
    const storage = withRaw(future);
    storage.map.set(PROGRESS_BACKUP_KEY, 'an older backup');
    const store = createProgressStore(() => storage);
    expect(store.getState().notice).toMatch(/newer version/);
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBe('an older backup');
    const extra = [...storage.map.keys()].filter((k) => k.startsWith(`${PROGRESS_BACKUP_KEY}:`));
    expect(extra.map((k) => storage.getItem(k))).toEqual([future]);
    // loading again does not pile up copies of the same text
    createProgressStore(() => storage);
    expect(
      [...storage.map.keys()].filter((k) => k.startsWith(PROGRESS_BACKUP_KEY)).length,
    ).toBeLessThanOrEqual(3);
  });

  it('when the bad data cannot be copied aside, leaves it untouched and does not save', () => {
    const storage = withRaw('garbage');
    storage.failWrites = true;
    const store = createProgressStore(() => storage);
    expect(store.getState().notice).toMatch(/left untouched/);
    expect(store.getState().saveFailed).toBe(true);
    storage.failWrites = false;
    store.getState().markSeen('rnn', 'cell', 0);
    expect(storage.getItem(PROGRESS_KEY)).toBe('garbage');
    expect(store.getState().data.chapters.rnn.seen).toEqual(['cell']); // still works in memory
  });

  it('a setItem that throws shows "not saved" and keeps working in memory', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const store = createProgressStore(() => storage);
    expect(store.getState().saveFailed).toBe(false);
    store.getState().markSeen('loss', 'mse', 0);
    expect(store.getState().saveFailed).toBe(true);
    expect(store.getState().data.chapters.loss.seen).toEqual(['mse']);
    // storage recovers: the next change is saved, with everything so far
    storage.failWrites = false;
    store.getState().markSeen('loss', 'ce', 1);
    expect(store.getState().saveFailed).toBe(false);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).chapters.loss.seen).toEqual(['mse', 'ce']);
  });

  it('a localStorage getter that throws (blocked site data) means "not saved", not a crash', () => {
    const store = createProgressStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(store.getState().saveFailed).toBe(true);
    store.getState().markSeen('lstm', 'gates', 3);
    store.getState().answerCheck('lstm', 'gates', 1, true);
    expect(store.getState().data.chapters.lstm).toEqual({
      seen: ['gates'],
      checks: { gates: { choice: 1, correct: true } },
      last: 3,
    });
  });

  it('ignores ids that could poison the record', () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(() => storage);
    store.getState().markSeen('__proto__', 'x', 0);
    store.getState().markSeen('rnn', 'constructor!', 0);
    store.getState().answerCheck('rnn', 'cell', -1, true);
    expect(store.getState().data.chapters).toEqual({});
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
  });
});
