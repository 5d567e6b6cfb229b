import type { FailedMailRow } from '@/server/data/mail/list-mail';
import { DATE_TIME } from '@/lib/format/dates';

/** Mail the user caused that failed after all its retries: they can tell the person another way. */
export function FailedMailList({ mails }: { mails: FailedMailRow[] }) {
  if (mails.length === 0)
    return <p className="text-sm text-stone-600">None: every mail you caused was delivered or is on its way.</p>;
  return (
    <ul
      className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm"
      aria-label="Failed mail"
    >
      {mails.map((mail) => (
        <li key={mail.id} className="px-4 py-3">
          <p className="font-medium text-stone-800">{mail.subject}</p>
          <p className="text-stone-600">
            To {mail.to} · <time dateTime={mail.createdAt.toISOString()}>{DATE_TIME.format(mail.createdAt)}</time>
          </p>
          {mail.lastError ? <p className="mt-1 text-xs text-red-700">{mail.lastError}</p> : null}
        </li>
      ))}
    </ul>
  );
}
