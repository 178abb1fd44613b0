import { useDeferredValue, useId, useMemo, useState } from 'react';
import { MAX_PASTED_CHARS, preparePastedText } from '../../../experiments/charModel/pasted';
import { MAX_VOCAB } from '../../../experiments/charModel/trainer';
import { useParamsStore, useRunStore, useRuntimeHub } from '../../../state/runtimeContext';
import { usePastedText } from '../../../components/charModel/pastedText';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The box's draft, checked as the student types (deferred, so a long paste does not block typing), and `train`,
 * which adopts the box's current text as the corpus: a rebuild when pasted text is already in use, else a switch
 * of the corpus parameter.
 */
function usePasteDraft(corpus: unknown) {
  const adopt = usePastedText((s) => s.adopt);
  const hub = useRuntimeHub();
  const [draft, setDraft] = useState('');
  const [tried, setTried] = useState(false);
  const deferred = useDeferredValue(draft);
  const prepared = useMemo(() => preparePastedText(deferred, MAX_VOCAB), [deferred]);
  const edit = (text: string) => {
    setDraft(text);
    setTried(false);
  };
  const train = () => {
    setTried(true);
    const p = preparePastedText(draft, MAX_VOCAB); // the box's current text, not the deferred one
    if (p.error) return;
    adopt(p.text);
    const already = corpus === 'pasted';
    hub.setData(
      { text: p.text },
      {
        rebuild: already,
        notice: `Model rebuilt: training on your text (${count(p.chars)} characters, ${count(p.distinct)} different).`,
      },
    );
    if (!already) hub.setParam('corpus', 'pasted');
  };
  const showError = prepared.error !== null && (tried || draft !== '');
  return { draft, edit, prepared, train, showError };
}

type Prepared = ReturnType<typeof preparePastedText>;

/** Why the text cannot be used, or what cleaning changed in it. */
function PasteFeedback({ prepared, showError }: { prepared: Prepared; showError: boolean }) {
  return (
    <>
      {showError && (
        <p className="rnn-error" role="alert" data-testid="rnn-paste-error">
          {prepared.error}
        </p>
      )}
      {prepared.error === null && prepared.notes.length > 0 && (
        <ul className="rnn-note" data-testid="rnn-paste-notes">
          {prepared.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Step 3's "train on your own text": a text box whose (cleaned, capped) text becomes the training corpus in the
 * worker, with its own vocabulary. The text stays in this tab: links never carry it (a shared link reopens the bundled
 * stories), which the box says. Any input is safe: preparePastedText refuses what cannot be trained on, with a reason.
 */
export function PasteText() {
  const id = useId();
  const using = usePastedText((s) => s.text);
  const corpus = useParamsStore((s) => s.values.corpus);
  const missing = useRunStore((s) => s.metrics?.pastedMissing === 1);
  const { draft, edit, prepared, train, showError } = usePasteDraft(corpus);
  const usingChars = useMemo(() => (using === null ? 0 : [...using].length), [using]);
  const active = corpus === 'pasted' && using !== null && !missing;

  return (
    <details className="rnn-paste" data-testid="rnn-paste" open={missing || undefined}>
      <summary>
        Train on your own text{' '}
        <span className="rnn-muted" data-testid="rnn-paste-state">
          {active ? `(in use: ${count(usingChars)} characters)` : ''}
        </span>
      </summary>
      {missing && (
        <p className="rnn-note" role="status" data-testid="rnn-paste-missing">
          This link asks for pasted text, but links never carry it: training on the bundled stories instead.
          Paste a text below to train on it.
        </p>
      )}
      <label htmlFor={id} className="rnn-muted">
        Paste any text (up to {count(MAX_PASTED_CHARS)} characters, any language). The model’s vocabulary is
        built from its characters. It stays in this tab: a share link opens the step’s usual text instead.
      </label>
      <textarea
        id={id}
        className="rnn-paste-box"
        rows={4}
        dir="auto"
        spellCheck={false}
        value={draft}
        onChange={(e) => edit(e.target.value)}
        data-testid="rnn-paste-text"
      />
      <div className="rnn-toolbar">
        <button type="button" className="button" onClick={train} data-testid="rnn-paste-train">
          Train on this text
        </button>
        {prepared.error === null && (
          <span className="rnn-muted" data-testid="rnn-paste-stats">
            {count(prepared.chars)} characters, {count(prepared.distinct)} different
          </span>
        )}
      </div>
      <PasteFeedback prepared={prepared} showError={showError} />
    </details>
  );
}
