'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ReadingCursor } from '@/lib/domain/reading/reading-cursor';
import type { BlockWindowRegistry } from './block-window-registry';

export type CaretBox = { top: number; left: number; height: number };

const keyOf = (cursor: ReadingCursor) => `${cursor.anchor}-${cursor.head}`;

/**
 * ProseMirror gives points between nodes (e.g. where a highlight begins) as an element and a child
 * index, which has no box of its own; the same point inside the neighbouring text does.
 */
function textPoint(node: Node, offset: number): { node: Node; offset: number } {
  if (node.nodeType === Node.TEXT_NODE) return { node, offset };
  const after = node.childNodes[offset];
  const before = node.childNodes[offset - 1];
  const walk = (root: Node, last: boolean) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let found: Node | null = null;
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      found = text;
      if (!last) break;
    }
    return found;
  };
  const next = after ? walk(after, false) : null;
  if (next) return { node: next, offset: 0 };
  const previous = before ? walk(before, true) : null;
  if (previous) return { node: previous, offset: previous.textContent?.length ?? 0 };
  return { node, offset };
}

function caretBox(range: Range, container: HTMLElement): CaretBox | null {
  let rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (!rect.height) {
    const node = range.startContainer;
    const element = node instanceof Element ? node : node.parentElement;
    if (!element) return null;
    rect = element.getBoundingClientRect();
  }
  const box = container.getBoundingClientRect();
  return { top: rect.top - box.top, left: rect.left - box.left, height: rect.height };
}

/**
 * The keyboard reading cursor (plain-text offsets) mirrored into the page: a non-collapsed cursor
 * is the DOM selection, so the tag toolbar and tag keys work on it exactly as on a mouse
 * selection; the head is drawn as a caret. ProseMirror keeps no caret in a read-only view, and
 * caret browsing cannot be relied on, so the caret is ours. A mouse selection becomes the cursor.
 */
export function useReadingCursor(options: {
  enabled: boolean;
  registry: BlockWindowRegistry;
  containerRef: RefObject<HTMLElement | null>;
  mountWindowAt: (offset: number) => Promise<number>;
}) {
  const { enabled, registry, containerRef, mountWindowAt } = options;
  const [cursor, setCursorState] = useState<ReadingCursor | null>(null);
  const [caret, setCaret] = useState<CaretBox | null>(null);
  // The cursor last written to or read from the DOM selection, so neither echoes the other.
  const mirrored = useRef<string | null>(null);

  const setCursor = useCallback((next: ReadingCursor | null) => setCursorState(next), []);

  useEffect(() => {
    const container = containerRef.current;
    if (!enabled || !cursor || !container) return;
    let cancelled = false;
    void (async () => {
      const headWindow = await mountWindowAt(cursor.head);
      const anchorWindow = await mountWindowAt(cursor.anchor);
      if (cancelled) return;
      const head = registry.domAt(cursor.head, headWindow, cursor.head >= cursor.anchor ? -1 : 1);
      const anchor = registry.domAt(cursor.anchor, anchorWindow, cursor.head >= cursor.anchor ? 1 : -1);
      if (!head || !anchor) return;
      if (mirrored.current !== keyOf(cursor)) {
        mirrored.current = keyOf(cursor);
        const selection = window.getSelection();
        if (cursor.anchor === cursor.head) selection?.removeAllRanges();
        else selection?.setBaseAndExtent(anchor.node, anchor.offset, head.node, head.offset);
      }
      const range = document.createRange();
      const point = textPoint(head.node, head.offset);
      range.setStart(point.node, point.offset);
      const box = caretBox(range, container);
      setCaret(box);
      const element = head.node instanceof Element ? head.node : head.node.parentElement;
      element?.scrollIntoView({ block: 'nearest' });
    })();
    return () => {
      cancelled = true;
    };
  }, [enabled, cursor, registry, containerRef, mountWindowAt]);

  // A selection made with the mouse (or by touch) moves the cursor there.
  useEffect(() => {
    if (!enabled) return;
    const onSelectionChange = () => {
      const dom = window.getSelection();
      if (!dom || dom.isCollapsed || !dom.anchorNode || !dom.focusNode) return;
      if (!containerRef.current?.contains(dom.anchorNode)) return;
      const anchor = registry.offsetAt(dom.anchorNode, dom.anchorOffset);
      const head = registry.offsetAt(dom.focusNode, dom.focusOffset);
      if (anchor === null || head === null) return;
      const next = { anchor, head };
      if (mirrored.current === keyOf(next)) return;
      mirrored.current = keyOf(next);
      setCursorState(next);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [enabled, registry, containerRef]);

  return { cursor: enabled ? cursor : null, caret: enabled && cursor ? caret : null, setCursor };
}
