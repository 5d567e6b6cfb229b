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
  for (let attempt = 1; ; attempt++) {
    try {
      // One after another: pg-boss creates each queue's table with DDL, and creating them at once deadlocks.
      await startMailWorker();
      await startImportWorker();
      await startDigestSchedule();
      return;
    } catch (error) {
      // Instances starting together can still deadlock on that DDL; Postgres aborts one, which tries again.
      const deadlocked = (error as { code?: string } | null)?.code === '40P01';
      if (!deadlocked || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** Lets running jobs finish and closes the queue's connections (SIGTERM, tests). */
export async function stopBackgroundWork(): Promise<void> {
  await stopJobQueue();
  forgetMailWorker();
  forgetImportWorker();
  forgetDigestWorker();
}
