import type { ReactNode } from 'react';
import { LineChart, seriesColor, useChartTheme, type LineSeries } from '../../../components/charts';
import type { LessonStep } from '../../../lessons/types';
import { useView } from '../../../state/useView';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { fmt } from '../../../components/charts';
import {
  isDropoutCurvesView,
  isDropoutMasksView,
  isDropoutScalingView,
  type DropoutRunCurves,
} from '../../../experiments/regularization/views';
import { deinterleave } from '../../../components/charts/series';
import { DropoutDiagram } from './DropoutDiagram';
import { Formula } from './Formula';
import { NO_VALUES, texFixed } from './views';

/** Step 4: the same network with and without dropout; dropped units live; both scaling rules checked. */
export function DropoutFigure({ step }: { step: LessonStep }) {
  return (
    <ExperimentPanel
      experiment="reg-dropout"
      step={step}
      views={['curves', 'masks', 'scaling']}
      valLabel="validation error"
      controls={['p', 'mode']}
      className="figure-compact reg-fit reg-dropout"
    >
      <DropoutPlots />
    </ExperimentPanel>
  );
}

function DropoutPlots() {
  const theme = useChartTheme();
  const curves = useView('curves', { accept: isDropoutCurvesView });
  const masks = useView('masks', { accept: isDropoutMasksView });
  const plain = curves?.plain;
  const drop = curves?.dropout;
  const series: LineSeries[] = [];
  const add = (run: DropoutRunCurves | undefined, name: string, c: number) => {
    const t = deinterleave(run?.train);
    const v = deinterleave(run?.val);
    series.push({ label: `${name} training`, x: t.x, y: t.y, color: seriesColor(theme, c), dashed: true });
    series.push({ label: `${name} validation`, x: v.x, y: v.y, color: seriesColor(theme, c) });
  };
  add(plain, 'no dropout', 0);
  add(drop, 'dropout', 1);
  const gap = (run: DropoutRunCurves | undefined) => (run ? run.valNow - run.trainNow : undefined);
  return (
    <div className="captions-spoken reg-plots reg-three">
      <DropoutDiagram masks={[masks?.layer1 ?? NO_VALUES, masks?.layer2 ?? NO_VALUES]} />
      <LineChart
        title="Errors, with / without"
        series={series}
        yScale="log"
        xLabel="step"
        yLabel="L"
        height={Math.round(130 * theme.fontScale)}
      />
      <ScalingTable>
        <p className="reg-gap">
          Gap between validation and training error: without dropout{' '}
          <strong data-testid="gap-plain">{fmt(gap(plain))}</strong>, with dropout{' '}
          <strong data-testid="gap-dropout">{fmt(gap(drop))}</strong>.
        </p>
      </ScalingTable>
    </div>
  );
}

function ScalingTable({ children }: { children: ReactNode }) {
  const scaling = useView('scaling', { accept: isDropoutScalingView });
  const p = scaling?.p;
  const row = (mode: 'classic' | 'inverted') => {
    const r = scaling?.[mode];
    return { train: r?.trainingMean, inf: r?.inferenceMean };
  };
  const classic = row('classic');
  const inverted = row('inverted');
  const keep = p !== undefined ? 1 - p : undefined;
  return (
    <>
      <div className="reg-scaling">
        <table className="descent-table" data-testid="scaling-table">
          <caption>Mean activation, hidden layer 1 (200 random masks)</caption>
          <thead>
            <tr>
              <th scope="col">scaling</th>
              <th scope="col">training</th>
              <th scope="col">at inference</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">classic</th>
              <td data-testid="scale-classic-train">{fmt(classic.train)}</td>
              <td data-testid="scale-classic-inference">{fmt(classic.inf)}</td>
            </tr>
            <tr>
              <th scope="row">inverted</th>
              <td data-testid="scale-inverted-train">{fmt(inverted.train)}</td>
              <td data-testid="scale-inverted-inference">{fmt(inverted.inf)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {/* Beside the table, not under it: the figure with its controls fits one laptop screen. */}
      {children}
      <Formula
        tex={[
          `\\text{classic: } \\mathbb{E}[a\\,m] = ${texFixed(classic.train, 4)} \\approx (1-p)\\,a = ${texFixed(keep, 2)}\\,\\bar a = ${texFixed(classic.inf, 4)}`,
          `\\text{inverted: } \\mathbb{E}\\big[\\tfrac{a\\,m}{1-p}\\big] = ${texFixed(inverted.train, 4)} \\approx a = ${texFixed(inverted.inf, 4)}`,
        ]}
      />
    </>
  );
}
