import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import { AppError } from '@/lib/errors';
import { generateApiToken } from '../../auth/api-tokens';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';

export type ApiTokenSummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

export const MAX_ACTIVE_TOKENS = 20;

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return db().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** Returns the token itself once; only its hash is kept. */
export async function createApiToken(options: { userId: string; name: string }) {
  const active = await db().apiToken.count({ where: { userId: options.userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) {
    throw new AppError('CONFLICT', { userMessage: `You already have ${MAX_ACTIVE_TOKENS} tokens. Revoke one first.` });
  }
  const { token, tokenHash, prefix } = generateApiToken();
  const created = await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: options.userId, name: options.name, tokenHash, prefix },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: null,
      actorId: options.userId,
      action: 'api_token.created',
      objectType: 'api_token',
      objectId: row.id,
      after: { name: row.name, prefix: row.prefix },
    });
    return row;
  });
  return { ...created, token };
}

export async function revokeApiToken(options: { userId: string; tokenId: string }): Promise<void> {
  const notFound = new AppError('NOT_FOUND', { userMessage: 'This token does not exist.' });
  if (!isUuid(options.tokenId)) throw notFound;
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: options.tokenId, userId: options.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound;
    await recordAuditEvent(tx, {
      workspaceId: null,
      actorId: options.userId,
      action: 'api_token.revoked',
      objectType: 'api_token',
      objectId: options.tokenId,
    });
  });
}
