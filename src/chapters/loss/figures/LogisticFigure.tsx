import { ArrowMarker, LossSurface, useChartTheme } from '../../../components/charts';
import { classColors } from '../../../components/charts/DecisionBoundary';
import { Tex } from '../../../components/math';
import { Formula } from './Formula';
import { PLANE } from '../../../experiments/loss/data';
import type { LessonStep } from '../../../lessons/types';
import { usePickStart } from '../../../components/controls';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { fmt, useGridView } from '../../../components/charts';
import { isLogisticStateView, isPointsView } from '../../../experiments/loss/views';
import { isFloat32 } from '../../../experiments/viewShape';
import { texNum } from '../../../components/math/fixed';

/** Step 4: logistic regression trained live — the boundary θᵀx = 0 on the data, and the path on the loss surface. */
export function LogisticFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="loss-logistic"
      step={step}
      views={['surface', 'path', 'state', 'points']}
      controls={['lr']}
    >
      <LogisticPanels />
    </ExperimentPanel>
  );
}

function LogisticPanels() {
  const surface = useGridView('surface');
  const path = useView('path', { accept: isFloat32 });
  const state = useView('state', { accept: isLogisticStateView });
  const points = useView('points', { accept: isPointsView });
  const pickStart = usePickStart('th1', 'th2');
  // A diverged θ is not drawn (the read-outs show '–').
  const theta = state && Number.isFinite(state.th1) && Number.isFinite(state.th2) ? state : undefined;
  const gradientFinite = theta !== undefined && Number.isFinite(theta.g1) && Number.isFinite(theta.g2);

  return (
    <div className="loss-logistic">
      <div className="loss-pair">
        {theta ? (
          <BoundaryPlane th1={theta.th1} th2={theta.th2} x={points?.x} y={points?.y} />
        ) : (
          <p className="loading">Loading the data…</p>
        )}
        {surface ? (
          <LossSurface
            grid={surface}
            paths={path ? [{ label: 'gradient descent', points: path }] : []}
            gradient={
              theta && gradientFinite ? { x: theta.th1, y: theta.th2, dx: theta.g1, dy: theta.g2 } : undefined
            }
            onPickStart={pickStart}
            logLevels
            xLabel="θ₁"
            yLabel="θ₂"
            zLabel="L(θ)"
            title="Loss L(θ₁, θ₂)"
            height={340}
            aspect={0.7}
            caption="Click to start elsewhere."
          />
        ) : (
          <p className="loading">Loading the loss surface…</p>
        )}
      </div>
      {theta && (
        <Formula>
          <Tex
            display
            tex={`\\theta^\\top x = ${texNum(theta.th1, 3)}\\,x_1 + ${texNum(theta.th2, 3)}\\,x_2 = 0, \\quad L = ${fmt(theta.loss, 4)}`}
          />
        </Formula>
      )}
      <p className="loss-readouts">
        <span>
          θ₁ = <strong data-testid="metric-th1">{fmt(state?.th1, 4)}</strong>
        </span>
        <span>
          θ₂ = <strong data-testid="metric-th2">{fmt(state?.th2, 4)}</strong>
        </span>
        <span>
          ∂L/∂θ = ({fmt(state?.g1, 4)}, {fmt(state?.g2, 4)})
        </span>
      </p>
    </div>
  );
}

