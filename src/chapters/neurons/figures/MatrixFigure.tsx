import { Tex } from '../../../components/charts';
import { IgnoredNotice, TableControls } from '../../../components/controls';
import { useUrlParams } from '../../../state/useUrlParams';
import { fmt2, tex2 } from './format';
import { MATRIX_PARAMS } from './tables';

const NAMES = ['x1', 'x2', 'x3'] as const;

/** The worked example's layer: 2 neurons (rows) × 3 inputs (columns). */
export const W: readonly (readonly number[])[] = [
  [1, 2, 0],
  [-1, 0, 3],
];
export const BETA: readonly number[] = [0.5, -1];

export function layerOutput(x: readonly number[]): number[] {
  return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], 0) + BETA[i]);
}

/** A vector entry: no parentheses needed around negatives inside a column. */
const entry = (v: number) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);

/** Step 2: z = Wx + b with the worked 2×3 example; the inputs are sliders, every product is shown. */
export function MatrixFigure() {
  const { values, ignored, set } = useUrlParams(MATRIX_PARAMS);
  const x = NAMES.map((n) => Number(values[n]));
  const y = layerOutput(x);
  const rows = W.map(
    (row, i) => `${row.map((w, j) => `${tex2(w)} \\cdot ${tex2(x[j])}`).join(' + ')} + ${tex2(BETA[i])}`,
  );
  const tex =
    `\\begin{pmatrix} ${W.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}` +
    `\\begin{pmatrix} ${x.map(entry).join(' \\\\ ')} \\end{pmatrix} + ` +
    `\\begin{pmatrix} ${BETA.join(' \\\\ ')} \\end{pmatrix} = ` +
    `\\begin{pmatrix} ${y.map(entry).join(' \\\\ ')} \\end{pmatrix}`;

  return (
    <div className="nr-figure" data-testid="figure-matrix">
      <IgnoredNotice lines={ignored} testId="figure-notice" />
      <Tex display tex={tex} />
      <ol className="nr-rows">
        {rows.map((r, i) => (
          <li key={i}>
            Neuron {i + 1} (row {i + 1} of W): <Tex tex={`${r} = ${tex2(y[i])}`} />
          </li>
        ))}
      </ol>
      <p className="nr-readout">
        z = (<strong data-testid="matrix-y1">{fmt2(y[0])}</strong>,{' '}
        <strong data-testid="matrix-y2">{fmt2(y[1])}</strong>)
      </p>
      <TableControls
        table={MATRIX_PARAMS}
        values={values}
        onChange={set}
        groupLabel="Inputs"
        className="nr-controls"
      />
    </div>
  );
}
