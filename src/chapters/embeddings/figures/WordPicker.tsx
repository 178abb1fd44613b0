import { useId } from 'react';

/** A select of words (the trained vocabulary's interesting words). */
export function WordPicker({
  label,
  words,
  value,
  onChange,
  testId,
}: {
  label: string;
  words: readonly string[];
  value: string;
  onChange(word: string): void;
  testId?: string;
}) {
  const id = useId();
  const options = words.includes(value) ? words : [value, ...words];
  return (
    <div className="emb-control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A ranked list of words with their cosine similarity. */
export function ScoredList({
  items,
  testId,
  empty,
}: {
  items: readonly { word: string; similarity: number }[];
  testId: string;
  empty: string;
}) {
  if (items.length === 0)
    return (
      <p className="emb-muted" data-testid={testId}>
        {empty}
      </p>
    );
  return (
    <ol className="emb-list emb-scored" data-testid={testId}>
      {items.map((s) => (
        <li key={s.word}>
          <span className="emb-token">{s.word}</span>{' '}
          <span className="emb-num">{s.similarity.toFixed(3)}</span>
        </li>
      ))}
    </ol>
  );
}
