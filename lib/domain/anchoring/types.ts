// W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors),
// over the plain text of an article revision.
export type TextQuote = { exact: string; prefix: string; suffix: string };
export type TextPosition = { start: number; end: number };

export type TextQuoteSelector = TextQuote & { type: 'TextQuoteSelector' };
export type TextPositionSelector = TextPosition & { type: 'TextPositionSelector' };

/** What we store for an annotation: the quote with its context, and where it was. */
export type Anchor = { quote: TextQuote; position: TextPosition };

/**
 * exact: the quote is still at the same offsets; moved: the same text, elsewhere;
 * fuzzy: a close but not identical passage; orphaned: not found (never guessed).
 */
export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export type AnchorResult =
  | { state: 'exact' | 'moved'; start: number; end: number }
  | { state: 'fuzzy'; start: number; end: number; errors: number }
  | { state: 'orphaned' };
