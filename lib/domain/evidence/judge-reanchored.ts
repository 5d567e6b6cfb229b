// After a revision: where each annotation is now, judged against its words as tagged (or
// as confirmed), with the sticky rules of classifyEvidence.
import { CONTEXT_LENGTH } from '../anchoring/describe-text-range';
import type { AnchorResult, TextQuote } from '../anchoring/types';
import { classifyEvidence } from './classify-evidence';
import { engineFound, emptyStateCounts, type EvidenceState } from './evidence-state';

/** Orphaned and not searched keep their last known place: no new offsets or words. */
export type Judged =
  | { id: string; state: 'orphaned' }
  | { id: string; state: 'not_searched' }
  | {
      id: string;
      state: Exclude<EvidenceState, 'orphaned' | 'not_searched'>;
      start: number;
      end: number;
      quote: TextQuote;
    };

export function judgeReanchored(
  newText: string,
  annotation: { id: string; baseline: TextQuote; previous: EvidenceState },
  result: AnchorResult,
): Judged {
  if (result.state === 'not_searched') return { id: annotation.id, state: 'not_searched' };
  const found = engineFound(result);
  if (!found) return { id: annotation.id, state: 'orphaned' };
  const quote = {
    exact: newText.slice(found.start, found.end),
    prefix: newText.slice(Math.max(0, found.start - CONTEXT_LENGTH), found.start),
    suffix: newText.slice(found.end, found.end + CONTEXT_LENGTH),
  };
  const state = classifyEvidence({ baseline: annotation.baseline, previous: annotation.previous, current: quote });
  return state === 'orphaned'
    ? { id: annotation.id, state }
    : { id: annotation.id, state, start: found.start, end: found.end, quote };
}

export function countStates(judged: Iterable<{ state: EvidenceState }>): Record<EvidenceState, number> {
  const counts = emptyStateCounts();
  for (const { state } of judged) counts[state]++;
  return counts;
}
