import type { ReactNode } from 'react';

/** A labelled one-line text box of the embeddings figures: the label's text, then the input, in one label. */
export function TextField({
  label,
  value,
  onChange,
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label className="emb-textfield">
      {label}
      <input type="text" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}
