'use client';

import { useEffect, useRef } from 'react';
import { READING_SHORTCUTS } from '@/lib/domain/reading/shortcuts';

type Props = { open: boolean; onClose: () => void };

/**
 * The reading view's shortcuts, from the one list the key handler uses. A modal <dialog>: the
 * page behind is inert, Tab cycles inside it, Escape closes it and focus goes back where it was.
 */
export function ShortcutsDialog({ open, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    }
    if (!open) {
      if (dialog.open) dialog.close();
      opener.current?.focus();
      opener.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={(event) => {
        // The page behind is inert, but Tab would still leave for the browser's own controls.
        if (event.key !== 'Tab') return;
        const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]'));
        const index = items.indexOf(document.activeElement as HTMLElement);
        event.preventDefault();
        items[(index + (event.shiftKey ? -1 : 1) + items.length) % items.length]?.focus();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-200 bg-white p-5 text-sm text-stone-800 shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="shortcuts-title" className="text-base font-semibold text-stone-900">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          autoFocus
          onClick={onClose}
          className="rounded px-2 py-1 text-sm font-medium text-accent-700 hover:bg-stone-100"
        >
          Close
        </button>
      </div>
      <p className="mt-1 text-stone-600">In the article text (Tab to it, or use “Skip to article”).</p>
      {READING_SHORTCUTS.map((group) => (
        <section key={group.title} className="mt-4">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">{group.title}</h3>
          <dl className="mt-1 grid grid-cols-[11rem_1fr] gap-x-4 gap-y-1">
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.action} className="contents">
                <dt className="whitespace-nowrap">
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? <span className="text-stone-500"> + </span> : null}
                      <kbd className="rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 font-mono text-xs">
                        {key}
                      </kbd>
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
