import { describe, expect, it } from 'vitest';
import { FRESH_ANNOTATION } from './fresh-annotation';
import { splitIntoWindows } from '../document/block-windows';
import type { AnnotationView } from './annotation-view';
import { annotationsPerWindow, annotationsReducer } from './annotation-list';
import { sortInDocumentOrder } from './filter-annotations';

const view = (id: string, start: number, end: number, state: AnnotationView['state'] = 'exact'): AnnotationView => ({
  id,
  tag: 'finding',
  note: null,
  exact: 'x',
  start,
  end,
  state,
  ...FRESH_ANNOTATION,
  createdAt: `2026-01-01T00:00:0${id.length % 10}Z`,
  author: null,
  anchoredRevisionId: 'r1',
  asTagged: { exact: 'x', start, end, revisionId: 'r1' },
  asConfirmed: null,
  imported: null,
});

describe('annotationsReducer', () => {
  const list = sortInDocumentOrder([view('a', 0, 3), view('b', 5, 8), view('o', 1, 2, 'orphaned')]);

  it('inserts and replaces in document order, as a full sort would', () => {
    const added = annotationsReducer(list, { type: 'upsert', annotation: view('c', 4, 6) });
    expect(added.map((a) => a.id)).toEqual(['a', 'c', 'b', 'o']);
    const moved = annotationsReducer(added, { type: 'upsert', annotation: view('a', 9, 10) });
    expect(moved.map((a) => a.id)).toEqual(sortInDocumentOrder(moved).map((a) => a.id));
    expect(moved.map((a) => a.id)).toEqual(['c', 'b', 'a', 'o']);
  });

  it('keeps the newer version when an older copy of the same annotation arrives late', () => {
    const newer = annotationsReducer(list, { type: 'upsert', annotation: { ...view('a', 0, 3), version: 3 } });
    expect(annotationsReducer(newer, { type: 'upsert', annotation: { ...view('a', 0, 3), version: 2 } })).toBe(newer);
    const same = annotationsReducer(newer, { type: 'upsert', annotation: { ...view('a', 0, 4), version: 3 } });
    expect(same.find((a) => a.id === 'a')?.end).toBe(4);
  });

  it('removes by id and keeps the same list when there was nothing to remove', () => {
    expect(annotationsReducer(list, { type: 'remove', id: 'b' }).map((a) => a.id)).toEqual(['a', 'o']);
    expect(annotationsReducer(list, { type: 'remove', id: 'missing' })).toBe(list);
  });
});

describe('annotationsPerWindow', () => {
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  // "abc" 0-3, "defg" 5-9, "hi" 11-13, one window each.
  const windows = splitIntoWindows(
    { type: 'doc', content: [paragraph('abc'), paragraph('defg'), paragraph('hi')] },
    { maxBlocks: 1, maxChars: 1_000 },
  );

  it('lists each anchored annotation in every window it touches, orphans in none', () => {
    const lists = annotationsPerWindow(
      [view('a', 1, 2), view('span', 2, 12), view('o', 0, 3, 'orphaned'), view('c', 11, 13)],
      windows,
    );
    expect(lists.map((l) => l.map((a) => a.id))).toEqual([['a', 'span'], ['span'], ['span', 'c']]);
  });

  it('hands back the same array for a window whose annotations did not change', () => {
    const a = view('a', 1, 2);
    const c = view('c', 11, 13);
    const before = annotationsPerWindow([a, c], windows);
    const after = annotationsPerWindow([a, view('new', 6, 7), c], windows);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });
});
