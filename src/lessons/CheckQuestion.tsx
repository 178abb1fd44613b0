import { useId, useState } from 'react';
import { Prose } from '../components/math';
import { ChoiceQuestion } from './ChoiceQuestion';
import type { CheckQuestion as Check } from './types';

export interface CheckQuestionProps {
  check: Check;
  /** The learner's earlier answer (restored from progress), if any. */
  savedChoice?: number;
  onAnswer(choice: number, correct: boolean): void;
}

/**
 * A short check question with instant feedback: a native radio group (arrow keys move between options, as screen
 * reader users expect); choosing an option immediately says right or wrong and explains, in a live region.
 */
export function CheckQuestion({ check, savedChoice, onAnswer }: CheckQuestionProps) {
  const id = useId();
  const valid = (c: number | undefined) => c !== undefined && c >= 0 && c < check.options.length;
  const [choice, setChoice] = useState<number | null>(valid(savedChoice) ? savedChoice! : null);
  const answered = choice !== null;
  const correct = answered && choice === check.answer;

  return (
    <section className="lesson-check" aria-labelledby={`${id}-q`} data-testid="lesson-check">
      <ChoiceQuestion
        id={id}
        title="Check"
        question={check.question}
        options={check.options}
        choice={choice}
        answer={answered ? check.answer : undefined}
        onChoose={(i) => {
          setChoice(i);
          onAnswer(i, i === check.answer);
        }}
      />
      <div className="lesson-check-feedback" aria-live="polite" data-testid="lesson-check-feedback">
        {answered && (
          <div className={correct ? 'feedback-correct' : 'feedback-wrong'}>
            <strong>{correct ? 'Correct.' : 'Not quite.'}</strong>
            <Prose text={check.explanation} />
          </div>
        )}
      </div>
    </section>
  );
}
