import { scaleLinear } from 'd3';
import { Tex } from '../../../components/math';
import { useLatestView } from '../../../state/useExperiment';
import type { LessonStep } from '../../../lessons/types';
import { ExperimentPanel } from './ExperimentPanel';
import { floats, fmt, num, record } from './views';

const W = 560;
// A wide, low chart: the figure with its controls fits one laptop screen (e2e/fit-backprop-descent.spec.ts).
const H = 250;
const M = { top: 16, right: 16, bottom: 40, left: 52 };

const REGIME_TEXT: Record<string, string> = {
  slow: 'slow: each step covers only a small part of the way',
  smooth: 'converging smoothly',
  oscillating: 'oscillating: each step jumps across the minimum, but less far each time',
  diverging: 'diverging: each step jumps further than the last',
};

/** Backprop step 1: L(θ), the tangent at θ_a, and the step to θ_b, with live numbers. */
export function OneParamFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="descent-theta"
      step={step}
      views={['curve', 'state', 'path']}
      className="figure-compact descent-fit"
    >
      <OneParamPlot />
    </ExperimentPanel>
  );
}

function OneParamPlot() {
  const curve = record(useLatestView('curve'));
  const state = record(useLatestView('state'));
  const path = floats(useLatestView('path'));
  const thetas = floats(curve?.theta);
  const losses = floats(curve?.loss);
  const theta = num(state?.theta);
  const loss = num(state?.loss);
  const grad = num(state?.grad);
  const alpha = num(state?.alpha);
  const next = num(state?.next);
  const nextLoss = num(state?.nextLoss);
  const thetaStar = num(state?.thetaStar);
  const regime = typeof state?.regime === 'string' ? state.regime : undefined;

  if (!thetas || !losses || thetas.length < 2) {
    return <p className="loading">Loading the loss curve…</p>;
  }
  let maxLoss = 0;
  for (const v of losses) if (Number.isFinite(v)) maxLoss = Math.max(maxLoss, v);
  const x = scaleLinear()
    .domain([thetas[0], thetas[thetas.length - 1]])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, maxLoss * 1.05])
    .range([H - M.bottom, M.top]);
  const clampX = (v: number) => Math.max(M.left, Math.min(W - M.right, x(v)));
  const clampY = (v: number) => Math.max(M.top, Math.min(H - M.bottom, y(v)));
  let d = '';
  for (let i = 0; i < thetas.length; i++)
    d += `${i ? 'L' : 'M'}${x(thetas[i]).toFixed(1)},${y(losses[i]).toFixed(1)}`;

  const onChart = theta !== undefined && theta >= thetas[0] && theta <= thetas[thetas.length - 1];
  const tangent =
    theta !== undefined && loss !== undefined && grad !== undefined && onChart
      ? [theta - 1.2, theta + 1.2].map((t) => [clampX(t), clampY(loss + grad * (t - theta))] as const)
      : null;
  let trail = '';
  if (path) {
    for (let i = 0; i + 1 < path.length; i += 2) {
      trail += `${i ? 'L' : 'M'}${clampX(path[i]).toFixed(1)},${clampY(path[i + 1]).toFixed(1)}`;
    }
  }
  const xTicks = x.ticks(8);
  const yTicks = y.ticks(5);
  const summary =
    theta !== undefined && loss !== undefined && grad !== undefined
      ? `L(θ) curve. Current θ = ${fmt(theta)}, L = ${fmt(loss)}, slope ∂L/∂θ = ${fmt(grad)}; the next step goes to θ = ${fmt(next)}.`
      : 'L(θ) curve.';

  return (
    <figure className="descent-figure" data-testid="one-param-plot">
      <svg viewBox={`0 0 ${W} ${H}`} className="descent-svg" role="img" aria-label={summary}>
        {xTicks.map((t) => (
          <g key={`x${t}`} transform={`translate(${x(t)},${H - M.bottom})`}>
            <line y2={5} className="descent-axis" />
            <text y={18} textAnchor="middle" className="descent-tick">
              {t}
            </text>
          </g>
        ))}
        {yTicks.map((t) => (
          <g key={`y${t}`} transform={`translate(${M.left},${y(t)})`}>
            <line x2={-5} className="descent-axis" />
            <line x2={W - M.left - M.right} className="descent-gridline" />
            <text x={-8} dy="0.32em" textAnchor="end" className="descent-tick">
              {t}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="descent-axis" />
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="descent-label">
          θ
        </text>
        <text
          transform={`translate(14,${(H - M.bottom + M.top) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="descent-label"
        >
          L(θ)
        </text>
        <path d={d} className="descent-curve" />
        {thetaStar !== undefined && (
          <line x1={x(thetaStar)} x2={x(thetaStar)} y1={H - M.bottom} y2={M.top} className="descent-star" />
        )}
        {trail && <path d={trail} className="descent-trail" />}
        {tangent && (
          <line
            x1={tangent[0][0]}
            y1={tangent[0][1]}
            x2={tangent[1][0]}
            y2={tangent[1][1]}
            className="descent-tangent"
            data-testid="tangent"
          />
        )}
        {next !== undefined && nextLoss !== undefined && theta !== undefined && loss !== undefined && (
          <>
            <line
              x1={clampX(theta)}
              y1={clampY(loss)}
              x2={clampX(next)}
              y2={clampY(nextLoss)}
              className="descent-step"
            />
            <circle cx={clampX(next)} cy={clampY(nextLoss)} r={6} className="descent-next" />
          </>
        )}
        {theta !== undefined && loss !== undefined && (
          <circle cx={clampX(theta)} cy={clampY(loss)} r={7} className="descent-current" />
        )}
      </svg>
      <div className="descent-formula" aria-live="off">
        {theta !== undefined && grad !== undefined && alpha !== undefined && next !== undefined && (
          <Tex
            display
            tex={`\\theta_b = \\theta_a - \\alpha\\,\\frac{\\partial L}{\\partial \\theta} = ${fmt(theta)} - ${fmt(alpha)} \\times (${fmt(grad)}) = ${fmt(next)}`}
          />
        )}
      </div>
      <figcaption>
        <span data-testid="theta-value">θ = {fmt(theta)}</span>, L(θ) = {fmt(loss)}, slope {fmt(grad)}.{' '}
        {regime && (
          <strong data-testid="lr-regime" data-regime={regime}>
            α = {fmt(alpha, 3)}: {REGIME_TEXT[regime] ?? regime}.
          </strong>
        )}{' '}
        The filled circle is θₐ with its tangent line, the hollow circle is θ_b, the dashed line marks the
        minimum.
      </figcaption>
    </figure>
  );
}
