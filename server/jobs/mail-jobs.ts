import 'server-only';
import type PgBoss from 'pg-boss';
import type { RenderedMail } from '@/lib/domain/mail/render-mail';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { deliver } from '../mail/transport';
import { jobQueue } from './boss';
import { inTransaction } from './job-transaction';

export const MAIL_QUEUE = 'mail';
/** 1 try + 4 retries, 10 s, 20 s, 40 s, 80 s apart: an SMTP server down for a couple of minutes loses nothing. */
export const MAIL_RETRY = { retryLimit: 4, retryDelay: 10, retryBackoff: true } as const;

export type MailKind =
  | 'invitation'
  | 'mention'
  | 'assignment'
  | 'password_reset'
  | 'email_verification'
  | 'sign_up_existing'
  | 'daily_digest';

export type MailToQueue = RenderedMail & { kind: MailKind; to: string; requestedById?: string | null };

type Tx = Prisma.TransactionClient;
type MailJob = { mailId: string };

const globalForMailJobs = globalThis as unknown as { marginaliaMailQueue?: Promise<PgBoss> };

/** The started queue with the mail queue created (once per process). */
function mailQueue(): Promise<PgBoss> {
  globalForMailJobs.marginaliaMailQueue ??= (async () => {
    const boss = await jobQueue();
    await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, ...MAIL_RETRY });
    return boss;
  })().catch((error: unknown) => {
    globalForMailJobs.marginaliaMailQueue = undefined;
    throw error;
  });
  return globalForMailJobs.marginaliaMailQueue;
}

/**
 * Stores the mail and queues its job in the caller's transaction: the mail exists if and only if
 * what caused it was committed, and a committed mail always has its job (a transactional outbox).
 * This process's worker is started too, so the mail goes out without waiting for anything else.
 */
export async function queueMail(tx: Tx, mail: MailToQueue): Promise<string> {
  const boss = await mailQueue();
  const row = await tx.mailMessage.create({
    data: {
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      requestedById: mail.requestedById ?? null,
    },
    select: { id: true },
  });
  await boss.send(MAIL_QUEUE, { mailId: row.id } satisfies MailJob, { ...MAIL_RETRY, db: inTransaction(tx) });
  void startMailWorker().catch((error: unknown) => console.error('Could not start the mail worker', error));
  return row.id;
}

/** Queues one mail on its own (no surrounding change to commit with it). */
export function sendMail(mail: MailToQueue): Promise<string> {
  return db().$transaction((tx) => queueMail(tx, mail));
}

/**
 * One attempt at one mail. A mail already sent is not sent again (a job retried after a crash
 * between sending and recording). On the last attempt's failure the mail is marked failed,
 * where settings shows it to whoever caused it; pg-boss keeps the failed job too.
 */
export async function deliverMail(job: PgBoss.JobWithMetadata<MailJob>): Promise<void> {
  const mail = await db().mailMessage.findUnique({ where: { id: job.data.mailId } });
  if (!mail || mail.status === 'sent') return;
  await db().mailMessage.update({ where: { id: mail.id }, data: { attempts: { increment: 1 } } });
  try {
    await deliver({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (error) {
    const lastAttempt = job.retryCount >= job.retryLimit;
    const message = error instanceof Error ? error.message : String(error);
    await db().mailMessage.update({
      where: { id: mail.id },
      data: { lastError: message.slice(0, 1000), ...(lastAttempt ? { status: 'failed' } : {}) },
    });
    throw error;
  }
  await db().mailMessage.update({
    where: { id: mail.id },
    data: { status: 'sent', sentAt: new Date(), lastError: null },
  });
}

const globalForWorker = globalThis as unknown as { marginaliaMailWorker?: Promise<string> };

/**
 * pg-boss's worker waits a polling interval after every fetch, so one job per fetch would send one
 * mail every 2 s (an invitation burst of 50 would take minutes). It fetches a batch instead and
 * fails each mail that failed on its own: the batch's completion only touches jobs still active,
 * so one refused address neither fails nor repeats the others.
 */
const MAIL_BATCH = 20;

/** Starts this process's mail worker (idempotent). Called on first use; call it at start-up too. */
export function startMailWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<string> {
  globalForWorker.marginaliaMailWorker ??= mailQueue()
    .then((boss) =>
      boss.work<MailJob>(
        MAIL_QUEUE,
        { includeMetadata: true, batchSize: MAIL_BATCH, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await deliverMail(job);
            } catch (error) {
              await boss.fail(MAIL_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
            }
          }
        },
      ),
    )
    .catch((error: unknown) => {
      globalForWorker.marginaliaMailWorker = undefined;
      throw error;
    });
  return globalForWorker.marginaliaMailWorker;
}

/** For tests and shutdown: forget the worker (after stopJobQueue). */
export function forgetMailWorker(): void {
  globalForWorker.marginaliaMailWorker = undefined;
  globalForMailJobs.marginaliaMailQueue = undefined;
}
