import type { BoundaryPoint } from '../../../components/charts';
import { ACTIVATIONS, isActivationName } from '../../../experiments/activations/functions';
import type { CompareCurvesView, CompareDataView } from '../../../experiments/activations/views';
import type { ParamValues } from '../../../experiments/types';

export const actLabel = (a: unknown) =>
  typeof a === 'string' && isActivationName(a) ? ACTIVATIONS[a].label : String(a);

/** What network A and B use, in words, from the current parameter values. */
export function describeNetworks(values: ParamValues): { a: string; b: string | null } {
  const depth = typeof values.depth === 'number' ? values.depth : 2;
  const acts = Array.from({ length: depth }, (_, i) => actLabel(values[`a${i + 1}`]));
  const a = acts.every((x) => x === acts[0]) ? acts[0] : acts.join(' → ');
  return { a, b: values.actB === 'off' ? null : actLabel(values.actB) };
}

/** The classification data as chart points: training points filled, test points hollow; none for a regression. */
export function boundaryPoints(data: CompareDataView | undefined): BoundaryPoint[] {
  if (!data || data.kind !== 'classify') return [];
  const out: BoundaryPoint[] = [];
  for (const [x, y, test] of [
    [data.trainX, data.trainY, false],
    [data.testX, data.testY, true],
  ] as const) {
    for (let i = 0; i < y.length; i++) out.push({ x: x[2 * i], y: x[2 * i + 1], label: y[i], test });
  }
  return out;
}

export interface LossLine {
  label: string;
  x: Float64Array;
  y: Float64Array;
  color: string;
  dashed?: boolean;
}

/** Train (solid) then test (dashed) loss of A, and of B when it runs, in the legend's order. */
export function lossSeries(
  curves: CompareCurvesView | undefined,
  label: { a: string; b: string | null },
  colorA: string,
  colorB: string,
): LossLine[] {
  if (!curves) return [];
  return [
    { label: `A train (${label.a})`, x: curves.x, y: curves.trainA, color: colorA },
    ...(curves.hasB
      ? [{ label: `B train (${label.b ?? ''})`, x: curves.x, y: curves.trainB, color: colorB }]
      : []),
    { label: 'A test', x: curves.x, y: curves.testA, color: colorA, dashed: true },
    ...(curves.hasB ? [{ label: 'B test', x: curves.x, y: curves.testB, color: colorB, dashed: true }] : []),
  ];
}
