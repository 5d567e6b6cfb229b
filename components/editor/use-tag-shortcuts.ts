'use client';

import { useEffect } from 'react';
import { tagForKey, type Tag } from '@/lib/domain/annotations/tags';

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Keys 1 / 2 / 3 tag the selection; Escape drops it. Typing in a field or in the editor is left alone. */
export function useTagShortcuts(options: { active: boolean; onTag: (tag: Tag) => void; onEscape: () => void }) {
  const { active, onTag, onEscape } = options;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      if (event.key === 'Escape') return onEscape();
      const tag = tagForKey(event.key);
      if (tag) {
        event.preventDefault();
        onTag(tag);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [active, onTag, onEscape]);
}
