// Minimal shims so @jax-js/jax runs on Node 20. Import this module BEFORE importing @jax-js/jax.
//
// 1. jax-js probes `navigator.gpu` (WebGPU) and `navigator.hardwareConcurrency`; Node 20 has no `navigator`.
//    An empty object answers "no WebGPU" and lets jax-js fall back to its default worker count, which is never used
//    because Node has no global `Worker` (so jax-js's Wasm device runs single-threaded, like every other engine here).
// 2. Browsers (and Node >= 22) have the ES2025 iterator helpers (`Iterator.prototype.map`, ...). Node 20 does not.
//    The polyfills below follow the spec's observable behaviour closely enough for library code: they read
//    `this.next` directly (GetIteratorDirect), are lazy, and close the source iterator on early exit.

type AnyIterator = Iterator<unknown> & { return?: (value?: unknown) => IteratorResult<unknown> };
type Mapper = (value: unknown, index: number) => unknown;

if (typeof (globalThis as { navigator?: unknown }).navigator === 'undefined') {
  Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true, writable: true });
}

/** %IteratorPrototype%: the prototype shared by array, map, set and generator iterators. */
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as Record<
  string,
  unknown
>;

function requireCallable(fn: unknown, name: string): asserts fn is Mapper {
  if (typeof fn !== 'function') throw new TypeError(`Iterator.prototype.${name}: argument is not a function`);
}

function close(iterator: AnyIterator): void {
  if (typeof iterator.return === 'function') iterator.return();
}

function* mapImpl(source: AnyIterator, fn: Mapper): Generator<unknown> {
  let index = 0;
  for (;;) {
    const r = source.next();
    if (r.done) return;
    yield fn(r.value, index++);
  }
}

function* filterImpl(source: AnyIterator, fn: Mapper): Generator<unknown> {
  let index = 0;
  for (;;) {
    const r = source.next();
    if (r.done) return;
    if (fn(r.value, index++)) yield r.value;
  }
}

function* flatMapImpl(source: AnyIterator, fn: Mapper): Generator<unknown> {
  let index = 0;
  for (;;) {
    const r = source.next();
    if (r.done) return;
    const inner = fn(r.value, index++) as Iterable<unknown>;
    // Spec (GetIteratorFlattenable, reject-primitives): strings and other primitives are not flattened.
    if (inner === null || (typeof inner !== 'object' && typeof inner !== 'function')) {
      close(source);
      throw new TypeError('Iterator.prototype.flatMap: mapper must return an iterable');
    }
    yield* inner;
  }
}

function* takeImpl(source: AnyIterator, limit: number): Generator<unknown> {
  let remaining = limit;
  while (remaining-- > 0) {
    const r = source.next();
    if (r.done) return;
    yield r.value;
  }
  close(source);
}

function* dropImpl(source: AnyIterator, count: number): Generator<unknown> {
  let remaining = count;
  while (remaining-- > 0) {
    if (source.next().done) return;
  }
  for (;;) {
    const r = source.next();
    if (r.done) return;
    yield r.value;
  }
}

function toCount(value: unknown, name: string): number {
  const n = Number(value);
  if (Number.isNaN(n)) throw new RangeError(`Iterator.prototype.${name}: argument must be a number`);
  const int = Math.trunc(n);
  if (int < 0) throw new RangeError(`Iterator.prototype.${name}: argument must be non-negative`);
  return int;
}

