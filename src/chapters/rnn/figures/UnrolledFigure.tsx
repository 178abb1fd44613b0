import { useState } from 'react';
import { ArrowMarker } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { argmax } from '../../../core/sampling';
import { EXAMPLE_VOCAB, workedExample, type ExampleStep } from './workedExample';
import { showChar } from '../../../components/charModel/format';
import { Scroll } from '../../../components/charModel/Scroll';
import { ExampleInput } from './ExampleInput';
import { texVector } from '../../../components/charModel/format';

const COLUMN = 92;
const MAX_CHARS = 12;

/** Colour of a value in (−1, 1) on the theme's diverging pair. */
function unitFill(v: number): string {
  const pct = Math.round(Math.min(1, Math.abs(v)) * 100);
  return `color-mix(in srgb, var(${v < 0 ? '--negative' : '--positive'}) ${pct}%, var(--bg-raised))`;
}

/** The arrows of one column: h from the previous column (labelled once), x in from below, y out above. */
function ColumnEdges({ cx, t }: { cx: number; t: number }) {
  return (
    <>
      <line
        x1={cx - COLUMN + 30}
        y1={130}
        x2={cx - 30}
        y2={130}
        className="rnn-edge"
        markerEnd="url(#rnn-arrow)"
      />
      {t === 1 && (
        <text x={cx - COLUMN / 2} y={121} textAnchor="middle" className="rnn-svg-small">
          W_hh
        </text>
      )}
      <line x1={cx} y1={198} x2={cx} y2={162} className="rnn-edge" markerEnd="url(#rnn-arrow)" />
      <line x1={cx} y1={98} x2={cx} y2={62} className="rnn-edge" markerEnd="url(#rnn-arrow)" />
      {t === 0 && (
        <>
          <text x={cx + 5} y={185} className="rnn-svg-small">
            W_xh
          </text>
          <text x={cx + 5} y={85} className="rnn-svg-small">
            W_hy
          </text>
        </>
      )}
    </>
  );
}

/** One time step: the cell A with its hidden units as coloured squares, the input character and the guess. */
function UnrolledColumn({ step, t }: { step: ExampleStep; t: number }) {
  const cx = 60 + t * COLUMN + COLUMN / 2;
  const guess = EXAMPLE_VOCAB[argmax(step.p)];
  return (
    <g data-testid="unrolled-step">
      <ColumnEdges cx={cx} t={t} />
      <rect x={cx - 30} y={100} width={60} height={60} rx={8} className="rnn-cell" />
      <text x={cx} y={118} textAnchor="middle" className="rnn-svg-label">
        A
      </text>
      {Array.from(step.h, (v, i) => (
        <rect key={i} x={cx - 25 + i * 10} y={130} width={9} height={20} style={{ fill: unitFill(v) }}>
          <title>{`h${t + 1},${i + 1} = ${v.toFixed(3)}`}</title>
        </rect>
      ))}
      <text x={cx} y={220} textAnchor="middle" className="rnn-svg-char">
        {showChar(step.char)}
      </text>
      <text x={cx} y={243} textAnchor="middle" className="rnn-svg-small">
        x{t + 1}
      </text>
      <text x={cx} y={50} textAnchor="middle" className="rnn-svg-small">
        y{t + 1} → “{showChar(guess)}”
      </text>
      <text x={cx} y={22} textAnchor="middle" className="rnn-svg-small">
        t = {t + 1}
      </text>
    </g>
  );
}

/**
 * Step 1: the network unrolled through time. One column per typed character: xₜ enters the same cell A, which
 * passes hₜ to the next column and emits yₜ. The diagram grows as the student types; the cell's five hidden units
 * are drawn as coloured squares with their live values.
 */
export function UnrolledFigure() {
  const [text, setText] = useState('hello');
  const example = workedExample(text);
  const steps = example.steps;
  const n = steps.length;
  const width = Math.max(1, n) * COLUMN + 60;
  const last = steps[n - 1];
  const formula = last
    ? `h_{${n}} = \\tanh\\!\\big(W_{hh}\\, h_{${n - 1}} + W_{xh}\\, x_{${n}}\\big) = ${texVector(last.h)}`
    : 'h_0 = 0';

  return (
    <figure className="rnn-figure" data-testid="figure-unrolled">
      <ExampleInput
        label="Type characters"
        value={text}
        maxLength={MAX_CHARS}
        onChange={setText}
        ignored={example.ignored}
        allowed={EXAMPLE_VOCAB}
        testId="unrolled-input"
      />
      <Scroll className="rnn-scroll" label="Unrolled network">
        <svg
          className="rnn-unrolled"
          viewBox={`0 0 ${width} 250`}
          width={width}
          height={250}
          role="img"
          aria-label={`The cell unrolled over ${n} time steps: ${steps.map((s) => showChar(s.char)).join(' ')}`}
          data-testid="unrolled-diagram"
          data-steps={n}
        >
          <ArrowMarker id="rnn-arrow" className="rnn-arrowhead" />
          <text x={2} y={120} className="rnn-svg-small">
            h₀=0
          </text>
          {steps.map((s, t) => (
            <UnrolledColumn key={t} step={s} t={t} />
          ))}
        </svg>
      </Scroll>
      <Scroll className="rnn-formula" label="Formula" testId="unrolled-formula">
        <Tex tex={formula} display />
      </Scroll>
      <figcaption className="rnn-caption">
        {n} time steps, one cell A with the same W_xh, W_hh and W_hy at every step; each column’s squares are
        the five hidden units hₜ (orange negative, blue positive). Above each column: the most probable next
        character under these random, untrained weights.
      </figcaption>
    </figure>
  );
}
