import { LineChart, useChartTheme } from '../../../components/charts';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls, formatMetric } from '../../../components/run';
import { useExperiment } from '../../../state';
import { isDeadMask, isDyingCurvesView } from '../../../experiments/activations/views';
import { useView } from '../../../state/useView';
import { useFrameMetrics } from '../../../state/useFrameMetrics';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';

/** Step 5: the fraction of dead hidden units over training, per-unit map, ReLU vs leaky ReLU. */
export function DyingFigure({ preset }: FigureProps) {
  const exp = useExperiment({ experiment: 'activations-dying', preset });
  const curves = useView('curves', { accept: isDyingCurvesView, hz: 15 });
  const mask = useView('deadMask', { accept: isDeadMask, hz: 15 });
  const m = useFrameMetrics(15);
  const theme = useChartTheme();
  // Sized so the figure with its controls fits one 1280×800 screen; scaled with the presenter font.
  const chartHeight = Math.round(200 * theme.fontScale);
  const act = exp.values.act === 'leaky' ? 'leaky ReLU' : 'ReLU';

  return (
    <div className="act-figure figure-compact act-fit" data-testid="figure-dying">
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      <p className="act-readout">
        Dead units ({act}):{' '}
        <strong data-testid="metric-dead-fraction">{formatMetric(m?.deadFraction, 3)}</strong> of all hidden
        units ({formatMetric(m?.deadUnits)} of {formatMetric(m?.units)})
      </p>
      <div className="act-pair">
        <LineChart
          title="Dead fraction and loss"
          xLabel="training steps"
          height={chartHeight}
          yDomain={[0, 1]}
          series={
            curves
              ? [
                  { label: 'dead fraction', x: curves.x, y: curves.dead, color: theme.negative },
                  { label: 'loss', x: curves.x, y: curves.loss, color: theme.positive, dashed: true },
                ]
              : []
          }
          caption="Fraction of hidden units that are negative on every training point, and the training loss (capped at 1 on this axis)."
        />
        <DeadMap mask={mask} />
      </div>
      {exp.ready ? (
        <ParamControls only={['act', 'alpha', 'lr', 'clip', 'depth', 'width', 'batch']} />
      ) : (
        <p className="loading">Loading settings…</p>
      )}
    </div>
  );
}

/**
 * One square per hidden unit, one row per layer: filled = alive, empty outline = dead (negative on every training
 * point). Drawn at its real size (the cells shrink to fit the card, the text does not), so the layer labels keep
 * their 12 px (a scaled-down viewBox made them about 10 px at 1280×800).
 */
function DeadMap({ mask }: { mask: Uint8Array[] | undefined }) {
  const [boxRef, boxWidth] = useElementWidth<HTMLDivElement>(undefined, 420);
  return (
    <div ref={boxRef} className="act-deadmap-box">
      {mask && mask.length > 0 ? (
        <DeadMapChart mask={mask} width={boxWidth} />
      ) : (
        <p className="act-caption">The unit map appears after the first frame.</p>
      )}
    </div>
  );
}

/** The map drawn for a box `width` px wide (the card's padding and border come off it). */
function DeadMapChart({ mask, width }: { mask: Uint8Array[]; width: number }) {
  // Labels, cells and the width cap grow with the presenter font, as the charts' text does.
  const fs = useChartTheme().fontScale;
  const cols = Math.max(...mask.map((r) => r.length));
  const labelW = Math.round(64 * fs);
  const fit = Math.floor((Math.min(width - 26, 420 * fs) - labelW - 4) / cols);
  const cell = Math.max(8, Math.min(Math.round(18 * fs), fit));
  const W = labelW + cols * cell + 4;
  const H = mask.length * cell + 4;
  const dead = mask.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  const total = mask.reduce((s, r) => s + r.length, 0);
  return (
    <figure className="chart act-deadmap">
      <div className="chart-title">Hidden units (filled = alive, empty = dead)</div>
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${dead} of ${total} hidden units are dead`}
      >
        {mask.map((row, l) => (
          <g key={l}>
            <text
              x={labelW - 8}
              y={l * cell + cell * 0.72}
              textAnchor="end"
              className="act-node-name"
              style={{ fontSize: `${12 * fs}px` }}
            >
              layer {l + 1}
            </text>
            {Array.from(row, (d, u) => (
              <rect
                key={u}
                x={labelW + u * cell}
                y={l * cell + 1}
                width={cell - 3}
                height={cell - 3}
                rx={3}
                className={d ? 'act-unit-dead' : 'act-unit-alive'}
              />
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="act-caption">
        {dead} of {total} hidden units are dead: their input is negative for every training point.
      </figcaption>
    </figure>
  );
}
