import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/**
 * Wait until the experiment on the page is loaded and its first frame is shown: status idle or paused, Step enabled,
 * and the step read-out a number. The worker's "ready" (which enables Step) reaches the page a moment before its first
 * frame of metrics and views, and the status starts as "idle" before anything loads — so a test that read a read-out
 * right after the first two checks could see "—" (a CI failure on the loss chapter's step 6).
 */
export async function waitForFirstFrame(page: Page, timeout = 20_000): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout });
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled({ timeout });
  await expect(page.getByTestId('metric-step')).toHaveText(/^\d+$/, { timeout });
}
