/**
 * The browser bench's worker: the core engine trains W1–W3 (the same seeded data as `npm run bench`) and the
 * chapters' own models inside a Chromium worker, where the app's training runs. Posts progress lines, then results.
 */
import { kernelName } from '../../src/core';
import { createCoreEngine } from '../engines/core';
import type { BrowserBenchMessage, BrowserBenchRequest, BrowserWorkloadResult } from './protocol';
import { runChapterModel, runWorkload } from './workloadRun';

/** The worker global, typed just enough (this folder is type-checked with the DOM library, not WebWorker's). */
const scope = globalThis as unknown as {
  postMessage(message: BrowserBenchMessage): void;
  onmessage: ((event: { data: BrowserBenchRequest }) => void) | null;
  crossOriginIsolated?: boolean;
  navigator: { userAgent: string };
};

async function runAll(request: BrowserBenchRequest) {
  if (request.detachFirst) {
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, { transfer: [buffer] }); // detaches `buffer`, as posting it in a transfer list would
  }
  const engine = await createCoreEngine();
  const say = (text: string) => scope.postMessage({ type: 'progress', text });
  const workloads: BrowserWorkloadResult[] = [];
  for (const id of request.only) {
    say(`${id}: timing ${request.seconds} s in ${request.rounds} rounds…`);
    workloads.push(runWorkload(engine, id, request));
  }
  const chapterModels: BrowserWorkloadResult[] = [];
  for (const id of request.chapters) {
    say(`${id}: timing ${request.seconds} s in ${request.rounds} rounds…`);
    chapterModels.push(runChapterModel(id, request));
  }
  scope.postMessage({
    type: 'done',
    result: {
      userAgent: scope.navigator.userAgent,
      crossOriginIsolated: scope.crossOriginIsolated === true,
      kernels: kernelName(),
      workloads,
      chapterModels,
    },
  });
}

scope.onmessage = (event) => {
  runAll(event.data).catch((err: unknown) =>
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
