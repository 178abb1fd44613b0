import { formatAccuracy } from '../../../components/run/formatMetric';
import { useRunStore } from '../../../state/runStore';

/**
 * The Transformer's own read-outs beside the runtime's MetricsBar (whose `metric-accuracy` is the held-out
 * teacher-forced token accuracy): greedy sequence accuracy and the cross-attention line shares.
 */
export function LiveReadouts() {
  const m = useRunStore((s) => s.metrics);
  const fmt = (v: number | undefined) => formatAccuracy(v);
  return (
    <div className="tf-readouts">
      <p className="tf-note">
        <strong>accuracy</strong> = held-out token accuracy, <em>teacher-forced</em> (each token predicted
        from the correct previous ones). <strong>sequences</strong> = held-out sequences decoded{' '}
        <em>greedily</em> and exactly right.
      </p>
      <dl className="metrics-bar" aria-label="Transformer read-outs">
        <div>
          <dt>sequences (greedy)</dt>
          <dd data-testid="metric-seq-accuracy">{fmt(m?.seqAccuracy)}</dd>
        </div>
        <div>
          <dt>cross-attn on anti-diagonal</dt>
          <dd data-testid="metric-anti-diagonal">{fmt(m?.antiDiagonalMass)}</dd>
        </div>
        <div>
          <dt>on diagonal</dt>
          <dd data-testid="metric-diagonal">{fmt(m?.diagonalMass)}</dd>
        </div>
        <div>
          <dt>best other line</dt>
          <dd data-testid="metric-other-line">{fmt(m?.otherLineMass)}</dd>
        </div>
      </dl>
    </div>
  );
}
