import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rule sets every accessibility check in the suite runs. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeScope {
  /** Only this part of the page (CSS selector), e.g. 'main'. */
  include?: string;
  /**
   * Parts left out. KaTeX draws each formula twice: visible HTML marked aria-hidden, and MathML that screen readers
   * read. Skipping the hidden HTML copy saves axe seconds per KaTeX-heavy page; its text uses the theme's text colour,
   * which the rest of the page's contrast checks already cover.
   */
  exclude?: string[];
}

/**
 * axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now, one readable line each
 * ("impact rule-id: help — selectors"), so a failing `expect(...).toEqual([])` says what and where.
 */
export async function seriousViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (scope.include) builder = builder.include(scope.include);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The KaTeX visual layer, for `exclude` (see AxeScope.exclude). */
export const KATEX_VISUAL = '.katex-html';
