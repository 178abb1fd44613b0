import { useMemo, useState } from 'react';
import { MatrixView } from '../../../components/charts/MatrixView';
import { Tex } from '../../../components/math';
import {
  rowCosineSimilarity,
  sinusoidalEncoding,
  tokensToVectors,
} from '../../../experiments/transformer/illustrations';

/** Colour-only cells need no room for numbers: capped, a 16×16 table stays one screen tall on a projector too. */
const COLOUR_CELL = 28;

const PE_POSITIONS = 16;
const WIDTHS = [8, 16, 32] as const;

/**
 * Step 1: tokens → ids → embedding rows → √d·X + PE, the positional encoding as a heatmap (positions × dimensions)
 * and the cosine similarity of positions. Computed on the main thread (tiny, seeded, instant on every keystroke).
 */
export function TokensFigure() {
  const [text, setText] = useState('31415926');
  const [d, setD] = useState<number>(16);
  const view = useMemo(() => tokensToVectors(text, { d }), [text, d]);
  const pe = useMemo(() => sinusoidalEncoding(PE_POSITIONS, d), [d]);
  const similarity = useMemo(() => rowCosineSimilarity(pe), [pe]);
  const n = view.tokens.length;
  const dims = Array.from({ length: d }, (_, i) => String(i));
  const positions = Array.from({ length: PE_POSITIONS }, (_, i) => String(i));
  const rowLabels = view.tokens.map((t, i) => `${i}: ${t}`);

  return (
    <div className="tf-figure captions-spoken" data-testid="tf-figure-tokens">
      <div className="tf-toolbar">
        <label>
          Input (digits){' '}
          <input
            type="text"
            value={text}
            maxLength={40}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="tf-tokens-note"
            data-testid="tf-tokens-input"
          />
        </label>
        <label>
          d_model{' '}
          <select value={d} onChange={(e) => setD(Number(e.target.value))}>
            {WIDTHS.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <span className="tf-formula">
          <Tex tex={`X \\in \\mathbb{R}^{${n} \\times ${d}}, \\quad E = \\sqrt{${d}}\\,X + \\mathrm{PE}`} />
        </span>
      </div>
      <p id="tf-tokens-note" className="tf-note" role="status">
        {view.unknown.length > 0
          ? `Not in the vocabulary (dropped): ${view.unknown.join(' ')}. The vocabulary is ${view.vocab.join(' ')}.`
          : `Vocabulary: ${view.vocab.join(' ')} (${view.vocab.length} tokens, 3 special).`}
      </p>
      <ol className="tf-token-chips" aria-label="Tokens and their ids">
        {view.tokens.map((t, i) => (
          <li key={i}>
            <span className="tf-chip-token">{t}</span>
            <span className="tf-chip-arrow" aria-hidden="true">
              ↓
            </span>
            <span className="tf-chip-id">id {view.ids[i]}</span>
          </li>
        ))}
      </ol>
      <div className="tf-grid-2">
        <MatrixView
          title="Embedding rows X = W_E[ids]"
          values={view.embedded.data}
          rows={n}
          cols={d}
          rowLabels={rowLabels}
          colLabels={dims}
          showValues={false}
          maxCell={COLOUR_CELL}
          caption={`X has shape ${n} × ${d}: one row of the embedding table per token.`}
        />
        <MatrixView
          title="E = √d·X + PE"
          values={view.input.data}
          rows={n}
          cols={d}
          rowLabels={rowLabels}
          colLabels={dims}
          showValues={false}
          maxCell={COLOUR_CELL}
          caption={`E has shape ${n} × ${d}; the embeddings were multiplied by √${d} ≈ ${view.scaleFactor.toFixed(2)}.`}
        />
      </div>
      <div className="tf-grid-2">
        <MatrixView
          title="Positional encoding PE"
          values={pe.data}
          rows={PE_POSITIONS}
          cols={d}
          rowLabels={positions}
          colLabels={dims}
          domain={[-1, 1]}
          showValues={false}
          maxCell={COLOUR_CELL}
          caption="Rows: positions, columns: dimensions. Low dimensions oscillate quickly, high dimensions slowly."
        />
        <MatrixView
          title="Cosine similarity of positions"
          values={similarity.data}
          rows={PE_POSITIONS}
          cols={PE_POSITIONS}
          rowLabels={positions}
          colLabels={positions}
          colorScale="sequential"
          domain={[Math.min(...similarity.data), 1]}
          showValues={false}
          maxCell={COLOUR_CELL}
          caption={`Cosine similarity of the encodings of two positions: it depends only on their distance (every diagonal has one colour). Neighbours: ${similarity.data[1].toFixed(2)}; 8 apart: ${similarity.data[8].toFixed(2)}.`}
        />
      </div>
    </div>
  );
}
