import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { screenFitTests, type ScreenStep } from './screenFit';

/**
 * Backprop steps 1–5 and gradient-descent steps 1–4: the figure with its run controls, read-outs and settings fits
 * one 1280×800 screen (e2e/screenFit.ts), before and after training; presenter mode (1920×1080) shows it without
 * scrolling and a 390×844 phone has no sideways scroll.
 */

const SHOTS = '/tmp/shots-fit3';
mkdirSync(SHOTS, { recursive: true });

/** The chain step does not train: its tallest state is the whole forward and backward pass written out. */
async function wholePass(page: Page) {
  const button = page.getByRole('button', { name: 'Show the whole pass' });
  if ((await button.count()) === 0) return;
  await button.click();
  await expect(page.getByTestId('chain-formulas').locator('li')).toHaveCount(13);
}

const CHAPTERS: Record<string, ScreenStep[]> = {
  backprop: [1, 2, 3, 4, 5].map((n) => ({ route: `backprop?lesson=${n}`, tallest: wholePass })),
  'gradient-descent': [1, 2, 3, 4].map((n) => ({ route: `gradient-descent?lesson=${n}` })),
};

screenFitTests(CHAPTERS, SHOTS);
