/**
 * A test-only experiment that misbehaves on request, so the runtime's fault handling can be tested in a real browser
 * (e2e/runtime.spec.ts). Registered as 'fault-test' (hidden from menus). Its step is `faultAt` (`at` is the runtime's
 * link-to-a-moment parameter). It touches nothing outside its own worker:
 * - mode=none:   a harmless fake loss curve 1/(1+step)
 * - mode=throw:  trainer.step throws at step `faultAt` (the worker reports `error`)
 * - mode=crash:  an uncaught error escapes the worker at step `faultAt` (the Worker fires `error` on the main side)
 * - mode=hang:   trainer.step never returns from step `faultAt` (the client's watchdog must restart the worker)
 */
import type { Experiment, Metrics, ParamValue, Trainer } from '../types';
import { liveLearningRate } from '../params';

type Timer = { setTimeout(fn: () => void, ms: number): unknown };

export const faultTest: Experiment = {
  id: 'fault-test',
  title: 'Fault injection (tests)',
  params: [
    {
      name: 'mode',
      label: 'Fault',
      type: 'enum',
      default: 'none',
      options: [
        { value: 'none', label: 'None' },
        { value: 'throw', label: 'Throw in step' },
        { value: 'crash', label: 'Uncaught error' },
        { value: 'hang', label: 'Hang' },
      ],
      live: false,
    },
    { name: 'faultAt', label: 'At step', type: 'int', default: 5, min: 0, max: 1_000_000, live: false },
    {
      name: 'lr',
      role: 'learningRate',
      label: 'Learning rate',
      type: 'number',
      default: 0.1,
      min: 1e-4,
      max: 100,
      scale: 'log',
      live: true,
    },
  ],
  create(params, seed): Trainer {
    const mode = String(params.mode);
    const at = Number(params.faultAt);
    let lr = Number(params.lr);
    let step = 0;
    let loss = 1 + (seed % 7) / 10;
    let diverged: string | null = null;
    return {
      step(n) {
        for (let i = 0; i < n; i++) {
          if (step >= at) {
            if (mode === 'throw') throw new Error(`fault-test: deliberate error at step ${step}`);
            if (mode === 'crash') {
              (globalThis as unknown as Timer).setTimeout(() => {
                throw new Error(`fault-test: deliberate uncaught error at step ${step}`);
              }, 0);
              return;
            }
            if (mode === 'hang') {
              // A deliberate infinite loop: only a watchdog can end it.
              for (;;) step += 0;
            }
          }
          step++;
          loss = lr > 10 ? loss * lr : loss * (1 - lr / 10);
          if (!Number.isFinite(loss)) {
            diverged = `loss became ${loss} at step ${step}`;
            return;
          }
        }
      },
      metrics(): Metrics {
        return { step, epoch: 0, loss };
      },
      views() {
        return { curve: new Float32Array([loss]) };
      },
      set(name: string, value: ParamValue) {
        lr = liveLearningRate(faultTest.params, name, value) ?? lr;
      },
      divergence: () => diverged,
    };
  },
};
