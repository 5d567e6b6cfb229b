import { tagLabel } from '@/components/editor/tag-style';
import type { AnnotationOnRevision } from '@/lib/domain/revisions/annotations-on-revision';
import { EVIDENCE_STATE_LABELS } from '@/lib/domain/evidence/evidence-state';

/** An annotation as it stood on a revision: its words there, and the words as tagged where they differ. */
export function AnnotationOnRevisionItem({ annotation, testId }: { annotation: AnnotationOnRevision; testId: string }) {
  return (
    <li className="rounded border border-stone-200 bg-white p-2" data-testid={testId}>
      <span className="text-xs font-semibold">{tagLabel(annotation.tag)}</span>{' '}
      <span className="text-xs text-stone-500">{EVIDENCE_STATE_LABELS[annotation.state]}</span>
      <blockquote className="mt-1 font-serif">“{annotation.exact ?? annotation.taggedExact}”</blockquote>
      {annotation.exact && annotation.exact !== annotation.taggedExact ? (
        <p className="text-xs text-stone-600">As tagged: “{annotation.taggedExact}”</p>
      ) : null}
    </li>
  );
}
