// Finding each annotation again in a new revision, from cheap to robust:
// 1. text carried over unchanged (a surviving block, or the untouched ends of an edited
//    stretch) maps the old offsets exactly;
// 2. near the expected place (the edited stretch between its surviving neighbours): the exact
//    words or a fuzzy match, with an error allowance that grows with how intact the context is;
// 3. elsewhere: only candidates whose context agrees on both sides, found through an index of
//    the new text's words rather than a scan of all of it;
// 4. otherwise orphaned: reported, never guessed;
// 5. not searched, once the revision's search budget is spent, so a revision that deletes
//    thousands of passages cannot hang the save; never called orphaned, since nobody looked.
// Text carried over from elsewhere in the old text is never a candidate: it stood there
// already, so it is some other passage's words, however alike.
import {
  bestCandidate,
  exactMatches,
  fuzzyMatches,
  maxFuzzyErrors,
  MIN_FUZZY_LENGTH,
  refineCandidate,
  scoreCandidate,
  FUZZY_ERROR_RATE,
  INTACT_CONTEXT,
  type Candidate,
  type QuoteMatch,
  type Region,
} from './match-quote';
import { CONTEXT_LENGTH } from './describe-text-range';
import { hasSameContext } from './text-similarity';
import { buildOffsetMapper, type OffsetMapper } from './text-offset-mapper';
import type { Anchor, AnchorResult } from './types';
import { quoteWords, WordIndex } from './word-index';

/** Exact words near the old place need this much context, unless the quote is long enough to speak for itself. */
const NEAR_EXACT_CONTEXT = 0.6;
const SELF_EVIDENT_LENGTH = 24;
/** Candidates elsewhere need agreement on both sides: this on average, and this at least on each. */
const FAR_CONTEXT = INTACT_CONTEXT;
const FAR_SIDE_CONTEXT = 0.5;
/** Without a block diff, "near" is this many characters either side of the old offset. */
const NEAR_WINDOW = 4_000;
const MAX_INDEXED_OCCURRENCES = 100;
const WHOLE_SCAN_MIN_LENGTH = 30;
/**
 * Search work allowed per revision, in characters scanned (approximately): enough for
 * thousands of lost passages on a 100,000-word text, bounded so a save always finishes.
 */
export const DEFAULT_SEARCH_BUDGET = 60_000_000;
const SCORE_COST = 2_000;

/** Each approximate search has a fixed cost beyond the characters it scans. */
const WINDOW_COST = 2_000;

export type ReanchorOptions = { budget?: number };

/**
 * Work units bound the search, and nothing else: a wall-clock limit would make the same save
 * orphan annotations on a busy machine that it finds on an idle one, so a reviewer's evidence
 * would depend on the server's load. Units are deterministic; what they cost in time is what
 * bench:anchoring measures.
 */
class Budget {
  constructor(private remaining: number) {}
  spend(units: number): void {
    this.remaining -= units;
  }
  get exhausted(): boolean {
    return this.remaining <= 0;
  }
}

type Search = { mapper?: OffsetMapper; budget: Budget; index: () => WordIndex };

function searchFor(newText: string, mapper: OffsetMapper | undefined, options: ReanchorOptions): Search {
  let index: WordIndex | undefined;
  return {
    mapper,
    budget: new Budget(options.budget ?? DEFAULT_SEARCH_BUDGET),
    index: () => (index ??= new WordIndex(newText)),
  };
}

function found(newText: string, anchor: Anchor, match: QuoteMatch, inPlace: boolean, score?: number): AnchorResult {
  const { start, end } = match;
  if (match.errors > 0 || newText.slice(start, end) !== anchor.quote.exact)
    return { state: 'fuzzy', start, end, errors: Math.max(1, match.errors), ...(score === undefined ? {} : { score }) };
  const exact = inPlace && hasSameContext(newText, anchor.quote, start, end);
  return { state: exact ? 'exact' : 'moved', start, end, ...(score === undefined ? {} : { score }) };
}

const normalized = (candidate: Candidate) => Math.round(candidate.score * 1000) / 1000;

function score(newText: string, anchor: Anchor, matches: QuoteMatch[], hint: number, search: Search): Candidate[] {
  const { mapper } = search;
  const fresh = mapper ? matches.filter((match) => !mapper.isCarried(match.start, match.end)) : matches;
  search.budget.spend(fresh.length * SCORE_COST);
  return fresh.map((match) => scoreCandidate(newText, anchor.quote, match, hint));
}

