/**
 * Parameter specs that several experiments declare alike, written once so their controls, URL values and validation
 * cannot drift apart.
 */
import { DATASET_2D_NAMES, type Dataset2DName } from '../core/data/datasets2d';
import type { EnumParam, NumberParam } from './types';

/**
 * The learning rate α: URL name `lr`, a log-scale slider, live, marked `role: 'learningRate'` so the runtime's
 * "Lower the learning rate" fix after a divergence finds it. Each experiment picks its own range (and help text).
 */
export function learningRateParam(
  range: Pick<NumberParam, 'default' | 'min' | 'max' | 'step' | 'help'>,
): NumberParam {
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

/** The optimisers the course compares, in the order it introduces them. */
export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

/** A choice control's options over every optimiser, labelled by `labels` (a record, so none can be left out). */
export function optimizerOptions(labels: Record<OptimizerKind, string>): EnumParam['options'] {
  return OPTIMIZER_KINDS.map((value) => ({ value, label: labels[value] }));
}

/**
 * A choice control's options over the core's 2-D point sets (datasets2d.ts), in the core's order, so no experiment can
 * offer a name the core does not draw; each experiment labels them its own way.
 */
export function dataset2DOptions(labels: Record<Dataset2DName, string>): EnumParam['options'] {
  return DATASET_2D_NAMES.map((value) => ({ value, label: labels[value] }));
}
