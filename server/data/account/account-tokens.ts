import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { AccountTokenPurpose, Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new single-use token for the user's address; earlier unused tokens of the same purpose stop
 * working (only the latest mail's link counts). Returns the secret, which only the mail holds.
 */
export async function createAccountToken(
  tx: Tx,
  input: { userId: string; email: string; purpose: AccountTokenPurpose; ttlMs: number },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await tx.accountToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: now },
  });
  await tx.accountToken.create({
    data: {
      userId: input.userId,
      email: input.email,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + input.ttlMs),
    },
  });
  return token;
}

const invalidLink = () =>
  new AppError('NOT_FOUND', {
    userMessage: 'This link is not valid any more: it was used, replaced by a newer mail, or has expired.',
  });

/**
 * Uses up a token, locking its row so two clicks cannot both use it. Refuses one that was used,
 * has expired, or was sent to an address the account no longer has.
 */
export async function consumeAccountToken(tx: Tx, token: string, purpose: AccountTokenPurpose) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "AccountToken" WHERE "tokenHash" = ${hashToken(token)} FOR UPDATE`;
  if (!row) throw invalidLink();
  const found = await tx.accountToken.findUniqueOrThrow({
    where: { id: row.id },
    include: { user: { select: { id: true, email: true, emailVerifiedAt: true } } },
  });
  if (found.purpose !== purpose || found.usedAt || found.expiresAt <= new Date() || found.email !== found.user.email) {
    throw invalidLink();
  }
  await tx.accountToken.update({ where: { id: found.id }, data: { usedAt: new Date() } });
  return found.user;
}