/** The best acceptable candidate near the expected place, exact words first. */
function nearby(
  newText: string,
  anchor: Anchor,
  region: Region,
  where: { hint: number; uncertainty: number },
  search: Search,
): Candidate | null {
  const { hint, uncertainty } = where;
  const { exact } = anchor.quote;
  // A large stretch (many edited blocks in a row) is searched only around where the quote was expected.
  const window = {
    from: Math.max(region.from, hint - NEAR_WINDOW),
    to: Math.min(region.to, hint + exact.length + NEAR_WINDOW),
  };
  const exacts = score(newText, anchor, exactMatches(newText, exact, window), hint, search);
  const selfEvident = exact.length >= SELF_EVIDENT_LENGTH && exacts.length === 1;
  const winner = bestCandidate(exacts.filter((c) => c.context >= NEAR_EXACT_CONTEXT || selfEvident));
  if (winner) return winner;

  const allowance = maxFuzzyErrors(exact);
  if (allowance === 0 || search.budget.exhausted) return null;
  search.budget.spend((window.to - window.from) * Math.ceil(exact.length / 32));
  const fuzzy = score(newText, anchor, fuzzyMatches(newText, exact, allowance, window), hint, search);
  // Leniency is for the old place itself (not the whole stretch: a deleted paragraph in it is no
  // licence to wander); further off, the context must agree as elsewhere. The old place is known
  // only as well as the edits around it allow: when they add or remove more than a context's
  // length before it, the hint is a guess, and a look-alike next to a guess is no evidence.
  const close = (c: Candidate) =>
    uncertainty <= CONTEXT_LENGTH && Math.abs(c.start - hint) <= CONTEXT_LENGTH + exact.length;
  const accept = (c: Candidate) => c.errors <= maxFuzzyErrors(exact, c.context) && (close(c) || agreesOnBothSides(c));
  return refined(newText, anchor, bestCandidate(fuzzy.filter(accept)), hint, accept);
}

function refined(
  newText: string,
  anchor: Anchor,
  winner: Candidate | null,
  hint: number,
  accept: (candidate: Candidate) => boolean,
): Candidate | null {
  if (!winner) return null;
  const better = refineCandidate(newText, anchor.quote, winner, hint);
  return accept(better) ? better : null; // the recounted errors are over the bound
}

function agreesOnBothSides(candidate: Candidate): boolean {
  return candidate.context >= FAR_CONTEXT && Math.min(candidate.prefix, candidate.suffix) >= FAR_SIDE_CONTEXT;
}

/** Windows of the new text where the quote could stand, around occurrences of its rarest words. */
function indexedWindows(anchor: Anchor, search: Search, slack: number, limit: number): Region[] | null {
  const { exact, prefix, suffix } = anchor.quote;
  const index = search.index();
  const rare = index.rarest(quoteWords(exact, prefix, suffix)).slice(0, limit);
  if (!rare.length) return null;
  const windows: Region[] = [];
  for (const word of rare) {
    const occurrences = index.occurrences(word.word);
    // Windows around a very common word would cover the text: no better than a scan.
    if (occurrences.length > MAX_INDEXED_OCCURRENCES) break;
    for (const at of occurrences)
      windows.push({ from: at - word.offset - slack, to: at - word.offset + exact.length + slack });
  }
  windows.sort((a, b) => a.from - b.from);
  const merged: Region[] = [];
  for (const window of windows) {
    const last = merged.at(-1);
    if (last && window.from <= last.to) last.to = Math.max(last.to, window.to);
    else merged.push({ ...window });
  }
  return merged;
}

/** Occurrences of the exact quote anywhere, found from the occurrences of its rarest whole word. */
function exactElsewhere(newText: string, anchor: Anchor, search: Search): QuoteMatch[] {
  const { exact, prefix, suffix } = anchor.quote;
  const words = quoteWords(exact, prefix, suffix).filter((word) => word.whole);
  if (!words.length) {
    search.budget.spend(newText.length / 8);
    return exactMatches(newText, exact, { from: 0, to: newText.length });
  }
  const index = search.index();
  // A whole word of the quote that is nowhere in the new text: neither is the quote.
  if (words.some((word) => index.occurrences(word.word).length === 0)) return [];
  const [rarest] = index.rarest(words);
  const occurrences = index.occurrences(rarest!.word);
  search.budget.spend(occurrences.length * 8);
  return occurrences
    .map((at) => at - rarest!.offset)
    .filter((start) => start >= 0 && newText.startsWith(exact, start))
    .map((start) => ({ start, end: start + exact.length, errors: 0 }));
}

