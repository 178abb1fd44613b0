import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { StepPresets } from '../presets';

interface RecallPanelProps {
  step: LessonStep;
  lesson: number;
  /** Views the figure draws. */
  views: readonly string[];
  /** Which parameters get controls. */
  controls: readonly string[];
  controlsLabel?: string;
  children: ReactNode;
}

/**
 * The frame of the LSTM steps that train on the recall task (steps 1–5): the same experiment, the chapter's compact
 * layout and its step presets under the controls; each step picks its views and controls.
 */
export function RecallPanel({ step, lesson, views, controls, controlsLabel, children }: RecallPanelProps) {
  return (
    <ExperimentPanel
      valLabel="validation loss"
      className="figure-compact lstm-fit"
      experiment="lstm-recall"
      step={step}
      views={views}
      controls={controls}
      controlsLabel={controlsLabel}
      footer={<StepPresets lesson={lesson} />}
    >
      {children}
    </ExperimentPanel>
  );
}
