import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

/**
 * PixelGrid — a small square image (values in [0, 1]) as SVG cells, optionally paintable: drag with the pointer, or
 * focus the grid, move the cursor with the arrow keys and press Space or Enter to paint the cell under it.
 *
 * Props: `values` (row-major size²), `size`, `label` (accessible name and title), `color(v)` (cell fill),
 * `onPaint(index)` (omit for a read-only grid), `cellPx` (default 11), `testId`.
 */
export interface PixelGridProps {
  values: ArrayLike<number>;
  size: number;
  label: string;
  color(v: number): string;
  onPaint?: (index: number) => void;
  cellPx?: number;
  testId?: string;
}

/** The cell an arrow key moves the cursor to from cell `c` (it stops at the edges), or undefined for another key. */
function cursorMove(c: number, key: string, size: number): number | undefined {
  const r = Math.floor(c / size);
  const col = c % size;
  const moves: Record<string, number> = {
    ArrowUp: r > 0 ? c - size : c,
    ArrowDown: r < size - 1 ? c + size : c,
    ArrowLeft: col > 0 ? c - 1 : c,
    ArrowRight: col < size - 1 ? c + 1 : c,
  };
  return key in moves ? moves[key] : undefined;
}

/** The keyboard cursor: arrows move it, Space or Enter paints the cell under it. */
function usePaintCursor(size: number, onPaint: PixelGridProps['onPaint']) {
  const [cursor, setCursor] = useState<number | null>(null);
  const onKey = (e: KeyboardEvent) => {
    if (!onPaint) return;
    const c = cursor ?? 0;
    const next = cursorMove(c, e.key, size);
    if (next !== undefined) {
      e.preventDefault();
      e.stopPropagation(); // arrows move the cursor, not the lesson step
      setCursor(next);
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      onPaint(c);
    }
  };
  const onFocus = () => onPaint && setCursor((c) => c ?? 0);
  const onBlur = () => setCursor(null);
  return { cursor, onKey, onFocus, onBlur };
}

/** Pointer painting: pressing paints a cell, and moving with the button down paints every cell entered. */
function usePointerPaint(onPaint: PixelGridProps['onPaint']) {
  const painting = useRef(false);
  const stop = () => (painting.current = false);
  const onCellDown = (i: number, e: PointerEvent<SVGRectElement>) => {
    if (!onPaint) return;
    painting.current = true;
    // touch captures the pointer to this cell; release it so dragging paints the cells it crosses
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    onPaint(i);
  };
  const onCellEnter = (i: number) => painting.current && onPaint?.(i);
  return { stop, onCellDown, onCellEnter };
}

export function PixelGrid({ values, size, label, color, onPaint, cellPx = 11, testId }: PixelGridProps) {
  const keys = usePaintCursor(size, onPaint);
  const pointer = usePointerPaint(onPaint);
  const { cursor } = keys;
  const side = size * cellPx;
  return (
    <div className="loss-pixels">
      <div className="loss-pixels-title">{label}</div>
      <svg
        width={side}
        height={side}
        viewBox={`0 0 ${side} ${side}`}
        role={onPaint ? 'application' : 'img'}
        aria-label={
          onPaint
            ? `${label}: drag to paint, or use the arrow keys and Space`
            : `${label}, ${size} by ${size} pixels`
        }
        tabIndex={onPaint ? 0 : undefined}
        data-testid={testId}
        onKeyDown={keys.onKey}
        onFocus={keys.onFocus}
        onBlur={keys.onBlur}
        onPointerUp={pointer.stop}
        onPointerLeave={pointer.stop}
        style={{ touchAction: onPaint ? 'none' : undefined }}
      >
        {Array.from({ length: size * size }, (_, i) => (
          <rect
            key={i}
            x={(i % size) * cellPx}
            y={Math.floor(i / size) * cellPx}
            width={cellPx}
            height={cellPx}
            fill={color(values[i] ?? 0)}
            data-index={i}
            onPointerDown={(e) => pointer.onCellDown(i, e)}
            onPointerEnter={() => pointer.onCellEnter(i)}
          />
        ))}
        {cursor !== null && onPaint && (
          <rect
            x={(cursor % size) * cellPx + 1}
            y={Math.floor(cursor / size) * cellPx + 1}
            width={cellPx - 2}
            height={cellPx - 2}
            fill="none"
            className="loss-pixel-cursor"
          />
        )}
      </svg>
    </div>
  );
}
