import { useState } from 'react';
import { AttentionMap } from '../../../components/charts/AttentionMap';
import { LineChart } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { MetricsBar } from '../../../components/run/MetricsBar';
import { NoticeBar } from '../../../components/run/NoticeBar';
import { RunControls } from '../../../components/run/RunControls';
import { LiveReadouts } from './LiveReadouts';
import { useThrottledView } from './useThrottledView';
import { useParamsStore } from '../../../state/paramsStore';

interface HistoryView {
  loss: { step: Float64Array; loss: Float32Array };
  eval: { step: Float64Array; accuracy: Float32Array; seqAccuracy: Float32Array; antiDiagonal: Float32Array };
}

export interface AttentionView {
  example: number;
  heads: number;
  srcTokens: string[];
  decoderTokens: string[];
  targetTokens: string[];
  predictedTokens: string[];
  encoderSelf: Float32Array[];
  decoderSelf: Float32Array[];
  cross: Float32Array[];
}

const STRUCTURE = ['task', 'len', 'enc', 'dec', 'heads', 'dmodel', 'tied'];
const TRAINING = ['lr', 'batch', 'warmup'];

/** Split a per-layer [H, Tq, Tk] map into heads for AttentionMap. */
function headsOf(map: Float32Array | undefined, H: number, label: string) {
  if (!map || H < 1) return [];
  const size = map.length / H;
  return Array.from({ length: H }, (_, h) => ({
    label: `${label} head ${h + 1}`,
    weights: map.subarray(h * size, (h + 1) * size),
  }));
}

/** Loss and held-out accuracy curves (re-render twice a second at most). */
function Curves() {
  const history = useThrottledView<HistoryView>('history', 1000);
  return (
    <div className="tf-grid-2">
      <LineChart
        title="Training loss (cross-entropy)"
        series={history ? [{ label: 'loss', x: history.loss.step, y: history.loss.loss }] : []}
        xLabel="step"
        yLabel="loss"
        height={200}
        stepOptions={{ smooth: true }} // one mini-batch per step: a noisy curve, shown smoothed
      />
      <LineChart
        title="Held-out accuracy"
        series={
          history
            ? [
                { label: 'tokens (teacher-forced)', x: history.eval.step, y: history.eval.accuracy },
                {
                  label: 'sequences (greedy)',
                  x: history.eval.step,
                  y: history.eval.seqAccuracy,
                  dashed: true,
                },
                { label: 'anti-diagonal share', x: history.eval.step, y: history.eval.antiDiagonal },
              ]
            : []
        }
        xLabel="step"
        yDomain={[0, 1]}
        height={200}
      />
    </div>
  );
}

/** Attention of one held-out example, per layer and head, redrawn ≈ 5.5 times a second while training. */
function AttentionPanel({ part, layer }: { part: 'cross' | 'self'; layer: number }) {
  const attention = useThrottledView<AttentionView>('attention', 150);
  if (!attention) return null;
  const encLayer = Math.min(layer, Math.max(0, attention.encoderSelf.length - 1));
  const decLayer = Math.min(layer, Math.max(0, attention.cross.length - 1));
  const H = attention.heads;
  if (part === 'cross') {
    return (
      <>
        <p className="tf-note">
          Held-out example {attention.example + 1}: <code>{attention.srcTokens.join(' ')}</code> → the model
          predicts <code data-testid="tf-predicted">{attention.predictedTokens.join(' ')}</code>{' '}
          (teacher-forced)
        </p>
        <AttentionMap
          title={`Cross-attention, decoder layer ${decLayer + 1} (rows: output positions, columns: input)`}
          heads={headsOf(attention.cross[decLayer], H, 'cross')}
          queryTokens={attention.targetTokens.map((t) => `→${t}`)}
          keyTokens={attention.srcTokens}
          maxCell={30}
        />
      </>
    );
  }
  return (
    <div className="tf-grid-2">
      <AttentionMap
        title={`Encoder self-attention, layer ${encLayer + 1}`}
        heads={headsOf(attention.encoderSelf[encLayer], H, 'enc')}
        queryTokens={attention.srcTokens}
        maxCell={24}
      />
      <AttentionMap
        title={`Decoder masked self-attention, layer ${decLayer + 1}`}
        heads={headsOf(attention.decoderSelf[decLayer], H, 'dec')}
        queryTokens={attention.decoderTokens}
        maxCell={24}
      />
    </div>
  );
}

/** Step 5: train live — controls, read-outs, loss and accuracy curves, attention maps per layer and head. */
export function TrainFigure() {
  const layers = useParamsStore((s) => Math.max(Number(s.values.enc) || 1, Number(s.values.dec) || 1));
  const [layer, setLayer] = useState(0);
  return (
    <div className="tf-figure" data-testid="tf-figure-train">
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      <LiveReadouts />
      <div className="tf-toolbar">
        <label>
          Layer shown{' '}
          <select
            value={layer}
            onChange={(e) => setLayer(Number(e.target.value))}
            data-testid="tf-layer-select"
          >
            {Array.from({ length: layers }, (_, i) => (
              <option key={i} value={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      </div>
      <AttentionPanel part="cross" layer={layer} />
      <Curves />
      <AttentionPanel part="self" layer={layer} />
      <div className="tf-grid-2">
        <ParamControls only={STRUCTURE} label="Task and model" />
        <ParamControls only={[...TRAINING, 'example']} label="Training" />
      </div>
    </div>
  );
}
