/**
 * For the view shape tests: every view in `names` an experiment sends after `steps` steps from its default settings
 * with `over` applied (seed 3), as plain values for the shape checks to judge. Only tests import this file.
 */
import { defaultValues } from '../params';
import type { Experiment, ViewMap } from '../types';

export function viewsAfter<V extends ViewMap>(
  experiment: Experiment<V>,
  names: readonly string[],
  steps: number,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const trainer = experiment.create({ ...defaultValues(experiment.params), ...over } as never, 3);
  trainer.step(steps);
  return trainer.views(names) as Record<string, unknown>;
}
