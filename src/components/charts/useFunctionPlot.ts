import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ScaleLinear } from 'd3';
import { seriesColor, type ChartTheme } from './chartTheme';
import { probeKeyTarget, sampleCurve } from './functionPlotModel';
import { localPoint } from './pointer';

/** FunctionPlot's hooks: the probe (state and input) and the sampled curves. */

export type Curve = { label: string; color: string; dashed: boolean; pts: [number, number][] };

/** The probe's x: controlled (`probe`) or the plot's own, always clamped to the domain; moving it reports back. */
export function useProbe(
  x0: number,
  x1: number,
  probe: number | undefined,
  initialProbe: number | undefined,
  onProbeChange: ((x: number) => void) | undefined,
): [number, (x: number) => void] {
  const [ownProbe, setOwnProbe] = useState(initialProbe ?? (x0 + x1) / 2);
  const px = Math.max(x0, Math.min(x1, probe ?? ownProbe));
  const setProbe = (x: number) => {
    const v = Math.max(x0, Math.min(x1, x));
    if (probe === undefined) setOwnProbe(v);
    onProbeChange?.(v);
  };
  return [px, setProbe];
}

/** f, then f′ (dashed) and any extra functions, each sampled at n points over [x0, x1]. */
export function useCurves(opts: {
  f: (x: number) => number;
  df: ((x: number) => number) | undefined;
  fLabel: string;
  dfLabel: string;
  extra: readonly { label: string; f: (x: number) => number; color?: string }[];
  theme: ChartTheme;
  n: number;
  x0: number;
  x1: number;
}): Curve[] {
  const { f, df, fLabel, dfLabel, extra, theme, n, x0, x1 } = opts;
  return useMemo(() => {
    const fns = [
      { label: fLabel, fn: f, color: seriesColor(theme, 0), dashed: false },
      ...(df ? [{ label: dfLabel, fn: df, color: seriesColor(theme, 1), dashed: true }] : []),
      ...extra.map((e, i) => ({
        label: e.label,
        fn: e.f,
        color: e.color ?? seriesColor(theme, i + 2),
        dashed: false,
      })),
    ];
    return fns.map(({ fn, ...c }) => ({ ...c, pts: sampleCurve(fn, x0, x1, n) }));
  }, [f, df, extra, fLabel, dfLabel, theme, n, x0, x1]);
}

/**
 * Moving the probe on the plot's <svg>: press and drag (the pointer is captured, so a drag may leave the plot), or
 * the arrow keys, Home and End when it has focus. `left` is the plot's left margin.
 */
export function useProbeInput(
  px: number,
  setProbe: (x: number) => void,
  sx: ScaleLinear<number, number>,
  left: number,
) {
  const [x0, x1] = sx.domain();
  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    if (e.type === 'pointermove' && e.buttons === 0) return;
    setProbe(sx.invert(localPoint(e.clientX, 0, e.currentTarget).x - left));
  };
  return {
    onPointerDown: (e: PointerEvent<SVGSVGElement>) => {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      onPointer(e);
    },
    onPointerMove: onPointer,
    onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => {
      const target = probeKeyTarget(e.key, e.shiftKey, px, x0, x1);
      if (target === null) return;
      setProbe(target);
      e.preventDefault();
      e.stopPropagation(); // arrows here move the probe, not the lesson
    },
  };
}
