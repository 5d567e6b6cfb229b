'use client';

import { usePathname } from 'next/navigation';

const ARTICLE_PAGE = /^\/w\/[^/]+\/articles\/[^/]+$/;

/**
 * The first stop for Tab on an article page: past the header and the article's details, straight
 * into the text, where the reading keys work. Hidden until focused.
 */
export function SkipLink() {
  const pathname = usePathname();
  if (!ARTICLE_PAGE.test(pathname)) return null;
  return (
    <a
      href="#article-text"
      onClick={(event) => {
        const target = document.getElementById('article-text');
        if (!target) return;
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'start' });
      }}
      className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-accent-700 shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
    >
      Skip to article
    </a>
  );
}
