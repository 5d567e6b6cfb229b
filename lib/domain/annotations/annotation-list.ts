// The annotations of an article in document order, changed one at a time, and split per block
// window for drawing (see document/block-windows.ts).
import { windowAt, type BlockWindow } from '../document/block-windows';
import type { AnnotationView } from './annotation-view';
import { isOnCurrentText } from '../evidence/evidence-state';
import { compareInDocumentOrder, sortInDocumentOrder } from './filter-annotations';

export type AnnotationAction =
  | { type: 'set'; annotations: AnnotationView[] }
  | { type: 'upsert'; annotation: AnnotationView }
  | { type: 'remove'; id: string };

/** The annotations in document order; one upsert is a binary-search insert, not a re-sort of thousands. */
export function annotationsReducer(list: AnnotationView[], action: AnnotationAction): AnnotationView[] {
  if (action.type === 'set') return sortInDocumentOrder(action.annotations);
  // A live event's fetch can answer after the PATCH that followed it: an older version never
  // replaces a newer one, or a change the user just made would silently flip back.
  if (action.type === 'upsert') {
    const held = list.find((annotation) => annotation.id === action.annotation.id);
    if (held && held.version > action.annotation.version) return list;
  }
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
    if (!isOnCurrentText(annotation.state) || annotation.end <= annotation.start) continue;
    for (let i = windowAt(windows, annotation.start); i < windows.length && windows[i]!.textStart < annotation.end; i++)
      lists[i]!.push(annotation);
  }
  const before = lastLists.get(windows);
  const stable = lists.map((list, i) => (before && sameItems(before[i]!, list) ? before[i]! : list));
  lastLists.set(windows, stable);
  return stable;
}
