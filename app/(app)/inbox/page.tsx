import type { Metadata } from 'next';
import Link from 'next/link';
import { InboxList } from '@/components/inbox/inbox-list';
import { Logo } from '@/components/ui/logo';
import { requirePageUser } from '@/server/auth/session';
import { listInbox } from '@/server/data/inbox/inbox';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const user = await requirePageUser('/inbox');
  const items = await listInbox(user.id);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <nav className="mb-8 flex items-center justify-between text-sm">
        <Link href="/" aria-label="Marginalia, back to your workspace">
          <Logo />
        </Link>
        <span className="text-stone-500">{user.email}</span>
      </nav>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Inbox</h1>
      <InboxList items={items} />
    </main>
  );
}
