import type { AuditEventView } from '@/lib/domain/audit/describe-audit-event';

/**
 * For a History entry that made a revision: links to it and to its comparison with the one
 * before. Relative to /w/[workspace]/history, so the table needs no workspace prop.
 */
export function RevisionAuditLink({ event }: { event: AuditEventView }) {
  const number = (event.after as { number?: unknown } | null)?.number;
  if (event.action !== 'article.revised' || typeof number !== 'number') return null;
  const base = `articles/${encodeURIComponent(event.objectId)}/revisions`;
  return (
    <span className="ml-2 whitespace-nowrap text-xs">
      <a href={`${base}/${number}`} className="text-accent-700 hover:underline">
        View
      </a>
      {number > 1 ? (
        <>
          {' · '}
          <a href={`${base}/compare?from=${number - 1}&to=${number}`} className="text-accent-700 hover:underline">
            Compare
          </a>
        </>
      ) : null}
    </span>
  );
}
