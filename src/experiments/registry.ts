/**
 * The experiment registry: id → a lazy loader. The worker loads only the experiment a page mounts (so the classifier
 * page never downloads the Transformer), and the page loads the same module for its parameter table.
 *
 * To register an experiment, add ONE entry below:
 *   myexp: { title: 'My experiment', load: () => import('./myexp').then((m) => m.myExperiment) },
 * The module must export an `Experiment` (types.ts). `hidden: true` keeps it out of the lab's menu.
 */
import type { Experiment } from './types';

export interface RegistryEntry {
  title: string;
  load: () => Promise<Experiment>;
  /** Not offered in menus (test hooks). */
  hidden?: boolean;
}

const ENTRIES: Readonly<Record<string, RegistryEntry>> = {
  classifier2d: {
    title: '2D classifier (MLP)',
    load: () => import('./classifier2d').then((m) => m.classifier2d),
  },
  'activations-compare': {
    title: 'Two activations side by side (same seed)',
    load: () => import('./activations/compare').then((m) => m.compareExperiment),
  },
  'activations-depth': {
    title: 'Vanishing gradients in a deep MLP',
    load: () => import('./activations/depth').then((m) => m.depthExperiment),
  },
  'activations-dying': {
    title: 'Dying ReLU at a high learning rate',
    load: () => import('./activations/dying').then((m) => m.dyingExperiment),
  },
  'activations-maxout': {
    title: 'A maxout unit fits a convex function',
    load: () => import('./activations/maxout').then((m) => m.maxoutExperiment),
  },
  'descent-theta': {
    title: 'Gradient descent on one parameter',
    load: () => import('./descent/oneParam').then((m) => m.oneParamExperiment),
  },
  'descent-surface': {
    title: 'Gradient descent on a (w, b) surface',
    load: () => import('./descent/twoParam').then((m) => m.twoParamExperiment),
  },
  'descent-landscape': {
    title: 'Loss-surface slice of a 2-8-8-1 MLP',
    load: () => import('./descent/landscape').then((m) => m.landscapeExperiment),
  },
  'descent-batch': {
    title: 'Batch, mini-batch and stochastic GD',
    load: () => import('./descent/batchModes').then((m) => m.batchModesExperiment),
  },
  'descent-lr': {
    title: 'Four learning rates on one surface',
    load: () => import('./descent/lrRace').then((m) => m.lrRaceExperiment),
  },
  'descent-optim': {
    title: 'SGD, momentum and Adam racing',
    load: () => import('./descent/optimizers').then((m) => m.optimizersExperiment),
  },
  transformer: {
    title: 'Transformer (encoder–decoder)',
    load: () => import('./transformer').then((m) => m.transformerExperiment),
  },
  // Runtime test hook: an experiment that throws or hangs on request (src/worker/host/faultTest.ts, e2e/runtime.spec.ts).
  'fault-test': {
    title: 'Fault injection (tests)',
    load: () => import('../worker/host/faultTest').then((m) => m.faultTest),
    hidden: true,
  },
};

/** Safe lookup for any string (URL text included): own keys only. */
export function getRegistryEntry(id: string): RegistryEntry | undefined {
  return Object.hasOwn(ENTRIES, id) ? ENTRIES[id] : undefined;
}

export function hasExperiment(id: string): boolean {
  return getRegistryEntry(id) !== undefined;
}

/** Registered experiments in registration order (`hidden` ones only when asked). */
export function listExperiments(opts: { includeHidden?: boolean } = {}): { id: string; title: string }[] {
  return Object.entries(ENTRIES)
    .filter(([, e]) => opts.includeHidden || !e.hidden)
    .map(([id, e]) => ({ id, title: e.title }));
}

/** Loads an experiment module; rejects with a plain message for unknown ids. */
export async function loadExperiment(id: string): Promise<Experiment> {
  const entry = getRegistryEntry(id);
  if (!entry) throw new Error(`Unknown experiment “${id.slice(0, 40)}”.`);
  const experiment = await entry.load();
  if (!experiment || typeof experiment.create !== 'function' || !Array.isArray(experiment.params)) {
    throw new Error(`Experiment “${id}” did not load correctly.`);
  }
  return experiment;
}
