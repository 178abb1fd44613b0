import { useId, useState } from 'react';
import { Prose, proseToPlainText } from '../components/math';
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
      <h3 className="lesson-check-title">Check</h3>
      <div id={`${id}-q`} className="lesson-check-question">
        <Prose text={check.question} />
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-q`} className="lesson-check-options">
        {check.options.map((option, i) => (
          <label
            key={i}
            className={`lesson-check-option${answered && i === check.answer ? ' is-answer' : ''}`}
          >
            <input
              type="radio"
              name={`${id}-options`}
              value={i}
              // The visible option may be only a formula (KaTeX markup gives no accessible name): name it in words.
              aria-label={proseToPlainText(option)}
              checked={choice === i}
              onChange={() => {
                setChoice(i);
                onAnswer(i, i === check.answer);
              }}
            />
            <Prose text={option} className="inline-prose" />
          </label>
        ))}
      </div>
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
