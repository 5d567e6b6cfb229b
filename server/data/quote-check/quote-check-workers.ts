import 'server-only';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { QuoteCheckPool } from './worker-pool';

// One pool per server process (kept on globalThis so a dev-mode reload does not leak threads).
// One thread per spare core, at most two: the request loop keeps a core for itself.
const globalPool = globalThis as unknown as { marginaliaQuoteCheckPool?: QuoteCheckPool };

export function quoteCheckPool(): QuoteCheckPool {
  globalPool.marginaliaQuoteCheckPool ??= new QuoteCheckPool(
    () => new Worker(new URL('./quote-check.worker.ts', import.meta.url)),
    Math.max(1, Math.min(2, availableParallelism() - 1)),
  );
  return globalPool.marginaliaQuoteCheckPool;
}
