import type { Anchor } from './types';

/** Context kept on each side of a quote, as Hypothesis does. */
export const CONTEXT_LENGTH = 32;

export class InvalidRangeError extends Error {}

/** Builds the quote (with prefix and suffix) and position selectors for text[start, end). */
export function describeTextRange(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new InvalidRangeError(
      `Range [${start}, ${end}) is not a non-empty range inside the text (length ${text.length}).`,
    );
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { start, end },
  };
}

/** True when the selectors agree with the text: the quote is what stands at the position. */
export function quoteMatchesPosition(text: string, anchor: Anchor): boolean {
  const { start, end } = anchor.position;
  return start >= 0 && end <= text.length && start < end && text.slice(start, end) === anchor.quote.exact;
}
