import { useMemo } from 'react';
import { wordTokens } from '../../../core';
import { TOPIC_WORDS, TOPICS } from '../../../experiments/embeddings/corpus';
import { Rng } from '../../../core';
import { BarChart } from '../../../components/charts';
import { useCorpusTables, useTextParam } from './text';
import { TextNotice } from './TextNotice';
import { TextField } from './TextField';

const DEFAULT_TEXT = 'the coach and the team win the match';

/** Topic word counts of a text: the "understand" job done by counting, ignoring order. */
export function topicCounts(tokens: readonly string[]): number[] {
  return TOPICS.map(
    (t) => tokens.filter((w) => TOPIC_WORDS[t].nouns.includes(w) || TOPIC_WORDS[t].verbs.includes(w)).length,
  );
}

/** Step 1: one text, two jobs — the topic (bag of words) and the next word (from the last word only). */
export function SequencesFigure() {
  const { text, setText, notice } = useTextParam('text', DEFAULT_TEXT);
  const { bigrams } = useCorpusTables();
  const tokens = useMemo(() => wordTokens(text), [text]);
  const counts = topicCounts(tokens);
  const total = counts.reduce((a, b) => a + b, 0);
  const topic = total > 0 ? TOPICS[counts.indexOf(Math.max(...counts))] : null;
  const last = tokens[tokens.length - 1];
  const next = useMemo(() => {
    const row = last ? bigrams.get(last) : undefined;
    if (!row) return [];
    const sum = [...row.values()].reduce((a, b) => a + b, 0);
    return [...row.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([word, c]) => ({ word, p: c / sum }));
  }, [bigrams, last]);

  const shuffle = () => {
    const rng = new Rng(tokens.length * 31 + text.length);
    setText(rng.shuffle([...tokens]).join(' '));
  };

  return (
    <div className="emb-figure" data-testid="figure-sequences">
      <TextNotice line={notice} />
      <TextField label="Text" value={text} onChange={setText} testId="sequence-input" />
      <div className="chip-row emb-buttons">
        <button type="button" onClick={shuffle} disabled={tokens.length < 2}>
          Shuffle the words
        </button>
        <button type="button" onClick={() => setText(DEFAULT_TEXT)}>
          Back to the example
        </button>
      </div>
      <div className="emb-pair">
        <section className="emb-panel" aria-labelledby="emb-understand">
          <h3 id="emb-understand">Understand: which topic?</h3>
          <BarChart
            title="Topic words found"
            bars={TOPICS.map((t, i) => ({ label: t, value: counts[i] }))}
            height={170}
            caption="Counts of each topic's words in the text; word order plays no part."
          />
          <p className="emb-readout">
            Topic: <strong data-testid="sequence-topic">{topic ?? 'no topic word found'}</strong>
          </p>
        </section>
        <section className="emb-panel" aria-labelledby="emb-generate">
          <h3 id="emb-generate">Generate: what comes next?</h3>
          {next.length > 0 ? (
            <ol className="emb-list" data-testid="sequence-next">
              {next.map((n) => (
                <li key={n.word}>
                  <span className="emb-token">{n.word}</span>{' '}
                  <span className="emb-num">{n.p.toFixed(3)}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="emb-muted" data-testid="sequence-next">
              The corpus never continues “{last ?? ''}”.
            </p>
          )}
          <p className="emb-muted">
            After “{last ?? '…'}”, how often each word followed it in the corpus (share of cases).
          </p>
        </section>
      </div>
    </div>
  );
}
