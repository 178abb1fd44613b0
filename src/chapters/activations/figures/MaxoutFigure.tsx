import { seriesColor, useChartTheme } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls } from '../../../components/run';
import { MAXOUT_RANGE, MAXOUT_TARGETS, isMaxoutTarget } from '../../../experiments/activations/maxout';
import { useExperiment } from '../../../state';
import { CurvePlot, type PlotCurve } from './CurvePlot';
import { fmt } from '../../../components/math/fixed';
import { isMaxoutFitView } from '../../../experiments/activations/views';
import { useView } from '../../../state/useView';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';

/** Step 7: one maxout unit with k pieces fitting a convex target; each piece drawn faintly, the maximum in bold. */
export function MaxoutFigure({ preset }: FigureProps) {
  const exp = useExperiment({ experiment: 'activations-maxout', preset });
  const fit = useView('fit', { accept: isMaxoutFitView, hz: 20 });
  const theme = useChartTheme();
  const target = isMaxoutTarget(exp.values.target) ? MAXOUT_TARGETS[exp.values.target] : MAXOUT_TARGETS.x2;
  const yDomain = ((): [number, number] => {
    if (!fit) return [-1, 4.5];
    let hi = -Infinity;
    let lo = Infinity;
    for (const v of fit.target) {
      hi = Math.max(hi, v);
      lo = Math.min(lo, v);
    }
    const pad = (hi - lo) * 0.15 || 1;
    return [lo - pad, hi + pad];
  })();

  const curves: PlotCurve[] = [];
  if (fit) {
    const ends = [MAXOUT_RANGE[0], MAXOUT_RANGE[1]];
    Array.from(fit.w).forEach((w, i) =>
      curves.push({
        label: `piece ${i + 1}: ${fmt(w, 2)}x + ${fmt(fit.b[i], 2)}`,
        x: ends,
        y: ends.map((x) => w * x + fit.b[i]),
        color: seriesColor(theme, 2 + (i % 4)),
        width: 1.2,
        opacity: 0.7,
        legend: false,
      }),
    );
    curves.push({
      label: `target ${target.label}`,
      x: fit.x,
      y: fit.target,
      color: theme.fgMuted,
      dashed: true,
      width: 2,
    });
    curves.push({
      label: 'maxout h(x) = max of the pieces',
      x: fit.x,
      y: fit.h,
      color: seriesColor(theme, 0),
      width: 3,
    });
  }
  const k = fit ? fit.w.length : Number(exp.values.k ?? 3);
  const pieces = fit
    ? Array.from(fit.w, (w, i) => `${fmt(w, 2)}x + ${fmt(fit.b[i], 2)}`).join('; ')
    : 'not loaded yet';

  return (
    <div className="act-figure figure-compact act-fit" data-testid="figure-maxout">
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      <CurvePlot
        title={`Maxout with k = ${k} pieces fitting ${target.label}`}
        xDomain={MAXOUT_RANGE}
        yDomain={yDomain}
        height={Math.round(280 * theme.fontScale)}
        curves={curves}
        caption={`Maxout unit with ${k} linear pieces (${pieces}) fitted to ${target.label} on [−2, 2].`}
        testId="maxout-plot"
      />
      {exp.ready ? (
        <ParamControls only={['k', 'target', 'lr']} />
      ) : (
        <p className="loading">Loading settings…</p>
      )}
    </div>
  );
}
