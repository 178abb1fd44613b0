/**
 * Run controls, read-outs and notices for a page that mounted an experiment with `useExperiment` (src/state).
 * See src/state/index.ts for the whole page API.
 */
export { RunControls, ShareButton, type RunControlsProps } from './RunControls';
export { MetricsBar } from './MetricsBar';
export { SpeedControl } from './SpeedControl';
export { TimelineScrubber } from './TimelineScrubber';
export { NoticeBar } from './NoticeBar';
export { formatMetric, formatAccuracy } from './formatMetric';
