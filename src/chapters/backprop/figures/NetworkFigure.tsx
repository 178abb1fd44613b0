import { useMemo, useState } from 'react';
import { DecisionBoundary, NetworkDiagram, fmt, type BoundaryPoint } from '../../../components/charts';
import { Tex } from '../../../components/math';
import {
  gradsMatch,
  isBoundaryView,
  isLayerGrads,
  isNetworkWeightsView,
  isPointsView,
  type BoundaryView,
  type LayerParamsView,
  type NetworkWeightsView,
  type PointsView,
} from '../../../experiments/classifierViews';
import { CLASSIFIER_ACTIVATIONS, sampleBackprop } from '../../../experiments/descent/networkBackprop';
import { useView } from '../../../state/useView';
import type { LessonStep } from '../../../lessons/types';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { edgeIndices, edgeOptions, type EdgeKey } from './networkInspect';

/** Backprop step 4: the runtime's 2D classifier with its network drawn in gradient mode, plus a weight inspector. */
export function NetworkFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="classifier2d"
      step={step}
      views={['weights', 'grads', 'boundary', 'points']}
      controls={['dataset', 'hidden', 'act', 'lr', 'batch']}
      className="figure-compact descent-fit"
    >
      <NetworkPlots />
    </ExperimentPanel>
  );
}

/** The classifier's latest views: the network, its gradients, the prediction grid and the training points. */
function useNetworkViews() {
  const net = useView<NetworkWeightsView>('weights', { accept: isNetworkWeightsView }) ?? null;
  const gradsView = useView<LayerParamsView[]>('grads', { accept: isLayerGrads });
  // Gradients of the previous network (a frame sent before a rebuild) are not drawn on the new one.
  const grads = net && gradsView && gradsMatch(gradsView, net) ? gradsView.map((g) => g.w) : null;
  const grid = useView<BoundaryView>('boundary', { accept: isBoundaryView });
  const train = useView<PointsView>('points', { accept: isPointsView })?.train;
  const tx = train?.x;
  const ty = train?.y;
  const points = useMemo<BoundaryPoint[]>(() => {
    const out: BoundaryPoint[] = [];
    if (tx && ty)
      for (let i = 0; i < ty.length; i++) out.push({ x: tx[2 * i], y: tx[2 * i + 1], label: ty[i] });
    return out;
  }, [tx, ty]);
  return { net, grads, grid, points, tx, ty };
}

interface InspectControlsProps {
  edge: string;
  options: { key: EdgeKey; label: string }[];
  setEdge(e: EdgeKey): void;
  sample: number;
  count: number;
  setSample(s: number): void;
}

/** Pick the weight to inspect and the training sample whose backprop is written out. */
function InspectControls({ edge, options, setEdge, sample, count, setSample }: InspectControlsProps) {
  return (
    <div className="network-inspect">
      <label className="chain-field">
        <span>Inspect the weight</span>
        <select value={edge} onChange={(e) => setEdge(e.target.value as EdgeKey)} data-testid="inspect-edge">
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="chain-field">
        <span>Training sample</span>
        <input
          type="number"
          min={1}
          max={Math.max(1, count)}
          value={sample + 1}
          onChange={(e) => {
            const v = Math.floor(Number(e.target.value));
            if (Number.isFinite(v)) setSample(Math.max(0, Math.min(Math.max(0, count - 1), v - 1)));
          }}
          data-testid="inspect-sample"
        />
      </label>
    </div>
  );
}

/** δ of the weight's head neuron (the output's or a hidden one's) and the one-sample gradient δ_j · a_k. */
function InspectFormulas(props: {
  isOutput: boolean;
  z: number;
  y: number | undefined;
  delta: number;
  aIn: number;
  s: number;
}) {
  const { isOutput, z, y, delta, aIn, s } = props;
  const deltaTex = isOutput
    ? `\\delta = \\sigma(z) - y = ${fmt(1 / (1 + Math.exp(-z)), 4)} - ${fmt(y, 0)} = ${fmt(delta, 4)}`
    : `\\delta_j = g'(z_j)\\sum_o w_{oj}\\,\\delta_o = ${fmt(delta, 4)}`;
  return (
    <div className="descent-formula network-formulas">
      <Tex display tex={deltaTex} />
      <Tex
        display
        tex={`\\frac{\\partial L^{(${s + 1})}}{\\partial w} = \\delta_j \\, a_k = ${fmt(delta, 4)} \\times ${fmt(aIn, 4)} = ${fmt(delta * aIn, 5)}`}
      />
    </div>
  );
}

function NetworkPlots() {
  const { net, grads, grid, points, tx, ty } = useNetworkViews();
  const [edge, setEdge] = useState<EdgeKey>('0:0:0');
  const [sample, setSample] = useState(0);

  if (!net) return <p className="loading">Loading the network…</p>;
  const L = net.sizes.length;
  const [l, j, k] = edgeIndices(edge, net.sizes);
  const nIn = net.sizes[l];
  const wValue = net.layers[l].w[j * nIn + k];
  const gValue = grads?.[l][j * nIn + k];

  const count = ty?.length ?? 0;
  const s = count > 0 ? Math.min(sample, count - 1) : -1;
  const act = CLASSIFIER_ACTIVATIONS[net.activation] ?? 'tanh';
  const bp =
    s >= 0 && tx && ty ? sampleBackprop(net.sizes, net.layers, act, [tx[2 * s], tx[2 * s + 1]], ty[s]) : null;
  const delta = bp?.delta[l][j];
  const aIn = bp?.a[l][k];

  return (
    <figure className="descent-figure" data-testid="network-plot">
      <div className="descent-pair">
        <NetworkDiagram
          layers={net.sizes}
          weights={net.layers.map((x) => x.w)}
          grads={grads ?? undefined}
          mode="gradients"
          title="∂L/∂w on every edge"
          height={200}
          caption="Edge colour is the sign of ∂L/∂w for the last mini-batch, thickness its size."
        />
        {grid ? (
          <DecisionBoundary grid={grid} points={points} height={200} title="What the network predicts" />
        ) : (
          <span />
        )}
      </div>
      <InspectControls
        edge={`${l}:${j}:${k}`}
        options={edgeOptions(net.sizes)}
        setEdge={setEdge}
        sample={s}
        count={count}
        setSample={setSample}
      />
      <p data-testid="inspect-values">
        w = {fmt(wValue, 4)}; ∂L/∂w over the last mini-batch ={' '}
        <span data-testid="inspect-grad">{fmt(gValue, 5)}</span>.
      </p>
      {bp && delta !== undefined && aIn !== undefined && (
        <InspectFormulas isOutput={l === L - 2} z={bp.z[l][j]} y={ty?.[s]} delta={delta} aIn={aIn} s={s} />
      )}
      {/* The step's text says the same (δ at the head times the activation at the tail): spoken, not shown twice. */}
      <figcaption className="visually-hidden">
        For one training sample the gradient of a weight is the error signal δ at its head times the
        activation at its tail; the mini-batch gradient above is the average of these products over the batch.
      </figcaption>
    </figure>
  );
}
