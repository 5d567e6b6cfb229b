import 'server-only';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';

const articleNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'This article does not exist or you cannot see it.' });

/**
 * The articles an export covers, with their current revision: the whole workspace, or the one
 * article asked for (404 when it is not in this workspace, so other workspaces' ids tell nothing).
 * The caller has already checked that the user is a member of the workspace.
 */
export async function loadExportArticles(workspaceId: string, articleId: string | undefined) {
  if (articleId !== undefined && !isUuid(articleId)) throw articleNotFound();
  const rows = await db().article.findMany({
    where: { workspaceId, ...(articleId ? { id: articleId } : {}) },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      title: true,
      byline: true,
      sourceUrl: true,
      publishedAt: true,
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { doc: true, text: true, number: true } },
    },
  });
  if (articleId && !rows.length) throw articleNotFound();
  return rows.map(({ revisions, ...article }) => ({
    ...article,
    doc: revisions[0]!.doc as ArticleDoc,
    text: revisions[0]!.text,
    revision: revisions[0]!.number,
  }));
}
