// A small pool of worker threads for the Quote check. Hand-written rather than piscina or
// tinypool because the bundler must see `new Worker(new URL('./….worker.ts', import.meta.url))`
// itself to bundle the worker's TypeScript (a pool library takes a file name it cannot follow),
// and because requests are routed by workspace: each worker keeps the indexes of the
// workspaces it served, so the same workspace always goes to the same worker.
import type { Worker } from 'node:worker_threads';
import type { QuoteCheckRequest, QuoteCheckResponse } from '@/lib/domain/quote-check/worker-protocol';

type Pending = {
  resolve: (response: QuoteCheckResponse) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

export class WorkerBusyError extends Error {}

export class QuoteCheckPool {
  private readonly workers: (Worker | null)[];
  private readonly pending: Map<number, Pending>[];
  private nextId = 1;

  constructor(
    private readonly spawn: () => Worker,
    size: number,
    /** A stuck check is abandoned (and its worker replaced) after this long. */
    private readonly timeoutMs = 60_000,
    /** Checks waiting per worker beyond which a new one is refused rather than queued. */
    private readonly maxQueued = 8,
  ) {
    this.workers = Array.from({ length: size }, () => null);
    this.pending = Array.from({ length: size }, () => new Map());
  }

  run(routeKey: string, request: Omit<QuoteCheckRequest, 'id'>): Promise<QuoteCheckResponse> {
    const slot = hash(routeKey) % this.workers.length;
    const pending = this.pending[slot]!;
    if (pending.size >= this.maxQueued) return Promise.reject(new WorkerBusyError('Quote check workers are busy'));
    const worker = this.worker(slot);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`Quote check timed out after ${this.timeoutMs} ms`));
        // The thread is still busy with it: replace it rather than queue behind it.
        this.restart(slot, new Error('Quote check worker replaced after a timeout'));
      }, this.timeoutMs);
      pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...request, id } satisfies QuoteCheckRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker?.terminate()));
    this.workers.fill(null);
  }

  private worker(slot: number): Worker {
    const existing = this.workers[slot];
    if (existing) return existing;
    const worker = this.spawn();
    // An idle pool must not keep a script (the benchmark, a test) alive.
    worker.unref();
    worker.on('message', (response: QuoteCheckResponse) => {
      const entry = this.pending[slot]!.get(response.id);
      if (!entry) return;
      clearTimeout(entry.timer);
      this.pending[slot]!.delete(response.id);
      entry.resolve(response);
    });
    worker.on('error', (error) => this.restart(slot, error));
    worker.on('exit', () => {
      if (this.workers[slot] === worker) this.restart(slot, new Error('Quote check worker exited'));
    });
    this.workers[slot] = worker;
    return worker;
  }

  private restart(slot: number, error: Error): void {
    const worker = this.workers[slot];
    this.workers[slot] = null;
    for (const entry of this.pending[slot]!.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending[slot]!.clear();
    void worker?.terminate();
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}
