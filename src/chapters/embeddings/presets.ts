import type { PresetLink } from '../../lessons/presetLinks';

/**
 * Instructor presets: plain share links (`#/embeddings?lesson=…&…`) that open a step set up for the room.
 */
export const INSTRUCTOR_PRESETS: readonly PresetLink[] = [
  {
    id: 'order-matters',
    label: 'Order matters',
    description: 'Step 1 with a sentence whose last word changes the next-word guess.',
    query: { lesson: '1', text: 'the minister said the vote' },
  },
  {
    id: 'bpe-merges',
    label: 'BPE, first merges',
    description: 'Step 2: byte-pair merges on a corpus sentence, at merge 5.',
    query: { lesson: '2', tok: 'bpe', merges: '5', text: 'the scientists discovers the planet' },
  },
  {
    id: 'emoji-chars',
    label: 'Emoji and RTL as characters',
    description: 'Step 2: character tokens of mixed scripts and emoji.',
    query: { lesson: '2', tok: 'char', text: 'שלום 👋🏽 hello' },
  },
  {
    id: 'tiny-vectors',
    label: 'Two-number vectors',
    description: 'Step 4 with d = 2: can two numbers per word keep the topics apart?',
    query: { lesson: '4', dim: '2', seed: '1' },
  },
  {
    id: 'capital-analogy',
    label: 'france → paris, japan → ?',
    description: 'Step 5 asking for the capital of Japan.',
    query: { lesson: '5', qa: 'france', qb: 'paris', qc: 'japan', seed: '1' },
  },
  {
    id: 'unseen-words',
    label: 'Headline of unseen words',
    description: 'Step 7 with a sport headline whose topic words no training headline uses.',
    query: { lesson: '7', headline: 'tennis season opens at the football stadium', seed: '1' },
  },
  {
    id: 'random-frozen',
    label: 'Frozen random vectors',
    description: 'Step 7 with no GloVe training before freezing: the frozen vectors are random.',
    query: { lesson: '7', pretrain: '0', seed: '1' },
  },
];
