/**
 * Parameter specs that several experiments declare alike, written once so their controls, URL values and validation
 * cannot drift apart.
 */
import type { NumberParam } from './types';

/**
 * The learning rate α: URL name `lr`, a log-scale slider, live, marked `role: 'learningRate'` so the runtime's
 * "Lower the learning rate" fix after a divergence finds it.
 */
export function learningRateParam(range: Pick<NumberParam, 'default' | 'min' | 'max' | 'step'>): NumberParam {
  return {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    ...range,
    scale: 'log',
    live: true,
  };
}
