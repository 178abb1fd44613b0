// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { LossSurface } from './LossSurface';

afterEach(cleanup);

const bowl = (x: number, y: number) => x * x + 4 * y * y;

describe('LossSurface: contours, paths, size and caption', () => {
  it('draws filled contours, one path per optimiser with start and current point, and the gradient arrow', () => {
    const { container } = render(
      <LossSurface
        width={500}
        f={bowl}
        resolution={30}
        levels={10}
        paths={[
          { label: 'SGD', points: new Float32Array([1.5, 1, 1, 0.5, 0.5, 0.2]) },
          { label: 'Adam', points: [1.5, 1, 1.2, 0.7], length: 2 },
        ]}
        gradient={{ x: 0.5, y: 0.2, dx: 1, dy: 1.6 }}
      />,
    );
    expect(container.querySelectorAll('.contours path').length).toBeGreaterThanOrEqual(9);
    expect(container.querySelectorAll('path.opt-line').length).toBe(2);
    expect(container.querySelectorAll('circle.opt-current').length).toBe(2);
    expect(container.querySelectorAll('rect.opt-start').length).toBe(2);
    expect(container.querySelector('.gradient-arrow text')?.textContent).toBe('−∇L');
    expect(container.querySelectorAll('.chart-legend li').length).toBe(2);
    expect(container.querySelector('figcaption')?.textContent).toContain('SGD: 3 points, now at (0.5, 0.2)');
  });

  it('with an aspect, the plot height follows its width, up to the given height', () => {
    const heightAt = (width: number) => {
      const { container } = render(
        <LossSurface width={width} f={bowl} resolution={10} aspect={0.5} height={300} />,
      );
      const h = Number(container.querySelector('svg[role="img"]')!.getAttribute('height'));
      cleanup();
      return h;
    };
    const narrow = heightAt(300);
    const wide = heightAt(400);
    expect(wide - narrow).toBe(50); // half of the extra 100 px of width
    expect(heightAt(2000)).toBe(300);
  });

  it('speaks of one point in the singular and starts the path sentence with a capital', () => {
    const { container } = render(
      <LossSurface
        width={400}
        f={bowl}
        resolution={10}
        paths={[{ label: 'gradient descent', points: [1, 1] }]}
      />,
    );
    expect(container.querySelector('figcaption')?.textContent).toContain(
      'Gradient descent: 1 point, now at (1, 1)',
    );
  });
});

describe('LossSurface: keyboard, bad data and the 3D view', () => {
  it('picks a start point with the keyboard (arrows + Enter)', () => {
    const onPick = vi.fn();
    const { container } = render(<LossSurface width={500} f={bowl} resolution={20} onPickStart={onPick} />);
    const svg = container.querySelector('svg[role="img"]')!;
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    fireEvent.keyDown(svg, { key: 'ArrowUp' });
    fireEvent.keyDown(svg, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(expect.closeTo(0.1, 6), expect.closeTo(0.1, 6));
  });

  it('handles NaN cells, NaN path points and no data', () => {
    const { container, rerender } = render(
      <LossSurface
        width={400}
        f={(x, y) => (x > 1 ? NaN : bowl(x, y))}
        resolution={20}
        paths={[{ label: 'p', points: [0, 0, NaN, NaN, 0.5, 0.5] }]}
      />,
    );
    const d = container.querySelector('path.opt-line')?.getAttribute('d') ?? '';
    expect(d).not.toMatch(/NaN/);
    expect((d.match(/M/g) ?? []).length).toBe(2);
    rerender(<LossSurface width={400} />);
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No loss surface yet');
  });

  it('switches to the 3D view (canvas) and back', () => {
    const { container, getByRole } = render(<LossSurface width={400} f={bowl} resolution={20} />);
    fireEvent.click(getByRole('button', { name: '3D view' }));
    const canvas = container.querySelector('canvas.surface-3d');
    expect(canvas).not.toBeNull();
    fireEvent.keyDown(canvas!, { key: 'ArrowLeft' });
    fireEvent.click(getByRole('button', { name: '3D view' }));
    expect(container.querySelector('canvas.surface-3d')).toBeNull();
  });
});
