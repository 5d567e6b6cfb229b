import 'server-only';
import { DIGEST_CRON } from '@/lib/domain/mail/digest-mail';
import { sendDailyDigests } from '../data/digest/send-daily-digests';
import { jobQueue } from './boss';

export const DIGEST_QUEUE = 'daily-digest';

const globalForDigest = globalThis as unknown as { marginaliaDigestWorker?: Promise<string> };

/**
 * Schedules the daily digest (pg-boss keeps one schedule per queue however many instances call
 * this, and each cron tick makes one job) and starts this instance's worker for it. A run that
 * fails is retried; users whose digest went out are not mailed again (digestSentAt).
 */
export function startDigestSchedule(): Promise<string> {
  globalForDigest.marginaliaDigestWorker ??= (async () => {
    const boss = await jobQueue();
    await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, retryLimit: 3, retryDelay: 60, retryBackoff: true });
    await boss.schedule(DIGEST_QUEUE, DIGEST_CRON, {}, { tz: 'UTC' });
    return boss.work(DIGEST_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
      await sendDailyDigests();
    });
  })().catch((error: unknown) => {
    globalForDigest.marginaliaDigestWorker = undefined;
    throw error;
  });
  return globalForDigest.marginaliaDigestWorker;
}

/** For tests and shutdown: forget the worker (after stopJobQueue). */
export function forgetDigestWorker(): void {
  globalForDigest.marginaliaDigestWorker = undefined;
}
