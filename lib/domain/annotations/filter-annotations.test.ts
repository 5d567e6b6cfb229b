import { describe, expect, it } from 'vitest';
import { FRESH_ANNOTATION } from './fresh-annotation';
import type { AnnotationView } from './annotation-view';
import {
  annotationAuthors,
  facetCounts,
  filterAnnotations,
  NO_FILTERS,
  sortInDocumentOrder,
} from './filter-annotations';

const ada = { id: 'u1', name: 'Ada' };
const bob = { id: 'u2', name: 'Bob' };
const make = (
  id: string,
  tag: string,
  author: typeof ada,
  state: AnnotationView['state'],
  start: number,
): AnnotationView => ({
  id,
  tag,
  note: null,
  exact: id,
  start,
  end: start + 5,
  state,
  ...FRESH_ANNOTATION,
  createdAt: `2026-01-0${id.length}T00:00:00Z`,
  author,
  anchoredRevisionId: 'r1',
  asTagged: { exact: id, start, end: start + 5, revisionId: 'r1' },
  asConfirmed: null,
  imported: null,
});
const list = [
  make('a', 'quote', ada, 'exact', 50),
  make('b', 'rebuttal', bob, 'moved', 10),
  make('c', 'quote', bob, 'orphaned', 0),
  make('d', 'finding', ada, 'changed', 30),
];

describe('annotation filters', () => {
  it('filters by tag, author and state together', () => {
    expect(filterAnnotations(list, { ...NO_FILTERS, tags: ['quote'], authorId: 'u2' }).map((a) => a.id)).toEqual(['c']);
    expect(filterAnnotations(list, { ...NO_FILTERS, state: 'changed' }).map((a) => a.id)).toEqual(['d']);
    expect(filterAnnotations(list, NO_FILTERS)).toHaveLength(4);
  });

  it('counts each facet under the other filters', () => {
    const counts = facetCounts(list, { ...NO_FILTERS, tags: ['quote'] });
    expect(counts.tags).toEqual({ quote: 2, rebuttal: 1, finding: 1 });
    expect(counts.authors).toEqual({ u1: 1, u2: 1 });
    expect(counts.states).toEqual({ exact: 1, orphaned: 1 });
  });

  it('filters by review status and assignee, with "none" for unassigned', () => {
    const reviewed = list.map((a, i) => ({
      ...a,
      reviewStatus: i % 2 ? ('accepted' as const) : ('open' as const),
      assigneeId: i === 0 ? 'u2' : null,
    }));
    // d was accepted, then its words changed: the verdict is on earlier wording, so it is open again.
    expect(filterAnnotations(reviewed, { ...NO_FILTERS, reviewStatus: 'accepted' }).map((a) => a.id)).toEqual(['b']);
    expect(filterAnnotations(reviewed, { ...NO_FILTERS, reviewStatus: 'open' }).map((a) => a.id)).toEqual([
      'a',
      'c',
      'd',
    ]);
    expect(filterAnnotations(reviewed, { ...NO_FILTERS, assigneeId: 'u2' }).map((a) => a.id)).toEqual(['a']);
    expect(filterAnnotations(reviewed, { ...NO_FILTERS, assigneeId: 'none' })).toHaveLength(3);
    expect(facetCounts(reviewed, NO_FILTERS).reviewStatuses).toEqual({ open: 3, accepted: 1 });
  });

  it('sorts in document order with orphans last', () => {
    expect(sortInDocumentOrder(list).map((a) => a.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('lists authors by name', () => {
    expect(annotationAuthors(list)).toEqual([ada, bob]);
  });
});
