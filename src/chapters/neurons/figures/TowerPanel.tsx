import { DecisionBoundary } from '../../../components/charts';
import { AWAY_DISTANCE, TOWER_DOMAIN, largestAway, tower } from './towers';
import { useMemo } from 'react';

export interface TowerPanelProps {
  directions: number;
  centre: readonly [number, number];
  onCentre(x1: number, x2: number): void;
  height: number;
}

const GRID = 60;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Part 2 of the universal-approximation figure: the 2-input tower, computed on the main thread (a 60×60 grid of a
 * closed-form network) — M directions (the slider is with the figure's other controls), centre placed by pressing,
 * dragging or the arrow keys.
 */
export function TowerPanel({ directions, centre, onCentre, height }: TowerPanelProps) {
  const [cx, cy] = centre;
  // by value: the figure re-renders on every training frame, and a new tower would resample and repaint the map
  const t = useMemo(() => tower(directions, [cx, cy]), [directions, cx, cy]);
  const away = useMemo(() => largestAway(t, AWAY_DISTANCE, GRID), [t]);
  const top = t.at(centre[0], centre[1]);
  const hidden = 2 * t.directions;
  return (
    <div className="nr-tower" data-testid="tower">
      <DecisionBoundary
        predict={t.at}
        domain={[TOWER_DOMAIN, TOWER_DOMAIN]}
        resolution={GRID}
        classLabels={['output 0', 'output 1']}
        title={`Two inputs, M = ${directions}`}
        height={height}
        pick={{ point: { x: centre[0], y: centre[1] }, onPick: (x, y) => onCentre(round2(x), round2(y)) }}
        caption={`Output of a threshold neuron over ${directions} ridges (${hidden} hidden sigmoids, two steps a ridge) crossing at (${centre[0].toFixed(2)}, ${centre[1].toFixed(2)}): ${top.toFixed(2)} at the centre, at most ${away.toFixed(3)} farther than ${AWAY_DISTANCE.toFixed(2)} from it.`}
      />
      <p className="nr-readout">
        Centre <strong data-testid="tower-top">{top.toFixed(2)}</strong> · highest away{' '}
        <strong data-testid="tower-away">{away.toFixed(3)}</strong>
      </p>
    </div>
  );
}
