import 'server-only';
import { stopJobQueue } from './boss';
import { forgetDigestWorker, startDigestSchedule } from './digest-jobs';
import { forgetImportWorker, startImportWorker } from './import-jobs';
import { forgetMailWorker, startMailWorker } from './mail-jobs';

/**
 * Starts this instance's workers, so mail queued before a restart goes out without waiting for
 * the next mail to be queued here. For the start-up hook (instrumentation.ts); queueMail also
 * starts them on first use.
 */
export async function startBackgroundWork(): Promise<void> {
  // One after another: pg-boss creates each queue's table with DDL, and creating them at once deadlocks.
  await startMailWorker();
  await startImportWorker();
  await startDigestSchedule();
}

/** Lets running jobs finish and closes the queue's connections (SIGTERM, tests). */
export async function stopBackgroundWork(): Promise<void> {
  await stopJobQueue();
  forgetMailWorker();
  forgetImportWorker();
  forgetDigestWorker();
}
