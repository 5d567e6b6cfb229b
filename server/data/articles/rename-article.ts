import 'server-only';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/domain/permissions/permissions';
import type { TRenameArticle } from '@/lib/validation/articles';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getMemberArticle } from './get-member-article';

export async function renameArticle(options: { userId: string; articleId: string; input: TRenameArticle }) {
  const article = await getMemberArticle(options);
  if (!can(article.role, 'article.edit')) {
    throw new AppError('FORBIDDEN', { userMessage: 'Only editors and owners can rename an article.' });
  }
  if (article.title === options.input.title) return { id: article.id, title: article.title };
  return db().$transaction(async (tx) => {
    const updated = await tx.article.update({
      where: { id: article.id },
      data: { title: options.input.title },
      select: { id: true, title: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: article.workspaceId,
      actorId: options.userId,
      action: 'article.renamed',
      objectType: 'article',
      objectId: article.id,
      before: { title: article.title },
      after: { title: updated.title },
    });
    return updated;
  });
}
