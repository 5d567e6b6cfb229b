// The Quote check for one quote: exact (byte-identical, then normalised), else the closest
// passage by word-level alignment, classified near or not found.
//
// Why word level rather than characters: the quotes fact-checkers compare are usually the same
// statement transcribed differently, with words added, dropped or swapped ("immigration
// prosecutions" / "prosecutions", a rewritten clause). Character-level approximate search
// (approx-string-match, Myers' bit-parallel algorithm, as Hypothesis uses to re-anchor) needs an
// error budget of ~40% of the quote to reach such a passage; at that budget it also matches
// unrelated text of the same length, and it costs O(text × quote/32) per quote over every
// article. Word alignment is insensitive to case, quote style and hyphenation by construction
// and shows its result directly as a word diff.
//
// How the passage is found, fast: (1) seeds: the quote's rarest words (by frequency in the
// searched articles) are looked up in the inverted index; (2) windows: a window of ~1.5× the
// quote's length slides over the seed hits, scored by the summed IDF of the distinct quote words
// it contains, keeping the few best non-overlapping windows; (3) each window, widened by half a
// quote on both sides, is aligned with the quote by Smith–Waterman over word ids; (4) the
// aligned span is widened to cover words of the quote left unaligned at either end, without
// crossing a sentence break, so the passage shows what the source says in their place.
import { alignLocally } from './align-words';
import { findNormalised, findVerbatim } from './find-exact';
import { normaliseForMatching } from './normalise-for-matching';
import { buildQuoteIndex, type IndexedArticle, type QuoteIndex } from './quote-index';
import { isSentenceBreak, tokenise } from './tokenise';
import type { QuoteCheckResult, QuoteCheckSource } from './types';
import { isFunctionWord } from './function-words';
import { passageSimilarity } from './similarity';
import { diffQuoteWords } from './word-diff';

/**
 * Similarity (see similarity.ts: the lower of the all-words and content-words ratios of shared
 * words to the longer side) needed for `near`. Measured on the seed articles: the two
 * transcriptions of the IG sentence score 0.62 (0.68 on all words), the Bash quote 0.66 and
 * 0.87, "the Inspector General’s report said" / "the draft IG report said" 0.40 and 0.60; every
 * other sentence of one article against the other (same story, same names) scores at most
 * 0.40. In the benchmark (shared vocabulary) absent sentences score at most 0.29 and planted
 * paraphrases (about a quarter of the words changed) at least 0.59. 0.5 sits in the gap, and
 * reads naturally: at least half of the words, and half of the meaningful ones, agree in order.
 */
export const NEAR_THRESHOLD = 0.5;
/**
 * Quotes of fewer words are checked for exact matches only: with three words, any passage
 * sharing two of them in order would score 0.67, which says nothing.
 */
export const MIN_NEAR_QUOTE_WORDS = 4;
/** A near match must share at least this many words with the quote, whatever its length. */
export const MIN_SHARED_WORDS = 3;
/**
 * Longer quotes (~2,500 characters and up) are passages rather than quotations; they are
 * checked for exact matches only, which bounds the alignment (quote × region, five regions)
 * per quote: 40 quotes of 1,000 words took 6-7 s of alignment in one request at 1,000.
 */
export const MAX_NEAR_QUOTE_WORDS = 400;

/**
 * Seed hits examined per quote: the rarest words are taken until their occurrences exceed
 * this. Sorting and sweeping the hits is the main cost of a check; in the benchmark, 2,000
 * already finds every planted near quote, so 4,000 leaves room for paraphrases whose rarest
 * words are the ones that were changed.
 */
const SEED_BUDGET = 4_000;
/** ...but at least this many distinct words, so a quote of common words still gets seeds. */
const MIN_SEED_WORDS = 3;
/** Windows aligned per quote. */
const MAX_CANDIDATES = 5;
/** Seed hits are packed as position × LOCAL_BASE + quote-local word index, to sort them as numbers (> MAX_NEAR_QUOTE_WORDS). */
const LOCAL_BASE = 4_096;

type Candidate = { score: number; position: number };

type NearPassage = {
  article: IndexedArticle;
  start: number;
  end: number;
  similarity: number;
  shared: number;
  alignmentScore: number;
};

/** Ids of the quote's words in the index; words absent from every article get distinct negative ids that match nothing. */
function quoteWordIds(keys: string[], index: QuoteIndex): Int32Array {
  return Int32Array.from(keys, (key, i) => index.vocabulary.get(key) ?? -(i + 1));
}

