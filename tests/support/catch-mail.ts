import { afterAll, beforeAll } from 'vitest';
import { stopBackgroundWork } from '@/server/jobs/background-work';
import { startMailWorker } from '@/server/jobs/mail-jobs';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher';

/**
 * For a test file that reads the mail the app sends: a real SMTP server as SMTP_URL, links
 * built on `origin`, and the mail worker polling fast; all undone after the file. The mail a
 * test reads is `catcher().mails` / `catcher().waitFor(...)` (the catcher exists from beforeAll on).
 */
export function catchMail(origin: string): () => SmtpCatcher {
  let smtp: SmtpCatcher | undefined;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    process.env.SMTP_URL = smtp.url;
    process.env.NEXTAUTH_URL = origin;
    await startMailWorker({ pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await stopBackgroundWork();
    delete process.env.SMTP_URL;
    delete process.env.NEXTAUTH_URL;
    await smtp?.close();
  });
  return () => {
    if (!smtp) throw new Error('The mail catcher starts in beforeAll: read it inside a test.');
    return smtp;
  };
}
