/** The learning-rate parameter of a table (marked by its role, not its name) and how live updates of it apply. */
import type { NumberParam, ParamTable, ParamValue } from './types';

/** The learning-rate parameter of a table: the number parameter marked `role: 'learningRate'`, if any. */
export function learningRateSpec(table: ParamTable | null): NumberParam | null {
  const spec = table?.find((s) => s.type === 'number' && s.role === 'learningRate');
  return spec?.type === 'number' ? spec : null;
}

/**
 * The new learning rate when a live `set(name, value)` update is the table's learning-rate parameter (the one marked
 * `role: 'learningRate'`, found by its role, not its name) and carries a usable rate (a positive finite number), else
 * null. One check for every experiment: the worker host already validated the value
 * against the table, but a trainer must never take a zero, negative or NaN rate from a stray message.
 */
export function liveLearningRate(table: ParamTable, name: string, value: ParamValue): number | null {
  if (typeof value !== 'number' || learningRateSpec(table)?.name !== name) return null;
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * An experiment's `set` for tables whose only live setting is the learning rate: a usable new rate (see
 * liveLearningRate) goes to every optimiser `optimizers()` returns at the time of the update (a rebuild may have
 * replaced them); anything else is ignored.
 */
export function learningRateSetter(
  table: ParamTable,
  optimizers: () => Iterable<{ lr: number }>,
): (name: string, value: ParamValue) => void {
  return (name, value) => {
    const lr = liveLearningRate(table, name, value);
    if (lr !== null) for (const opt of optimizers()) opt.lr = lr;
  };
}
