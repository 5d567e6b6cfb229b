import 'server-only';
import { createHash } from 'node:crypto';
import { PASSWORD_RESET_TTL_MINUTES, passwordResetMail } from '@/lib/domain/mail/account-mails';
import { RATE_LIMITS } from '@/lib/security/rate-limit';
import { hashPassword } from '../../auth/password';
import { db } from '../../db';
import { queueMail } from '../../jobs/mail-jobs';
import { appUrl } from '../../mail/app-url';
import { enforceRateLimit } from '../../security/enforce-rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { consumeAccountToken, createAccountToken } from './account-tokens';

const addressSubject = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);

/**
 * Mails a reset link when the address has an account, and does nothing otherwise: the caller
 * answers the same either way. Rate-limited per client IP and per address before anything else.
 */
export async function requestPasswordReset(input: { email: string; ip: string }): Promise<void> {
  const message = 'Too many password reset requests.';
  await enforceRateLimit(RATE_LIMITS.passwordResetIp, input.ip, message);
  await enforceRateLimit(RATE_LIMITS.passwordResetAccount, addressSubject(input.email), message);
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
  if (!user) return;
  await db().$transaction(async (tx) => {
    const token = await createAccountToken(tx, {
      userId: user.id,
      email: input.email,
      purpose: 'password_reset',
      ttlMs: PASSWORD_RESET_TTL_MINUTES * 60 * 1000,
    });
    const mail = passwordResetMail({ name: user.name, url: appUrl(`/reset-password/${token}`) });
    await queueMail(tx, { kind: 'password_reset', to: input.email, requestedById: user.id, ...mail });
  });
}

/**
 * Sets the new password from a reset link, once. Every session of the account ends (whoever
 * knew the old password is signed out), and the address counts as confirmed: the link was read there.
 */
export async function resetPassword(input: { token: string; password: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await consumeAccountToken(tx, input.token, 'password_reset');
    // Hashed only once the token proved good: a stream of made-up tokens costs no argon2 work.
    const passwordHash = await hashPassword(input.password);
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    await tx.authSession.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, {
      workspaceId: null,
      actorId: user.id,
      action: 'user.password_reset',
      objectType: 'user',
      objectId: user.id,
    });
  });
}
