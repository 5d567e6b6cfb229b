import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from './logo';

/** Pages outside a workspace (inbox, settings): the logo home, who is signed in, a title. */
export function StandalonePage({ title, email, children }: { title: string; email: string; children: ReactNode }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <nav className="mb-8 flex items-center justify-between text-sm">
        <Link href="/" aria-label="Marginalia, back to your workspace">
          <Logo />
        </Link>
        <span className="text-stone-500">{email}</span>
      </nav>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{title}</h1>
      {children}
    </main>
  );
}
