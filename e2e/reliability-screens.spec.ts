import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * What the reliability notices look like where people meet them — a laptop (1280×800), a projector in presenter
 * mode (1920×1080) and a phone (390×844), light and dark: the failed-figure notice, "Page not found" for
 * #/constructor, and the unreadable-progress panel. Screenshots go to /tmp/shots-reliability/ for a person to look
 * at; the assertions are that each notice is on screen, whole, and never makes the page scroll sideways.
 */

const SHOTS = '/tmp/shots-reliability';
const SCREENS = [
  { name: 'laptop', width: 1280, height: 800, present: false },
  { name: 'present', width: 1920, height: 1080, present: true },
  { name: 'phone', width: 390, height: 844, present: false },
] as const;

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function expectWhollyVisible(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 0.5);
}

test.describe('reliability notices on every screen', () => {
  test.use({ allowConsoleErrors: [[/canvas blocked by test/], { scope: 'test' }] });

  for (const screen of SCREENS) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${screen.name}, ${theme}`, async ({ page }) => {
        test.setTimeout(90_000);
        await page.setViewportSize({ width: screen.width, height: screen.height });
        await page.addInitScript((t) => localStorage.setItem('gradient-lab:theme', t), theme);
        const present = screen.present ? '&present=1' : '';

        // A figure whose canvas cannot draw.
        await page.goto(`./#/neurons?lesson=3${present}`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await page.evaluate(() => {
          CanvasRenderingContext2D.prototype.setTransform = () => {
            throw new Error('canvas blocked by test');
          };
        });
        // The lesson's keys listen once the page has mounted (a key pressed before that is lost).
        await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 3 of/);
        if (screen.present) {
          await expect
            .poll(() => page.getByTestId('presenter-figure').getAttribute('data-zoom'))
            .not.toBeNull();
          await page.keyboard.press('ArrowRight');
        } else await page.locator('.lesson-nav').getByRole('button', { name: 'Next' }).click();
        await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 4 of/);
        await page.mouse.wheel(0, 1500); // on a phone the figure is below the prose; it draws once laid out
        await expect(page.getByTestId('figure-error')).toBeVisible({ timeout: 20_000 });
        await page.getByTestId('figure-error').scrollIntoViewIfNeeded();
        await expectWhollyVisible(page, 'figure-error');
        await expectNoSidewaysScroll(page);
        await shot(page, `figure-error-${screen.name}-${theme}`);

        // A route named after an Object member.
        await page.goto('./#/constructor');
        await page.reload();
        await expect(page.getByTestId('not-found')).toBeVisible();
        await expectNoSidewaysScroll(page);
        await shot(page, `not-found-constructor-${screen.name}-${theme}`);

        if (screen.present) return; // progress notices belong to the normal page, not the projector
        await page.evaluate(() => localStorage.setItem('gradient-lab:progress', '#'.repeat(4_000_000)));
        await page.goto('./#/neurons?lesson=1');
        await page.reload();
        await expect(page.getByTestId('progress-unreadable')).toBeVisible();
        await expectWhollyVisible(page, 'progress-unreadable');
        await expectNoSidewaysScroll(page);
        await shot(page, `progress-unreadable-${screen.name}-${theme}`);
      });
    }
  }
});
