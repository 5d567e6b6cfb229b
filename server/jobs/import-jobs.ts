import 'server-only';
import type PgBoss from 'pg-boss';
import { runArticleImport } from '../data/imports/run-article-import';
import type { Prisma } from '../generated/prisma/client';
import { jobQueue } from './boss';
import { inTransaction } from './job-transaction';

export const IMPORT_QUEUE = 'article-import';
/**
 * 1 try + 2 retries, 5 s then 10 s apart, for failures on our side (the database away a moment).
 * A file that cannot be converted fails at once: converting it again would say the same. A job
 * whose process died mid-way expires after 10 minutes and is tried again.
 */
export const IMPORT_RETRY = { retryLimit: 2, retryDelay: 5, retryBackoff: true, expireInSeconds: 600 } as const;

type ImportJobData = { importId: string };

const globalForImports = globalThis as unknown as {
  marginaliaImportQueue?: Promise<PgBoss>;
  marginaliaImportWorker?: Promise<string>;
};

function importQueue(): Promise<PgBoss> {
  globalForImports.marginaliaImportQueue ??= (async () => {
    const boss = await jobQueue();
    await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, ...IMPORT_RETRY });
    return boss;
  })().catch((error: unknown) => {
    globalForImports.marginaliaImportQueue = undefined;
    throw error;
  });
  return globalForImports.marginaliaImportQueue;
}

/** Queues the import's job in the caller's transaction: the row exists if and only if its job does. */
export async function queueImportJob(tx: Prisma.TransactionClient, importId: string): Promise<void> {
  const boss = await importQueue();
  await boss.send(IMPORT_QUEUE, { importId } satisfies ImportJobData, { ...IMPORT_RETRY, db: inTransaction(tx) });
  void startImportWorker().catch((error: unknown) => console.error('Could not start the import worker', error));
}

/**
 * Starts this process's import worker (idempotent). One job at a time per instance, so a burst of
 * large uploads queues up instead of taking every core.
 */
export function startImportWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<string> {
  globalForImports.marginaliaImportWorker ??= importQueue()
    .then((boss) =>
      boss.work<ImportJobData>(
        IMPORT_QUEUE,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          if (job)
            await runArticleImport({ importId: job.data.importId, lastAttempt: job.retryCount >= job.retryLimit });
        },
      ),
    )
    .catch((error: unknown) => {
      globalForImports.marginaliaImportWorker = undefined;
      throw error;
    });
  return globalForImports.marginaliaImportWorker;
}

/** For tests and shutdown: forget the worker (after stopJobQueue). */
export function forgetImportWorker(): void {
  globalForImports.marginaliaImportWorker = undefined;
  globalForImports.marginaliaImportQueue = undefined;
}
