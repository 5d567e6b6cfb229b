// The Quote check for a workspace: every Quote annotation against the other articles, or
// against one chosen source article. The index is built once and shared by all quotes.
import { checkQuoteInIndex } from './find-closest-passage';
import { buildQuoteIndex } from './quote-index';
import type { CheckQuotesOptions, QuoteCheckResult, QuoteCheckSource, QuoteToCheck } from './types';

export { findClosestPassage, NEAR_THRESHOLD } from './find-closest-passage';
export type { CheckQuotesOptions, DiffSegment, QuoteCheckResult, QuoteCheckSource, QuoteToCheck } from './types';

export function checkQuotes(
  quotes: QuoteToCheck[],
  articles: QuoteCheckSource[],
  options: CheckQuotesOptions = {},
): { annotationId: string; result: QuoteCheckResult }[] {
  const { sourceArticleId } = options;
  // With a chosen source, only that article is indexed; an unknown id leaves nothing to search.
  const index = buildQuoteIndex(
    sourceArticleId === undefined ? articles : articles.filter((article) => article.articleId === sourceArticleId),
  );
  return quotes.map((quote) => ({
    annotationId: quote.annotationId,
    // A quote is never "found" in the article it was annotated in: that is where it came from.
    result: checkQuoteInIndex(
      quote.exact,
      index,
      index.articles.filter((article) => article.articleId !== quote.articleId),
    ),
  }));
}
