import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * "Figure and controls on one 1280×800 screen": on a laptop the lesson's figure column is sticky 12 px below the top
 * of the window, so the whole figure box — figure, run controls, read-outs and settings — must be at most this tall.
 */
export const LAPTOP_FIGURE_LIMIT = 800 - 12;

/** Height (px) of the lesson's figure box, once it has rendered something more than a loading line. */
export async function lessonFigureHeight(page: Page): Promise<number> {
  const measure = async () => Math.round((await page.locator('.lesson-figure').boundingBox())?.height ?? 0);
  await expect.poll(measure).toBeGreaterThan(150);
  return measure();
}
