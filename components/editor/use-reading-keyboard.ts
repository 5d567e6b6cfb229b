'use client';

import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import {
  adjacentAnnotation,
  moveByCharacter,
  moveByWord,
  sentenceAt,
  type ReadingCursor,
} from '@/lib/domain/reading/reading-cursor';
import { readingCommand } from '@/lib/domain/reading/shortcuts';
import type { BlockWindowRegistry } from './block-window-registry';

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Where the cursor starts when a reader first presses a key: the top of the text on screen. */
function firstVisibleOffset(registry: BlockWindowRegistry): number {
  const mounted = registry.all().sort((a, b) => a.window.index - b.window.index);
  const onScreen = mounted.find((entry) => entry.element.getBoundingClientRect().bottom > 0);
  return (onScreen ?? mounted[0])?.window.textStart ?? 0;
}

/**
 * The reading view's keys (see lib/domain/reading/shortcuts.ts) on the article region: moving and
 * extending the cursor, selecting a sentence, stepping through annotations, opening a card.
 * The tag keys 1/2/3 stay with useTagShortcuts, which acts on whatever is selected.
 */
export function useReadingKeyboard(options: {
  enabled: boolean;
  articleText: string;
  registry: BlockWindowRegistry;
  toolbarRef: RefObject<HTMLElement | null>;
  cursor: ReadingCursor | null;
  setCursor: (cursor: ReadingCursor) => void;
  annotations: AnnotationView[];
  activeId: string | null;
  goTo: (id: string) => Promise<void>;
  onOpen: (id: string) => void;
  onHelp: () => void;
  onNotice: (text: string) => void;
}) {
  const { enabled, articleText, registry, toolbarRef, cursor, setCursor, annotations, activeId } = options;
  const { goTo, onOpen, onHelp, onNotice } = options;

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!enabled || isTypingTarget(event.target) || toolbarRef.current?.contains(event.target as Node)) return;
      const command = readingCommand(event);
      if (!command) return;
      const current = cursor ?? { anchor: firstVisibleOffset(registry), head: firstVisibleOffset(registry) };
      const anchored = annotations.filter((annotation) => annotation.state !== 'orphaned');
      switch (command.type) {
        case 'move': {
          event.preventDefault();
          const move = command.unit === 'word' ? moveByWord : moveByCharacter;
          if (command.extend)
            return setCursor({ anchor: current.anchor, head: move(articleText, current.head, command.direction) });
          // Like a text field: an arrow first collapses a selection to the side it points to.
          if (current.anchor !== current.head) {
            const edge = (command.direction === 1 ? Math.max : Math.min)(current.anchor, current.head);
            return setCursor({ anchor: edge, head: edge });
          }
          const head = move(articleText, current.head, command.direction);
          return setCursor({ anchor: head, head });
        }
        case 'sentence': {
          event.preventDefault();
          const sentence = sentenceAt(articleText, current.head);
          if (sentence) setCursor({ anchor: sentence.start, head: sentence.end });
          return;
        }
        case 'annotation': {
          event.preventDefault();
          const next = adjacentAnnotation(anchored, { id: activeId, offset: current.head }, command.direction);
          if (!next)
            return onNotice(
              command.direction === 1 ? 'No annotation after this one.' : 'No annotation before this one.',
            );
          setCursor({ anchor: next.start, head: next.start });
          void goTo(next.id);
          return;
        }
        case 'open': {
          const under = anchored.filter((a) => a.start <= current.head && current.head <= a.end);
          const target = (under.find((a) => a.id === activeId) ?? under[0])?.id ?? activeId;
          if (!target) return;
          event.preventDefault();
          return onOpen(target);
        }
        case 'collapse':
          if (current.anchor !== current.head) setCursor({ anchor: current.head, head: current.head });
          return;
        case 'help':
          event.preventDefault();
          return onHelp();
      }
    },
    [
      enabled,
      toolbarRef,
      cursor,
      registry,
      annotations,
      articleText,
      setCursor,
      activeId,
      goTo,
      onOpen,
      onHelp,
      onNotice,
    ],
  );
}
