'use client';

import { useCallback, useState, type RefObject } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import type { BlockWindowRegistry } from './block-window-registry';
import type { useHighlightNavigation } from './use-highlight-navigation';
import { useReadingCursor } from './use-reading-cursor';
import { useReadingKeyboard } from './use-reading-keyboard';

/**
 * Reviewing without a mouse: the reading cursor and its keys, the shortcuts dialog, and moving
 * focus between a passage and its card (opening the phone's bottom sheet on the way).
 */
export function useKeyboardReview(options: {
  reviewing: boolean;
  articleText: string;
  registry: BlockWindowRegistry;
  containerRef: RefObject<HTMLDivElement | null>;
  toolbarRef: RefObject<HTMLElement | null>;
  annotations: AnnotationView[];
  navigation: ReturnType<typeof useHighlightNavigation>;
  onNotice: (text: string) => void;
}) {
  const { reviewing, articleText, registry, containerRef, toolbarRef, annotations, navigation, onNotice } = options;
  const { setActiveId, goTo, mountWindowAt, activeId } = navigation;
  const reading = useReadingCursor({ enabled: reviewing, registry, containerRef, mountWindowAt });
  const { setCursor } = reading;
  const [helpOpen, setHelpOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [cardFocus, setCardFocus] = useState<{ id: string; nonce: number } | null>(null);

  const openCard = useCallback(
    (id: string) => {
      setActiveId(id);
      setSheetOpen(true);
      setCardFocus((previous) => ({ id, nonce: (previous?.nonce ?? 0) + 1 }));
    },
    [setActiveId],
  );
  const returnToPassage = useCallback(
    (id: string) => {
      setSheetOpen(false);
      const annotation = annotations.find((a) => a.id === id);
      if (!annotation || annotation.state === 'orphaned') return containerRef.current?.focus();
      setCursor({ anchor: annotation.start, head: annotation.start });
      void goTo(id);
    },
    [annotations, containerRef, setCursor, goTo],
  );
  const onKeyDown = useReadingKeyboard({
    enabled: reviewing,
    articleText,
    registry,
    toolbarRef,
    cursor: reading.cursor,
    setCursor,
    annotations,
    activeId,
    goTo,
    onOpen: openCard,
    onHelp: useCallback(() => setHelpOpen(true), []),
    onNotice,
  });

  return {
    caret: reading.caret,
    setCursor,
    onKeyDown,
    helpOpen,
    closeHelp: useCallback(() => setHelpOpen(false), []),
    sheetOpen,
    setSheetOpen,
    cardFocus,
    returnToPassage,
  };
}
