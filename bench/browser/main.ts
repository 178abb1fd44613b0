/**
 * The browser bench page (not a test, not part of the app): starts the bench worker with the options in the URL
 * (`?only=W1,W2&seconds=3`), shows its progress and results, and leaves them on `window.__browserBench` for
 * bench/browser/run.ts, which drives this page in Chromium with Playwright.
 */
import { CHAPTER_MODEL_IDS, type ChapterModelId } from '../chapterModels';
import type { WorkloadId } from '../types';
import type { BrowserBenchMessage, BrowserBenchRequest, BrowserBenchResult } from './protocol';

const WORKLOADS: readonly WorkloadId[] = ['W1', 'W2', 'W3'];

function requestFromUrl(search: string): BrowserBenchRequest {
  const q = new URLSearchParams(search);
  const only = (q.get('only') ?? WORKLOADS.join(','))
    .split(',')
    .filter((w): w is WorkloadId => (WORKLOADS as readonly string[]).includes(w));
  const positive = (name: string, fallback: number) => {
    const v = Number(q.get(name));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const chapters = (q.get('chapters') ?? CHAPTER_MODEL_IDS.join(','))
    .split(',')
    .filter((c): c is ChapterModelId => (CHAPTER_MODEL_IDS as readonly string[]).includes(c));
  return {
    only: only.length > 0 || q.get('only') === '' ? only : WORKLOADS,
    chapters,
    seconds: positive('seconds', 3),
    rounds: Math.round(positive('rounds', 5)),
    warmupSeconds: positive('warmup', 0.5),
    detachFirst: q.get('detach') === '1',
  };
}

const out = document.getElementById('out') as HTMLPreElement;
const say = (line: string) => (out.textContent += `${line}\n`);
const win = window as unknown as { __browserBench?: BrowserBenchResult | { error: string } };

const request = requestFromUrl(location.search);
say(`Request: ${JSON.stringify(request)}`);
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event: MessageEvent<BrowserBenchMessage>) => {
  const msg = event.data;
  if (msg.type === 'progress') say(msg.text);
  else if (msg.type === 'error') {
    say(`Failed: ${msg.message}`);
    win.__browserBench = { error: msg.message };
  } else {
    for (const w of [...msg.result.workloads, ...msg.result.chapterModels])
      say(
        `${w.workload}: ${w.status === 'ok' ? `${w.msPerStep.toFixed(3)} ms/step, ${w.stepsPerSec.toFixed(0)} steps/s` : w.error}`,
      );
    win.__browserBench = msg.result;
  }
};
worker.onerror = (event) => {
  say(`Worker error: ${event.message}`);
  win.__browserBench = { error: event.message || 'worker error' };
};
worker.postMessage(request);
