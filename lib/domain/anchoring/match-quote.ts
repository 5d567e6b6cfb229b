// Finding a quote in text, from cheap to robust, scoring candidates by how well their
// surroundings agree with the stored prefix and suffix and how near they are to where
// the quote was expected. Modelled on Hypothesis' match-quote.ts.
import search from 'approx-string-match';
import type { TextQuote } from './types';

export type Region = { from: number; to: number };
export type QuoteMatch = { start: number; end: number; errors: number };

const MAX_EXACT_CANDIDATES = 2_000;
const MIN_FUZZY_LENGTH = 10;
/** A fuzzy match may differ from the quote in at most this share of its characters. */
export const FUZZY_ERROR_RATE = 0.2;

export function maxFuzzyErrors(exact: string): number {
  return exact.length < MIN_FUZZY_LENGTH ? 0 : Math.floor(exact.length * FUZZY_ERROR_RATE);
}

/** Share (0..1) of `expected` found right before `end` in text, compared from the quote outwards. */
function prefixAgreement(text: string, end: number, expected: string): number {
  if (!expected) return 1;
  let same = 0;
  while (same < expected.length && end - same - 1 >= 0 && text[end - same - 1] === expected[expected.length - same - 1])
    same++;
  return same / expected.length;
}

function suffixAgreement(text: string, start: number, expected: string): number {
  if (!expected) return 1;
  let same = 0;
  while (same < expected.length && text[start + same] === expected[same]) same++;
  return same / expected.length;
}

function score(text: string, quote: TextQuote, match: QuoteMatch, hint: number): number {
  const context = prefixAgreement(text, match.start, quote.prefix) + suffixAgreement(text, match.end, quote.suffix);
  const distance = Math.abs(match.start - hint) / Math.max(1, text.length);
  const errors = match.errors / Math.max(1, quote.exact.length);
  return 20 * context + 2 * (1 - distance) - 50 * errors;
}

function best(text: string, quote: TextQuote, matches: QuoteMatch[], hint: number): QuoteMatch | null {
  let winner: QuoteMatch | null = null;
  let winnerScore = -Infinity;
  for (const match of matches) {
    const value = score(text, quote, match, hint);
    if (value > winnerScore) {
      winner = match;
      winnerScore = value;
    }
  }
  return winner;
}

/** Every occurrence of the exact quote inside the region, best context first. */
export function findExactQuote(text: string, quote: TextQuote, hint: number, region?: Region): QuoteMatch | null {
  const from = region?.from ?? 0;
  const to = region?.to ?? text.length;
  const matches: QuoteMatch[] = [];
  let at = text.indexOf(quote.exact, from);
  while (at !== -1 && at + quote.exact.length <= to && matches.length < MAX_EXACT_CANDIDATES) {
    matches.push({ start: at, end: at + quote.exact.length, errors: 0 });
    at = text.indexOf(quote.exact, at + 1);
  }
  return best(text, quote, matches, hint);
}

/** The closest approximate occurrence inside the region, within the error bound; null if none. */
export function findFuzzyQuote(text: string, quote: TextQuote, hint: number, region?: Region): QuoteMatch | null {
  const maxErrors = maxFuzzyErrors(quote.exact);
  if (maxErrors === 0) return null;
  const from = Math.max(0, region?.from ?? 0);
  const to = Math.min(text.length, region?.to ?? text.length);
  if (to - from < quote.exact.length - maxErrors) return null;
  const found = search(text.slice(from, to), quote.exact, maxErrors)
    .map((match) => ({ start: match.start + from, end: match.end + from, errors: match.errors }))
    .filter((match) => match.end > match.start);
  return best(text, quote, found, hint);
}
