import type { EvidenceState } from './evidence-state';

const PHRASES: [EvidenceState, string][] = [
  ['moved', 'moved'],
  ['changed', 'with changed words'],
  ['orphaned', 'orphaned'],
  ['not_searched', 'not searched (searched again on the next save)'],
];

/** What a save did to the annotations, for the notice after it: nothing when every one stayed exact. */
export function summarizeAnchors(list: readonly { state: EvidenceState }[]): string {
  const counts = new Map<EvidenceState, number>();
  for (const { state } of list) counts.set(state, (counts.get(state) ?? 0) + 1);
  const parts = PHRASES.flatMap(([state, phrase]) => (counts.get(state) ? [`${counts.get(state)} ${phrase}`] : []));
  return parts.length ? ` Annotations: ${parts.join(', ')}.` : '';
}
