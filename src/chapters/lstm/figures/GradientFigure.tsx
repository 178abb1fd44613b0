import { Tex } from '../../../components/math';
import { sigmoid } from '../../../core/scalar';
import { useParamsStore } from '../../../state/runtimeContext';
import { useView } from '../../../state/useView';
import type { LessonStep } from '../../../lessons/types';
import { RecallPanel } from './RecallPanel';
import { AccuracyChart, GradientFlowChart, gradientSurvival } from './charts';
import { ModelTable } from './RecallFigure';
import { isGradFlowView } from '../../../experiments/lstm/views';

/** LSTM step 5: gradient norm against steps back for both models, and the forget-gate bias at the start. */
export function GradientFigure({ step, lesson }: { step: LessonStep; lesson: number }) {
  return (
    <RecallPanel
      step={step}
      lesson={lesson}
      views={['gradflow', 'curves', 'info']}
      controls={['fbias', 'gap', 'lr']}
    >
      <GradientPlots />
    </RecallPanel>
  );
}

function GradientPlots() {
  const fbias = Number(useParamsStore((s) => s.values.fbias));
  const gap = Number(useParamsStore((s) => s.values.gap));
  const flow = useView('gradflow', { accept: isGradFlowView }) ?? {};
  const f0 = Number.isFinite(fbias) ? sigmoid(fbias) : undefined;
  // Steps back from the question mark to the first symbol: the gap plus the question mark's own step.
  const back = Number.isFinite(gap) ? gap + 1 : undefined;
  const expected = f0 !== undefined && back !== undefined ? f0 ** back : undefined;
  const measured = gradientSurvival(flow.lstm);
  const log10 = (x: number | undefined) => (x !== undefined && x > 0 ? Math.log10(x).toFixed(1) : '?');
  return (
    <figure className="lstm-figure" data-testid="gradient-plot">
      <div
        className="lstm-formula"
        data-testid="forget-formula"
        role="region"
        aria-label="Forget gate at the start"
        tabIndex={0}
      >
        {f0 !== undefined && back !== undefined ? (
          <Tex
            display
            tex={`\\sigma(b_f) = \\sigma(${fbias}) = ${f0.toFixed(3)}, \\qquad \\sigma(b_f)^{${back}} = 10^{${log10(expected)}}`}
          />
        ) : null}
      </div>
      <div className="lstm-pair">
        <GradientFlowChart height={150} />
        <AccuracyChart height={150} />
      </div>
      <ModelTable />
      <figcaption>
        Measured now along the LSTM’s cell state: gradient at the first symbol ÷ gradient at the last step ={' '}
        <Tex tex={`10^{${log10(measured)}}`} /> (
        <span data-testid="grad-decades-lstm">{log10(measured)}</span> powers of ten); the starting forget
        gates alone would give <Tex tex={`10^{${log10(expected)}}`} />.
      </figcaption>
    </figure>
  );
}
