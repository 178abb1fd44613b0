/**
 * The experiment registry: id → a lazy loader. The worker loads only the experiment a page mounts (so the classifier
 * page never downloads the Transformer), and the page loads the same module for its parameter table.
 *
 * Experiments register by file convention, like chapters: any `src/experiments/**\/register.ts` that exports
 *   export const registrations: Registrations = {
 *     myexp: { title: 'My experiment', load: () => import('./myexp').then((m) => m.myExperiment) },
 *   };
 * is picked up here, so adding an experiment edits no shared file. The module must export an `Experiment` (types.ts).
 * `hidden: true` keeps an entry out of the lab's menu.
 */
import type { Experiment } from './types';

export interface RegistryEntry {
  title: string;
  load: () => Promise<Experiment>;
  /** Not offered in menus. */
  hidden?: boolean;
}

export type Registrations = Readonly<Record<string, RegistryEntry>>;

// Eager: register.ts files hold only titles and lazy loaders, so this costs a few bytes, not the experiments.
const modules = import.meta.glob<{ registrations: Registrations }>('./**/register.ts', { eager: true });

function collect(): Map<string, RegistryEntry> {
  const entries = new Map<string, RegistryEntry>();
  for (const [path, mod] of Object.entries(modules)) {
    for (const [id, entry] of Object.entries(mod.registrations)) {
      if (entries.has(id)) throw new Error(`Experiment id “${id}” is registered twice (again in ${path}).`);
      entries.set(id, entry);
    }
  }
  return entries;
}

const ENTRIES: ReadonlyMap<string, RegistryEntry> = collect();

/** Safe lookup for any string (URL text included): a Map, so `constructor` or `__proto__` find nothing. */
export function getRegistryEntry(id: string): RegistryEntry | undefined {
  return ENTRIES.get(id);
}

export function hasExperiment(id: string): boolean {
  return getRegistryEntry(id) !== undefined;
}

/** Registered experiments in registration order (`hidden` ones only when asked). */
export function listExperiments(opts: { includeHidden?: boolean } = {}): { id: string; title: string }[] {
  return [...ENTRIES.entries()]
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
