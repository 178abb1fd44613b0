import { useMemo } from 'react';
import { loadState } from '../../core/serialize';
import { createCell, type CharCell } from '../../experiments/charModel/model';
import { useView } from '../../state/useView';
import { isModelWeightsView } from '../../experiments/charModel/views';

export interface LiveModel {
  /** A main-thread copy of the worker's cell at `step` (inference only: tracing, sampling, heatmaps). */
  cell: CharCell;
  vocab: readonly string[];
  V: number;
  H: number;
  step: number;
}

/**
 * The newest weights of the running experiment as a usable cell, refreshed at most every `intervalMs` (a copy costs
 * a few tens of kB; sampling and tracing with it take a few milliseconds).
 */
export function useLiveModel(intervalMs = 250): LiveModel | null {
  const view = useView('model', { hz: 1000 / intervalMs, accept: isModelWeightsView });
  return useMemo(() => {
    if (!view) return null;
    const V = view.vocab.length;
    const cell = createCell({ cell: view.cell, vocabSize: V, hidden: view.hidden }, 0);
    if (!loadState(cell, view.weights).ok) return null;
    return { cell, vocab: view.vocab, V, H: view.hidden, step: view.step };
  }, [view]);
}

/** Ids of the characters of `text` that the vocabulary knows, and the ones it does not. */
export function encodeKnown(text: string, vocab: readonly string[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const c of text) {
    const id = vocab.indexOf(c);
    if (id >= 0) ids.push(id);
    else if (!unknown.includes(c)) unknown.push(c);
  }
  return { ids, unknown };
}
