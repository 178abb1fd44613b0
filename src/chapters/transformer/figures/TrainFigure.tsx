import { useState } from 'react';
import { AttentionMap } from '../../../components/charts/AttentionMap';
import { LineChart } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { MetricsBar } from '../../../components/run/MetricsBar';
import { NoticeBar } from '../../../components/run/NoticeBar';
import { RunControls } from '../../../components/run/RunControls';
import { LiveReadouts } from './LiveReadouts';
import { useView } from '../../../state/useView';
import { useParamsStore } from '../../../state/runtimeContext';
import { usePresentation } from '../../../lessons';
import type { AttentionView, HistoryView } from '../../../experiments/transformer/trainerViews';

const STRUCTURE = ['task', 'len', 'enc', 'dec', 'heads', 'dmodel', 'tied'];
const TRAINING = ['lr', 'batch', 'warmup'];
/**
 * Each curve's height (px): two of them stand beside the attention maps, on a laptop within one 1280×800 screen. The
 * loss chart's short title keeps its head on one line, so its plot takes the line the head would have used.
 */
const CURVE_HEIGHT = 86;
const LOSS_CURVE_HEIGHT = 96;
/** On a projector the column beside the attention has room: curves 80 px tall were flat lines at 1.45× type. */
const PRESENTER_CURVE_HEIGHT = 140;

type AttentionPart = 'cross' | 'self';

/** Split a per-layer [H, Tq, Tk] map into heads for AttentionMap. */
function headsOf(map: Float32Array | undefined, H: number, label: string) {
  if (!map || H < 1) return [];
  const size = map.length / H;
  return Array.from({ length: H }, (_, h) => ({
    label: `${label} head ${h + 1}`,
    weights: map.subarray(h * size, (h + 1) * size),
  }));
}

/** Loss and held-out accuracy curves, one above the other beside the attention (re-render twice a second at most). */
function Curves() {
  const history = useView<HistoryView>('history', { hz: 1 });
  const present = usePresentation().present;
  const height = present ? PRESENTER_CURVE_HEIGHT : CURVE_HEIGHT;
  return (
    <div className="tf-train-curves">
      <LineChart
        title="Loss"
        series={history ? [{ label: 'loss', x: history.loss.step, y: history.loss.loss }] : []}
        xLabel="step"
        yLabel="loss"
        height={present ? PRESENTER_CURVE_HEIGHT : LOSS_CURVE_HEIGHT}
        stepOptions={{ smooth: true }} // one mini-batch per step: a noisy curve, shown smoothed
      />
      <LineChart
        title="Held-out accuracy"
        series={
          history
            ? [
                { label: 'tokens', x: history.eval.step, y: history.eval.accuracy },
                {
                  label: 'sequences (greedy)',
                  x: history.eval.step,
                  y: history.eval.seqAccuracy,
                  dashed: true,
                },
                { label: 'anti-diagonal', x: history.eval.step, y: history.eval.antiDiagonal },
              ]
            : []
        }
        xLabel="step"
        yDomain={[0, 1]}
        height={height}
      />
    </div>
  );
}

/**
 * Attention of one held-out example, per layer and head, redrawn ≈ 5.5 times a second while training: the
 * cross-attention (the map this step is about), or the encoder's and the decoder's self-attention side by side.
 */
function AttentionPanel({ part, layer }: { part: AttentionPart; layer: number }) {
  const attention = useView<AttentionView>('attention', { hz: 1000 / 150 });
  if (!attention) return null;
  const encLayer = Math.min(layer, Math.max(0, attention.encoderSelf.length - 1));
  const decLayer = Math.min(layer, Math.max(0, attention.cross.length - 1));
  const H = attention.heads;
  const example = (
    <p className="tf-note">
      Held-out example {attention.example + 1}: <code>{attention.srcTokens.join(' ')}</code> → predicted{' '}
      <code data-testid="tf-predicted">{attention.predictedTokens.join(' ')}</code> (teacher-forced)
    </p>
  );
  if (part === 'cross') {
    return (
      <>
        {example}
        <AttentionMap
          title={`Cross-attention, decoder layer ${decLayer + 1}`}
          caption="Rows: output positions, columns: input positions."
          heads={headsOf(attention.cross[decLayer], H, 'cross')}
          queryTokens={attention.targetTokens.map((t) => `→${t}`)}
          keyTokens={attention.srcTokens}
          maxCell={24}
          minHeadWidth={130}
        />
      </>
    );
  }
  return (
    <>
      {example}
      <AttentionMap
        title={`Encoder self-attention, layer ${encLayer + 1}`}
        heads={headsOf(attention.encoderSelf[encLayer], H, 'enc')}
        queryTokens={attention.srcTokens}
        maxCell={24}
        minHeadWidth={130}
      />
      <AttentionMap
        title={`Decoder masked self-attention, layer ${decLayer + 1}`}
        heads={headsOf(attention.decoderSelf[decLayer], H, 'dec')}
        queryTokens={attention.decoderTokens}
        maxCell={24}
        minHeadWidth={130}
      />
    </>
  );
}

/**
 * Step 5: train live — controls, read-outs, the attention of a held-out example beside the loss and accuracy curves,
 * then the settings. One kind of attention is shown at a time: "Attention shown" picks the cross-attention (default)
 * or the two self-attentions, as "Layer shown" picks the layer. On a 1280×800 laptop the figure fits one screen with the
 * cross-attention (e2e/fit-transformer.spec.ts). With the self-attentions the grid turns (`tf-train-grid--self` in
 * transformer.css): the two maps side by side across it, the curves side by side under them — the run controls, maps
 * and curves stay on the screen, the settings under them go past its bottom edge.
 */
export function TrainFigure() {
  const layers = useParamsStore((s) => Math.max(Number(s.values.enc) || 1, Number(s.values.dec) || 1));
  const [layer, setLayer] = useState(0);
  const [part, setPart] = useState<AttentionPart>('cross');
  return (
    <div className="tf-figure figure-compact tf-train" data-testid="tf-figure-train">
      <NoticeBar />
      <RunControls />
      <div className="tf-train-readouts">
        <MetricsBar />
        <LiveReadouts />
      </div>
      <div className={`tf-train-grid tf-train-grid--${part}`}>
        <div className="tf-train-attention">
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
            <label>
              Attention shown{' '}
              <select
                value={part}
                onChange={(e) => setPart(e.target.value as AttentionPart)}
                data-testid="tf-attention-select"
              >
                <option value="cross">cross</option>
                <option value="self">self (encoder, decoder)</option>
              </select>
            </label>
          </div>
          <AttentionPanel part={part} layer={layer} />
        </div>
        <Curves />
      </div>
      <div className="tf-train-settings">
        <ParamControls only={STRUCTURE} label="Task and model" />
        <ParamControls only={[...TRAINING, 'example']} label="Training" />
      </div>
    </div>
  );
}
