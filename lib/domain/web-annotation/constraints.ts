// The rules an annotation must meet to enter an article's container. The container's
// `Link: <…>; rel="http://www.w3.org/ns/ldp#constrainedBy"` points at the page listing them
// (app/ns/annotation-constraints), and every 422 names the rule it enforces.
import { NOTE_MAX_LENGTH, TAGS } from '../annotations/tags';
import { SELECTOR_LIMITS } from './selectors';

export const ANNOTATION_CONSTRAINTS = {
  'one-review-tag': `Exactly one body has purpose "tagging" with one of the review tags as its value: ${TAGS.join(', ')}. Annotations without one are refused: every highlight in Marginalia is a finding, a quote or a rebuttal.`,
  'textual-bodies':
    'Bodies are embedded TextualBody objects (or a bodyValue string); bodies that are other resources are refused.',
  'one-note': `At most one note: a TextualBody with purpose "commenting" or no purpose, or bodyValue; up to ${NOTE_MAX_LENGTH.toLocaleString('en')} characters, format text/plain or text/markdown (kept as plain text).`,
  'target-on-article':
    "The target (or one element of a target array) is this article: its source is the article's IRI, or the article's page, or it has no source. Targets on other documents in the array are not kept.",
  'text-selector':
    "That target has a TextPositionSelector or a TextQuoteSelector that selects text in the article's current revision; when it has both, the quote must be the text at that position. A quote alone is found by its exact words, prefix and suffix.",
  'other-selectors': `Other selectors (RangeSelector, XPathSelector, CssSelector, FragmentSelector…) are kept as sent and served back, but not read: at most ${SELECTOR_LIMITS.extraSelectors}, ${SELECTOR_LIMITS.extraSelectorsBytes.toLocaleString('en')} bytes in all.`,
  'server-managed':
    'The server sets id, creator, created, modified and the Marginalia keys (anchorState, status, reviewStatus, reviewedAt, reviewedBy, assignee, revision, version); values sent for them are ignored. canonical and via are kept (IRIs of up to 2,000 characters).',
  'conditional-update':
    'PUT replaces the tag, note, target and kept keys, and needs If-Match with the current ETag (428 without it, 412 when stale). PATCH and DELETE honour If-Match too, and PATCH a body "version".',
  slug: 'A Slug header is accepted but not used: annotation IRIs end in the id the server assigns, which live events and links refer to (LDP lets a server ignore Slug).',
} as const;

export type ConstraintId = keyof typeof ANNOTATION_CONSTRAINTS;

/** A refusal's message: the rule's id and where it is written down. */
export function constraintMessage(rule: ConstraintId, detail: string): string {
  return `${detail} (rule "${rule}": see the container's ldp#constrainedBy document, /ns/annotation-constraints#${rule}).`;
}
