import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useRoute } from '../../platform/router';
import {
  AttentionMap,
  BarChart,
  DecisionBoundary,
  EmbeddingScatter,
  FunctionPlot,
  Histogram,
  LineChart,
  LossSurface,
  MatrixView,
  NetworkDiagram,
  TimeSeriesHeatmap,
} from '../../components/charts';
import { Prose, Tex } from '../../components/math';
import { LiveLineDemo } from './LiveLineDemo';
import {
  SENTENCE,
  WORD_GROUPS,
  attentionSample,
  bowl,
  bowlGrad,
  embeddingSample,
  hiddenStates,
  lossCurves,
  networkSample,
  optimiserPaths,
  randomMatrix,
  ringModel,
  ringPoints,
  softmax,
  threeClassGrid,
  weightSamples,
} from './samples';
import './gallery.css';

/**
 * #/gallery — every figure-kit component with seeded sample data, static (left) and live (right).
 * URL: `?static=1` starts with animations paused (deterministic screenshots); `?focus=<section>` shows one section;
 * `?perf=1` with focus=line makes the live LineChart carry ~100k points per series (the performance test).
 */

const LOOP_MS = 8000; // one cycle of the live animations
const TICK_MS = 100; // live figures other than the line chart update at 10 Hz

function useLivePhase(paused: boolean): number {
  const [t, setT] = useState(0);
  useEffect(() => {
    if (paused) return;
    const start = performance.now() - t * LOOP_MS;
    const id = setInterval(() => setT(((performance.now() - start) % LOOP_MS) / LOOP_MS), TICK_MS);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- resume from the current phase, not on every tick
  }, [paused]);
  return t;
}

const tanh = Math.tanh;
const dtanh = (x: number) => 1 - Math.tanh(x) ** 2;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const EXTRA_CURVES = [{ label: 'σ(x)', f: sigmoid }];
const LAYERS = [2, 4, 3, 1];
const NEURON_LABELS = [['x₁', 'x₂'], undefined, undefined, ['ŷ']];
const LOGITS = [2.1, 1.3, 0.4, 0.2, -0.3, -0.8, -1.1, -1.9];
const NEXT_TOKENS = ['mat', 'rug', 'sofa', 'floor', 'bed', 'hat', 'dog', 'moon'];
const LAYER_NAMES = ['layer 1', 'layer 2', 'layer 3', 'layer 4', 'layer 5', 'layer 6'];
const RNN_TOKENS = [
  'the',
  'quick',
  'brown',
  'fox',
  'jumps',
  'over',
  'the',
  'lazy',
  'dog',
  '.',
  'it',
  'was',
  'not',
  'amused',
  '.',
];
const UNIT_LABELS = Array.from({ length: 12 }, (_, i) => `h${i + 1}`);
const PATH_STEPS = 60;

const SECTIONS = [
  ['tex', 'Tex and Prose'],
  ['line', 'LineChart'],
  ['function', 'FunctionPlot'],
  ['decision', 'DecisionBoundary'],
  ['loss', 'LossSurface'],
  ['network', 'NetworkDiagram'],
  ['matrix', 'MatrixView'],
  ['attention', 'AttentionMap'],
  ['timeseries', 'TimeSeriesHeatmap'],
  ['bar', 'BarChart'],
  ['histogram', 'Histogram'],
  ['embedding', 'EmbeddingScatter'],
] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      className="gallery-section"
      id={`gallery-${id}`}
      data-testid={`gallery-${id}`}
      aria-labelledby={`gallery-h-${id}`}
    >
      <h2 id={`gallery-h-${id}`}>{title}</h2>
      <div className="gallery-pair">{children}</div>
    </section>
  );
}