/** Starting positions of the best windows of seed hits, at most MAX_CANDIDATES, not overlapping. */
function candidateWindows(quoteIds: Int32Array, index: QuoteIndex, allowed: Uint8Array, window: number): number[] {
  const locals = new Map<number, number>();
  for (const id of quoteIds) if (id >= 0 && !locals.has(id)) locals.set(id, locals.size);
  const frequency = (id: number) => index.postingStart[id + 1]! - index.postingStart[id]!;
  const byRarity = [...locals.keys()].sort((a, b) => frequency(a) - frequency(b));
  const weights = new Float64Array(locals.size);
  let budget = 0;
  const seeds: number[] = [];
  for (const id of byRarity) {
    const count = frequency(id);
    if (seeds.length >= MIN_SEED_WORDS && budget + count > SEED_BUDGET) break;
    seeds.push(id);
    budget += count;
    // IDF: a shared rare name says far more about where the quote comes from than a shared "the".
    weights[locals.get(id)!] = Math.log(index.totalTokens / count);
  }

  const hits = new Float64Array(budget);
  let hitCount = 0;
  for (const id of seeds) {
    const local = locals.get(id)!;
    for (let p = index.postingStart[id]!; p < index.postingStart[id + 1]!; p++) {
      const position = index.postings[p]!;
      if (allowed[index.tokenArticle[position]!]) hits[hitCount++] = position * LOCAL_BASE + local;
    }
  }
  const sorted = hits.subarray(0, hitCount).sort();
  const positionOf = (k: number) => Math.floor(sorted[k]! / LOCAL_BASE);
  const localOf = (k: number) => sorted[k]! % LOCAL_BASE;

  // Two pointers: hits [left, right) lie in one article within `window` tokens of the left hit.
  const inWindow = new Int32Array(locals.size);
  const best: Candidate[] = [];
  let score = 0;
  let right = 0;
  for (let left = 0; left < hitCount; left++) {
    const start = positionOf(left);
    const article = index.tokenArticle[start]!;
    while (
      right < hitCount &&
      positionOf(right) < start + window &&
      index.tokenArticle[positionOf(right)] === article
    ) {
      if (inWindow[localOf(right)]!++ === 0) score += weights[localOf(right)]!;
      right++;
    }
    keepCandidate(best, { score, position: start }, window, index);
    if (--inWindow[localOf(left)]! === 0) score -= weights[localOf(left)]!;
  }
  return best.map((candidate) => candidate.position);
}

/**
 * Keeps the best MAX_CANDIDATES windows while streaming: a window overlapping a kept one
 * replaces it only if it scores higher, so one hot spot cannot crowd out the other places.
 */
function keepCandidate(best: Candidate[], candidate: Candidate, window: number, index: QuoteIndex): void {
  // Most windows score below every kept one; they could neither replace nor join the list.
  if (best.length === MAX_CANDIDATES && best.every((kept) => candidate.score <= kept.score)) return;
  const overlapping = best.findIndex(
    (kept) =>
      Math.abs(kept.position - candidate.position) < window &&
      index.tokenArticle[kept.position] === index.tokenArticle[candidate.position],
  );
  if (overlapping !== -1) {
    if (candidate.score > best[overlapping]!.score) best[overlapping] = candidate;
    return;
  }
  if (best.length < MAX_CANDIDATES) best.push(candidate);
  else {
    let weakest = 0;
    for (let k = 1; k < best.length; k++) if (best[k]!.score < best[weakest]!.score) weakest = k;
    if (candidate.score > best[weakest]!.score) best[weakest] = candidate;
  }
}

function separatorBefore(index: QuoteIndex, article: IndexedArticle, position: number): string {
  return article.text.slice(index.tokenEnds[position - 1]!, index.tokenStarts[position]!);
}

type QuoteWords = { ids: Int32Array; isContent: boolean[] };

function alignAt(quote: QuoteWords, index: QuoteIndex, position: number, window: number): NearPassage | null {
  const quoteIds = quote.ids;
  const article = index.articles[index.tokenArticle[position]!]!;
  const m = quoteIds.length;
  const margin = Math.ceil(m / 2) + 8;
  const from = Math.max(article.firstToken, position - margin);
  const to = Math.min(article.endToken, position + window + margin);
  const alignment = alignLocally(quoteIds, index.tokenIds, from, to);
  if (!alignment) return null;

  // Show the source's words in place of the quote's unaligned lead-in and tail, within the sentence.
  let first = alignment.sourceStart;
  for (let k = 0; k < alignment.quoteStart; k++) {
    if (first <= article.firstToken || isSentenceBreak(separatorBefore(index, article, first))) break;
    first--;
  }
  let end = alignment.sourceEnd;
  for (let k = alignment.quoteEnd; k < m; k++) {
    if (end >= article.endToken || isSentenceBreak(separatorBefore(index, article, end))) break;
    end++;
  }
  const passageIds = Array.from(index.tokenIds.subarray(first, end));
  const { similarity, shared } = passageSimilarity(
    Array.from(quoteIds),
    quote.isContent,
    passageIds,
    passageIds.map((id) => index.functionWord[id] === 0),
  );
  return {
    article,
    start: index.tokenStarts[first]!,
    end: index.tokenEnds[end - 1]!,
    similarity,
    shared,
    alignmentScore: alignment.score,
  };
}

