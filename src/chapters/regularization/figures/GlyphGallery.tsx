import { useEffect, useRef } from 'react';
import { useChartTheme } from '../../../components/charts';
import { prepareCanvas } from '../../../components/charts/canvas';
import { useElementWidth } from '../../../components/charts/useElementWidth';

export interface GlyphGalleryProps {
  /** Rows of images, each [count·size·size] row-major, ink in [0, 1]. */
  rows: readonly { label: string; images: ArrayLike<number> }[];
  count: number;
  size: number;
}

const LABEL_W = 86;

/**
 * A gallery of small grey images drawn on a canvas, one row per set (e.g. the training glyphs and their augmented
 * copies). Pixels are squares filled with the theme's ink colour at the pixel's value as opacity.
 */
export function GlyphGallery({ rows, count, size }: GlyphGalleryProps) {
  const theme = useChartTheme();
  const [boxRef, width] = useElementWidth<HTMLDivElement>(undefined);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const gap = 4;
  const cell = Math.max(1, Math.min(5, Math.floor((width - LABEL_W - gap * count) / (count * size))));
  const glyph = cell * size;
  const height = rows.length * (glyph + gap);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (!ctx) return;
    ctx.font = `${theme.fontSize}px ${theme.fontFamily}`;
    ctx.textBaseline = 'middle';
    rows.forEach((row, r) => {
      const top = r * (glyph + gap);
      ctx.fillStyle = theme.fgMuted;
      ctx.fillText(row.label, 0, top + glyph / 2, LABEL_W - 6);
      for (let k = 0; k < count; k++) {
        const left = LABEL_W + k * (glyph + gap);
        ctx.fillStyle = theme.bgSunken;
        ctx.fillRect(left, top, glyph, glyph);
        ctx.fillStyle = theme.fg;
        for (let p = 0; p < size * size; p++) {
          const v = row.images[k * size * size + p] ?? 0;
          if (!(v > 0.02)) continue;
          ctx.globalAlpha = Math.min(1, v);
          ctx.fillRect(left + (p % size) * cell, top + Math.floor(p / size) * cell, cell, cell);
        }
        ctx.globalAlpha = 1;
      }
    });
  }, [rows, count, size, width, height, cell, glyph, theme]);

  return (
    <div ref={boxRef} className="reg-gallery">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`${rows.map((r) => r.label).join(' and ')}: ${count} glyphs of ${size}×${size} pixels each`}
        data-testid="augment-gallery"
      />
    </div>
  );
}
