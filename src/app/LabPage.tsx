import { useEffect, useMemo, useRef } from 'react';
import { navigate, useRoute } from '../platform/router';
import { getRegistryEntry, listExperiments } from '../experiments/registry';
import { useExperiment } from '../state/useExperiment';
import { useMetricHistory } from '../state/runtimeContext';
import { useFrameTick } from '../state/useFrameTick';
import { LineChart } from '../components/charts';
import { ClassifierBoundary } from './ClassifierBoundary';
import { ParamControls } from '../components/controls';
import { MetricsBar } from '../components/run/MetricsBar';
import { NoticeBar } from '../components/run/NoticeBar';
import { RunControls } from '../components/run/RunControls';
import '../components/run/run.css';

const DEFAULT_EXPERIMENT = 'classifier2d';

/**
 * The lab (`#/lab?exp=<id>&…`): a sandbox hosting any registered experiment with its generated controls, read-outs
 * and a loss chart — for instructors, and for testing the runtime before chapter pages exist. Not in the course list.
 */
export default function LabPage() {
  const route = useRoute();
  // `?faultInjection=throw|crash|hang` is shorthand for the hidden fault-test experiment (runtime tests). Only the
  // browser-test build has it: in production the condition is constant-false and the shorthand is dropped.
  const fault = import.meta.env.MODE === 'e2e' ? route.query.get('faultInjection') : null;
  const faultMode = fault === 'throw' || fault === 'crash' || fault === 'hang' ? fault : null;
  const requested = faultMode ? 'fault-test' : route.query.get('exp');
  const known = requested !== null && getRegistryEntry(requested) !== undefined;
  const id = known ? requested : DEFAULT_EXPERIMENT;
  const preset = useMemo(() => (faultMode ? { mode: faultMode } : undefined), [faultMode]);
  const exp = useExperiment({ experiment: id, preset, reserved: ['exp', 'faultInjection'] });
  const choices = useMemo(() => {
    const visible = listExperiments();
    return visible.some((e) => e.id === id) ? visible : [...visible, { id, title: exp.title || id }];
  }, [id, exp.title]);

  return (
    <article className="lab-page" data-testid="lab-page">
      <p className="chapter-kicker">Sandbox</p>
      <h1>Lab</h1>
      <p className="lab-intro">
        Any experiment of the course, with every setting exposed. The address bar always holds a link that
        reopens this exact run (same settings, same seed).
      </p>
      {requested !== null && !known && (
        <p className="notice notice-warn" role="status" data-testid="lab-unknown">
          There is no experiment called “{requested.length > 40 ? `${requested.slice(0, 40)}…` : requested}”;
          showing the 2D classifier instead.
        </p>
      )}
      <label className="lab-choice">
        Experiment{' '}
        <select
          value={id}
          onChange={(e) => navigate('lab', { exp: e.target.value })}
          className="param-select"
          data-testid="lab-experiment"
        >
          {choices.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </label>
      <NoticeBar />
      <RunControls />
      <MetricsBar />
      <div className="lab-figures">
        <LabLossChart />
        {id === 'classifier2d' && (
          <div className="lab-figure">
            <ClassifierBoundary
              title="Decision boundary"
              height={300}
              caption="The network's P(class 1) over the plane; filled points train, hollow points test."
            />
          </div>
        )}
      </div>
      {exp.ready ? <ParamControls label={`${exp.title} settings`} /> : <p className="loading">Loading…</p>}
    </article>
  );
}

function LabLossChart() {
  const drawn = useRef(-1);
  const h = useMetricHistory();
  const tick = useFrameTick(5, () => h.version !== drawn.current);
  useEffect(() => {
    drawn.current = h.version;
  });
  const hasVal = h.length > 0 && Number.isFinite(h.valLoss[h.length - 1]);
  return (
    <div className="lab-figure">
      <LineChart
        title="Loss"
        xLabel="training steps"
        yLabel="loss"
        version={tick * 100000 + h.version}
        series={[
          { label: 'train', x: h.step, y: h.loss, length: h.length },
          ...(hasVal
            ? [{ label: 'test', x: h.step, y: h.valLoss, length: h.length, dashed: true, smooth: false }]
            : []),
        ]}
        // the train loss is each step's mini-batch loss: noisy, so it is shown smoothed (the test loss is not)
        stepOptions={{ smooth: true }}
        caption="Loss over training."
        height={260}
      />
    </div>
  );
}
