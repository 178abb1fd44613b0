/** Messages between the browser bench page and its worker (bench/browser/README in bench/README.md). */
import type { ChapterModelId } from '../chapterModels';
import type { WorkloadId } from '../types';

export interface BrowserBenchRequest {
  only: readonly WorkloadId[];
  /** The chapters' own models to time as well (bench/chapterModels.ts). */
  chapters: readonly ChapterModelId[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  /**
   * Detach one ArrayBuffer in the worker before timing, as posting it in a transfer list does (`--after-detach`): in
   * Node 20 that slows every typed-array loop in the process (bench/README.md, Fairness); this shows Chromium's worker.
   */
  detachFirst: boolean;
}

/** One workload timed in the worker: the median over rounds, as in the Node bench. */
export interface BrowserWorkloadResult {
  /** W1–W3, or a chapter model id. */
  workload: WorkloadId | ChapterModelId;
  status: 'ok' | 'failed';
  error?: string;
  steps: number;
  msPerStepRounds: number[];
  msPerStep: number;
  stepsPerSec: number;
  checkLosses: number[];
  lastLoss: number;
}

export interface BrowserBenchResult {
  userAgent: string;
  crossOriginIsolated: boolean;
  kernels: string;
  workloads: BrowserWorkloadResult[];
  chapterModels: BrowserWorkloadResult[];
}

export type BrowserBenchMessage =
  | { type: 'progress'; text: string }
  | { type: 'done'; result: BrowserBenchResult }
  | { type: 'error'; message: string };
