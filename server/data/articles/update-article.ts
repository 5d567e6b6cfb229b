import 'server-only';
import { assertCan } from '@/lib/domain/permissions/permissions';
import type { ArticleAuditEvent, ArticleDetailsSnapshot } from '@/lib/domain/audit/audit-event';
import type { TUpdateArticle } from '@/lib/validation/articles';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getMemberArticle } from './get-member-article';

/** Renames the article, sets its status (draft, in review, done) or its byline, source and date; editors and owners. */
export async function updateArticle(options: { userId: string; articleId: string; input: TUpdateArticle }) {
  const article = await getMemberArticle(options);
  assertCan(article.role, 'article.edit');
  const { title, status } = options.input;
  const renamed = title !== undefined && title !== article.title;
  const restatused = status !== undefined && status !== article.status;
  const details = changedDetails(article, options.input);
  if (!renamed && !restatused && !details) return articleSummary(article);
  return db().$transaction(async (tx) => {
    const updated = await tx.article.update({
      where: { id: article.id },
      data: { ...(renamed ? { title } : {}), ...(restatused ? { status } : {}), ...details?.data },
      select: { id: true, title: true, status: true, byline: true, sourceUrl: true, publishedAt: true },
    });
    const changes: ArticleAuditEvent[] = [];
    if (renamed)
      changes.push({
        action: 'article.renamed',
        objectType: 'article',
        before: { title: article.title },
        after: { title: updated.title },
      });
    if (restatused) {
      changes.push({
        action: 'article.status_changed',
        objectType: 'article',
        before: { status: article.status },
        after: { status: updated.status },
      });
    }
    if (details) {
      changes.push({
        action: 'article.details_changed',
        objectType: 'article',
        before: details.before,
        after: details.after,
      });
    }
    for (const change of changes) {
      await recordAuditEvent(tx, {
        workspaceId: article.workspaceId,
        actorId: options.userId,
        objectId: article.id,
        ...change,
      });
    }
    return articleSummary(updated);
  });
}

type ArticleDetails = { byline: string | null; sourceUrl: string | null; publishedAt: Date | null };

function articleSummary(article: ArticleDetails & { id: string; title: string; status: string }) {
  return {
    id: article.id,
    title: article.title,
    status: article.status,
    byline: article.byline,
    sourceUrl: article.sourceUrl,
    publishedAt: article.publishedAt ? isoDate(article.publishedAt) : null,
  };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The byline, source URL and date fields that really change, with before/after for the audit log. */
function changedDetails(article: ArticleDetails, input: TUpdateArticle) {
  const data: Partial<ArticleDetails> = {};
  const before: ArticleDetailsSnapshot = {};
  const after: ArticleDetailsSnapshot = {};
  if (input.byline !== undefined && input.byline !== article.byline) {
    data.byline = input.byline;
    before.byline = article.byline;
    after.byline = input.byline;
  }
  if (input.sourceUrl !== undefined && input.sourceUrl !== article.sourceUrl) {
    data.sourceUrl = input.sourceUrl;
    before.sourceUrl = article.sourceUrl;
    after.sourceUrl = input.sourceUrl;
  }
  const currentDate = article.publishedAt ? isoDate(article.publishedAt) : null;
  if (input.publishedAt !== undefined && input.publishedAt !== currentDate) {
    data.publishedAt = input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null;
    before.publishedAt = currentDate;
    after.publishedAt = input.publishedAt;
  }
  return Object.keys(data).length ? { data, before, after } : null;
}
