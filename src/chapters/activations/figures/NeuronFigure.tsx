import { FunctionPlot } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { ACTIVATIONS, isActivationName } from '../../../experiments/activations/functions';
import { NEURON_PARAMS } from './localParams';
import { fmt, texNum } from '../../../components/math/fixed';
import { useUrlParams } from '../../../state/useUrlParams';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';
import { TableControls, IgnoredNotice } from '../../../components/controls';

/** Step 1: one neuron with three inputs. Computed directly (it is tiny): z = Σ θⱼxⱼ with x₀ = 1, a = f(z). */
export function NeuronFigure({ preset }: FigureProps) {
  const { values, ignored, set, reset } = useUrlParams(NEURON_PARAMS, preset);
  const num = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : 0);
  const x = [1, num('x1'), num('x2'), num('x3')]; // x₀ = 1 is the bias unit
  const w = [num('b'), num('w1'), num('w2'), num('w3')];
  const fname = typeof values.f === 'string' && isActivationName(values.f) ? values.f : 'sigmoid';
  const act = ACTIVATIONS[fname];
  const z = x.reduce((s, xi, i) => s + w[i] * xi, 0);
  const a = act.f(z);

  const terms = w.map((wi, i) => `${texNum(wi)} \\cdot ${texNum(x[i])}`).join(' + ');
  const zTex = `\\begin{aligned} z &= \\textstyle\\sum_{j=0}^{3} \\theta_j x_j \\\\ &= ${terms} \\\\ &= ${fmt(z, 3)} \\end{aligned}`;
  const fTex = `${fname === 'sigmoid' ? '\\sigma' : 'f'}(${fmt(z, 3)})`;
  const aTex = `a = ${fTex} = ${fmt(a, 3)}`;
  const summary = `One neuron with inputs ${x
    .slice(1)
    .map((v) => fmt(v, 2))
    .join(', ')}, weights ${w
    .slice(1)
    .map((v) => fmt(v, 2))
    .join(
      ', ',
    )} and bias ${fmt(w[0], 2)}: z = ${fmt(z, 3)}, activation ${act.label}, output a = ${fmt(a, 3)}.`;

  return (
    <figure className="act-figure act-fit captions-spoken" data-testid="figure-neuron">
      <IgnoredNotice lines={ignored} />
      <NeuronDiagram x={x} w={w} z={z} a={a} label={act.label} />
      <div className="act-formula" data-testid="neuron-formula">
        <Tex tex={zTex} display />
        <Tex tex={aTex} display />
      </div>
      <div className="chip-row act-output-row">
        <p className="act-readout">
          Output <strong data-testid="neuron-output">{fmt(a, 3)}</strong>
        </p>
        <button type="button" onClick={reset}>
          Reset
        </button>
        {/* The chart's caption (screen readers only, to fit one laptop screen) says this too; sighted users need it here. */}
        <span className="act-caption" aria-hidden="true">
          Drag the point on the curve: it moves z through the bias θ₀.
        </span>
      </div>
      <FunctionPlot
        title={`The activation f: ${act.label}`}
        f={act.f}
        xDomain={[-6, 6]}
        fLabel="a = f(z)"
        xLabel="z"
        probe={z}
        // dragging the probe moves z by changing the bias θ₀ (the inputs and weights stay)
        onProbeChange={(nz) => set('b', Math.max(-3, Math.min(3, Number((w[0] + nz - z).toFixed(2)))))}
        showTangent={false}
        height={150}
        caption="The neuron's activation function with the current (z, a) marked; dragging the point changes the bias."
      />
      <TableControls table={NEURON_PARAMS} values={values} onChange={set} />
      {/* The summary repeats the diagram's numbers: for screen readers, so the figure fits one laptop screen. */}
      <figcaption className="act-caption visually-hidden">{summary}</figcaption>
    </figure>
  );
}

const THETA = ['θ₀', 'θ₁', 'θ₂', 'θ₃'];

/** Inputs (x₀ = 1 and x₁…x₃) → Σ → f → a. Edge colour = weight sign, width = |weight|. */
function NeuronDiagram({
  x,
  w,
  z,
  a,
  label,
}: {
  x: number[];
  w: number[];
  z: number;
  a: number;
  label: string;
}) {
  const W = 520;
  const H = 210;
  const inX = 120;
  const sumX = 330;
  const outX = 470;
  const r = 22;
  const ys = [30, 80, 130, 180];
  const names = ['x₀ = 1', 'x₁', 'x₂', 'x₃'];
  const midY = H / 2;
  return (
    <svg className="act-neuron" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Diagram of one neuron">
      {ys.map((y, i) => {
        // weight label a third of the way along its edge, just above it
        const lx = inX + r + (sumX - 32 - inX - r) * 0.42;
        const ly = y + (midY - y) * 0.42 - 7;
        return (
          <g key={i}>
            <line
              x1={inX + r}
              y1={y}
              x2={sumX - 32}
              y2={midY}
              stroke={w[i] >= 0 ? 'var(--positive)' : 'var(--negative)'}
              strokeWidth={1 + Math.min(8, Math.abs(w[i]) * 3)}
              strokeDasharray={i === 0 ? '5 3' : undefined}
            />
            <circle cx={inX} cy={y} r={r} className="act-node" />
            <text x={inX} y={y + 4} textAnchor="middle" className="act-node-value">
              {fmt(x[i], 2)}
            </text>
            <text x={inX - r - 8} y={y + 5} textAnchor="end" className="act-node-name">
              {names[i]}
            </text>
            <text x={lx} y={ly} textAnchor="middle" className="act-edge-label">
              {THETA[i]} = {fmt(w[i], 2)}
            </text>
          </g>
        );
      })}
      <circle cx={sumX} cy={midY} r={32} className="act-node act-node-sum" />
      <text x={sumX} y={midY - 5} textAnchor="middle" className="act-node-value">
        Σ = z
      </text>
      <text x={sumX} y={midY + 13} textAnchor="middle" className="act-node-value">
        {fmt(z, 2)}
      </text>
      <line x1={sumX + 32} y1={midY} x2={outX - 26} y2={midY} stroke="var(--fg-muted)" strokeWidth={2} />
      <text x={(sumX + outX) / 2} y={midY - 10} textAnchor="middle" className="act-edge-label">
        f: {label}
      </text>
      <circle cx={outX} cy={midY} r={26} className="act-node act-node-out" />
      <text x={outX} y={midY + 4} textAnchor="middle" className="act-node-value">
        {fmt(a, 2)}
      </text>
      <text x={outX} y={midY + 46} textAnchor="middle" className="act-node-name">
        a = f(z)
      </text>
    </svg>
  );
}
