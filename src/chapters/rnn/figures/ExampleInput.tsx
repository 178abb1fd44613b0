import { useId } from 'react';
import { showChar } from '../../../components/charModel/format';

export interface ExampleInputProps {
  label: string;
  value: string;
  maxLength: number;
  onChange: (text: string) => void;
  /** Characters that were skipped (not in the vocabulary): listed in a notice. */
  ignored: readonly string[];
  /** The characters that are accepted, listed in the hint. */
  allowed?: readonly string[];
  testId: string;
}

/** A text field for the worked example's input, with a polite notice naming skipped characters. */
export function ExampleInput({
  label,
  value,
  maxLength,
  onChange,
  ignored,
  allowed,
  testId,
}: ExampleInputProps) {
  const hintId = useId();
  return (
    <div className="rnn-input-row">
      <label>
        {label}{' '}
        <input
          type="text"
          value={value}
          maxLength={maxLength}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
          aria-describedby={hintId}
        />
      </label>
      <p id={hintId} className="rnn-note" role="status" data-testid={`${testId}-notice`}>
        {ignored.length > 0
          ? `Skipped (not in the vocabulary): ${ignored.map((c) => `“${showChar(c)}”`).join(', ')}.`
          : allowed
            ? `Vocabulary: ${allowed.map(showChar).join(' ')} (at most ${maxLength} characters).`
            : `At most ${maxLength} characters.`}
      </p>
    </div>
  );
}
