/// <reference lib="webworker" />
/**
 * The trainer worker: hosts one experiment at a time (see host/trainerHost.ts for the behaviour). Created by
 * client.ts with `new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { loadExperiment } from '../experiments/registry';
import { sharedNow, type MainToWorker, type WorkerToMain } from './protocol';
import { TrainerHost } from './host/trainerHost';

declare const self: DedicatedWorkerGlobalScope;

// A MessageChannel yields to pending messages without setTimeout's 4 ms clamp on nested timers.
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();

const host = new TrainerHost({
  post: (msg: WorkerToMain, transfer) => self.postMessage(msg, transfer),
  now: () => performance.now(),
  sharedNow,
  yieldThen: (fn) => {
    queued.push(fn);
    channel.port2.postMessage(null);
  },
  later: (fn, ms) => void setTimeout(fn, ms),
  load: loadExperiment,
});

self.onmessage = (e: MessageEvent<MainToWorker>) => host.handle(e.data);
