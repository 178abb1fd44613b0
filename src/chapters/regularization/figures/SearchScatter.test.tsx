// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useChartTheme } from '../../../components/charts';
import { SearchScatter } from './SearchScatter';

function Scatter() {
  const theme = useChartTheme();
  return (
    <SearchScatter
      title="Grid search"
      lr={[0.001, 0.0316, 1, 0.001]}
      lambda={[1e-5, 1e-5, 1e-5, 1e-3]}
      val={[0.2, 0.05, Infinity]}
      best={1}
      space={[0.001, 1, 1e-5, 1e-3]}
      colorDomain={[0.05, 0.2]}
      theme={theme}
    />
  );
}

describe('SearchScatter', () => {
  it('draws run trials filled, blown-up ones as crosses, planned ones hollow, the best ringed; decade ticks', () => {
    const { container } = render(<Scatter />);
    expect(container.querySelectorAll('[data-done]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-blown]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-best]')).toHaveLength(1);
    expect(container.querySelectorAll('circle[stroke-dasharray]')).toHaveLength(1);
    const xTicks = [...container.querySelectorAll('.axis-x text')].map((t) => t.textContent).filter(Boolean);
    expect(xTicks).toEqual(['0.001', '0.01', '0.1', '1', 'learning rate α']);
    const yTicks = [...container.querySelectorAll('.axis-y text')].map((t) => t.textContent).filter(Boolean);
    expect(yTicks).toEqual(['1e-5', '1e-4', '0.001', 'λ']);
    expect(container.querySelector('figcaption')?.textContent).toContain('3 of 4 trials run, 1 blew up');
  });
});
