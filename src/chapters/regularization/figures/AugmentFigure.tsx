import { LineChart, seriesColor, useChartTheme } from '../../../components/charts';
import type { LessonStep } from '../../../lessons/types';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import {
  isAugmentCurvesView,
  isAugmentGalleryView,
  type AugmentDrawView,
} from '../../../experiments/regularization/views';
import { deinterleave } from '../../../components/charts/series';
import { Formula } from './Formula';
import { GlyphGallery } from './GlyphGallery';
import { texFixed } from './views';

const TOGGLES = ['rotate', 'translate', 'zoom', 'crop', 'noise', 'brightness'];

/** Step 5: a glyph classifier trained on a few images, with and without augmentation. */
export function AugmentFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="reg-augment"
      step={step}
      views={['gallery', 'curves']}
      valLabel="validation loss (augmented)"
      controls={[...TOGGLES, 'perClass']}
      controlsLabel="Augmentations"
      className="figure-compact reg-fit"
    >
      <AugmentPlots />
    </ExperimentPanel>
  );
}

const pct = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)}%`;

function AugmentPlots() {
  const theme = useChartTheme();
  const gallery = useView('gallery', { accept: isAugmentGalleryView });
  const curves = useView('curves', { accept: isAugmentCurvesView });
  const plain = curves?.plain;
  const aug = curves?.augmented;
  const p = deinterleave(plain?.val);
  const a = deinterleave(aug?.val);
  const d = (k: keyof AugmentDrawView) => gallery?.draw?.[k];
  const deg = (r: number | undefined) => (r === undefined ? undefined : (r * 180) / Math.PI);
  return (
    <div className="captions-spoken reg-plots">
      {gallery && (
        <div className="reg-wide">
          <GlyphGallery
            size={gallery.size}
            count={gallery.count}
            rows={[
              { label: 'training', images: gallery.original },
              { label: 'augmented', images: gallery.augmented },
            ]}
          />
        </div>
      )}
      <LineChart
        title="Validation accuracy"
        series={[
          { label: 'no augmentation', x: p.x, y: p.y, color: seriesColor(theme, 0) },
          { label: 'augmented', x: a.x, y: a.y, color: seriesColor(theme, 1) },
        ]}
        xLabel="step"
        yLabel="accuracy"
        yDomain={[0, 1]}
        height={Math.round(120 * theme.fontScale)}
      />
      {/* Beside the chart: the accuracies and the last augmentation drawn, so the figure fits one laptop screen. */}
      <div className="reg-side">
        <table className="descent-table reg-augment-table" data-testid="augment-table">
          <caption>Accuracy after {curves?.trainSize ?? '–'} training glyphs</caption>
          <thead>
            <tr>
              <th scope="col">classifier</th>
              <th scope="col">training</th>
              <th scope="col">validation</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">plain</th>
              <td data-testid="train-acc-plain">{pct(plain?.trainAcc)}</td>
              <td data-testid="val-acc-plain">{pct(plain?.valAcc)}</td>
            </tr>
            <tr>
              <th scope="row">augmented</th>
              <td data-testid="train-acc-augmented">{pct(aug?.trainAcc)}</td>
              <td data-testid="val-acc-augmented">{pct(aug?.valAcc)}</td>
            </tr>
          </tbody>
        </table>
        <Formula
          testId="augment-formula"
          tex={[
            `\\tilde x = T(x):\\ \\theta = ${texFixed(deg(d('angle')), 1)}^\\circ,\\ z = ${texFixed(d('zoom'), 2)}`,
            `t = (${texFixed(d('dx'), 2)}, ${texFixed(d('dy'), 2)}),\\ \\text{crop } ${texFixed(d('cropSide'), 1)}\\,\\text{px}`,
            `b = ${texFixed(d('brightness'), 2)},\\ \\sigma = ${texFixed(d('noise'), 2)}`,
          ]}
        />
      </div>
    </div>
  );
}
