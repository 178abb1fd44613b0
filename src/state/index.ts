/**
 * The live-training runtime — the public page API (also in docs/ARCHITECTURE.md, "Runtime").
 *
 * A page mounts ONE experiment; everything else is components and hooks that find it through the stores:
 *
 *   import { useExperiment, useFrameView } from '../../state';
 *   import { RunControls, MetricsBar, NoticeBar } from '../../components/run';
 *   import { ParamControls } from '../../components/controls';
 *
 *   function Page() {
 *     const step = useLessonStep();                       // the lesson system's current step
 *     const exp = useExperiment({
 *       experiment: 'classifier2d',                       // registry id (src/experiments/registry.ts)
 *       preset: step.preset,                              // defaults ← preset ← URL; a new preset re-applies
 *       views: ['boundary', 'lossHistory'],               // optional: figures using the hooks add theirs
 *     });
 *     return (<>
 *       <NoticeBar />                                     // ignored link settings, rebuilds, divergence, restarts
 *       <RunControls />                                   // Play/Pause, Step, Run 10, Run 100, Reset, New random start, Share
 *       <MetricsBar />                                    // run-status, metric-step, metric-loss, metric-accuracy, metric-val-loss
 *       <ParamControls only={['lr', 'batch']} />          // generated from the parameter table
 *       <BoundaryFigure />
 *     </>);
 *   }
 *
 *   function BoundaryFigure() {                           // high-rate data: no re-render per frame
 *     const canvas = useRef<HTMLCanvasElement>(null);
 *     useFrameView<Grid>('boundary', (grid) => grid && draw(canvas.current, grid));
 *     return <canvas ref={canvas} />;
 *   }
 *
 * - `useExperiment(opts)` → `{ ready, title, table, values, seed, status, setParam }`. Starts the worker, loads
 *   the experiment, syncs values with the URL (`?lr=0.1&hidden=4%2C4&seed=3`: only non-default values + seed;
 *   history.replaceState, debounced: no history flooding) and installs the keys Space (play/pause), `.` (one step),
 *   `,` (one step back), R (reset) — ignored in text fields/selects/sliders and with Ctrl/Alt/Meta. Options: `reserved` (extra URL names
 *   the page owns), `keys: false` (no keys).
 * - Reserved URL names (never "unknown"): lesson, present, embed, spotlight, plus `reserved`. `seed` is the run's seed
 *   (integer 0…4294967295; invalid → 1 with a notice).
 * - `useFrameView(name, (view, frame) => …)`: draw from each frame in a ref/canvas (runs on animation frames).
 *   `useView<T>(name, { hz, accept })`: the view's newest value as state (re-renders per frame, ≤ 60/s, or at most
 *   `hz` times a second), typed by the experiment's view types; `accept` is the view's shape check.
 *   `useLatestFrame()`: the whole newest frame. `useMetricHistory()`: bounded step/loss/valLoss/accuracy history.
 * - A runtime hub (runtimeHub.ts) holds the mounted experiment, its frame store, the wanted views, the timeline, the
 *   keys and its own stores. There is no module-level one: `main.tsx` creates the app's hub and provides it through
 *   `RuntimeContext`; hooks and components find it with `useRuntimeHub()` (a test provides a hub of its own).
 * - Stores (zustand, read with selectors): `useRunStore` (status idle/running/paused/diverged/error, metrics, …),
 *   `useParamsStore` (table, values, seed), `useNoticeStore`.
 * - Actions are the hub's methods (`const hub = useRuntimeHub()`): play, pause, togglePlay, step(n), seek(step) and
 *   stepBack (the timeline), reset, setParam(name, value), newRandomStart, lowerLearningRate, retry, setSpeed, and
 *   setData(data, { rebuild }): page data that is not a setting (e.g. pasted text), never in the link.
 *   `shareLink(hub)` writes the moment's link and copies it.
 * - Speed: `speed` in the URL (steps per second, or `max`), else the lesson step's `pace` (the lesson page calls
 *   `hub.setLessonPace(step.pace, step.stopAt)`), else full speed. `stopAt` makes Play pause by itself at that step.
 *   The worker paces Play (src/worker/host/pacer.ts); Step / Run 10 / Run 100 always train their exact count at once.
 * - Live parameters apply at the next step; structural ones (live: false) rebuild the model once the control settles
 *   and show a "Model rebuilt" notice. Bad URL values fall back/clamp and are listed in one dismissible notice.
 */
export { useExperiment, useFrameView, useLatestFrame } from './useExperiment';
export type { UseExperimentOptions, ExperimentHandle } from './useExperiment';
export { shareLink, RuntimeHub, type HubPlatform, type Preset, type ShareResult } from './runtime';
export { type RunStatus, type RunPhase, type RunState } from './runStore';
export { type ParamsState } from './paramsStore';
export { showNotice, dismissNotice, type Notice, type NoticeKind } from './noticeStore';
export { type Frame, MetricHistory } from './frames';
export { FrameStore, type FrameListener } from './frameStore';
export {
  RuntimeContext,
  useRuntimeHub,
  useMetricHistory,
  useParamsStore,
  useRunStore,
  useNoticeStore,
} from './runtimeContext';
export { useFrameTick } from './useFrameTick';
export { useView, type ViewOptions } from './useView';
