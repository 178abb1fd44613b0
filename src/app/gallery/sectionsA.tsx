import { useMemo, useState, type ReactNode } from 'react';
import {
  DecisionBoundary,
  FunctionPlot,
  LineChart,
  LossSurface,
  NetworkDiagram,
} from '../../components/charts';
import { Prose, Tex } from '../../components/math';
import { scalarMath } from '../../core';
import { LiveLineDemo } from './LiveLineDemo';
import {
  bowl,
  bowlGrad,
  lossCurves,
  networkSample,
  optimiserPaths,
  ringModel,
  ringPoints,
  threeClassGrid,
} from './samples';

/** The gallery's sections: each figure-kit component with seeded sample data, a static example and a live one. */
export interface SectionProps {
  /** Phase of the live animation, 0…1. */
  t: number;
  paused: boolean;
}

const tanh = Math.tanh;
const dtanh = (x: number) => 1 - Math.tanh(x) ** 2;
const EXTRA_CURVES = [{ label: 'σ(x)', f: scalarMath.sigmoid }];
const LAYERS = [2, 4, 3, 1];
const NEURON_LABELS = [['x₁', 'x₂'], undefined, undefined, ['ŷ']];
const PATH_STEPS = 60;

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
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

export function TexSection({ t }: SectionProps) {
  const a = 0.31 + 0.1 * Math.sin(2 * Math.PI * t);
  const b = 0.84;
  const c = 0.52 - 0.05 * Math.cos(2 * Math.PI * t);
  const liveTex = `\\frac{\\partial C}{\\partial w_2} = ${a.toFixed(2)} \\cdot ${b.toFixed(2)} \\cdot ${c.toFixed(2)} = ${(a * b * c).toFixed(4)}`;
  return (
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
  );
}

export function LineSection({ paused }: SectionProps) {
  const curves = useMemo(() => lossCurves(1200), []);
  return (
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
  );
}

export function FunctionSection({ t }: SectionProps) {
  return (
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
  );
}

export function DecisionSection({ t }: SectionProps) {
  const points = useMemo(() => ringPoints(160), []);
  const staticGrid = useMemo(() => ringModel(0.35), []);
  const liveGrid = useMemo(() => ringModel(0.5 - 0.5 * Math.cos(2 * Math.PI * t)), [t]);
  const three = useMemo(() => threeClassGrid(), []);
  return (
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
  );
}

export function LossSection({ t }: SectionProps) {
  const paths = useMemo(() => optimiserPaths(PATH_STEPS), []);
  const shownSteps = Math.max(1, Math.round(t * PATH_STEPS)) + 1;
  const liveStep = shownSteps - 1;
  const liveAt: [number, number] = [paths.sgd[2 * liveStep], paths.sgd[2 * liveStep + 1]];
  const [start, setStart] = useState<[number, number] | null>(null);
  const pickedPaths = useMemo(() => (start ? optimiserPaths(PATH_STEPS, start) : null), [start]);
  return (
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
  );
}

export function NetworkSection({ t }: SectionProps) {
  const netStatic = useMemo(() => networkSample(LAYERS, 0), []);
  const netLive = useMemo(() => networkSample(LAYERS, t), [t]);
  return (
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
  );
}
