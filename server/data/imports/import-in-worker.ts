import 'server-only';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ImportedDocument } from '@/lib/domain/import/imported-document';
import { AppError } from '@/lib/errors';
import { firstReply } from '@/lib/workers/first-reply';
import type { ImportWorkerInput, ImportWorkerOutput } from './import-worker-protocol';

/** Past this a conversion is abandoned (and retried by the job): 10 MB converts in a few seconds. */
const TIME_LIMIT_MS = 5 * 60_000;
/** The converters hold a document several times its size while they work. */
const HEAP_LIMIT_MB = 1_024;

/**
 * The bundler turns `new Worker(new URL('./….worker.ts', import.meta.url))` into a worker of its
 * own build. Run from source (integration tests, scripts), there is no build: the TypeScript entry
 * starts under tsx instead, through the loader the benchmarks use.
 */
function startWorker(options: WorkerOptions & { workerData: ImportWorkerInput }): Worker {
  // Next sets NEXT_RUNTIME in the server it built (dev and production); Vitest and tsx do not.
  if (process.env.NEXT_RUNTIME !== 'nodejs') {
    const loader = path.join(/* turbopackIgnore: true */ process.cwd(), 'scripts', 'bench', 'tsx-worker.mjs');
    const entry = pathToFileURL(
      path.join(path.dirname(new URL(import.meta.url).pathname), 'import-document.worker.ts'),
    );
    // turbopackIgnore: the bundled server never takes this branch, and tsx must not be bundled.
    return new Worker(/* turbopackIgnore: true */ loader, {
      ...options,
      workerData: { ...options.workerData, entry: entry.href },
    });
  }
  // Written out in full: the bundler recognises a worker only in this literal form.
  return new Worker(new URL('./import-document.worker.ts', import.meta.url), {
    workerData: options.workerData,
    transferList: options.transferList,
    resourceLimits: options.resourceLimits,
  });
}

/**
 * `importDocument` in a thread of its own, one per background import (they run one at a time per
 * instance, so a pool would sit idle). The converter's refusals come back as the same AppError;
 * anything else is an Error for the job to retry.
 */
export async function importDocumentInWorker(input: ImportWorkerInput): Promise<ImportedDocument> {
  const bytes = input.bytes.slice();
  const worker = startWorker({
    workerData: { fileName: input.fileName, mediaType: input.mediaType, bytes } satisfies ImportWorkerInput,
    transferList: [bytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
  });
  const output = await firstReply<ImportWorkerOutput>(worker, {
    timeoutMs: TIME_LIMIT_MS,
    onTimeout: () => new Error(`Import conversion took over ${TIME_LIMIT_MS / 1000} s`),
    onError: (error) => error,
    onExit: (code) => new Error(`Import worker exited (${code}) without a result`),
  });
  if ('imported' in output) return output.imported;
  if ('refused' in output) throw new AppError(output.refused.code, output.refused);
  throw new Error(`Import conversion failed in its worker: ${output.failed}`);
}
