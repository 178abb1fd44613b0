import { describe, expect, it } from 'vitest';
import { canTrain, nextPhase, statusOf, type RunEvent, type RunPhase } from './runMachine';

const PHASES: RunPhase[] = ['idle', 'running', 'pausing', 'paused', 'diverged', 'error'];

describe('run state machine', () => {
  it('walks idle → running → pausing → paused → running', () => {
    let p: RunPhase = 'idle';
    const trail: RunPhase[] = [];
    for (const e of ['play', 'pause', 'pauseConfirmed', 'play'] as RunEvent[])
      trail.push((p = nextPhase(p, e)));
    expect(trail).toEqual(['running', 'pausing', 'paused', 'running']);
  });

  it('shows pausing as running until the worker confirms', () => {
    expect(statusOf('pausing')).toBe('running');
    expect(PHASES.filter((p) => p !== 'pausing').every((p) => statusOf(p) === p)).toBe(true);
  });

  it('a diverged or failed run ignores play, pause and step until a load or reset', () => {
    for (const stuck of ['diverged', 'error'] as RunPhase[]) {
      for (const e of ['play', 'pause', 'stopped', 'pauseConfirmed', 'step'] as RunEvent[])
        expect(nextPhase(stuck, e), `${stuck} + ${e}`).toBe(stuck);
      expect(nextPhase(stuck, 'load')).toBe('idle');
      expect(canTrain(stuck)).toBe(false);
    }
    expect(nextPhase('error', 'diverged')).toBe('error');
  });

  it('the worker stopping by itself (stopAt) pauses like Pause; a confirmation outside pausing changes nothing', () => {
    expect(nextPhase('running', 'stopped')).toBe('pausing');
    expect(nextPhase('idle', 'stopped')).toBe('idle');
    expect(nextPhase('running', 'pauseConfirmed')).toBe('running');
    expect(nextPhase('paused', 'pauseConfirmed')).toBe('paused');
  });

  it('Step ends paused from every phase that can train; a restart or failure wins over everything', () => {
    for (const p of PHASES.filter(canTrain)) expect(nextPhase(p, 'step')).toBe('paused');
    for (const p of PHASES) {
      expect(nextPhase(p, 'restarted')).toBe('idle');
      expect(nextPhase(p, 'failed')).toBe('error');
      expect(nextPhase(p, 'loadAndPlay')).toBe('running');
    }
  });
});
