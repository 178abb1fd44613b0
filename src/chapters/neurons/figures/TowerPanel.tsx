import { DecisionBoundary } from '../../../components/charts';
import { Slider } from './Slider';
import { AWAY_DISTANCE, TOWER_DIRECTIONS, TOWER_DOMAIN, largestAway, tower } from './towers';
import { useMemo } from 'react';

export interface TowerPanelProps {
  directions: number;
  centre: readonly [number, number];
  onDirections(m: number): void;
  onCentre(x1: number, x2: number): void;
  height: number;
}

const GRID = 60;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Part 2 of the universal-approximation figure: the 2-input tower, computed on the main thread (a 60×60 grid of a
 * closed-form network) — M directions, centre placed by pressing, dragging or the arrow keys.
 */
export function TowerPanel({ directions, centre, onDirections, onCentre, height }: TowerPanelProps) {
  const t = useMemo(() => tower(directions, centre), [directions, centre]);
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
        title={`Tower from ${directions} directions (${hidden} hidden sigmoids)`}
        height={height}
        pick={{ point: { x: centre[0], y: centre[1] }, onPick: (x, y) => onCentre(round2(x), round2(y)) }}
        caption={`Output of a threshold neuron over ${directions} ridges (two sigmoid steps each) crossing at (${centre[0].toFixed(2)}, ${centre[1].toFixed(2)}): ${top.toFixed(2)} at the centre, at most ${away.toFixed(3)} farther than ${AWAY_DISTANCE.toFixed(2)} from it.`}
      />
      <p className="nr-readout">
        Output at the centre <strong data-testid="tower-top">{top.toFixed(2)}</strong>; highest farther away{' '}
        <strong data-testid="tower-away">{away.toFixed(3)}</strong>
      </p>
      <Slider
        label="Directions M"
        value={directions}
        min={TOWER_DIRECTIONS.min}
        max={TOWER_DIRECTIONS.max}
        step={1}
        onChange={onDirections}
        testId="tower-directions"
      />
    </div>
  );
}
