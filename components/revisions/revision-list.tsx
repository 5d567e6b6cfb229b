import Link from 'next/link';
import { EVIDENCE_STATES, EVIDENCE_STATE_LABELS } from '@/lib/domain/evidence/evidence-state';
import type { RevisionSummary } from '@/server/data/revisions/revisions';
import { DATE_TIME } from '@/lib/format/dates';

function anchorSummary(anchors: RevisionSummary['anchors']): string {
  if (!anchors) return '—';
  const parts = EVIDENCE_STATES.filter((state) => anchors[state] > 0).map(
    (state) => `${anchors[state]} ${EVIDENCE_STATE_LABELS[state].toLowerCase()}`,
  );
  return parts.length ? parts.join(', ') : 'no annotations';
}

/** The article's revisions, newest first, with a form to compare any two. */
export function RevisionList({ base, revisions }: { base: string; revisions: RevisionSummary[] }) {
  const newest = revisions[0]?.number ?? 1;
  const options = revisions.map((revision) => (
    <option key={revision.id} value={revision.number}>
      Revision {revision.number}
    </option>
  ));
  return (
    <div className="space-y-6">
      <form action={`${base}/compare`} method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Compare
          <select
            name="from"
            defaultValue={Math.max(1, newest - 1)}
            className="rounded border border-stone-300 px-2 py-1"
          >
            {options}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          with
          <select name="to" defaultValue={newest} className="rounded border border-stone-300 px-2 py-1">
            {options}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-accent-700 px-3 py-1.5 font-medium text-white">
          Compare
        </button>
      </form>
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-stone-500">
          <tr>
            <th className="py-2">Revision</th>
            <th>Author</th>
            <th>Saved</th>
            <th>Change</th>
            <th>Annotations</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.id} className="border-t border-stone-200" data-testid="revision-row">
              <td className="py-2">
                <Link href={`${base}/${revision.number}`} className="font-medium text-accent-700 hover:underline">
                  Revision {revision.number}
                </Link>
              </td>
              <td>{revision.authorName ?? 'Former member'}</td>
              <td>
                <time dateTime={revision.createdAt.toISOString()}>{DATE_TIME.format(revision.createdAt)}</time>
              </td>
              <td>
                {revision.number === 1 ? `${revision.length} characters` : `${revision.changeSize} characters changed`}
              </td>
              <td>{anchorSummary(revision.anchors)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
