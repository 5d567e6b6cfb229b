import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { EVIDENCE_STATE_LABELS } from '@/lib/domain/evidence/evidence-state';

/**
 * A tag made on a page behind the latest revision: the server carried it over, so the page's
 * old text cannot show it. Say where it went and offer the latest revision.
 */
export function carriedOver(
  created: AnnotationView,
  showNewRevision: (shown: boolean) => void,
  showMessage: (message: { tone: 'info'; text: string }) => void,
): void {
  showNewRevision(true);
  showMessage({
    tone: 'info',
    text: `The article was revised since this page was loaded: your tag on “${created.asTagged.exact}” was carried over to the latest revision (${EVIDENCE_STATE_LABELS[created.state]}). Load it to see it.`,
  });
}
