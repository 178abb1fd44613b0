import { LossSurface, fmt, useGridView } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { usePickStart } from '../../../components/controls';
import { useView } from '../../../state/useView';
import type { LessonStep } from '../../../lessons/types';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { isPoints, isTwoParamStateView } from '../../../experiments/descent/views';

/** Backprop step 2: L(w, b) as contours or a 3D surface, the descent path, the gradient arrow, click to start. */
export function TwoParamFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="descent-surface"
      step={step}
      views={['grid', 'path', 'state']}
      className="figure-compact descent-fit"
    >
      <TwoParamPlot />
    </ExperimentPanel>
  );
}

function TwoParamPlot() {
  const grid = useGridView('grid');
  const path = useView('path', { accept: isPoints });
  const { w, b, gw, gb, loss, alpha, lambdaMax } = useView('state', { accept: isTwoParamStateView }) ?? {};
  const pickStart = usePickStart('w0', 'b0');

  return (
    <figure className="descent-figure" data-testid="two-param-plot">
      {grid ? (
        <LossSurface
          grid={grid}
          paths={path ? [{ label: 'gradient descent', points: path }] : []}
          gradient={
            w !== undefined && b !== undefined && gw !== undefined && gb !== undefined
              ? { x: w, y: b, dx: gw, dy: gb }
              : undefined
          }
          onPickStart={pickStart}
          logLevels
          xLabel="w"
          yLabel="b"
          zLabel="L(w, b)"
          title="Loss surface L(w, b)"
          height={280}
          caption={`Contours of L(w, b) for the line h(x) = w x + b. Current point (w, b) = (${fmt(w, 3)}, ${fmt(b, 3)}), L = ${fmt(loss)}. Click to choose a new start.`}
        />
      ) : (
        <p className="loading">Loading the loss surface…</p>
      )}
      {w !== undefined && b !== undefined && gw !== undefined && gb !== undefined && alpha !== undefined && (
        <div className="descent-formula">
          <Tex
            display
            tex={`\\begin{pmatrix} w \\\\ b \\end{pmatrix} \\leftarrow \\begin{pmatrix} ${fmt(w, 3)} \\\\ ${fmt(b, 3)} \\end{pmatrix} - ${fmt(alpha, 3)} \\begin{pmatrix} ${fmt(gw, 3)} \\\\ ${fmt(gb, 3)} \\end{pmatrix} = \\begin{pmatrix} ${fmt(w - alpha * gw, 3)} \\\\ ${fmt(b - alpha * gb, 3)} \\end{pmatrix}`}
          />
        </div>
      )}
      <figcaption>
        Click the map to choose a new start. ∇L = ({fmt(gw, 3)}, {fmt(gb, 3)}); the arrow points downhill
        (−∇L).{' '}
        {lambdaMax !== undefined && (
          <>
            The steepest curvature is λ_max = {fmt(lambdaMax, 3)}, so α above {fmt(2 / lambdaMax, 3)}{' '}
            diverges.
          </>
        )}
      </figcaption>
    </figure>
  );
}
