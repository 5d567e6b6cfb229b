// The one vocabulary for how an annotation stands against the words it was made on (the words
// "as tagged", or "as confirmed" after a re-confirmation). Everything outside the matching
// engine (lib/domain/anchoring) speaks this vocabulary: cards, filters, memo, CSV, JSON-LD.
import type { AnchorResult } from '../anchoring/types';

export const EVIDENCE_STATES = ['exact', 'moved', 'changed', 'orphaned', 'not_searched'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

export function isEvidenceState(value: unknown): value is EvidenceState {
  return (EVIDENCE_STATES as readonly unknown[]).includes(value);
}

export const EVIDENCE_STATE_LABELS: Record<EvidenceState, string> = {
  exact: 'Anchored',
  moved: 'Moved',
  changed: 'Changed',
  orphaned: 'Orphaned',
  not_searched: 'Not searched',
};

export const EVIDENCE_STATE_HELP: Record<EvidenceState, string> = {
  exact: 'Still on the words as tagged, in the same context.',
  moved: 'Still on the words as tagged, now in another place or context.',
  changed: 'The words differ from the words as tagged. Re-confirm it on the new words, or re-anchor it.',
  orphaned: 'The passage is gone from the current revision; the words as tagged are kept here.',
  not_searched:
    'Not searched: this revision was too large to search every passage. Shown at its last known place; it is searched again on the next save.',
};

/**
 * True when the annotation's offsets point into the current revision's text. An orphan's and an
 * unsearched annotation's point into the revision they were last found on (their last known
 * place), so nothing may be highlighted or cited there.
 */
export function isOnCurrentText(state: EvidenceState): boolean {
  return state !== 'orphaned' && state !== 'not_searched';
}

/**
 * The engine's answer, before it is judged against the words as tagged: where the passage is
 * now, or nothing. The engine's own "fuzzy" is a "changed" in this vocabulary; its exact/moved
 * are about offsets, which classifyEvidence does not trust (an offset shift is not news).
 */
export function engineFound(result: AnchorResult): { start: number; end: number } | null {
  return result.state === 'orphaned' || result.state === 'not_searched'
    ? null
    : { start: result.start, end: result.end };
}

export const emptyStateCounts = (): Record<EvidenceState, number> => ({
  exact: 0,
  moved: 0,
  changed: 0,
  orphaned: 0,
  not_searched: 0,
});
