import { mkdirSync } from 'node:fs';
import { screenFitTests, type ScreenStep } from './screenFit';

/**
 * LSTM steps 1–6, RNN step 2, embeddings step 3 and regularisation step 4: the figure with its run controls,
 * read-outs and settings fits one 1280×800 screen (the figure column is sticky 12 px below the top), before and after
 * training where the step trains (Run 100, or Run 10 where that is the step's largest batch) and once for a static
 * figure. Presenter mode fits without scrolling and a phone has no sideways scroll.
 */

const SHOTS = '/tmp/shots-fit2';
mkdirSync(SHOTS, { recursive: true });

const CHAPTERS: Record<string, ScreenStep[]> = {
  lstm: [1, 2, 3, 4, 5, 6].map((n) => ({ route: `lstm?lesson=${n}` })),
  rnn: [{ route: 'rnn?lesson=2' }],
  embeddings: [{ route: 'embeddings?lesson=3' }],
  regularization: [{ route: 'regularization?lesson=4' }],
};

screenFitTests(CHAPTERS, SHOTS, 360_000);
