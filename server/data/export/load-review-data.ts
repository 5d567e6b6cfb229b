import 'server-only';
import { exportCommentSelect, exportLinkSelect } from './export-selects';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';
import { annotationRecordSelect } from '../annotations/annotation-record';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';
import type { Prisma } from '../../generated/prisma/client';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

const articleNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'This article does not exist or you cannot see it.' });

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
  if (options.articleId !== undefined && !isUuid(options.articleId)) throw articleNotFound();
  const articleRows = await db().article.findMany({
    where: { workspaceId: workspace.id, ...(options.articleId ? { id: options.articleId } : {}) },
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
  if (options.articleId && !articleRows.length) throw articleNotFound();
  const articles = articleRows.map(({ revisions, ...article }) => ({
    ...article,
    doc: revisions[0]!.doc as ArticleDoc,
    text: revisions[0]!.text,
    revision: revisions[0]!.number,
  }));
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
