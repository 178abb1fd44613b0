/**
 * The views figures currently draw, ref-counted: several figures may want the same view, and frames carry a view
 * while anyone still wants it. Changes are batched into one `onChange` per microtask (a page mounting five figures
 * tells the worker once).
 */
export class WantedViews {
  private readonly counts = new Map<string, number>();
  private dirty = false;

  constructor(private readonly onChange: () => void) {}

  /** Want view `name` until the returned release function is called (calling it twice is harmless). */
  add(name: string): () => void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.changed();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.counts.get(name) ?? 1) - 1;
      if (n <= 0) this.counts.delete(name);
      else this.counts.set(name, n);
      this.changed();
    };
  }

  list(): string[] {
    return [...this.counts.keys()].sort();
  }

  private changed() {
    if (this.dirty) return;
    this.dirty = true;
    queueMicrotask(() => {
      this.dirty = false;
      this.onChange();
    });
  }
}
