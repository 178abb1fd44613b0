// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { FunctionPlot } from './FunctionPlot';

afterEach(cleanup);

describe('FunctionPlot', () => {
  it('draws f and f′ with a legend, axes and a probe read-out', () => {
    const { container, getByRole } = render(
      <FunctionPlot
        width={500}
        f={(x) => x * x}
        df={(x) => 2 * x}
        xDomain={[-2, 2]}
        initialProbe={1}
        fLabel="x²"
        dfLabel="2x"
      />,
    );
    expect(container.querySelectorAll('path.series-line').length).toBe(2);
    expect(container.querySelectorAll('.chart-legend li').length).toBe(2);
    expect(container.querySelector('.axis-x .axis-label')?.textContent).toBe('x');
    expect(container.querySelector('circle.probe')).not.toBeNull();
    expect(container.querySelector('line.tangent')).not.toBeNull();
    const slider = getByRole('slider');
    expect(slider.getAttribute('aria-valuetext')).toBe('x = 1, x² = 1, 2x = 2');
  });

  it('moves the probe with the arrow keys and reports it', () => {
    const onProbe = vi.fn();
    const { getByRole, getByTestId } = render(
      <FunctionPlot width={500} f={Math.tanh} xDomain={[-4, 4]} initialProbe={0} onProbeChange={onProbe} />,
    );
    const slider = getByRole('slider');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(onProbe).toHaveBeenLastCalledWith(expect.closeTo(0.16, 6));
    expect(getByTestId('function-readout').textContent).toContain('x = 0.16');
    fireEvent.keyDown(slider, { key: 'End' });
    expect(getByTestId('function-readout').textContent).toContain('x = 4');
  });

  it('survives functions that return NaN, Infinity or throw', () => {
    const { container } = render(
      <FunctionPlot
        width={400}
        f={(x) => (x < 0 ? NaN : Math.log(x))}
        df={() => {
          throw new Error('boom');
        }}
        initialProbe={-1}
      />,
    );
    const d = container.querySelector('path.series-line')?.getAttribute('d') ?? '';
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(container.querySelector('circle.probe')).toBeNull(); // f(-1) is NaN: no dot
    expect(container.querySelector('.chart-readout')?.textContent).toContain('NaN');
  });
});
