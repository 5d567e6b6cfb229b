'use client';

import { useMemo, useReducer } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { unpackAnnotations, type PackedAnnotations } from '@/lib/domain/annotations/packed-annotations';
import { annotationsPerWindow, annotationsReducer } from '@/lib/domain/annotations/annotation-list';
import { sortInDocumentOrder } from '@/lib/domain/annotations/filter-annotations';
import type { BlockWindow } from '@/lib/domain/document/block-windows';

const startingList = (packed: PackedAnnotations): AnnotationView[] => sortInDocumentOrder(unpackAnnotations(packed));

export type { AnnotationAction } from '@/lib/domain/annotations/annotation-list';

/**
 * One store for the sidebar and the highlights: the list in document order and, per block window,
 * the anchored annotations that touch it. A window's list keeps its identity while nothing in it
 * changed, so adding one highlight re-renders one window, not all of them.
 */
export function useAnnotationStore(initial: PackedAnnotations, windows: readonly BlockWindow[]) {
  const [annotations, dispatch] = useReducer(annotationsReducer, initial, startingList);
  const perWindow = useMemo(() => annotationsPerWindow(annotations, windows), [annotations, windows]);
  return { annotations, dispatch, perWindow };
}
