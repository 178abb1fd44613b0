import { mkdirSync } from 'node:fs';
import { screenFitTests, type ScreenStep } from './screenFit';

/**
 * Activations steps 1, 2, 4, 5, 7, 8 and neurons steps 4, 5, 7: the figure with its run controls, read-outs and
 * settings fits one 1280×800 screen (e2e/screenFit.ts), before and after training; presenter mode shows the whole
 * figure and a phone has no sideways scroll. Neurons step 6 (universal approximation) has its own spec.
 */

const SHOTS = '/tmp/shots-fit4';
mkdirSync(SHOTS, { recursive: true });

/**
 * Every step listed here is asserted. Activations steps 2 and 8 compare two live networks in one three-column grid
 * (src/chapters/activations/figures/ComparePanels.tsx): the loss curves beside the two planes, both networks'
 * read-outs in one table beside the step and linear plots (step 2) or the two weight diagrams (step 8), the settings
 * four to a line below.
 */
const CHAPTERS: Record<string, ScreenStep[]> = {
  activations: [1, 2, 4, 5, 7, 8].map((n) => ({ route: `activations?lesson=${n}` })),
  neurons: [4, 5, 7].map((n) => ({ route: `neurons?lesson=${n}` })),
};

screenFitTests(CHAPTERS, SHOTS);
