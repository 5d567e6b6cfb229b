import { describe, expect, it } from 'vitest';
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
  status: 'open',
  version: 1,
  createdAt: `2026-01-0${id.length}T00:00:00Z`,
  author,
});
const list = [
  make('a', 'quote', ada, 'exact', 50),
  make('b', 'rebuttal', bob, 'moved', 10),
  make('c', 'quote', bob, 'orphaned', 0),
  make('d', 'finding', ada, 'fuzzy', 30),
];

describe('annotation filters', () => {
  it('filters by tag, author and state together', () => {
    expect(filterAnnotations(list, { tags: ['quote'], authorId: 'u2', state: null }).map((a) => a.id)).toEqual(['c']);
    expect(filterAnnotations(list, { ...NO_FILTERS, state: 'fuzzy' }).map((a) => a.id)).toEqual(['d']);
    expect(filterAnnotations(list, NO_FILTERS)).toHaveLength(4);
  });

  it('counts each facet under the other filters', () => {
    const counts = facetCounts(list, { tags: ['quote'], authorId: null, state: null });
    expect(counts.tags).toEqual({ quote: 2, rebuttal: 1, finding: 1 });
    expect(counts.authors).toEqual({ u1: 1, u2: 1 });
    expect(counts.states).toEqual({ exact: 1, orphaned: 1 });
  });

  it('sorts in document order with orphans last', () => {
    expect(sortInDocumentOrder(list).map((a) => a.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('lists authors by name', () => {
    expect(annotationAuthors(list)).toEqual([ada, bob]);
  });
});
