import { formatAccuracy } from '../../../components/run/formatMetric';
import { useRunStore } from '../../../state/runtimeContext';

/** One read-out; re-renders only when its formatted text changes (frames arrive up to 60 times a second). */
function Readout({ label, name, testId }: { label: string; name: string; testId: string }) {
  const text = useRunStore((s) => formatAccuracy(s.metrics?.[name]));
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{text}</dd>
    </div>
  );
}

/**
 * The Transformer's own read-outs beside the runtime's MetricsBar (whose `metric-accuracy` is the held-out
 * teacher-forced token accuracy): greedy sequence accuracy and the cross-attention line shares. Their definitions are
 * read to screen readers; on screen the labels and the step's prose say it (the figure must fit one laptop screen).
 */
export function LiveReadouts() {
  return (
    <div className="tf-readouts">
      <p className="tf-note visually-hidden" id="tf-readouts-note">
        <strong>accuracy</strong>: held-out tokens, teacher-forced · <strong>sequences</strong>: held-out,
        decoded greedily, exactly right · <strong>line shares</strong>: last decoder layer’s cross-attention
        (mean over heads and 64 held-out sequences).
      </p>
      <dl className="metrics-bar" aria-label="Transformer read-outs" aria-describedby="tf-readouts-note">
        <Readout label="sequences (greedy)" name="seqAccuracy" testId="metric-seq-accuracy" />
        <Readout label="cross-attn on anti-diagonal" name="antiDiagonalMass" testId="metric-anti-diagonal" />
        <Readout label="on diagonal" name="diagonalMass" testId="metric-diagonal" />
        <Readout label="best other line" name="otherLineMass" testId="metric-other-line" />
      </dl>
    </div>
  );
}
