/**
 * The browser bench's worker: the core engine trains W1–W3 (the same seeded data as `npm run bench`) inside a
 * Chromium worker, where the app's training runs. Posts progress lines, then the results.
 */
import { kernelName } from '../../src/core';
import { createCoreEngine } from '../engines/core';
import type { WorkloadData, WorkloadId } from '../types';
import { makeW1 } from '../workloads/w1';
import { makeW2 } from '../workloads/w2';
import { makeW3 } from '../workloads/w3';
import type { BrowserBenchMessage, BrowserBenchRequest, BrowserWorkloadResult } from './protocol';
import { timeTrainer } from './timing';

/** The worker global, typed just enough: this folder is type-checked with Node's types, not WebWorker's. */
const scope = globalThis as unknown as {
  postMessage(message: BrowserBenchMessage): void;
  onmessage: ((event: { data: BrowserBenchRequest }) => void) | null;
  crossOriginIsolated?: boolean;
  navigator: { userAgent: string };
};

const MAKERS: Record<WorkloadId, () => WorkloadData> = { W1: makeW1, W2: makeW2, W3: makeW3 };

async function runAll(request: BrowserBenchRequest) {
  const engine = await createCoreEngine();
  const workloads: BrowserWorkloadResult[] = [];
  for (const id of request.only) {
    scope.postMessage({
      type: 'progress',
      text: `${id}: timing ${request.seconds} s in ${request.rounds} rounds…`,
    });
    try {
      const trainer = engine.createTrainer(MAKERS[id]());
      const run = timeTrainer(trainer, request);
      trainer.dispose();
      workloads.push({ workload: id, status: 'ok', ...run, stepsPerSec: 1000 / run.msPerStep });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      workloads.push({
        workload: id,
        status: 'failed',
        error,
        steps: 0,
        msPerStepRounds: [],
        msPerStep: NaN,
        stepsPerSec: NaN,
        checkLosses: [],
        lastLoss: NaN,
      });
    }
  }
  scope.postMessage({
    type: 'done',
    result: {
      userAgent: scope.navigator.userAgent,
      crossOriginIsolated: scope.crossOriginIsolated === true,
      kernels: kernelName(),
      workloads,
    },
  });
}

scope.onmessage = (event) => {
  runAll(event.data).catch((err: unknown) =>
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
