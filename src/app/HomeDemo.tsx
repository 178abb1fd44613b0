/**
 * The home page's live figure: a small network learning to separate two spirals, so the first screen shows what the
 * course is. It trains in the worker at a watchable pace and stops once the spiral is solved; it never touches the
 * address bar (the home link stays `#/`) and never starts by itself for visitors who asked for reduced motion.
 */
import { useEffect, useRef } from 'react';
import { useExperiment } from '../state/useExperiment';
import { useRunStore, useRuntimeHub } from '../state/runtimeContext';
import { formatHash } from '../platform/router';
import { ClassifierBoundary } from './ClassifierBoundary';

const PRESET = { dataset: 'spiral', hidden: '16,16', act: 'relu', optimizer: 'adam', lr: 0.01, seed: 1 };
/** 150 steps a second: the spiral is solved after about 13 s (2,000 steps). */
const PACE = 150;
const STOP_AT = 2000;
const LAB_LINK = formatHash('lab', {
  exp: 'classifier2d',
  dataset: 'spiral',
  hidden: '16,16',
  act: 'relu',
  optimizer: 'adam',
  lr: '0.01',
  seed: '1',
});

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function HomeDemo() {
  const exp = useExperiment({ experiment: 'classifier2d', preset: PRESET, keys: false, linked: false });
  const ready = useRunStore((s) => s.ready);
  const status = useRunStore((s) => s.status);
  const metrics = useRunStore((s) => s.metrics);
  const started = useRef(false);
  const hub = useRuntimeHub();

  useEffect(() => {
    hub.setLessonPace(PACE, STOP_AT);
    const release = hub.controlsMounted();
    return () => {
      release();
      hub.setLessonPace(undefined, undefined);
    };
  }, [hub]);
  // Start once, when the model is there (not again after the visitor pauses or it stops by itself).
  useEffect(() => {
    if (!ready || !exp.ready || started.current || prefersReducedMotion()) return;
    started.current = true;
    hub.play();
  }, [hub, ready, exp.ready]);

  const running = status === 'running';
  const accuracy = metrics?.accuracy;
  return (
    <figure className="home-demo" data-testid="home-demo">
      <ClassifierBoundary
        title="A network learning two spirals"
        height={240}
        caption="Live: a 2-16-16-1 network trained in your browser on two interleaved spirals."
      />
      <figcaption className="home-demo-bar">
        <button type="button" className="button" onClick={() => hub.togglePlay()} disabled={!exp.ready}>
          {running ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="button" onClick={() => hub.reset()} disabled={!exp.ready}>
          Reset
        </button>
        <span className="home-demo-readout" aria-live="off">
          step <span data-testid="home-demo-step">{metrics?.step ?? 0}</span>
          {accuracy !== undefined && (
            <>
              {' '}
              · accuracy <span data-testid="home-demo-accuracy">{accuracy.toFixed(2)}</span>
            </>
          )}
        </span>
        <a href={LAB_LINK} className="home-demo-lab">
          Open it in the lab
        </a>
      </figcaption>
    </figure>
  );
}
