import 'server-only';
import { describeAuditEvent } from '@/lib/domain/audit/describe-audit-event';
import { buildReviewMemo } from '@/lib/domain/export/review-memo';
import { db } from '../../db';
import { listAuditEvents } from '../audit/list-audit-events';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';
import { loadReviewData } from './load-review-data';

/** Enough for a long review on a printable page; past it the memo points to History. */
export const MEMO_AUDIT_LIMIT = 10_000;

/** The review memo of a workspace or one article, with the audit trail as its appendix. */
export async function loadReviewMemo(options: {
  userId: string;
  slug: string;
  articleId?: string;
  userName: string;
  includePrivileged?: boolean;
}) {
  const data = await loadReviewData(options);
  const { events, truncated } = await listAuditEvents({
    userId: options.userId,
    workspaceSlug: options.slug,
    filters: options.articleId ? { articleId: options.articleId } : {},
    limit: MEMO_AUDIT_LIMIT,
    withholdPrivileged: !options.includePrivileged,
  });
  const inMemo = new Set(data.annotations.map((annotation) => annotation.id));
  const farIds = [
    ...new Set(
      data.links.flatMap((link) => [link.fromAnnotationId, link.toAnnotationId]).filter((id) => !inMemo.has(id)),
    ),
  ];
  const far = farIds.length
    ? await db().annotation.findMany({
        // Links are exported only between exported annotations, so these pass the same filter.
        where: { id: { in: farIds }, workspaceId: data.workspace.id, AND: [visibleAnnotationWhere(options.userId)] },
        select: { id: true, tag: true, quoteExact: true, articleId: true, article: { select: { title: true } } },
      })
    : [];
  return buildReviewMemo({
    workspaceName: data.workspace.name,
    articles: data.articles,
    annotations: data.annotations,
    links: data.links,
    linkedAnnotations: far.map(({ article, ...annotation }) => ({ ...annotation, articleTitle: article.title })),
    auditEvents: events.map((event) => ({
      id: event.id,
      at: new Date(event.createdAt),
      actorName: event.actorName,
      summary: describeAuditEvent(event),
    })),
    auditTruncated: truncated,
    generatedAt: new Date(),
    generatedBy: options.userName,
  });
}
