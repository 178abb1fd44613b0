import { formatValue } from './format';

/** The pure parts of AttentionMap: head names, the strongest key per head and the caption. */

export interface AttentionHead {
  label?: string;
  weights: ArrayLike<number>;
}

export function headName(h: AttentionHead, index: number): string {
  return h.label ?? `head ${index + 1}`;
}

/** The key the last query attends to most, and its weight; null when there are no keys. */
export function strongestKey(weights: ArrayLike<number>, queries: number, keys: number) {
  const q = queries - 1;
  let best = -1;
  let bw = -Infinity;
  for (let k = 0; k < keys; k++) {
    const w = weights[q * keys + k];
    if (w > bw) {
      bw = w;
      best = k;
    }
  }
  return best >= 0 ? { key: best, weight: bw } : null;
}

/** The text alternative: the heads' shape and, per head, which key the last query attends to most. */
export function attentionCaption(
  caption: string | undefined,
  heads: readonly AttentionHead[],
  queryTokens: readonly string[],
  keys: readonly string[],
): string {
  const Tq = queryTokens.length;
  const Tk = keys.length;
  const strongest = heads.map((h, hi) => {
    const s = strongestKey(h.weights, Tq, Tk);
    return s
      ? `${headName(h, hi)}: “${queryTokens[Tq - 1]}” attends most to “${keys[s.key]}” (${formatValue(s.weight, 2)})`
      : '';
  });
  return (
    `${caption ? `${caption} ` : ''}` +
    (heads.length && Tq && Tk
      ? `${heads.length} head${heads.length > 1 ? 's' : ''}, ${Tq} queries × ${Tk} keys. ${strongest.filter(Boolean).join('; ')}.`
      : 'No attention weights to show.')
  );
}
