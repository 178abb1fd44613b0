import { useEffect, type FormEvent, type ReactNode } from 'react';
import { ParamControls } from '../../../components/controls';
import { MetricsBar } from '../../../components/run/MetricsBar';
import { NoticeBar } from '../../../components/run/NoticeBar';
import { RunControls } from '../../../components/run/RunControls';
import type { LessonStep } from '../../../lessons/types';
import { useRunStore, useRuntimeHub } from '../../../state/runtimeContext';
import { useExperiment } from '../../../state/useExperiment';
import { usePastedText } from '../../../components/charModel/pastedText';
import { fmt } from '../../../components/charModel/format';
import { GeneratePanel } from '../../../components/charModel/GeneratePanel';
import { GradientPanel } from './GradientPanel';
import { HiddenPanel } from './HiddenPanel';
import { TrainPanel } from './TrainPanel';

/** What each live step draws (frames carry only these views) and which settings it offers. */
const LIVE: Readonly<
  Record<string, { views: string[]; controls: string[]; panel: () => ReactNode; bits?: false }>
> = {
  train: { views: ['model'], controls: ['corpus', 'chunk', 'lr', 'hidden'], panel: () => <TrainPanel /> },
  generate: { views: ['model'], controls: ['lr', 'hidden'], panel: () => <GeneratePanel /> },
  hidden: { views: ['model'], controls: ['hidden'], panel: () => <HiddenPanel /> },
  gradients: {
    views: ['gradThroughTime'],
    controls: ['radius', 'clip', 'chunk', 'lr'],
    panel: () => <GradientPanel />,
    bits: false,
  },
};

export const LIVE_FIGURES = Object.keys(LIVE);

/** The student picked another training text in the settings: the live steps go back to their presets' texts. */
function leavePastedText(e: FormEvent<HTMLDivElement>) {
  const target = e.target as HTMLSelectElement;
  if (target.closest('[data-param="corpus"]') && target.value !== 'pasted')
    usePastedText.getState().setActive(false);
}

/** Bits per character: the training average, the validation loss and the unigram baseline, as plain decimals. */
function BitsReadout() {
  const m = useRunStore((s) => s.metrics);
  if (!m) return null;
  return (
    <dl className="rnn-bits" aria-label="Loss in bits per character">
      <div>
        <dt>bits/char (loss ÷ ln 2):</dt>
      </div>
      <div>
        <dt>train (avg.)</dt>
        <dd data-testid="rnn-bpc">{m.bpc === undefined ? '–' : fmt(m.bpc, 3)}</dd>
      </div>
      {m.valBpc !== undefined && (
        <div>
          <dt>validation</dt>
          <dd data-testid="rnn-val-bpc">{fmt(m.valBpc, 3)}</dd>
        </div>
      )}
      <div>
        <dt>unigram baseline</dt>
        <dd data-testid="rnn-unigram-bpc">{m.unigramBpc === undefined ? '–' : fmt(m.unigramBpc, 3)}</dd>
      </div>
      {m.memorised !== undefined && (
        <div>
          <dt>greedy reproduces it</dt>
          <dd data-testid="rnn-memorised">{m.memorised === 1 ? 'yes' : 'no'}</dd>
        </div>
      )}
    </dl>
  );
}

/**
 * Steps 3–6 share this one component (same element type, no key), so the experiment stays mounted when the student
 * moves between steps whose presets agree (4 → 5 keeps the trained model); a different preset rebuilds it.
 */
export function LiveFigure({ step }: { step: LessonStep }) {
  const live = LIVE[step.figure ?? ''] ?? LIVE.train;
  // While the student trains on their own text, every live step uses it (its preset's other settings still apply).
  const pastedActive = usePastedText((s) => s.active);
  const preset = pastedActive ? { ...step.preset, corpus: 'pasted' } : step.preset;
  const handle = useExperiment({ experiment: 'char-model', preset, views: live.views });
  const hub = useRuntimeHub();
  // Coming back to the live steps: a text pasted earlier in this tab goes with the experiment's first load again.
  // (This effect runs after useExperiment's, which attach the experiment.)
  useEffect(() => {
    const text = usePastedText.getState().text;
    if (text !== null) hub.setData({ text }, { rebuild: false });
  }, [hub]);
  return (
    <div className="rnn-figure rnn-live help-spoken" data-testid={`figure-${step.figure ?? 'train'}`}>
      <NoticeBar />
      <RunControls />
      <MetricsBar valLabel="validation loss" />
      {live.bits !== false && <BitsReadout />}
      {live.panel()}
      {handle.ready && (
        <div onChange={leavePastedText}>
          <ParamControls only={live.controls} label="Settings" />
        </div>
      )}
    </div>
  );
}
