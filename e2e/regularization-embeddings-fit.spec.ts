import { mkdirSync } from 'node:fs';
import { screenFitTests, type ScreenStep } from './screenFit';

/**
 * Regularisation steps 5–6 and embeddings steps 4, 5 and 7: the figure with its run and parameter controls fits one
 * 1280×800 screen, before and after training (e2e/screenFit.ts); presenter mode shows the whole figure and a phone
 * has no sideways scroll.
 */

const SHOTS = '/tmp/shots-fit';
mkdirSync(SHOTS, { recursive: true });

const STEPS: ScreenStep[] = [
  { route: 'regularization?lesson=5' },
  { route: 'regularization?lesson=6' },
  { route: 'embeddings?lesson=4' },
  { route: 'embeddings?lesson=5' },
  { route: 'embeddings?lesson=7' },
];

screenFitTests({ 'regularization 5–6 and embeddings 4, 5, 7': STEPS }, SHOTS, 240_000);
