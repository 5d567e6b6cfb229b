import 'server-only';
import { auditArticleId, type AuditEventInput } from '@/lib/domain/audit/audit-event';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';

type Writer = Prisma.TransactionClient | PrismaClient;

/** The row a typed event is stored as: the one mapping, for Prisma and for raw statements alike. */
export function auditEventColumns(event: AuditEventInput) {
  return {
    workspaceId: event.workspaceId,
    actorId: event.actorId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    articleId: auditArticleId(event),
    before: event.before ?? null,
    after: event.after ?? null,
  };
}

/**
 * The only way into the audit log, and only with a typed event. Call it inside the
 * transaction that makes the change, so the record and the change land together; it returns
 * the query unstarted, so a batched `$transaction([...])` can take it as well. A statement
 * that writes the change itself inserts `auditEventColumns(event)` in the same statement.
 */
export function recordAuditEvent(tx: Writer, event: AuditEventInput) {
  const { before, after, ...columns } = auditEventColumns(event);
  return tx.auditEvent.create({
    data: {
      ...columns,
      before: (before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
    select: { id: true },
  });
}
