import 'server-only';
import { exportCommentSelect, exportLinkSelect } from './export-selects';
import { loadExportArticles } from './load-export-articles';
import { db } from '../../db';
import { annotationRecordSelect } from '../annotations/annotation-record';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';
import type { Prisma } from '../../generated/prisma/client';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

/**
 * Everything a review export needs, for the whole workspace or one article: articles with
 * their current document, annotations with threads and assignees, and links. Any member may
 * export what they can read. Privileged annotations are left out unless the exporter asks
 * (`includePrivileged`), and then only those they may read; a link is exported only when both
 * its ends are.
 */
export async function loadReviewData(options: {
  userId: string;
  slug: string;
  articleId?: string;
  includePrivileged?: boolean;
}) {
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.slug });
  const articles = await loadExportArticles(workspace.id, options.articleId);
  const articleIds = articles.map((article) => article.id);
  const exported: Prisma.AnnotationWhereInput = options.includePrivileged
    ? visibleAnnotationWhere(options.userId)
    : { privilegedAt: null };
  const annotationRows = await db().annotation.findMany({
    where: { workspaceId: workspace.id, articleId: { in: articleIds }, AND: [exported] },
    orderBy: [{ articleId: 'asc' }, { posStart: 'asc' }, { createdAt: 'asc' }],
    select: {
      ...annotationRecordSelect,
      comments: {
        orderBy: { createdAt: 'asc' },
        select: exportCommentSelect,
      },
    },
  });
  const memberNames = new Map(
    (
      await db().membership.findMany({
        where: { workspaceId: workspace.id },
        select: { user: { select: { id: true, name: true } } },
      })
    ).map((membership) => [membership.user.id, membership.user.name]),
  );
  const annotations = annotationRows.map((annotation) => ({
    ...annotation,
    assignee: annotation.assigneeId
      ? { id: annotation.assigneeId, name: memberNames.get(annotation.assigneeId) ?? 'Former member' }
      : null,
  }));
  const annotationIds = annotations.map((annotation) => annotation.id);
  const links = await db().annotationLink.findMany({
    where: {
      workspaceId: workspace.id,
      OR: [{ fromAnnotationId: { in: annotationIds } }, { toAnnotationId: { in: annotationIds } }],
      from: exported,
      to: exported,
    },
    orderBy: { createdAt: 'asc' },
    select: exportLinkSelect,
  });
  return {
    workspace,
    articles,
    annotations,
    links: links.map(({ createdById, from, to, ...link }) => ({
      ...link,
      fromArticleId: from.articleId,
      toArticleId: to.articleId,
      author: createdById ? { id: createdById, name: memberNames.get(createdById) ?? 'Former member' } : null,
    })),
  };
}
