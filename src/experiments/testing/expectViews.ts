/**
 * For the view shape tests: the assertion every chapter's test makes of the views an experiment sent. Only tests
 * import this file.
 */
import { expect } from 'vitest';

/**
 * Every view named in `checks` was sent and passes its check. A failure names the view, after `label` when given
 * (the experiment, where one test walks several).
 */
export function expectViewsPass(
  views: Record<string, unknown>,
  checks: Readonly<Record<string, (v: unknown) => boolean>>,
  label?: string,
): void {
  for (const [name, check] of Object.entries(checks)) {
    const where = label === undefined ? name : `${label} ${name}`;
    expect(views[name], where).toBeDefined();
    expect(check(views[name]), where).toBe(true);
  }
}
