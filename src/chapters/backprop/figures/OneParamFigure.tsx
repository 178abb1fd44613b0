import { Tex } from '../../../components/math';
import { useView } from '../../../state/useView';
import type { LessonStep } from '../../../lessons/types';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import {
  isLossCurveView,
  isOneParamStateView,
  isPoints,
  type Regime,
} from '../../../experiments/descent/views';
import { fmt } from '../../../components/charts';
import { H, M, W, oneParamGeometry, type DescentState, type OneParamGeometry } from './oneParamModel';

// W, H: a wide, low chart — the figure with its controls fits one laptop screen (e2e/fit-backprop-descent.spec.ts).

const REGIME_TEXT: Record<Regime, string> = {
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

/** The descent-theta views: the sampled curve L(θ), the visited path and the current numbers. */
function useOneParamViews() {
  const curve = useView('curve', { accept: isLossCurveView });
  const path = useView('path', { accept: isPoints });
  const current: DescentState = useView('state', { accept: isOneParamStateView }) ?? {};
  return { thetas: curve?.theta, losses: curve?.loss, path, current };
}

/** Ticks, gridlines, the θ axis and both axis labels. */
function DescentAxes({ g }: { g: OneParamGeometry }) {
  const { x, y } = g;
  return (
    <>
      {x.ticks(8).map((t) => (
        <g key={`x${t}`} transform={`translate(${x(t)},${H - M.bottom})`}>
          <line y2={5} className="descent-axis" />
          <text y={18} textAnchor="middle" className="descent-tick">
            {t}
          </text>
        </g>
      ))}
      {y.ticks(5).map((t) => (
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
    </>
  );
}

/** The tangent at θ_a, the step to θ_b and both points. */
function StepMarks({ g, s }: { g: OneParamGeometry; s: DescentState }) {
  const { clampX, clampY, tangent } = g;
  const { theta, loss, next, nextLoss } = s;
  return (
    <>
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
    </>
  );
}

/** The update written out with the live numbers, and the caption with the learning-rate regime. */
function StepReadout({ s }: { s: DescentState }) {
  const { theta, loss, grad, alpha, next, regime } = s;
  return (
    <>
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
            α = {fmt(alpha, 3)}: {REGIME_TEXT[regime]}.
          </strong>
        )}{' '}
        The filled circle is θₐ with its tangent line, the hollow circle is θ_b, the dashed line marks the
        minimum.
      </figcaption>
    </>
  );
}

function OneParamPlot() {
  const { thetas, losses, path, current } = useOneParamViews();
  const { theta, loss, grad, next, thetaStar } = current;
  if (!thetas || !losses || thetas.length < 2) {
    return <p className="loading">Loading the loss curve…</p>;
  }
  const g = oneParamGeometry(thetas, losses, path, current);
  const summary =
    theta !== undefined && loss !== undefined && grad !== undefined
      ? `L(θ) curve. Current θ = ${fmt(theta)}, L = ${fmt(loss)}, slope ∂L/∂θ = ${fmt(grad)}; the next step goes to θ = ${fmt(next)}.`
      : 'L(θ) curve.';

  return (
    <figure className="descent-figure" data-testid="one-param-plot">
      <svg viewBox={`0 0 ${W} ${H}`} className="descent-svg" role="img" aria-label={summary}>
        <DescentAxes g={g} />
        <path d={g.curve} className="descent-curve" />
        {thetaStar !== undefined && (
          <line
            x1={g.x(thetaStar)}
            x2={g.x(thetaStar)}
            y1={H - M.bottom}
            y2={M.top}
            className="descent-star"
          />
        )}
        {g.trail && <path d={g.trail} className="descent-trail" />}
        <StepMarks g={g} s={current} />
      </svg>
      <StepReadout s={current} />
    </figure>
  );
}
