// Finding each annotation again in a new revision, from cheap to robust:
// 1. the offsets of an unchanged block, mapped to where that block now is;
// 2. the old position, if the quote still stands there;
// 3. the exact quote with the best context, near where it was expected, then anywhere;
// 4. a fuzzy match within the error bound, near, then anywhere;
// 5. otherwise orphaned: reported, never guessed.
import { findExactQuote, findFuzzyQuote } from './match-quote';
import { buildOffsetMapper, type OffsetMapper } from './text-offset-mapper';
import type { Anchor, AnchorResult } from './types';

function located(anchor: Anchor, start: number, end: number): AnchorResult {
  const same = start === anchor.position.start && end === anchor.position.end;
  return { state: same ? 'exact' : 'moved', start, end };
}

export function reanchor(newText: string, anchor: Anchor, mapper?: OffsetMapper): AnchorResult {
  const { exact } = anchor.quote;
  const { start, end } = anchor.position;

  const mappedStart = mapper?.map(start) ?? null;
  const mappedEnd = mapper?.map(end) ?? null;
  if (mappedStart !== null && mappedEnd !== null && newText.slice(mappedStart, mappedEnd) === exact) {
    return located(anchor, mappedStart, mappedEnd);
  }
  if (newText.slice(start, end) === exact) return located(anchor, start, end);

  const hint = mappedStart ?? start;
  const region = mapper?.regionFor(start);
  const near = region ? findExactQuote(newText, anchor.quote, hint, region) : null;
  const exactMatch = near ?? findExactQuote(newText, anchor.quote, hint);
  if (exactMatch) return located(anchor, exactMatch.start, exactMatch.end);

  const fuzzyNear = region ? findFuzzyQuote(newText, anchor.quote, hint, region) : null;
  const fuzzy = fuzzyNear ?? findFuzzyQuote(newText, anchor.quote, hint);
  if (fuzzy) return { state: 'fuzzy', start: fuzzy.start, end: fuzzy.end, errors: fuzzy.errors };
  return { state: 'orphaned' };
}

/** Re-anchors many annotations made on `oldText` against `newText`, sharing one block diff. */
export function reanchorAll(oldText: string, newText: string, anchors: Anchor[]): AnchorResult[] {
  const mapper = buildOffsetMapper(oldText, newText);
  return anchors.map((anchor) => reanchor(newText, anchor, mapper));
}
