import { useEffect, useState, type ReactNode } from 'react';
import { useRoute } from '../../platform/router';
import { LiveLineDemo } from './LiveLineDemo';
import {
  DecisionSection,
  FunctionSection,
  LineSection,
  LossSection,
  NetworkSection,
  TexSection,
  type SectionProps,
} from './sectionsA';
import {
  AttentionSection,
  BarSection,
  EmbeddingSection,
  HistogramSection,
  MatrixSection,
  TimeSeriesSection,
} from './sectionsB';
import './gallery.css';

/**
 * #/gallery — every figure-kit component with seeded sample data, static (left) and live (right).
 * URL: `?static=1` starts with animations paused (deterministic screenshots); `?focus=<section>` shows one section;
 * `?perf=1` with focus=line makes the live LineChart carry ~100k points per series (the performance test).
 */

const LOOP_MS = 8000; // one cycle of the live animations
const TICK_MS = 100; // live figures other than the line chart update at 10 Hz

function useLivePhase(paused: boolean): number {
  const [t, setT] = useState(0);
  useEffect(() => {
    if (paused) return;
    const start = performance.now() - t * LOOP_MS;
    const id = setInterval(() => setT(((performance.now() - start) % LOOP_MS) / LOOP_MS), TICK_MS);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- resume from the current phase, not on every tick
  }, [paused]);
  return t;
}

const SECTIONS: readonly (readonly [string, (p: SectionProps) => ReactNode, string])[] = [
  ['tex', TexSection, 'Tex and Prose'],
  ['line', LineSection, 'LineChart'],
  ['function', FunctionSection, 'FunctionPlot'],
  ['decision', DecisionSection, 'DecisionBoundary'],
  ['loss', LossSection, 'LossSurface'],
  ['network', NetworkSection, 'NetworkDiagram'],
  ['matrix', MatrixSection, 'MatrixView'],
  ['attention', AttentionSection, 'AttentionMap'],
  ['timeseries', TimeSeriesSection, 'TimeSeriesHeatmap'],
  ['bar', BarSection, 'BarChart'],
  ['histogram', HistogramSection, 'Histogram'],
  ['embedding', EmbeddingSection, 'EmbeddingScatter'],
];

export default function GalleryPage() {
  const { query } = useRoute();
  const [paused, setPaused] = useState(query.get('static') === '1');
  const focus = query.get('focus');
  const perf = query.get('perf') === '1';
  const t = useLivePhase(paused);

  const show = (id: string) => !focus || focus === id;

  if (focus === 'line' && perf) {
    return (
      <div className="gallery">
        <h1>Figure gallery — LineChart performance</h1>
        <LiveLineDemo
          paused={paused}
          capacity={120_000}
          prefill={40_000}
          pointsPerUpdate={50}
          title="Live loss, 40k–100k points per series"
        />
      </div>
    );
  }

  return (
    <div className="gallery">
      <h1>Figure gallery</h1>
      <p className="gallery-intro">
        Every figure of the course kit with seeded sample data: a static example on the left, a live one on
        the right. Hover or focus a figure (Tab) and use the arrow keys to read values; each figure exports
        SVG and PNG.
      </p>
      <label className="gallery-toggle">
        <input type="checkbox" checked={paused} onChange={(e) => setPaused(e.target.checked)} /> Pause
        animations
      </label>
      <nav className="gallery-nav" aria-label="Gallery sections">
        {SECTIONS.map(([id, , name]) => (
          <a key={id} href={`#/gallery?focus=${id}${paused ? '&static=1' : ''}`}>
            {name}
          </a>
        ))}
      </nav>

      {SECTIONS.filter(([id]) => show(id)).map(([id, Render]) => (
        <Render key={id} t={t} paused={paused} />
      ))}
    </div>
  );
}