/** The best candidate anywhere else whose context agrees on both sides. */
function elsewhere(newText: string, anchor: Anchor, hint: number, search: Search): Candidate | null {
  const { exact } = anchor.quote;
  const whole = { from: 0, to: newText.length };
  const exacts = exactElsewhere(newText, anchor, search);
  const winner = bestCandidate(score(newText, anchor, exacts, hint, search).filter(agreesOnBothSides));
  if (winner) return winner;

  const allowance = Math.floor(exact.length * FUZZY_ERROR_RATE);
  if (exact.length < MIN_FUZZY_LENGTH || search.budget.exhausted) return null;
  const fuzzyWindows =
    indexedWindows(anchor, search, allowance + 4, 2) ?? (exact.length >= WHOLE_SCAN_MIN_LENGTH ? [whole] : []);
  const matches: QuoteMatch[] = [];
  for (const window of fuzzyWindows) {
    if (search.budget.exhausted) break;
    search.budget.spend(WINDOW_COST + (window.to - window.from) * Math.ceil(exact.length / 32));
    matches.push(...fuzzyMatches(newText, exact, allowance, window));
  }
  const fuzzy = score(newText, anchor, matches, hint, search);
  return refined(newText, anchor, bestCandidate(fuzzy.filter(agreesOnBothSides)), hint, agreesOnBothSides);
}

function reanchorWith(newText: string, anchor: Anchor, search: Search): AnchorResult {
  const { exact } = anchor.quote;
  const { start, end } = anchor.position;
  const { mapper } = search;

  const carried = mapper?.locate(start, end);
  if (carried && newText.slice(carried.start, carried.end) === exact)
    return found(newText, anchor, { ...carried, errors: 0 }, !carried.displaced);
  if (!mapper && newText.slice(start, end) === exact && hasSameContext(newText, anchor.quote, start, end))
    return { state: 'exact', start, end };
  if (search.budget.exhausted) return { state: 'not_searched' };

  const hint = mapper ? mapper.hintFor(start) : Math.min(start, newText.length);
  const region = mapper?.regionFor(start) ?? {
    from: Math.max(0, hint - NEAR_WINDOW),
    to: Math.min(newText.length, hint + exact.length + NEAR_WINDOW),
  };
  // In its old place when no further from the hint than the edits around it explain.
  const slack = (mapper ? mapper.slackFor(start) : NEAR_WINDOW) + CONTEXT_LENGTH;
  // Without a mapper the stored offset is all there is, and is trusted as the old place.
  const near = nearby(
    newText,
    anchor,
    region,
    { hint, uncertainty: mapper ? mapper.uncertaintyFor(start) : 0 },
    search,
  );
  // A fuzzy match admitted only for standing by the old place is the weakest evidence there is:
  // the hint itself is a guess when the block around it moved and was edited (no longer
  // recognisable as carried), so words agreeing with their context elsewhere win over it.
  const weak = near !== null && near.errors > 0 && !agreesOnBothSides(near);
  if (near && !weak) return found(newText, anchor, near, Math.abs(near.start - hint) <= slack, normalized(near));
  const far = elsewhere(newText, anchor, hint, search);
  if (near && !far) return found(newText, anchor, near, Math.abs(near.start - hint) <= slack, normalized(near));
  if (far) return found(newText, anchor, far, false, normalized(far));
  // A search cut short by the budget did not look everywhere: the words may be there.
  return search.budget.exhausted ? { state: 'not_searched' } : { state: 'orphaned' };
}

/** Re-anchors one annotation; with a mapper (from the old text), near its old place first. */
export function reanchor(newText: string, anchor: Anchor, mapper?: OffsetMapper): AnchorResult {
  return reanchorWith(newText, anchor, searchFor(newText, mapper, {}));
}

/** Re-anchors many annotations made on `oldText` against `newText`, sharing one block diff, index and budget. */
export function reanchorAll(
  oldText: string,
  newText: string,
  anchors: Anchor[],
  options: ReanchorOptions = {},
): AnchorResult[] {
  const search = searchFor(newText, buildOffsetMapper(oldText, newText), options);
  return anchors.map((anchor) => reanchorWith(newText, anchor, search));
}
