// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { act } from 'react';
import { MetricsBar } from './MetricsBar';
import { NoticeBar } from './NoticeBar';
import { RunControls } from './RunControls';
import { ParamControls } from '../controls';
import { INITIAL_RUN_STATE } from '../../state/runStore';
import { appRuntime } from '../../state/runtime';
import { showNotice, clearNotices } from '../../state/noticeStore';
import { CLASSIFIER2D_PARAMS } from '../../experiments/classifier2d';
import { defaultValues } from '../../experiments/params';

afterEach(() => {
  cleanup();
  clearNotices(appRuntime.notices);
  appRuntime.run.setState({ ...INITIAL_RUN_STATE });
});

describe('run components', () => {
  it('MetricsBar shows the contract test ids with plain decimals, only the metrics the task has', () => {
    appRuntime.run.setState({
      status: 'paused',
      metrics: { step: 12345, epoch: 3, loss: 0.042123, accuracy: 0.95 },
    });
    render(<MetricsBar />);
    expect(screen.getByTestId('run-status').textContent).toBe('paused');
    expect(screen.getByTestId('metric-step').textContent).toBe('12345');
    expect(screen.getByTestId('metric-loss').textContent).toBe('0.04212');
    expect(screen.getByTestId('metric-accuracy').textContent).toBe('0.950');
    expect(screen.queryByTestId('metric-val-loss')).toBeNull();
  });

  it('MetricsBar keeps spoken read-outs in the page, same ids and text, but marked not to be shown', () => {
    appRuntime.run.setState({
      status: 'paused',
      metrics: { step: 7, epoch: 1, loss: 0.5, valLoss: 0.6, accuracy: 0.9 },
    });
    render(<MetricsBar spoken={['loss', 'valLoss']} />);
    expect(screen.getByTestId('metric-loss').textContent).toBe('0.5000');
    expect(screen.getByTestId('metric-loss').parentElement?.className).toBe('visually-hidden');
    expect(screen.getByTestId('metric-val-loss').parentElement?.className).toBe('visually-hidden');
    expect(screen.getByTestId('metric-accuracy').parentElement?.className).toBe('');
    expect(screen.getByTestId('metric-step').parentElement?.className).toBe('');
  });

  it('RunControls: one Play/Pause button whose label follows the status; names exactly as the contract', () => {
    appRuntime.run.setState({ status: 'idle', ready: true });
    render(<RunControls />);
    for (const name of ['Play', 'Step', 'Reset', 'Share', 'New random start']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    act(() => appRuntime.run.setState({ status: 'running' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
  });

  it('NoticeBar renders URL text as text, never as HTML, and explains a divergence', () => {
    showNotice(appRuntime.notices, 'url', 'Some settings in the link were not used.', [
      'act = “<img src=x onerror=alert(1)>”: unknown',
    ]);
    appRuntime.run.setState({
      status: 'diverged',
      diverged: { step: 5, reason: 'loss became NaN at step 6' },
    });
    appRuntime.params.setState({
      table: CLASSIFIER2D_PARAMS,
      values: { ...defaultValues(CLASSIFIER2D_PARAMS), lr: 50 },
    });
    const { container } = render(<NoticeBar />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('notice-url').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByTestId('notice-diverged').textContent).toContain('Training diverged after step 5');
    // No frame was shown before it blew up: nothing to say about the read-outs' step.
    expect(screen.queryByTestId('diverged-readout-step')).toBeNull();
    // The last frame shown was step 2: the read-outs say so, as the step read-out shows the diverged step.
    act(() => appRuntime.run.setState({ metrics: { step: 2, epoch: 0, loss: 0.7 } }));
    expect(screen.getByTestId('diverged-readout-step').textContent).toContain('those of step 2');
    act(() => appRuntime.run.setState({ metrics: { step: 5, epoch: 0, loss: 9e9 } }));
    expect(screen.queryByTestId('diverged-readout-step')).toBeNull();
    expect(screen.getByRole('button', { name: 'Lower the learning rate' })).toBeTruthy();
  });

  it('ParamControls builds labelled controls from the table (slider + exact entry, select, list field)', () => {
    appRuntime.params.setState({ table: CLASSIFIER2D_PARAMS, values: defaultValues(CLASSIFIER2D_PARAMS) });
    render(<ParamControls />);
    expect(screen.getByRole('slider', { name: 'Learning rate α' })).toBeTruthy();
    expect(
      (screen.getByRole('textbox', { name: 'Learning rate α (exact value)' }) as HTMLInputElement).value,
    ).toBe('0.1');
    expect((screen.getByRole('combobox', { name: 'Activation' }) as HTMLSelectElement).value).toBe(
      'leaky-relu',
    );
    expect((screen.getByLabelText('Hidden layers') as HTMLInputElement).value).toBe('8,8');
    expect(screen.getAllByText('Changing it rebuilds the model.').length).toBeGreaterThan(3);
  });
});
