// The Quote check for a workspace: every Quote annotation against the other articles, or
// against one chosen source article. The index is built once and shared by all quotes.
import { checkQuoteInIndex } from './find-closest-passage';
import { MAX_CHECKED_QUOTE_LENGTH } from './limits';
import { buildQuoteIndex, type QuoteIndex } from './quote-index';
import type { CheckQuotesOptions, QuoteCheckResult, QuoteCheckSource, QuoteToCheck } from './types';

export { findClosestPassage, NEAR_THRESHOLD } from './find-closest-passage';
export type { CheckQuotesOptions, DiffSegment, QuoteCheckResult, QuoteCheckSource, QuoteToCheck } from './types';

export function checkQuotes(
  quotes: QuoteToCheck[],
  articles: QuoteCheckSource[],
  options: CheckQuotesOptions = {},
): { annotationId: string; result: QuoteCheckResult }[] {
  // With a chosen source, only that article is indexed; an unknown id leaves nothing to search.
  return checkQuotesInIndex(quotes, buildQuoteIndex(sourceArticles(articles, options)));
}

/** The articles a check searches: all of them, or only the chosen source (none when the id is unknown). */
export function sourceArticles<T extends { articleId: string }>(articles: T[], options: CheckQuotesOptions = {}): T[] {
  const { sourceArticleId } = options;
  return sourceArticleId === undefined ? articles : articles.filter((article) => article.articleId === sourceArticleId);
}

/** The check over an index already built from the source articles (kept between requests). */
export function checkQuotesInIndex(
  quotes: QuoteToCheck[],
  index: QuoteIndex,
): { annotationId: string; result: QuoteCheckResult }[] {
  return quotes.map((quote) => ({
    annotationId: quote.annotationId,
    // A quote is never "found" in the article it was annotated in: that is where it came from.
    result:
      quote.exact.length > MAX_CHECKED_QUOTE_LENGTH
        ? { kind: 'not_found', bestSimilarity: 0, tooLong: true }
        : checkQuoteInIndex(
            quote.exact,
            index,
            index.articles.filter((article) => article.articleId !== quote.articleId),
          ),
  }));
}
