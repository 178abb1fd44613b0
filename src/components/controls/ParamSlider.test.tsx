// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnumParam, IntParam, NumberParam, ParamTable } from '../../experiments/types';
import { IgnoredNotice } from './IgnoredNotice';
import { ParamSlider, sliderTrack } from './ParamSlider';
import { TableControls } from './TableControls';

const linear: NumberParam = {
  name: 't0',
  label: 'Bias weight θ₀',
  type: 'number',
  live: true,
  default: 0.5,
  min: -4,
  max: 4,
  step: 0.1,
};
const log: NumberParam = {
  name: 't',
  label: 'Temperature τ',
  type: 'number',
  live: true,
  default: 1,
  min: 0.05,
  max: 10,
  step: 0.05,
  scale: 'log',
};
const steepness: EnumParam = {
  name: 'k',
  label: 'Steepness k',
  type: 'enum',
  live: true,
  default: '500',
  options: ['5', '15', '50', '500'].map((value) => ({ value, label: value })),
};
const directions: IntParam = {
  name: 'm',
  label: 'Directions M',
  type: 'int',
  live: true,
  default: 2,
  min: 2,
  max: 16,
};

afterEach(() => cleanup());

describe('sliderTrack', () => {
  it('moves a linear number in its own units by its step, snapping the float noise away', () => {
    const t = sliderTrack(linear, 0.5);
    expect([t.min, t.max, t.step, t.position, t.text]).toEqual([-4, 4, 0.1, 0.5, '0.5']);
    expect(t.toValue(0.6000000000000001)).toBe(0.6);
    expect(t.toValue(-0.04)).toBe(0);
  });

  it('moves a log number over log10 in 200 positions, and an int by 1 unless told otherwise', () => {
    const t = sliderTrack(log, 1);
    expect(t.position).toBe(0);
    expect(t.step).toBeCloseTo((1 - Math.log10(0.05)) / 200, 12);
    expect(t.toValue(Math.log10(2))).toBe(2);
    expect(sliderTrack(directions, 5).step).toBe(1);
    expect(sliderTrack(directions, 'x').position).toBe(2); // not a number: the default, never NaN
  });

  it('moves an enum over its options, one arrow press per option, showing the label', () => {
    const t = sliderTrack(steepness, '50');
    expect([t.min, t.max, t.step, t.position, t.text]).toEqual([0, 3, 1, 2, '50']);
    expect(t.toValue(3)).toBe('500');
    expect(t.toValue(99)).toBe('500');
    expect(sliderTrack(steepness, 'nope').position).toBe(0);
  });
});

describe('ParamSlider', () => {
  it('is named by its label alone, reads its value out and reports a valid value', () => {
    const onChange = vi.fn();
    render(<ParamSlider spec={steepness} value="15" onChange={onChange} testId="k-slider" />);
    const input = screen.getByRole('slider', { name: 'Steepness k' });
    expect(input.getAttribute('aria-valuetext')).toBe('15');
    expect(screen.getByTestId('k-slider')).toBe(input);
    fireEvent.change(input, { target: { value: '2' } });
    expect(onChange).toHaveBeenCalledWith('k', '50');
  });
});

describe('TableControls', () => {
  it('draws a slider per number and a select per enum, as a named group when given a name', () => {
    const table: ParamTable = [linear, steepness];
    const onChange = vi.fn();
    render(<TableControls table={table} values={{ t0: 1 }} onChange={onChange} groupLabel="Inputs" />);
    expect(screen.getByRole('group', { name: 'Inputs' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Bias weight θ₀' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Steepness k' }), { target: { value: '5' } });
    expect(onChange).toHaveBeenCalledWith('k', '5');
  });
});

describe('IgnoredNotice', () => {
  it('lists the lines as text under its test id, and stays dismissed until they change', () => {
    const { rerender } = render(
      <IgnoredNotice lines={['t0 = “9”: out of range', '<b>x</b>']} testId="figure-notice" />,
    );
    const notice = screen.getByTestId('figure-notice');
    expect(notice.textContent).toContain('Some settings in the link were not used.');
    expect(notice.querySelector('b')).toBeNull();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    });
    expect(screen.queryByTestId('figure-notice')).toBeNull();
    rerender(<IgnoredNotice lines={['t0 = “9”: out of range', '<b>x</b>']} testId="figure-notice" />);
    expect(screen.queryByTestId('figure-notice')).toBeNull();
    rerender(<IgnoredNotice lines={['m = “99”: out of range']} testId="figure-notice" />);
    expect(screen.getByTestId('figure-notice')).toBeTruthy();
  });

  it('shows nothing without lines, and the computed figures’ test id by default', () => {
    const { container, rerender } = render(<IgnoredNotice lines={[]} />);
    expect(container.textContent).toBe('');
    rerender(<IgnoredNotice lines={['x']} />);
    expect(screen.getByTestId('notice-local-params')).toBeTruthy();
  });
});
