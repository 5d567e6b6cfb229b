// Our annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).
import type { AnnotationEvidenceFields } from '../evidence/annotation-evidence';
import { evidenceProperties, type EvidenceProperties } from '../evidence/evidence-json-ld';
import type { EvidenceState } from '../evidence/evidence-state';
import type { ResourceUrls } from './iris';
import { textPositionFromRange } from './selectors';
import { apiContext } from './vocabulary';

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
  /** Other tools' selectors (RangeSelector, XPathSelector…), kept as they sent them. */
  extraSelectors?: unknown;
  canonical?: string | null;
  via?: string | null;
  /** Set while the annotation is privileged (lib/domain/privilege), with its stated basis. */
  privilegedAt?: Date | null;
  privilegeBasis?: string | null;
} & AnnotationEvidenceFields;

export type TextQuoteSelectorJson = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
export type TextPositionSelectorJson = { type: 'TextPositionSelector'; start: number; end: number };
/** A selector we keep without reading it. */
export type OtherSelectorJson = { type: string; [key: string]: unknown };

export type WebAnnotation = {
  '@context': string | readonly string[];
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  creator?: { id: string; type: 'Person'; name: string };
  created: string;
  modified: string;
  canonical?: string;
  via?: string;
  body: (
    | { type: 'TextualBody'; purpose: 'tagging'; value: string }
    | { type: 'TextualBody'; purpose: 'commenting'; value: string; format: 'text/plain' }
  )[];
  target: {
    source: string;
    /** Ours first, in this order; then any selectors another tool sent. */
    selector: [TextQuoteSelectorJson, TextPositionSelectorJson, ...OtherSelectorJson[]];
  };
  /** Marginalia extensions, given term IRIs by our context (vocabulary.ts). */
  anchorState: EvidenceState;
  status: 'open' | 'resolved';
  reviewStatus: 'open' | 'accepted' | 'rejected';
  reviewedAt: string | null;
  reviewedBy: string | null;
  assignee: string | null;
  revision: string;
  version: number;
  /** Present while the annotation is privileged: the basis stated when it was marked. */
  privilegeBasis?: string;
} & EvidenceProperties;

function otherSelectors(value: unknown): OtherSelectorJson[] {
  return Array.isArray(value) ? (value as OtherSelectorJson[]) : [];
}

export function toWebAnnotation(record: AnnotationRecord, urls: ResourceUrls): WebAnnotation {
  const body: WebAnnotation['body'] = [{ type: 'TextualBody', purpose: 'tagging', value: record.tag }];
  if (record.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: record.note, format: 'text/plain' });
  return {
    '@context': apiContext(urls.origin),
    id: urls.annotation(record.articleId, record.id),
    type: 'Annotation',
    motivation: 'tagging',
    ...(record.author
      ? { creator: { id: urls.user(record.author.id), type: 'Person' as const, name: record.author.name } }
      : {}),
    created: record.createdAt.toISOString(),
    modified: record.updatedAt.toISOString(),
    ...(record.canonical ? { canonical: record.canonical } : {}),
    ...(record.via ? { via: record.via } : {}),
    body,
    target: {
      source: urls.article(record.articleId),
      selector: [
        { type: 'TextQuoteSelector', exact: record.quoteExact, prefix: record.quotePrefix, suffix: record.quoteSuffix },
        textPositionFromRange({ start: record.posStart, end: record.posEnd }),
        ...otherSelectors(record.extraSelectors),
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
    ...(record.privilegedAt ? { privilegeBasis: record.privilegeBasis ?? '' } : {}),
    ...evidenceProperties(record, urls),
  };
}

/**
 * The annotation's entity tag: it changes whenever the representation does, which `version`
 * alone does not (re-anchoring to a new revision moves the selectors without a version bump).
 */
export function annotationEtag(record: Pick<AnnotationRecord, 'version' | 'updatedAt'>): string {
  return `"${record.version}.${record.updatedAt.getTime().toString(36)}"`;
}
