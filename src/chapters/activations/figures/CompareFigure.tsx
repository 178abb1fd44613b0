import { FunctionPlot, useChartTheme } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls } from '../../../components/run';
import { ACTIVATIONS } from '../../../experiments/activations/functions';
import { MAX_DEPTH } from '../../../experiments/activations/compare';
import { useExperiment } from '../../../state';
import { ComparePanels } from './ComparePanels';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';

/**
 * Steps 2 and 8: the activations-compare experiment (two networks, same seed). Step 2 adds the step and linear
 * functions with their derivatives; the playground shows every setting and both networks' weights.
 */
export function CompareFigure({ preset, variant }: FigureProps & { variant: 'step-linear' | 'playground' }) {
  const exp = useExperiment({ experiment: 'activations-compare', preset });
  const depth = typeof exp.values.depth === 'number' ? exp.values.depth : 2;
  const layerParams = Array.from({ length: Math.min(MAX_DEPTH, depth) }, (_, i) => `a${i + 1}`);
  const only =
    variant === 'playground'
      ? ['task', 'noise', 'test', 'depth', 'width', ...layerParams, 'actB', 'lr', 'batch', 'opt']
      : [...layerParams, 'actB', 'depth', 'lr'];

  return (
    <div className="act-figure figure-compact act-fit act-duo" data-testid={`figure-${variant}`}>
      <NoticeBar />
      <RunControls />
      {/* A's values are column A of the read-out table beside the plots: the bar keeps one line. */}
      <MetricsBar spoken={['loss', 'valLoss', 'accuracy', 'valAccuracy']} />
      <ComparePanels
        values={exp.values}
        showNetworks={variant === 'playground'}
        beside={variant === 'step-linear' ? (roomy) => <StepAndLinearPlots roomy={roomy} /> : undefined}
        settings={
          exp.ready ? (
            <ParamControls only={only} label="Settings (A: per layer, B: everywhere)" />
          ) : (
            <p className="loading">Loading settings…</p>
          )
        }
      />
    </div>
  );
}

/**
 * Step 2's two function plots, each in its own area of the compare grid (beside the read-out table): short on a
 * laptop so the figure fits one screen, taller where there is room (`roomy`: a projector, a phone).
 */
function StepAndLinearPlots({ roomy }: { roomy: boolean }) {
  const rowHeight = Math.round((roomy ? 170 : 118) * useChartTheme().fontScale);
  return (
    <>
      {STEP_AND_LINEAR.map(({ id, title, yDomain, caption }) => (
        <div key={id} className={`act-area-${id}`}>
          <FunctionPlot
            title={title}
            f={ACTIVATIONS[id].f}
            df={ACTIVATIONS[id].df}
            fLabel="f(x)"
            dfLabel="f′(x)"
            xDomain={[-3, 3]}
            yDomain={yDomain}
            initialProbe={1}
            height={rowHeight}
            caption={caption}
          />
        </div>
      ))}
    </>
  );
}

/** Step 2's two plots: the binary step, then the identity. */
const STEP_AND_LINEAR: readonly {
  id: 'step' | 'linear';
  title: string;
  yDomain: [number, number];
  caption: string;
}[] = [
  {
    id: 'step',
    title: 'Binary step',
    yDomain: [-0.5, 1.5],
    caption: 'The binary step jumps from 0 to 1 at x = 0; its derivative is 0 everywhere it exists.',
  },
  {
    id: 'linear',
    title: 'Linear (identity)',
    yDomain: [-3, 3],
    caption:
      'The identity f(x) = x has derivative 1 everywhere: gradients flow, but stacked layers stay linear.',
  },
];
