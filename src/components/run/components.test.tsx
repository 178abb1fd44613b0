// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { act } from 'react';
import { MetricsBar } from './MetricsBar';
import { NoticeBar } from './NoticeBar';
import { RunControls } from './RunControls';
import { ParamControls } from '../controls';
import { RuntimeHub } from '../../state/runtimeHub';
import { withHub } from '../../state/testHub';
import { showNotice } from '../../state/noticeStore';
import { CLASSIFIER2D_PARAMS } from '../../experiments/classifier2d';
import { defaultValues } from '../../experiments/params';

/** A fresh hub per test (its own stores), as the app gives its tree one. */
let hub = new RuntimeHub();
beforeEach(() => {
  hub = new RuntimeHub();
});
afterEach(() => cleanup());

describe('run components: read-outs and run controls', () => {
  it('MetricsBar shows the contract test ids with plain decimals, only the metrics the task has', () => {
    hub.run.setState({
      status: 'paused',
      metrics: { step: 12345, epoch: 3, loss: 0.042123, accuracy: 0.95 },
    });
    render(<MetricsBar />, { wrapper: withHub(hub) });
    expect(screen.getByTestId('run-status').textContent).toBe('paused');
    expect(screen.getByTestId('metric-step').textContent).toBe('12345');
    expect(screen.getByTestId('metric-loss').textContent).toBe('0.04212');
    expect(screen.getByTestId('metric-accuracy').textContent).toBe('0.950');
    expect(screen.queryByTestId('metric-val-loss')).toBeNull();
  });

  it('MetricsBar keeps spoken read-outs in the page, same ids and text, but marked not to be shown', () => {
    hub.run.setState({
      status: 'paused',
      metrics: { step: 7, epoch: 1, loss: 0.5, valLoss: 0.6, accuracy: 0.9 },
    });
    render(<MetricsBar spoken={['loss', 'valLoss']} />, { wrapper: withHub(hub) });
    expect(screen.getByTestId('metric-loss').textContent).toBe('0.5000');
    expect(screen.getByTestId('metric-loss').parentElement?.className).toBe('visually-hidden');
    expect(screen.getByTestId('metric-val-loss').parentElement?.className).toBe('visually-hidden');
    expect(screen.getByTestId('metric-accuracy').parentElement?.className).toBe('');
    expect(screen.getByTestId('metric-step').parentElement?.className).toBe('');
  });

  it('RunControls: one Play/Pause button whose label follows the status; names exactly as the contract', () => {
    hub.run.setState({ status: 'idle', ready: true });
    render(<RunControls />, { wrapper: withHub(hub) });
    for (const name of ['Play', 'Step', 'Reset', 'Share', 'New random start']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    act(() => hub.run.setState({ status: 'running' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
  });

  it('RunControls act on the hub of their own tree, not on any other', () => {
    const other = new RuntimeHub();
    const steps = vi.spyOn(hub, 'step');
    const otherSteps = vi.spyOn(other, 'step');
    hub.run.setState({ status: 'idle', ready: true });
    render(<RunControls />, { wrapper: withHub(hub) });
    fireEvent.click(screen.getByRole('button', { name: 'Run 10' }));
    expect(steps).toHaveBeenCalledWith(10);
    expect(otherSteps).not.toHaveBeenCalled();
  });

  it('a run component outside a runtime provider says what is missing (there is no global runtime)', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<RunControls />)).toThrow(/No runtime hub/);
    quiet.mockRestore();
  });
});

describe('run components: notices and parameter controls', () => {
  it('NoticeBar renders URL text as text, never as HTML, and explains a divergence', () => {
    showNotice(hub.notices, 'url', 'Some settings in the link were not used.', [
      'act = “<img src=x onerror=alert(1)>”: unknown',
    ]);
    hub.run.setState({
      status: 'diverged',
      diverged: { step: 5, reason: 'loss became NaN at step 6' },
    });
    hub.params.setState({
      table: CLASSIFIER2D_PARAMS,
      values: { ...defaultValues(CLASSIFIER2D_PARAMS), lr: 50 },
    });
    const { container } = render(<NoticeBar />, { wrapper: withHub(hub) });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('notice-url').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByTestId('notice-diverged').textContent).toContain('Training diverged after step 5');
    // No frame was shown before it blew up: nothing to say about the read-outs' step.
    expect(screen.queryByTestId('diverged-readout-step')).toBeNull();
    // The last frame shown was step 2: the read-outs say so, as the step read-out shows the diverged step.
    act(() => hub.run.setState({ metrics: { step: 2, epoch: 0, loss: 0.7 } }));
    expect(screen.getByTestId('diverged-readout-step').textContent).toContain('those of step 2');
    act(() => hub.run.setState({ metrics: { step: 5, epoch: 0, loss: 9e9 } }));
    expect(screen.queryByTestId('diverged-readout-step')).toBeNull();
    expect(screen.getByRole('button', { name: 'Lower the learning rate' })).toBeTruthy();
  });

  it('ParamControls builds labelled controls from the table (slider + exact entry, select, list field)', () => {
    hub.params.setState({ table: CLASSIFIER2D_PARAMS, values: defaultValues(CLASSIFIER2D_PARAMS) });
    render(<ParamControls />, { wrapper: withHub(hub) });
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
