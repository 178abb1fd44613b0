import { useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { DecisionBoundary, type BoundaryPoint } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { Formula } from './Formula';
import { CLASSES } from '../../../experiments/loss/softmaxClassifier';
import type { LessonStep } from '../../../lessons/types';
import { useParamsStore, useRunStore } from '../../../state/runtimeContext';
import { useExperiment } from '../../../state/useExperiment';
import { useView } from '../../../state/useView';
import { ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls, formatAccuracy, formatMetric } from '../../../components/run';
import { isClassProbsGridView, isPointsView } from '../../../experiments/loss/views';
import { isFloat32 } from '../../../experiments/viewShape';
import type { Grid2D } from '../../../components/charts';
import { fmt } from '../../../components/math/fixed';

const CLASS_NAMES = ['class 1', 'class 2', 'class 3'];

/**
 * Steps 3 and 6: softmax + cross-entropy trained live on three classes (experiment loss-softmax). Hover a point (or
 * pick it with the slider) to read its loss −log h_true; step 6 shows the "drop the minus" switch up front.
 */
export function SoftmaxFigure({ step, signStep }: { step: LessonStep; signStep: boolean }) {
  const handle = useExperiment({
    experiment: 'loss-softmax',
    preset: step.preset,
    views: ['probs', 'points', 'pointProbs'],
  });
  const controls = handle.ready ? (
    <ParamControls only={signStep ? ['sign', 'lr'] : ['dataset', 'hidden', 'lr']} label="Settings" />
  ) : null;
  return (
    <div className="loss-figure" data-testid={signStep ? 'figure-softmax-sign' : 'figure-softmax'}>
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      <SoftmaxPlot signStep={signStep} controls={controls} />
    </div>
  );
}

/** The training points (x, y pairs and labels) and their class probabilities from the latest frame. */
function useSoftmaxPoints() {
  const pointsView = useView('points', { accept: isPointsView });
  const probs = useView('pointProbs', { accept: isFloat32 });
  const px = pointsView?.x;
  const py = pointsView?.y;
  const points = useMemo(() => {
    const out: BoundaryPoint[] = [];
    if (px && py)
      for (let i = 0; i < py.length; i++) out.push({ x: px[2 * i], y: px[2 * i + 1], label: py[i] });
    return out;
  }, [px, py]);
  return { points, labels: py, probs, n: py?.length ?? 0 };
}

/** Index of the circle whose centre is nearest (clientX, clientY) within `radius` px, or −1. */
function nearestCircle(circles: NodeListOf<Element>, clientX: number, clientY: number, radius = 16): number {
  let best = -1;
  let bestD = radius * radius;
  circles.forEach((c, i) => {
    const r = c.getBoundingClientRect();
    const d = (r.x + r.width / 2 - clientX) ** 2 + (r.y + r.height / 2 - clientY) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** One point's probabilities, one-hot target and loss −log h_true. */
function PointFormula({ row, cls, pTrue }: { row: number[]; cls: number; pTrue: number }) {
  return (
    <Formula testId="point-formula">
      <Tex display tex={`h(x) = (${row.map((p) => fmt(p, 3)).join(', ')})`} />
      <Tex display tex={`y = ${oneHotTex(cls)}`} />
      <Tex display tex={`L = -\\log h_{${cls + 1}} = -\\log ${probTex(pTrue)} = ${lossTex(pTrue)}`} />
      {/* Its own line: beside the loss it would run past the narrow side column. */}
      {!(pTrue > 0) && <Tex display tex={'\\text{since } \\log 0 = -\\infty'} />}
    </Formula>
  );
}

interface ReadoutsProps {
  i: number;
  cls: number;
  pTrue: number | undefined;
  showObjective: boolean;
  dropped: boolean;
}

/** The picked point's loss, the mean h_true, and the mean loss (or the minimised objective with the sign dropped). */
function SoftmaxReadouts({ i, cls, pTrue, showObjective, dropped }: ReadoutsProps) {
  const metrics = useRunStore((s) => s.metrics);
  return (
    <>
      <p className="loss-readouts">
        <span>
          point {i + 1} ({CLASS_NAMES[cls] ?? '?'}): loss{' '}
          <strong data-testid="point-loss">{pTrue === undefined ? '—' : lossText(pTrue)}</strong>
        </span>
        <span>
          mean h_true: <strong data-testid="metric-p-true">{formatAccuracy(metrics?.pTrue)}</strong>
        </span>
        {showObjective && (
          <span>
            minimised: <strong data-testid="metric-objective">{formatMetric(metrics?.objective)}</strong>
          </span>
        )}
      </p>
      <Formula>
        <Tex
          display
          tex={
            dropped
              ? `+\\tfrac{1}{N}\\textstyle\\sum_i \\log h_{y_i}(x_i) = ${fmt(metrics?.objective ?? NaN, 3)}`
              : `L = -\\tfrac{1}{N}\\textstyle\\sum_i \\log h_{y_i}(x_i) = ${fmt(metrics?.loss ?? NaN, 3)}`
          }
        />
      </Formula>
    </>
  );
}

function SoftmaxPlot({ signStep, controls }: { signStep: boolean; controls: ReactNode }) {
  const grid = useClassGrid();
  const { points, labels, probs, n } = useSoftmaxPoints();
  const [picked, setPicked] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);
  const sign = useParamsStore((s) => s.values.sign);

  /** The training point nearest the pointer, from the drawn circles' positions. */
  const onHover = (e: PointerEvent) => {
    const circles = wrap.current?.querySelectorAll('circle.point');
    const best = circles ? nearestCircle(circles, e.clientX, e.clientY) : -1;
    if (best >= 0) setPicked(best);
  };

  const i = Math.min(picked, Math.max(0, n - 1));
  const cls = labels ? labels[i] : 0;
  const row =
    probs && probs.length === n * CLASSES ? Array.from(probs.subarray(i * CLASSES, (i + 1) * CLASSES)) : null;
  const pTrue = row?.[cls];

  return (
    <div className="loss-softmax loss-pair">
      <div ref={wrap} onPointerMove={onHover} className="loss-boundary">
        <DecisionBoundary
          grid={grid}
          classes={CLASSES}
          classLabels={CLASS_NAMES}
          points={points}
          title="Predicted class"
          height={270}
          caption="Hover a point to read its loss; the ring marks it."
          marked={i}
        />
      </div>
      <div className="loss-side">
        <label className="loss-slider">
          Inspect point{' '}
          <input
            type="range"
            min={1}
            max={Math.max(1, n)}
            value={i + 1}
            onChange={(e) => setPicked(Number(e.target.value) - 1)}
          />{' '}
          <output data-testid="picked-point">{i + 1}</output>
        </label>
        {row && pTrue !== undefined && <PointFormula row={row} cls={cls} pTrue={pTrue} />}
        <SoftmaxReadouts
          i={i}
          cls={cls}
          pTrue={pTrue}
          showObjective={signStep || sign === 'dropped'}
          dropped={sign === 'dropped'}
        />
        {controls}
      </div>
    </div>
  );
}

/** The probs view (k = 3 probabilities per grid cell) as a Grid2D, or undefined while it has another shape. */
function useClassGrid(): Grid2D | undefined {
  const g = useView('probs', { accept: isClassProbsGridView });
  return useMemo(() => {
    if (!g || ![g.x0, g.x1, g.y0, g.y1].every(Number.isFinite)) return undefined;
    return { values: g.values, nx: g.nx, ny: g.ny, xDomain: [g.x0, g.x1], yDomain: [g.y0, g.y1] };
  }, [g]);
}

function oneHotTex(cls: number): string {
  return `(${Array.from({ length: CLASSES }, (_, j) => (j === cls ? 1 : 0)).join(', ')})`;
}

function probTex(p: number): string {
  return p > 0 && p < 0.001 ? `(${p.toExponential(1).replace(/e(.+)$/, '\\times 10^{$1}')})` : fmt(p, 3);
}

/** −log p as TeX; p = 0 (float underflow) is shown as ∞, never as a number (PointFormula says why below it). */
function lossTex(p: number): string {
  return p > 0 ? fmt(-Math.log(p), 3) : '\\infty';
}

function lossText(p: number): string {
  return p > 0 ? fmt(-Math.log(p), 3) : '∞';
}
