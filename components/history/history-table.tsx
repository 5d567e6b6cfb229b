import { RevisionAuditLink } from '@/components/revisions/revision-audit-link';
import { describeAuditEvent, type AuditEventView } from '@/lib/domain/audit/describe-audit-event';
import { DATE_TIME_SECONDS } from '@/lib/format/dates';

export function HistoryTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500">
        No events match.
      </p>
    );
  }
  return (
    // Focusable so that keyboard users can scroll the table sideways on a narrow screen (axe: scrollable-region-focusable).
    <div
      className="overflow-x-auto rounded-lg border border-stone-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label="History table, scrolls sideways"
    >
      <table className="w-full text-left text-sm" aria-label="History">
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              When (UTC)
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              What
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {events.map((event) => (
            <tr key={event.id} data-action={event.action}>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums text-stone-500">
                <time dateTime={event.createdAt}>{DATE_TIME_SECONDS.format(new Date(event.createdAt))}</time>
              </td>
              <td className="whitespace-nowrap px-4 py-2 font-medium text-stone-800">{event.actorName ?? 'System'}</td>
              <td className="px-4 py-2 text-stone-700">
                {describeAuditEvent(event)}
                <RevisionAuditLink event={event} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
