import { useMemo, useRef } from 'react';
import { isGridView, type GridView } from '../../experiments/gridView';
import { useView } from '../../state/useView';
import type { Grid2D } from './grid';

/** Cheap fingerprint of a grid: frames re-send the same static grid, and contours should not be redrawn for it. */
function fingerprint(g: GridView): string {
  let s = 0;
  for (let i = 0; i < g.values.length; i += 7) s += g.values[i] * ((i % 13) + 1);
  return `${g.nx}x${g.ny}:${g.x0},${g.x1},${g.y0},${g.y1}:${s}`;
}

/**
 * The newest grid view (a GridView: the loss over a plane, as the descent and loss experiments send it) as a stable
 * Grid2D for LossSurface and the contour charts: a new object only when the values change.
 */
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
