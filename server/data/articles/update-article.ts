import 'server-only';
import { can } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import type { TUpdateArticle } from '@/lib/validation/articles';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getMemberArticle } from './get-member-article';

/** Renames the article and/or sets its status (draft, in review, done); editors and owners. */
export async function updateArticle(options: { userId: string; articleId: string; input: TUpdateArticle }) {
  const article = await getMemberArticle(options);
  if (!can(article.role, 'article.edit')) {
    throw new AppError('FORBIDDEN', {
      userMessage: 'Only editors and owners can rename an article or set its status.',
    });
  }
  const { title, status } = options.input;
  const renamed = title !== undefined && title !== article.title;
  const restatused = status !== undefined && status !== article.status;
  if (!renamed && !restatused) return { id: article.id, title: article.title, status: article.status };
  return db().$transaction(async (tx) => {
    const updated = await tx.article.update({
      where: { id: article.id },
      data: { ...(renamed ? { title } : {}), ...(restatused ? { status } : {}) },
      select: { id: true, title: true, status: true },
    });
    const changes = [
      renamed && { action: 'article.renamed', before: { title: article.title }, after: { title: updated.title } },
      restatused && {
        action: 'article.status_changed',
        before: { status: article.status },
        after: { status: updated.status },
      },
    ].filter((change) => change !== false);
    for (const change of changes) {
      await recordAuditEvent(tx, {
        workspaceId: article.workspaceId,
        actorId: options.userId,
        objectType: 'article',
        objectId: article.id,
        ...change,
      });
    }
    return updated;
  });
}
