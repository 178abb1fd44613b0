import {
  leastAbsoluteLine,
  leastSquaresLine,
  meanAbsoluteError,
  meanSquaredError,
  type Line,
} from '../../../experiments/loss/formulas';
import type { ParamValues } from '../../../experiments/types';
import { FIT_POINTS } from './params';

export interface FitPoint {
  id: string;
  x: number;
  y: number;
}

export interface LineScore {
  mse: number;
  mae: number;
}

export interface FitModel {
  pts: FitPoint[];
  /** The least-squares line (minimises MSE) and the least-absolute line (minimises MAE). */
  ls: Line;
  la: Line;
  sLs: LineScore;
  sLa: LineScore;
}

export const lineAt = (l: Line, x: number) => l.w * x + l.b;

/** The points in the URL values (`x1…`, `v1…`, and the outlier `ox`, `oy` when it is on). */
export function fitPoints(values: ParamValues): FitPoint[] {
  const num = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : 0);
  const pts = Array.from({ length: FIT_POINTS }, (_, i) => ({
    id: `${i + 1}`,
    x: num(`x${i + 1}`),
    y: num(`v${i + 1}`),
  }));
  if (values.outlier === true) pts.push({ id: 'o', x: num('ox'), y: num('oy') });
  return pts;
}

/** Both fitted lines and each one's MSE and MAE on the points. */
export function fitModel(values: ParamValues): FitModel {
  const pts = fitPoints(values);
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const score = (l: Line): LineScore => {
    const h = xs.map((x) => lineAt(l, x));
    return { mse: meanSquaredError(h, ys), mae: meanAbsoluteError(h, ys) };
  };
  const ls = leastSquaresLine(xs, ys);
  const la = leastAbsoluteLine(xs, ys);
  return { pts, ls, la, sLs: score(ls), sLa: score(la) };
}
