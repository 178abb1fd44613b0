import { useId } from 'react';
import { useParamsStore, useRuntimeHub } from '../../state/runtimeContext';
import { SPEED_STOPS, nearestStop, speedLabel } from '../../state/speed';
import './run.css';

/**
 * Play's speed: a slider over fixed stops, from one step per second through one step per display frame (60/s) and a
 * few per frame up to full speed. Arrow keys move one stop (the runtime's keys leave focused sliders alone). The
 * lesson step's pace is the default; a changed speed goes into the link as `speed`.
 */
export function SpeedControl() {
  const speed = useParamsStore((s) => s.speed);
  const id = useId();
  const hub = useRuntimeHub();
  const index = nearestStop(speed);
  const text = speedLabel(speed);
  return (
    <span className="run-speed">
      <label htmlFor={id}>Speed</label>
      <input
        id={id}
        type="range"
        min={0}
        max={SPEED_STOPS.length - 1}
        step={1}
        value={index}
        aria-valuetext={text}
        onChange={(e) => hub.setSpeed(SPEED_STOPS[Number(e.target.value)] ?? null)}
        data-testid="run-speed"
      />
      <output htmlFor={id} className="run-speed-value" data-testid="run-speed-value">
        {text}
      </output>
    </span>
  );
}
