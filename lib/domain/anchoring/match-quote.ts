// Candidate occurrences of a quote and how to rank them, after Hypothesis' match-quote: a
// candidate is scored on the similarity of its words to the quote, of its surroundings to
// the stored prefix and suffix (graded, see text-similarity.ts) and on its distance from
// where it was expected. Acceptance rules (how much context a candidate needs) live with
// the re-anchorer, which knows whether a candidate is near the old place or elsewhere.
import search from 'approx-string-match';
import { contextAgreement, editDistance, type ContextAgreement } from './text-similarity';
import type { TextQuote } from './types';

export type Region = { from: number; to: number };
export type QuoteMatch = { start: number; end: number; errors: number };
export type Candidate = QuoteMatch & ContextAgreement & { context: number; score: number };

const MAX_EXACT_CANDIDATES = 500;
export const MIN_FUZZY_LENGTH = 10;
/** Below this length a quote matches fuzzily only with its context intact: a few letters alike mean little. */
const MIN_LOOSE_FUZZY_LENGTH = 20;
/** A fuzzy match near the old place may differ from the quote in this share of its characters... */
export const FUZZY_ERROR_RATE = 0.2;
/** ...and in this share when its context on both sides is intact (a larger edit inside the quote). */
export const INTACT_CONTEXT_ERROR_RATE = 0.4;
/** Context agreement (0..1, mean of both sides) that counts as intact. */
export const INTACT_CONTEXT = 0.75;

/**
 * Errors allowed for a fuzzy match of `exact` whose context agrees to `context` (0..1).
 * Short quotes match fuzzily only with intact context; without a context argument, the
 * largest bound any match can get.
 */
export function maxFuzzyErrors(exact: string, context = 1): number {
  if (exact.length < MIN_FUZZY_LENGTH) return context >= INTACT_CONTEXT ? Math.max(1, Math.floor(exact.length / 4)) : 0;
  if (context >= INTACT_CONTEXT) return Math.floor(exact.length * INTACT_CONTEXT_ERROR_RATE);
  if (exact.length < MIN_LOOSE_FUZZY_LENGTH) return 0;
  if (context >= 0.4) return Math.floor(exact.length * FUZZY_ERROR_RATE);
  return Math.floor(exact.length * FUZZY_ERROR_RATE * 0.5);
}

/** Every occurrence of the exact quote starting inside the region (capped). */
export function exactMatches(text: string, exact: string, region: Region): QuoteMatch[] {
  const matches: QuoteMatch[] = [];
  let at = text.indexOf(exact, region.from);
  while (at !== -1 && at + exact.length <= region.to && matches.length < MAX_EXACT_CANDIDATES) {
    matches.push({ start: at, end: at + exact.length, errors: 0 });
    at = text.indexOf(exact, at + 1);
  }
  return matches;
}

const MAX_FUZZY_CANDIDATES = 100;

/**
 * Approximate occurrences (at most `maxErrors` edits) inside the region, fewest errors first.
 * The search reports a match at nearly every end position around a good one; only the closest
 * are worth scoring on context.
 */
export function fuzzyMatches(text: string, exact: string, maxErrors: number, region: Region): QuoteMatch[] {
  const from = Math.max(0, region.from);
  const to = Math.min(text.length, region.to);
  if (maxErrors <= 0 || to - from < exact.length - maxErrors) return [];
  return search(text.slice(from, to), exact, maxErrors)
    .map((match) => ({ start: match.start + from, end: match.end + from, errors: match.errors }))
    .filter((match) => match.end > match.start)
    .sort((a, b) => a.errors - b.errors || a.start - b.start)
    .slice(0, MAX_FUZZY_CANDIDATES);
}

/** Score 0..1 (1: the exact words, with the stored context, where expected); `hint` is the expected start. */
export function scoreCandidate(text: string, quote: TextQuote, match: QuoteMatch, hint?: number): Candidate {
  const agreement = contextAgreement(text, quote, match.start, match.end);
  const words = 1 - match.errors / Math.max(1, quote.exact.length);
  const distance = hint === undefined ? 0 : Math.abs(match.start - hint) / Math.max(1, text.length);
  // Hypothesis' weights: the words count most, each side of the context less, distance breaks ties.
  const score = (50 * words + 20 * agreement.prefix + 20 * agreement.suffix + 2 * (1 - distance)) / 92;
  return { ...match, ...agreement, context: (agreement.prefix + agreement.suffix) / 2, score };
}

const REFINE_REACH = 2;
const MAX_REFINED_LENGTH = 200;

/**
 * The approximate search reports one start per end, the first of equally good ones, so a
 * match can take in a quotation mark or a space beside the words: try the nearby bounds and
 * keep the fewest errors, then the best context.
 */
export function refineCandidate(text: string, quote: TextQuote, candidate: Candidate, hint?: number): Candidate {
  if (candidate.errors === 0) return candidate;
  // The search's error count for the start it reports is not always that span's own distance: recount.
  const errors = editDistance(quote.exact, text.slice(candidate.start, candidate.end));
  let winner = errors === candidate.errors ? candidate : scoreCandidate(text, quote, { ...candidate, errors }, hint);
  if (quote.exact.length > MAX_REFINED_LENGTH) return winner;
  for (let start = candidate.start - REFINE_REACH; start <= candidate.start + REFINE_REACH; start++) {
    for (let end = candidate.end - REFINE_REACH; end <= candidate.end + REFINE_REACH; end++) {
      if (start < 0 || end > text.length || end <= start || (start === candidate.start && end === candidate.end))
        continue;
      const errors = editDistance(quote.exact, text.slice(start, end));
      if (errors > winner.errors) continue;
      const variant = scoreCandidate(text, quote, { start, end, errors }, hint);
      if (errors < winner.errors || variant.score > winner.score) winner = variant;
    }
  }
  return winner;
}

export function bestCandidate(candidates: Candidate[]): Candidate | null {
  let winner: Candidate | null = null;
  for (const candidate of candidates) if (!winner || candidate.score > winner.score) winner = candidate;
  return winner;
}

/**
 * The best-scored occurrence of the quote anywhere in the text: exact ones if any, else
 * approximate ones within `maxErrors`. The re-anchorer is stricter (it knows where the quote
 * was); this is for callers with nothing but a quote and maybe a hint, such as imports.
 */
export function matchQuote(
  text: string,
  quote: TextQuote,
  options: { hint?: number; maxErrors?: number } = {},
): Candidate | null {
  if (!quote.exact || !text) return null;
  const whole = { from: 0, to: text.length };
  const exacts = exactMatches(text, quote.exact, whole);
  const matches = exacts.length ? exacts : fuzzyMatches(text, quote.exact, options.maxErrors ?? 0, whole);
  const winner = bestCandidate(matches.map((match) => scoreCandidate(text, quote, match, options.hint)));
  return winner && refineCandidate(text, quote, winner, options.hint);
}

/** The exact occurrence with the best context and distance inside the region; null if none. */
export function findExactQuote(text: string, quote: TextQuote, hint: number, region?: Region): QuoteMatch | null {
  const matches = exactMatches(text, quote.exact, region ?? { from: 0, to: text.length });
  const winner = bestCandidate(matches.map((match) => scoreCandidate(text, quote, match, hint)));
  return winner && { start: winner.start, end: winner.end, errors: 0 };
}
