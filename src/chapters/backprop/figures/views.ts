/**
 * What the loss and regularization chapters still import from here while their figures move to typed views (another
 * change): the read-out format and the grid hook, which now live in components/charts, and the untyped view readers
 * num / record / floats, which go once nothing uses them. Figures of other chapters import from components/charts.
 */
import type { ViewValue } from '../../../experiments/types';

export { fmt, useGridView } from '../../../components/charts';

/** A number from a view record, or undefined when absent / not finite. */
export function num(v: ViewValue | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function record(v: ViewValue | undefined): Readonly<Record<string, ViewValue>> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v)
    ? (v as Readonly<Record<string, ViewValue>>)
    : undefined;
}

export function floats(v: ViewValue | undefined): Float32Array | undefined {
  return v instanceof Float32Array ? v : undefined;
}
