import { useMemo } from 'react';
import { bpeEncode, charTokens, Vocab, wordTokens } from '../../../core';
import type { ParamTable } from '../../../experiments/types';
import { useUrlParams } from '../../../state/useUrlParams';
import { BPE_MERGES, useCorpusTables, useTextParam, visibleToken, type CorpusTables } from './text';
import { TextNotice } from './TextNotice';
import { ParamNotice, SelectControl, SliderControl } from './controls';
import { TextField } from './TextField';

export const TOKENS_PARAMS: ParamTable = [
  {
    name: 'tok',
    label: 'Tokeniser',
    type: 'enum',
    live: true,
    default: 'word',
    options: [
      { value: 'word', label: 'words' },
      { value: 'char', label: 'characters' },
      { value: 'bpe', label: 'byte-pair merges' },
    ],
  },
  { name: 'merges', label: 'Merges applied', type: 'int', live: true, default: 20, min: 0, max: BPE_MERGES },
];

/** Tokens shown in the figure (longer texts are summarised). */
const SHOWN = 36;

/** The tokens of `text` and the corpus vocabulary for the chosen tokeniser. */
export function tokenise(text: string, tok: string, merges: number, corpus: CorpusTables) {
  if (tok === 'char') return { tokens: charTokens(text), vocab: corpus.chars };
  if (tok === 'bpe') return { tokens: bpeEncode(text, corpus.bpe.merges, merges), vocab: corpus.bpeVocab };
  return { tokens: wordTokens(text), vocab: corpus.words };
}

/** A vocabulary of just these tokens, sorted by code point (a different, equally valid choice of ids). */
export function sortedVocab(tokens: readonly string[]): Vocab {
  return new Vocab(
    [...new Set(tokens)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    -1,
  );
}

/** Step 2: text → tokens → ids in two vocabularies, stoi / itos, BPE merges step by step. */
export function TokensFigure({ preset }: { preset?: Readonly<Record<string, unknown>> }) {
  const { text, setText, notice } = useTextParam('text', 'hello world!');
  const { values, ignored, set } = useUrlParams(TOKENS_PARAMS, preset);
  const corpus = useCorpusTables();
  const tok = String(values.tok);
  const merges = Number(values.merges);
  const { tokens, vocab } = useMemo(() => tokenise(text, tok, merges, corpus), [text, tok, merges, corpus]);
  const own = useMemo(() => sortedVocab(tokens), [tokens]);
  const idsA = vocab.encode(tokens);
  const idsB = own.encode(tokens);
  const unknown = tokens.filter((t) => !vocab.stoi.has(t)).length;

  return (
    <div className="emb-figure" data-testid="figure-tokens">
      <TextNotice line={notice} />
      <ParamNotice lines={ignored} />
      <TextField label="Text" value={text} onChange={setText} testId="tokens-input" />
      <div className="emb-controls">
        <SelectControl spec={TOKENS_PARAMS[0]} value={tok} onChange={(v) => set('tok', v)} />
        {tok === 'bpe' && (
          <SliderControl spec={TOKENS_PARAMS[1]} value={merges} onChange={(v) => set('merges', v)} />
        )}
      </div>
      <p className="emb-readout">
        <strong data-testid="token-count">{tokens.length}</strong> tokens ·{' '}
        <span data-testid="token-unknown">{unknown}</span> unknown to the corpus vocabulary
      </p>
      <div className="emb-table-wrap">
        <table className="emb-table" data-testid="token-table">
          <thead>
            <tr>
              <th scope="col">token</th>
              <th scope="col">id · corpus vocabulary ({vocab.size} entries, most frequent first)</th>
              <th scope="col">id · this text’s vocabulary ({own.size} entries, sorted)</th>
            </tr>
          </thead>
          <tbody>
            {tokens.slice(0, SHOWN).map((t, i) => (
              <tr key={i}>
                <td className="emb-token">{visibleToken(t)}</td>
                <td className="emb-num" data-testid="token-id-a">
                  {idsA[i]}
                  {idsA[i] === vocab.unk && !vocab.stoi.has(t) ? ' (<unk>)' : ''}
                </td>
                <td className="emb-num" data-testid="token-id-b">
                  {idsB[i]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tokens.length > SHOWN && <p className="emb-muted">… and {tokens.length - SHOWN} more tokens.</p>}
      </div>
      <p className="emb-muted" data-testid="itos">
        itos of the corpus vocabulary:{' '}
        {vocab.itos.slice(0, 8).map((t, i) => (
          <span key={i} className="emb-chip">
            {i}: {visibleToken(t)}
          </span>
        ))}{' '}
        …
      </p>
      {tok === 'bpe' && <MergeList corpus={corpus} applied={merges} />}
    </div>
  );
}

/** The last few merges applied, newest first. */
function MergeList({ corpus, applied }: { corpus: CorpusTables; applied: number }) {
  const shown = corpus.bpe.merges.slice(Math.max(0, applied - 4), applied).reverse();
  return (
    <div className="emb-merges" data-testid="bpe-merges">
      {applied === 0 ? (
        <p className="emb-muted">No merges yet: every token is one character (▁ marks a word start).</p>
      ) : (
        <ol className="emb-list">
          {shown.map((m, k) => (
            <li key={applied - k}>
              merge {applied - k}: <span className="emb-token">{m.left}</span> +{' '}
              <span className="emb-token">{m.right}</span> →{' '}
              <span className="emb-token">{m.left + m.right}</span>{' '}
              <span className="emb-muted">(pair seen {Math.round(m.count)} times)</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
