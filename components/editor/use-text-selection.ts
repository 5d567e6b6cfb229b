'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { BlockWindowRegistry } from './block-window-registry';

export type TextSelection = { start: number; end: number; exact: string; top: number; left: number };

/**
 * The reader's selection in the article as plain-text offsets (whitespace at either end trimmed),
 * with where to float the tag toolbar. It may span windows; both ends must be in mounted ones.
 */
export function useTextSelection(options: {
  enabled: boolean;
  registry: BlockWindowRegistry;
  articleText: string;
  containerRef: RefObject<HTMLElement | null>;
  toolbarRef: RefObject<HTMLElement | null>;
}) {
  const { enabled, registry, articleText, containerRef, toolbarRef } = options;
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const current = useRef<TextSelection | null>(null);
  useEffect(() => {
    current.current = selection;
  }, [selection]);

  const clearSelection = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const onSelectionChange = () => {
      if (toolbarRef.current?.contains(document.activeElement)) return;
      const dom = window.getSelection();
      const container = containerRef.current;
      if (!dom || dom.isCollapsed || !dom.rangeCount || !container) return setSelection(null);
      const range = dom.getRangeAt(0);
      let start = registry.offsetAt(range.startContainer, range.startOffset);
      let end = registry.offsetAt(range.endContainer, range.endOffset);
      if (start === null || end === null) return setSelection(null);
      while (start < end && /\s/.test(articleText[start]!)) start++;
      while (end > start && /\s/.test(articleText[end - 1]!)) end--;
      if (end <= start) return setSelection(null);
      const rect = range.getBoundingClientRect();
      const box = container.getBoundingClientRect();
      setSelection({
        start,
        end,
        exact: articleText.slice(start, end),
        top: rect.top - box.top,
        left: rect.left + rect.width / 2 - box.left,
      });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [enabled, registry, articleText, containerRef, toolbarRef]);

  // Leaving review mode drops the selection without another render pass.
  return { selection: enabled ? selection : null, current, clearSelection };
}
