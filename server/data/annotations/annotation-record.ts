import 'server-only';
import type { AnnotationSnapshot } from '@/lib/domain/audit/audit-event';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { annotationEvidenceSelect } from '../evidence/annotation-evidence-select';

/** The columns every annotation read selects, shaped as the domain's AnnotationRecord. */
export const annotationRecordSelect = {
  id: true,
  articleId: true,
  tag: true,
  note: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  posStart: true,
  posEnd: true,
  anchorState: true,
  ...annotationEvidenceSelect,
  status: true,
  reviewStatus: true,
  reviewedAt: true,
  reviewedById: true,
  assigneeId: true,
  revisionId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  extraSelectors: true,
  canonical: true,
  via: true,
  privilegedAt: true,
  privilegeBasis: true,
  author: { select: { id: true, name: true } },
} as const;

/** What the audit log keeps of an annotation, before and after a change. */
export function auditSnapshot(record: AnnotationRecord): AnnotationSnapshot {
  return {
    articleId: record.articleId,
    tag: record.tag,
    note: record.note,
    quote: record.quoteExact,
    start: record.posStart,
    end: record.posEnd,
    anchorState: record.anchorState,
    status: record.status,
    reviewStatus: record.reviewStatus,
    assigneeId: record.assigneeId,
    revisionId: record.revisionId,
    version: record.version,
    taggedQuote: record.taggedExact,
    taggedRevisionId: record.taggedRevisionId,
    privileged: record.privilegedAt !== null,
    privilegeBasis: record.privilegeBasis,
  };
}
