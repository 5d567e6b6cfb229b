// Graded agreement between the context stored with a quote and the text around a candidate.
// Edit distance rather than "equal characters until the first difference": one changed
// character next to the quote costs one character of agreement, not all of it.
import type { TextQuote } from './types';

/** The last row of the edit-distance table of `pattern` against `text`; with a free start, text may be skipped before the match. */
function lastRow(pattern: string, text: string, freeStart: boolean): number[] {
  let previous = Array.from({ length: text.length + 1 }, (_, j) => (freeStart ? 0 : j));
  let current = new Array<number>(text.length + 1);
  for (let i = 1; i <= pattern.length; i++) {
    current[0] = i;
    const code = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j++) {
      const substitution = previous[j - 1]! + (code === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}

/** Levenshtein distance; the strings compared here are contexts and quotes of modest length. */
export function editDistance(a: string, b: string): number {
  return a === b ? 0 : lastRow(a, b, false)[b.length]!;
}

/**
 * Myers' bit-parallel edit distance (1999), for a pattern of at most 32 characters: one pass of
 * a few word operations per character of the text instead of a row of the table. Contexts are
 * 32 characters, and re-anchoring compares thousands of them per revision. approx-string-match
 * has the same core but reports every match with its start (a second, reverse pass); here only
 * the smallest distance is wanted.
 */
function bitParallelSubstringDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const equal = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    equal.set(code, (equal.get(code) ?? 0) | (1 << i));
  }
  const high = m - 1;
  let positive = m === 32 ? -1 : (1 << m) - 1; // vertical +1 deltas: all of the first column
  let negative = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length && best > 0; j++) {
    const eq = equal.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | negative;
    const xh = (((((eq & positive) >>> 0) + (positive >>> 0)) >>> 0) ^ positive) | eq;
    let ph = negative | ~(xh | positive);
    let mh = positive & xh;
    if ((ph >>> high) & 1) score++;
    else if ((mh >>> high) & 1) score--;
    // The text's start is free: no +1 carried into the first row.
    ph <<= 1;
    mh <<= 1;
    positive = mh | ~(xv | ph);
    negative = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

/** Fewest edits turning `pattern` into some substring of `text` (the text's ends cost nothing). */
export function substringDistance(pattern: string, text: string): number {
  if (!pattern.length) return 0;
  if (pattern.length <= 32) return bitParallelSubstringDistance(pattern, text);
  return Math.min(...lastRow(pattern, text, true));
}

/** The table-based distance, kept as the reference the bit-parallel one is tested against. */
export function substringDistanceByTable(pattern: string, text: string): number {
  return Math.min(...lastRow(pattern, text, true));
}

/**
 * 0..1: how much of `expected` is found in `actual`, the text of the same length next to a
 * candidate (1 when nothing was expected). As in Hypothesis, the expected context may match
 * anywhere inside that window, so text inserted or removed beside the quote costs only its length.
 */
export function similarity(expected: string, actual: string): number {
  if (!expected.length) return 1;
  if (expected === actual) return 1;
  return Math.max(0, 1 - substringDistance(expected, actual) / expected.length);
}

export type ContextAgreement = { prefix: number; suffix: number };

/** How well the text before and after text[start, end) agrees with the stored prefix and suffix. */
export function contextAgreement(text: string, quote: TextQuote, start: number, end: number): ContextAgreement {
  return {
    prefix: similarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start)),
    suffix: similarity(quote.suffix, text.slice(end, end + quote.suffix.length)),
  };
}

/** True when the stored prefix and suffix stand unchanged around text[start, end). */
export function hasSameContext(text: string, quote: TextQuote, start: number, end: number): boolean {
  return (
    start >= quote.prefix.length &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, end)
  );
}
