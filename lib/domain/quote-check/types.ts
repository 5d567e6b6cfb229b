// Public shapes of the Quote check: a quote annotated in one article, looked up in the others.

export type QuoteCheckSource = { articleId: string; text: string };

/**
 * One run of a word-level comparison between a quote and the passage found for it. `equal`
 * text is taken from the quote, `quote_only` from the quote and `source_only` from the
 * source, each in its original spelling; concatenating `equal` and `quote_only` segments in
 * order gives back the quote exactly.
 */
export type DiffSegment = { kind: 'equal' | 'quote_only' | 'source_only'; text: string };

/**
 * `start`/`end` are UTF-16 offsets into the source article's original text, and `passage` is
 * always `text.slice(start, end)` of that article.
 */
export type QuoteCheckResult =
  | {
      kind: 'exact';
      articleId: string;
      start: number;
      end: number;
      passage: string;
      /** True when the passage equals the quote only after normalisation (case, quote style, dashes, spacing, framing punctuation). */
      normalisedOnly: boolean;
      similarity: 1;
    }
  | {
      kind: 'near';
      articleId: string;
      start: number;
      end: number;
      passage: string;
      /**
       * Words shared in order / max(quote words, passage words), the lower of that ratio over
       * all words and over content words (without "the", "of", ...); in [NEAR_THRESHOLD, 1].
       */
      similarity: number;
      diff: DiffSegment[];
    }
  /** `bestSimilarity`: of the closest passage found, 0 when none was looked for (a quote under four words or over 400, or empty). */
  /** `tooLong`: longer than MAX_CHECKED_QUOTE_LENGTH (limits.ts), so not looked up at all. */
  | { kind: 'not_found'; bestSimilarity: number; tooLong?: true };

export type QuoteToCheck = { annotationId: string; articleId: string; exact: string };

export type CheckQuotesOptions = { sourceArticleId?: string };
