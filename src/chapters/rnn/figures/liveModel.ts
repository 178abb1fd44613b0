import { useMemo } from 'react';
import { loadState } from '../../../core/serialize';
import { createCell, type CellKind, type CharCell } from '../../../experiments/charModel/model';
import { useThrottledView } from '../../transformer/figures/useThrottledView';

/** The 'model' view of the char-model experiment (trainer.ts documents it). */
interface ModelView {
  cell: CellKind;
  hidden: number;
  vocab: string[];
  weights: Record<string, Float32Array>;
  step: number;
}

export interface LiveModel {
  /** A main-thread copy of the worker's cell at `step` (inference only: tracing, sampling, heatmaps). */
  cell: CharCell;
  vocab: readonly string[];
  V: number;
  H: number;
  step: number;
}

function isModelView(v: unknown): v is ModelView {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<ModelView>;
  return (
    (m.cell === 'rnn' || m.cell === 'lstm') &&
    typeof m.hidden === 'number' &&
    Array.isArray(m.vocab) &&
    typeof m.weights === 'object' &&
    typeof m.step === 'number'
  );
}

/**
 * The newest weights of the running experiment as a usable cell, refreshed at most every `intervalMs` (a copy costs
 * a few tens of kB; sampling and tracing with it take a few milliseconds).
 */
export function useLiveModel(intervalMs = 250): LiveModel | null {
  const view = useThrottledView<ModelView>('model', intervalMs);
  return useMemo(() => {
    if (!isModelView(view)) return null;
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
