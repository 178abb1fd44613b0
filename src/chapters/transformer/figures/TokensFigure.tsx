import { useMemo, useState } from 'react';
import { MatrixView, type MatrixViewProps } from '../../../components/charts/MatrixView';
import { Tex } from '../../../components/math';
import {
  rowCosineSimilarity,
  sinusoidalEncoding,
  tokensToVectors,
} from '../../../experiments/transformer/illustrations';

/** Colour-only cells need no room for numbers: capped, a 16×16 table stays one screen tall on a projector too. */
const COLOUR_CELL = 28;

/** A matrix of this figure, shown by colour only (the numbers are read by hovering or with the arrow keys). */
function ColourMatrix(props: Omit<MatrixViewProps, 'showValues' | 'maxCell'>) {
  return <MatrixView {...props} showValues={false} maxCell={COLOUR_CELL} />;
}

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

  return (
    <div className="tf-figure captions-spoken" data-testid="tf-figure-tokens">
      <TokensToolbar text={text} onText={setText} d={d} onWidth={setD} tokenCount={view.tokens.length} />
      <p id="tf-tokens-note" className="tf-note" role="status">
        {vocabularyNote(view)}
      </p>
      <TokenChips tokens={view.tokens} ids={view.ids} />
      <EmbeddingMatrices view={view} d={d} />
      <PositionMatrices d={d} />
    </div>
  );
}

type TokensView = ReturnType<typeof tokensToVectors>;

/** The tokens that were dropped, or else the vocabulary. */
function vocabularyNote(view: TokensView): string {
  return view.unknown.length > 0
    ? `Not in the vocabulary (dropped): ${view.unknown.join(' ')}. The vocabulary is ${view.vocab.join(' ')}.`
    : `Vocabulary: ${view.vocab.join(' ')} (${view.vocab.length} tokens, 3 special).`;
}

/** The input text, the model width and the formula with the current shape. */
function TokensToolbar({
  text,
  onText,
  d,
  onWidth,
  tokenCount,
}: {
  text: string;
  onText: (text: string) => void;
  d: number;
  onWidth: (d: number) => void;
  tokenCount: number;
}) {
  return (
    <div className="tf-toolbar">
      <label>
        Input (digits){' '}
        <input
          type="text"
          value={text}
          maxLength={40}
          onChange={(e) => onText(e.target.value)}
          aria-describedby="tf-tokens-note"
          data-testid="tf-tokens-input"
        />
      </label>
      <label>
        d_model{' '}
        <select value={d} onChange={(e) => onWidth(Number(e.target.value))}>
          {WIDTHS.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>
      <span className="tf-formula">
        <Tex
          tex={`X \\in \\mathbb{R}^{${tokenCount} \\times ${d}}, \\quad E = \\sqrt{${d}}\\,X + \\mathrm{PE}`}
        />
      </span>
    </div>
  );
}

/** Each token above its id. */
function TokenChips({ tokens, ids }: { tokens: readonly string[]; ids: ArrayLike<number> }) {
  return (
    <ol className="tf-token-chips" aria-label="Tokens and their ids">
      {tokens.map((t, i) => (
        <li key={i}>
          <span className="tf-chip-token">{t}</span>
          <span className="tf-chip-arrow" aria-hidden="true">
            ↓
          </span>
          <span className="tf-chip-id">id {ids[i]}</span>
        </li>
      ))}
    </ol>
  );
}

/** The embedding rows X and the scaled input E = √d·X + PE, one row per token. */
function EmbeddingMatrices({ view, d }: { view: TokensView; d: number }) {
  const n = view.tokens.length;
  const dims = Array.from({ length: d }, (_, i) => String(i));
  const rowLabels = view.tokens.map((t, i) => `${i}: ${t}`);
  const shape = { rows: n, cols: d, rowLabels, colLabels: dims };
  return (
    <div className="tf-grid-2">
      <ColourMatrix
        title="Embedding rows X = W_E[ids]"
        values={view.embedded.data}
        {...shape}
        caption={`X has shape ${n} × ${d}: one row of the embedding table per token.`}
      />
      <ColourMatrix
        title="E = √d·X + PE"
        values={view.input.data}
        {...shape}
        caption={`E has shape ${n} × ${d}; the embeddings were multiplied by √${d} ≈ ${view.scaleFactor.toFixed(2)}.`}
      />
    </div>
  );
}

/** The positional encoding (positions × dimensions) and the cosine similarity of positions. */
function PositionMatrices({ d }: { d: number }) {
  const pe = useMemo(() => sinusoidalEncoding(PE_POSITIONS, d), [d]);
  const similarity = useMemo(() => rowCosineSimilarity(pe), [pe]);
  const dims = Array.from({ length: d }, (_, i) => String(i));
  const positions = Array.from({ length: PE_POSITIONS }, (_, i) => String(i));
  return (
    <div className="tf-grid-2">
      <ColourMatrix
        title="Positional encoding PE"
        values={pe.data}
        rows={PE_POSITIONS}
        cols={d}
        rowLabels={positions}
        colLabels={dims}
        domain={[-1, 1]}
        caption="Rows: positions, columns: dimensions. Low dimensions oscillate quickly, high dimensions slowly."
      />
      <ColourMatrix
        title="Cosine similarity of positions"
        values={similarity.data}
        rows={PE_POSITIONS}
        cols={PE_POSITIONS}
        rowLabels={positions}
        colLabels={positions}
        colorScale="sequential"
        domain={[Math.min(...similarity.data), 1]}
        caption={`Cosine similarity of the encodings of two positions: it depends only on their distance (every diagonal has one colour). Neighbours: ${similarity.data[1].toFixed(2)}; 8 apart: ${similarity.data[8].toFixed(2)}.`}
      />
    </div>
  );
}
