import Link from 'next/link';
import type { ReactNode } from 'react';

/** A page inside a workspace: the way back to its articles, then the page. */
export function WorkspacePage({ slug, wide = false, children }: { slug: string; wide?: boolean; children: ReactNode }) {
  return (
    <main className={`mx-auto ${wide ? 'max-w-4xl' : 'max-w-3xl'} px-4 py-10`}>
      <nav className="mb-6 text-sm">
        <Link href={`/w/${slug}`} className="text-stone-500 hover:text-stone-800">
          ← All articles
        </Link>
      </nav>
      {children}
    </main>
  );
}
