// The annotations as they stood on a given revision: each one made on or before it, carried
// from its words as tagged to that revision with the same engine a save uses, and judged
// against those words. (Stickiness is a property of the live annotation; on a past revision
// each is judged afresh, which is what stood on that text.)
import { reanchorAll } from '../anchoring/reanchor';
import type { Anchor } from '../anchoring/types';
import { judgeReanchored } from '../evidence/judge-reanchored';
import type { EvidenceState } from '../evidence/evidence-state';

export type TaggedAnnotation = {
  id: string;
  tag: string;
  authorName: string | null;
  taggedRevisionId: string;
  tagged: Anchor;
};

export type AnnotationOnRevision = {
  id: string;
  tag: string;
  authorName: string | null;
  taggedExact: string;
  state: EvidenceState;
  /** Where it stood on that revision, or null when orphaned (or not searched) there. */
  start: number | null;
  end: number | null;
  exact: string | null;
};

export function annotationsOnRevision(
  text: string,
  annotations: TaggedAnnotation[],
  taggedTexts: Map<string, string>,
): AnnotationOnRevision[] {
  const byRevision = new Map<string, TaggedAnnotation[]>();
  for (const annotation of annotations) {
    const group = byRevision.get(annotation.taggedRevisionId) ?? [];
    group.push(annotation);
    byRevision.set(annotation.taggedRevisionId, group);
  }
  const out: AnnotationOnRevision[] = [];
  for (const [revisionId, group] of byRevision) {
    const results = reanchorAll(
      taggedTexts.get(revisionId) ?? '',
      text,
      group.map((annotation) => annotation.tagged),
    );
    group.forEach((annotation, i) => {
      const judged = judgeReanchored(
        text,
        { id: annotation.id, baseline: annotation.tagged.quote, previous: 'exact' },
        results[i]!,
      );
      const base = {
        id: annotation.id,
        tag: annotation.tag,
        authorName: annotation.authorName,
        taggedExact: annotation.tagged.quote.exact,
      };
      out.push(
        judged.state === 'orphaned' || judged.state === 'not_searched'
          ? { ...base, state: judged.state, start: null, end: null, exact: null }
          : { ...base, state: judged.state, start: judged.start, end: judged.end, exact: judged.quote.exact },
      );
    });
  }
  return out.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
}
