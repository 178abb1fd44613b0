import { useEffect, useRef, useState } from 'react';
import { useParamsStore, useRunStore, useRuntimeHub } from '../../state/runtimeContext';
import { shareLink, type ShareResult } from '../../state/runtime';
import { SpeedControl } from './SpeedControl';
import { TimelineScrubber } from './TimelineScrubber';
import './run.css';

export interface RunControlsProps {
  /** Show the "Run 10" / "Run 100" buttons (exact step counts; handy for tests and demonstrations). Default true. */
  multiStep?: boolean;
  /** Show "New random start" and the seed. Default true. */
  seed?: boolean;
  /** Show Share. Default true. */
  share?: boolean;
  /** Show the speed control. Default true. */
  speed?: boolean;
  /** Show the timeline (scrub the run back to any step reached). Default true. */
  timeline?: boolean;
}

/**
 * Play / Pause (one button), Step, Run 10, Run 100, Reset, Speed, New random start, Share, and the Timeline. The button names are a
 * contract tests rely on: no other button on the page may contain "Step", "Play", "Reset" or "Share".
 */
export function RunControls({
  multiStep = true,
  seed = true,
  share = true,
  speed = true,
  timeline = true,
}: RunControlsProps) {
  const status = useRunStore((s) => s.status);
  const ready = useRunStore((s) => s.ready);
  const running = status === 'running';
  const hub = useRuntimeHub();
  // While no controls are on the page, the runtime stops a playing run (nothing visible could stop it).
  useEffect(() => hub.controlsMounted(), [hub]);
  const blocked = !ready || status === 'diverged' || status === 'error';

  return (
    <div className="run-controls" role="group" aria-label="Training controls">
      <button
        type="button"
        className="button primary run-play"
        onClick={() => hub.togglePlay()}
        disabled={blocked && !running}
        aria-keyshortcuts="Space"
      >
        {running ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => hub.step(1)}
        disabled={blocked}
        aria-keyshortcuts="."
      >
        Step
      </button>
      {multiStep && (
        <>
          <RunStepsButton steps={10} disabled={blocked} />
          <RunStepsButton steps={100} disabled={blocked} />
        </>
      )}
      <button
        type="button"
        className="button"
        onClick={() => hub.reset()}
        aria-keyshortcuts="R"
        disabled={!ready && status !== 'error'}
      >
        Reset
      </button>
      {/* Right after the buttons it steers: it fills the rest of their row instead of opening a row of its own. */}
      {timeline && <TimelineScrubber />}
      {speed && <SpeedControl />}
      {seed && <SeedControl />}
      {share && <ShareButton />}
    </div>
  );
}

/** Trains exactly `steps` steps (handy for tests and demonstrations). */
function RunStepsButton({ steps, disabled }: { steps: number; disabled: boolean }) {
  const hub = useRuntimeHub();
  return (
    <button
      type="button"
      className="button"
      onClick={() => hub.step(steps)}
      disabled={disabled}
      title={`Train exactly ${steps} steps`}
    >
      {`Run ${steps}`}
    </button>
  );
}

/** "New random start" and the current seed. */
function SeedControl() {
  const currentSeed = useParamsStore((s) => s.seed);
  const hub = useRuntimeHub();
  return (
    <span className="run-seed">
      <button
        type="button"
        className="button"
        onClick={() => hub.newRandomStart()}
        title="A different, equally reproducible run"
      >
        New random start
      </button>
      <span className="run-seed-value" data-testid="run-seed">
        seed {currentSeed}
      </span>
    </span>
  );
}

/** Copies the current link; says so visibly, or shows the link in a field when the clipboard is unavailable. */
export function ShareButton() {
  const hub = useRuntimeHub();
  const [result, setResult] = useState<ShareResult | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (hideTimer.current && clearTimeout(hideTimer.current)), []);
  useEffect(() => {
    if (result && !result.copied) field.current?.select();
  }, [result]);

  const onShare = async () => {
    const r = await shareLink(hub);
    setResult(r);
    if (hideTimer.current) clearTimeout(hideTimer.current);
    if (r.copied) hideTimer.current = setTimeout(() => setResult(null), 5000);
  };

  return (
    <span className="run-share">
      <button type="button" className="button" onClick={() => void onShare()}>
        Share
      </button>
      <span role="status" className="run-share-status" data-testid="share-status">
        {result?.copied ? 'Link copied to the clipboard.' : ''}
      </span>
      {result && !result.copied && (
        <span className="run-share-manual">
          <label>
            Copy this link{' '}
            <input ref={field} type="text" readOnly value={result.url} data-testid="share-link" size={40} />
          </label>
          <button
            type="button"
            className="button"
            onClick={() => setResult(null)}
            aria-label="Close the link field"
          >
            ×
          </button>
        </span>
      )}
    </span>
  );
}
