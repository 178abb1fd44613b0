import { describe, expect, it } from 'vitest';
import { decodeQuery, describeIgnored, isValidValue } from '../../../experiments/params';
import { TARGETS } from './bumps';
import { TARGET_SPEC, UNITS_SPEC } from './BumpsFigure';
import { BUMPS_PARAMS, FORWARD_PARAMS, MATRIX_PARAMS, NEURON_ACTIVATIONS, NEURON_PARAMS } from './tables';

const decode = (table: Parameters<typeof decodeQuery>[0], query: string) =>
  decodeQuery(table, new URLSearchParams(query));

describe('neurons figure tables', () => {
  it('read valid link values and default the rest', () => {
    const r = decode(NEURON_PARAMS, 'x1=-1.5&f=relu');
    expect(r.ignored).toEqual([]);
    expect(r.values).toMatchObject({ x1: -1.5, x2: -0.5, t0: 0.5, t1: 1, t2: 2, f: 'relu' });
    expect(decode(MATRIX_PARAMS, '').values).toMatchObject({ x1: 2, x2: 1, x3: -1 });
    expect(decode(FORWARD_PARAMS, '').values).toMatchObject({ x1: 0.5, x2: -1 });
    expect(decode(BUMPS_PARAMS, 'k=50&m=12&cx=0.3').values).toMatchObject({
      k: '50',
      m: 12,
      cx: 0.3,
      cy: 0.5,
    });
  });

  it('clamp out-of-range numbers and ignore garbage, naming each in the notice', () => {
    const r = decode(NEURON_PARAMS, 't0=9&t1=abc&f=toString');
    expect(r.values).toMatchObject({ t0: 4, t1: 1, f: 'sigmoid' });
    const lines = describeIgnored(r.ignored);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^t0 = “9”: out of range -4–4 — using 4$/);
    expect(lines[1]).toMatch(/^t1 = “abc”: not a number/);
    for (const raw of ['NaN', 'Infinity', '1e999', '', '<b>'])
      expect(decode(NEURON_PARAMS, `x1=${encodeURIComponent(raw)}`).values.x1, raw).toBe(1);
    expect(decode(BUMPS_PARAMS, 'm=99&k=7').values).toMatchObject({ m: 16, k: '500' });
  });

  it('never read inherited names as settings', () => {
    const r = decode(NEURON_PARAMS, '__proto__=1&constructor=2');
    expect(r.values).toMatchObject({ x1: 1, f: 'sigmoid' });
    expect(r.ignored.map((i) => i.reason)).toEqual(['unknown setting', 'unknown setting']);
  });

  it('offer every activation the figure can draw, with valid defaults everywhere', () => {
    const f = NEURON_PARAMS.find((s) => s.name === 'f');
    expect(f?.type === 'enum' && f.options.map((o) => o.value)).toEqual(Object.keys(NEURON_ACTIVATIONS));
    for (const spec of [...NEURON_PARAMS, ...MATRIX_PARAMS, ...FORWARD_PARAMS, ...BUMPS_PARAMS])
      expect(isValidValue(spec, spec.default), spec.name).toBe(true);
  });

  it('find the experiment’s hidden-neuron count and target for the step-6 controls', () => {
    expect(UNITS_SPEC).toMatchObject({ name: 'units', step: 2 });
    expect(TARGET_SPEC?.options.map((o) => o.value)).toEqual(Object.keys(TARGETS));
  });
});
