import { useMemo, useState } from 'react';
import { AttentionMap } from '../../../components/charts/AttentionMap';
import { MatrixView } from '../../../components/charts/MatrixView';
import { ParamControls } from '../../../components/controls';
import { Tex } from '../../../components/math';
import { MetricsBar } from '../../../components/run/MetricsBar';
import { NoticeBar } from '../../../components/run/NoticeBar';
import { RunControls } from '../../../components/run/RunControls';
import { isTaskId, makeTask, parseSource, SPECIAL_TOKENS } from '../../../core/data/seq2seq';
import { useParamsStore, useRunStore, useRuntimeHub } from '../../../state/runtimeContext';
import { BarChart } from '../../../components/charts';
import { useView } from '../../../state/useView';
import { inputSourceIds } from '../../../experiments/transformer/settings';
import type { DecodeView } from '../../../experiments/transformer/trainerViews';

/** A token as TeX text: specials as ⟨s⟩-style brackets, symbols verbatim (digits, letters, +). */
function tokenTex(token: string): string {
  const m = /^<(\/?)(\w+)>$/.exec(token);
  if (m) return `\\langle ${m[1] ? '/' : ''}\\text{${m[2]}} \\rangle`;
  return `\\text{“${token.replace(/[^0-9a-z+]/gi, '?')}”}`;
}

/** Symbol indices (the `input` parameter) → text, for the task's vocabulary. */
function inputText(indices: readonly number[], vocab: readonly string[]): string {
  return indices.map((i) => vocab[i + SPECIAL_TOKENS.length] ?? '').join('');
}

/**
 * Step 6: type an input; the worker decodes it token by token (view 'decode'); step through the generation and see
 * logits → softmax, the chosen token and its cross-attention over the input.
 */
