import './common.css';

/** A one-line warning with a Dismiss button (the lesson position's notice, the saved-progress notice). */
export function WarnNotice({
  text,
  onDismiss,
  testId,
}: {
  text: string;
  onDismiss: () => void;
  testId: string;
}) {
  return (
    <div className="notice notice-warn" role="status" data-testid={testId}>
      <span>{text}</span>
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
