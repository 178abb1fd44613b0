import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SEED,
  coerceValue,
  decodeQuery,
  defaultValues,
  describeIgnored,
  displayValue,
  encodeQuery,
  isValidValue,
  learningRateSetter,
  liveLearningRate,
  mergeValues,
  parseSeed,
  parseValue,
} from './params';
import type { NumberParam, ParamTable } from './types';

const TABLE: ParamTable = [
  {
    name: 'lr',
    label: 'Learning rate',
    type: 'number',
    default: 0.03,
    min: 1e-5,
    max: 10,
    scale: 'log',
    live: true,
  },
  { name: 'batch', label: 'Batch size', type: 'int', default: 16, min: 1, max: 256, live: true },
  {
    name: 'act',
    label: 'Activation',
    type: 'enum',
    default: 'tanh',
    options: [
      { value: 'tanh', label: 'tanh' },
      { value: 'relu', label: 'ReLU' },
    ],
    live: false,
  },
  { name: 'bias', label: 'Bias', type: 'bool', default: true, live: false },
  {
    name: 'hidden',
    label: 'Hidden layers',
    type: 'list',
    of: 'int',
    default: [8, 8],
    min: 1,
    max: 64,
    minLength: 0,
    maxLength: 4,
    live: false,
  },
];

// URLSearchParams is not in the core's (DOM-less) type library; it exists at run time in Node.
declare const URLSearchParams: new (init?: string | [string, string][]) => Iterable<[string, string]> & {
  toString(): string;
};
const q = (s: string) => new URLSearchParams(s);
const names = (r: { ignored: { name: string }[] }) => r.ignored.map((i) => i.name);

