// A selection made on an older revision, carried to the current text.
import { describeTextRange } from '../anchoring/describe-text-range';
import type { Anchor, AnchorResult } from '../anchoring/types';
import { classifyEvidence } from './classify-evidence';
import { engineFound, type EvidenceState } from './evidence-state';

export type NewAnchor = { tagged: Anchor; taggedRevisionId: string; current: Anchor; state: EvidenceState };

/** The current anchor and its state against the words as tagged, or null when the passage is gone. */
export function carryOver(
  currentText: string,
  tagged: Anchor,
  result: AnchorResult,
): Omit<NewAnchor, 'taggedRevisionId'> | null {
  const found = engineFound(result);
  if (!found) return null;
  const current = describeTextRange(currentText, found.start, found.end);
  return {
    tagged,
    current,
    state: classifyEvidence({ baseline: tagged.quote, previous: 'exact', current: current.quote }),
  };
}
