import { describe, expect, it } from 'vitest';
import { checkQuotes } from './check-quotes';
import { QuoteIndexCache, revisionFingerprint } from './index-cache';
import { MAX_CHECKED_QUOTE_LENGTH, quoteCheckPage } from './limits';
import { handleQuoteCheckRequest } from './worker-protocol';

const sources = [
  { articleId: 'a', text: 'The committee met on Tuesday and agreed the budget for the coming year.' },
  { articleId: 'b', text: 'Officials said the committee agreed the budget for the coming year on Tuesday.' },
];
const quotes = [
  { annotationId: 'q1', articleId: 'b', exact: 'agreed the budget for the coming year' },
  { annotationId: 'q2', articleId: 'a', exact: 'x'.repeat(MAX_CHECKED_QUOTE_LENGTH + 1) },
];
const key = { workspaceId: 'w', fingerprint: revisionFingerprint([{ articleId: 'a', revisionId: 'r1' }]) };

describe('the Quote check index kept between requests', () => {
  it('asks for the texts once, then answers from the kept index, as an uncached check would', () => {
    const cache = new QuoteIndexCache();
    expect(handleQuoteCheckRequest(cache, { id: 1, key, quotes })).toEqual({ id: 1, needSources: true });
    const first = handleQuoteCheckRequest(cache, { id: 2, key, quotes, sources });
    const second = handleQuoteCheckRequest(cache, { id: 3, key, quotes });
    expect(first).toEqual({ id: 2, results: checkQuotes(quotes, sources) });
    expect(second).toEqual({ id: 3, results: checkQuotes(quotes, sources) });
  });

  it('rebuilds when a revision changes the fingerprint, and keeps only a few workspaces', () => {
    const cache = new QuoteIndexCache(2);
    cache.build(key, sources);
    expect(cache.get({ ...key, fingerprint: revisionFingerprint([{ articleId: 'a', revisionId: 'r2' }]) })).toBeNull();
    cache.build({ workspaceId: 'w2', fingerprint: 'f' }, sources);
    cache.build({ workspaceId: 'w3', fingerprint: 'f' }, sources);
    expect(cache.size).toBe(2);
    expect(cache.get(key)).toBeNull();
  });

  it('does not look up a quote over the length cap', () => {
    const [, long] = checkQuotes(quotes, sources);
    expect(long!.result).toEqual({ kind: 'not_found', bestSimilarity: 0, tooLong: true });
  });

  it('reads the page number from the address, page 1 for anything else', () => {
    expect(quoteCheckPage('3')).toBe(3);
    for (const value of [undefined, '', '0', '-1', '1.5', 'x', '\u0000', '9'.repeat(40)])
      expect(quoteCheckPage(value)).toBe(1);
  });
});
