import { useState } from 'react';
import { useChartTheme } from '../../../components/charts';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { MatrixGrid } from '../../../components/charts/MatrixGrid';
import { Tex } from '../../../components/math';
import { argmax } from '../../../core/sampling';
import { ExampleInput } from './ExampleInput';
import { Scroll } from '../../../components/charModel/Scroll';
import { fmt, texVector } from '../../../components/charModel/format';
import { EXAMPLE_TEXT, workedExample, type ExampleStep, type WorkedExample } from './workedExample';
import { showChar } from '../../../components/charModel/format';

const CELL = 32;
const MAX_CHARS = 16;

interface BlockProps {
  name: string;
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  highlightCol?: number;
  /** A column vector drawn as a row (shown as its transpose, to save height). */
  transposed?: boolean;
  testId: string;
}

/** One labelled matrix or vector of the worked example, with its numbers in the cells. */
function Block({
  name,
  values,
  rows,
  cols,
  rowLabels,
  colLabels,
  highlightCol,
  transposed,
  testId,
}: BlockProps) {
  const theme = useChartTheme();
  const labelSpace = (rowLabels ? 18 : 0) + 4;
  return (
    <div
      className="rnn-block"
      data-testid={testId}
      data-rows={transposed ? cols : rows}
      data-cols={transposed ? rows : cols}
    >
      <div className="rnn-block-name">
        <Tex tex={transposed ? `(${name})^{\\top}` : name} />{' '}
        <span className="rnn-shape">{transposed ? `${cols}×${rows}, as a row` : `${rows}×${cols}`}</span>
      </div>
      <MatrixGrid
        values={values}
        rows={rows}
        cols={cols}
        theme={theme}
        width={cols * CELL * theme.fontScale + labelSpace * theme.fontScale}
        maxCell={CELL}
        rowLabels={rowLabels}
        colLabels={colLabels}
        highlightCol={highlightCol}
        showValues
        colorScale="diverging"
        label={`${name.replace(/[\\{}_]/g, '')}: ${rows} by ${cols}`}
        format={(v) => fmt(v, 1)}
      />
    </div>
  );
}

/**
 * Below this width (CSS px) of the hₜ row, the formula's lines are too wide beside or under hₜ (a phone: 366 px for
 * 610 px of formula), so each vector of numbers moves to a line of its own. The row is 649 px at 1280×800.
 */
const STACK_BELOW_PX = 620;

/**
 * hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ) with the step's numbers, one product a line so it fits beside the hₜ block;
 * `stacked` puts each vector under its name instead, for a narrow screen.
 */
function stepFormula(s: ExampleStep, t: number, stacked: boolean): string {
  const recurrent = `W_{hh} h_{${t - 1}}`;
  const input = `W_{xh} x_{${t}}`;
  // [left-hand side, what it equals before the numbers (or ''), the numbers]
  const lines: [string, string, string][] = [
    [recurrent, '', texVector(s.recurrent)],
    [input, '', texVector(s.input)],
    [`h_{${t}}`, `\\tanh(${recurrent} + ${input}) = `, texVector(s.h)],
  ];
  const rows = lines.map(([lhs, middle, vector]) =>
    stacked ? `&${lhs} = ${middle}\\\\ &\\quad ${vector}` : `${lhs} &= ${middle}${vector}`,
  );
  return ['\\begin{aligned}', rows.join(' \\\\\n'), '\\end{aligned}'].join('\n');
}

