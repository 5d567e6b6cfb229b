import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { AppError } from '@/lib/errors';
import type { TUpdateAnnotation } from '@/lib/validation/annotations';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';
import { assertMayChange, getMemberAnnotation } from './get-member-annotation';

const stale = () =>
  new AppError('CONFLICT', {
    userMessage: 'Someone changed this annotation since you loaded it. Reload to see their change, then try again.',
  });

/** Changes tag and/or note. The version guard makes a concurrent edit fail with 409 instead of being lost. */
export async function updateAnnotation(options: {
  userId: string;
  annotationId: string;
  input: TUpdateAnnotation;
}): Promise<AnnotationRecord> {
  const annotation = await getMemberAnnotation(options);
  assertMayChange(annotation, options.userId);
  const { input } = options;
  const before = annotation.record;
  if (input.version !== undefined && input.version !== before.version) throw stale();
  return db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: before.id, version: before.version },
      data: {
        ...(input.tag !== undefined ? { tag: input.tag } : {}),
        ...(input.note !== undefined ? { note: input.note || null } : {}),
        ...(input.status !== undefined && input.status !== before.status
          ? input.status === 'resolved'
            ? { status: 'resolved' as const, resolvedAt: new Date(), resolvedById: options.userId }
            : { status: 'open' as const, resolvedAt: null, resolvedById: null }
          : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw stale();
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, select: annotationRecordSelect });
    await recordAuditEvent(tx, {
      workspaceId: annotation.workspaceId,
      actorId: options.userId,
      action:
        input.status !== undefined && input.status !== before.status
          ? input.status === 'resolved'
            ? 'annotation.resolved'
            : 'annotation.reopened'
          : 'annotation.updated',
      objectType: 'annotation',
      objectId: before.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}
