import { useRunStore } from '../../state/runtimeContext';
import { formatAccuracy, formatMetric } from './formatMetric';
import './run.css';

/** Read-outs a figure may keep spoken only (see MetricsBar's `spoken`). */
export type SpokenMetric = 'loss' | 'valLoss' | 'accuracy' | 'valAccuracy';

/**
 * Read-outs with the test ids of DESIGN §2: metric-step, metric-loss, metric-accuracy (when the experiment reports
 * one), metric-val-loss (when it has a validation set), run-status (idle / running / paused / diverged / error).
 * After a divergence the read-outs keep the last finite values.
 */
export function MetricsBar({
  showSpeed = true,
  valLabel = 'test loss',
  spoken = [],
}: {
  showSpeed?: boolean;
  /** Label of metric-val-loss: 'validation loss' where the held-out set is a validation set, not a test set. */
  valLabel?: string;
  /**
   * Read-outs kept for screen readers and scripts (same test ids and text) but not shown, where the figure shows the
   * same numbers elsewhere (e.g. a table of two networks whose column A repeats them).
   */
  spoken?: readonly SpokenMetric[];
}) {
  const hiddenIfSpoken = (metric: SpokenMetric) => (spoken.includes(metric) ? 'visually-hidden' : undefined);
  const status = useRunStore((s) => s.status);
  const metrics = useRunStore((s) => s.metrics);
  const speed = useRunStore((s) => s.stepsPerSecond);
  const diverged = useRunStore((s) => s.diverged);
  const stepValue = status === 'diverged' && diverged ? diverged.step : metrics?.step;

  return (
    <dl className="metrics-bar" aria-label="Training read-outs">
      <div>
        <dt>status</dt>
        <dd data-testid="run-status" className={`run-status run-status-${status}`}>
          {status}
        </dd>
      </div>
      <div>
        <dt>step</dt>
        <dd data-testid="metric-step">{formatMetric(stepValue)}</dd>
      </div>
      {metrics && metrics.epoch > 0 && (
        <div>
          <dt>epoch</dt>
          <dd data-testid="metric-epoch">{formatMetric(metrics.epoch)}</dd>
        </div>
      )}
      <div className={hiddenIfSpoken('loss')}>
        <dt>loss</dt>
        <dd data-testid="metric-loss">{formatMetric(metrics?.loss)}</dd>
      </div>
      {metrics?.valLoss !== undefined && (
        <div className={hiddenIfSpoken('valLoss')}>
          <dt>{valLabel}</dt>
          <dd data-testid="metric-val-loss">{formatMetric(metrics.valLoss)}</dd>
        </div>
      )}
      {metrics?.accuracy !== undefined && (
        <div className={hiddenIfSpoken('accuracy')}>
          <dt>accuracy</dt>
          <dd data-testid="metric-accuracy">{formatAccuracy(metrics.accuracy)}</dd>
        </div>
      )}
      {metrics?.valAccuracy !== undefined && (
        <div className={hiddenIfSpoken('valAccuracy')}>
          <dt>test accuracy</dt>
          <dd data-testid="metric-val-accuracy">{formatAccuracy(metrics.valAccuracy)}</dd>
        </div>
      )}
      {showSpeed && status === 'running' && speed > 0 && (
        <div className="metrics-speed">
          <dt>speed</dt>
          <dd>{formatMetric(speed)} steps/s</dd>
        </div>
      )}
    </dl>
  );
}