/** Step t's products as labelled matrices, then yₜ and softmax(yₜ), the formula with its numbers and the guess. */
function StepBlocks({ ex, s, t, chars }: { ex: WorkedExample; s: ExampleStep; t: number; chars: string[] }) {
  const [resultRef, resultWidth] = useElementWidth<HTMLDivElement>(undefined, STACK_BELOW_PX);
  return (
    <>
      <div className="rnn-products" data-testid="example-products">
        <Block name="W_{hh}" values={ex.cell.W_hh.data} rows={5} cols={5} testId="block-whh" />
        <Block name={`h_{${t - 1}}`} values={s.hPrev} rows={5} cols={1} testId="block-hprev" />
        <span className="rnn-op">+</span>
        <Block
          name="W_{xh}"
          values={ex.cell.W_xh.data}
          rows={5}
          cols={ex.V}
          colLabels={chars}
          highlightCol={ex.vocab.indexOf(s.char)}
          testId="block-wxh"
        />
        <span className="rnn-op">→ tanh →</span>
      </div>
      {/* hₜ beside the formula that makes it from the two products' numbers (one row, no space left empty). */}
      <div className="rnn-products rnn-result" ref={resultRef}>
        <Block name={`h_{${t}}`} values={s.h} rows={5} cols={1} testId="block-h" />
        <Scroll className="rnn-formula" label="Formula" testId="example-formula">
          <Tex tex={stepFormula(s, t, resultWidth < STACK_BELOW_PX)} display />
        </Scroll>
      </div>
      <div className="rnn-products">
        <Block
          name={`y_{${t}} = W_{hy} h_{${t}}`}
          values={s.y}
          rows={1}
          cols={ex.V}
          colLabels={chars}
          testId="block-y"
          transposed
        />
        <Block
          name={`\\mathrm{softmax}(y_{${t}})`}
          values={s.p}
          rows={1}
          cols={ex.V}
          colLabels={chars}
          testId="block-p"
          transposed
        />
      </div>
      <figcaption className="rnn-caption">
        At t = {t} the cell reads “{showChar(s.char)}”: xₜ is one-hot, so W_xh xₜ is simply the column of W_xh
        for that character. With these untrained weights the most probable next character is “
        {showChar(ex.vocab[argmax(s.p)])}” (p = {fmt(s.p[argmax(s.p)], 3)}).
      </figcaption>
    </>
  );
}

/**
 * Step 2: the worked example with every number: the input string is read one character per time step; the slider
 * picks t, and the page shows W_hh hₜ₋₁ + W_xh xₜ → tanh → hₜ, then yₜ = W_hy hₜ and softmax(yₜ).
 */
export function WorkedExampleFigure() {
  const [text, setText] = useState(EXAMPLE_TEXT);
  const [picked, setPicked] = useState(1);
  const ex = workedExample(text);
  const n = ex.steps.length;
  const t = Math.min(Math.max(1, picked), Math.max(1, n));
  const s = ex.steps[t - 1];
  const chars = ex.vocab.map(showChar);
  const counts = ex.cell.parameters().map((p) => ({ name: p.name, size: p.size, shape: p.shape }));

  return (
    <figure className="rnn-figure rnn-worked" data-testid="figure-worked-example">
      <ExampleInput
        label="Input string"
        value={text}
        maxLength={MAX_CHARS}
        onChange={setText}
        ignored={ex.ignored}
        testId="example-input"
      />
      <p className="rnn-readout">
        Vocabulary: <strong data-testid="example-vocab-size">{ex.V}</strong> distinct characters of “
        {EXAMPLE_TEXT}” ({chars.join(' ')}); hidden size {ex.H}. Parameters:{' '}
        {counts.map((c) => `${c.name} ${c.shape.join('×')} = ${c.size}`).join(' + ')} ={' '}
        <strong data-testid="example-param-count">{ex.parameterCount}</strong>.
      </p>
      {s ? (
        <>
          <label className="rnn-slider">
            Time step t = <strong data-testid="example-t">{t}</strong> of {n} (reading “{showChar(s.char)}”)
            <input
              type="range"
              min={1}
              max={n}
              value={t}
              onChange={(e) => setPicked(Number(e.target.value))}
              data-testid="example-t-slider"
            />
          </label>
          <StepBlocks ex={ex} s={s} t={t} chars={chars} />
        </>
      ) : (
        <p className="rnn-note">Type at least one character of the vocabulary.</p>
      )}
    </figure>
  );
}
