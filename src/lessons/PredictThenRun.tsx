import { useId, useState } from 'react';
import { proseToPlainText } from '../components/math';
import { ChoiceQuestion } from './ChoiceQuestion';
import { useRunStore } from '../state/runtimeContext';
import type { Prediction, RunReadouts } from './types';

/**
 * Predict, then run: the student picks an answer and locks it in before running the experiment; once the live
 * read-outs decide the question (the step's `outcome`), the reveal sets the choice beside what the run showed and the
 * numbers that show it. Changing one's mind means starting over, so the reveal stays honest.
 */
export function PredictThenRun({ predict }: { predict: Prediction }) {
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [locked, setLocked] = useState<RunReadouts | null>(null);
  const metrics = useRunStore((s) => s.metrics);
  const outcome = locked && metrics ? predict.outcome(metrics, locked) : null;

  return (
    <section className="lesson-predict" aria-labelledby={`${id}-q`} data-testid="lesson-predict">
      <ChoiceQuestion
        id={id}
        title="Predict, then run"
        question={predict.question}
        options={predict.options}
        choice={choice}
        disabled={locked !== null}
        onChoose={setChoice}
      />
      <div className="lesson-predict-actions">
        {locked === null ? (
          <button
            type="button"
            className="button"
            disabled={choice === null || !metrics}
            onClick={() => metrics && setLocked(metrics)}
          >
            Lock in my prediction
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setLocked(null);
              setChoice(null);
            }}
          >
            Predict again
          </button>
        )}
      </div>
      <div className="lesson-check-feedback" aria-live="polite" data-testid="lesson-predict-reveal">
        {locked !== null && choice !== null && <Reveal predict={predict} choice={choice} outcome={outcome} />}
      </div>
    </section>
  );
}

function Reveal({
  predict,
  choice,
  outcome,
}: {
  predict: Prediction;
  choice: number;
  outcome: { option: number; evidence: string } | null;
}) {
  if (!outcome)
    return <p>Locked in. Now run the experiment and watch — the answer comes from the run itself.</p>;
  const right = outcome.option === choice;
  return (
    <div className={right ? 'feedback-correct' : 'feedback-wrong'}>
      <strong>{right ? 'Your prediction held.' : 'The run disagrees.'}</strong>{' '}
      <span>
        You predicted “{proseToPlainText(predict.options[choice] ?? '')}”; the run shows “
        <span data-testid="lesson-predict-outcome">
          {proseToPlainText(predict.options[outcome.option] ?? '')}
        </span>
        ” ({outcome.evidence}).
      </span>
    </div>
  );
}
