/**
 * A schematic LSTM cell for one time step and one unit: the cell-state conveyor belt along the top (× by the forget
 * gate, + the gated candidate), the four gate boxes fed by [hₜ₋₁; xₜ] along the bottom, and the output branch
 * tanh(cₜ) × oₜ → hₜ. `phase` highlights the part the current equation computes; values are printed beside it.
 */
export interface CellValues {
  f: number;
  i: number;
  g: number;
  o: number;
  c: number;
  cPrev: number;
  h: number;
}

/** Equation order of the lesson: forget, input, candidate, cell update, output, hidden. */
export const PHASES = ['f', 'i', 'g', 'c', 'o', 'h'] as const;
export type Phase = (typeof PHASES)[number];

const v = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

interface GateBoxProps {
  x: number;
  label: string;
  name: string;
  value: number;
  on: boolean;
}

function GateBox({ x, label, name, value, on }: GateBoxProps) {
  return (
    <g className={on ? 'lstm-cell-on' : undefined}>
      <rect x={x - 28} y={150} width={56} height={34} rx={6} className="lstm-cell-box" />
      <text x={x} y={173} textAnchor="middle" className="lstm-cell-op">
        {label}
      </text>
      <text x={x} y={206} textAnchor="middle" className="lstm-cell-value">
        {name} {v(value)}
      </text>
    </g>
  );
}

export function CellDiagram({ values, phase }: { values: CellValues; phase: Phase }) {
  const on = (p: Phase) => phase === p;
  return (
    <svg
      viewBox="0 0 480 250"
      className="lstm-cell"
      role="img"
      aria-label={`LSTM cell, ${phase} highlighted`}
    >
      <CellBelt on={on('c')} cPrev={values.cPrev} c={values.c} />
      <ForgetMultiply on={on('f')} />
      <InputAdd on={on('i') || on('g')} />
      <GateBox x={120} label="σ" name="f" value={values.f} on={on('f')} />
      <GateBox x={190} label="σ" name="i" value={values.i} on={on('i')} />
      <GateBox x={260} label="tanh" name="c̃" value={values.g} on={on('g')} />
      <GateBox x={340} label="σ" name="o" value={values.o} on={on('o')} />
      <OutputBranch on={on('h')} h={values.h} />
      <GateInputs />
    </svg>
  );
}

const onClass = (on: boolean) => (on ? 'lstm-cell-on' : undefined);

/** A round operation node (× or +) centred on (cx, cy). */
function OpNode({ cx, cy, op }: { cx: number; cy: number; op: string }) {
  return (
    <>
      <circle cx={cx} cy={cy} r={12} className="lstm-cell-node" />
      <text x={cx} y={cy + 6} textAnchor="middle" className="lstm-cell-op">
        {op}
      </text>
    </>
  );
}

/** The conveyor belt along the top: cₜ₋₁ → × f → + i·c̃ → cₜ, with both cell values. */
function CellBelt({ on, cPrev, c }: { on: boolean; cPrev: number; c: number }) {
  return (
    <g className={onClass(on)}>
      <line x1={44} y1={40} x2={436} y2={40} className="lstm-cell-belt" />
      <text x={6} y={46} className="lstm-cell-label">
        cₜ₋₁
      </text>
      <text x={440} y={46} className="lstm-cell-label">
        cₜ
      </text>
      <text x={60} y={28} className="lstm-cell-value">
        {v(cPrev)}
      </text>
      <text x={380} y={28} className="lstm-cell-value">
        {v(c)}
      </text>
    </g>
  );
}

/** The forget gate scaling the belt. */
function ForgetMultiply({ on }: { on: boolean }) {
  return (
    <g className={onClass(on)}>
      <line x1={120} y1={150} x2={120} y2={52} className="lstm-cell-wire" />
      <OpNode cx={120} cy={40} op="×" />
    </g>
  );
}

/** The input gate times the candidate, added onto the belt. */
function InputAdd({ on }: { on: boolean }) {
  return (
    <g className={onClass(on)}>
      <line x1={190} y1={150} x2={225} y2={112} className="lstm-cell-wire" />
      <line x1={260} y1={150} x2={225} y2={112} className="lstm-cell-wire" />
      <OpNode cx={225} cy={100} op="×" />
      <line x1={225} y1={88} x2={225} y2={52} className="lstm-cell-wire" />
      <OpNode cx={225} cy={40} op="+" />
    </g>
  );
}

/** The output branch: tanh(cₜ) × oₜ → hₜ, with the hidden value. */
function OutputBranch({ on, h }: { on: boolean; h: number }) {
  return (
    <g className={onClass(on)}>
      <line x1={400} y1={40} x2={400} y2={80} className="lstm-cell-wire" />
      <rect x={374} y={80} width={52} height={26} rx={13} className="lstm-cell-box" />
      <text x={400} y={99} textAnchor="middle" className="lstm-cell-op">
        tanh
      </text>
      <line x1={400} y1={106} x2={400} y2={118} className="lstm-cell-wire" />
      <line x1={340} y1={150} x2={388} y2={130} className="lstm-cell-wire" />
      <OpNode cx={400} cy={130} op="×" />
      <line x1={412} y1={130} x2={440} y2={130} className="lstm-cell-wire" />
      <text x={444} y={136} className="lstm-cell-label">
        hₜ
      </text>
      <text x={430} y={160} className="lstm-cell-value">
        {v(h)}
      </text>
    </g>
  );
}

/** The input [hₜ₋₁; xₜ] feeding every gate. */
function GateInputs() {
  return (
    <>
      <line x1={100} y1={232} x2={340} y2={232} className="lstm-cell-wire" />
      {[120, 190, 260, 340].map((x) => (
        <line key={x} x1={x} y1={232} x2={x} y2={214} className="lstm-cell-wire" />
      ))}
      <text x={6} y={238} className="lstm-cell-label">
        [hₜ₋₁; xₜ]
      </text>
    </>
  );
}
