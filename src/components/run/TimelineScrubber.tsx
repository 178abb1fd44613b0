import { useEffect, useId, useState } from 'react';
import { useRunStore, useRuntimeHub } from '../../state/runtimeContext';
import './run.css';

/**
 * The run's timeline: a slider from step 0 to the latest step reached. Moving it shows the run at that step (the
 * worker restores its nearest kept moment and trains the rest exactly); Play or Step from there go on from that
 * moment and drop the later ones, like an editor's undo. Arrow keys move one step (the runtime's keys leave focused
 * sliders alone); the `,` key steps back from anywhere on the page.
 */
export function TimelineScrubber() {
  const head = useRunStore((s) => s.timeline?.head ?? 0);
  const step = useRunStore((s) => s.metrics?.step ?? 0);
  const status = useRunStore((s) => s.status);
  const ready = useRunStore((s) => s.ready);
  const id = useId();
  const hub = useRuntimeHub();
  // The value being dragged shows until the read-outs reach it (a rewind takes a moment to replay).
  const [dragged, setDragged] = useState<number | null>(null);
  useEffect(() => {
    if (dragged !== null && (step === dragged || status === 'running')) setDragged(null);
  }, [dragged, step, status]);
  const value = Math.min(dragged ?? step, head);
  const blocked = !ready || head === 0 || status === 'diverged' || status === 'error';
  return (
    <span className="run-timeline">
      <label htmlFor={id}>Timeline</label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(1, head)}
        step={1}
        value={value}
        disabled={blocked}
        aria-valuetext={`step ${value} of ${head}`}
        onChange={(e) => {
          const target = Number(e.target.value);
          setDragged(target);
          hub.seek(target);
        }}
        data-testid="run-timeline"
      />
      <output htmlFor={id} className="run-timeline-value" data-testid="run-timeline-value">
        {value} / {head}
      </output>
    </span>
  );
}
