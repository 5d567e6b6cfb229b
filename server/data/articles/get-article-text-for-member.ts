import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import type { Role } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { revisionText } from '../revisions/revision-text-cache';
import { noteCurrentRevision } from './current-revision-hint';

export type MemberArticleText = {
  id: string;
  workspaceId: string;
  revisionId: string;
  text: string;
  role: Role;
  userName: string;
};

export const articleNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'This article does not exist or you cannot see it.' });

/**
 * The hot path of annotating: the caller's role and the current revision in one small query
 * (no document JSON, no text), then the revision's text from memory when this process has seen
 * it (revisions are immutable). "Not found" unless the caller is a member.
 */
export async function getArticleTextForMember(options: {
  userId: string;
  articleId: string;
}): Promise<MemberArticleText> {
  if (!isUuid(options.articleId)) throw articleNotFound();
  const rows = await db().$queryRaw<Omit<MemberArticleText, 'text'>[]>`
    SELECT a.id, a."workspaceId", r.id AS "revisionId", m.role::text AS role, u.name AS "userName"
    FROM "Article" a
    JOIN "Membership" m ON m."workspaceId" = a."workspaceId" AND m."userId" = ${options.userId}::uuid
    JOIN "User" u ON u.id = m."userId"
    JOIN LATERAL (
      SELECT id FROM "ArticleRevision" WHERE "articleId" = a.id ORDER BY number DESC LIMIT 1
    ) r ON true
    WHERE a.id = ${options.articleId}::uuid`;
  const row = rows[0];
  if (!row) throw articleNotFound();
  noteCurrentRevision(row.id, { workspaceId: row.workspaceId, revisionId: row.revisionId });
  return { ...row, text: await revisionText(row.revisionId) };
}
