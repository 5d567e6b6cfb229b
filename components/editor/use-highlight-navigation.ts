'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { windowAt, type BlockWindow } from '@/lib/domain/document/block-windows';
import { isOnCurrentText } from '@/lib/domain/evidence/evidence-state';
import type { BlockWindowRegistry } from './block-window-registry';

const FLASH_MS = 1_600;

/**
 * The active annotation (outlined in the text, ringed in the sidebar), going to a highlight, and
 * arriving from a link or a search hit. A highlight in a window not yet mounted is reached by
 * scrolling its window into view and waiting for its editor.
 */
export function useHighlightNavigation(options: {
  containerRef: RefObject<HTMLElement | null>;
  registry: BlockWindowRegistry;
  windows: readonly BlockWindow[];
  annotations: AnnotationView[];
  focusAnnotationId?: string;
  focusRange?: { start: number; end: number };
}) {
  const { containerRef, registry, windows, annotations, focusAnnotationId, focusRange } = options;
  const [activeId, setActiveId] = useState<string | null>(null);

  const marksOf = useCallback(
    (id: string) =>
      Array.from(
        containerRef.current?.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`) ?? [],
      ),
    [containerRef],
  );

  const mountWindowAt = useCallback(
    async (offset: number) => {
      const index = windowAt(windows, offset);
      if (!registry.get(index))
        containerRef.current?.querySelector(`[data-block-window="${index}"]`)?.scrollIntoView({ block: 'center' });
      await registry.whenMounted(index);
      return index;
    },
    [windows, registry, containerRef],
  );

  const goTo = useCallback(
    async (id: string) => {
      const annotation = annotations.find((a) => a.id === id);
      if (!annotation || !isOnCurrentText(annotation.state)) return;
      if (!marksOf(id).length) await mountWindowAt(annotation.start);
      const marks = marksOf(id);
      if (!marks.length) return;
      setActiveId(id);
      marks[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' });
      marks[0]!.focus({ preventScroll: true });
      marks.forEach((mark) => mark.classList.add('is-flashing'));
      window.setTimeout(() => marks.forEach((mark) => mark.classList.remove('is-flashing')), FLASH_MS);
    },
    [annotations, marksOf, mountWindowAt],
  );

  // The active annotation's highlight is outlined.
  useEffect(() => {
    containerRef.current?.querySelectorAll('mark.is-active').forEach((mark) => mark.classList.remove('is-active'));
    if (activeId) marksOf(activeId).forEach((mark) => mark.classList.add('is-active'));
  }, [activeId, annotations, marksOf, containerRef]);

  // Arriving from a link or a search result: bring that annotation into view.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAnnotationId || focused.current === focusAnnotationId) return;
    const annotation = annotations.find((a) => a.id === focusAnnotationId);
    const frame = window.requestAnimationFrame(() => {
      focused.current = focusAnnotationId;
      if (annotation && isOnCurrentText(annotation.state)) void goTo(focusAnnotationId);
      else {
        setActiveId(focusAnnotationId);
        document.getElementById(`annotation-card-${focusAnnotationId}`)?.scrollIntoView({ block: 'nearest' });
      }
    });
    return () => window.cancelAnimationFrame(frame);
  }, [focusAnnotationId, annotations, goTo]);

  // Arriving from a search hit: select the passage so it stands out and can be tagged at once.
  const rangeShown = useRef<string | null>(null);
  useEffect(() => {
    const key = focusRange ? `${focusRange.start}-${focusRange.end}` : null;
    if (!focusRange || !key || rangeShown.current === key) return;
    rangeShown.current = key;
    void (async () => {
      const first = await mountWindowAt(focusRange.start);
      const last = await mountWindowAt(focusRange.end);
      const from = registry.domAt(focusRange.start, first, 1);
      const to = registry.domAt(focusRange.end, last, -1);
      if (!from || !to) return;
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      const element = from.node instanceof Element ? from.node : from.node.parentElement;
      element?.scrollIntoView({ block: 'center' });
    })();
  }, [focusRange, mountWindowAt, registry]);

  const selectFromHighlight = useCallback((target: EventTarget | null) => {
    const id = (target as HTMLElement | null)
      ?.closest?.('mark[data-annotation-id]')
      ?.getAttribute('data-annotation-id');
    if (!id) return;
    setActiveId(id);
    document.getElementById(`annotation-card-${id}`)?.scrollIntoView({ block: 'nearest' });
  }, []);

  return { activeId, setActiveId, goTo, selectFromHighlight, mountWindowAt };
}
