import { useMemo, useState } from 'react';
import { AttentionMap } from '../../../components/charts/AttentionMap';
import { MatrixView } from '../../../components/charts/MatrixView';
import { Tex } from '../../../components/math';
import {
  attentionByHand,
  tokensToVectors,
  type Matrix,
} from '../../../experiments/transformer/illustrations';

const D = 8;
const DK = 4;

const showMinusInfinity = (v: number) => (v === -Infinity ? '−∞' : v.toFixed(2));

function Stage({
  tex,
  title,
  m,
  rowLabels,
  colLabels,
  sequential,
  format,
  span,
}: {
  tex: string;
  title: string;
  m: Matrix;
  rowLabels: readonly string[];
  colLabels?: readonly string[];
  sequential?: boolean;
  format?: (v: number) => string;
  /** 'half': half a row of the figure's grid (default a third). */
  span?: 'half';
}) {
  return (
    <div className={span === 'half' ? 'tf-stage tf-stage--half' : 'tf-stage'}>
      <p className="tf-formula">
        <Tex tex={`${tex} \\enspace (${m.rows} \\times ${m.cols})`} />
      </p>
      <MatrixView
        title={title}
        values={m.data}
        rows={m.rows}
        cols={m.cols}
        rowLabels={rowLabels}
        colLabels={colLabels ?? Array.from({ length: m.cols }, (_, i) => String(i))}
        showValues
        colorScale={sequential ? 'sequential' : undefined}
        format={format}
        maxCell={30}
        caption={`${title}: ${m.rows} × ${m.cols}.`}
      />
    </div>
  );
}

/**
 * Step 2: one attention head computed stage by stage from seeded weights (main thread: a 5 × 8 input is a few
 * hundred multiply-adds, so hover and the mask toggle respond instantly and no worker is needed).
 */
export function AttentionByHandFigure() {
  const [text, setText] = useState('31415');
  const [causal, setCausal] = useState(false);
  const input = useMemo(() => tokensToVectors(text.slice(0, 12), { d: D }), [text]);
  const s = useMemo(() => attentionByHand(input.input, { dk: DK, causal }), [input, causal]);
  const tokens = input.tokens;
  const n = tokens.length;
  return (
    <div className="tf-figure captions-spoken" data-testid="tf-figure-attention">
      <div className="tf-toolbar">
        <label>
          Input (digits){' '}
          <input type="text" value={text} maxLength={12} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="tf-toggle">
          <input
            type="checkbox"
            checked={causal}
            onChange={(e) => setCausal(e.target.checked)}
            data-testid="tf-causal-toggle"
          />{' '}
          Causal mask
        </label>
      </div>
      <p className="tf-note">
        {n} tokens, <Tex tex={`d_{\\text{model}} = ${D},\\ d_k = ${DK}`} />; random seeded weights: the
        mechanics, not a trained model.
      </p>
      {/* One grid in reading order — X, Q | K, V, scores | weights, output — so the six stages fit one laptop screen. */}
      <div className="tf-hand-grid">
        <Stage tex="X" title="Input X" m={s.x} rowLabels={tokens} span="half" />
        <Stage tex="Q = X W_Q" title="Queries Q" m={s.q} rowLabels={tokens} span="half" />
        <Stage tex="K = X W_K" title="Keys K" m={s.k} rowLabels={tokens} />
        <Stage tex="V = X W_V" title="Values V" m={s.v} rowLabels={tokens} />
        <Stage
          tex={`Q K^{\\top} / \\sqrt{d_k}${causal ? ' + M' : ''}`}
          title={causal ? 'Scores with causal mask M' : 'Scores'}
          m={s.scores}
          rowLabels={tokens}
          colLabels={tokens}
          format={showMinusInfinity}
        />
        <div className="tf-stage tf-stage--half">
          <p className="tf-formula">
            <Tex tex={`A = \\mathrm{softmax}(\\text{scores}) \\enspace (${n} \\times ${n})`} />
          </p>
          <AttentionMap
            title="Weights A"
            heads={[{ label: 'one head', weights: s.weights.data }]}
            queryTokens={tokens}
            maxCell={26}
            caption={
              causal
                ? 'Each row sums to 1. Causal mask on: the upper triangle is 0.'
                : 'Each row sums to 1. No mask: every query sees every key.'
            }
          />
        </div>
        <Stage tex="\mathrm{Attention} = A V" title="Output" m={s.output} rowLabels={tokens} span="half" />
      </div>
    </div>
  );
}
