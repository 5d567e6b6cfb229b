// What every annotation carries beside its current anchor: the words as tagged (never
// overwritten), the words as last confirmed, and where an imported annotation came from.
import { diffQuoteWords, type DiffSegment } from '../quote-check/word-diff';
import type { Anchor, TextQuote } from '../anchoring/types';
import type { EvidenceState } from './evidence-state';

export type AnnotationEvidenceFields = {
  taggedExact: string;
  taggedPrefix: string;
  taggedSuffix: string;
  taggedStart: number;
  taggedEnd: number;
  /** The revision the annotation was made on. */
  taggedRevisionId: string;
  confirmedExact: string | null;
  confirmedPrefix: string | null;
  confirmedSuffix: string | null;
  confirmedAt: Date | null;
  confirmedById: string | null;
  /** The creator's name as the imported file gave it (the author is then the importer or a mapped member). */
  importedCreatorName: string | null;
  importedAt: Date | null;
  importedById: string | null;
};

/** The evidence of a new annotation: its words as tagged, nothing confirmed or imported yet. */
export function freshEvidence(tagged: Anchor, taggedRevisionId: string): AnnotationEvidenceFields {
  return {
    taggedExact: tagged.quote.exact,
    taggedPrefix: tagged.quote.prefix,
    taggedSuffix: tagged.quote.suffix,
    taggedStart: tagged.position.start,
    taggedEnd: tagged.position.end,
    taggedRevisionId,
    confirmedExact: null,
    confirmedPrefix: null,
    confirmedSuffix: null,
    confirmedAt: null,
    confirmedById: null,
    importedCreatorName: null,
    importedAt: null,
    importedById: null,
  };
}

/** The words the annotation is judged against: as confirmed, else as tagged. */
export function baselineQuote(fields: AnnotationEvidenceFields): TextQuote {
  return fields.confirmedExact !== null
    ? { exact: fields.confirmedExact, prefix: fields.confirmedPrefix ?? '', suffix: fields.confirmedSuffix ?? '' }
    : { exact: fields.taggedExact, prefix: fields.taggedPrefix, suffix: fields.taggedSuffix };
}

export type ReviewStatus = 'open' | 'accepted' | 'rejected';

/**
 * A verdict on an annotation whose words changed no longer stands on its own. An orphan is not
 * counted: its words are gone rather than different, and an editor may well decide on it as such.
 */
export function onEarlierWording(reviewStatus: ReviewStatus, state: EvidenceState): boolean {
  return reviewStatus !== 'open' && state === 'changed';
}

/** The status the review queue goes by: a verdict on earlier wording is open again. */
export function queueStatus(reviewStatus: ReviewStatus, state: EvidenceState): ReviewStatus {
  return onEarlierWording(reviewStatus, state) ? 'open' : reviewStatus;
}

export const VERDICT_LABELS: Record<ReviewStatus, string> = {
  open: 'Open',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

/** "Accepted", or "Accepted on earlier wording" when the words changed since. */
export function verdictLabel(reviewStatus: ReviewStatus, state: EvidenceState): string {
  const label = VERDICT_LABELS[reviewStatus];
  return onEarlierWording(reviewStatus, state) ? `${label} on earlier wording` : label;
}

/** The word-level difference from the words as tagged to the current words, or null when they agree. */
export function wordsDiff(tagged: string, current: string): DiffSegment[] | null {
  return tagged === current ? null : diffQuoteWords(tagged, current);
}

/** A diff in plain text, for CSV cells and other places without markup: [-old-]{+new+}. */
export function diffToPlainText(segments: DiffSegment[]): string {
  return segments
    .map((segment) =>
      segment.kind === 'equal'
        ? segment.text
        : segment.kind === 'quote_only'
          ? `[-${segment.text}-]`
          : `{+${segment.text}+}`,
    )
    .join('');
}
