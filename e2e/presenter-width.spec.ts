import { test, expect } from './fixtures';

/**
 * Presenter mode at 1920×1080 uses the projector's width: the figure box spans the screen (it used to be only as wide
 * as its content, so responsive figures grew with the zoom and ran off the right edge — neurons step 3 was 3,132 px
 * wide — and the Transformer's tall single columns shrank to 0.42×). Its stages now sit side by side.
 */

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ timeout: 120_000 });

for (const { path, minZoom } of [
  { path: 'neurons?lesson=3', minZoom: 1 },
  { path: 'neurons?lesson=6', minZoom: 1 },
  { path: 'transformer?lesson=1', minZoom: 0.5 },
  { path: 'transformer?lesson=2', minZoom: 0.55 },
  { path: 'transformer?lesson=5', minZoom: 0.55 },
]) {
  test(`#/${path} in presenter mode spans the screen, fits, and is zoomed at least ${minZoom}×`, async ({
    page,
  }) => {
    await page.goto(`./#/${path}&present=1&seed=1`);
    const figure = page.getByTestId('presenter-figure');
    await expect(figure).toHaveAttribute('data-zoom', /\d/, { timeout: 20_000 });
    // The box spans the window's width (minus the page's padding) and nothing scrolls, once the figure has settled.
    await expect
      .poll(
        () =>
          figure.evaluate((box) => {
            const r = box.getBoundingClientRect();
            const problems: string[] = [];
            if (r.width < window.innerWidth - 40) problems.push(`box ${Math.round(r.width)} px wide`);
            if (r.right > window.innerWidth + 1) problems.push(`box ends at x = ${Math.round(r.right)}`);
            if (box.scrollHeight > box.clientHeight + 2) problems.push('box scrolls down');
            if (box.scrollWidth > box.clientWidth + 2) problems.push('box scrolls across');
            return problems.join('; ') || 'fits';
          }),
        { timeout: 15_000 },
      )
      .toBe('fits');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    expect(Number(await figure.getAttribute('data-zoom'))).toBeGreaterThanOrEqual(minZoom);
    await page.screenshot({ path: `test-results/presenter-width-${path.replace(/\W+/g, '-')}.png` });
  });
}

/**
 * On a projector a select shows its chosen option in full: a select whose labels are long (a target formula, a loss's
 * name, the slice's directions) takes two settings columns there. The room it needs is that of a copy of it, in the
 * same place with the same rules, holding only the chosen option and free to size itself to it.
 */
for (const { path, label } of [
  { path: 'neurons?lesson=6', label: 'Target' },
  { path: 'loss?lesson=1', label: 'Per-example measure' },
  { path: 'gradient-descent?lesson=3', label: 'Surface' },
  { path: 'backprop?lesson=5', label: 'Directions' },
]) {
  test(`#/${path} in presenter mode shows the chosen "${label}" option in full`, async ({ page }) => {
    await page.goto(`./#/${path}&present=1&seed=1`);
    const figure = page.getByTestId('presenter-figure');
    await expect(figure).toHaveAttribute('data-zoom', /\d/, { timeout: 20_000 });
    const select = figure.getByLabel(label, { exact: true });
    await expect(select).toBeVisible();
    const room = () =>
      select.evaluate((s: HTMLSelectElement) => {
        const text = s.options[s.selectedIndex]?.text ?? '';
        const copy = s.cloneNode(false) as HTMLSelectElement;
        copy.removeAttribute('id');
        copy.append(new Option(text));
        for (const [prop, value] of [
          ['position', 'absolute'],
          ['visibility', 'hidden'],
          ['width', 'auto'],
          ['min-width', '0'],
          ['max-width', 'none'],
        ])
          copy.style.setProperty(prop, value, 'important');
        s.after(copy);
        const needed = copy.getBoundingClientRect().width;
        copy.remove();
        const has = s.getBoundingClientRect().width;
        return `${text}: ${has + 0.5 >= needed ? 'fits' : `cut off (${Math.round(has)} of ${Math.round(needed)} px)`}`;
      });
    await expect.poll(room, { timeout: 10_000 }).toMatch(/: fits$/);
  });
}

/**
 * A chart card's title reads in at most two lines on a projector: the card's SVG/PNG buttons drop below a title that
 * does not fit beside them. Transformer step 1's four narrow cards used to squeeze each title into three lines.
 */
test('#/transformer?lesson=1 in presenter mode: every chart title takes at most two lines', async ({
  page,
}) => {
  await page.goto('./#/transformer?lesson=1&present=1&seed=1');
  const figure = page.getByTestId('presenter-figure');
  await expect(figure).toHaveAttribute('data-zoom', /\d/, { timeout: 20_000 });
  const titles = figure.locator('.chart-title');
  await expect(titles).toHaveCount(4);
  const lines = await titles.evaluateAll((all) =>
    all.map((title) => {
      // Lines = distinct tops of the text's line boxes (robust to zoom and to the font's line height).
      const range = document.createRange();
      range.selectNodeContents(title);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return `${title.textContent}: ${tops.size}`;
    }),
  );
  for (const line of lines) expect(Number(line.split(': ').at(-1)), line).toBeLessThanOrEqual(2);
});
