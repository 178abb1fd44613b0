/**
 * Main-thread side of the GloVe loader worker: one worker per page, promises for answers. A worker crash rejects
 * what was pending and the next request starts a fresh worker, so a bad file never leaves the page stuck.
 *
 *   const glove = new GloveClient();
 *   const summary = await glove.load(file, (p) => showProgress(p));   // rejects with GloveError on a bad file
 *   const { items } = await glove.neighbours('king', 8);
 *   glove.dispose();
 */
import type { GloveLimits, GloveRequest, GloveResponse, GloveSummary, ScoredWord } from './gloveProtocol';

export type { GloveSummary, ScoredWord } from './gloveProtocol';

export interface GloveProgress {
  bytesRead: number;
  totalBytes: number;
  words: number;
}

/** A file or question the worker could not handle; `summary` is set when a file was read but gave no vectors. */
export class GloveError extends Error {
  constructor(
    message: string,
    readonly summary?: GloveSummary,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(msg: GloveResponse): void;
  reject(e: Error): void;
  onProgress?: (p: GloveProgress) => void;
}

type Body<T extends GloveRequest['type']> = Omit<Extract<GloveRequest, { type: T }>, 'id' | 'type'>;

export class GloveClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly create: () => Worker = () =>
      new Worker(new URL('./glove.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  load(file: Blob, name: string, onProgress?: (p: GloveProgress) => void, limits?: Partial<GloveLimits>) {
    return this.request('load', { file, name, limits }, onProgress).then((m) => {
      if (m.type !== 'loaded') throw new GloveError('Unexpected answer from the loader.');
      return m.summary;
    });
  }

  neighbours(word: string, k: number) {
    return this.request('neighbours', { word, k }).then(scored);
  }

  analogy(a: string, b: string, c: string, k: number) {
    return this.request('analogy', { a, b, c, k }).then(scored);
  }

  lookup(query: { word: string } | { index: number }) {
    return this.request('lookup', query).then((m) => {
      if (m.type !== 'lookup') throw new GloveError('Unexpected answer from the loader.');
      return m;
    });
  }

  projection(n: number) {
    return this.request('projection', { n }).then((m) => {
      if (m.type !== 'projection') throw new GloveError('Unexpected answer from the loader.');
      return m;
    });
  }

  dispose() {
    this.fail('The loader was closed.');
    this.worker?.terminate();
    this.worker = null;
  }

  private request<T extends GloveRequest['type']>(
    type: T,
    body: Body<T>,
    onProgress?: (p: GloveProgress) => void,
  ): Promise<GloveResponse> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ type, id, ...body } as GloveRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent<GloveResponse>) => this.receive(e.data);
    const crash = () => {
      w.terminate();
      if (this.worker === w) this.worker = null;
      this.fail('The file reader stopped unexpectedly. Try again, or try a smaller file.');
    };
    w.onerror = (e) => {
      e.preventDefault();
      crash();
    };
    w.onmessageerror = crash;
    this.worker = w;
    return w;
  }

  private receive(msg: GloveResponse) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') return p.onProgress?.(msg);
    this.pending.delete(msg.id);
    if (msg.type === 'failed') p.reject(new GloveError(msg.message, msg.summary));
    else p.resolve(msg);
  }

  private fail(message: string) {
    for (const p of this.pending.values()) p.reject(new GloveError(message));
    this.pending.clear();
  }
}

function scored(m: GloveResponse): { items: ScoredWord[]; missing: string[] } {
  if (m.type !== 'scored') throw new GloveError('Unexpected answer from the loader.');
  return { items: m.items, missing: m.missing };
}
