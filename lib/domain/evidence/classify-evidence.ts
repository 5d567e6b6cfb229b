// Judging a re-anchored passage against the words as tagged (or as confirmed), not against the
// previous revision: a change of words is news until someone re-confirms it, so it is sticky.
import type { TextQuote } from '../anchoring/types';
import type { EvidenceState } from './evidence-state';

/**
 * How many characters next to the quote must agree for the context to count as "the same".
 * The stored context is 32 characters a side; an edit 20 characters away (another clause of
 * the sentence) does not make the passage "moved", a different neighbour does.
 */
export const CONTEXT_AGREEMENT = 12;

const squash = (text: string) => text.replace(/\s+/g, ' ');

export function sameContext(baseline: TextQuote, current: TextQuote, agreement = CONTEXT_AGREEMENT): boolean {
  const before = (text: string) => squash(text).slice(-agreement);
  const after = (text: string) => squash(text).slice(0, agreement);
  return before(baseline.prefix) === before(current.prefix) && after(baseline.suffix) === after(current.suffix);
}

/**
 * `baseline`: the words as confirmed, else as tagged. `previous`: the state before this
 * revision. `current`: the words and context where the engine found the passage, or null.
 */
export function classifyEvidence(options: {
  baseline: TextQuote;
  previous: EvidenceState;
  current: TextQuote | null;
}): EvidenceState {
  const { baseline, previous, current } = options;
  if (!current) return 'orphaned';
  // Sticky: once the words changed, the annotation says so until re-confirmed, even if a later
  // revision puts the same letters back (someone must look at it).
  if (previous === 'changed' || current.exact !== baseline.exact) return 'changed';
  return sameContext(baseline, current) ? 'exact' : 'moved';
}