describe('decodeQuery', () => {
  it('reads every valid value and the seed, reporting nothing', () => {
    const r = decodeQuery(TABLE, q('lr=0.1&batch=32&act=relu&bias=false&hidden=4,2&seed=7'));
    expect({ ...r.values }).toEqual({ lr: 0.1, batch: 32, act: 'relu', bias: false, hidden: [4, 2] });
    expect(r.seed).toBe(7);
    expect(r.ignored).toEqual([]);
  });

  it('keeps valid parts and reports each bad one', () => {
    const r = decodeQuery(
      TABLE,
      q('lr=NaN&batch=1e999&act=<script>alert(1)</script>&hidden=8,x&seed=-3&zzz=1'),
    );
    expect({ ...r.values }).toEqual(defaultValues(TABLE));
    expect(r.seed).toBe(DEFAULT_SEED);
    expect(names(r).sort()).toEqual(['act', 'batch', 'hidden', 'lr', 'seed', 'zzz']);
  });

  it('clamps out-of-range numbers and list entries and rounds ints', () => {
    const r = decodeQuery(TABLE, q('lr=50&batch=-4&hidden=1000,0,3.6,1,1,1'));
    expect(r.values.lr).toBe(10);
    expect(r.values.batch).toBe(1);
    expect(r.values.hidden).toEqual([64, 1, 4, 1]);
    expect(names(r)).toEqual(['lr', 'batch', 'hidden']);
  });

  it('never reports page parameters or extra reserved names', () => {
    const r = decodeQuery(TABLE, q('lesson=3&present=1&embed=1&spotlight=1&exp=x'), { reserved: ['exp'] });
    expect(r.ignored).toEqual([]);
    expect(r.hasSeed).toBe(false);
  });

  it('treats __proto__, constructor and toString as ordinary unknown names and values', () => {
    const r = decodeQuery(
      TABLE,
      q('__proto__=1&constructor=2&toString=3&act=__proto__&act=constructor&hidden=toString'),
    );
    expect(Object.getPrototypeOf(r.values)).toBe(null);
    expect(Object.keys(r.values).sort()).toEqual(['act', 'batch', 'bias', 'hidden', 'lr']);
    expect(r.values.act).toBe('tanh');
    expect(names(r)).toEqual(['__proto__', 'constructor', 'toString', 'act', 'act', 'hidden']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('uses the first of repeated values', () => {
    const r = decodeQuery(TABLE, q('lr=0.2&lr=0.5'));
    expect(r.values.lr).toBe(0.2);
    expect(r.ignored).toHaveLength(1);
  });

  it('ignores very long values without parsing them', () => {
    const r = decodeQuery(TABLE, q(`lr=${'9'.repeat(100_000)}`));
    expect(r.values.lr).toBe(0.03);
    expect(r.ignored[0].reason).toMatch(/too long/);
    expect(r.ignored[0].raw.length).toBeLessThan(30);
  });

  it('starts from a base (defaults ← preset) that the URL overrides', () => {
    const base = mergeValues(TABLE, defaultValues(TABLE), { lr: 0.5, act: 'relu' }).values;
    const r = decodeQuery(TABLE, q('lr=0.1'), { base });
    expect(r.values.lr).toBe(0.1);
    expect(r.values.act).toBe('relu');
  });
});

describe('displayValue', () => {
  const spec = (name: string) => TABLE.find((s) => s.name === name)!;
  it("names an option by its label, as its control shows it, not by the link's value", () => {
    expect(displayValue(spec('act'), 'relu')).toBe('“ReLU”');
  });
  it('writes other values as the link does', () => {
    expect(displayValue(spec('lr'), 0.1)).toBe('0.1');
    expect(displayValue(spec('hidden'), [4, 2])).toBe('4,2');
    expect(displayValue(spec('bias'), false)).toBe('false');
  });
});

describe('encodeQuery', () => {
  it('writes only non-default values, readable, then the seed, keeping page params', () => {
    const values = { ...defaultValues(TABLE), lr: 0.1, hidden: [4, 4] };
    const out = encodeQuery(TABLE, values, 3, { current: q('lesson=2&junk=1&exp=c'), keep: ['exp'] });
    expect(new URLSearchParams(out).toString()).toBe('lesson=2&exp=c&lr=0.1&hidden=4%2C4&seed=3');
  });

  it('writes values that differ from the baseline (preset) and keeps values the link named explicitly', () => {
    const baseline = { ...defaultValues(TABLE), lr: 0.5 };
    const values = { ...baseline, batch: 32 };
    expect(new URLSearchParams(encodeQuery(TABLE, values, 1, { baseline })).toString()).toBe(
      'batch=32&seed=1',
    );
    const current = q('lesson=3&lr=0.5&act=tanh&bogus=1');
    expect(new URLSearchParams(encodeQuery(TABLE, values, 1, { baseline, current })).toString()).toBe(
      'lesson=3&lr=0.5&batch=32&act=tanh&seed=1',
    );
  });

  it('round-trips through decodeQuery', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-5, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 256 }),
        fc.constantFrom('tanh', 'relu'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 4294967295 }),
        (lr, batch, act, bias, hidden, seed) => {
          const values = { lr, batch, act, bias, hidden };
          const back = decodeQuery(TABLE, encodeQuery(TABLE, values, seed));
          expect(back.ignored).toEqual([]);
          expect({ ...back.values }).toEqual(values);
          expect(back.seed).toBe(seed);
        },
      ),
    );
  });
});

describe('parsing never throws and always yields valid values', () => {
  it('for arbitrary URL text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = decodeQuery(TABLE, new URLSearchParams(text));
        for (const spec of TABLE) expect(isValidValue(spec, r.values[spec.name])).toBe(true);
        expect(Number.isInteger(r.seed) && r.seed >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('for arbitrary values of each parameter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLE),
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'0123456789.,-+eE xNIaf') }),
        ),
        (spec, raw) => {
          expect(isValidValue(spec, parseValue(spec, raw).value)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('for arbitrary typed input (presets, messages)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLE), fc.anything(), (spec, input) => {
        expect(isValidValue(spec, coerceValue(spec, input).value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('for arbitrary objects merged as presets', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = mergeValues(TABLE, defaultValues(TABLE), input);
        for (const spec of TABLE) expect(isValidValue(spec, r.values[spec.name])).toBe(true);
      }),
    );
  });
});

