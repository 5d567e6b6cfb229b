import 'server-only';
import { EMAIL_VERIFICATION_TTL_HOURS, emailVerificationMail } from '@/lib/domain/mail/account-mails';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS } from '@/lib/security/rate-limit';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { queueMail } from '../../jobs/mail-jobs';
import { appUrl } from '../../mail/app-url';
import { enforceRateLimit } from '../../security/enforce-rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { consumeAccountToken, createAccountToken } from './account-tokens';

type Tx = Prisma.TransactionClient;

/** Mails a verification link to the user's address (in the caller's transaction). */
export async function queueVerificationMail(tx: Tx, user: { id: string; email: string; name: string }) {
  const token = await createAccountToken(tx, {
    userId: user.id,
    email: user.email,
    purpose: 'email_verification',
    ttlMs: EMAIL_VERIFICATION_TTL_HOURS * 60 * 60 * 1000,
  });
  const mail = emailVerificationMail({ name: user.name, url: appUrl(`/verify-email/${token}`) });
  await queueMail(tx, { kind: 'email_verification', to: user.email, requestedById: user.id, ...mail });
}

/** "Send the link again" from settings; rate-limited per account. */
export async function resendVerificationMail(userId: string): Promise<void> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, emailVerifiedAt: true },
  });
  if (user.emailVerifiedAt) {
    throw new AppError('CONFLICT', { userMessage: 'Your email address is already confirmed.' });
  }
  await enforceRateLimit(RATE_LIMITS.verificationMails, user.id, 'Too many verification mails.');
  await db().$transaction((tx) => queueVerificationMail(tx, user));
}

/** Marks the address confirmed: the link was opened by whoever reads that mailbox. */
export async function verifyEmail(token: string): Promise<{ email: string }> {
  return db().$transaction(async (tx) => {
    const user = await consumeAccountToken(tx, token, 'email_verification');
    if (!user.emailVerifiedAt) {
      await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
      await recordAuditEvent(tx, {
        workspaceId: null,
        actorId: user.id,
        action: 'user.email_verified',
        objectType: 'user',
        objectId: user.id,
        after: { email: user.email },
      });
    }
    return { email: user.email };
  });
}
