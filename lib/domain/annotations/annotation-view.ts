// The annotation as the browser works with it: plain JSON, no Dates.
import { evidenceFromJson, evidenceFromRecord, type ViewEvidence } from '../evidence/evidence-json-ld';
import type { EvidenceState } from '../evidence/evidence-state';
import type { AnnotationRecord, WebAnnotation } from './web-annotation';

export type AnnotationView = {
  id: string;
  tag: string;
  note: string | null;
  exact: string;
  start: number;
  end: number;
  state: EvidenceState;
  status: 'open' | 'resolved';
  reviewStatus: 'open' | 'accepted' | 'rejected';
  reviewedAt: string | null;
  reviewedById: string | null;
  assigneeId: string | null;
  version: number;
  createdAt: string;
  author: { id: string; name: string } | null;
  /** The stated basis while the annotation is privileged; null or absent otherwise. */
  privilegeBasis?: string | null;
} & ViewEvidence;

export function recordToView(record: AnnotationRecord): AnnotationView {
  return {
    id: record.id,
    tag: record.tag,
    note: record.note,
    exact: record.quoteExact,
    start: record.posStart,
    end: record.posEnd,
    state: record.anchorState,
    status: record.status,
    reviewStatus: record.reviewStatus,
    reviewedAt: record.reviewedAt?.toISOString() ?? null,
    reviewedById: record.reviewedById,
    assigneeId: record.assigneeId,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    author: record.author,
    privilegeBasis: record.privilegedAt ? (record.privilegeBasis ?? '') : null,
    ...evidenceFromRecord(record),
  };
}

/** Reads our own API's Web Annotation back into a view (ids are URLs ending in the row id). */
export function webAnnotationToView(annotation: WebAnnotation): AnnotationView {
  const [quote, position] = annotation.target.selector;
  const lastSegment = (url: string) => url.slice(url.lastIndexOf('/') + 1);
  return {
    id: lastSegment(annotation.id),
    tag: annotation.body.find((body) => body.purpose === 'tagging')?.value ?? '',
    note: annotation.body.find((body) => body.purpose === 'commenting')?.value ?? null,
    exact: quote.exact,
    start: position.start,
    end: position.end,
    state: annotation.anchorState,
    status: annotation.status,
    reviewStatus: annotation.reviewStatus,
    reviewedAt: annotation.reviewedAt,
    reviewedById: annotation.reviewedBy ? lastSegment(annotation.reviewedBy) : null,
    assigneeId: annotation.assignee ? lastSegment(annotation.assignee) : null,
    version: annotation.version,
    createdAt: annotation.created,
    author: annotation.creator ? { id: lastSegment(annotation.creator.id), name: annotation.creator.name } : null,
    privilegeBasis: annotation.privilegeBasis ?? null,
    ...evidenceFromJson(annotation, { exact: quote.exact, start: position.start, end: position.end }),
  };
}
