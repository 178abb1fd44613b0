import { useEffect, useState, type FormEvent } from 'react';
import type { GloveClient, ScoredWord } from '../../../worker/gloveClient';
import { ScoredList } from './WordPicker';

interface Answer {
  items: ScoredWord[];
  missing: string[];
}

/** Neighbours, an analogy and stoi / itos look-ups on the loaded vectors, each answered by the worker. */
export function GloveQueries({ client, first }: { client: GloveClient; first: readonly string[] }) {
  const [word, setWord] = useState(first[0] ?? '');
  const [near, setNear] = useState<Answer | null>(null);
  const [abc, setAbc] = useState(['man', 'woman', 'king']);
  const [solved, setSolved] = useState<Answer | null>(null);
  const [stoiWord, setStoiWord] = useState(first[0] ?? '');
  const [stoi, setStoi] = useState<string>('');
  const [itosIndex, setItosIndex] = useState('0');
  const [itos, setItos] = useState<string>('');

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

  const solve = (e: FormEvent) => {
    e.preventDefault();
    client.analogy(abc[0], abc[1], abc[2], 5).then(setSolved, () => setSolved(null));
  };
  const lookWord = (e: FormEvent) => {
    e.preventDefault();
    client
      .lookup({ word: stoiWord })
      .then((r) => setStoi(r.index === null ? 'not in the vocabulary' : String(r.index)));
  };
  const lookIndex = (e: FormEvent) => {
    e.preventDefault();
    client.lookup({ index: Number(itosIndex) }).then((r) => setItos(r.word ?? 'no such index'));
  };
  const missing = (a: Answer | null) =>
    a && a.missing.length > 0
      ? `Not in the vocabulary: ${a.missing.map((w) => `“${w.slice(0, 30)}”`).join(', ')}`
      : '';

  return (
    <section className="emb-panel emb-queries" aria-label="Questions about the loaded vectors">
      <label className="emb-textfield">
        Neighbours of
        <input type="text" value={word} onChange={(e) => setWord(e.target.value)} data-testid="glove-word" />
      </label>
      <ScoredList
        items={near?.items ?? []}
        testId="glove-neighbours"
        empty={missing(near) || 'Type a word.'}
      />
      <form onSubmit={solve} className="emb-analogy-form">
        {['a', 'b', 'c'].map((name, k) => (
          <label key={name} className="emb-textfield">
            {name}
            <input
              type="text"
              value={abc[k]}
              onChange={(e) => setAbc(abc.map((v, j) => (j === k ? e.target.value : v)))}
              data-testid={`glove-${name}`}
            />
          </label>
        ))}
        <button type="submit">Solve analogy</button>
      </form>
      {solved && <ScoredList items={solved.items} testId="glove-analogy" empty={missing(solved)} />}
      <form onSubmit={lookWord} className="emb-lookup">
        <label className="emb-textfield">
          stoi
          <input
            type="text"
            value={stoiWord}
            onChange={(e) => setStoiWord(e.target.value)}
            data-testid="glove-stoi-input"
          />
        </label>
        <button type="submit">Find index</button>
        <output data-testid="glove-stoi">{stoi}</output>
      </form>
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
    </section>
  );
}
