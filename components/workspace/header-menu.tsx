'use client';

import { usePathname } from 'next/navigation';
import { useRef, useState, type ReactNode } from 'react';

/**
 * The header's links: in a row on wide screens, behind a "Menu" button on a phone (at 390 px
 * the row was twice the screen's width). Escape closes it and returns focus to the button.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open on the page it was opened on: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="relative sm:static">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpen(!open)}
        className="rounded-md border border-stone-300 px-2.5 py-1 text-sm font-medium text-stone-700 hover:bg-stone-100 sm:hidden"
      >
        Menu
      </button>
      <nav
        id="header-menu"
        aria-label="Account"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            setOpen(false);
            button.current?.focus();
          }
        }}
        className={`${open ? 'flex' : 'hidden'} absolute right-0 top-10 z-30 min-w-48 flex-col items-stretch gap-1 rounded-lg border border-stone-200 bg-white p-2 shadow-lg sm:static sm:flex sm:min-w-0 sm:flex-row sm:items-center sm:gap-3 sm:border-0 sm:p-0 sm:shadow-none`}
      >
        {children}
      </nav>
    </div>
  );
}
