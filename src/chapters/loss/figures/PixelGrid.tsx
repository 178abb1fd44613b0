import { useRef, useState, type KeyboardEvent } from 'react';

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

export function PixelGrid({ values, size, label, color, onPaint, cellPx = 11, testId }: PixelGridProps) {
  const painting = useRef(false);
  const [cursor, setCursor] = useState<number | null>(null);
  const side = size * cellPx;
  const paint = (i: number) => onPaint?.(i);
  const onKey = (e: KeyboardEvent) => {
    if (!onPaint) return;
    const c = cursor ?? 0;
    const r = Math.floor(c / size);
    const col = c % size;
    const moves: Record<string, number> = {
      ArrowUp: r > 0 ? c - size : c,
      ArrowDown: r < size - 1 ? c + size : c,
      ArrowLeft: col > 0 ? c - 1 : c,
      ArrowRight: col < size - 1 ? c + 1 : c,
    };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation(); // arrows move the cursor, not the lesson step
      setCursor(moves[e.key]);
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      paint(c);
    }
  };
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
        onKeyDown={onKey}
        onFocus={() => onPaint && setCursor((c) => c ?? 0)}
        onBlur={() => setCursor(null)}
        onPointerUp={() => (painting.current = false)}
        onPointerLeave={() => (painting.current = false)}
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
            onPointerDown={(e) => {
              if (!onPaint) return;
              painting.current = true;
              // touch captures the pointer to this cell; release it so dragging paints the cells it crosses
              if (e.currentTarget.hasPointerCapture?.(e.pointerId))
                e.currentTarget.releasePointerCapture(e.pointerId);
              paint(i);
            }}
            onPointerEnter={() => painting.current && paint(i)}
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
