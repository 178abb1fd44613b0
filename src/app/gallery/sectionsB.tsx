import { useMemo } from 'react';
import { scalarMath } from '../../core';
import {
  AttentionMap,
  BarChart,
  EmbeddingScatter,
  Histogram,
  MatrixView,
  TimeSeriesHeatmap,
} from '../../components/charts';
import {
  SENTENCE,
  WORD_GROUPS,
  attentionSample,
  embeddingSample,
  hiddenStates,
  randomMatrix,
  weightSamples,
} from './samples';
import { Section, type SectionProps } from './sectionsA';

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
/** The shape and labels both hidden-state heatmaps share. */
const RNN_HEATMAP = { rows: 12, steps: RNN_TOKENS.length, tokens: RNN_TOKENS, rowLabels: UNIT_LABELS };

export function MatrixSection({ t }: SectionProps) {
  const matrix = useMemo(() => randomMatrix(4, 6), []);
  const attLive = useMemo(() => attentionSample(SENTENCE, 2, t), [t]);
  return (
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
  );
}

export function AttentionSection({ t }: SectionProps) {
  const attStatic = useMemo(() => attentionSample(SENTENCE, 2, 0.4), []);
  const attLive = useMemo(() => attentionSample(SENTENCE, 2, t), [t]);
  return (
    <Section id="attention" title="AttentionMap">
      <AttentionMap title="Two heads" heads={attStatic} queryTokens={SENTENCE} />
      <AttentionMap title="Sharpening during training (live)" heads={attLive} queryTokens={SENTENCE} />
    </Section>
  );
}

export function TimeSeriesSection({ t }: SectionProps) {
  const hidden = useMemo(() => hiddenStates(12, RNN_TOKENS, 0), []);
  const hiddenLive = useMemo(() => hiddenStates(12, RNN_TOKENS, t), [t]);
  return (
    <Section id="timeseries" title="TimeSeriesHeatmap">
      <TimeSeriesHeatmap title="RNN hidden state" values={hidden} {...RNN_HEATMAP} />
      <TimeSeriesHeatmap title="Hidden state (live)" values={hiddenLive} {...RNN_HEATMAP} />
    </Section>
  );
}

export function BarSection({ t, paused }: SectionProps) {
  const temperature = 0.4 + 1.6 * (0.5 - 0.5 * Math.cos(2 * Math.PI * t));
  const probs = scalarMath.softmax(LOGITS, paused ? 1 : temperature);
  const gradNorms = [3e-1, 8e-2, 1.5e-2, 2e-3, 3e-4, 4e-5];
  return (
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
  );
}

export function HistogramSection({ t }: SectionProps) {
  const weights = useMemo(() => weightSamples(3000, [0.25, 0.6, 1.1], 0), []);
  const weightsLive = useMemo(
    () => weightSamples(3000, [0.25 + 0.3 * t, 0.6, 1.1 - 0.5 * t], 0.4 * Math.sin(2 * Math.PI * t)),
    [t],
  );
  return (
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
  );
}

export function EmbeddingSection({ t, paused }: SectionProps) {
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
  return (
    <Section id="embedding" title="EmbeddingScatter">
      <EmbeddingScatter
        title="Word embeddings (2D)"
        points={words}
        groupLabels={WORD_GROUPS}
        selected={paused ? 0 : undefined}
      />
      <EmbeddingScatter title="Moving during training (live)" points={wordsLive} groupLabels={WORD_GROUPS} />
    </Section>
  );
}
