'use client';

import { useMemo, useReducer } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { compareInDocumentOrder, sortInDocumentOrder } from '@/lib/domain/annotations/filter-annotations';
import { windowAt, type BlockWindow } from '@/lib/domain/document/block-windows';

export type AnnotationAction =
  | { type: 'set'; annotations: AnnotationView[] }
  | { type: 'upsert'; annotation: AnnotationView }
  | { type: 'remove'; id: string };

/** The annotations in document order; one upsert is a binary-search insert, not a re-sort of thousands. */
export function annotationsReducer(list: AnnotationView[], action: AnnotationAction): AnnotationView[] {
  if (action.type === 'set') return sortInDocumentOrder(action.annotations);
  const without = list.filter(
    (annotation) => annotation.id !== (action.type === 'remove' ? action.id : action.annotation.id),
  );
  if (action.type === 'remove') return without.length === list.length ? list : without;
  let low = 0;
  let high = without.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareInDocumentOrder(without[mid]!, action.annotation) <= 0) low = mid + 1;
    else high = mid;
  }
  return [...without.slice(0, low), action.annotation, ...without.slice(low)];
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

// Per windows array, the lists handed out last time, so unchanged windows get the same array back.
const lastLists = new WeakMap<readonly BlockWindow[], AnnotationView[][]>();

/** The anchored annotations touching each window, reusing last time's array for windows that did not change. */
export function annotationsPerWindow(annotations: AnnotationView[], windows: readonly BlockWindow[]) {
  const lists = windows.map(() => [] as AnnotationView[]);
  for (const annotation of annotations) {
    if (annotation.state === 'orphaned' || annotation.end <= annotation.start) continue;
    for (let i = windowAt(windows, annotation.start); i < windows.length && windows[i]!.textStart < annotation.end; i++)
      lists[i]!.push(annotation);
  }
  const before = lastLists.get(windows);
  const stable = lists.map((list, i) => (before && sameItems(before[i]!, list) ? before[i]! : list));
  lastLists.set(windows, stable);
  return stable;
}

/**
 * One store for the sidebar and the highlights: the list in document order and, per block window,
 * the anchored annotations that touch it. A window's list keeps its identity while nothing in it
 * changed, so adding one highlight re-renders one window, not all of them.
 */
export function useAnnotationStore(initial: AnnotationView[], windows: readonly BlockWindow[]) {
  const [annotations, dispatch] = useReducer(annotationsReducer, initial, sortInDocumentOrder);
  const perWindow = useMemo(() => annotationsPerWindow(annotations, windows), [annotations, windows]);
  return { annotations, dispatch, perWindow };
}
