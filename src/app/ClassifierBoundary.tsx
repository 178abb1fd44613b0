/** The 2D classifier's live decision boundary with its training (filled) and test (hollow) points. */
import { useEffect, useMemo, useRef } from 'react';
import { useRuntimeHub } from '../state/runtimeContext';
import { useFrameTick } from '../state/useFrameTick';
import { DecisionBoundary, type BoundaryPoint } from '../components/charts';
import { isBoundaryView, isPointsView, type PointsView } from '../experiments/classifierViews';

/** The experiment's input plane (classifier2d's PLANE; not imported, so this file does not pull the model in). */
const PLANE: [number, number] = [-1.5, 1.5];

export function ClassifierBoundary({
  title,
  caption,
  height,
}: {
  title: string;
  caption: string;
  height: number;
}) {
  const hub = useRuntimeHub();
  useFrameTick(8);
  useEffect(() => {
    const releases = [hub.views.add('boundary'), hub.views.add('points')];
    return () => releases.forEach((r) => r());
  }, [hub]);
  const views = hub.frames.getLatest()?.views;
  // The lab switches experiments: views of another one (or of the one before) read as absent.
  const grid = isBoundaryView(views?.boundary) ? views.boundary : undefined;
  const points = usePoints(isPointsView(views?.points) ? views.points : undefined);
  return (
    <DecisionBoundary
      grid={grid}
      points={points}
      domain={[PLANE, PLANE]}
      title={title}
      height={height}
      caption={caption}
    />
  );
}

/** The points only change when the data does (a rebuild): rebuild the list only then, not every frame. */
function usePoints(pointsView: PointsView | undefined): BoundaryPoint[] {
  const signature = pointsView
    ? `${pointsView.train.y.length}/${pointsView.test.y.length}/${pointsView.train.x[0]}/${pointsView.test.x[0]}`
    : '';
  const pointsRef = useRef(pointsView);
  pointsRef.current = pointsView;
  return useMemo(() => {
    const pv = pointsRef.current;
    if (!signature || !pv) return [];
    const out: BoundaryPoint[] = [];
    for (const [set, test] of [
      [pv.train, false],
      [pv.test, true],
    ] as const) {
      for (let i = 0; i < set.y.length; i++)
        out.push({ x: set.x[2 * i], y: set.x[2 * i + 1], label: set.y[i], test });
    }
    return out;
  }, [signature]);
}
