// Timing and memory helpers shared by the workload and matmul benchmarks.

export const now = (): number => performance.now();
/**
 * Full collection, twice with a macrotask between: V8 frees ArrayBuffer backing stores on a background task after a
 * GC, so a single gc() can still show freed tensors' buffers in `arrayBuffers`.
 */
export async function settleHeap(): Promise<NodeJS.MemoryUsage> {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    await new Promise((resolve) => setImmediate(resolve));
    g();
  }
  return process.memoryUsage();
}

export const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