/** The square plane clipped to the half θᵀx ≥ 0 (Sutherland–Hodgman against one line), as polygon points. */
function halfPlane(th1: number, th2: number, sign: 1 | -1): [number, number][] {
  const [lo, hi] = PLANE;
  const square: [number, number][] = [
    [lo, lo],
    [hi, lo],
    [hi, hi],
    [lo, hi],
  ];
  const f = ([a, b]: [number, number]) => sign * (th1 * a + th2 * b);
  const out: [number, number][] = [];
  square.forEach((p, k) => {
    const q = square[(k + 1) % 4];
    if (f(p) >= 0) out.push(p);
    if (f(p) >= 0 !== f(q) >= 0) {
      const t = f(p) / (f(p) - f(q));
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

const PLANE_SIZE = 220;
const PLANE_PAD = 8;
/** Data coordinates to the square's pixels (y up). */
const planeX = (v: number) =>
  PLANE_PAD + ((v - PLANE[0]) / (PLANE[1] - PLANE[0])) * (PLANE_SIZE - 2 * PLANE_PAD);
const planeY = (v: number) => PLANE_SIZE - planeX(v);

/** One end of the boundary θᵀx = 0 (the other is its mirror) and the tip of θ scaled to length 0.8, in data units. */
function boundaryGeometry(th1: number, th2: number): { end: [number, number]; arrow: [number, number] } {
  const norm = Math.hypot(th1, th2);
  // The boundary through the origin along (−θ₂, θ₁), stretched to the edge of the square.
  const reach = norm > 0 ? PLANE[1] / Math.max(Math.abs(th2), Math.abs(th1)) : 0;
  return {
    end: [-th2 * reach, th1 * reach],
    arrow: norm > 0 ? [(th1 / norm) * 0.8, (th2 / norm) * 0.8] : [0, 0],
  };
}

/** The training points coloured by their label. */
function PlaneDots({
  x,
  y,
  colors,
  stroke,
}: {
  x: Float32Array;
  y: Float32Array;
  colors: string[];
  stroke: string;
}) {
  const [neg, pos] = colors;
  return Array.from(y, (label, i) => (
    <circle
      key={i}
      cx={planeX(x[2 * i])}
      cy={planeY(x[2 * i + 1])}
      r={3.5}
      fill={label > 0.5 ? pos : neg}
      stroke={stroke}
    />
  ));
}

/** The boundary line (its ends in data units as data-* for tests) and the arrow θ normal to it. */
function BoundaryAndTheta({ th1, th2, color }: { th1: number; th2: number; color: string }) {
  const { end, arrow } = boundaryGeometry(th1, th2);
  return (
    <>
      <line
        data-testid="boundary-line"
        data-x1={end[0]}
        data-y1={end[1]}
        data-x2={-end[0]}
        data-y2={-end[1]}
        x1={planeX(end[0])}
        y1={planeY(end[1])}
        x2={planeX(-end[0])}
        y2={planeY(-end[1])}
        stroke={color}
        strokeWidth={2.5}
      />
      <line
        x1={planeX(0)}
        y1={planeY(0)}
        x2={planeX(arrow[0])}
        y2={planeY(arrow[1])}
        stroke={color}
        strokeWidth={2}
        markerEnd="url(#loss-arrow)"
      />
      <text x={planeX(arrow[0]) + 6} y={planeY(arrow[1]) - 6} fill={color} fontSize={13}>
        θ
      </text>
    </>
  );
}

/** The data, the two predicted half-planes, the boundary θᵀx = 0 and the vector θ (normal to the boundary). */
function BoundaryPlane({ th1, th2, x, y }: { th1: number; th2: number; x?: Float32Array; y?: Float32Array }) {
  const theme = useChartTheme();
  const [neg, pos] = classColors(theme, 2);
  const size = PLANE_SIZE;
  const poly = (sign: 1 | -1) =>
    halfPlane(th1, th2, sign)
      .map(([a, b]) => `${planeX(a)},${planeY(b)}`)
      .join(' ');
  return (
    <figure className="chart loss-plane" data-chart="logistic-plane">
      <div className="chart-head">
        <div className="chart-title">Data and the boundary θᵀx = 0</div>
      </div>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width="100%"
        role="img"
        aria-label={`Two classes of points and the line ${fmt(th1, 2)}·x₁ + ${fmt(th2, 2)}·x₂ = 0 that separates the predictions.`}
      >
        <ArrowMarker id="loss-arrow" fill={theme.fg} refX={8} size={6} />
        <rect x={0} y={0} width={size} height={size} fill={theme.bgRaised} stroke={theme.border} />
        <polygon points={poly(1)} fill={pos} opacity={0.16} />
        <polygon points={poly(-1)} fill={neg} opacity={0.16} />
        {y && x && <PlaneDots x={x} y={y} colors={[neg, pos]} stroke={theme.bgRaised} />}
        <BoundaryAndTheta th1={th1} th2={th2} color={theme.fg} />
      </svg>
      <figcaption className="chart-caption">
        Dots: y = 1 and y = 0; shading: the prediction; θ points to class 1.
      </figcaption>
    </figure>
  );
}
