import { NextResponse } from 'next/server';
import { describeAuditEvent } from '@/lib/domain/audit/describe-audit-event';
import { toCsv } from '@/lib/domain/export/csv';
import { requireRequestUser } from '@/server/auth/request-user';
import { listAuditEvents } from '@/server/data/audit/list-audit-events';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ workspaceSlug: string }> };

/** The audit trail as JSON, or as CSV with `?format=csv`; filters: articleId, actorId, action. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const query = new URL(request.url).searchParams;
  const csvWanted = query.get('format') === 'csv';
  const { workspace, article, events, truncated } = await listAuditEvents({
    userId: user.id,
    workspaceSlug: (await params).workspaceSlug,
    filters: {
      articleId: query.get('articleId') ?? undefined,
      actorId: query.get('actorId') ?? undefined,
      action: query.get('action') ?? undefined,
    },
    // An export is the whole record; the JSON view is paged like the History page.
    limit: csvWanted ? 1_000_000 : undefined,
  });
  if (!csvWanted) return NextResponse.json({ events, truncated });
  const csv = toCsv(
    ['time', 'actor', 'action', 'description', 'object_type', 'object_id', 'before', 'after'],
    events.map((event) => [
      event.createdAt,
      event.actorName,
      event.action,
      describeAuditEvent(event),
      event.objectType,
      event.objectId,
      event.before,
      event.after,
    ]),
  );
  const name = `${workspace.slug}${article ? `-article-${article.id.slice(0, 8)}` : ''}-history.csv`;
  return new NextResponse(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` },
  });
});
