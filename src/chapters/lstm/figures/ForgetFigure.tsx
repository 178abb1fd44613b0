import { Tex } from '../../../components/math';
import { useView } from '../../../state/useView';
import type { LessonStep } from '../../../lessons/types';
import { RecallPanel } from './RecallPanel';
import { AccuracyChart, GradientFlowChart, gradientSurvival } from './charts';
import { isGradFlowView, isRecallInfoView } from '../../../experiments/lstm/views';

/** LSTM step 1: the plain RNN alone on the recall task; its accuracy and its gradient through time. */
export function ForgetFigure({ step, lesson }: { step: LessonStep; lesson: number }) {
  return (
    <RecallPanel
      step={step}
      lesson={lesson}
      views={['curves', 'gradflow', 'info']}
      controls={['gap', 'rnnnorm', 'lr']}
    >
      <ForgetPlots />
    </RecallPanel>
  );
}

function ForgetPlots() {
  const info = useView('info', { accept: isRecallInfoView });
  const flow = useView('gradflow', { accept: isGradFlowView }) ?? {};
  const survival = gradientSurvival(flow.rnn);
  const decades = survival !== undefined && survival > 0 ? Math.log10(survival) : undefined;
  return (
    <figure className="lstm-figure" data-testid="forget-plot">
      <p className="lstm-example">
        Example: <code data-testid="recall-example">{info?.example ?? '…'}</code>
      </p>
      <div className="lstm-pair">
        <AccuracyChart height={150} />
        <GradientFlowChart height={150} />
      </div>
      <figcaption>
        {decades !== undefined ? (
          <>
            Gradient reaching the first symbol ÷ gradient at the last step:{' '}
            <Tex tex={`10^{${decades.toFixed(1)}}`} /> (
            <span data-testid="grad-decades-rnn">{decades.toFixed(1)}</span> powers of ten).
          </>
        ) : (
          'Measuring the gradient…'
        )}
      </figcaption>
    </figure>
  );
}
