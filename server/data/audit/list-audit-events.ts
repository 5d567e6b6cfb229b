import 'server-only';
import type { AuditEventView } from '@/lib/domain/audit/describe-audit-event';
import { redactAuditEvent } from '@/lib/domain/audit/redact-audit-event';
import { AppError } from '@/lib/errors';
import { ZAuditActionFilter } from '@/lib/validation/audit';
import { isUuid } from '@/lib/validation/ids';
import { validateInput } from '../../http/read-json-body';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { encodeEventCursor } from '../../live/event-cursor';
import { readsAllPrivileged } from '@/lib/domain/privilege/annotation-visibility';
import { withholdAuditEvent } from '@/lib/domain/privilege/withhold-audit-event';
import { withheldAnnotationIds } from '../privilege/visible-annotations';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';
import { storedAuditEvent } from './stored-audit-event';

export type AuditFilters = { articleId?: string; actorId?: string; action?: string };
/** History's filter offers these only to readers of every privileged note (they say one was marked). */
const PRIVILEGE_ACTIONS = new Set(['annotation.privileged', 'annotation.unprivileged']);
export const AUDIT_PAGE_LIMIT = 5_000;

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'This article does not exist or you cannot see it.' });

/**
 * A workspace's audit trail, oldest first, for any member, redacted for their role (owners
 * read everything); optionally one article's (with its annotations, comments and links).
 * Entries about privileged annotations the reader may not see are left out, and about every
 * privileged annotation when `withholdPrivileged` (a memo that leaves them out).
 */
export async function listAuditEvents(options: {
  userId: string;
  workspaceSlug: string;
  filters: AuditFilters;
  limit?: number;
  withholdPrivileged?: boolean;
}) {
  const limit = options.limit ?? AUDIT_PAGE_LIMIT;
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.workspaceSlug });
  const { articleId, actorId } = options.filters;
  const action =
    options.filters.action === undefined ? undefined : validateInput(ZAuditActionFilter, options.filters.action);
  const where: Prisma.AuditEventWhereInput = { workspaceId: workspace.id };
  let article: { id: string; title: string } | null = null;
  if (articleId) {
    if (!isUuid(articleId)) throw notFound();
    article = await db().article.findFirst({
      where: { id: articleId, workspaceId: workspace.id },
      select: { id: true, title: true },
    });
    if (!article) throw notFound();
    where.articleId = articleId;
  }
  if (actorId && isUuid(actorId)) where.actorId = actorId;
  if (action) where.action = action;

  const withheld = await withheldAnnotationIds({
    userId: options.userId,
    role: workspace.role,
    workspaceId: workspace.id,
    ...(article ? { articleId: article.id } : {}),
    everyPrivileged: options.withholdPrivileged ?? false,
  });
  const stored = await db().auditEvent.findMany({ where, orderBy: { id: 'asc' }, take: limit + 1 });
  const rows = stored.flatMap((row) => {
    const shown = withholdAuditEvent({ ...storedAuditEvent(row), objectId: row.objectId }, withheld);
    return shown ? [{ ...row, event: shown }] : [];
  });
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const events: AuditEventView[] = rows.slice(0, limit).map((row) => ({
    ...redactAuditEvent(row.event, workspace.role),
    id: encodeEventCursor(row.id),
    objectId: row.objectId,
    actorName: row.actorId ? (names.get(row.actorId) ?? 'Former member') : null,
    createdAt: row.createdAt.toISOString(),
  }));
  const actions = await db().auditEvent.findMany({
    where: { workspaceId: workspace.id },
    distinct: ['action'],
    select: { action: true },
    orderBy: { action: 'asc' },
  });
  return {
    workspace,
    article,
    events,
    truncated: stored.length > limit,
    actors: actors.sort((a, b) => a.name.localeCompare(b.name)),
    actions: actions
      .map((row) => row.action)
      .filter((action) => readsAllPrivileged(workspace.role) || !PRIVILEGE_ACTIONS.has(action)),
  };
}
