// Our annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).
import type { AnnotationEvidenceFields } from '../evidence/annotation-evidence';
import { evidenceProperties, type EvidenceProperties } from '../evidence/evidence-json-ld';
import type { EvidenceState } from '../evidence/evidence-state';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type AnnotationRecord = {
  id: string;
  articleId: string;
  tag: string;
  note: string | null;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  posStart: number;
  posEnd: number;
  anchorState: EvidenceState;
  status: 'open' | 'resolved';
  reviewStatus: 'open' | 'accepted' | 'rejected';
  reviewedAt: Date | null;
  reviewedById: string | null;
  assigneeId: string | null;
  revisionId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string } | null;
} & AnnotationEvidenceFields;

export type WebAnnotation = {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  creator?: { id: string; type: 'Person'; name: string };
  created: string;
  modified: string;
  body: (
    | { type: 'TextualBody'; purpose: 'tagging'; value: string }
    | { type: 'TextualBody'; purpose: 'commenting'; value: string; format: 'text/plain' }
  )[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  /** Marginalia extensions, outside the W3C vocabulary. */
  anchorState: EvidenceState;
  status: 'open' | 'resolved';
  reviewStatus: 'open' | 'accepted' | 'rejected';
  reviewedAt: string | null;
  reviewedBy: string | null;
  assignee: string | null;
  revision: string;
  version: number;
} & EvidenceProperties;

export type ResourceUrls = {
  annotation(id: string): string;
  article(id: string): string;
  user(id: string): string;
};

export function resourceUrls(origin: string): ResourceUrls {
  return {
    annotation: (id) => `${origin}/api/annotations/${id}`,
    article: (id) => `${origin}/api/articles/${id}`,
    user: (id) => `${origin}/users/${id}`,
  };
}

export function toWebAnnotation(record: AnnotationRecord, urls: ResourceUrls): WebAnnotation {
  const body: WebAnnotation['body'] = [{ type: 'TextualBody', purpose: 'tagging', value: record.tag }];
  if (record.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: record.note, format: 'text/plain' });
  return {
    '@context': ANNO_CONTEXT,
    id: urls.annotation(record.id),
    type: 'Annotation',
    motivation: 'tagging',
    ...(record.author
      ? { creator: { id: urls.user(record.author.id), type: 'Person' as const, name: record.author.name } }
      : {}),
    created: record.createdAt.toISOString(),
    modified: record.updatedAt.toISOString(),
    body,
    target: {
      source: urls.article(record.articleId),
      selector: [
        { type: 'TextQuoteSelector', exact: record.quoteExact, prefix: record.quotePrefix, suffix: record.quoteSuffix },
        { type: 'TextPositionSelector', start: record.posStart, end: record.posEnd },
      ],
    },
    anchorState: record.anchorState,
    status: record.status,
    reviewStatus: record.reviewStatus,
    reviewedAt: record.reviewedAt?.toISOString() ?? null,
    reviewedBy: record.reviewedById ? urls.user(record.reviewedById) : null,
    assignee: record.assigneeId ? urls.user(record.assigneeId) : null,
    revision: record.revisionId,
    version: record.version,
    ...evidenceProperties(record, urls),
  };
}

export function toAnnotationCollection(collectionId: string, items: WebAnnotation[]) {
  return {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection' as const,
    total: items.length,
    first: { id: `${collectionId}#page1`, type: 'AnnotationPage' as const, startIndex: 0, items },
  };
}
