import { DismissibleNotice } from './DismissibleNotice';
import './controls.css';

/**
 * The dismissible notice of a figure computed without the runtime, listing the link settings it could not use
 * (`useUrlParams().ignored`, worded by describeIgnored like the runtime's notice). Plain text only, never HTML.
 * Dismissed, it stays away until the list changes.
 */
export function IgnoredNotice({
  lines,
  testId = 'notice-local-params',
}: {
  lines: readonly string[];
  testId?: string;
}) {
  return (
    <DismissibleNotice
      contentKey={lines.length > 0 ? lines.join('\n') : null}
      className="notice notice-warn link-notice"
      dismissClassName="link-notice-dismiss"
      testId={testId}
    >
      <p className="notice-title">Some settings in the link were not used.</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </DismissibleNotice>
  );
}
