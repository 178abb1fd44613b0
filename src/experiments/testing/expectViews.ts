/**
 * For the view shape tests: the assertions every chapter's test makes of the views experiments sent. Only tests
 * import this file.
 */
import { expect } from 'vitest';

/** A view's shape check, as a figure passes it to `useView`'s `accept`. */
export type ViewCheck = (v: unknown) => boolean;

/** One experiment's views by name (sent after a few steps), with the check its figure reads each through. */
export interface ViewCase {
  id: string;
  views: () => Record<string, unknown>;
  checks: Record<string, ViewCheck>;
}

/**
 * Every view named in `checks` was sent and passes its check. A failure names the view, after `label` when given
 * (the experiment, where one test walks several).
 */
export function expectViewsPass(
  views: Record<string, unknown>,
  checks: Readonly<Record<string, ViewCheck>>,
  label?: string,
): void {
  for (const [name, check] of Object.entries(checks)) {
    const where = label === undefined ? name : `${label} ${name}`;
    expect(views[name], where).toBeDefined();
    expect(check(views[name]), where).toBe(true);
  }
}

/**
 * Each case's checks reject the view of the same name every other case sent (`sent`, by case id), since a frame of
 * the step before may still carry one — except where `skip(name, reader, sender)` says the two are one shape by
 * design. Returns how many views were compared, for the test to pin down (so a renamed view cannot pass unseen).
 */
export function expectOthersRejected(
  cases: readonly ViewCase[],
  sent: ReadonlyMap<string, Record<string, unknown>>,
  skip: (name: string, reader: string, sender: string) => boolean,
): number {
  let compared = 0;
  for (const reader of cases) {
    for (const [name, check] of Object.entries(reader.checks)) {
      for (const sender of cases) {
        if (sender.id === reader.id || skip(name, reader.id, sender.id)) continue;
        const other = sent.get(sender.id)![name];
        if (other === undefined) continue;
        compared++;
        expect(check(other), `${reader.id} reading ${sender.id}'s ${name}`).toBe(false);
      }
    }
  }
  return compared;
}
