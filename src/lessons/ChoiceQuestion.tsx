import { Prose, proseToPlainText } from '../components/math';

/**
 * The title, the question and its options as a native radio group (arrow keys move between options, as screen
 * reader users expect), shared by the check questions and predict-then-run. `id` names the question (the section's
 * aria-labelledby is `${id}-q`); `answer`, once shown, marks the right option.
 */
export function ChoiceQuestion({
  id,
  title,
  question,
  options,
  choice,
  onChoose,
  answer,
  disabled,
}: {
  id: string;
  title: string;
  question: string;
  options: readonly string[];
  choice: number | null;
  onChoose(choice: number): void;
  answer?: number;
  disabled?: boolean;
}) {
  return (
    <>
      <h3 className="lesson-check-title">{title}</h3>
      <div id={`${id}-q`} className="lesson-check-question">
        <Prose text={question} />
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-q`} className="lesson-check-options">
        {options.map((option, i) => (
          <label key={i} className={`lesson-check-option${i === answer ? ' is-answer' : ''}`}>
            <input
              type="radio"
              name={`${id}-options`}
              value={i}
              // The visible option may be only a formula (KaTeX markup gives no accessible name): name it in words.
              aria-label={proseToPlainText(option)}
              checked={choice === i}
              disabled={disabled}
              onChange={() => onChoose(i)}
            />
            <Prose text={option} className="inline-prose" />
          </label>
        ))}
      </div>
    </>
  );
}