export function DecodeFigure() {
  const [shown, setShown] = useState(1);
  const { values, task, text, onText } = useDecodeInput(() => setShown(1));
  const parsed = parseSource(task, text);
  const decode = useView<DecodeView>('decode', { hz: 10 });
  const untrained = useRunStore((s) => (s.metrics?.accuracy ?? 0) < 0.9);
  const total = decode?.tokens.length ?? 0;
  const k = Math.min(Math.max(1, shown), total); // tokens revealed so far

  const revealed = decode ? decode.tokens.slice(0, k) : [];
  const output = revealed.filter((t) => t !== '</s>').join('');
  const finished = decode !== undefined && k === total && decode.tokens[total - 1] === '</s>';
  return (
    <div className="tf-figure figure-compact tf-decode" data-testid="tf-figure-decode">
      <NoticeBar />
      <RunControls multiStep={false} seed={false} />
      <MetricsBar showSpeed={false} />
      <div className="tf-toolbar">
        <label>
          Input sequence ({task.label.toLowerCase()}, {task.maxLen} symbols){' '}
          <input
            type="text"
            value={text}
            maxLength={40}
            onChange={(e) => onText(e.target.value)}
            data-testid="tf-decode-input"
            aria-describedby="tf-decode-notes"
          />
        </label>
      </div>
      <div id="tf-decode-notes" className="tf-note" role="status">
        {untrained && (
          <p data-testid="tf-decode-untrained">
            The model has not learned the task yet (held-out accuracy below 0.9): press Play and train it
            first — here or in step 5 — or expect nonsense.
          </p>
        )}
        {parsed.unknown.length > 0 && <p>Ignored (not in the vocabulary): {parsed.unknown.join(' ')}</p>}
        {parsed.truncated && <p>Only the first {task.maxLen} symbols are used.</p>}
        {decode?.notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </div>
      <ParamControls only={['decoding', 'temp']} label="Decoding" />
      <GenerationButtons k={k} total={total} setShown={setShown} />
      <p className="tf-decode-line">
        <span>
          Input: <code>{decode?.srcTokens.join(' ')}</code>
        </span>
        <span>
          Output so far: <code data-testid="tf-decode-output">{output}</code>
          {finished && ' (ended with </s>)'}
        </span>
        <span>
          Correct answer: <code data-testid="tf-decode-expected">{decode?.expectedTokens.join('')}</code>
        </span>
      </p>
      {decode && total > 0 && (
        <DecodeStepDetail decode={decode} k={k} revealed={revealed} tied={values.tied !== false} />
      )}
      {decode && total === 0 && <p className="tf-note">Type a sequence to decode.</p>}
      {/* Read, not shown: the logits' title names the output layer (the figure fits one laptop screen). */}
      <p className="tf-note visually-hidden">
        The output layer is{' '}
        {values.tied === false
          ? 'untied (its own matrix W_out)'
          : 'tied to the input embedding: logits = Z·W_Eᵀ + b'}
        . Change it in step 5 under “Task and model”.
      </p>
    </div>
  );
}

/** Cross-attention of every revealed token, last decoder layer, one map per head: [k, S] each. */
function crossAttentionHeads(decode: DecodeView, k: number) {
  const { layers: L, heads: H } = decode;
  const S = decode.srcTokens.length;
  if (H === 0 || S === 0) return [];
  return Array.from({ length: H }, (_, h) => {
    const w = new Float32Array(k * S);
    for (let t = 0; t < k; t++) {
      const c = decode.cross[t];
      if (c) w.set(c.subarray(((L - 1) * H + h) * S, ((L - 1) * H + h + 1) * S), t * S);
    }
    return { label: `head ${h + 1}`, weights: w };
  });
}

/** Token k of the generation: its softmax formula, the probabilities, cross-attention so far and the logits. */
function DecodeStepDetail({
  decode,
  k,
  revealed,
  tied,
}: {
  decode: DecodeView;
  k: number;
  revealed: string[];
  /** Whether the output layer is the transposed input embedding (the Transformer's "tied" setting). */
  tied: boolean;
}) {
  const at = k - 1; // the step whose distribution is shown
  const crossHeads = useMemo(() => crossAttentionHeads(decode, k), [decode, k]);
  return (
    <>
      {/* The step's formula and probabilities beside the cross-attention: stacked, the step was 1,612 px tall. */}
      <div className="tf-decode-grid">
        <div className="tf-decode-probs">
          <p className="tf-formula">
            <Tex
              tex={`\\text{step } ${k}:\\ p = \\mathrm{softmax}(z_{\\text{last}}${decode.mode === 'sample' ? ` / ${decode.temperature.toFixed(2)}` : ''}) \\Rightarrow ${tokenTex(decode.tokens[at])}`}
            />
          </p>
          <div data-testid="tf-decode-probs">
            <BarChart
              title={`Probabilities p, step ${k}`}
              bars={decode.vocab.map((label, i) => ({ label, value: decode.probs[at][i] ?? 0 }))}
              yDomain={[0, 1]}
              highlight={decode.vocab.indexOf(decode.tokens[at])}
              yLabel="probability"
              height={140}
              format={(v) => v.toFixed(2)}
              caption={`${decode.mode === 'greedy' ? 'Greedy: the tallest bar is chosen' : `Sampled at τ = ${decode.temperature}`}. Probabilities at step ${k}; chosen token “${decode.tokens[at]}” with probability ${(decode.probs[at][decode.vocab.indexOf(decode.tokens[at])] ?? 0).toFixed(3)}.`}
            />
          </div>
        </div>
        <AttentionMap
          title={`Cross-attention of each new token (last decoder layer)`}
          heads={crossHeads}
          queryTokens={revealed.map((t, i) => `${i + 1}: ${t}`)}
          keyTokens={decode.srcTokens}
          maxCell={32}
          minHeadWidth={130}
        />
      </div>
      <MatrixView
        title={`Logits z = ${tied ? 'Z·W_Eᵀ + b (output tied to the embedding)' : 'Z·W_out + b (output untied)'}, step ${k}`}
        values={decode.logits[at]}
        rows={1}
        cols={decode.vocab.length}
        colLabels={decode.vocab}
        rowLabels={['z']}
        showValues
        maxCell={34}
        caption={`Logits z = Z·W_Eᵀ + b over ${decode.vocab.length} tokens.`}
      />
    </>
  );
}

/** Previous token / Next token / Whole sequence: how much of the generation is revealed. */
function GenerationButtons({
  k,
  total,
  setShown,
}: {
  k: number;
  total: number;
  setShown: (n: number) => void;
}) {
  return (
    <div className="tf-toolbar" role="group" aria-label="Generation">
      <button type="button" className="button" onClick={() => setShown(Math.max(1, k - 1))} disabled={k <= 1}>
        ← Previous token
      </button>
      <button
        type="button"
        className="button primary"
        onClick={() => setShown(k + 1)}
        disabled={k >= total}
        data-testid="tf-next-token"
      >
        Next token →
      </button>
      <button type="button" className="button" onClick={() => setShown(total)} disabled={k >= total}>
        Whole sequence
      </button>
    </div>
  );
}

/**
 * The typed input: shown as typed while the task stays the same, else rebuilt from the `input` parameter (a link's
 * value). Each edit becomes the `input` parameter (symbol indices) at once, so the worker decodes it.
 */
function useDecodeInput(onEdit: () => void) {
  const values = useParamsStore((s) => s.values);
  const hub = useRuntimeHub();
  const taskId = isTaskId(values.task) ? values.task : 'reverse';
  const task = useMemo(
    () => makeTask(taskId, { maxLen: typeof values.len === 'number' ? values.len : 8 }),
    [taskId, values.len],
  );
  const current = Array.isArray(values.input) ? (values.input as number[]) : [];
  const [draft, setDraft] = useState<{ text: string; task: string } | null>(null);
  const text =
    draft && draft.task === taskId
      ? draft.text
      : inputText(
          inputSourceIds(task, current).ids.map((id) => id - SPECIAL_TOKENS.length),
          task.vocab.itos,
        );
  const onText = (next: string) => {
    setDraft({ text: next, task: taskId });
    const ids = parseSource(task, next).ids;
    hub.setParam(
      'input',
      ids.map((id) => id - SPECIAL_TOKENS.length),
    );
    onEdit();
  };
  return { values, task, text, onText };
}
