/**
 * The bundled corpus of the embeddings chapter: short news-style sentences generated from templates written for
 * Gradient Lab (no third-party text; CC0, see src/chapters/embeddings/README.md). Generated, not stored, so the
 * bundle carries a few kilobytes of word lists instead of a text file, and every build gets the same corpus.
 *
 * It is designed so that co-occurrence alone can teach something visible:
 *  - four news topics (sport, business, science, world) whose words share contexts → topic clusters;
 *  - gender pairs (king/queen, man/woman …) whose words share a role context and a pronoun → a "gender" direction;
 *  - country/capital pairs (france/paris …) sharing a language word → a "capital of" direction.
 * Those last two make analogies (king − man + woman ≈ queen) answerable from the counts.
 */
import { Rng } from '../../core';

export const TOPICS = ['sport', 'business', 'science', 'world'] as const;
export type Topic = (typeof TOPICS)[number];

/** Topic vocabulary: nouns and verbs that only appear in sentences of their topic. */
export const TOPIC_WORDS: Readonly<Record<Topic, { nouns: readonly string[]; verbs: readonly string[] }>> = {
  sport: {
    nouns: ['team', 'coach', 'player', 'goal', 'match', 'league', 'season', 'stadium', 'football', 'tennis'],
    verbs: ['wins', 'scores', 'beats', 'trains'],
  },
  business: {
    nouns: ['market', 'bank', 'shares', 'price', 'company', 'profit', 'investors', 'trade', 'oil', 'sales'],
    verbs: ['buys', 'sells', 'invests', 'borrows'],
  },
  science: {
    nouns: [
      'scientists',
      'research',
      'planet',
      'telescope',
      'study',
      'lab',
      'cells',
      'data',
      'space',
      'climate',
    ],
    verbs: ['discovers', 'measures', 'observes', 'tests'],
  },
  world: {
    nouns: [
      'government',
      'minister',
      'election',
      'parliament',
      'president',
      'law',
      'border',
      'treaty',
      'vote',
      'army',
    ],
    verbs: ['signs', 'debates', 'rejects', 'approves'],
  },
};

/** Male / female pairs, each with two context words of its own (so king and prince are not interchangeable). */
export const GENDER_PAIRS: readonly { male: string; female: string; context: readonly [string, string] }[] = [
  { male: 'man', female: 'woman', context: ['work', 'street'] },
  { male: 'king', female: 'queen', context: ['crown', 'throne'] },
  { male: 'prince', female: 'princess', context: ['castle', 'horse'] },
  { male: 'father', female: 'mother', context: ['home', 'dinner'] },
  { male: 'brother', female: 'sister', context: ['older', 'younger'] },
  { male: 'boy', female: 'girl', context: ['school', 'games'] },
  { male: 'son', female: 'daughter', context: ['born', 'baby'] },
];

/** Country / capital pairs with the language spoken in both. */
export const CAPITALS: readonly { country: string; capital: string; language: string }[] = [
  { country: 'france', capital: 'paris', language: 'french' },
  { country: 'italy', capital: 'rome', language: 'italian' },
  { country: 'japan', capital: 'tokyo', language: 'japanese' },
  { country: 'spain', capital: 'madrid', language: 'spanish' },
  { country: 'germany', capital: 'berlin', language: 'german' },
  { country: 'russia', capital: 'moscow', language: 'russian' },
  { country: 'china', capital: 'beijing', language: 'chinese' },
  { country: 'egypt', capital: 'cairo', language: 'arabic' },
];

const FILLER = ['the', 'a', 'this', 'new', 'big', 'old', 'week', 'today', 'again', 'now'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];

function topicSentence(rng: Rng, topic: Topic): string {
  const { nouns, verbs } = TOPIC_WORDS[topic];
  const templates = [
    () => `the ${pick(rng, nouns)} ${pick(rng, verbs)} the ${pick(rng, nouns)} ${pick(rng, FILLER)}`,
    () => `a ${pick(rng, FILLER)} ${pick(rng, nouns)} and the ${pick(rng, nouns)} ${pick(rng, verbs)}`,
    () =>
      `${pick(rng, nouns)} ${pick(rng, nouns)} ${pick(rng, verbs)} ${pick(rng, nouns)} ${pick(rng, FILLER)}`,
  ];
  return pick(rng, templates)();
}

function genderSentence(rng: Rng): string {
  const pair = pick(rng, GENDER_PAIRS);
  const female = rng.next() < 0.5;
  const word = female ? pair.female : pair.male;
  const [pron, poss] = female ? ['she', 'her'] : ['he', 'his'];
  const ctx = pick(rng, pair.context);
  const templates = [
    () => `the ${word} said ${pron} was at ${poss} ${ctx}`,
    () => `${pron} is the ${word} of the ${ctx} ${pick(rng, FILLER)}`,
    () => `the ${ctx} of the ${word} and ${poss} ${pick(rng, pair.context)}`,
  ];
  return pick(rng, templates)();
}

function capitalSentence(rng: Rng): string {
  const { country, capital, language } = pick(rng, CAPITALS);
  const templates = [
    () => `${capital} is the ${language} capital city of ${country}`,
    () => `people in ${country} speak ${language} in the country`,
    () => `the streets of ${capital} city are full of ${language} voices`,
    () => `${country} is a ${language} nation and a big country`,
    () => `the city of ${capital} speaks ${language} ${pick(rng, FILLER)}`,
    () => `hello world ! ${capital} says hello , in ${language}`,
  ];
  return pick(rng, templates)();
}

/** Default size of the generated corpus, in sentences. */
export const CORPUS_SENTENCES = 40000;

/**
 * The corpus as sentences (lower case, space-separated words). Deterministic for a given `seed`; the chapter
 * always uses seed 7, so every reader trains on the same text (the run's seed only changes the initial vectors).
 */
export function generateCorpus(sentences = CORPUS_SENTENCES, seed = 7): string[] {
  const rng = new Rng(seed);
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const r = rng.next();
    if (r < 0.55) out.push(topicSentence(rng, TOPICS[rng.int(TOPICS.length)]));
    else if (r < 0.8) out.push(genderSentence(rng));
    else out.push(capitalSentence(rng));
  }
  return out;
}

/** An analogy question "a is to b as c is to ?": the answer is `d` (vector b − a + c). */
export interface Analogy {
  a: string;
  b: string;
  c: string;
  d: string;
}

/** The analogy test set: every ordered pair of gender pairs and of capital pairs (written for this corpus). */
export function analogyTestSet(): Analogy[] {
  const out: Analogy[] = [];
  for (const p of GENDER_PAIRS)
    for (const q of GENDER_PAIRS) if (p !== q) out.push({ a: p.male, b: p.female, c: q.male, d: q.female });
  for (const p of CAPITALS)
    for (const q of CAPITALS)
      if (p !== q) out.push({ a: p.country, b: p.capital, c: q.country, d: q.capital });
  return out;
}

/** Probe words and the words that count as "same topic" for each (used by the neighbour test and the page). */
export function topicOf(word: string): string | null {
  for (const t of TOPICS) {
    const { nouns, verbs } = TOPIC_WORDS[t];
    if (nouns.includes(word) || verbs.includes(word)) return t;
  }
  if (GENDER_PAIRS.some((p) => p.male === word || p.female === word)) return 'people';
  if (CAPITALS.some((c) => c.capital === word)) return 'capitals';
  if (CAPITALS.some((c) => c.country === word)) return 'countries';
  if (CAPITALS.some((c) => c.language === word)) return 'languages';
  return null;
}

export const PROBE_WORDS = ['football', 'bank', 'planet', 'election', 'king', 'paris'] as const;
