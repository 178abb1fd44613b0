import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ChartTheme } from './chartTheme';
import { prepareCanvas } from './canvas';
import type { Grid2D } from './grid';
import { pathColor, pathLength, type OptimiserPath } from './lossSurfaceModel';
import { drawSurface3D, type View3D } from './surface3d';

/** LossSurface's 3D mode: the grid as a shaded surface on a canvas, rotated by dragging or with the arrow keys. */
export interface LossSurface3DProps {
  field: Grid2D | null;
  paths: readonly OptimiserPath[];
  colorAt: (t: number) => string;
  theme: ChartTheme;
  width: number;
  height: number;
  labels: { x: string; y: string; z: string };
  ariaLabel: string;
  version?: number;
}

function clampElev(e: number) {
  return Math.max(0.08, Math.min(1.5, e));
}

const ROTATE: Record<string, (v: View3D, d: number) => View3D> = {
  ArrowLeft: (v, d) => ({ ...v, azimuth: v.azimuth - d }),
  ArrowRight: (v, d) => ({ ...v, azimuth: v.azimuth + d }),
  ArrowUp: (v, d) => ({ ...v, elevation: clampElev(v.elevation + d) }),
  ArrowDown: (v, d) => ({ ...v, elevation: clampElev(v.elevation - d) }),
};

export function LossSurface3D({
  field,
  paths,
  colorAt,
  theme,
  width,
  height,
  labels,
  ariaLabel,
  version,
}: LossSurface3DProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<View3D>({ azimuth: -0.6, elevation: 0.6 });
  const drag = useRef<{ x: number; y: number; view: View3D } | null>(null);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (!ctx || !field) return;
    drawSurface3D(
      ctx,
      field,
      width,
      height,
      view,
      {
        colorAt,
        pathColors: paths.map((p, i) => p.color ?? pathColor(theme, i)),
        fg: theme.fg,
        fgMuted: theme.fgMuted,
        font: `${theme.fontSize * 1.1}px ${theme.fontFamily}`,
      },
      paths.map((p) => ({ points: p.points, length: pathLength(p) })),
      labels,
    );
  }, [field, width, height, view, colorAt, paths, theme, labels, version]);

  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const rotate = Object.hasOwn(ROTATE, e.key) ? ROTATE[e.key] : undefined;
    if (!rotate) return;
    const d = e.shiftKey ? 0.3 : 0.1;
    setView((v) => rotate(v, d));
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <canvas
      ref={canvasRef}
      className="surface-3d"
      tabIndex={0}
      role="img"
      aria-label={ariaLabel}
      style={{ position: 'relative', display: 'block', width, height, cursor: 'grab', touchAction: 'none' }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId);
        drag.current = { x: e.clientX, y: e.clientY, view };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        setView({
          azimuth: d.view.azimuth + (e.clientX - d.x) * 0.01,
          elevation: clampElev(d.view.elevation + (e.clientY - d.y) * 0.01),
        });
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKey}
    />
  );
}
