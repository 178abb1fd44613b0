import { presetHref, type PresetLink } from '../../lessons/presetLinks';

/**
 * Instructor presets: plain share links (`#/lstm?lesson=N&…`) that open a step with its experiment set up, so they
 * can also be pasted into slides. Each belongs to one lesson step and is shown under that step's figure.
 */
/** A preset that belongs to one lesson step (shown under that step's figure). */
export interface StepPreset extends PresetLink {
  /** 1-based lesson step. */
  lesson: number;
}

export const INSTRUCTOR_PRESETS: readonly StepPreset[] = [
  {
    id: 'rnn-forgets-k40',
    lesson: 1,
    label: 'RNN forgets at k = 40',
    description: 'The plain RNN alone on a gap of 40: validation accuracy stays near chance.',
    query: { lesson: '1', models: 'rnn', gap: '40', seed: '1' },
  },
  {
    id: 'rnn-short-gap',
    lesson: 1,
    label: 'RNN at k = 5',
    description: 'The same RNN on a gap of 5: the gradient reaches the first symbol and the task is learnt.',
    query: { lesson: '1', models: 'rnn', gap: '5', seed: '1' },
  },
  {
    id: 'cell-first-step',
    lesson: 2,
    label: 'Cell at t = 1',
    description: 'The first time step: c₀ = 0, so the forget gate has nothing to forget.',
    query: { lesson: '2', t: '1', unit: '1', seed: '1' },
  },
  {
    id: 'gates-trained',
    lesson: 3,
    label: 'Gates, gap 10',
    description:
      'An LSTM learning the gap-10 task; press Play and watch the cell state hold the first symbol.',
    query: { lesson: '3', gap: '10', example: '3', seed: '2' },
  },
  {
    id: 'race-k40',
    lesson: 4,
    label: 'RNN vs LSTM at k = 40',
    description: 'The default race: the LSTM solves the long gap, the RNN stays near chance.',
    query: { lesson: '4', gap: '40', seed: '1' },
  },
  {
    id: 'race-k5',
    lesson: 4,
    label: 'RNN vs LSTM at k = 5',
    description: 'A short gap: both models learn it.',
    query: { lesson: '4', gap: '5', seed: '1' },
  },
  {
    id: 'forget-bias-0',
    lesson: 5,
    label: 'Forget bias 0',
    description:
      'b_f = 0: every forget gate starts near one half, and the gradient halves at each step back.',
    query: { lesson: '5', fbias: '0', seed: '1' },
  },
  {
    id: 'forget-bias-1',
    lesson: 5,
    label: 'Forget bias 1',
    description: 'b_f = 1, the common initialisation.',
    query: { lesson: '5', fbias: '1', seed: '1' },
  },
  {
    id: 'forget-bias-3',
    lesson: 5,
    label: 'Forget bias 3',
    description: 'b_f = 3: the gradient reaches the first symbol from the start.',
    query: { lesson: '5', fbias: '3', seed: '1' },
  },
  {
    id: 'char-lstm',
    lesson: 6,
    label: 'LSTM on the stories',
    description: 'The character model with LSTM cells on the bundled stories.',
    query: { lesson: '6', cell: 'lstm', seed: '1' },
  },
  {
    id: 'char-rnn',
    lesson: 6,
    label: 'RNN on the stories',
    description: 'The same model and settings with plain RNN cells, for comparison.',
    query: { lesson: '6', cell: 'rnn', seed: '1' },
  },
];

/** The presets of one lesson step, as a row of links. */
export function StepPresets({ lesson }: { lesson: number }) {
  const presets = INSTRUCTOR_PRESETS.filter((p) => p.lesson === lesson);
  if (presets.length === 0) return null;
  return (
    <nav className="lstm-presets" aria-label="Instructor presets" data-testid="instructor-presets">
      <span className="lstm-muted">Presets:</span>
      {presets.map((p) => (
        <a key={p.id} href={presetHref('lstm', p)} title={p.description} data-testid={`preset-${p.id}`}>
          {p.label}
        </a>
      ))}
    </nav>
  );
}
