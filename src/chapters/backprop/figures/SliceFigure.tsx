import { LossSurface, fmt, useGridView } from '../../../components/charts';
import { useView } from '../../../state/useView';
import type { LessonStep } from '../../../lessons/types';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { isPoints, isSliceView } from '../../../experiments/descent/views';

/** Backprop step 5: a live, filter-normalised 2D slice of the 2-8-8-1 MLP's loss around its current weights. */
export function SliceFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="descent-landscape"
      step={step}
      views={['slice', 'path']}
      controls={['plane', 'dataset', 'lr', 'batch', 'every', 'range']}
      className="figure-compact descent-fit"
    >
      <SlicePlot />
    </ExperimentPanel>
  );
}

function SlicePlot() {
  const grid = useGridView('slice');
  const info = useView('slice', { accept: isSliceView });
  const path = useView('path', { accept: isPoints });
  const { step: sliceStep, ms, centerLoss: centre, min, max, explained } = info ?? {};
  const plane = info?.plane ?? 'random';
  return (
    <figure className="descent-figure" data-testid="slice-plot">
      {grid ? (
        <LossSurface
          grid={grid}
          paths={path ? [{ label: 'training path (projected)', points: path }] : []}
          logLevels
          xLabel={plane === 'pca' ? 's (1st principal direction)' : 's (direction δ)'}
          yLabel={plane === 'pca' ? 't (2nd principal direction)' : 't (direction η)'}
          zLabel="loss"
          title="Loss around the current weights"
          height={280}
          caption={`Slice L(θ* + sδ + tη) of the 2-8-8-1 network's loss, taken at step ${sliceStep ?? 0}. Centre loss ${fmt(centre)}, range ${fmt(min)} to ${fmt(max)}.`}
        />
      ) : (
        <p className="loading">Computing the first slice in the worker…</p>
      )}
      <figcaption>
        Slice taken at step <span data-testid="slice-step">{sliceStep ?? '–'}</span>: 41 × 41 = 1,681
        evaluations of the loss on all 200 training points, computed in the worker in{' '}
        <span data-testid="slice-ms">{fmt(ms, 1)}</span> ms. The centre (0, 0) is the current weights θ*; the
        path shows earlier weights projected onto the plane.{' '}
        {plane === 'pca' && explained !== undefined && explained >= 0 ? (
          <span data-testid="slice-explained">
            These two directions capture {(100 * explained).toFixed(1)}% of the path’s movement.
          </span>
        ) : (
          'Random directions catch only a sliver of the path, so it stays near the centre.'
        )}
      </figcaption>
    </figure>
  );
}
