import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryTable } from '@/components/history/history-table';
import { auditActionLabel } from '@/lib/domain/audit/audit-action-labels';
import { requirePageUser } from '@/server/auth/session';
import { AUDIT_PAGE_LIMIT, listAuditEvents } from '@/server/data/audit/list-audit-events';
import { orNotFound } from '@/server/pages/or-not-found';

export const metadata: Metadata = { title: 'History' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: SearchParams;
}) {
  const { workspace: slug } = await params;
  const query = await searchParams;
  const filters = { articleId: first(query.article), actorId: first(query.actor), action: first(query.action) };
  const user = await requirePageUser(`/w/${slug}/history`);
  const history = await orNotFound(listAuditEvents({ userId: user.id, workspaceSlug: slug, filters }));
  const csv = new URLSearchParams({ format: 'csv' });
  if (filters.articleId) csv.set('articleId', filters.articleId);
  if (filters.actorId) csv.set('actorId', filters.actorId);
  if (filters.action) csv.set('action', filters.action);
  const back = history.article ? `/w/${slug}/articles/${history.article.id}` : `/w/${slug}`;

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <nav className="mb-6 text-sm">
        <Link href={back} className="text-stone-500 hover:text-stone-800">
          ← {history.article ? 'Back to the article' : 'All articles'}
        </Link>
      </nav>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">History</h1>
          <p className="mt-1 text-sm text-stone-500">
            {history.article ? (
              <>Of “{history.article.title}” and its annotations</>
            ) : (
              <>Everything recorded in {history.workspace.name}</>
            )}{' '}
            · {history.events.length} {history.events.length === 1 ? 'event' : 'events'}, oldest first
          </p>
        </div>
        <a
          href={`/api/workspaces/${slug}/history?${csv.toString()}`}
          className="rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
        >
          Download CSV
        </a>
      </div>
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter history">
        {filters.articleId ? <input type="hidden" name="article" value={filters.articleId} /> : null}
        <label className="text-stone-600">
          Who
          <select
            name="actor"
            defaultValue={filters.actorId ?? ''}
            className="mt-0.5 block rounded border border-stone-300 bg-white px-2 py-1.5"
          >
            <option value="">Everyone</option>
            {history.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-stone-600">
          What
          <select
            name="action"
            defaultValue={filters.action ?? ''}
            className="mt-0.5 block rounded border border-stone-300 bg-white px-2 py-1.5"
          >
            <option value="">Any change</option>
            {history.actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-accent-700 px-3.5 py-2 font-medium text-white hover:bg-accent-800"
        >
          Filter
        </button>
      </form>
      {history.truncated ? (
        <p className="mb-3 text-sm text-amber-800">
          Showing the first {AUDIT_PAGE_LIMIT} events; narrow the filters or download the CSV.
        </p>
      ) : null}
      <HistoryTable events={history.events} />
    </main>
  );
}
