import { NOT_SAVED_MESSAGE, useProgress, type UnreadableProgress } from '../state/progress';
import { downloadBlob } from '../components/export/exportFigure';
import { WarnNotice } from './WarnNotice';
import './common.css';

/**
 * What the learner must know about saved progress: a dismissible notice when saved data was set aside, merged or is
 * unreadable; while unreadable data blocks saving, a way out (download it, then discard it); and a persistent
 * "progress not saved" line while storage refuses writes. Renders nothing when all is well.
 */
export function ProgressNotice() {
  const notice = useProgress((s) => s.notice);
  const saveFailed = useProgress((s) => s.saveFailed);
  const unreadable = useProgress((s) => s.unreadable);
  const dismiss = useProgress((s) => s.dismissNotice);
  if (!notice && !saveFailed && !unreadable) return null;
  return (
    <div className="progress-notices">
      {notice && <WarnNotice text={notice} onDismiss={dismiss} testId="progress-notice" />}
      {unreadable && <UnreadableActions unreadable={unreadable} />}
      {saveFailed && !unreadable && (
        <p className="notice notice-muted" role="status" data-testid="progress-not-saved">
          {NOT_SAVED_MESSAGE}
        </p>
      )}
    </div>
  );
}

function sizeText(chars: number): string {
  if (chars < 1000) return `${chars} characters`;
  if (chars < 1_000_000) return `${(chars / 1000).toFixed(1)} thousand characters`;
  return `${(chars / 1_000_000).toFixed(1)} million characters`;
}

function UnreadableActions({ unreadable }: { unreadable: UnreadableProgress }) {
  const readUnreadable = useProgress((s) => s.readUnreadable);
  const discard = useProgress((s) => s.discardUnreadable);
  const download = () => {
    const text = readUnreadable();
    if (text !== null) downloadBlob(new Blob([text], { type: 'text/plain' }), 'gradient-lab-progress.txt');
  };
  return (
    <div
      className="notice notice-muted"
      role="group"
      aria-label="Unreadable saved progress"
      data-testid="progress-unreadable"
    >
      <span>
        Progress not saved in this tab: the stored record ({sizeText(unreadable.chars)}) is kept untouched.
      </span>
      <span className="progress-unreadable-actions">
        <button type="button" className="button" onClick={download}>
          Download the unreadable data
        </button>
        <button type="button" className="button" onClick={discard}>
          Discard the unreadable data
        </button>
      </span>
    </div>
  );
}