describe('small pieces', () => {
  it('parses seeds strictly', () => {
    expect(parseSeed('42')).toEqual({ seed: 42, problem: null });
    expect(parseSeed('4294967296').problem).not.toBeNull();
    expect(parseSeed('1.5').problem).not.toBeNull();
    expect(parseSeed('0x10').problem).not.toBeNull();
  });

  it('accepts readable booleans and case-insensitive enum values', () => {
    expect(parseValue(TABLE[3], 'off').value).toBe(false);
    expect(parseValue(TABLE[2], 'ReLU').value).toBe('relu');
  });

  it('describes ignored parameters in bounded plain text', () => {
    const r = decodeQuery(TABLE, q(Array.from({ length: 30 }, (_, i) => `x${i}=1`).join('&')));
    const lines = describeIgnored(r.ignored);
    expect(lines).toHaveLength(13);
    expect(lines.at(-1)).toBe('…and 18 more');
  });
});

describe('liveLearningRate', () => {
  const RATE_TABLE: ParamTable = [
    {
      name: 'lr',
      label: 'Learning rate',
      type: 'number',
      role: 'learningRate',
      default: 0.1,
      min: 1e-4,
      max: 10,
      live: true,
    },
    { name: 'batch', label: 'Batch', type: 'int', default: 10, min: 1, max: 100, live: true },
  ];

  it('returns the rate when the update is a positive finite lr', () => {
    expect(liveLearningRate(RATE_TABLE, 'lr', 0.03)).toBe(0.03);
    expect(liveLearningRate(RATE_TABLE, 'lr', 5)).toBe(5);
  });

  it('finds the rate by its role in the table, not by its name', () => {
    const renamed: ParamTable = [{ ...RATE_TABLE[0], name: 'alpha' }];
    expect(liveLearningRate(renamed, 'alpha', 0.1)).toBe(0.1);
    expect(liveLearningRate(renamed, 'lr', 0.1)).toBeNull();
    const { role: _role, ...withoutRole } = RATE_TABLE[0] as NumberParam;
    const unmarked: ParamTable = [withoutRole];
    expect(liveLearningRate(unmarked, 'lr', 0.1)).toBeNull();
  });

  it('returns null for other parameters, whatever their value', () => {
    expect(liveLearningRate(RATE_TABLE, 'alpha', 0.1)).toBeNull();
    expect(liveLearningRate(RATE_TABLE, 'batch', 10)).toBeNull();
    expect(liveLearningRate(RATE_TABLE, 'LR', 0.1)).toBeNull();
  });

  it('learningRateSetter gives a usable rate to every optimiser current at the update, and ignores the rest', () => {
    let optimizers = [{ lr: 0.1 }, { lr: 0.1 }];
    const set = learningRateSetter(RATE_TABLE, () => optimizers);
    set('lr', 0.03);
    expect(optimizers.map((o) => o.lr)).toEqual([0.03, 0.03]);
    set('lr', NaN);
    set('batch', 5);
    expect(optimizers.map((o) => o.lr)).toEqual([0.03, 0.03]);
    optimizers = [{ lr: 1 }]; // a rebuild replaced them
    set('lr', 0.5);
    expect(optimizers[0].lr).toBe(0.5);
  });

  it('returns null for an lr that is not a usable rate', () => {
    for (const bad of [0, -0, -0.1, NaN, Infinity, -Infinity])
      expect(liveLearningRate(RATE_TABLE, 'lr', bad)).toBeNull();
    expect(liveLearningRate(RATE_TABLE, 'lr', '0.1')).toBeNull();
    expect(liveLearningRate(RATE_TABLE, 'lr', true)).toBeNull();
    expect(liveLearningRate(RATE_TABLE, 'lr', [0.1])).toBeNull();
  });
});
