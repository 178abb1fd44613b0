/** "l:j:k" — weight from neuron k of layer l to neuron j of layer l + 1. */
export type EdgeKey = `${number}:${number}:${number}`;

export function neuronName(l: number, i: number, layers: number): string {
  if (l === 0) return `input x${i + 1}`;
  if (l === layers - 1) return 'output';
  return `hidden ${l} neuron ${i + 1}`;
}

/** The picked edge as [l, j, k]; the first edge when the key no longer fits the network (its size changed). */
export function edgeIndices(edge: EdgeKey, sizes: readonly number[]): [number, number, number] {
  const [l, j, k] = edge.split(':').map(Number);
  return l < sizes.length - 1 && j < sizes[l + 1] && k < sizes[l] ? [l, j, k] : [0, 0, 0];
}

/** Every weight of the network, layer by layer, named "tail → head" for the inspector's select. */
export function edgeOptions(sizes: readonly number[]): { key: EdgeKey; label: string }[] {
  const L = sizes.length;
  const out: { key: EdgeKey; label: string }[] = [];
  for (let gl = 0; gl < L - 1; gl++)
    for (let gj = 0; gj < sizes[gl + 1]; gj++)
      for (let gk = 0; gk < sizes[gl]; gk++)
        out.push({
          key: `${gl}:${gj}:${gk}`,
          label: `${neuronName(gl, gk, L)} → ${neuronName(gl + 1, gj, L)}`,
        });
  return out;
}
