import { useMemo, useState } from 'react';
import { AttentionMap } from '../../../components/charts/AttentionMap';
import { MatrixView } from '../../../components/charts/MatrixView';
import { Tex } from '../../../components/math';
import { multiHeadByHand, tokensToVectors } from '../../../experiments/transformer/illustrations';

const D = 16;

/** Step 3: h heads side by side, their outputs concatenated and projected by W_O (main thread, seeded). */
export function MultiHeadFigure() {
  const [heads, setHeads] = useState(4);
  const input = useMemo(() => tokensToVectors('314159', { d: D }), []);
  const m = useMemo(() => multiHeadByHand(input.input, { heads }), [input, heads]);
  const tokens = input.tokens;
  const dk = m.heads[0]?.dk ?? D;
  const cols = (k: number) => Array.from({ length: k }, (_, i) => String(i));
  return (
    <div className="tf-figure captions-spoken" data-testid="tf-figure-multihead">
      <div className="tf-toolbar">
        <label>
          Heads h{' '}
          <select value={heads} onChange={(e) => setHeads(Number(e.target.value))}>
            {[1, 2, 4, 8].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <span className="tf-note">
          <Tex tex={`d_{\\text{model}} = ${D},\\ d_k = d_{\\text{model}}/h = ${dk}`} />
        </span>
      </div>
      <AttentionMap
        title={`${heads} head${heads > 1 ? 's' : ''} side by side`}
        heads={m.heads.map((h, i) => ({ label: `head ${i + 1}`, weights: h.weights.data }))}
        queryTokens={tokens}
        maxCell={30}
        minHeadWidth={140}
      />
      <p className="tf-formula">
        <Tex
          tex={`\\mathrm{MHA}(X) = \\mathrm{Concat}(\\mathrm{head}_1, \\dots, \\mathrm{head}_{${heads}})\\,W_O \\quad (${tokens.length} \\times ${heads} \\cdot ${dk}) \\cdot (${heads * dk} \\times ${D})`}
        />
      </p>
      <div className="tf-grid-2">
        <MatrixView
          title={`Concat of the ${heads} head outputs`}
          values={m.concat.data}
          rows={m.concat.rows}
          cols={m.concat.cols}
          rowLabels={tokens}
          colLabels={cols(m.concat.cols).map((c) => `h${Math.floor(Number(c) / dk) + 1}`)}
          showValues={false}
          caption={`Columns grouped by head: ${heads} blocks of ${dk}.`}
        />
        <MatrixView
          title="Output = Concat · W_O"
          values={m.output.data}
          rows={m.output.rows}
          cols={m.output.cols}
          rowLabels={tokens}
          colLabels={cols(D)}
          showValues={false}
          caption={`Back to width d_model = ${D}: W_O mixes what the heads found.`}
        />
      </div>
    </div>
  );
}