const helpers: Record<string, (this: AnyIterator, ...args: unknown[]) => unknown> = {
  map(fn) {
    requireCallable(fn, 'map');
    return mapImpl(this, fn);
  },
  filter(fn) {
    requireCallable(fn, 'filter');
    return filterImpl(this, fn);
  },
  flatMap(fn) {
    requireCallable(fn, 'flatMap');
    return flatMapImpl(this, fn);
  },
  take(limit) {
    return takeImpl(this, toCount(limit, 'take'));
  },
  drop(count) {
    return dropImpl(this, toCount(count, 'drop'));
  },
  reduce(...args) {
    const fn = args[0];
    if (typeof fn !== 'function')
      throw new TypeError('Iterator.prototype.reduce: argument is not a function');
    let index = 0;
    let acc: unknown;
    if (args.length >= 2) {
      acc = args[1];
    } else {
      const first = this.next();
      if (first.done) throw new TypeError('Iterator.prototype.reduce: empty iterator and no initial value');
      acc = first.value;
      index = 1;
    }
    for (;;) {
      const r = this.next();
      if (r.done) return acc;
      acc = fn(acc, r.value, index++);
    }
  },
  toArray() {
    const out: unknown[] = [];
    for (;;) {
      const r = this.next();
      if (r.done) return out;
      out.push(r.value);
    }
  },
  forEach(fn) {
    requireCallable(fn, 'forEach');
    let index = 0;
    for (;;) {
      const r = this.next();
      if (r.done) return undefined;
      fn(r.value, index++);
    }
  },
  some(fn) {
    requireCallable(fn, 'some');
    let index = 0;
    for (;;) {
      const r = this.next();
      if (r.done) return false;
      if (fn(r.value, index++)) {
        close(this);
        return true;
      }
    }
  },
  every(fn) {
    requireCallable(fn, 'every');
    let index = 0;
    for (;;) {
      const r = this.next();
      if (r.done) return true;
      if (!fn(r.value, index++)) {
        close(this);
        return false;
      }
    }
  },
  find(fn) {
    requireCallable(fn, 'find');
    let index = 0;
    for (;;) {
      const r = this.next();
      if (r.done) return undefined;
      if (fn(r.value, index++)) {
        close(this);
        return r.value;
      }
    }
  },
};

for (const [name, impl] of Object.entries(helpers)) {
  if (typeof iteratorPrototype[name] !== 'function') {
    Object.defineProperty(iteratorPrototype, name, { value: impl, writable: true, configurable: true });
  }
}

if (typeof (globalThis as { Iterator?: unknown }).Iterator === 'undefined') {
  // The global `Iterator` constructor: abstract, but its prototype is what `instanceof Iterator` checks.
  function Iterator(): never {
    throw new TypeError('Iterator is an abstract class');
  }
  Object.defineProperty(Iterator, 'prototype', { value: iteratorPrototype, writable: false });
  Object.defineProperty(Iterator, 'from', {
    value: (source: Iterable<unknown> | AnyIterator): AnyIterator => {
      const iterable = source as Iterable<unknown>;
      const it =
        typeof iterable[Symbol.iterator] === 'function'
          ? (iterable[Symbol.iterator]() as AnyIterator)
          : (source as AnyIterator);
      if (Object.prototype.isPrototypeOf.call(iteratorPrototype, it)) return it;
      return mapImpl(it, (v) => v) as AnyIterator;
    },
    writable: true,
    configurable: true,
  });
  Object.defineProperty(globalThis, 'Iterator', { value: Iterator, writable: true, configurable: true });
}

/** Self-check run by the bench before it loads jax-js: fails loudly if a polyfill is wrong. */
export function checkShims(): void {
  const it = () => [1, 2, 3, 4][Symbol.iterator]() as unknown as Record<string, (...a: unknown[]) => unknown>;
  const toArr = (x: unknown) => (x as { toArray(): unknown[] }).toArray();
  const expect = (label: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(
        `shim check failed: ${label} gave ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
      );
    }
  };
  expect('map', toArr(it().map((v: unknown) => (v as number) * 2)), [2, 4, 6, 8]);
  expect('filter', toArr(it().filter((v: unknown) => (v as number) % 2 === 0)), [2, 4]);
  expect('take', toArr(it().take(2)), [1, 2]);
  expect('drop', toArr(it().drop(3)), [4]);
  expect('flatMap', toArr(it().flatMap((v: unknown) => [v, v])), [1, 1, 2, 2, 3, 3, 4, 4]);
  expect(
    'reduce',
    it().reduce((a: unknown, b: unknown) => (a as number) + (b as number)),
    10,
  );
  expect(
    'some',
    it().some((v: unknown) => v === 3),
    true,
  );
  expect(
    'every',
    it().every((v: unknown) => (v as number) < 4),
    false,
  );
  expect(
    'find',
    it().find((v: unknown) => (v as number) > 2),
    3,
  );
  expect('Map keys', toArr(new Map([['a', 1]]).keys()), ['a']);
  let rejected = false;
  try {
    toArr(it().flatMap(() => 'ab'));
  } catch {
    rejected = true;
  }
  expect('flatMap rejects strings', rejected, true);
}
