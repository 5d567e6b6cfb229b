import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMail } from '@/lib/domain/mail/render-mail';
import { stopBackgroundWork } from '@/server/jobs/background-work';
import { jobQueue } from '@/server/jobs/boss';
import { deliverMail, MAIL_QUEUE, sendMail, startMailWorker } from '@/server/jobs/mail-jobs';
import { db } from '@/server/db';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher';
import { uniqueEmail } from './helpers';

let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.SMTP_URL = smtp.url;
  await startMailWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBackgroundWork();
  delete process.env.SMTP_URL;
  await smtp.close();
});

const mail = (to: string, subject: string) => ({
  kind: 'invitation' as const,
  to,
  ...renderMail({ subject, blocks: [{ type: 'paragraph', text: '<b>not bold</b>' }] }),
});

describe('mail through the job queue', () => {
  it('delivers a queued mail over SMTP, text and escaped HTML, and records it as sent', async () => {
    const to = uniqueEmail('smtp');
    const id = await sendMail(mail(to, 'Hello over SMTP'));
    const arrived = await smtp.waitFor(to);
    expect(arrived.subject).toBe('Hello over SMTP');
    expect(arrived.text).toContain('<b>not bold</b>');
    expect(arrived.html).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    await expect.poll(async () => (await db().mailMessage.findUnique({ where: { id } }))?.status).toBe('sent');
  });

  it('retries a mail the SMTP server refuses, and delivers it once the server takes it', async () => {
    const to = uniqueEmail('retry');
    smtp.refuse(true);
    const id = await sendMail(mail(to, 'Second time lucky'));
    await expect
      .poll(async () => (await db().mailMessage.findUnique({ where: { id } }))?.lastError, { timeout: 15_000 })
      .toMatch(/451|busy/i);
    const row = await db().mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('queued');
    smtp.refuse(false);
    await smtp.waitFor(to, () => true, 25_000);
    await expect.poll(async () => (await db().mailMessage.findUnique({ where: { id } }))?.status).toBe('sent');
    expect((await db().mailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBeGreaterThanOrEqual(2);
  }, 40_000);

  it('marks a mail failed, never lost, when its last attempt fails', async () => {
    const to = uniqueEmail('failed');
    const id = await db()
      .mailMessage.create({ data: { kind: 'invitation', to, subject: 'Doomed', text: 't', html: 'h' } })
      .then((row) => row.id);
    smtp.refuse(true);
    const lastAttempt = { id: 'job', name: MAIL_QUEUE, data: { mailId: id }, retryCount: 4, retryLimit: 4 };
    await expect(deliverMail(lastAttempt as Parameters<typeof deliverMail>[0])).rejects.toThrow();
    smtp.refuse(false);
    const row = await db().mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/451|busy/i);
  });

  it('queues nothing when the transaction that queued the mail rolls back', async () => {
    const to = uniqueEmail('rollback');
    let mailId = '';
    await expect(
      db().$transaction(async (tx) => {
        const { queueMail } = await import('@/server/jobs/mail-jobs');
        mailId = await queueMail(tx, mail(to, 'Never'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(mailId).not.toBe('');
    expect(await db().mailMessage.count({ where: { to } })).toBe(0);
    await jobQueue();
    // By this mail's id, not the queue's size: other test files queue mail in the same database at once.
    const jobs = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM pgboss.job WHERE name = ${MAIL_QUEUE} AND data->>'mailId' = ${mailId}`;
    expect(Number(jobs[0]!.count)).toBe(0);
  });
});
