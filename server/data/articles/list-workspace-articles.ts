import 'server-only';
import { queueStatus } from '@/lib/domain/evidence/annotation-evidence';
import { db } from '../../db';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';

export type ArticleListItem = {
  id: string;
  title: string;
  byline: string | null;
  status: 'draft' | 'in_review' | 'done';
  createdAt: Date;
  updatedAt: Date;
  annotationCount: number;
  review: { open: number; accepted: number; rejected: number };
};

/**
 * Caller must have resolved membership of `workspaceId` (see getMemberWorkspace). Counts only
 * the annotations `userId` may read.
 */
export async function listWorkspaceArticles(workspaceId: string, userId: string): Promise<ArticleListItem[]> {
  const visible = visibleAnnotationWhere(userId);
  const articles = await db().article.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      title: true,
      byline: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      _count: { select: { annotations: { where: visible } } },
    },
  });
  const verdicts = await db().annotation.groupBy({
    by: ['articleId', 'reviewStatus', 'anchorState'],
    where: { workspaceId, AND: [visible] },
    _count: true,
  });
  return articles.map(({ _count, ...article }) => {
    const review = { open: 0, accepted: 0, rejected: 0 };
    for (const row of verdicts)
      if (row.articleId === article.id) review[queueStatus(row.reviewStatus, row.anchorState)] += row._count;
    return { ...article, annotationCount: _count.annotations, review };
  });
}
