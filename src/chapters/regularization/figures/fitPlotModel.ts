import { line, type ScaleLinear } from 'd3';

/**
 * SVG path of one fitted curve. A wild fit is drawn up to half the y range beyond the frame (the plot clips it
 * there, so it leaves the frame at the right slope) and a non-finite value leaves a gap instead of a spike.
 */
export function fitCurvePath(
  curveX: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: ScaleLinear<number, number>,
  sy: ScaleLinear<number, number>,
  yDomain: readonly [number, number],
): string {
  const [lo, hi] = yDomain;
  const margin = (hi - lo) * 0.5;
  const index = Array.from({ length: curveX.length }, (_, i) => i);
  return (
    line<number>()
      .defined((i) => Number.isFinite(ys[i]))
      .x((i) => sx(curveX[i]))
      .y((i) => sy(Math.max(lo - margin, Math.min(hi + margin, ys[i]))))(index) ?? ''
  );
}
