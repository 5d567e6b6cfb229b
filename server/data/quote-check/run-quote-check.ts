import 'server-only';
import { checkQuotes, type QuoteCheckResult } from '@/lib/domain/quote-check/check-quotes';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

export type QuoteCheckRow = {
  annotationId: string;
  articleId: string;
  articleTitle: string;
  exact: string;
  authorName: string | null;
  result: QuoteCheckResult;
};

/**
 * Checks every Quote annotation of the workspace against the other articles (or one chosen
 * source article). Reads each article's current text once; the matching itself is pure.
 */
export async function runQuoteCheck(options: { userId: string; slug: string; sourceArticleId?: string }) {
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.slug });
  const articles = await db().$queryRaw<{ id: string; title: string; text: string }[]>`
    SELECT a.id, a.title, r.text
    FROM "Article" a
    JOIN LATERAL (
      SELECT text FROM "ArticleRevision" WHERE "articleId" = a.id ORDER BY number DESC LIMIT 1
    ) r ON true
    WHERE a."workspaceId" = ${workspace.id}::uuid
    ORDER BY a."createdAt"`;
  if (options.sourceArticleId && !articles.some((article) => article.id === options.sourceArticleId)) {
    throw new AppError('NOT_FOUND', { userMessage: 'The source article is not in this workspace.' });
  }
  const quotes = await db().annotation.findMany({
    where: { workspaceId: workspace.id, tag: 'quote', anchorState: { not: 'orphaned' } },
    orderBy: [{ articleId: 'asc' }, { posStart: 'asc' }],
    select: { id: true, articleId: true, quoteExact: true, author: { select: { name: true } } },
  });
  const titles = new Map(articles.map((article) => [article.id, article.title]));
  const results = checkQuotes(
    quotes.map((quote) => ({ annotationId: quote.id, articleId: quote.articleId, exact: quote.quoteExact })),
    articles.map((article) => ({ articleId: article.id, text: article.text })),
    options.sourceArticleId ? { sourceArticleId: options.sourceArticleId } : undefined,
  );
  const byId = new Map(results.map((row) => [row.annotationId, row.result]));
  const rows: QuoteCheckRow[] = quotes.map((quote) => ({
    annotationId: quote.id,
    articleId: quote.articleId,
    articleTitle: titles.get(quote.articleId) ?? '',
    exact: quote.quoteExact,
    authorName: quote.author?.name ?? null,
    result: byId.get(quote.id) ?? { kind: 'not_found', bestSimilarity: 0 },
  }));
  return { workspace, articles: articles.map(({ id, title }) => ({ id, title })), rows, titles };
}
