import { describe, expect, it } from 'vitest';
import { describeLayers } from './ParamControls';

describe('describeLayers (the hidden-layer list in words)', () => {
  it('reads "2" as one layer of two neurons, not two layers', () => {
    expect(describeLayers([2])).toBe('= 1 hidden layer of 2 neurons.');
    expect(describeLayers([8, 8])).toBe('= 2 hidden layers of 8 and 8 neurons.');
    expect(describeLayers([6, 6, 4])).toBe('= 3 hidden layers of 6, 6 and 4 neurons.');
    expect(describeLayers([1])).toBe('= 1 hidden layer of 1 neuron.');
    expect(describeLayers([])).toMatch(/No hidden layer/);
  });
});
