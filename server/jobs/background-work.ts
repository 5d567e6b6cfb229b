import 'server-only';
import { stopJobQueue } from './boss';
import { forgetMailWorker, startMailWorker } from './mail-jobs';

/**
 * Starts this instance's workers, so mail queued before a restart goes out without waiting for
 * the next mail to be queued here. For the start-up hook (instrumentation.ts); queueMail also
 * starts them on first use.
 */
export async function startBackgroundWork(): Promise<void> {
  await startMailWorker();
}

/** Lets running jobs finish and closes the queue's connections (SIGTERM, tests). */
export async function stopBackgroundWork(): Promise<void> {
  await stopJobQueue();
  forgetMailWorker();
}
