import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  createProgressStore,
  decodeProgress,
  encodeProgress,
  mergeProgress,
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

describe('progress store: saving, migrating and corrupt data', () => {
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

  it('never writes over data from a future version: saving pauses until the learner discards it', () => {
    const future = JSON.stringify({ version: 99, chapters: { x: 'new format' } });
    const storage = withRaw(future);
    const store = createProgressStore(() => storage);
    expect(store.getState().notice).toMatch(/newer version/);
    expect(store.getState().unreadable).toEqual({ kind: 'future', chars: future.length });
    store.getState().markSeen('rnn', 'cell', 0);
    expect(storage.getItem(PROGRESS_KEY)).toBe(future);
    expect(store.getState().data.chapters.rnn.seen).toEqual(['cell']); // still works in memory
    expect(store.getState().readUnreadable()).toBe(future);
    store.getState().discardUnreadable();
    expect(store.getState().unreadable).toBeNull();
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).chapters.rnn.seen).toEqual(['cell']);
  });
});

describe('progress store: backups and storage that fails', () => {
  it('does not overwrite an older, different backup, nor pile up copies of the same text', () => {
    const storage = withRaw('{"version":1,"chap');
    storage.map.set(PROGRESS_BACKUP_KEY, 'an older backup');
    createProgressStore(() => storage);
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBe('an older backup');
    const extra = [...storage.map.keys()].filter((k) => k.startsWith(`${PROGRESS_BACKUP_KEY}:`));
    expect(extra.map((k) => storage.getItem(k))).toEqual(['{"version":1,"chap']);
    createProgressStore(() => storage); // loading again
    expect([...storage.map.keys()].filter((k) => k.startsWith(PROGRESS_BACKUP_KEY))).toHaveLength(2);
  });

  it('when the bad data cannot be copied aside, leaves it untouched until discarded, then saves again', () => {
    const garbage = 'x'.repeat(5000);
    const storage = withRaw(garbage);
    storage.failWrites = true; // a second copy does not fit
    const store = createProgressStore(() => storage);
    expect(store.getState().notice).toMatch(/left untouched/);
    expect(store.getState().unreadable).toEqual({ kind: 'corrupt', chars: 5000 });
    storage.failWrites = false;
    store.getState().markSeen('rnn', 'cell', 0);
    expect(storage.getItem(PROGRESS_KEY)).toBe(garbage);
    expect(store.getState().data.chapters.rnn.seen).toEqual(['cell']); // still works in memory
    expect(store.getState().readUnreadable()).toBe(garbage);
    // Saving is not off for good: discarding the unreadable text saves what this tab has, and later changes too.
    store.getState().discardUnreadable();
    expect(store.getState().unreadable).toBeNull();
    expect(store.getState().notice).toMatch(/discarded/);
    store.getState().markSeen('rnn', 'gates', 1);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).chapters.rnn.seen).toEqual(['cell', 'gates']);
    expect(store.getState().saveFailed).toBe(false);
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

describe('two tabs sharing one progress key', () => {
  const v1 = (chapters: Record<string, unknown>) => JSON.stringify({ version: 1, chapters });

  it('a save merges what another tab wrote meanwhile instead of overwriting it', () => {
    const storage = new MemoryStorage();
    const tabA = createProgressStore(() => storage);
    const tabB = createProgressStore(() => storage);
    tabA.getState().markSeen('neurons', 'one', 0);
    tabB.getState().markSeen('rnn', 'cell', 2); // B never heard of A's write (no storage event here)
    tabB.getState().answerCheck('rnn', 'cell', 1, true);
    tabA.getState().markSeen('neurons', 'two', 1);
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(saved.chapters.neurons.seen).toEqual(['one', 'two']);
    expect(saved.chapters.rnn).toEqual({
      seen: ['cell'],
      checks: { cell: { choice: 1, correct: true } },
      last: 2,
    });
    expect(tabA.getState().data).toEqual(saved);
  });

  it('a storage event merges the other tab’s steps in; its later saves keep them', () => {
    const storage = new MemoryStorage();
    const tab = createProgressStore(() => storage);
    tab.getState().markSeen('neurons', 'one', 0);
    const other = v1({ neurons: { seen: ['one', 'three'], checks: {}, last: 2 } });
    storage.map.set(PROGRESS_KEY, other);
    tab.getState().receiveExternal(other);
    expect(tab.getState().data.chapters.neurons).toEqual({ seen: ['one', 'three'], checks: {}, last: 2 });
    tab.getState().markSeen('neurons', 'two', 1);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).chapters.neurons.seen).toEqual(['one', 'three', 'two']);
  });

  it('never writes over a newer version written by another tab (event or not), and says so', () => {
    const storage = new MemoryStorage();
    const tabA = createProgressStore(() => storage);
    const tabC = createProgressStore(() => storage);
    tabA.getState().markSeen('neurons', 'one', 0);
    const newer = JSON.stringify({ version: 2, chapters: { neurons: { visits: [1] } } });
    storage.map.set(PROGRESS_KEY, newer);
    tabA.getState().receiveExternal(newer);
    expect(tabA.getState().unreadable?.kind).toBe('future');
    tabA.getState().markSeen('neurons', 'two', 1);
    // tab C missed the event: it finds the newer text just before writing, and stops too.
    tabC.getState().markSeen('rnn', 'cell', 0);
    expect(storage.getItem(PROGRESS_KEY)).toBe(newer);
    expect(tabC.getState().unreadable?.kind).toBe('future');
    expect(tabC.getState().notice).toMatch(/newer version/);
  });

  it('unreadable text written by another tab is set aside before this tab saves', () => {
    const storage = new MemoryStorage();
    const tab = createProgressStore(() => storage);
    tab.getState().markSeen('neurons', 'one', 0);
    storage.map.set(PROGRESS_KEY, '{"broken');
    tab.getState().markSeen('neurons', 'two', 1);
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBe('{"broken');
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).chapters.neurons.seen).toEqual(['one', 'two']);
    expect(tab.getState().notice).toMatch(/could not be read/);
  });
});

describe('mergeProgress', () => {
  it('unions steps and answers; the newer record wins conflicts and sets the position', () => {
    const older = {
      version: 1 as const,
      chapters: { a: { seen: ['x', 'y'], checks: { x: { choice: 0, correct: false } }, last: 1 } },
    };
    const newer = {
      version: 1 as const,
      chapters: {
        a: { seen: ['z', 'x'], checks: { x: { choice: 2, correct: true } }, last: 0 },
        b: { seen: ['q'], checks: {}, last: 0 },
      },
    };
    expect(mergeProgress(older, newer)).toEqual({
      version: 1,
      chapters: {
        a: { seen: ['x', 'y', 'z'], checks: { x: { choice: 2, correct: true } }, last: 0 },
        b: { seen: ['q'], checks: {}, last: 0 },
      },
    });
  });
});
