import { useMemo, useRef } from 'react';
import { DecisionBoundary, type BoundaryPoint } from '../../../components/charts';
import { useView } from '../../../state/useView';
import { fmt } from '../../../components/charts';
import { isPenaltyClassifierView } from '../../../experiments/regularization/views';
import { NO_VALUES } from './views';

/**
 * Step 3's classifier (src/experiments/regularization/penaltyClassifier.ts): the L2 run's P(class 1) over the plane
 * with its 0.5 boundary and the training points. `length` is the boundary's length, the figure's smoothness read-out.
 */
export function PenaltyBoundary({
  lambda,
  length,
  height,
}: {
  lambda: number | undefined;
  length: number | undefined;
  height: number;
}) {
  const view = useView('classifier', { accept: isPenaltyClassifierView });
  const grid = view?.grid;
  const points = useTrainingPoints(view?.x ?? NO_VALUES, view?.y ?? NO_VALUES);
  return (
    <div data-testid="penalty-boundary">
      <DecisionBoundary
        grid={grid}
        points={points}
        domain={grid ? [grid.xDomain, grid.yDomain] : undefined}
        title="L2 classifier"
        height={height}
        caption={`The L2-penalised classifier at λ = ${fmt(lambda, 4)}: its boundary (where P = 0.5) is ${fmt(length, 2)} long.`}
      />
    </div>
  );
}

/** The points only change when the data does (a new seed or setting): rebuild the list only then, not every frame. */
function useTrainingPoints(x: ArrayLike<number>, y: ArrayLike<number>): BoundaryPoint[] {
  const signature = y.length > 0 ? `${y.length}/${x[0]}/${x[1]}/${x[x.length - 1]}` : '';
  const latest = useRef({ x, y });
  latest.current = { x, y };
  return useMemo(() => {
    const { x: xs, y: ys } = latest.current;
    if (!signature) return [];
    return Array.from({ length: ys.length }, (_, i) => ({ x: xs[2 * i], y: xs[2 * i + 1], label: ys[i] }));
  }, [signature]);
}
