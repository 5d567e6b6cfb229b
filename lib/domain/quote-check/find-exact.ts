// Step 1 of the Quote check: the quote appears word for word, either byte-identical or equal
// after normalisation. indexOf over each article is fast enough (V8 skips through the text),
// and is exact by construction, so it runs before any approximate search.
import { isWordCodePoint, toOriginalRange, trimFramingPunctuation } from './normalise-for-matching';
import type { IndexedArticle } from './quote-index';

export type ExactHit = { article: IndexedArticle; start: number; end: number };

/** Occurrences inspected for word boundaries before settling for the first one. */
const MAX_OCCURRENCES = 200;

function startsWord(text: string): boolean {
  return text.length > 0 && isWordCodePoint(text.codePointAt(0)!);
}

function endsWord(text: string): boolean {
  return text.length > 0 && isWordCodePoint(text.charCodeAt(text.length - 1));
}

/**
 * The first occurrence of `needle` that does not start or end inside a word ("unit" should
 * land on "unit", not inside "units"), else the first occurrence at all: a quote cut mid-word
 * is still a verbatim quote. -1 when absent.
 */
function findOccurrence(haystack: string, needle: string): { index: number; onWordBoundary: boolean } {
  const first = haystack.indexOf(needle);
  if (first === -1) return { index: -1, onWordBoundary: false };
  const checkStart = startsWord(needle);
  const checkEnd = endsWord(needle);
  if (!checkStart && !checkEnd) return { index: first, onWordBoundary: true };
  let at = first;
  for (let seen = 0; at !== -1 && seen < MAX_OCCURRENCES; seen++) {
    const before = at > 0 ? haystack.charCodeAt(at - 1) : -1;
    const after = at + needle.length < haystack.length ? haystack.charCodeAt(at + needle.length) : -1;
    if ((!checkStart || !isWordCodePoint(before)) && (!checkEnd || !isWordCodePoint(after)))
      return { index: at, onWordBoundary: true };
    at = haystack.indexOf(needle, at + 1);
  }
  return { index: first, onWordBoundary: false };
}

/** The best occurrence across articles, in article order: on word boundaries if any article has one. */
function findAcross(
  articles: IndexedArticle[],
  needle: string,
  textOf: (article: IndexedArticle) => string,
): { article: IndexedArticle; index: number } | null {
  let fallback: { article: IndexedArticle; index: number } | null = null;
  for (const article of articles) {
    const { index, onWordBoundary } = findOccurrence(textOf(article), needle);
    if (index === -1) continue;
    if (onWordBoundary) return { article, index };
    fallback ??= { article, index };
  }
  return fallback;
}

/** The quote byte for byte (after trimming surrounding whitespace, which a selection often catches). */
export function findVerbatim(quote: string, articles: IndexedArticle[]): ExactHit | null {
  if (!quote) return null;
  const found = findAcross(articles, quote, (article) => article.text);
  return found && { article: found.article, start: found.index, end: found.index + quote.length };
}

/**
 * The quote equal after normalisation, first as a whole and then without its framing
 * quotation marks and punctuation. Positions are mapped back to the original text.
 */
export function findNormalised(normalisedQuote: string, articles: IndexedArticle[]): ExactHit | null {
  const core = trimFramingPunctuation(normalisedQuote);
  for (const needle of core === normalisedQuote ? [normalisedQuote] : [normalisedQuote, core]) {
    if (!needle) continue;
    const found = findAcross(articles, needle, (article) => article.normalised.text);
    if (found) {
      const [start, end] = toOriginalRange(found.article.normalised, found.index, found.index + needle.length);
      return { article: found.article, start, end };
    }
  }
  return null;
}
