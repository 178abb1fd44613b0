import { describe, expect, it } from 'vitest';
import { edgeIndices, edgeOptions } from './networkInspect';

describe('network inspector edges', () => {
  it('lists every weight, named from tail to head', () => {
    const options = edgeOptions([2, 3, 1]);
    expect(options).toHaveLength(2 * 3 + 3 * 1);
    expect(options[0]).toEqual({ key: '0:0:0', label: 'input x1 → hidden 1 neuron 1' });
    expect(options[1].label).toBe('input x2 → hidden 1 neuron 1');
    expect(options.at(-1)).toEqual({ key: '1:0:2', label: 'hidden 1 neuron 3 → output' });
  });

  it('keeps a valid edge and falls back to the first one when the network shrank', () => {
    expect(edgeIndices('1:0:2', [2, 3, 1])).toEqual([1, 0, 2]);
    expect(edgeIndices('1:0:2', [2, 2, 1])).toEqual([0, 0, 0]);
    expect(edgeIndices('2:0:0', [2, 3, 1])).toEqual([0, 0, 0]);
  });
});
