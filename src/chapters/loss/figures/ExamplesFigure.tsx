import { BarChart, seriesColor, useChartTheme } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { Formula } from './Formula';
import { meanAbsoluteError, meanSquaredError } from '../../../experiments/loss/formulas';
import { useUrlParams } from '../../../state/useUrlParams';
import { fmt, texNum } from '../../../components/math/fixed';
import { DragPlot } from './DragPlot';
import { EXAMPLE_COUNT, EXAMPLE_PARAMS, EXAMPLE_RANGE } from './params';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';
import type { ParamValues } from '../../../experiments/types';
import { TableControls, IgnoredNotice } from '../../../components/controls';

const INDEX = Array.from({ length: EXAMPLE_COUNT }, (_, i) => i);
const numberOf = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** Targets, predictions, each example's loss term and their mean, with the formula written out in TeX. */
function examplesModel(values: ParamValues) {
  const y = INDEX.map((i) => numberOf(values[`y${i + 1}`], 0));
  const p = INDEX.map((i) => numberOf(values[`p${i + 1}`], 0));
  const squared = values.per !== 'absolute';
  const terms = INDEX.map((i) => (squared ? (y[i] - p[i]) ** 2 : Math.abs(y[i] - p[i])));
  const mean = squared ? meanSquaredError(p, y) : meanAbsoluteError(p, y);
  const termTex = (i: number) =>
    squared ? `(${fmt(y[i], 2)} - ${fmt(p[i], 2)})^2` : `\\lvert ${fmt(y[i], 2)} - ${fmt(p[i], 2)} \\rvert`;
  const formula = `L = \\tfrac{1}{${EXAMPLE_COUNT}}\\big[${INDEX.map(termTex).join(' + ')}\\big]`;
  const sumFormula = `= \\tfrac{1}{${EXAMPLE_COUNT}}\\big(${terms.map((t) => texNum(t, 3)).join(' + ')}\\big) = ${fmt(mean, 3)}`;
  return { y, p, squared, terms, mean, formula, sumFormula };
}

/** Each example's target (diamond) and prediction (dot) side by side, joined by its error segment. */
function ExamplesDragPlot({ y, p, set }: { y: number[]; p: number[]; set(name: string, v: number): void }) {
  const theme = useChartTheme();
  const round = (v: number) => Math.round(v * 100) / 100;
  return (
    <DragPlot
      title="Targets ◇ and predictions ●"
      yLabel="value"
      xDomain={[0.4, EXAMPLE_COUNT + 0.6]}
      yDomain={EXAMPLE_RANGE}
      xTicks={INDEX.map((i) => ({ x: i + 1, label: `${i + 1}` }))}
      height={210}
      handles={INDEX.flatMap((i) => [
        {
          id: `y${i + 1}`,
          x: i + 1 - 0.12,
          y: y[i],
          label: `Target y${i + 1}`,
          shape: 'diamond' as const,
          axes: 'y' as const,
          color: theme.fg,
        },
        {
          id: `p${i + 1}`,
          x: i + 1 + 0.12,
          y: p[i],
          label: `Prediction ŷ${i + 1}`,
          axes: 'y' as const,
          color: seriesColor(theme, 0),
        },
      ])}
      segments={INDEX.map((i) => ({
        x1: i + 1 - 0.12,
        y1: y[i],
        x2: i + 1 + 0.12,
        y2: p[i],
        color: seriesColor(theme, 1),
      }))}
      onMove={(id, _x, v) => set(id, round(v))}
      caption={`Targets ${y.map((v) => fmt(v, 2)).join(', ')}; predictions ${p.map((v) => fmt(v, 2)).join(', ')}. Drag, or focus + arrow keys.`}
    />
  );
}

function ExampleReadouts({ terms, mean }: { terms: number[]; mean: number }) {
  return (
    <p className="loss-readouts">
      {INDEX.map((i) => (
        <span key={i}>
          example {i + 1}: <strong data-testid={`loss-example-${i + 1}`}>{fmt(terms[i], 3)}</strong>
        </span>
      ))}
      <span>
        mean L: <strong data-testid="loss-mean">{fmt(mean, 3)}</strong>
      </span>
    </p>
  );
}

/** Step 1: drag predictions and targets of four examples; each example's loss and the mean update live. */
export function ExamplesFigure({ preset }: FigureProps) {
  const { values, ignored, set, setMany, reset } = useUrlParams(EXAMPLE_PARAMS, preset);
  const theme = useChartTheme();
  const { y, p, squared, terms, mean, formula, sumFormula } = examplesModel(values);

  return (
    <figure className="loss-figure" data-testid="figure-examples">
      <IgnoredNotice lines={ignored} />
      <div className="loss-pair">
        <ExamplesDragPlot y={y} p={p} set={set} />
        <BarChart
          title={squared ? 'Loss of each example (y − ŷ)²' : 'Loss of each example |y − ŷ|'}
          bars={[
            ...INDEX.map((i) => ({ label: `${i + 1}`, value: terms[i] })),
            { label: 'mean L', value: mean, color: seriesColor(theme, 1) },
          ]}
          highlight={EXAMPLE_COUNT}
          height={210}
          format={(v) => fmt(v, 3)}
          caption={`Example losses and their mean L = ${fmt(mean, 3)}.`}
        />
      </div>
      <Formula testId="examples-formula">
        <Tex display tex={formula} />
        <Tex display tex={sumFormula} />
      </Formula>
      <ExampleReadouts terms={terms} mean={mean} />
      <TableControls table={EXAMPLE_PARAMS} values={values} onChange={set} names={['per']} />
      <div className="chip-row">
        <button
          type="button"
          onClick={() => setMany(Object.fromEntries(INDEX.map((i) => [`p${i + 1}`, y[i]])))}
        >
          Predict every target exactly
        </button>
        <button type="button" onClick={reset}>
          Back to the start
        </button>
      </div>
    </figure>
  );
}
