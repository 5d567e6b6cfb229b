import 'server-only';
import { auditArticleId, type AuditEventInput } from '@/lib/domain/audit/audit-event';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';

type Writer = Prisma.TransactionClient | PrismaClient;

/**
 * The only way into the audit log, and only with a typed event. Call it inside the
 * transaction that makes the change, so the record and the change land together; it returns
 * the query unstarted, so a batched `$transaction([...])` can take it as well.
 */
export function recordAuditEvent(tx: Writer, event: AuditEventInput) {
  return tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      articleId: auditArticleId(event),
      before: (event.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (event.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
    select: { id: true },
  });
}
