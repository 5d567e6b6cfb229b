import 'server-only';
import { can, isRole, type Role } from '@/lib/domain/permissions/permissions';
import { db } from '../db';

/**
 * The role a stream's user holds now on the article's workspace, or null once they may no
 * longer read it: removed, or the personal token the stream was opened with revoked. One
 * indexed lookup (Article and ApiToken by primary key, Membership by its workspace-user key),
 * cheap enough to run before every batch of events and on every heartbeat.
 */
export async function currentStreamRole(options: {
  userId: string;
  articleId: string;
  tokenId: string | null;
}): Promise<Role | null> {
  const rows = await db().$queryRaw<{ role: string }[]>`
    SELECT m.role::text AS role
    FROM "Article" a
    JOIN "Membership" m ON m."workspaceId" = a."workspaceId" AND m."userId" = ${options.userId}::uuid
    WHERE a.id = ${options.articleId}::uuid
      AND (${options.tokenId}::uuid IS NULL OR EXISTS (
        SELECT 1 FROM "ApiToken" t
        WHERE t.id = ${options.tokenId}::uuid AND t."userId" = ${options.userId}::uuid AND t."revokedAt" IS NULL))`;
  const role = rows[0]?.role;
  return role && isRole(role) && can(role, 'article.read') ? role : null;
}