export default function GalleryPage() {
  const { query } = useRoute();
  const [paused, setPaused] = useState(query.get('static') === '1');
  const focus = query.get('focus');
  const perf = query.get('perf') === '1';
  const t = useLivePhase(paused);

  const curves = useMemo(() => lossCurves(1200), []);
  const points = useMemo(() => ringPoints(160), []);
  const staticGrid = useMemo(() => ringModel(0.35), []);
  const liveGrid = useMemo(() => ringModel(0.5 - 0.5 * Math.cos(2 * Math.PI * t)), [t]);
  const three = useMemo(() => threeClassGrid(), []);
  const paths = useMemo(() => optimiserPaths(PATH_STEPS), []);
  const shownSteps = Math.max(1, Math.round(t * PATH_STEPS)) + 1;
  const liveStep = shownSteps - 1;
  const liveAt: [number, number] = [paths.sgd[2 * liveStep], paths.sgd[2 * liveStep + 1]];
  const [start, setStart] = useState<[number, number] | null>(null);
  const pickedPaths = useMemo(() => (start ? optimiserPaths(PATH_STEPS, start) : null), [start]);
  const netStatic = useMemo(() => networkSample(LAYERS, 0), []);
  const netLive = useMemo(() => networkSample(LAYERS, t), [t]);
  const matrix = useMemo(() => randomMatrix(4, 6), []);
  const attStatic = useMemo(() => attentionSample(SENTENCE, 2, 0.4), []);
  const attLive = useMemo(() => attentionSample(SENTENCE, 2, t), [t]);
  const hidden = useMemo(() => hiddenStates(12, RNN_TOKENS, 0), []);
  const hiddenLive = useMemo(() => hiddenStates(12, RNN_TOKENS, t), [t]);
  const temperature = 0.4 + 1.6 * (0.5 - 0.5 * Math.cos(2 * Math.PI * t));
  const probs = softmax(LOGITS, paused ? 1 : temperature);
  const gradNorms = [3e-1, 8e-2, 1.5e-2, 2e-3, 3e-4, 4e-5];
  const weights = useMemo(() => weightSamples(3000, [0.25, 0.6, 1.1], 0), []);
  const weightsLive = useMemo(
    () => weightSamples(3000, [0.25 + 0.3 * t, 0.6, 1.1 - 0.5 * t], 0.4 * Math.sin(2 * Math.PI * t)),
    [t],
  );
  const words = useMemo(() => embeddingSample(), []);
  const wordsLive = useMemo(
    () =>
      words.map((p, i) => ({
        ...p,
        x: p.x + 0.4 * Math.sin(2 * Math.PI * t + i),
        y: p.y + 0.4 * Math.cos(2 * Math.PI * t + i * 0.7),
      })),
    [words, t],
  );

  const a = 0.31 + 0.1 * Math.sin(2 * Math.PI * t);
  const b = 0.84;
  const c = 0.52 - 0.05 * Math.cos(2 * Math.PI * t);
  const liveTex = `\\frac{\\partial C}{\\partial w_2} = ${a.toFixed(2)} \\cdot ${b.toFixed(2)} \\cdot ${c.toFixed(2)} = ${(a * b * c).toFixed(4)}`;

  const show = (id: string) => !focus || focus === id;

  if (focus === 'line' && perf) {
    return (
      <div className="gallery">
        <h1>Figure gallery — LineChart performance</h1>
        <LiveLineDemo
          paused={paused}
          capacity={120_000}
          prefill={40_000}
          pointsPerUpdate={50}
          title="Live loss, 40k–100k points per series"
        />
      </div>
    );
  }

  return (
    <div className="gallery">
      <h1>Figure gallery</h1>
      <p className="gallery-intro">
        Every figure of the course kit with seeded sample data: a static example on the left, a live one on
        the right. Hover or focus a figure (Tab) and use the arrow keys to read values; each figure exports
        SVG and PNG.
      </p>
      <label className="gallery-toggle">
        <input type="checkbox" checked={paused} onChange={(e) => setPaused(e.target.checked)} /> Pause
        animations
      </label>
      <nav className="gallery-nav" aria-label="Gallery sections">
        {SECTIONS.map(([id, name]) => (
          <a key={id} href={`#/gallery?focus=${id}${paused ? '&static=1' : ''}`}>
            {name}
          </a>
        ))}
      </nav>

      {show('tex') && (
        <Section id="tex" title="Tex and Prose">
          <div className="gallery-card">
            <Prose
              text={
                'Inline math such as $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ sits in the text; display math stands alone:\n\n$$L = -\\sum_j y_j \\log h_j(x)$$\n\nUnsafe commands like $\\href{javascript:alert(1)}{x}$ render as errors, never as links.'
              }
            />
          </div>
          <div className="gallery-card" data-testid="live-tex">
            <p>A formula whose numbers change live, without flicker:</p>
            <Tex tex={liveTex} display />
          </div>
        </Section>
      )}

      {show('line') && (
        <Section id="line" title="LineChart">
          <LineChart
            title="Training and validation loss"
            series={[
              { label: 'train loss', y: curves.train },
              { label: 'validation loss', y: curves.val, dashed: true },
            ]}
            xLabel="step"
            yLabel="loss"
            caption="One train value is NaN (a gap)."
          />
          <LiveLineDemo paused={paused} />
        </Section>
      )}

      {show('function') && (
        <Section id="function" title="FunctionPlot">
          <FunctionPlot
            title="tanh and its derivative"
            f={tanh}
            df={dtanh}
            fLabel="tanh(x)"
            dfLabel="tanh′(x)"
            initialProbe={0.8}
            extra={EXTRA_CURVES}
          />
          <FunctionPlot
            title="Probe follows the animation"
            f={tanh}
            df={dtanh}
            fLabel="tanh(x)"
            dfLabel="tanh′(x)"
            probe={-3 + 6 * (0.5 - 0.5 * Math.cos(2 * Math.PI * t))}
          />
        </Section>
      )}

      {show('decision') && (
        <Section id="decision" title="DecisionBoundary">
          <DecisionBoundary
            title="Two rings, P(outer)"
            grid={staticGrid}
            points={points}
            classLabels={['inner', 'outer']}
          />
          <DecisionBoundary
            title="Training (live)"
            grid={liveGrid}
            points={points}
            classLabels={['inner', 'outer']}
          />
          <DecisionBoundary
            title="Three classes (softmax)"
            grid={three}
            classes={3}
            classLabels={['A', 'B', 'C']}
          />
        </Section>
      )}

      {show('loss') && (
        <Section id="loss" title="LossSurface">
          <LossSurface
            title="Three optimisers (click to set the start)"
            f={bowl}
            domain={[
              [-4, 4],
              [-2, 2],
            ]}
            paths={[
              { label: 'SGD', points: (pickedPaths ?? paths).sgd },
              { label: 'momentum', points: (pickedPaths ?? paths).mom },
              { label: 'Adam', points: (pickedPaths ?? paths).adam },
            ]}
            onPickStart={(x, y) => setStart([x, y])}
          />
          <LossSurface
            title="SGD step by step (live)"
            f={bowl}
            domain={[
              [-4, 4],
              [-2, 2],
            ]}
            paths={[{ label: 'SGD', points: paths.sgd, length: shownSteps }]}
            gradient={{ x: liveAt[0], y: liveAt[1], dx: bowlGrad(...liveAt)[0], dy: bowlGrad(...liveAt)[1] }}
          />
          <LossSurface
            title="The same bowl in 3D (drag to rotate)"
            f={bowl}
            domain={[
              [-4, 4],
              [-2, 2],
            ]}
            resolution={48}
            defaultMode="3d"
            paths={[{ label: 'Adam', points: paths.adam }]}
          />
        </Section>
      )}

      {show('network') && (
        <Section id="network" title="NetworkDiagram">
          <NetworkDiagram
            title="Weights"
            layers={LAYERS}
            weights={netStatic.weights}
            grads={netStatic.grads}
            neuronLabels={NEURON_LABELS}
          />
          <NetworkDiagram
            title="Gradients ∂L/∂w (live)"
            layers={LAYERS}
            weights={netLive.weights}
            grads={netLive.grads}
            activations={netLive.activations}
            mode="gradients"
          />
        </Section>
      )}

      {show('matrix') && (
        <Section id="matrix" title="MatrixView">
          <MatrixView
            title="A weight matrix W (4×6)"
            values={matrix}
            rows={4}
            cols={6}
            rowLabels={['out 1', 'out 2', 'out 3', 'out 4']}
            colLabels={['in 1', 'in 2', 'in 3', 'in 4', 'in 5', 'in 6']}
            showValues
          />
          <MatrixView
            title="Attention weights as a matrix (live)"
            values={attLive[1].weights}
            rows={SENTENCE.length}
            cols={SENTENCE.length}
            rowLabels={SENTENCE}
            colLabels={SENTENCE}
            colorScale="sequential"
            domain={[0, 1]}
          />
        </Section>
      )}

      {show('attention') && (
        <Section id="attention" title="AttentionMap">
          <AttentionMap title="Two heads" heads={attStatic} queryTokens={SENTENCE} />
          <AttentionMap title="Sharpening during training (live)" heads={attLive} queryTokens={SENTENCE} />
        </Section>
      )}

      {show('timeseries') && (
        <Section id="timeseries" title="TimeSeriesHeatmap">
          <TimeSeriesHeatmap
            title="RNN hidden state"
            values={hidden}
            rows={12}
            steps={RNN_TOKENS.length}
            tokens={RNN_TOKENS}
            rowLabels={UNIT_LABELS}
          />
          <TimeSeriesHeatmap
            title="Hidden state (live)"
            values={hiddenLive}
            rows={12}
            steps={RNN_TOKENS.length}
            tokens={RNN_TOKENS}
            rowLabels={UNIT_LABELS}
          />
        </Section>
      )}

      {show('bar') && (
        <Section id="bar" title="BarChart">
          <BarChart
            title="Gradient norm per layer (log scale)"
            bars={gradNorms.map((v, i) => ({ label: LAYER_NAMES[i], value: v }))}
            yScale="log"
            yLabel="‖∂L/∂W‖"
          />
          <BarChart
            title={`Next-token probabilities, temperature ${(paused ? 1 : temperature).toFixed(2)} (live)`}
            bars={probs.map((p, i) => ({ label: NEXT_TOKENS[i], value: p }))}
            highlight={0}
            yDomain={[0, 1]}
            yLabel="p"
            format={(v) => v.toFixed(2)}
          />
        </Section>
      )}

      {show('histogram') && (
        <Section id="histogram" title="Histogram">
          <Histogram
            title="Weights per layer"
            series={weights.map((values, i) => ({ label: `layer ${i + 1}`, values }))}
            xLabel="weight"
          />
          <Histogram
            title="Weights during training (live, log counts)"
            series={weightsLive.map((values, i) => ({ label: `layer ${i + 1}`, values }))}
            xLabel="weight"
            yScale="log"
            domain={[-4, 4]}
          />
        </Section>
      )}

      {show('embedding') && (
        <Section id="embedding" title="EmbeddingScatter">
          <EmbeddingScatter
            title="Word embeddings (2D)"
            points={words}
            groupLabels={WORD_GROUPS}
            selected={paused ? 0 : undefined}
          />
          <EmbeddingScatter
            title="Moving during training (live)"
            points={wordsLive}
            groupLabels={WORD_GROUPS}
          />
        </Section>
      )}
    </div>
  );
}
