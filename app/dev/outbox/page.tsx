import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OutboxList } from '@/components/settings/outbox-list';
import { listOutbox } from '@/server/data/mail/list-mail';

export const metadata: Metadata = { title: 'Outbox (development)' };
export const dynamic = 'force-dynamic';

/**
 * Every mail the app sent, for `npm run dev` without SMTP_URL: reset and verification links
 * included, so it exists in development only (404 in production, whatever the settings).
 */
export default async function OutboxPage() {
  if (process.env.NODE_ENV !== 'development') notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Outbox</h1>
      <p className="mb-6 text-sm text-stone-600">
        Development only.{' '}
        {process.env.SMTP_URL
          ? 'SMTP_URL is set: these also went to the SMTP server.'
          : 'Without SMTP_URL, mail goes nowhere else (and to the console).'}
      </p>
      <OutboxList mails={await listOutbox()} />
    </main>
  );
}
