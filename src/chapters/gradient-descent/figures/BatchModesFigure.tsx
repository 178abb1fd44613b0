import { LineChart, fmt, useGridView } from '../../../components/charts';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import {
  isBatchRunsView,
  isModeCurves,
  isModePaths,
  type BatchRunsView,
  type ModeCurvesView,
  type ModeId,
} from '../../../experiments/descent/views';
import type { LessonStep } from '../../../lessons/types';
import { deinterleave } from '../../../components/charts/series';
import { surfacePaths, type ChartLine } from './descentModel';
import { RunHeader, SurfacePair, useRunColour } from './runParts';

const MODES = [
  { id: 'batch', label: 'Batch' },
  { id: 'mini', label: 'Mini-batch' },
  { id: 'sgd', label: 'Stochastic' },
] as const;

/** The two loss charts: the same runs' loss against updates and against passes over the data. */
const LOSS_AXES = [
  { axis: 'byIteration', xLabel: 'iterations (updates)', title: 'Loss against iterations' },
  { axis: 'byEpoch', xLabel: 'epochs (passes over the data)', title: 'Loss against epochs' },
] as const;

/** Gradient-descent step 1: batch, mini-batch and stochastic GD side by side on the same data and seed. */
export function BatchModesFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="descent-batch"
      step={step}
      views={['runs', 'paths', 'curves', 'grid']}
      controls={['batch', 'samples', 'lr', 'pace']}
      className="figure-compact descent-fit"
    >
      <BatchModesPlots />
    </ExperimentPanel>
  );
}

function BatchModesPlots() {
  const grid = useGridView('grid');
  const runs = useView('runs', { accept: isBatchRunsView });
  const paths = useView('paths', { accept: isModePaths });
  const curves = useView('curves', { accept: isModeCurves });
  const n = runs?.samples;
  const colour = useRunColour();
  const pathList = surfacePaths(
    MODES.map((m) => ({ label: m.label, path: paths?.[m.id] })),
    colour,
  );

  return (
    <figure className="descent-figure" data-testid="batch-modes-plot">
      <BatchTable runs={runs} samples={n} colour={colour} />
      <SurfacePair
        surface={{
          grid,
          paths: pathList,
          xLabel: 'w',
          yLabel: 'b',
          zLabel: 'L(w, b)',
          title: 'Paths on the (w, b) surface',
          height: 260,
          caption: "The three runs' paths over the contours of the full-data loss L(w, b).",
        }}
      >
        {LOSS_AXES.map(({ axis, xLabel, title }) => (
          <LineChart
            key={axis}
            series={modeCurves(curves, axis, colour)}
            yScale="log"
            xLabel={xLabel}
            yLabel="loss L"
            title={title}
            height={150}
          />
        ))}
      </SurfacePair>
      <figcaption>
        Same line model, same {n ?? 500} samples, same start and seed; only the batch size differs. Loss is
        always measured on the whole dataset.
      </figcaption>
    </figure>
  );
}

/** Each mode's loss curve against iterations or against epochs, in the modes' colours. */
function modeCurves(
  curves: Record<ModeId, ModeCurvesView> | undefined,
  axis: 'byIteration' | 'byEpoch',
  colour: (i: number) => string,
): ChartLine[] {
  return MODES.map((m, i) => {
    const { x, y } = deinterleave(curves?.[m.id][axis]);
    return { label: m.label, x, y, color: colour(i) };
  });
}

/** Batch size, iterations per epoch (n / B), iterations and epochs done and the loss of each run. */
function BatchTable({
  runs,
  samples,
  colour,
}: {
  runs: BatchRunsView | undefined;
  samples: number | undefined;
  colour: (i: number) => string;
}) {
  return (
    <table className="descent-table" data-testid="batch-table">
      <caption className="visually-hidden">Iterations per epoch for each way of batching</caption>
      <thead>
        <tr>
          <th scope="col">run</th>
          <th scope="col">batch size B</th>
          <th scope="col">iterations per epoch = n / B</th>
          <th scope="col">iterations done</th>
          <th scope="col">epochs seen</th>
          <th scope="col">loss L</th>
        </tr>
      </thead>
      <tbody>
        {MODES.map((m, i) => {
          const r = runs?.[m.id];
          const b = r?.batchSize;
          return (
            <tr key={m.id}>
              <RunHeader colour={colour(i)}>{m.label}</RunHeader>
              <td data-testid={`batch-size-${m.id}`}>{b ?? '–'}</td>
              <td>
                {samples !== undefined && b !== undefined ? `${samples} / ${b} → ` : ''}
                <strong data-testid={`iters-per-epoch-${m.id}`}>{r?.itersPerEpoch ?? '–'}</strong>
              </td>
              <td data-testid={`iters-${m.id}`}>{r?.iterations ?? '–'}</td>
              <td data-testid={`epochs-${m.id}`}>{fmt(r?.epochs, 3)}</td>
              <td data-testid={`loss-${m.id}`}>{fmt(r?.loss)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
