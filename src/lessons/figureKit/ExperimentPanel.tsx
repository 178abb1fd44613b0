import type { ReactNode } from 'react';
import type { LessonStep } from '../types';
import { ParamControls } from '../../components/controls';
import { MetricsBar } from '../../components/run/MetricsBar';
import { NoticeBar } from '../../components/run/NoticeBar';
import { RunControls } from '../../components/run/RunControls';
import { useExperiment } from '../../state/useExperiment';

export interface ExperimentPanelProps {
  /** Registry id (src/experiments/registry.ts). */
  experiment: string;
  step: LessonStep;
  /** Views the figure draws (frames carry only these). */
  views: readonly string[];
  /** Which parameters get controls (default: all). */
  controls?: readonly string[];
  controlsLabel?: string;
  children: ReactNode;
  /** Extra read-outs or notes under the controls. */
  footer?: ReactNode;
  testId?: string;
  /** Label of the metric-val-loss read-out (default 'test loss'). */
  valLabel?: string;
  /** Extra class on the panel (a chapter's layout rules, e.g. a compact one that fits one laptop screen). */
  className?: string;
}

/**
 * The frame every live figure of the course sits in: mounts the experiment with the step's preset (URL values
 * win), then notices, run controls, read-outs, the figure itself and the generated parameter controls.
 */
export function ExperimentPanel({
  experiment,
  step,
  views,
  controls,
  controlsLabel,
  children,
  footer,
  testId,
  valLabel,
  className,
}: ExperimentPanelProps) {
  const handle = useExperiment({ experiment, preset: step.preset, views });
  return (
    <div
      className={className ? `descent-panel ${className}` : 'descent-panel'}
      data-testid={testId ?? `figure-${step.figure ?? step.id}`}
    >
      <NoticeBar />
      <RunControls />
      <MetricsBar valLabel={valLabel} />
      {children}
      {handle.ready && <ParamControls only={controls} label={controlsLabel ?? 'Settings'} />}
      {footer}
    </div>
  );
}
