import { queueStatus } from '../evidence/annotation-evidence';
import type { EvidenceState } from '../evidence/evidence-state';
import type { AnnotationView } from './annotation-view';

export type ReviewStatus = 'open' | 'accepted' | 'rejected';
export type AnnotationFilters = {
  tags: string[];
  authorId: string | null;
  state: EvidenceState | null;
  reviewStatus: ReviewStatus | null;
  /** A member's id, or "none" for unassigned annotations. */
  assigneeId: string | null;
};

export const NO_FILTERS: AnnotationFilters = {
  tags: [],
  authorId: null,
  state: null,
  reviewStatus: null,
  assigneeId: null,
};

/** A verdict on earlier wording is back in the open queue (lib/domain/evidence). */
const queueOf = (annotation: AnnotationView) => queueStatus(annotation.reviewStatus, annotation.state);

type Facet = 'tags' | 'author' | 'state' | 'review' | 'assignee';

function matches(annotation: AnnotationView, filters: AnnotationFilters, ignore?: Facet): boolean {
  if (ignore !== 'tags' && filters.tags.length && !filters.tags.includes(annotation.tag)) return false;
  if (ignore !== 'author' && filters.authorId && annotation.author?.id !== filters.authorId) return false;
  if (ignore !== 'state' && filters.state && annotation.state !== filters.state) return false;
  if (ignore !== 'review' && filters.reviewStatus && queueOf(annotation) !== filters.reviewStatus) return false;
  if (ignore !== 'assignee' && filters.assigneeId && (annotation.assigneeId ?? 'none') !== filters.assigneeId)
    return false;
  return true;
}

export function filterAnnotations(annotations: AnnotationView[], filters: AnnotationFilters): AnnotationView[] {
  return annotations.filter((annotation) => matches(annotation, filters));
}

function count(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * Counts for each filter option, each facet counted under the other facets' filters,
 * so a number always says how many cards choosing that option would show.
 */
export function facetCounts(annotations: AnnotationView[], filters: AnnotationFilters) {
  return {
    tags: count(annotations.filter((a) => matches(a, filters, 'tags')).map((a) => a.tag)),
    authors: count(annotations.filter((a) => matches(a, filters, 'author')).map((a) => a.author?.id ?? 'unknown')),
    states: count(annotations.filter((a) => matches(a, filters, 'state')).map((a) => a.state)),
    reviewStatuses: count(annotations.filter((a) => matches(a, filters, 'review')).map(queueOf)),
    assignees: count(annotations.filter((a) => matches(a, filters, 'assignee')).map((a) => a.assigneeId ?? 'none')),
  };
}

/** Authors of the annotations, by name, for the author filter. */
export function annotationAuthors(annotations: AnnotationView[]): { id: string; name: string }[] {
  const authors = new Map<string, string>();
  for (const annotation of annotations)
    if (annotation.author) authors.set(annotation.author.id, annotation.author.name);
  return [...authors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Document order; orphans (which have no place in the text) last. */
export function compareInDocumentOrder(a: AnnotationView, b: AnnotationView): number {
  const orphan = Number(a.state === 'orphaned') - Number(b.state === 'orphaned');
  return orphan || a.start - b.start || b.end - a.end || a.createdAt.localeCompare(b.createdAt);
}

export function sortInDocumentOrder(annotations: AnnotationView[]): AnnotationView[] {
  return [...annotations].sort(compareInDocumentOrder);
}
