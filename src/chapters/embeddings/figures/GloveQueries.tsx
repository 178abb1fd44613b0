import { useEffect, useState, type FormEvent } from 'react';
import type { GloveClient, ScoredWord } from '../../../worker/gloveClient';
import { ScoredList } from './WordPicker';
import { TextField } from './TextField';

interface Answer {
  items: ScoredWord[];
  missing: string[];
}

/** Neighbours, an analogy and stoi / itos look-ups on the loaded vectors, each answered by the worker. */
export function GloveQueries({ client, first }: { client: GloveClient; first: readonly string[] }) {
  return (
    <section className="emb-panel emb-queries" aria-label="Questions about the loaded vectors">
      <NeighboursQuery client={client} first={first} />
      <AnalogyQuery client={client} />
      <StoiLookup client={client} first={first} />
      <ItosLookup client={client} />
    </section>
  );
}

/** The words of a question the file does not have, as a line for an empty answer ('' when none are missing). */
function missingNote(a: Answer | null): string {
  return a && a.missing.length > 0
    ? `Not in the vocabulary: ${a.missing.map((w) => `“${w.slice(0, 30)}”`).join(', ')}`
    : '';
}

/** The neighbours of `word`, asked again as it is typed; an answer to an older word is dropped. */
function useNeighbours(client: GloveClient, word: string): Answer | null {
  const [near, setNear] = useState<Answer | null>(null);
  useEffect(() => {
    let live = true;
    if (word)
      client.neighbours(word, 6).then(
        (a) => live && setNear(a),
        () => live && setNear(null),
      );
    return () => {
      live = false;
    };
  }, [client, word]);
  return near;
}

function NeighboursQuery({ client, first }: { client: GloveClient; first: readonly string[] }) {
  const [word, setWord] = useState(first[0] ?? '');
  const near = useNeighbours(client, word);
  return (
    <>
      <TextField label="Neighbours of" value={word} onChange={setWord} testId="glove-word" />
      <ScoredList
        items={near?.items ?? []}
        testId="glove-neighbours"
        empty={missingNote(near) || 'Type a word.'}
      />
    </>
  );
}

/** a : b = c : ?, answered when the form is submitted. */
function AnalogyQuery({ client }: { client: GloveClient }) {
  const [abc, setAbc] = useState(['man', 'woman', 'king']);
  const [solved, setSolved] = useState<Answer | null>(null);
  const solve = (e: FormEvent) => {
    e.preventDefault();
    client.analogy(abc[0], abc[1], abc[2], 5).then(setSolved, () => setSolved(null));
  };
  return (
    <>
      <form onSubmit={solve} className="emb-analogy-form">
        {['a', 'b', 'c'].map((name, k) => (
          <TextField
            key={name}
            label={name}
            value={abc[k]}
            onChange={(typed) => setAbc(abc.map((v, j) => (j === k ? typed : v)))}
            testId={`glove-${name}`}
          />
        ))}
        <button type="submit">Solve analogy</button>
      </form>
      {solved && <ScoredList items={solved.items} testId="glove-analogy" empty={missingNote(solved)} />}
    </>
  );
}

/** Word → index in the file's vocabulary. */
function StoiLookup({ client, first }: { client: GloveClient; first: readonly string[] }) {
  const [stoiWord, setStoiWord] = useState(first[0] ?? '');
  const [stoi, setStoi] = useState<string>('');
  const lookWord = (e: FormEvent) => {
    e.preventDefault();
    client
      .lookup({ word: stoiWord })
      .then((r) => setStoi(r.index === null ? 'not in the vocabulary' : String(r.index)));
  };
  return (
    <form onSubmit={lookWord} className="emb-lookup">
      <TextField label="stoi" value={stoiWord} onChange={setStoiWord} testId="glove-stoi-input" />
      <button type="submit">Find index</button>
      <output data-testid="glove-stoi">{stoi}</output>
    </form>
  );
}

/** Index → word in the file's vocabulary. */
function ItosLookup({ client }: { client: GloveClient }) {
  const [itosIndex, setItosIndex] = useState('0');
  const [itos, setItos] = useState<string>('');
  const lookIndex = (e: FormEvent) => {
    e.preventDefault();
    client.lookup({ index: Number(itosIndex) }).then((r) => setItos(r.word ?? 'no such index'));
  };
  return (
    <form onSubmit={lookIndex} className="emb-lookup">
      <label className="emb-textfield">
        itos
        <input
          type="number"
          min={0}
          value={itosIndex}
          onChange={(e) => setItosIndex(e.target.value)}
          data-testid="glove-itos-input"
        />
      </label>
      <button type="submit">Find word</button>
      <output data-testid="glove-itos">{itos}</output>
    </form>
  );
}
