import { useState, type RefObject } from 'react';
import { exportPng, exportSvg, type ExportOptions } from './exportFigure';

/**
 * Two small buttons that save a chart as SVG or PNG (for slides).
 * Props: `target` — ref to the chart's plot element; `options` — title, legend and colours for the file;
 * `name` — what the buttons' accessible names say ("Export <name> as SVG").
 */
export interface ExportButtonsProps {
  target: RefObject<HTMLElement | null>;
  options: ExportOptions;
  name?: string;
}

export function ExportButtons({ target, options, name }: ExportButtonsProps) {
  const [failed, setFailed] = useState<string | null>(null);
  const what = name ?? options.title ?? 'figure';
  const run = (kind: 'svg' | 'png') => {
    const el = target.current;
    if (!el) return;
    setFailed(null);
    try {
      if (kind === 'svg') exportSvg(el, options);
      else
        exportPng(el, options).catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span className="export-buttons">
      {(['svg', 'png'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          className="chart-button"
          aria-label={`Export ${what} as ${kind.toUpperCase()}`}
          onClick={() => run(kind)}
        >
          {kind.toUpperCase()}
        </button>
      ))}
      {failed && (
        <span className="export-error" role="status">
          Export failed: {failed}
        </span>
      )}
    </span>
  );
}
