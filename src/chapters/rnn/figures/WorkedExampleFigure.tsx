import { useState } from 'react';
import { useChartTheme } from '../../../components/charts';
import { MatrixGrid } from '../../../components/charts/MatrixGrid';
import { Tex } from '../../../components/math';
import { argmax } from '../../../core/sampling';
import { ExampleInput } from './ExampleInput';
import { fmt, texVector } from './format';
import { EXAMPLE_TEXT, showChar, workedExample } from './workedExample';

const CELL = 24;
const MAX_CHARS = 16;

interface BlockProps {
  name: string;
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  testId: string;
}

/** One labelled matrix or vector of the worked example, with its numbers in the cells. */
function Block({ name, values, rows, cols, rowLabels, colLabels, testId }: BlockProps) {
  const theme = useChartTheme();
  const labelSpace = (rowLabels ? 18 : 0) + 4;
  return (
    <div className="rnn-block" data-testid={testId} data-rows={rows} data-cols={cols}>
      <div className="rnn-block-name">
        <Tex tex={name} />{' '}
        <span className="rnn-shape">
          {rows}×{cols}
        </span>
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
        showValues
        colorScale="diverging"
        label={`${name.replace(/[\\{}_]/g, '')}: ${rows} by ${cols}`}
        format={(v) => fmt(v, rows * cols > 9 ? 1 : 2)}
      />
    </div>
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
  const units = Array.from({ length: ex.H }, (_, i) => `${i + 1}`);

  return (
    <figure className="rnn-figure" data-testid="figure-worked-example">
      <ExampleInput
        label="Input string"
        value={text}
        maxLength={MAX_CHARS}
        onChange={setText}
        ignored={ex.ignored}
        allowed={ex.vocab}
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
              testId="block-wxh"
            />
            <Block name={`x_{${t}}`} values={s.x} rows={ex.V} cols={1} rowLabels={chars} testId="block-x" />
            <span className="rnn-op">→ tanh →</span>
            <Block name={`h_{${t}}`} values={s.h} rows={5} cols={1} rowLabels={units} testId="block-h" />
            <span className="rnn-op">→</span>
            <Block
              name={`y_{${t}} = W_{hy} h_{${t}}`}
              values={s.y}
              rows={ex.V}
              cols={1}
              rowLabels={chars}
              testId="block-y"
            />
            <Block
              name="\mathrm{softmax}"
              values={s.p}
              rows={ex.V}
              cols={1}
              rowLabels={chars}
              testId="block-p"
            />
          </div>
          <div className="rnn-formula" data-testid="example-formula">
            <Tex
              tex={`h_{${t}} = \\tanh\\big(\\underbrace{${texVector(s.recurrent)}}_{W_{hh} h_{${t - 1}}} + \\underbrace{${texVector(s.input)}}_{W_{xh} x_{${t}}}\\big) = ${texVector(s.h)}`}
              display
            />
          </div>
          <figcaption className="rnn-caption">
            At t = {t} the cell reads “{showChar(s.char)}”: xₜ is one-hot, so W_xh xₜ is simply the column of
            W_xh for that character. With these untrained weights the most probable next character is “
            {showChar(ex.vocab[argmax(s.p)])}” (p = {fmt(s.p[argmax(s.p)], 3)}).
          </figcaption>
        </>
      ) : (
        <p className="rnn-note">Type at least one character of the vocabulary.</p>
      )}
    </figure>
  );
}
