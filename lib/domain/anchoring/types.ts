// W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors),
// over the plain text of an article revision.
export type TextQuote = { exact: string; prefix: string; suffix: string };
export type TextPosition = { start: number; end: number };

export type TextQuoteSelector = TextQuote & { type: 'TextQuoteSelector' };
export type TextPositionSelector = TextPosition & { type: 'TextPositionSelector' };

/** What we store for an annotation: the quote with its context, and where it was. */
export type Anchor = { quote: TextQuote; position: TextPosition };

/**
 * exact: the same words with the same context, in their place (an offset shifted by edits
 * elsewhere is still exact); moved: the same words in a different place or context (a
 * paragraph moved, a sentence reordered); fuzzy: a close but not identical passage, near
 * the old place or with its context intact; orphaned: searched for and not found (never
 * guessed); not_searched: the revision's search budget ran out before this one was looked for,
 * so nothing is known (never reported as gone: nobody looked).
 */
export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphaned' | 'not_searched';

/** `score` (0..1): how well the words and context of a searched-for match agreed (absent when carried over unchanged). */
export type AnchorResult =
  | { state: 'exact' | 'moved'; start: number; end: number; score?: number }
  | { state: 'fuzzy'; start: number; end: number; errors: number; score?: number }
  | { state: 'orphaned' }
  | { state: 'not_searched' };
