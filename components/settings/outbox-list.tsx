import type { listOutbox } from '@/server/data/mail/list-mail';
import { DATE_TIME_SECONDS } from '@/lib/format/dates';

type OutboxMail = Awaited<ReturnType<typeof listOutbox>>[number];

/** The text part only: it holds every link, and needs no HTML rendering of mail bodies. */
export function OutboxList({ mails }: { mails: OutboxMail[] }) {
  if (mails.length === 0) return <p className="text-sm text-stone-600">No mail yet.</p>;
  return (
    <ul className="space-y-4" aria-label="Outbox">
      {mails.map((mail) => (
        <li key={mail.id} className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
          <p className="font-medium text-stone-900">{mail.subject}</p>
          <p className="text-xs text-stone-500">
            To {mail.to} · {mail.kind} · {mail.status} after {mail.attempts} attempt{mail.attempts === 1 ? '' : 's'} ·{' '}
            <time dateTime={mail.createdAt.toISOString()}>{DATE_TIME_SECONDS.format(mail.createdAt)}</time>
          </p>
          <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-stone-700">{mail.text}</pre>
        </li>
      ))}
    </ul>
  );
}
