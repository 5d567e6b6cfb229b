// Text selectors as from/to pairs over the article's plain text, as Hypothesis keeps its
// anchor types: `from…` describes a range as a selector, `…ToRange` finds the range again.
import { CONTEXT_LENGTH } from '../anchoring/describe-text-range';
import { findExactQuote } from '../anchoring/match-quote';
import type { TextPosition, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';

/** Bounds shared by the parser, the OpenAPI document and the W3C tests: one source for each limit. */
export const SELECTOR_LIMITS = {
  exact: 20_000,
  context: 1_000,
  /** Other tools' selectors (RangeSelector, XPathSelector…) kept as given. */
  extraSelectors: 8,
  extraSelectorsBytes: 8_192,
} as const;

export type TextRange = TextPosition;

export function textPositionFromRange(range: TextRange): TextPositionSelector {
  return { type: 'TextPositionSelector', start: range.start, end: range.end };
}

/** The range, or null when the selector does not fit the text or is empty. */
export function textPositionToRange(text: string, selector: { start: number; end: number }): TextRange | null {
  const { start, end } = selector;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  return { start, end };
}

export function textQuoteFromRange(text: string, range: TextRange, contextLength = CONTEXT_LENGTH): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(range.start, range.end),
    prefix: text.slice(Math.max(0, range.start - contextLength), range.start),
    suffix: text.slice(range.end, range.end + contextLength),
  };
}

/**
 * Where the quote stands, preferring the occurrence whose prefix and suffix agree and that is
 * nearest `hint`; only exact occurrences (an annotation made elsewhere names words that are there).
 */
export function textQuoteToRange(
  text: string,
  selector: { exact: string; prefix?: string; suffix?: string },
  hint = 0,
): TextRange | null {
  if (!selector.exact) return null;
  const match = findExactQuote(
    text,
    { exact: selector.exact, prefix: selector.prefix ?? '', suffix: selector.suffix ?? '' },
    hint,
  );
  return match ? { start: match.start, end: match.end } : null;
}
