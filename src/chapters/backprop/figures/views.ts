import { useMemo, useRef } from 'react';
import type { Grid2D } from '../../../components/charts';
import { useView } from '../../../state/useView';
import type { ViewValue } from '../../../experiments/types';
import { isGridView, type GridView } from '../../../experiments/descent/recorder';

/** Cheap fingerprint of a grid: frames re-send the same static grid, and contours should not be redrawn for it. */
function fingerprint(g: GridView): string {
  let s = 0;
  for (let i = 0; i < g.values.length; i += 7) s += g.values[i] * ((i % 13) + 1);
  return `${g.nx}x${g.ny}:${g.x0},${g.x1},${g.y0},${g.y1}:${s}`;
}

/** The newest grid view as a stable Grid2D (a new object only when the values change). */
export function useGridView(name: string): Grid2D | undefined {
  const view = useView(name, { accept: isGridView });
  const last = useRef<{ key: string; grid: Grid2D } | null>(null);
  return useMemo(() => {
    if (!view) return last.current?.grid;
    const key = fingerprint(view);
    if (last.current?.key !== key) {
      last.current = {
        key,
        grid: {
          values: view.values,
          nx: view.nx,
          ny: view.ny,
          xDomain: [view.x0, view.x1],
          yDomain: [view.y0, view.y1],
        },
      };
    }
    return last.current.grid;
  }, [view]);
}

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

/** Plain decimal for read-outs (never exponent notation, so tests can parse it). */
export function fmt(x: number | undefined, digits = 4): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const v = Math.abs(x) < 10 ** -digits / 2 ? 0 : x;
  return v.toFixed(digits);
}
