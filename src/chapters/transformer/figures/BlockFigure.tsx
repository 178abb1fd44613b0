import { useMemo, useState } from 'react';
import { Tex } from '../../../components/math';
import { meanAndStd, traceLayerNorms } from '../../../experiments/transformer/blockTrace';
import { Histogram } from '../../../components/charts';
import { BlockDiagram, SUBLAYERS, type SublayerId } from './BlockDiagram';

const BINS = 32;
/** Two decimals, without a “-0.00”. */
const f2 = (x: number) => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);
const RANGE: [number, number] = [-4, 4];

/**
 * Step 4: the encoder–decoder block with the current sublayer lit, and the activations of a small untrained model
 * before and after that sublayer's layer norm (main thread: one forward of one sequence, computed once).
 */
export function BlockFigure() {
  const [index, setIndex] = useState(0);
  const trace = useMemo(() => traceLayerNorms(1), []);
  const current = SUBLAYERS[index];
  const { before, after } = trace[current.id];
  const sb = meanAndStd(before);
  const sa = meanAndStd(after);
  const select = (id: SublayerId) => setIndex(SUBLAYERS.findIndex((s) => s.id === id));
  return (
    <div className="tf-figure captions-spoken" data-testid="tf-figure-block">
      <div className="tf-toolbar">
        <button
          type="button"
          className="button"
          onClick={() => setIndex((i) => Math.max(0, i - 1))}
          disabled={index === 0}
        >
          ← Previous sublayer
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setIndex((i) => Math.min(SUBLAYERS.length - 1, i + 1))}
          disabled={index === SUBLAYERS.length - 1}
          data-testid="tf-next-sublayer"
        >
          Next sublayer →
        </button>
        <span className="tf-note" aria-live="polite" data-testid="tf-sublayer-label">
          {index + 1} / {SUBLAYERS.length}: {current.label}
        </span>
      </div>
      <p className="tf-formula">
        <Tex tex={current.tex} display />
      </p>
      <div className="tf-block-layout">
        <BlockDiagram active={current.id} onSelect={select} />
        <div>
          <Histogram
            title="Activations before and after layer norm"
            series={[
              { label: 'before: x + Sublayer(x)', values: before },
              { label: 'after: LayerNorm(…)', values: after },
            ]}
            bins={BINS}
            domain={RANGE}
            xLabel="activation"
            height={220}
            caption={`Before layer norm: mean ${f2(sb.mean)}, std ${f2(sb.std)}. After: mean ${f2(sa.mean)}, std ${f2(sa.std)}.`}
          />
          <p className="tf-note" data-testid="tf-norm-stats">
            Before: mean {f2(sb.mean)}, std {f2(sb.std)} · after: mean {f2(sa.mean)}, std {f2(sa.std)} (each
            row of {32} values is standardised; gain 1 and shift 0 at initialisation).
          </p>
        </div>
      </div>
    </div>
  );
}
