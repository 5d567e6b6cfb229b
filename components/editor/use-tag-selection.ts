'use client';

import { useCallback, type RefObject } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import type { Tag } from '@/lib/domain/annotations/tags';
import { useTagShortcuts } from './use-tag-shortcuts';
import type { TextSelection } from './use-text-selection';

/**
 * Tagging the current selection, by toolbar or by 1/2/3: creates the annotation, then carries the
 * reader on from the passage (cursor after it, focus back in the text) unless they have already
 * selected something else while it was being saved.
 */
export function useTagSelection(options: {
  active: boolean;
  selection: TextSelection | null;
  current: RefObject<TextSelection | null>;
  clearSelection: () => void;
  creating: boolean;
  create: (input: { tag: Tag; note: string | null } & TextSelection) => Promise<AnnotationView | null>;
  setCursor: (cursor: { anchor: number; head: number } | null) => void;
  setActiveId: (id: string) => void;
  containerRef: RefObject<HTMLElement | null>;
  toolbarRef: RefObject<HTMLElement | null>;
}) {
  const { selection, current, clearSelection, creating, create, setCursor, setActiveId, containerRef, toolbarRef } =
    options;
  const tagSelection = useCallback(
    async (tag: Tag, note: string | null) => {
      if (!selection || creating) return;
      const created = await create({ tag, note, ...selection });
      if (!created) return;
      if (current.current?.start === selection.start && current.current.end === selection.end) {
        clearSelection();
        setCursor({ anchor: selection.end, head: selection.end });
      }
      setActiveId(created.id);
      // A toolbar button that was pressed is gone with the toolbar: carry on reading from the passage.
      const container = containerRef.current;
      const focused = document.activeElement;
      if (container && (!container.contains(focused) || toolbarRef.current?.contains(focused)))
        container.focus({ preventScroll: true });
    },
    [selection, creating, create, current, clearSelection, setActiveId, setCursor, containerRef, toolbarRef],
  );
  useTagShortcuts({
    active: options.active && !!selection,
    onTag: (tag) => void tagSelection(tag, null),
    onEscape: clearSelection,
  });
  return tagSelection;
}
