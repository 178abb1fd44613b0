import type { KeyboardEvent, PointerEvent } from 'react';

/**
 * Picking a point on a 2-D plot by pointer (press, then drag) or by keyboard (arrow keys move the picked point by
 * 1/30 of the domain), for charts that let the reader place something, e.g. the centre of a tower. Keys the chart
 * handles are marked handled (preventDefault), so page-level keys (the lesson's arrows) leave them alone.
 */
export interface PlotPick {
  /** The picked point now (what the arrow keys move). */
  point: { x: number; y: number };
  onPick(x: number, y: number): void;
}

type Locate = (e: PointerEvent<SVGSVGElement>) => { x: number; y: number } | null;

const KEY_STEPS: Readonly<Record<string, [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export function pickHandlers(
  pick: PlotPick | undefined,
  locate: Locate,
  xd: readonly [number, number],
  yd: readonly [number, number],
) {
  if (!pick) return {};
  const clamp = (v: number, d: readonly [number, number]) =>
    Math.min(Math.max(d[0], d[1]), Math.max(Math.min(d[0], d[1]), v));
  const pickAt = (e: PointerEvent<SVGSVGElement>) => {
    const p = locate(e);
    if (p) pick.onPick(p.x, p.y);
  };
  return {
    tabIndex: 0,
    // no page scroll (touch) and no text selection of the axis labels while dragging
    style: {
      cursor: 'crosshair',
      touchAction: 'none',
      userSelect: 'none',
      WebkitUserSelect: 'none',
    } as const,
    onPointerDown: (e: PointerEvent<SVGSVGElement>) => {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      pickAt(e);
    },
    /** Call from the chart's own pointer-move handler: drags while a button is held. */
    dragMove: (e: PointerEvent<SVGSVGElement>) => {
      if (e.buttons & 1) pickAt(e);
    },
    onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => {
      const step = KEY_STEPS[e.key];
      if (!step || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      const x = clamp(pick.point.x + (step[0] * (xd[1] - xd[0])) / 30, xd);
      const y = clamp(pick.point.y + (step[1] * (yd[1] - yd[0])) / 30, yd);
      pick.onPick(x, y);
    },
  };
}