function findNear(quote: QuoteWords, index: QuoteIndex, allowed: Uint8Array): NearPassage | null {
  const window = Math.ceil(quote.ids.length * 1.5) + 4;
  let best: NearPassage | null = null;
  for (const position of candidateWindows(quote.ids, index, allowed, window)) {
    const found = alignAt(quote, index, position, window);
    if (
      found &&
      (!best ||
        found.similarity > best.similarity ||
        (found.similarity === best.similarity && found.alignmentScore > best.alignmentScore))
    )
      best = found;
  }
  return best;
}

/** Interior words compared around the rarest one: enough to rule out chance, bounded for hostile quotes ("the the the …"). */
const RUN_CHECK_REACH = 16;

/**
 * The articles where the quote can occur word for word at all: those whose token stream holds
 * the quote's *interior* words (the first and last may be cut mid-word) as a consecutive run,
 * found through the postings of the rarest of them. Interior words are the same tokens in the
 * quote and in any occurrence of it, since normalisation and tokenisation look no further than
 * one character around. Scanning the articles with indexOf (verbatim, normalised, without
 * framing) was the largest cost of a check: paraphrases and absent quotes share their rarest
 * word with many articles, but almost never a run of their words, so most skip the scan.
 */
function articlesThatMayContain(keys: string[], index: QuoteIndex, articles: IndexedArticle[]): IndexedArticle[] {
  if (keys.length < 3) return articles;
  const interior = new Int32Array(keys.length - 2);
  let rarestAt = -1;
  let rarestCount = Infinity;
  for (let k = 0; k < interior.length; k++) {
    const id = index.vocabulary.get(keys[k + 1]!);
    if (id === undefined) return [];
    interior[k] = id;
    const count = index.postingStart[id + 1]! - index.postingStart[id]!;
    if (count < rarestCount) {
      rarestAt = k;
      rarestCount = count;
    }
  }
  const from = Math.max(0, rarestAt - RUN_CHECK_REACH);
  const to = Math.min(interior.length, rarestAt + RUN_CHECK_REACH + 1);
  const rarest = interior[rarestAt]!;
  const holds = new Uint8Array(index.articles.length);
  postings: for (let p = index.postingStart[rarest]!; p < index.postingStart[rarest + 1]!; p++) {
    const position = index.postings[p]!;
    const article = index.tokenArticle[position]!;
    const first = position - rarestAt + from;
    const last = position - rarestAt + to - 1;
    if (holds[article] || first < 0 || last >= index.totalTokens) continue;
    if (index.tokenArticle[first] !== article || index.tokenArticle[last] !== article) continue;
    for (let k = from; k < to; k++) if (index.tokenIds[position - rarestAt + k] !== interior[k]) continue postings;
    holds[article] = 1;
  }
  return articles.filter((article) => holds[article.index] === 1);
}

/**
 * Checks one quote against `articles`, which must belong to `index` (the articles allowed as
 * sources for this quote). Positions refer to the original texts.
 */
export function checkQuoteInIndex(quote: string, index: QuoteIndex, articles: IndexedArticle[]): QuoteCheckResult {
  // Selections often catch a stray space or line break at either end; it is never part of the quote.
  const trimmed = quote.trim();
  if (!trimmed || articles.length === 0) return { kind: 'not_found', bestSimilarity: 0 };

  const keys = tokenise(trimmed).map((token) => token.key);
  const mayContain = articlesThatMayContain(keys, index, articles);
  const exact = findVerbatim(trimmed, mayContain) ?? findNormalised(normaliseForMatching(trimmed).text, mayContain);
  if (exact) {
    const passage = exact.article.text.slice(exact.start, exact.end);
    return {
      kind: 'exact',
      articleId: exact.article.articleId,
      start: exact.start,
      end: exact.end,
      passage,
      normalisedOnly: passage !== trimmed,
      similarity: 1,
    };
  }

  if (keys.length < MIN_NEAR_QUOTE_WORDS || keys.length > MAX_NEAR_QUOTE_WORDS)
    return { kind: 'not_found', bestSimilarity: 0 };
  const allowed = new Uint8Array(index.articles.length);
  for (const article of articles) allowed[article.index] = 1;
  const words = { ids: quoteWordIds(keys, index), isContent: keys.map((key) => !isFunctionWord(key)) };
  const near = findNear(words, index, allowed);
  if (!near) return { kind: 'not_found', bestSimilarity: 0 };
  if (near.similarity < NEAR_THRESHOLD || near.shared < MIN_SHARED_WORDS)
    return { kind: 'not_found', bestSimilarity: near.similarity };
  const passage = near.article.text.slice(near.start, near.end);
  return {
    kind: 'near',
    articleId: near.article.articleId,
    start: near.start,
    end: near.end,
    passage,
    similarity: near.similarity,
    diff: diffQuoteWords(trimmed, passage),
  };
}

/** The closest passage to `quote` over all `sources`. */
export function findClosestPassage(quote: string, sources: QuoteCheckSource[]): QuoteCheckResult {
  const index = buildQuoteIndex(sources);
  return checkQuoteInIndex(quote, index, index.articles);
}
