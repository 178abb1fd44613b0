import { useMemo } from 'react';
import { matmul, noGrad, oneHot, Rng, tensor, Vocab, wordTokens } from '../../../core';
import { MatrixView } from '../../../components/charts';
import { Tex } from '../../../components/math';
import type { ParamTable } from '../../../experiments/types';
import { useUrlParams } from '../../../state/useUrlParams';
import { ParamNotice, SliderControl } from './controls';
import { useTextParam } from './text';
import { TextNotice } from './TextNotice';
import { TextField } from './TextField';

export const ONE_HOT_PARAMS: ParamTable = [
  { name: 'pick', label: 'Token to look up', type: 'int', live: true, default: 1, min: 1, max: 24 },
  {
    name: 'vsize',
    label: 'Vocabulary size V',
    type: 'int',
    live: true,
    default: 400_000,
    min: 100,
    max: 1_000_000,
    step: 100,
  },
];

/** Embedding width of the illustration matrix E. */
const D = 3;
/** The figure shows at most this many tokens (rows) of the typed text. */
const MAX_ROWS = 24;

const fmt = (v: number) => (Object.is(v, -0) ? 0 : v).toFixed(1);

/** One-hot rows of the text's tokens, and xE computed both as a product and as a row lookup. */
export function oneHotDemo(text: string, pick: number) {
  const tokens = wordTokens(text).slice(0, MAX_ROWS);
  const vocab = Vocab.fromTokens(tokens, { specials: [] });
  const V = Math.max(1, vocab.size);
  const ids = vocab.encode(tokens);
  const rng = new Rng(7);
  const E = Float32Array.from({ length: V * D }, () => Math.round(rng.uniform(-2, 2) * 10) / 10); // [V, D]
  const at = Math.min(Math.max(1, pick), Math.max(1, tokens.length)) - 1;
  const id = ids[at] ?? 0;
  const product = noGrad(() => Array.from(matmul(oneHot([id], V), tensor(E, [V, D])).data)); // [1, D] flat
  const lookup = Array.from(E.subarray(id * D, id * D + D));
  const matrix = noGrad(() => oneHot(ids, V).data.slice()); // [T, V]
  return { tokens, vocab, ids, E, at, id, product, lookup, matrix };
}

/** A row vector as a TeX bmatrix with one decimal. */
function texVector(xs: readonly number[]): string {
  return `\\begin{bmatrix}${xs.map(fmt).join(' & ')}\\end{bmatrix}`;
}

type OneHotDemo = ReturnType<typeof oneHotDemo>;

/** Step 3: the one-hot matrix of the typed text, its cost at a real vocabulary size, and one-hot × E = row of E. */
export function OneHotFigure({ preset }: { preset?: Readonly<Record<string, unknown>> }) {
  const { text, setText, notice } = useTextParam('text', 'the king met the queen and the king smiled');
  const { values, ignored, set } = useUrlParams(ONE_HOT_PARAMS, preset);
  const demo = useMemo(() => oneHotDemo(text, Number(values.pick)), [text, values.pick]);
  const { tokens, at } = demo;

  return (
    <div className="emb-figure emb-fit captions-spoken" data-testid="figure-one-hot">
      <TextNotice line={notice} />
      <ParamNotice lines={ignored} />
      <TextField label="Text" value={text} onChange={setText} testId="one-hot-input" />
      {tokens.length === 0 ? (
        <p className="emb-muted">Type some words to see their one-hot rows.</p>
      ) : (
        <>
          <OneHotMatrices demo={demo} />
          <SliderControl
            spec={{ ...ONE_HOT_PARAMS[0], max: Math.max(1, tokens.length) } as ParamTable[number]}
            value={at + 1}
            onChange={(v) => set('pick', v)}
          />
          <ProductEqualsLookup demo={demo} />
        </>
      )}
      <OneHotCost V={Number(values.vsize)} setV={(v) => set('vsize', v)} />
    </div>
  );
}

/** The text's one-hot rows beside E, with the picked token's row and its id's row of E highlighted. */
function OneHotMatrices({ demo }: { demo: OneHotDemo }) {
  const { tokens, vocab, E, at, id, matrix } = demo;
  return (
    <div className="emb-pair">
      <MatrixView
        title={`One-hot rows (${tokens.length} tokens × ${vocab.size} words)`}
        values={matrix}
        rows={tokens.length}
        cols={vocab.size}
        rowLabels={tokens.map((t, i) => `${i + 1} ${t}`)}
        colLabels={vocab.itos}
        colorScale="sequential"
        domain={[0, 1]}
        maxCell={26}
        highlightRow={at}
        format={(v) => v.toFixed(0)}
        caption="One row per token, one column per vocabulary word; a single 1 per row."
      />
      <MatrixView
        title={`E (${vocab.size} × ${D})`}
        values={E}
        rows={vocab.size}
        cols={D}
        rowLabels={vocab.itos.map((w, i) => `${i} ${w}`)}
        colorScale="diverging"
        maxCell={34}
        highlightRow={id}
        format={fmt}
        caption="A small weight matrix with one row per vocabulary word (seeded random values)."
      />
    </div>
  );
}

/** x E computed as a product and as a row lookup, and whether the two agree. */
function ProductEqualsLookup({ demo }: { demo: OneHotDemo }) {
  const { tokens, at, id, product, lookup } = demo;
  const equal = product.every((v, k) => v === lookup[k]);
  return (
    <>
      <div className="emb-formula" data-testid="one-hot-product">
        <Tex
          display
          tex={`x_{${id}} E = ${texVector(product)} \\qquad E_{${id},:} = ${texVector(lookup)} \\qquad ${equal ? '\\text{equal}' : '\\text{different}'}`}
        />
      </div>
      <p className="emb-readout" data-testid="one-hot-equal">
        Token {at + 1} “{tokens[at]}” has id {id}: the product and the lookup are{' '}
        {equal ? 'equal' : 'different'}.
      </p>
    </>
  );
}

/** The vocabulary-size slider and what one-hot rows cost in memory at that size (float32). */
function OneHotCost({ V, setV }: { V: number; setV: (v: number) => void }) {
  const bytes = V * 4;
  return (
    <>
      <SliderControl
        spec={ONE_HOT_PARAMS[1]}
        value={V}
        onChange={setV}
        format={(v) => v.toLocaleString('en')}
      />
      <p className="emb-readout" data-testid="one-hot-cost">
        With V = {V.toLocaleString('en')} words each one-hot token is {V.toLocaleString('en')} numbers,{' '}
        {(V - 1).toLocaleString('en')} of them zero: {(bytes / 1e6).toFixed(1)} MB per token in float32, or{' '}
        {((bytes * 100) / 1e6).toFixed(0)} MB for a 100-token text.
      </p>
    </>
  );
}
