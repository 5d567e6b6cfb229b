import 'server-only';
import { revisionFingerprint } from '@/lib/domain/quote-check/index-cache';
import { QUOTE_CHECK_PAGE_SIZE } from '@/lib/domain/quote-check/limits';
import type { QuoteCheckResult } from '@/lib/domain/quote-check/types';
import type { QuoteCheckResponse } from '@/lib/domain/quote-check/worker-protocol';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';
import { quoteCheckPool } from './quote-check-workers';
import { WorkerBusyError } from './worker-pool';

export type QuoteCheckRow = {
  annotationId: string;
  articleId: string;
  articleTitle: string;
  exact: string;
  authorName: string | null;
  result: QuoteCheckResult;
};

/**
 * One page of the Quote check: QUOTE_CHECK_PAGE_SIZE Quote annotations of the workspace, each
 * against the other articles (or one chosen source article). The comparison runs in a worker
 * thread that keeps the workspace's index between requests; the article texts are read and sent
 * only when that index is missing or out of date.
 */
export async function runQuoteCheck(options: {
  userId: string;
  slug: string;
  sourceArticleId?: string;
  page?: number;
}) {
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.slug });
  const articles = await db().$queryRaw<{ id: string; title: string; revisionId: string }[]>`
    SELECT a.id, a.title, r.id AS "revisionId"
    FROM "Article" a
    JOIN LATERAL (
      SELECT id FROM "ArticleRevision" WHERE "articleId" = a.id ORDER BY number DESC LIMIT 1
    ) r ON true
    WHERE a."workspaceId" = ${workspace.id}::uuid
    ORDER BY a."createdAt"`;
  const { sourceArticleId } = options;
  if (sourceArticleId && !articles.some((article) => article.id === sourceArticleId)) {
    throw new AppError('NOT_FOUND', { userMessage: 'The source article is not in this workspace.' });
  }
  const where = {
    workspaceId: workspace.id,
    tag: 'quote',
    anchorState: { not: 'orphaned' },
    AND: [visibleAnnotationWhere(options.userId)],
  } satisfies Prisma.AnnotationWhereInput;
  const total = await db().annotation.count({ where });
  const pages = Math.max(1, Math.ceil(total / QUOTE_CHECK_PAGE_SIZE));
  const page = Math.min(options.page ?? 1, pages);
  const quotes = await db().annotation.findMany({
    where,
    orderBy: [{ articleId: 'asc' }, { posStart: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * QUOTE_CHECK_PAGE_SIZE,
    take: QUOTE_CHECK_PAGE_SIZE,
    select: { id: true, articleId: true, quoteExact: true, author: { select: { name: true } } },
  });
  const titles = new Map(articles.map((article) => [article.id, article.title]));
  const sources = sourceArticleId ? articles.filter((article) => article.id === sourceArticleId) : articles;
  const results = await checkInWorker({
    workspaceId: workspace.id,
    fingerprint: revisionFingerprint(
      sources.map((article) => ({ articleId: article.id, revisionId: article.revisionId })),
      sourceArticleId,
    ),
    revisionIds: sources.map((article) => article.revisionId),
    quotes: quotes.map((quote) => ({ annotationId: quote.id, articleId: quote.articleId, exact: quote.quoteExact })),
  });
  const byId = new Map(results.map((row) => [row.annotationId, row.result]));
  const rows: QuoteCheckRow[] = quotes.map((quote) => ({
    annotationId: quote.id,
    articleId: quote.articleId,
    articleTitle: titles.get(quote.articleId) ?? '',
    exact: quote.quoteExact,
    authorName: quote.author?.name ?? null,
    result: byId.get(quote.id) ?? { kind: 'not_found', bestSimilarity: 0 },
  }));
  return {
    workspace,
    articles: articles.map(({ id, title }) => ({ id, title })),
    rows,
    titles,
    paging: { page, pages, total, pageSize: QUOTE_CHECK_PAGE_SIZE },
  };
}

async function checkInWorker(input: {
  workspaceId: string;
  fingerprint: string;
  revisionIds: string[];
  quotes: { annotationId: string; articleId: string; exact: string }[];
}) {
  if (!input.quotes.length) return [];
  const key = { workspaceId: input.workspaceId, fingerprint: input.fingerprint };
  const order = new Map(input.revisionIds.map((id, position) => [id, position]));
  const ask = async (withTexts: boolean): Promise<QuoteCheckResponse> => {
    const sources = withTexts
      ? (
          await db().articleRevision.findMany({
            where: { id: { in: input.revisionIds } },
            select: { id: true, articleId: true, text: true },
          })
        )
          // In article order, as the fingerprint lists them.
          .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
          .map((revision) => ({ articleId: revision.articleId, text: revision.text }))
      : undefined;
    try {
      return await quoteCheckPool().run(input.workspaceId, { key, sources, quotes: input.quotes });
    } catch (error) {
      if (error instanceof WorkerBusyError)
        throw new AppError('RATE_LIMITED', {
          userMessage: 'The quote check is busy with other requests. Try again in a few seconds.',
          headers: { 'retry-after': '5' },
        });
      throw error;
    }
  };
  let response = await ask(false);
  if ('needSources' in response) response = await ask(true);
  if ('error' in response) throw new Error(`Quote check failed in its worker: ${response.error}`);
  if ('needSources' in response) throw new Error('Quote check worker refused the article texts');
  return response.results;
}
