import { dismissNotice, type Notice } from '../../state/noticeStore';
import { useNoticeStore, useParamsStore, useRunStore, useRuntimeHub } from '../../state/runtimeContext';
import { learningRateSpec } from '../../state/runtime';
import { formatMetric } from './formatMetric';
import './run.css';

/**
 * The runtime's notices, all plain text: ignored link settings (one dismissible notice), a rebuilt model, a
 * restarted worker, a divergence (with one-click fixes) and a failure.
 */
export function NoticeBar() {
  const hub = useRuntimeHub();
  const notices = useNoticeStore((s) => s.notices);
  const status = useRunStore((s) => s.status);
  const diverged = useRunStore((s) => s.diverged);
  const error = useRunStore((s) => s.error);
  const replay = useRunStore((s) => s.replay);
  /** The step of the frame the read-outs show (undefined before the first). */
  const readoutStep = useRunStore((s) => s.metrics?.step);
  const shownStep = readoutStep ?? 0;
  const table = useParamsStore((s) => s.table);
  const lrSpec = learningRateSpec(table);
  const lr = useParamsStore((s) => (lrSpec ? s.values[lrSpec.name] : undefined));

  return (
    <div className="notice-bar">
      {replay?.shown && (
        <div className="notice notice-info" role="status" data-testid="replay-progress">
          <label className="notice-title">
            Replaying the shared run to step {formatMetric(replay.target)}…{' '}
            <progress max={replay.target} value={Math.min(shownStep, replay.target)} />
          </label>
        </div>
      )}
      {status === 'diverged' && diverged && (
        <div className="notice notice-danger" role="alert" data-testid="notice-diverged">
          <p className="notice-title">
            Training diverged after step {formatMetric(diverged.step)}: the numbers blew up ({diverged.reason}
            ).
          </p>
          <p>
            Usually the learning rate is too large, so each step overshoots and the loss grows until it is no
            longer a number. The charts keep the history up to the last finite step.
            {readoutStep !== undefined && readoutStep < diverged.step && (
              <span data-testid="diverged-readout-step">
                {' '}
                The loss and accuracy read-outs are those of step {formatMetric(readoutStep)}, the last one
                shown before it blew up.
              </span>
            )}{' '}
            Press Reset to start over, or:
          </p>
          {lrSpec && typeof lr === 'number' && lr > lrSpec.min && (
            <button type="button" className="button primary" onClick={() => hub.lowerLearningRate()}>
              Lower the learning rate
            </button>
          )}
        </div>
      )}
      {status === 'error' && error && (
        <div className="notice notice-danger" role="alert" data-testid="notice-error">
          <p className="notice-title">Training stopped: {error}</p>
          <button type="button" className="button" onClick={() => hub.retry()}>
            Try again
          </button>
        </div>
      )}
      {(['url', 'worker', 'rebuilt', 'info'] as const).map((kind) => {
        const n = notices[kind];
        return n ? <NoticeItem key={`${kind}-${n.version}`} notice={n} /> : null;
      })}
    </div>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const hub = useRuntimeHub();
  const tone = notice.kind === 'worker' || notice.kind === 'url' ? 'notice-warn' : 'notice-info';
  return (
    <div className={`notice ${tone}`} role="status" data-testid={`notice-${notice.kind}`}>
      <div className="notice-body">
        <p className="notice-title">{notice.title}</p>
        {notice.lines.length > 0 && (
          <ul>
            {notice.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="icon-button notice-dismiss"
        onClick={() => dismissNotice(hub.notices, notice.kind)}
        aria-label="Dismiss notice"
      >
        ×
      </button>
    </div>
  );
}
