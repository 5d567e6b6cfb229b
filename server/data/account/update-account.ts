import 'server-only';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS } from '@/lib/security/rate-limit';
import { hashPassword, verifyPassword } from '../../auth/password';
import { db } from '../../db';
import { enforceRateLimit } from '../../security/enforce-rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';

export async function changeName(input: { userId: string; name: string }) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true } });
    const user = await tx.user.update({
      where: { id: input.userId },
      data: { name: input.name },
      select: { id: true, email: true, name: true },
    });
    if (before.name !== user.name) {
      await recordAuditEvent(tx, {
        workspaceId: null,
        actorId: user.id,
        action: 'user.renamed',
        objectType: 'user',
        objectId: user.id,
        before: { name: before.name },
        after: { name: user.name },
      });
    }
    return user;
  });
}

/**
 * Needs the current password (rate-limited per account, checked before any hashing of the new
 * one). Every other session of the account ends; the browser that asked stays signed in.
 */
export async function changePassword(input: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<{ endedSessions: number }> {
  await enforceRateLimit(RATE_LIMITS.passwordChanges, input.userId, 'Too many password changes.');
  const user = await db().user.findUniqueOrThrow({ where: { id: input.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('INVALID_INPUT', {
      userMessage: 'Your current password is not right.',
      fieldErrors: { currentPassword: ['This is not your current password.'] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    const { count } = await tx.authSession.deleteMany({
      where: { userId: input.userId, id: { not: input.sessionId } },
    });
    await recordAuditEvent(tx, {
      workspaceId: null,
      actorId: input.userId,
      action: 'user.password_changed',
      objectType: 'user',
      objectId: input.userId,
      after: { endedSessions: count },
    });
    return { endedSessions: count };
  });
}
