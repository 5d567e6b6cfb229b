'use client';

import { useId, type ReactNode } from 'react';

type Props = { open: boolean; onOpenChange: (open: boolean) => void; count: number; children: ReactNode };

/**
 * The annotations beside the article on a wide screen; on a phone a bottom sheet behind a toggle,
 * so the text keeps the screen and the cards are a tap (or Enter) away.
 */
export function AnnotationsSheet({ open, onOpenChange, count, children }: Props) {
  const id = useId();
  return (
    <div
      data-testid="annotations-sheet"
      data-open={open}
      className="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-white shadow-[0_-4px_16px_rgba(0,0,0,0.08)] lg:sticky lg:inset-x-auto lg:bottom-auto lg:top-6 lg:z-auto lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto lg:border-0 lg:bg-transparent lg:shadow-none"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && open) onOpenChange(false);
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => onOpenChange(!open)}
        className="flex w-full items-center justify-between px-4 py-3 text-sm font-semibold text-stone-900 lg:hidden"
      >
        <span>
          Annotations <span className="font-normal text-stone-600">({count})</span>
        </span>
        <span className="text-xs font-medium text-accent-700">{open ? 'Hide' : 'Show'}</span>
      </button>
      <div
        id={id}
        className={`${open ? 'block' : 'hidden'} max-h-[60vh] overflow-y-auto px-4 pb-4 lg:block lg:max-h-none lg:overflow-visible lg:p-0`}
      >
        {children}
      </div>
    </div>
  );
}
