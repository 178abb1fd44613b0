import { NOT_SAVED_MESSAGE, useProgress } from '../state/progress';
import './common.css';

/**
 * What the learner must know about saved progress: a dismissible notice when saved data was set aside, and a
 * persistent "progress not saved" line while storage refuses writes. Renders nothing when all is well.
 */
export function ProgressNotice() {
  const notice = useProgress((s) => s.notice);
  const saveFailed = useProgress((s) => s.saveFailed);
  const dismiss = useProgress((s) => s.dismissNotice);
  if (!notice && !saveFailed) return null;
  return (
    <div className="progress-notices">
      {notice && (
        <div className="notice notice-warn" role="status" data-testid="progress-notice">
          <span>{notice}</span>
          <button type="button" className="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {saveFailed && (
        <p className="notice notice-muted" role="status" data-testid="progress-not-saved">
          {NOT_SAVED_MESSAGE}
        </p>
      )}
    </div>
  );
}
