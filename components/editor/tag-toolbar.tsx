'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { NOTE_MAX_LENGTH, TAGS, type Tag } from '@/lib/domain/annotations/tags';
import { tagChipClass, tagLabel } from './tag-style';

type Props = {
  position: { top: number; left: number };
  pending: boolean;
  onTag: (tag: Tag, note: string | null) => void;
  onCancel: () => void;
};

/** Floats above the selected text: tag it (1 / 2 / 3), optionally with a note; Escape cancels. */
export function TagToolbar({ position, pending, onTag, onCancel }: Props) {
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const withNote = () => (noteOpen && note.trim() ? note.trim() : null);
  // Centred over a selection near the screen's edge (a phone), it would hang off the side.
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.style.marginLeft = '0px';
    const rect = element.getBoundingClientRect();
    const margin = 8;
    const overLeft = margin - rect.left;
    const overRight = rect.right - (document.documentElement.clientWidth - margin);
    element.style.marginLeft = `${overLeft > 0 ? overLeft : overRight > 0 ? -overRight : 0}px`;
  }, [position.left, position.top, noteOpen]);
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Tag the selected text"
      className="absolute z-20 -translate-x-1/2 -translate-y-full rounded-lg border border-stone-200 bg-white p-1.5 shadow-lg"
      style={{ top: position.top - 8, left: position.left }}
      onMouseDown={(event) => {
        // Keep the text selection while clicking the toolbar's buttons.
        if ((event.target as HTMLElement).tagName !== 'TEXTAREA') event.preventDefault();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div className="flex items-center gap-1">
        {TAGS.map((tag, index) => (
          <button
            key={tag}
            type="button"
            disabled={pending}
            onClick={() => onTag(tag, withNote())}
            className={`rounded-md px-2.5 py-1 text-sm font-medium ring-1 ring-inset hover:brightness-95 disabled:opacity-50 ${tagChipClass(tag)}`}
            aria-keyshortcuts={String(index + 1)}
          >
            {tagLabel(tag)} <span className="ml-0.5 text-xs opacity-60">{index + 1}</span>
          </button>
        ))}
        <button
          type="button"
          onClick={() => setNoteOpen((open) => !open)}
          aria-expanded={noteOpen}
          className="rounded-md px-2 py-1 text-sm text-stone-600 hover:bg-stone-100"
        >
          {noteOpen ? 'No note' : '+ Note'}
        </button>
      </div>
      {noteOpen ? (
        <textarea
          aria-label="Note"
          autoFocus
          value={note}
          maxLength={NOTE_MAX_LENGTH}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Why this passage matters (then choose a tag)"
          className="mt-1.5 block w-72 rounded-md border border-stone-300 px-2 py-1.5 text-sm"
          rows={3}
        />
      ) : null}
    </div>
  );
}
