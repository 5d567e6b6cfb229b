// Messages between the app and the Quote check's worker thread, and what the worker does with
// one. The worker keeps the index between requests (index-cache.ts), so the app first asks
// with the workspace's revision fingerprint only, and sends the article texts (megabytes to
// copy between threads) only when the worker answers that it has no index for it.
import { checkQuotesInIndex } from './check-quotes';
import { QuoteIndexCache, type IndexKey } from './index-cache';
import type { QuoteCheckResult, QuoteCheckSource, QuoteToCheck } from './types';

export type QuoteCheckRequest = {
  id: number;
  key: IndexKey;
  /** The source articles, sent only after a `needSources` answer. */
  sources?: QuoteCheckSource[];
  quotes: QuoteToCheck[];
};

export type QuoteCheckResponse =
  | { id: number; results: { annotationId: string; result: QuoteCheckResult }[] }
  | { id: number; needSources: true }
  | { id: number; error: string };

export function handleQuoteCheckRequest(cache: QuoteIndexCache, request: QuoteCheckRequest): QuoteCheckResponse {
  try {
    const index = cache.get(request.key) ?? (request.sources ? cache.build(request.key, request.sources) : null);
    if (!index) return { id: request.id, needSources: true };
    return { id: request.id, results: checkQuotesInIndex(request.quotes, index) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
